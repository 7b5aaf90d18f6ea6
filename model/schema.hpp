#pragma once
#include <compare>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "model/default_privileges.hpp"
#include "model/dialect_traits.hpp"
#include "model/function.hpp"
#include "model/index.hpp"
#include "model/misc_objects.hpp"
#include "model/object_key.hpp"
#include "model/policy.hpp"
#include "model/qualified_name.hpp"
#include "model/sequence.hpp"
#include "model/table.hpp"
#include "model/trigger.hpp"
#include "model/type_def.hpp"
#include "model/view.hpp"

namespace schemerge::model {

// Identity of a routine: name + canonical input argument types.
struct RoutineName {
    QualifiedName name;
    std::string args;
    auto operator<=>(const RoutineName&) const = default;
    bool operator==(const RoutineName&) const = default;
};

// Identity of a table-scoped object (trigger, policy): table + own name.
struct TableScopedName {
    QualifiedName table;
    std::string name;
    auto operator<=>(const TableScopedName&) const = default;
    bool operator==(const TableScopedName&) const = default;
};

// The dialect-neutral schema model. Containers are ordered maps so that iteration
// order is canonical (by identity) whatever the order the source declared things in;
// only table columns keep declaration order, because the engine does too.
//
// Two schemas the engine would store identically compare equal with ==; owners,
// grants and source locations are not compared (ObjectBase::operator==).
struct Schema {
    // The traits of the dialect that built it (not part of its value: see DialectRef).
    DialectRef dialect;
    std::map<std::string, Namespace> namespaces;  // excludes the dialect's default schema unless it carries metadata
    std::map<std::string, Extension> extensions;
    std::map<QualifiedName, OptionObject> collations;
    std::map<QualifiedName, TypeDef> types;
    std::map<QualifiedName, Sequence> sequences;
    std::map<QualifiedName, Table> tables;
    std::map<QualifiedName, View> views;  // views and materialized views
    std::map<QualifiedName, Index> indexes;
    std::map<RoutineName, Function> functions;  // functions, procedures, aggregates, operators
    std::map<TableScopedName, Trigger> triggers;
    std::map<TableScopedName, Policy> policies;
    std::map<QualifiedName, OptionObject> text_search_configurations;
    std::map<QualifiedName, OptionObject> text_search_dictionaries;
    std::vector<OpaqueStatement> opaque;  // in source order
    // ALTER DEFAULT PRIVILEGES: only entries that differ from where they start.
    std::map<DefaultPrivilegesKey, DefaultPrivileges> default_privileges;

    bool operator==(const Schema&) const = default;

    // Does an object whose name a table's name would collide with use this name? Which
    // kinds share the table's namespace is the dialect's (model/namespace_rules.hpp;
    // PostgreSQL: tables, views, sequences, indexes, composite types' row types).
    [[nodiscard]] bool relation_exists(const QualifiedName& name) const;
    [[nodiscard]] std::size_t object_count() const;
};

// The traits of the first of `schemas` that a dialect built; the neutral traits when none
// was (a diff or merge of schemas from one dialect, some of them possibly empty).
[[nodiscard]] const DialectTraits& dialect_of(std::initializer_list<const Schema*> schemas);

}  // namespace schemerge::model
