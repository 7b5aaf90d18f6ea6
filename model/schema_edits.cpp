#include "model/schema_edits.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/dependency_graph.hpp"

namespace schemerge::model {

namespace {

std::string error_text(EditError::Reason reason, const ObjectKey& object, const std::string& dependent) {
    std::string name = object.to_string();
    switch (reason) {
        case EditError::Reason::not_found: return name + " does not exist";
        case EditError::Reason::already_exists: return name + " already exists";
        case EditError::Reason::has_dependents:
            return "cannot drop " + name + " because other objects depend on it: " + dependent;
    }
    return name;
}

}  // namespace

EditError::EditError(Reason r, ObjectKey o, std::string d)
    : std::runtime_error(error_text(r, o, d)), reason(r), object(std::move(o)), dependent(std::move(d)) {}

namespace {

[[noreturn]] void fail(EditError::Reason reason, ObjectKey key) { throw EditError(reason, std::move(key)); }

void replace_name(std::vector<std::string>& names, const std::string& from, const std::string& to) {
    std::replace(names.begin(), names.end(), from, to);
}

void replace_relation(std::vector<QualifiedName>& names, const QualifiedName& from, const QualifiedName& to) {
    std::replace(names.begin(), names.end(), from, to);
}

// Moves map[from] to map[to], setting the object's name; false when `from` is absent.
template <typename Map>
bool move_key(Map& map, const QualifiedName& from, const QualifiedName& to) {
    auto node = map.extract(from);
    if (node.empty()) {
        return false;
    }
    node.key() = to;
    node.mapped().name = to;
    map.insert(std::move(node));
    return true;
}

// Re-keys the table-scoped objects of `from` under `to`.
template <typename Map>
void rekey_table(Map& map, const QualifiedName& from, const QualifiedName& to) {
    std::vector<TableScopedName> keys;
    for (const auto& [k, _] : map) {
        if (k.table == from) {
            keys.push_back(k);
        }
    }
    for (const auto& k : keys) {
        auto node = map.extract(k);
        node.key().table = to;
        node.mapped().table = to;
        map.insert(std::move(node));
    }
}

std::optional<NameKind> relation_name_kind(const Schema& schema, const QualifiedName& name) {
    if (schema.tables.contains(name)) {
        return NameKind::table;
    }
    if (auto it = schema.views.find(name); it != schema.views.end()) {
        return it->second.materialized ? NameKind::materialized_view : NameKind::view;
    }
    if (schema.sequences.contains(name)) {
        return NameKind::sequence;
    }
    if (schema.indexes.contains(name)) {
        return NameKind::index;
    }
    if (auto it = schema.types.find(name); it != schema.types.end() && it->second.kind == TypeKind::composite) {
        return NameKind::composite_type;
    }
    return std::nullopt;
}

ObjectKind object_kind_of(NameKind kind) {
    switch (kind) {
        case NameKind::table: return ObjectKind::table;
        case NameKind::view: return ObjectKind::view;
        case NameKind::materialized_view: return ObjectKind::materialized_view;
        case NameKind::sequence: return ObjectKind::sequence;
        case NameKind::index: return ObjectKind::index;
        case NameKind::composite_type: return ObjectKind::type;
        default: return ObjectKind::other;
    }
}

// Does a schema-level relation-like object other than the one renamed hold `to`, among the
// kinds that may not share its name?
bool relation_name_taken(const Schema& schema, NameKind kind, const QualifiedName& to, NameCollisions collisions) {
    std::optional<NameKind> holder = relation_name_kind(schema, to);
    if (!holder) {
        return false;
    }
    if (*holder == kind || (kind == NameKind::view && *holder == NameKind::materialized_view) ||
        (kind == NameKind::materialized_view && *holder == NameKind::view)) {
        return true;  // views and materialized views share one map
    }
    if (collisions == NameCollisions::same_kind) {
        return false;
    }
    for (const auto& rule : schema.dialect->namespaces) {
        if (rule.scope == NameScope::table) {
            continue;
        }
        bool has_kind = std::find(rule.members.begin(), rule.members.end(), kind) != rule.members.end();
        bool has_holder = std::find(rule.members.begin(), rule.members.end(), *holder) != rule.members.end();
        if (has_kind && has_holder) {
            return true;
        }
    }
    return false;
}

void sort_constraints(Table& table) {
    std::sort(table.constraints.begin(), table.constraints.end(),
              [](const Constraint& a, const Constraint& b) { return a.name < b.name; });
}

Table& require_table(Schema& schema, const QualifiedName& name) {
    auto it = schema.tables.find(name);
    if (it == schema.tables.end()) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::table, name));
    }
    return it->second;
}

// What follows a table's rename: every reference by name to it.
void retarget_table(Schema& schema, const QualifiedName& from, const QualifiedName& to) {
    for (auto& [_, t] : schema.tables) {
        for (auto& c : t.constraints) {
            if (c.ref_table == from) {
                c.ref_table = to;
            }
        }
        if (t.partition_of == from) {
            t.partition_of = to;
        }
        replace_relation(t.inherits, from, to);
    }
    for (auto& [_, i] : schema.indexes) {
        if (i.table == from) {
            i.table = to;
        }
    }
    for (auto& [_, s] : schema.sequences) {
        if (s.owned_by && s.owned_by->table == from) {
            s.owned_by->table = to;
        }
    }
    for (auto& [_, tr] : schema.triggers) {
        if (tr.from_table == from) {
            tr.from_table = to;
        }
    }
    rekey_table(schema.triggers, from, to);
    rekey_table(schema.policies, from, to);
}

}  // namespace

namespace {

void rename_relation_of_kind(Schema& schema, NameKind kind, const QualifiedName& from, const QualifiedName& to,
                             NameCollisions collisions) {
    if (relation_name_taken(schema, kind, to, collisions)) {
        NameKind holder = *relation_name_kind(schema, to);
        fail(EditError::Reason::already_exists, object_key(object_kind_of(holder), to));
    }
    switch (kind) {
        case NameKind::table:
            move_key(schema.tables, from, to);
            retarget_table(schema, from, to);
            break;
        case NameKind::view:
        case NameKind::materialized_view: move_key(schema.views, from, to); break;
        case NameKind::sequence: move_key(schema.sequences, from, to); break;
        case NameKind::index: move_key(schema.indexes, from, to); break;
        default: break;
    }
    // Views read relations by identity: the ones reading it read the new name.
    for (auto& [_, v] : schema.views) {
        replace_relation(v.query.relations, from, to);
    }
}

}  // namespace

ObjectKind rename_relation(Schema& schema, const QualifiedName& from, const QualifiedName& to,
                           NameCollisions collisions) {
    std::optional<NameKind> kind = relation_name_kind(schema, from);
    if (!kind || *kind == NameKind::composite_type) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::table, from));
    }
    rename_relation_of_kind(schema, *kind, from, to, collisions);
    return object_kind_of(*kind);
}

void rename_table(Schema& schema, const QualifiedName& from, const QualifiedName& to, NameCollisions collisions) {
    if (!schema.tables.contains(from)) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::table, from));
    }
    rename_relation_of_kind(schema, NameKind::table, from, to, collisions);
}

void rename_index(Schema& schema, const QualifiedName& from, const std::string& to, NameCollisions collisions) {
    auto it = schema.indexes.find(from);
    if (it == schema.indexes.end()) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::index, from));
    }
    QualifiedName table = it->second.table;
    rename_relation_of_kind(schema, NameKind::index, from, {from.schema, to}, collisions);
    if (auto t = schema.tables.find(table); t != schema.tables.end()) {
        // Attributes naming the index (CLUSTER ON, REPLICA IDENTITY USING INDEX).
        t->second.meta.attributes.rename_index(from.name, to);
    }
    for (auto& [_, i] : schema.indexes) {
        if (i.attached_to && *i.attached_to == from) {
            i.attached_to = QualifiedName{from.schema, to};
        }
    }
}

void rename_column(Schema& schema, const QualifiedName& table_name, const std::string& from, const std::string& to) {
    Table& table = require_table(schema, table_name);
    Column* column = table.find_column(from);
    if (column == nullptr) {
        fail(EditError::Reason::not_found, table_scoped_key(ObjectKind::column, table_name, from));
    }
    if (table.find_column(to) != nullptr) {
        fail(EditError::Reason::already_exists, table_scoped_key(ObjectKind::column, table_name, to));
    }
    column->name = to;
    for (auto& c : table.constraints) {
        replace_name(c.columns, from, to);
        replace_name(c.include, from, to);
        replace_name(c.on_delete_columns, from, to);
        for (auto& e : c.exclusion) {
            if (e.column == from) {
                e.column = to;
            }
        }
    }
    for (auto& p : table.partition_key) {
        if (p.column == from) {
            p.column = to;
        }
    }
    for (auto& [_, other] : schema.tables) {
        for (auto& c : other.constraints) {
            if (c.kind == ConstraintKind::foreign_key && c.ref_table == table_name) {
                replace_name(c.ref_columns, from, to);
            }
        }
    }
    for (auto& [_, i] : schema.indexes) {
        if (i.table == table_name) {
            for (auto& e : i.elements) {
                if (e.column == from) {
                    e.column = to;
                }
            }
            replace_name(i.include, from, to);
        }
    }
    for (auto& [_, s] : schema.sequences) {
        if (s.owned_by && s.owned_by->table == table_name && s.owned_by->column == from) {
            s.owned_by->column = to;
        }
    }
    for (auto& [_, tr] : schema.triggers) {
        if (tr.table == table_name) {
            replace_name(tr.events.update_columns, from, to);
        }
    }
}

void rename_constraint(Schema& schema, const QualifiedName& table_name, const std::string& from,
                       const std::string& to) {
    Table& table = require_table(schema, table_name);
    Constraint* c = table.find_constraint(from);
    if (c == nullptr) {
        fail(EditError::Reason::not_found, table_scoped_key(ObjectKind::constraint, table_name, from));
    }
    if (table.find_constraint(to) != nullptr) {
        fail(EditError::Reason::already_exists, table_scoped_key(ObjectKind::constraint, table_name, to));
    }
    c->name = to;
    if (c->kind == ConstraintKind::primary_key || c->kind == ConstraintKind::unique ||
        c->kind == ConstraintKind::exclude) {
        // The key's index carries the constraint's name (attributes naming it follow).
        table.meta.attributes.rename_index(from, to);
    }
    sort_constraints(table);
}

namespace {

template <typename Map>
void rename_scoped(Map& map, ObjectKind kind, const QualifiedName& table, const std::string& from,
                   const std::string& to) {
    if (!map.contains(TableScopedName{table, from})) {
        fail(EditError::Reason::not_found, table_scoped_key(kind, table, from));
    }
    if (map.contains(TableScopedName{table, to})) {
        fail(EditError::Reason::already_exists, table_scoped_key(kind, table, to));
    }
    auto node = map.extract(TableScopedName{table, from});
    node.key().name = to;
    node.mapped().name = to;
    map.insert(std::move(node));
}

}  // namespace

void rename_trigger(Schema& schema, const QualifiedName& table, const std::string& from, const std::string& to) {
    rename_scoped(schema.triggers, ObjectKind::trigger, table, from, to);
}

void rename_policy(Schema& schema, const QualifiedName& table, const std::string& from, const std::string& to) {
    rename_scoped(schema.policies, ObjectKind::policy, table, from, to);
}

void rename_type(Schema& schema, const QualifiedName& from, const std::string& to) {
    QualifiedName new_name{from.schema, to};
    if (!schema.types.contains(from)) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::type, from));
    }
    if (schema.types.contains(new_name)) {
        fail(EditError::Reason::already_exists, object_key(ObjectKind::type, new_name));
    }
    move_key(schema.types, from, new_name);
    auto fix = [&](TypeRef& t) {
        if (t.name == from) {
            t.name = new_name;
        }
    };
    for (auto& [_, t] : schema.tables) {
        for (auto& c : t.columns) {
            fix(c.type);
        }
    }
    for (auto& [_, t] : schema.types) {
        for (auto& a : t.attributes) {
            fix(a.type);
        }
        fix(t.base_type);
    }
    // Routines' identities spell their argument types: re-key the ones using it.
    std::vector<RoutineName> keys;
    for (const auto& [k, f] : schema.functions) {
        bool uses = f.returns && f.returns->name == from;
        for (const auto& a : f.args) {
            uses = uses || a.type.name == from;
        }
        if (uses) {
            keys.push_back(k);
        }
    }
    for (const auto& k : keys) {
        auto node = schema.functions.extract(k);
        Function& f = node.mapped();
        for (auto& a : f.args) {
            fix(a.type);
        }
        if (f.returns) {
            fix(*f.returns);
        }
        node.key().args = f.identity_args();
        schema.functions.insert(std::move(node));
    }
}

void rename_routine(Schema& schema, const RoutineName& from, const std::string& to) {
    RoutineName new_name{{from.name.schema, to}, from.args};
    auto it = schema.functions.find(from);
    if (it == schema.functions.end()) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::function, from.name, from.args));
    }
    if (schema.functions.contains(new_name)) {
        fail(EditError::Reason::already_exists, object_key(object_kind(it->second.kind), new_name.name, new_name.args));
    }
    auto node = schema.functions.extract(it);
    node.key() = new_name;
    node.mapped().name = new_name.name;
    schema.functions.insert(std::move(node));
}

// ---------------------------------------------------------------------------------------
// Drops

std::vector<std::string> relation_dependents(const Schema& schema, const QualifiedName& name) {
    std::vector<std::string> out;
    for (const auto& [vn, view] : schema.views) {
        if (vn != name &&
            std::find(view.query.relations.begin(), view.query.relations.end(), name) != view.query.relations.end()) {
            out.push_back("view " + vn.to_string());
        }
    }
    for (const auto& [tn, table] : schema.tables) {
        if (tn == name) {
            continue;
        }
        for (const auto& c : table.constraints) {
            if (c.kind == ConstraintKind::foreign_key && c.ref_table == name) {
                out.push_back(fmt::format("constraint {} on table {}", c.name, tn.to_string()));
            }
        }
    }
    return out;
}

namespace {

// Erases the entries of `map` whose key or value `pred` selects, recording their keys.
template <typename Map, typename Pred, typename KeyOf>
void erase_recorded(Map& map, std::vector<ObjectKey>& dropped, Pred pred, KeyOf key_of) {
    for (auto it = map.begin(); it != map.end();) {
        if (pred(it->first, it->second)) {
            dropped.push_back(key_of(it->first, it->second));
            it = map.erase(it);
        } else {
            ++it;
        }
    }
}

void drop_relation_into(Schema& schema, const QualifiedName& name, bool cascade, std::vector<ObjectKey>& dropped) {
    if (auto t = schema.tables.find(name); t != schema.tables.end()) {
        dropped.push_back(object_key(ObjectKind::table, name));
    } else if (auto v = schema.views.find(name); v != schema.views.end()) {
        dropped.push_back(object_key(v->second.materialized ? ObjectKind::materialized_view : ObjectKind::view, name));
    }
    if (cascade) {
        std::vector<QualifiedName> views;
        for (const auto& [vn, view] : schema.views) {
            if (vn != name && std::find(view.query.relations.begin(), view.query.relations.end(), name) !=
                                  view.query.relations.end()) {
                views.push_back(vn);
            }
        }
        for (const auto& v : views) {
            if (schema.views.contains(v)) {
                drop_relation_into(schema, v, true, dropped);
            }
        }
        for (auto& [tn, table] : schema.tables) {
            if (tn == name) {
                continue;
            }
            std::erase_if(table.constraints, [&](const Constraint& c) {
                if (c.kind == ConstraintKind::foreign_key && c.ref_table == name) {
                    dropped.push_back(table_scoped_key(ObjectKind::constraint, tn, c.name));
                    return true;
                }
                return false;
            });
        }
    }
    // Partitions go with their parent.
    std::vector<QualifiedName> partitions;
    for (const auto& [tn, table] : schema.tables) {
        if (table.partition_of == name) {
            partitions.push_back(tn);
        }
    }
    for (const auto& p : partitions) {
        drop_relation_into(schema, p, cascade, dropped);
    }
    schema.tables.erase(name);
    schema.views.erase(name);
    erase_recorded(
        schema.indexes, dropped, [&](const auto&, const Index& i) { return i.table == name; },
        [](const QualifiedName& k, const auto&) { return object_key(ObjectKind::index, k); });
    erase_recorded(
        schema.triggers, dropped, [&](const TableScopedName& k, const auto&) { return k.table == name; },
        [](const TableScopedName& k, const auto&) { return table_scoped_key(ObjectKind::trigger, k.table, k.name); });
    erase_recorded(
        schema.policies, dropped, [&](const TableScopedName& k, const auto&) { return k.table == name; },
        [](const TableScopedName& k, const auto&) { return table_scoped_key(ObjectKind::policy, k.table, k.name); });
    // Sequences OWNED BY a column of the table are dropped with it.
    erase_recorded(
        schema.sequences, dropped,
        [&](const auto&, const Sequence& s) { return s.owned_by && s.owned_by->table == name; },
        [](const QualifiedName& k, const auto&) { return object_key(ObjectKind::sequence, k); });
}

}  // namespace

std::vector<ObjectKey> drop_relation(Schema& schema, const QualifiedName& name, DropBehavior behavior) {
    auto view = schema.views.find(name);
    bool table = schema.tables.contains(name);
    if (!table && view == schema.views.end()) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::table, name));
    }
    ObjectKey key = object_key(table                       ? ObjectKind::table
                               : view->second.materialized ? ObjectKind::materialized_view
                                                           : ObjectKind::view,
                               name);
    if (behavior == DropBehavior::restrict) {
        auto deps = relation_dependents(schema, name);
        if (!deps.empty()) {
            throw EditError(EditError::Reason::has_dependents, key, deps.front());
        }
    }
    std::vector<ObjectKey> dropped;
    drop_relation_into(schema, name, behavior == DropBehavior::cascade, dropped);
    return dropped;
}

std::vector<ObjectKey> drop_routine(Schema& schema, const RoutineName& name, DropBehavior behavior) {
    auto it = schema.functions.find(name);
    if (it == schema.functions.end()) {
        fail(EditError::Reason::not_found, object_key(ObjectKind::function, name.name, name.args));
    }
    std::vector<ObjectKey> dropped{object_key(object_kind(it->second.kind), name.name, name.args)};
    if (behavior == DropBehavior::restrict && name.args.empty()) {  // trigger functions take no arguments
        for (const auto& [k, tr] : schema.triggers) {
            if (tr.function == name.name) {
                throw EditError(EditError::Reason::has_dependents, dropped.front(),
                                fmt::format("trigger {} on table {}", k.name, k.table.to_string()));
            }
        }
    }
    // Operators implemented by it (their function takes the operator's argument types).
    auto implements = [&](const RoutineName& k, const Function& f) {
        if (f.kind != RoutineKind::operator_ || k.args != name.args) {
            return false;
        }
        return std::any_of(f.operator_options.begin(), f.operator_options.end(), [&](const auto& o) {
            return o.first == "function" && ObjectResolver::parse_name(o.second) == name.name;
        });
    };
    // Operator class and family members naming it: "operator N (lt, rt)" -> "s.op[ FOR ORDER
    // BY f]", "function N (lt, rt)" -> "s.f(args)".
    const bool is_operator = it->second.kind == RoutineKind::operator_;
    auto names_it = [&](const std::pair<std::string, std::string>& member) {
        if (is_operator && member.first.starts_with("operator ")) {
            std::string op = member.second.substr(0, member.second.find(" FOR ORDER BY "));
            auto open = member.first.find('(');
            std::string types = member.first.substr(open + 1, member.first.size() - open - 2);
            if (types.starts_with("NONE, ")) {
                types = types.substr(6);
            }
            return types == name.args && ObjectResolver::parse_name(op) == name.name;
        }
        if (!is_operator && member.first.starts_with("function ")) {
            auto open = member.second.find('(');
            return open != std::string::npos &&
                   member.second.substr(open + 1, member.second.size() - open - 2) == name.args &&
                   ObjectResolver::parse_name(member.second.substr(0, open)) == name.name;
        }
        return false;
    };
    auto class_uses = [&](const RoutineName&, const Function& f) {
        return f.kind == RoutineKind::operator_class &&
               std::any_of(f.operator_options.begin(), f.operator_options.end(), names_it);
    };
    if (behavior == DropBehavior::restrict) {
        for (const auto& [k, f] : schema.functions) {
            if (implements(k, f)) {
                throw EditError(EditError::Reason::has_dependents, dropped.front(),
                                fmt::format("operator {}({})", k.name.to_string(), k.args));
            }
            if (class_uses(k, f)) {
                throw EditError(EditError::Reason::has_dependents, dropped.front(),
                                fmt::format("operator class {} USING {}", k.name.to_string(), access_method(k.args)));
            }
        }
    }
    schema.functions.erase(it);
    // A family's loose members naming it go with it (the engine's dependency is automatic).
    for (auto& [k, f] : schema.functions) {
        if (f.kind == RoutineKind::operator_family) {
            std::erase_if(f.operator_options, names_it);
        }
    }
    if (behavior == DropBehavior::cascade) {
        erase_recorded(schema.functions, dropped, implements, [](const RoutineName& k, const Function& f) {
            return object_key(object_kind(f.kind), k.name, k.args);
        });
        erase_recorded(schema.functions, dropped, class_uses, [](const RoutineName& k, const Function& f) {
            return object_key(object_kind(f.kind), k.name, k.args);
        });
        erase_recorded(
            schema.triggers, dropped, [&](const auto&, const Trigger& t) { return t.function == name.name; },
            [](const TableScopedName& k, const auto&) { return table_scoped_key(ObjectKind::trigger, k.table, k.name); });
    }
    return dropped;
}

std::vector<ObjectKey> drop_namespace(Schema& schema, const std::string& name, DropBehavior behavior) {
    bool declared = schema.namespaces.contains(name);
    std::optional<ObjectKey> content;  // the first object it holds
    {
        auto first = [&](const auto& map, ObjectKind kind) {
            for (const auto& [k, _] : map) {
                if (!content && k.schema == name) {
                    content = object_key(kind, k);
                }
            }
        };
        first(schema.tables, ObjectKind::table);
        first(schema.views, ObjectKind::view);
        first(schema.sequences, ObjectKind::sequence);
        first(schema.types, ObjectKind::type);
        for (const auto& [k, f] : schema.functions) {
            if (!content && k.name.schema == name) {
                content = object_key(object_kind(f.kind), k.name, k.args);
            }
        }
    }
    if (!declared && !content && name != schema.dialect->default_schema) {
        fail(EditError::Reason::not_found, schema_key(name));
    }
    if (behavior == DropBehavior::restrict && content) {
        throw EditError(EditError::Reason::has_dependents, schema_key(name), content->to_string());
    }
    std::vector<ObjectKey> dropped;
    if (declared) {
        dropped.push_back(schema_key(name));
    }
    schema.namespaces.erase(name);
    // Default privileges for objects in the schema go with it, even without CASCADE.
    std::erase_if(schema.default_privileges, [&](const auto& entry) { return entry.first.schema == name; });
    if (behavior != DropBehavior::cascade) {
        return dropped;
    }
    std::vector<QualifiedName> relations;
    for (const auto& [k, _] : schema.tables) {
        if (k.schema == name) {
            relations.push_back(k);
        }
    }
    for (const auto& [k, _] : schema.views) {
        if (k.schema == name) {
            relations.push_back(k);
        }
    }
    for (const auto& r : relations) {
        if (schema.tables.contains(r) || schema.views.contains(r)) {
            drop_relation_into(schema, r, true, dropped);
        }
    }
    auto in_schema = [&](const QualifiedName& k, const auto&) { return k.schema == name; };
    auto key_as = [](ObjectKind kind) {
        return [kind](const QualifiedName& k, const auto&) { return object_key(kind, k); };
    };
    erase_recorded(schema.sequences, dropped, in_schema, key_as(ObjectKind::sequence));
    erase_recorded(schema.types, dropped, in_schema, key_as(ObjectKind::type));
    erase_recorded(
        schema.functions, dropped, [&](const RoutineName& k, const auto&) { return k.name.schema == name; },
        [](const RoutineName& k, const Function& f) { return object_key(object_kind(f.kind), k.name, k.args); });
    erase_recorded(schema.collations, dropped, in_schema, key_as(ObjectKind::collation));
    erase_recorded(schema.text_search_configurations, dropped, in_schema,
                   key_as(ObjectKind::text_search_configuration));
    erase_recorded(schema.text_search_dictionaries, dropped, in_schema, key_as(ObjectKind::text_search_dictionary));
    return dropped;
}

}  // namespace schemerge::model
