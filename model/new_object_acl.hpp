#pragma once
// The ACL a new object starts with under default privileges (model/default_privileges.hpp):
// one rule for the front ends (objects an input creates after ALTER DEFAULT PRIVILEGES) and
// the planners (objects a plan creates on a database whose default privileges are the from
// side's).
#include <map>
#include <optional>
#include <string_view>

#include "model/acl.hpp"
#include "model/default_privileges.hpp"
#include "model/dialect_traits.hpp"
#include "model/object_key.hpp"

namespace schemerge::model {

// The kind of entries (DefaultPrivilegesKey::objects) that reach a new object of `kind`:
// table for every relation (table, view, materialized view), sequence, function for every
// routine with an ACL (function, procedure, aggregate), type (domains too), schema; nullopt
// for kinds default privileges do not reach.
[[nodiscard]] std::optional<ObjectKind> default_privileges_objects(ObjectKind kind);

// The ACL a new object of `kind` called `name`, in schema `schema` (a schema: its name, and
// `schema` empty), starts with when `creator` creates it ("": the role running the
// statements) under `entries` (a Schema's default_privileges). As PostgreSQL's
// get_user_default_acl: the creator's entry for every schema (or the dialect's default of
// the kind when it has none), merged with the creator's entry for the object's schema (a
// grant option held in either is kept). Untracked (the dialect's default,
// DialectTraits::default_acl) when no entry applies or the result equals that default;
// else tracked and `derived` (no statement of the object wrote it), `lines` the entries'.
[[nodiscard]] Acl new_object_acl(const DialectTraits& traits,
                                 const std::map<DefaultPrivilegesKey, DefaultPrivileges>& entries, ObjectKind kind,
                                 std::string_view schema, std::string_view name, std::string_view creator = {});

}  // namespace schemerge::model
