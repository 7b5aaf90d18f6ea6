#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"
#include "model/type_ref.hpp"

namespace schemerge::model {

enum class TypeKind : std::uint8_t { enum_, composite, domain, range, base, shell };

struct CompositeAttribute {
    std::string name;
    TypeRef type;
    std::optional<QualifiedName> collation;
    bool operator==(const CompositeAttribute&) const = default;
};

struct DomainConstraint {
    std::string name;  // chosen like the engine when omitted: <domain>_check
    Expression check;
    bool not_valid = false;
    bool operator==(const DomainConstraint&) const = default;
};

// A user-defined type. One struct for all kinds keeps identity uniform: types,
// domains and tables' row types share one namespace in PostgreSQL.
struct TypeDef {
    QualifiedName name;
    TypeKind kind = TypeKind::enum_;
    std::vector<std::string> enum_labels;           // enum, in sort order
    std::vector<CompositeAttribute> attributes;     // composite
    TypeRef base_type;                              // domain: underlying type
    std::optional<QualifiedName> collation;         // domain
    std::optional<Expression> default_value;        // domain
    bool not_null = false;                          // domain
    std::vector<DomainConstraint> constraints;      // domain CHECKs, sorted by name
    std::vector<std::pair<std::string, std::string>> options;  // range / base: subtype, input, ...
    ObjectBase meta;

    bool operator==(const TypeDef&) const = default;
};

}  // namespace schemerge::model
