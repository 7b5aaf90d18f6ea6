#pragma once
// Default privileges (SQL engines' ALTER DEFAULT PRIVILEGES): the ACL an object of one kind
// starts with when one role creates it, in one schema or in any. The model keeps one ACL
// (model/acl.hpp) per (role, schema, kind of objects). An entry for every schema starts
// from the dialect's default privileges of the kind (DialectTraits::default_privileges,
// e.g. PUBLIC's EXECUTE on routines); an entry for one schema adds to it and starts empty.
// An entry equal to where it starts is not kept (the engine stores nothing then), so two
// spellings the engine stores alike give the same model.
#include <compare>
#include <string>
#include <string_view>

#include "model/acl.hpp"
#include "model/dialect_traits.hpp"
#include "model/object_base.hpp"
#include "model/object_key.hpp"

namespace schemerge::model {

struct DefaultPrivilegesKey {
    std::string role;    // the creating role; empty: the role that runs the statements
    std::string schema;  // empty: objects created in any schema
    // The objects it applies to: table (every relation), sequence, function (every
    // routine), type, schema.
    ObjectKind objects = ObjectKind::table;

    auto operator<=>(const DefaultPrivilegesKey&) const = default;
    bool operator==(const DefaultPrivilegesKey&) const = default;
};

struct DefaultPrivileges {
    DefaultPrivilegesKey key;
    // meta.acl: the whole ACL such objects start with (tracked); meta.location: the statement
    // that first set it; meta.acl.lines: where each grantee's entries were last changed.
    ObjectBase meta;

    // Unlike objects, the ACL is the value.
    bool operator==(const DefaultPrivileges& other) const { return key == other.key && meta.acl == other.meta.acl; }
};

// Where an entry starts (the ACL when nothing was said): the dialect's default privileges of
// the kind for every schema, empty for one schema.
[[nodiscard]] Acl default_privileges_start(const DialectTraits& traits, const DefaultPrivilegesKey& key);
// The entry's ACL, or where it starts when the schema has none.
[[nodiscard]] Acl effective_default_privileges(const DialectTraits& traits, const DefaultPrivilegesKey& key,
                                               const DefaultPrivileges* entry);

// "tables", "sequences", "functions", "types", "schemas": the objects' word in reports.
[[nodiscard]] std::string_view objects_word(ObjectKind objects);
// The entry as an object key (kind default_privileges): schema = the entry's schema, name =
// its role, args = objects_word. Its to_string() reads "default privileges for role r in
// schema s on tables".
[[nodiscard]] ObjectKey default_privileges_key(const DefaultPrivilegesKey& key);
// The reverse of default_privileges_key.
[[nodiscard]] DefaultPrivilegesKey default_privileges_key(const ObjectKey& key);

}  // namespace schemerge::model
