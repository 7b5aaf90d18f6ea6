#pragma once
#include <compare>
#include <string>
#include <vector>

#include "model/qualified_name.hpp"

namespace schemerge::model {

// A reference to a data type, canonical at construction: built-in types carry an
// empty schema and the catalog's display name ("integer", "character varying",
// "timestamp with time zone"), user types are schema-qualified. Modifiers are kept
// as text ("10", "10,2") because their meaning is the type's business.
struct TypeRef {
    QualifiedName name;
    std::vector<std::string> modifiers;  // typmods: varchar(10) -> {"10"}
    int array_dims = 0;                  // integer[][] -> 2 (bounds are not stored by PostgreSQL)
    bool setof = false;                  // only for routine return types

    auto operator<=>(const TypeRef&) const = default;
    bool operator==(const TypeRef&) const = default;
    [[nodiscard]] bool empty() const { return name.name.empty(); }
};

}  // namespace schemerge::model
