#pragma once
// Which names an engine keeps unique together, asked by kind: the questions the front
// ends (does CREATE collide?) and the merge (name collisions) ask of
// DialectTraits::namespaces, so that neither names an engine. PostgreSQL: tables, views,
// sequences, indexes, composite types (and the indexes of keys) share one namespace per
// schema; MySQL keeps index names per table.
#include <optional>

#include "model/dialect_traits.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

struct Schema;
struct Constraint;

// The first rule listing both kinds, or null. A kind shares a namespace with itself even
// when no rule lists it (the model keys each kind's objects by name).
[[nodiscard]] const NamespaceRule* shared_namespace(const DialectTraits& traits, NameKind a, NameKind b);
[[nodiscard]] bool shares_namespace(const DialectTraits& traits, NameKind a, NameKind b);

// The name kind of a constraint (key_constraint: PRIMARY KEY / UNIQUE / EXCLUDE, which own
// an index of their name; other_constraint otherwise).
[[nodiscard]] NameKind name_kind(const Constraint& constraint);

// Is `name` used by an object of `schema` whose kind shares a per-schema (or database-wide)
// namespace with `kind` (kind itself included)? Tables, views, materialized views,
// sequences, indexes and composite types are looked up; constraints, triggers and policies
// belong to their tables and are not. Logarithmic: front ends ask it at every CREATE.
[[nodiscard]] bool name_taken(const Schema& schema, NameKind kind, const QualifiedName& name);

// Can two objects of the model break `rule`? False when the model itself keeps the rule's
// names unique in its scope (one kind whose container is keyed within that scope, such as
// triggers per table): the merge then has nothing to check.
[[nodiscard]] bool can_collide(const NamespaceRule& rule);

[[nodiscard]] std::string_view to_string(NameKind kind);

}  // namespace schemerge::model
