#pragma once
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace schemerge::model {

enum class ObjectKind : std::uint8_t {
    schema,
    extension,
    collation,
    type,  // enum, composite, domain, range, base
    sequence,
    table,
    column,
    constraint,
    index,
    view,
    materialized_view,
    function,
    procedure,
    aggregate,
    event,  // a routine the engine runs on a schedule (MySQL's CREATE EVENT)
    operator_,  // a routine kind (Schema::functions): name + argument types
    operator_class,   // a routine kind (Schema::functions): name + access method
    operator_family,  // a routine kind (Schema::functions): name + access method
    trigger,
    policy,
    text_search_configuration,
    text_search_dictionary,
    other,  // a statement kept verbatim (event trigger, publication, cast, ...)
    default_privileges,  // the ACL new objects get (model/default_privileges.hpp)
};

[[nodiscard]] std::string_view to_string(ObjectKind kind);

// An operator class or family (routine kinds identified by name + access method).
[[nodiscard]] inline bool is_opclass_kind(ObjectKind kind) {
    return kind == ObjectKind::operator_class || kind == ObjectKind::operator_family;
}

// Identity of an object: kind + schema-qualified name, plus the owning table for
// table-scoped objects (column, constraint, trigger, policy) and the canonical
// input argument types for routines ("integer, text").
struct ObjectKey {
    ObjectKind kind = ObjectKind::other;
    std::string schema;
    std::string name;
    std::string table;  // owning relation for column/constraint/trigger/policy
    std::string args;   // routines: canonical input argument types

    auto operator<=>(const ObjectKey&) const = default;
    bool operator==(const ObjectKey&) const = default;
    [[nodiscard]] std::string to_string() const;
};

}  // namespace schemerge::model
