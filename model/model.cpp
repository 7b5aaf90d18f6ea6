#include <algorithm>
#include <fmt/format.h>

#include "model/default_privileges.hpp"
#include "model/diagnostic.hpp"
#include "model/function.hpp"
#include "model/namespace_rules.hpp"
#include "model/new_object_acl.hpp"
#include "model/object_key.hpp"
#include "model/schema.hpp"
#include "model/source_location.hpp"
#include "model/table.hpp"

namespace schemerge::model {

std::string SourceLocation::to_string() const {
    if (!file) {
        return "<unknown>";
    }
    if (line == 0) {
        return *file;
    }
    return fmt::format("{}:{}:{}", *file, line, column);
}

std::string_view to_string(ObjectKind kind) {
    switch (kind) {
        case ObjectKind::schema: return "schema";
        case ObjectKind::extension: return "extension";
        case ObjectKind::collation: return "collation";
        case ObjectKind::type: return "type";
        case ObjectKind::sequence: return "sequence";
        case ObjectKind::table: return "table";
        case ObjectKind::column: return "column";
        case ObjectKind::constraint: return "constraint";
        case ObjectKind::index: return "index";
        case ObjectKind::view: return "view";
        case ObjectKind::materialized_view: return "materialized view";
        case ObjectKind::function: return "function";
        case ObjectKind::procedure: return "procedure";
        case ObjectKind::aggregate: return "aggregate";
        case ObjectKind::event: return "event";
        case ObjectKind::operator_: return "operator";
        case ObjectKind::operator_class: return "operator class";
        case ObjectKind::operator_family: return "operator family";
        case ObjectKind::trigger: return "trigger";
        case ObjectKind::policy: return "policy";
        case ObjectKind::text_search_configuration: return "text search configuration";
        case ObjectKind::text_search_dictionary: return "text search dictionary";
        case ObjectKind::other: return "statement";
        case ObjectKind::default_privileges: return "default privileges";
    }
    return "object";
}

std::string ObjectKey::to_string() const {
    std::string out{model::to_string(kind)};
    if (kind == ObjectKind::default_privileges) {
        // "default privileges for role r in schema s on tables" (model/default_privileges.hpp).
        out += name.empty() ? "" : " for role " + name;
        out += schema.empty() ? "" : " in schema " + schema;
        return out + " on " + args;
    }
    out += ' ';
    if (!schema.empty()) {
        out += schema + ".";
    }
    if (!table.empty()) {
        out += table + ".";
    }
    out += name;
    if (kind == ObjectKind::function || kind == ObjectKind::procedure || kind == ObjectKind::aggregate ||
        kind == ObjectKind::operator_) {
        out += "(" + args + ")";
    } else if (is_opclass_kind(kind)) {
        out += " USING " + access_method(args);
    }
    return out;
}

std::string Diagnostic::headline() const {
    std::string_view sev = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
    if (location.file) {
        return fmt::format("{}: {}: {}", location.to_string(), sev, message);
    }
    return fmt::format("{}: {}", sev, message);
}

std::string Diagnostic::render() const {
    std::string out = headline();
    if (!source_line.empty()) {
        out += "\n  " + source_line;
        if (location.column > 0) {
            out += "\n  " + std::string(location.column - 1, ' ') + "^";
        }
    }
    for (std::size_t i = 0; i < related.size(); ++i) {
        out += "\n" + related[i].to_string() + ": note: " + (i < related_notes.size() ? related_notes[i] : "related location");
    }
    return out;
}

std::string Error::render() const {
    std::string out;
    for (const auto& d : diagnostics) {
        if (!out.empty()) {
            out += '\n';
        }
        out += d.render();
    }
    return out;
}

namespace {
template <typename Vec>
auto* find_named(Vec& items, std::string_view name) {
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

Column* Table::find_column(std::string_view column_name) { return find_named(columns, column_name); }
const Column* Table::find_column(std::string_view column_name) const { return find_named(columns, column_name); }
Constraint* Table::find_constraint(std::string_view constraint_name) { return find_named(constraints, constraint_name); }
const Constraint* Table::find_constraint(std::string_view constraint_name) const {
    return find_named(constraints, constraint_name);
}

ObjectKind object_kind(RoutineKind kind) {
    switch (kind) {
        case RoutineKind::function: return ObjectKind::function;
        case RoutineKind::procedure: return ObjectKind::procedure;
        case RoutineKind::aggregate: return ObjectKind::aggregate;
        case RoutineKind::event: return ObjectKind::event;
        case RoutineKind::operator_: return ObjectKind::operator_;
        case RoutineKind::operator_class: return ObjectKind::operator_class;
        case RoutineKind::operator_family: return ObjectKind::operator_family;
    }
    return ObjectKind::function;
}

std::string opclass_identity_args(RoutineKind kind, const std::string& access_method) {
    return (kind == RoutineKind::operator_family ? "FAMILY USING " : "USING ") + access_method;
}

std::string access_method(const std::string& identity_args) {
    auto at = identity_args.rfind(' ');
    return at == std::string::npos ? identity_args : identity_args.substr(at + 1);
}

std::string Function::identity_args() const {
    if (is_opclass_kind(kind)) {
        for (const auto& [option, value] : operator_options) {
            if (option == "using") {
                return opclass_identity_args(kind, value);
            }
        }
        return opclass_identity_args(kind, "");
    }
    std::string out;
    for (const auto& arg : args) {
        if (arg.mode == ArgMode::out || arg.mode == ArgMode::table) {
            continue;
        }
        if (!out.empty()) {
            out += ", ";
        }
        out += arg.type.name.to_string();
        for (int i = 0; i < arg.type.array_dims; ++i) {
            out += "[]";
        }
    }
    return out;
}

std::vector<QualifiedName> BodyDependencies::relations() const {
    std::vector<QualifiedName> out;
    for (const auto& r : references) {
        if (r.column.empty() && !r.trigger_row) {
            out.push_back(r.relation);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::pair<QualifiedName, std::string>> BodyDependencies::columns(
    const std::optional<QualifiedName>& trigger_table) const {
    std::vector<std::pair<QualifiedName, std::string>> out;
    for (const auto& r : references) {
        if (r.column.empty()) {
            continue;
        }
        if (!r.trigger_row) {
            out.emplace_back(r.relation, r.column);
        } else if (trigger_table) {
            out.emplace_back(*trigger_table, r.column);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool Schema::relation_exists(const QualifiedName& name) const { return name_taken(*this, NameKind::table, name); }

const DialectTraits& dialect_of(std::initializer_list<const Schema*> schemas) {
    for (const Schema* s : schemas) {
        if (s != nullptr && s->dialect.known()) {
            return *s->dialect;
        }
    }
    return DialectTraits::neutral();
}

std::size_t Schema::object_count() const {
    std::size_t n = namespaces.size() + extensions.size() + collations.size() + types.size() + sequences.size() +
                    tables.size() + views.size() + indexes.size() + functions.size() + triggers.size() +
                    policies.size() + text_search_configurations.size() + text_search_dictionaries.size() +
                    opaque.size() + default_privileges.size();
    for (const auto& [_, table] : tables) {
        n += table.constraints.size();
    }
    return n;
}

}  // namespace schemerge::model

namespace schemerge::model {

Acl default_privileges_start(const DialectTraits& traits, const DefaultPrivilegesKey& key) {
    if (!key.schema.empty()) {
        Acl acl;
        acl.tracked = true;
        return acl;
    }
    // Every object of the kind, not one named object (a database's default schema).
    Acl acl;
    acl.tracked = true;
    for (const auto& d : traits.default_privileges) {
        if (d.kind == key.objects && d.name.empty()) {
            acl.entries.emplace(AclKey{std::string(d.grantee), "", std::string(d.privilege)}, false);
        }
    }
    return acl;
}

Acl effective_default_privileges(const DialectTraits& traits, const DefaultPrivilegesKey& key,
                                 const DefaultPrivileges* entry) {
    return entry != nullptr ? entry->meta.acl : default_privileges_start(traits, key);
}

std::optional<ObjectKind> default_privileges_objects(ObjectKind kind) {
    switch (kind) {
        case ObjectKind::table:
        case ObjectKind::view:
        case ObjectKind::materialized_view: return ObjectKind::table;
        case ObjectKind::sequence: return ObjectKind::sequence;
        case ObjectKind::function:
        case ObjectKind::procedure:
        case ObjectKind::aggregate: return ObjectKind::function;
        case ObjectKind::type: return ObjectKind::type;
        case ObjectKind::schema: return ObjectKind::schema;
        default: return std::nullopt;
    }
}

Acl new_object_acl(const DialectTraits& traits, const std::map<DefaultPrivilegesKey, DefaultPrivileges>& entries,
                   ObjectKind kind, std::string_view schema, std::string_view name, std::string_view creator) {
    std::optional<ObjectKind> objects = default_privileges_objects(kind);
    if (!objects || entries.empty()) {
        return {};
    }
    auto find = [&](std::string_view in_schema) -> const DefaultPrivileges* {
        auto it = entries.find(DefaultPrivilegesKey{std::string(creator), std::string(in_schema), *objects});
        return it != entries.end() ? &it->second : nullptr;
    };
    const DefaultPrivileges* everywhere = find("");
    // Schemas have no entries for one schema (IN SCHEMA is refused for them).
    const DefaultPrivileges* here = *objects != ObjectKind::schema && !schema.empty() ? find(schema) : nullptr;
    if (everywhere == nullptr && here == nullptr) {
        return {};
    }
    Acl builtin = traits.default_acl(kind, name);
    Acl acl;
    acl.tracked = true;
    acl.entries = everywhere != nullptr ? everywhere->meta.acl.entries : builtin.entries;
    if (everywhere != nullptr) {
        acl.lines = everywhere->meta.acl.lines;
    }
    if (here != nullptr) {
        // aclmerge: the union, a grant option held in either kept.
        for (const auto& [key, option] : here->meta.acl.entries) {
            bool& held = acl.entries[key];
            held = held || option;
        }
        for (const auto& [grantee, line] : here->meta.acl.lines) {
            acl.lines[grantee] = line;
        }
    }
    if (acl == builtin) {
        return {};
    }
    acl.derived = true;
    return acl;
}

std::string_view objects_word(ObjectKind objects) {
    switch (objects) {
        case ObjectKind::table: return "tables";
        case ObjectKind::sequence: return "sequences";
        case ObjectKind::function: return "functions";
        case ObjectKind::type: return "types";
        case ObjectKind::schema: return "schemas";
        default: return "objects";
    }
}

ObjectKey default_privileges_key(const DefaultPrivilegesKey& key) {
    return {ObjectKind::default_privileges, key.schema, key.role, "", std::string(objects_word(key.objects))};
}

DefaultPrivilegesKey default_privileges_key(const ObjectKey& key) {
    DefaultPrivilegesKey out;
    out.role = key.name;
    out.schema = key.schema;
    for (ObjectKind kind : {ObjectKind::table, ObjectKind::sequence, ObjectKind::function, ObjectKind::type,
                            ObjectKind::schema}) {
        if (objects_word(kind) == key.args) {
            out.objects = kind;
        }
    }
    return out;
}

}  // namespace schemerge::model
