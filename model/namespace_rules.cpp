#include "model/namespace_rules.hpp"

#include <algorithm>
#include <set>

#include "model/schema.hpp"

namespace schemerge::model {

namespace {

bool lists(const NamespaceRule& rule, NameKind kind) {
    return std::find(rule.members.begin(), rule.members.end(), kind) != rule.members.end();
}

// The model's container of each kind, and the scope within which the container's keys
// keep names unique.
enum class Container : std::uint8_t { tables, views, sequences, indexes, types, constraints, triggers, policies };

Container container_of(NameKind kind) {
    switch (kind) {
        case NameKind::table: return Container::tables;
        case NameKind::view:
        case NameKind::materialized_view: return Container::views;
        case NameKind::sequence: return Container::sequences;
        case NameKind::index: return Container::indexes;
        case NameKind::composite_type: return Container::types;
        case NameKind::key_constraint:
        case NameKind::other_constraint: return Container::constraints;
        case NameKind::trigger: return Container::triggers;
        case NameKind::policy: return Container::policies;
    }
    return Container::tables;
}

NameScope keyed_within(Container c) {
    switch (c) {
        case Container::constraints:
        case Container::triggers:
        case Container::policies: return NameScope::table;
        default: return NameScope::schema;
    }
}

// How wide a scope is: table < schema < database.
int width(NameScope scope) {
    switch (scope) {
        case NameScope::table: return 0;
        case NameScope::schema: return 1;
        case NameScope::database: return 2;
    }
    return 1;
}

// Do `a` and `b` share a namespace wider than one table?
bool share_beyond_table(const DialectTraits& traits, NameKind a, NameKind b) {
    if (a == b) {
        return true;
    }
    return std::any_of(traits.namespaces.begin(), traits.namespaces.end(), [&](const NamespaceRule& rule) {
        return rule.scope != NameScope::table && lists(rule, a) && lists(rule, b);
    });
}

}  // namespace

const NamespaceRule* shared_namespace(const DialectTraits& traits, NameKind a, NameKind b) {
    for (const auto& rule : traits.namespaces) {
        if (lists(rule, a) && lists(rule, b)) {
            return &rule;
        }
    }
    return nullptr;
}

bool shares_namespace(const DialectTraits& traits, NameKind a, NameKind b) {
    return a == b || shared_namespace(traits, a, b) != nullptr;
}

NameKind name_kind(const Constraint& constraint) {
    switch (constraint.kind) {
        case ConstraintKind::primary_key:
        case ConstraintKind::unique:
        case ConstraintKind::exclude: return NameKind::key_constraint;
        default: return NameKind::other_constraint;
    }
}

bool name_taken(const Schema& schema, NameKind kind, const QualifiedName& name) {
    const DialectTraits& traits = *schema.dialect;
    auto shares = [&](NameKind other) { return share_beyond_table(traits, kind, other); };
    if (shares(NameKind::table) && schema.tables.contains(name)) {
        return true;
    }
    if (auto it = schema.views.find(name); it != schema.views.end() &&
                                           shares(it->second.materialized ? NameKind::materialized_view : NameKind::view)) {
        return true;
    }
    if (shares(NameKind::sequence) && schema.sequences.contains(name)) {
        return true;
    }
    if (shares(NameKind::index) && schema.indexes.contains(name)) {
        return true;
    }
    if (shares(NameKind::composite_type)) {
        auto it = schema.types.find(name);
        return it != schema.types.end() && it->second.kind == TypeKind::composite;
    }
    return false;
}

bool can_collide(const NamespaceRule& rule) {
    std::set<Container> containers;
    for (NameKind kind : rule.members) {
        containers.insert(container_of(kind));
    }
    if (containers.size() >= 2) {
        return true;
    }
    // One container: its keys keep names unique within their own scope, so only a wider
    // rule (constraints unique per schema, tables unique across schemas) can be broken.
    return !containers.empty() && width(rule.scope) > width(keyed_within(*containers.begin()));
}

std::string_view to_string(NameKind kind) {
    switch (kind) {
        case NameKind::table: return "table";
        case NameKind::view: return "view";
        case NameKind::materialized_view: return "materialized view";
        case NameKind::sequence: return "sequence";
        case NameKind::index: return "index";
        case NameKind::composite_type: return "composite type";
        case NameKind::key_constraint: return "key constraint";
        case NameKind::other_constraint: return "constraint";
        case NameKind::trigger: return "trigger";
        case NameKind::policy: return "policy";
    }
    return "object";
}

}  // namespace schemerge::model
