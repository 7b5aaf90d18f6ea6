#pragma once
#include <compare>
#include <string>

namespace schemerge::model {

// A schema-qualified name, each part stored as the catalog stores it
// (PostgreSQL folds unquoted identifiers to lower case, keeps quoted ones).
struct QualifiedName {
    std::string schema;
    std::string name;

    auto operator<=>(const QualifiedName&) const = default;
    bool operator==(const QualifiedName&) const = default;
    [[nodiscard]] std::string to_string() const {
        return schema.empty() ? name : schema + "." + name;
    }
};

}  // namespace schemerge::model
