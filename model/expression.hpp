#pragma once
#include <compare>
#include <string>
#include <vector>

#include "model/qualified_name.hpp"

namespace schemerge::model {

// An expression (default, CHECK, index key, predicate, view query, generated
// column) as canonical text produced by the dialect's own deparser, plus what it
// references. Equality is on the text only: the references are derived from it.
struct Expression {
    std::string text;
    std::vector<QualifiedName> relations;  // tables/views/sequences it reads
    std::vector<QualifiedName> functions;  // functions it calls (qualified ones only)
    std::vector<std::string> columns;      // unqualified column names it mentions

    [[nodiscard]] bool empty() const { return text.empty(); }
    bool operator==(const Expression& other) const { return text == other.text; }
    auto operator<=>(const Expression& other) const { return text <=> other.text; }
};

}  // namespace schemerge::model
