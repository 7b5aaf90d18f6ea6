#pragma once
#include <string>
#include <vector>

#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

// A row-level security policy. Roles are kept sorted: the engine stores a set.
struct Policy {
    std::string name;
    QualifiedName table;
    bool permissive = true;
    std::string command = "ALL";  // ALL, SELECT, INSERT, UPDATE, DELETE
    std::vector<std::string> roles;  // canonical: the front end's name for all roles when none given
    Expression using_expr;
    Expression check_expr;
    ObjectBase meta;

    bool operator==(const Policy&) const = default;
};

}  // namespace schemerge::model
