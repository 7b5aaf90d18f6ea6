// Migration planning for PostgreSQL 15: every change of a ChangeSet becomes one or
// more actions (each a few statements), the actions are ordered by the dependency
// graphs of both schemas, and the result is split into what runs before, inside and
// after the transaction.
//
// Ordering model. An action "removes" the objects whose `from` definition it ends
// (drops, and alterations of a column's default/type) and "provides" the objects
// whose `to` definition it establishes. For an edge A needs B of the `from` graph,
// whatever removes A runs before whatever removes B (dependents go first); for an
// edge of the `to` graph, whatever provides B runs before whatever provides A. A
// drop of an object runs before a creation of the same object. Explicit edges add
// what the graphs do not know (views around a column's type change, OWNED BY after
// its column, ...). Kahn's algorithm then picks, among the ready actions, the one of
// lowest rank — ranks spell the usual shape of a plan: renames, drops (foreign keys
// first), then creations in pg_dump's order with foreign keys after every table.
#include "synth/postgres/migration_planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "model/dependency_graph.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/sql_format.hpp"
#include "synth/postgres/type_change.hpp"
#include "synth/postgres/view_shape.hpp"

namespace schemerge::synth::postgres {

namespace {

using diff::Change;
using diff::ChangeKind;
using model::ObjectKey;
using model::ObjectKind;
using model::QualifiedName;

template <typename T>
const T* as(const diff::ObjectRef& ref) {
    if (const auto* pointer = std::get_if<const T*>(&ref)) {
        return *pointer;
    }
    return nullptr;
}

// Tie-break order of the sort (dependencies always win).
enum Rank : int {
    k_setup = 0,
    k_rename = 10,
    // drops of what `from` has and `to` has not, dependents first
    k_drop_foreign_key = 100,
    k_drop_trigger,
    k_drop_policy,
    k_drop_view,
    k_drop_dependent_default,
    k_drop_routine,
    k_drop_index,
    k_drop_constraint,
    k_detach_partition,
    k_drop_column,
    k_drop_table,
    k_drop_sequence,
    k_rename_old_type,
    k_drop_type,
    k_drop_text_search,
    k_drop_collation,
    k_drop_extension,
    k_drop_schema,
    // creations and alterations, in the order of a dump
    k_create_schema = 200,
    k_create_extension,
    k_create_collation,
    k_shell_type,
    k_create_type,
    k_alter_domain,
    k_create_text_search,
    k_create_sequence,
    k_alter_sequence,
    k_create_table,
    k_add_column,
    k_drop_default,
    k_drop_not_null,
    k_alter_column_type,
    k_alter_generated,
    k_set_default,
    k_set_not_null,
    k_alter_identity,
    k_column_options,
    k_drop_old_type,
    k_sequence_owned_by,
    k_attach_partition,
    k_alter_table,
    k_create_routine,
    k_add_constraint,
    k_create_index,
    k_index_attach,
    k_validate_constraint,
    k_create_view,
    k_add_foreign_key,
    k_create_trigger,
    k_trigger_enabled,
    k_create_policy,
    k_alter_policy,
    k_table_late,  // replica identity, RLS flags that need indexes/policies
    k_comment = 300,
    k_opaque = 400,
};

Hazard hazard(std::string_view id, std::string message) { return Hazard{std::string(id), std::move(message)}; }

Step make_step(std::string sql, std::string change, std::vector<Hazard> hazards = {}, bool transactional = true) {
    Step step;
    step.sql = std::move(sql);
    step.change = std::move(change);
    step.hazards = std::move(hazards);
    step.transactional = transactional;
    return step;
}

QualifiedName name_of(const ObjectKey& key) { return {key.schema, key.name}; }
QualifiedName table_of(const ObjectKey& key) { return {key.schema, key.table}; }

bool is_routine(ObjectKind kind) {
    return kind == ObjectKind::function || kind == ObjectKind::procedure || kind == ObjectKind::aggregate;
}
bool is_table_scoped(ObjectKind kind) {
    return kind == ObjectKind::column || kind == ObjectKind::constraint || kind == ObjectKind::trigger ||
           kind == ObjectKind::policy;
}

// The default of a column, as an object of its own: recreated around the
// routine or sequence it calls.
ObjectKey default_key(ObjectKey column) {
    column.args = "default";
    return column;
}

// Migrations create objects with their comments and grants; owners belong to
// the environment (and need the role to exist), so they are left to the DBA.
const EmitOptions k_meta{.owners = false, .privileges = true, .comments = true};

std::string column_target(const QualifiedName& relation, const std::string& column) {
    return format_name(relation) + "." + quote_identifier(column);
}

std::string view_keyword(const model::View& view) { return view.materialized ? "MATERIALIZED VIEW" : "VIEW"; }

std::vector<std::string> view_statements(const model::View& view) {
    std::vector<std::string> out{create_view(view, true)};
    for (auto& extra : view_column_extras(view)) {
        out.push_back(std::move(extra));
    }
    std::string target = view_keyword(view) + " " + format_name(view.name);
    append_metadata(out, view.meta, target, target, k_meta);
    for (const auto& column : view.column_details) {
        append_metadata(out, column.meta, "COLUMN " + column_target(view.name, column.name), "", k_meta);
    }
    return out;
}

std::vector<std::string> routine_statements(const model::Function& function, bool or_replace) {
    std::vector<std::string> out{create_routine(function, or_replace)};
    std::string target = routine_target(function);
    append_metadata(out, function.meta, target, target, k_meta);
    return out;
}

std::vector<std::string> trigger_statements(const model::Trigger& trigger) {
    std::vector<std::string> out{create_trigger(trigger)};
    if (auto state = trigger_enable_state(trigger); !state.empty()) {
        out.push_back(std::move(state));
    }
    append_metadata(out, trigger.meta,
                    "TRIGGER " + quote_identifier(trigger.name) + " ON " + format_name(trigger.table), "", k_meta);
    return out;
}

std::vector<std::string> policy_statements(const model::Policy& policy) {
    std::vector<std::string> out{create_policy(policy)};
    append_metadata(out, policy.meta, "POLICY " + quote_identifier(policy.name) + " ON " + format_name(policy.table),
                    "", k_meta);
    return out;
}

std::string constraint_comment_target(const QualifiedName& table, const model::Constraint& constraint) {
    return "CONSTRAINT " + quote_identifier(constraint.name) + " ON " + format_name(table);
}

std::string drop_routine(const model::Function& function) { return "DROP " + routine_target(function); }

// CREATE [UNIQUE] INDEX -> CREATE [UNIQUE] INDEX CONCURRENTLY.
std::string concurrently(std::string create_index_sql) {
    auto at = create_index_sql.find("INDEX ");
    if (at != std::string::npos) {
        create_index_sql.insert(at + 6, "CONCURRENTLY ");
    }
    return create_index_sql;
}

// A name PostgreSQL accepts (at most 63 bytes, like its own truncation).
std::string identifier_limit(std::string name) {
    if (name.size() > 63) {
        name.resize(63);
    }
    return name;
}

std::string action_text(model::IdentityKind kind) {
    return kind == model::IdentityKind::always ? "ALWAYS" : "BY DEFAULT";
}

// Options of a sequence (or identity) that differ, as ALTER SEQUENCE clauses: an
// option that went back to its default is written out explicitly (NO MINVALUE,
// INCREMENT BY 1, CACHE 1, NO CYCLE), since "unset" means "the engine default".
std::vector<std::string> sequence_option_changes(const model::SequenceOptions& before,
                                                 const model::SequenceOptions& after, bool allow_as) {
    std::vector<std::string> out;
    if (allow_as && before.data_type != after.data_type) {
        out.push_back("AS " + (after.data_type ? format_type(*after.data_type) : std::string("bigint")));
    }
    if (before.increment != after.increment) {
        out.push_back(fmt::format("INCREMENT BY {}", after.increment.value_or(1)));
    }
    if (before.min_value != after.min_value) {
        out.push_back(after.min_value ? fmt::format("MINVALUE {}", *after.min_value) : "NO MINVALUE");
    }
    if (before.max_value != after.max_value) {
        out.push_back(after.max_value ? fmt::format("MAXVALUE {}", *after.max_value) : "NO MAXVALUE");
    }
    // The start value in effect: an unset START is the minimum of an ascending
    // sequence and the maximum of a descending one, so it moves with them.
    auto effective_start = [](const model::SequenceOptions& options) -> std::int64_t {
        if (options.start) {
            return *options.start;
        }
        bool descending = options.increment.value_or(1) < 0;
        return descending ? options.max_value.value_or(-1) : options.min_value.value_or(1);
    };
    if (before.start != after.start || effective_start(before) != effective_start(after)) {
        out.push_back(fmt::format("START WITH {}", effective_start(after)));
    }
    if (before.cache != after.cache) {
        out.push_back(fmt::format("CACHE {}", after.cache.value_or(1)));
    }
    if (before.cycle != after.cycle) {
        out.push_back(after.cycle ? "CYCLE" : "NO CYCLE");
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i > 0 ? separator : "") + parts[i];
    }
    return out;
}

// The storage PostgreSQL gives a column of this type when none is set: PLAIN for
// fixed-length built-ins, EXTENDED for variable-length ones (PostgreSQL 15 has no
// SET STORAGE DEFAULT).
std::string default_storage(const model::TypeRef& type) {
    static const std::set<std::string> k_plain = {
        "smallint", "integer", "bigint", "real", "double precision", "boolean", "date",
        "time without time zone", "timestamp without time zone", "timestamp with time zone", "interval", "uuid",
        "money", "oid", "character", "time with time zone", "macaddr", "macaddr8", "point", "\"char\""};
    if (type.array_dims == 0 && type.name.schema.empty() && k_plain.contains(type.name.name)) {
        return type.name.name == "character" ? "EXTENDED" : "PLAIN";
    }
    return "EXTENDED";
}

// One unit of ordering: the statements implementing (part of) a change.
struct Action {
    int rank = 0;
    ObjectKey sort_key;
    std::size_t seq = 0;
    std::vector<Step> plain;
    std::vector<Step> online;  // the --online form, when it differs
    bool online_late = false;  // the online form's effect only exists after its non-transactional steps
    bool before_transaction = false;
    std::set<std::size_t> after;  // explicit predecessors
};

class Builder {
public:
    Builder(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
            const PlanOptions& options)
        : from_(from),
          to_(to),
          changes_(changes),
          online_(options.locks == LockStrategy::online),
          from_graph_(model::DependencyGraph::build(from)),
          to_graph_(model::DependencyGraph::build(to)) {}

    Plan run() {
        scan();
        find_dependents();
        for (const auto& change : changes_.changes) {
            expand(change);
        }
        recreate_dependents();
        link_dependents();
        wire();
        return assemble(sort());
    }

private:
    // ------------------------------------------------------------------ actions

    std::size_t add(int rank, ObjectKey sort_key, std::vector<Step> steps) {
        Action action;
        action.rank = rank;
        action.sort_key = std::move(sort_key);
        action.seq = actions_.size();
        action.plain = std::move(steps);
        actions_.push_back(std::move(action));
        return actions_.size() - 1;
    }
    std::size_t add(int rank, ObjectKey sort_key, const std::vector<std::string>& statements,
                    const std::string& change, std::vector<Hazard> hazards = {}) {
        std::vector<Step> steps;
        for (const auto& sql : statements) {
            steps.push_back(make_step(sql, change, steps.empty() ? hazards : std::vector<Hazard>{}));
        }
        return add(rank, std::move(sort_key), std::move(steps));
    }
    void order(std::size_t earlier, std::size_t later) {
        if (earlier != later) {
            actions_[later].after.insert(earlier);
        }
    }
    // The action ends the `from` definition of `key` (a from-side key).
    void removes(std::size_t action, const ObjectKey& key, bool identity = true) {
        removers_[from_side(key)].push_back(action);
        if (identity) {
            identity_drops_[to_side(key)].push_back(action);
        }
    }
    // The action establishes the `to` definition of `key`.
    void provides(std::size_t action, const ObjectKey& key, bool identity = true) {
        providers_[key].push_back(action);
        if (identity) {
            identity_creates_[key].push_back(action);
        }
    }
    void after_providers(std::size_t action, const ObjectKey& key) { after_providers_.emplace_back(action, key); }

    // ------------------------------------------------------------------ names

    // Tables renamed by the plan: renames run first, so every later statement
    // names a table as `to` does.
    QualifiedName current(const QualifiedName& from_table) const {
        auto it = renamed_.find(from_table);
        return it == renamed_.end() ? from_table : it->second;
    }
    QualifiedName original(const QualifiedName& to_table) const {
        auto it = renamed_back_.find(to_table);
        return it == renamed_back_.end() ? to_table : it->second;
    }
    ObjectKey from_side(ObjectKey key) const {
        if (is_table_scoped(key.kind)) {
            QualifiedName table = original(table_of(key));
            key.table = table.name;
        } else if (key.kind == ObjectKind::table) {
            QualifiedName table = original(name_of(key));
            key.name = table.name;
        }
        return key;
    }
    ObjectKey to_side(ObjectKey key) const {
        if (is_table_scoped(key.kind)) {
            key.table = current(table_of(key)).name;
        } else if (key.kind == ObjectKind::table) {
            key.name = current(name_of(key)).name;
        }
        return key;
    }

    // ------------------------------------------------------------------ lookups

    static const model::Table* table_in(const model::Schema& schema, const QualifiedName& name) {
        auto it = schema.tables.find(name);
        return it == schema.tables.end() ? nullptr : &it->second;
    }
    const model::Table* from_table(const QualifiedName& to_name) const { return table_in(from_, original(to_name)); }
    const model::Table* to_table(const QualifiedName& name) const { return table_in(to_, name); }
    static const model::View* view_in(const model::Schema& schema, const QualifiedName& name) {
        auto it = schema.views.find(name);
        return it == schema.views.end() ? nullptr : &it->second;
    }
    static const model::Function* routine_in(const model::Schema& schema, const ObjectKey& key) {
        auto it = schema.functions.find(model::RoutineName{name_of(key), key.args});
        return it == schema.functions.end() ? nullptr : &it->second;
    }
    static const model::Trigger* trigger_in(const model::Schema& schema, const ObjectKey& key) {
        auto it = schema.triggers.find(model::TableScopedName{table_of(key), key.name});
        return it == schema.triggers.end() ? nullptr : &it->second;
    }
    static const model::Policy* policy_in(const model::Schema& schema, const ObjectKey& key) {
        auto it = schema.policies.find(model::TableScopedName{table_of(key), key.name});
        return it == schema.policies.end() ? nullptr : &it->second;
    }
    static const model::Index* index_in(const model::Schema& schema, const QualifiedName& name) {
        auto it = schema.indexes.find(name);
        return it == schema.indexes.end() ? nullptr : &it->second;
    }
    static const model::Constraint* constraint_in(const model::Schema& schema, const ObjectKey& key) {
        const auto* table = table_in(schema, table_of(key));
        return table == nullptr ? nullptr : table->find_constraint(key.name);
    }
    static const model::Column* column_in(const model::Schema& schema, const ObjectKey& key) {
        const auto* table = table_in(schema, table_of(key));
        return table == nullptr ? nullptr : table->find_column(key.name);
    }

    bool table_is_new(const QualifiedName& to_name) const { return created_tables_.contains(to_name); }
    bool table_is_dropped(const QualifiedName& to_or_from_name) const {
        return dropped_tables_.contains(original(to_or_from_name)) && !to_.tables.contains(to_or_from_name);
    }
    bool has_change(ChangeKind kind, const ObjectKey& key) const {
        return change_index_.contains({kind, key});
    }
    bool column_dropped(const ObjectKey& column) const {
        return has_change(ChangeKind::drop_column, column) || table_is_dropped(table_of(column));
    }

    // ------------------------------------------------------------------ scan

    void scan() {
        for (const auto& change : changes_.changes) {
            change_index_.insert({change.kind, change.key});
            switch (change.kind) {
                case ChangeKind::rename_table: {
                    QualifiedName old_name{change.key.schema, change.detail};
                    if (const auto* before = as<model::Table>(change.before)) {
                        old_name = before->name;
                    }
                    renamed_[old_name] = name_of(change.key);
                    renamed_back_[name_of(change.key)] = old_name;
                    break;
                }
                case ChangeKind::drop_table: dropped_tables_.insert(name_of(change.key)); break;
                case ChangeKind::create_table: created_tables_.insert(name_of(change.key)); break;
                case ChangeKind::drop_view: dropped_views_.insert(name_of(change.key)); break;
                default: break;
            }
        }
    }

    // Does the plan end this object's `from` definition (dropped, or dropped and
    // created again)?
    bool diff_drops(const ObjectKey& key) const {
        switch (key.kind) {
            case ObjectKind::view:
            case ObjectKind::materialized_view:
                return has_change(ChangeKind::drop_view, key);
            case ObjectKind::function:
            case ObjectKind::procedure:
            case ObjectKind::aggregate: return has_change(ChangeKind::drop_function, key);
            case ObjectKind::trigger:
                return has_change(ChangeKind::drop_trigger, key) || table_is_dropped(table_of(key)) ||
                       dropped_views_.contains(table_of(key));
            case ObjectKind::policy: return has_change(ChangeKind::drop_policy, key) || table_is_dropped(table_of(key));
            case ObjectKind::index: {
                if (has_change(ChangeKind::drop_index, key)) {
                    return true;
                }
                const auto* index = index_in(from_, name_of(key));
                return index != nullptr && (table_is_dropped(index->table) || dropped_views_.contains(index->table));
            }
            case ObjectKind::constraint:
                return has_change(ChangeKind::drop_constraint, key) || table_is_dropped(table_of(key));
            case ObjectKind::column: return column_dropped(key);
            default: return false;
        }
    }

    // ------------------------------------------------------------------ dependents

    // Whether CREATE OR REPLACE can turn `before` into `after`: PostgreSQL refuses
    // to change the kind, the return type (OUT/TABLE parameters included), the
    // parameter names, or to remove parameter defaults. Aggregates are always
    // dropped and created.
    static bool routine_replaceable(const model::Function& before, const model::Function& after) {
        if (before.kind != after.kind || after.kind == model::RoutineKind::aggregate || before.window != after.window) {
            return false;
        }
        if (before.returns != after.returns || before.args.size() != after.args.size()) {
            return false;
        }
        for (std::size_t i = 0; i < before.args.size(); ++i) {
            const auto& a = before.args[i];
            const auto& b = after.args[i];
            if (a.mode != b.mode || a.name != b.name || a.type != b.type) {
                return false;
            }
            if (a.default_value && !b.default_value) {
                return false;
            }
        }
        return true;
    }

    bool view_needs_recreate(const Change& change) const {
        const auto* before = as<model::View>(change.before);
        const auto* after = as<model::View>(change.after);
        return before == nullptr || after == nullptr || !view_replaceable_in_place(*before, *after) ||
               forced_.contains(change.key);
    }

    static bool mentions(const model::Expression& expression, const std::string& column) {
        return std::find(expression.columns.begin(), expression.columns.end(), column) != expression.columns.end();
    }

    // Objects PostgreSQL ties to one column of a table (to-side column key): they
    // block dropping the column or changing its type. `deep`: also the expressions
    // that would not survive the column's type being recreated (casts to the old type).
    std::vector<ObjectKey> column_dependents(const ObjectKey& column, bool deep) const {
        std::vector<ObjectKey> out;
        QualifiedName from_name = original(table_of(column));
        std::string name = column.name;
        for (const auto& [view_name, view] : from_.views) {
            bool reads = std::find(view.query.relations.begin(), view.query.relations.end(), from_name) !=
                         view.query.relations.end();
            if (reads && (mentions(view.query, name) || view.query.text.find('*') != std::string::npos)) {
                out.push_back(to_side(
                    model::object_key(view.materialized ? ObjectKind::materialized_view : ObjectKind::view, view_name)));
            }
        }
        for (const auto& [id, policy] : from_.policies) {
            if (id.table == from_name && (mentions(policy.using_expr, name) || mentions(policy.check_expr, name))) {
                out.push_back(to_side(model::table_scoped_key(ObjectKind::policy, id.table, id.name)));
            }
        }
        for (const auto& [id, trigger] : from_.triggers) {
            const auto& columns = trigger.events.update_columns;
            if (id.table == from_name && (mentions(trigger.when, name) ||
                                          std::find(columns.begin(), columns.end(), name) != columns.end())) {
                out.push_back(to_side(model::table_scoped_key(ObjectKind::trigger, id.table, id.name)));
            }
        }
        if (deep) {
            for (const auto& [index_name, index] : from_.indexes) {
                if (index.table != from_name) {
                    continue;
                }
                bool uses = mentions(index.predicate, name);
                for (const auto& element : index.elements) {
                    uses = uses || mentions(element.expression, name);
                }
                if (uses) {
                    out.push_back(model::object_key(ObjectKind::index, index_name));
                }
            }
            if (const auto* table = table_in(from_, from_name)) {
                for (const auto& constraint : table->constraints) {
                    bool uses = mentions(constraint.check, name) || mentions(constraint.where, name);
                    for (const auto& element : constraint.exclusion) {
                        uses = uses || mentions(element.expression, name);
                    }
                    if (uses) {
                        out.push_back(to_side(model::table_scoped_key(ObjectKind::constraint, from_name, constraint.name)));
                    }
                }
            }
        }
        return out;
    }

    // What depends on a destroyed object (from-graph), as to-side keys, limited to
    // what can be dropped and created again.
    std::vector<ObjectKey> graph_dependents(const ObjectKey& key) const {
        std::vector<ObjectKey> out;
        for (const auto& dependency : from_graph_.dependents_of(from_side(key))) {
            if (dependency.kind != model::DependencyKind::normal) {
                continue;
            }
            const ObjectKey& d = dependency.from;
            switch (d.kind) {
                case ObjectKind::view:
                case ObjectKind::materialized_view:
                case ObjectKind::function:
                case ObjectKind::procedure:
                case ObjectKind::aggregate:
                case ObjectKind::trigger:
                case ObjectKind::policy:
                case ObjectKind::index: out.push_back(to_side(d)); break;
                case ObjectKind::constraint: {
                    const auto* constraint = constraint_in(from_, d);
                    if (key.kind == ObjectKind::table && d.table == key.name && d.schema == key.schema) {
                        break;  // a recreated table's own constraints come with its CREATE TABLE
                    }
                    if (constraint != nullptr && constraint->kind != model::ConstraintKind::primary_key &&
                        constraint->kind != model::ConstraintKind::unique) {
                        out.push_back(to_side(d));
                    }
                    break;
                }
                case ObjectKind::column: {
                    // A default calling a routine or reading a sequence; a column whose
                    // type is the destroyed object is converted, not recreated.
                    const auto* column = column_in(from_, d);
                    if (column != nullptr && column->default_value && (is_routine(key.kind) || key.kind == ObjectKind::sequence)) {
                        out.push_back(default_key(to_side(d)));
                    }
                    break;
                }
                default: break;
            }
        }
        return out;
    }

    void destroy(const ObjectKey& key, std::vector<ObjectKey>& work) {
        if (destroyed_.insert(key).second) {
            work.push_back(key);
        }
    }

    // Finds every object that must be dropped before, and created after, an object
    // the plan destroys, transitively (a view on a view on a retyped column).
    void find_dependents() {
        std::vector<ObjectKey> work;
        std::vector<std::pair<ObjectKey, bool>> columns;  // (column key, deep)
        for (const auto& change : changes_.changes) {
            switch (change.kind) {
                case ChangeKind::drop_function:
                case ChangeKind::drop_view:
                case ChangeKind::drop_type: destroy(change.key, work); break;
                case ChangeKind::replace_function: {
                    const auto* before = as<model::Function>(change.before);
                    const auto* after = as<model::Function>(change.after);
                    if (before != nullptr && after != nullptr && !routine_replaceable(*before, *after)) {
                        destroy(change.key, work);
                    }
                    break;
                }
                case ChangeKind::replace_view:
                    if (view_needs_recreate(change)) {
                        destroy(change.key, work);
                    }
                    break;
                case ChangeKind::recreate_type: {
                    destroy(change.key, work);
                    for (const auto& column : columns_of_type(name_of(change.key))) {
                        columns.emplace_back(column, true);
                    }
                    break;
                }
                case ChangeKind::alter_column_type:
                case ChangeKind::drop_column:
                    if (!table_is_dropped(table_of(change.key))) {
                        columns.emplace_back(change.key, false);
                    }
                    break;
                case ChangeKind::alter_generated:
                    if (generated_needs_readd(change)) {
                        columns.emplace_back(change.key, false);
                    }
                    break;
                case ChangeKind::drop_constraint: {
                    const auto* constraint = as<model::Constraint>(change.before);
                    if (constraint != nullptr && (constraint->kind == model::ConstraintKind::primary_key ||
                                                  constraint->kind == model::ConstraintKind::unique)) {
                        destroy(change.key, work);
                    }
                    break;
                }
                case ChangeKind::drop_index: destroy(change.key, work); break;
                case ChangeKind::drop_table:
                    // Dropped and created again (its partitioning changed): what hangs on
                    // it must be recreated too.
                    if (to_.tables.contains(name_of(change.key))) {
                        destroy(change.key, work);
                    }
                    break;
                default: break;
            }
        }
        for (const auto& [column, deep] : columns) {
            column_keys_.insert(column);
            for (const auto& d : column_dependents(column, deep)) {
                pairs_.emplace_back(column, d);
                destroy(d, work);
            }
        }
        while (!work.empty()) {
            ObjectKey x = work.back();
            work.pop_back();
            if (x.kind == ObjectKind::column) {
                continue;  // column defaults have no dependents of their own
            }
            for (const auto& d : graph_dependents(x)) {
                pairs_.emplace_back(x, d);
                destroy(d, work);
            }
        }
        // Decide how each dependent is handled.
        for (const auto& d : destroyed_) {
            bool in_pairs = std::any_of(pairs_.begin(), pairs_.end(), [&](const auto& p) { return p.second == d; });
            if (!in_pairs) {
                continue;  // a seed: its own change handles it
            }
            if (d.kind == ObjectKind::column) {
                ObjectKey column = d;
                column.args.clear();
                if (!column_dropped(column)) {
                    recreated_.insert(d);
                }
                continue;
            }
            if (has_change(ChangeKind::replace_view, d) || has_change(ChangeKind::replace_function, d) ||
                has_change(ChangeKind::alter_policy, d)) {
                forced_.insert(d);
                continue;
            }
            if (diff_drops(d)) {
                continue;  // dropped by the diff (and created again if it is in `to`)
            }
            recreated_.insert(d);
        }
    }

    // Columns (to-side keys) whose type is the user type `type` (or an array of it)
    // and that survive the plan.
    std::vector<ObjectKey> columns_of_type(const QualifiedName& type) const {
        std::vector<ObjectKey> out;
        for (const auto& [name, table] : from_.tables) {
            for (const auto& column : table.columns) {
                if (column.type.name != type) {
                    continue;
                }
                ObjectKey key = model::table_scoped_key(ObjectKind::column, current(name), column.name);
                if (!column_dropped(key) && to_.tables.contains(current(name))) {
                    out.push_back(key);
                }
            }
        }
        return out;
    }

    static bool generated_needs_readd(const Change& change) {
        const auto* after = as<model::Column>(change.after);
        return after != nullptr && after->generated != model::GeneratedKind::none;
    }

    // ------------------------------------------------------------------ expansion

    void expand(const Change& change) {
        const std::string text = change.describe();
        const ObjectKey& key = change.key;
        switch (change.kind) {
            case ChangeKind::create_schema: return create_schema(change, text);
            case ChangeKind::drop_schema: return drop_schema(change, text);
            case ChangeKind::create_extension: {
                const auto* extension = as<model::Extension>(change.after);
                if (extension == nullptr) {
                    return;
                }
                std::vector<std::string> sql{create_extension(*extension)};
                append_metadata(sql, extension->meta, "EXTENSION " + quote_identifier(extension->name), "", k_meta);
                std::size_t a = add(k_create_extension, key, sql, text);
                provides(a, key);
                if (!extension->schema.empty()) {
                    after_providers(a, model::schema_key(extension->schema));
                }
                return;
            }
            case ChangeKind::drop_extension: {
                std::size_t a = add(k_drop_extension, key, {"DROP EXTENSION " + quote_identifier(key.name)}, text);
                removes(a, key);
                return;
            }
            case ChangeKind::create_collation: {
                const auto* collation = as<model::OptionObject>(change.after);
                if (collation == nullptr) {
                    return;
                }
                std::vector<std::string> sql{create_collation(*collation)};
                std::string target = "COLLATION " + format_name(collation->name);
                append_metadata(sql, collation->meta, target, target, k_meta);
                provides(add(k_create_collation, key, sql, text), key);
                return;
            }
            case ChangeKind::drop_collation:
                removes(add(k_drop_collation, key, {"DROP COLLATION " + format_name(name_of(key))}, text), key);
                return;
            case ChangeKind::create_type: return create_type_change(change, text);
            case ChangeKind::drop_type: return drop_type_change(change, text);
            case ChangeKind::add_enum_value: return add_enum_value(change, text);
            case ChangeKind::recreate_type: return recreate_type(change, text);
            case ChangeKind::alter_domain: return alter_domain(change, text);
            case ChangeKind::add_type_attributes: return add_type_attributes(change, text);
            case ChangeKind::create_sequence: return create_sequence_change(change, text);
            case ChangeKind::drop_sequence: return drop_sequence_change(change, text);
            case ChangeKind::alter_sequence: return alter_sequence(change, text);
            case ChangeKind::create_table: return create_table_change(change, text);
            case ChangeKind::drop_table: return drop_table_change(change, text);
            case ChangeKind::rename_table: return rename(change, text);
            case ChangeKind::alter_table: return alter_table(change, text);
            case ChangeKind::add_column: return add_column(change, text);
            case ChangeKind::drop_column: return drop_column(change, text);
            case ChangeKind::rename_column:
            case ChangeKind::rename_constraint:
            case ChangeKind::rename_index: return rename(change, text);
            case ChangeKind::alter_column_type: return alter_column_type(change, text);
            case ChangeKind::set_default:
            case ChangeKind::drop_default: return column_default(change, text);
            case ChangeKind::set_not_null: return set_not_null(change, text);
            case ChangeKind::drop_not_null: return drop_not_null(change, text);
            case ChangeKind::alter_identity: return alter_identity(change, text);
            case ChangeKind::alter_generated: return alter_generated(change, text);
            case ChangeKind::alter_column_options: return alter_column_options(change, text);
            case ChangeKind::add_constraint: return add_constraint_change(change, text);
            case ChangeKind::drop_constraint: return drop_constraint_change(change, text);
            case ChangeKind::validate_constraint: return validate_constraint(change, text);
            case ChangeKind::create_index: return create_index_change(change, text);
            case ChangeKind::drop_index: return drop_index_change(change, text);
            case ChangeKind::create_view: return create_view_change(change, text);
            case ChangeKind::drop_view: return drop_view_change(change, text);
            case ChangeKind::replace_view: return replace_view(change, text);
            case ChangeKind::create_function: return create_function_change(change, text);
            case ChangeKind::drop_function: return drop_function_change(change, text);
            case ChangeKind::replace_function: return replace_function(change, text);
            case ChangeKind::create_trigger: return create_trigger_change(change, text);
            case ChangeKind::drop_trigger: return drop_trigger_change(change, text);
            case ChangeKind::alter_trigger_enabled: return alter_trigger_enabled(change, text);
            case ChangeKind::create_policy: return create_policy_change(change, text);
            case ChangeKind::drop_policy: return drop_policy_change(change, text);
            case ChangeKind::alter_policy: return alter_policy(change, text);
            case ChangeKind::create_text_search: return create_text_search(change, text);
            case ChangeKind::drop_text_search: return drop_text_search(change, text);
            case ChangeKind::set_comment: return set_comment(change, text);
            case ChangeKind::create_opaque: {
                const auto* statement = as<model::OpaqueStatement>(change.after);
                std::string sql = statement != nullptr ? statement->sql : key.name;
                add(k_opaque, {}, {sql}, text);
                return;
            }
            case ChangeKind::drop_opaque: {
                notes_.push_back("cannot undo a statement kept verbatim; remove its effect by hand: " + text);
                add(k_opaque, {},
                    std::vector<Step>{make_step(
                        "", text,
                        {hazard(hazard::k_irreversible,
                                "the statement is not in the target schema, but schemerge cannot undo what it did; "
                                "no SQL is generated for it")})});
                return;
            }
        }
    }

    // --- schemas, types, text search ---------------------------------------------

    void create_schema(const Change& change, const std::string& text) {
        const auto* ns = as<model::Namespace>(change.after);
        if (ns == nullptr) {
            return;
        }
        std::vector<std::string> sql;
        if (ns->name != "public") {
            sql.push_back(postgres::create_schema(*ns));
        }
        std::string target = "SCHEMA " + quote_identifier(ns->name);
        append_metadata(sql, ns->meta, target, target, k_meta);
        if (!sql.empty()) {
            provides(add(k_create_schema, change.key, sql, text), change.key);
        }
    }

    void drop_schema(const Change& change, const std::string& text) {
        const auto* ns = as<model::Namespace>(change.before);
        // "public" exists in every database; only its metadata was ours.
        if (change.key.name == "public") {
            if (ns != nullptr && ns->meta.comment) {
                add(k_comment, change.key, {"COMMENT ON SCHEMA public IS NULL"}, text);
            }
            return;
        }
        removes(add(k_drop_schema, change.key, {"DROP SCHEMA " + quote_identifier(change.key.name)}, text),
                change.key);
    }

    std::vector<std::string> type_statements(const model::TypeDef& type) {
        std::vector<std::string> sql = postgres::create_type(type);
        std::string target = type_keyword(type) + " " + format_name(type.name);
        append_metadata(sql, type.meta, target, target, k_meta);
        return sql;
    }

    void create_type_change(const Change& change, const std::string& text) {
        const auto* type = as<model::TypeDef>(change.after);
        if (type == nullptr) {
            return;
        }
        std::size_t a = add(k_create_type, change.key, type_statements(*type), text);
        provides(a, change.key);
        if (type->kind == model::TypeKind::base) {
            // Like pg_dump: a shell first, so the I/O functions can name the type.
            std::size_t shell = add(k_shell_type, change.key, {create_shell_type(type->name)}, text);
            shells_[change.key] = shell;
            order(shell, a);
        }
    }

    void drop_type_change(const Change& change, const std::string& text) {
        const auto* type = as<model::TypeDef>(change.before);
        std::string keyword = type != nullptr ? type_keyword(*type) : "TYPE";
        // A base type and its I/O functions depend on each other: CASCADE drops both.
        bool base = type != nullptr && type->kind == model::TypeKind::base;
        std::size_t a = add(k_drop_type, change.key,
                            {"DROP " + keyword + " " + format_name(name_of(change.key)) + (base ? " CASCADE" : "")},
                            text);
        removes(a, change.key);
        if (base) {
            cascaded_types_.insert(name_of(change.key));
        }
    }

    void add_enum_value(const Change& change, const std::string& text) {
        // The label is in the key's args (see ChangeKind::add_enum_value).
        ObjectKey type_key = change.key;
        type_key.args.clear();
        std::string sql = "ALTER TYPE " + format_name(name_of(type_key)) + " ADD VALUE " +
                          quote_literal(change.key.args);
        if (!change.detail.empty()) {
            sql += " " + change.detail;
        }
        // PostgreSQL 15 runs ADD VALUE inside a transaction block, but the new label
        // cannot be used before that transaction commits — and the plan's own steps
        // (defaults, checks, views) may use it. So these steps run first, each on its
        // own, before the transaction; they are safe alone (nothing uses the label yet).
        std::size_t a = add(k_setup, type_key, std::vector<Step>{make_step(sql, text, {}, false)});
        actions_[a].before_transaction = true;
    }

    // ALTER TYPE t ADD ATTRIBUTE a type [COLLATE c], ...: one statement for every new
    // attribute (stored values get NULL for them; nothing that uses the type is touched).
    void add_type_attributes(const Change& change, const std::string& text) {
        const auto* before = as<model::TypeDef>(change.before);
        const auto* after = as<model::TypeDef>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        std::string sql = "ALTER TYPE " + format_name(after->name);
        for (std::size_t i = before->attributes.size(); i < after->attributes.size(); ++i) {
            const auto& attribute = after->attributes[i];
            sql += (i == before->attributes.size() ? " " : ", ");
            sql += "ADD ATTRIBUTE " + quote_identifier(attribute.name) + " " + format_type(attribute.type);
            if (attribute.collation) {
                sql += " COLLATE " + format_name(*attribute.collation);
            }
        }
        // Nothing that uses the type has to go first: the action only provides the new shape.
        std::size_t a = add(k_alter_domain, change.key, std::vector<Step>{make_step(sql, text)});
        provides(a, change.key, false);
    }

    void alter_domain(const Change& change, const std::string& text) {
        const auto* before = as<model::TypeDef>(change.before);
        const auto* after = as<model::TypeDef>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        std::string prefix = "ALTER DOMAIN " + format_name(after->name);
        std::vector<Step> drops;
        std::vector<Step> steps;
        std::vector<Step> validates;
        if (before->default_value != after->default_value) {
            steps.push_back(make_step(after->default_value ? prefix + " SET DEFAULT " + after->default_value->text
                                                           : prefix + " DROP DEFAULT",
                                      text));
        }
        if (before->not_null != after->not_null) {
            std::vector<Hazard> hazards;
            if (after->not_null) {
                hazards.push_back(hazard(hazard::k_validation_scan,
                                         "every column of domain " + format_name(after->name) +
                                             " is scanned; the statement fails if one holds NULL"));
            }
            steps.push_back(make_step(prefix + (after->not_null ? " SET NOT NULL" : " DROP NOT NULL"), text, hazards));
        }
        for (const auto& old : before->constraints) {
            auto it = std::find_if(after->constraints.begin(), after->constraints.end(),
                                   [&](const auto& c) { return c.name == old.name; });
            if (it != after->constraints.end() && it->check == old.check) {
                if (old.not_valid && !it->not_valid) {
                    validates.push_back(make_step(
                        prefix + " VALIDATE CONSTRAINT " + quote_identifier(old.name), text,
                        {hazard(hazard::k_validation_scan, "every column of the domain is scanned")}));
                } else if (!old.not_valid && it->not_valid) {
                    // Only a drop and add makes a valid constraint NOT VALID again.
                    drops.push_back(make_step(prefix + " DROP CONSTRAINT " + quote_identifier(old.name), text));
                    steps.push_back(make_step(prefix + " ADD CONSTRAINT " + quote_identifier(it->name) + " CHECK (" +
                                                  it->check.text + ") NOT VALID",
                                              text));
                }
                continue;
            }
            drops.push_back(make_step(prefix + " DROP CONSTRAINT " + quote_identifier(old.name), text));
        }
        for (const auto& fresh : after->constraints) {
            auto it = std::find_if(before->constraints.begin(), before->constraints.end(),
                                   [&](const auto& c) { return c.name == fresh.name; });
            if (it != before->constraints.end() && it->check == fresh.check) {
                continue;
            }
            std::string sql = prefix + " ADD CONSTRAINT " + quote_identifier(fresh.name) + " CHECK (" +
                              fresh.check.text + ")";
            std::vector<Hazard> hazards;
            if (fresh.not_valid) {
                sql += " NOT VALID";
            } else {
                hazards.push_back(hazard(hazard::k_validation_scan,
                                         "every column of domain " + format_name(after->name) +
                                             " is checked; the statement fails if a value violates it"));
            }
            steps.push_back(make_step(sql, text, hazards));
        }
        drops.insert(drops.end(), steps.begin(), steps.end());
        drops.insert(drops.end(), validates.begin(), validates.end());
        if (drops.empty()) {
            return;
        }
        std::size_t a = add(k_alter_domain, change.key, std::move(drops));
        removes(a, change.key, false);
        provides(a, change.key, false);
    }

    // Drops the old type under a temporary name after the new one took its
    // columns: ALTER TYPE ... RENAME, CREATE TYPE, ALTER TABLE ... ALTER COLUMN ...
    // TYPE new USING col::text::new for every column, DROP TYPE old.
    void recreate_type(const Change& change, const std::string& text) {
        const auto* before = as<model::TypeDef>(change.before);
        const auto* after = as<model::TypeDef>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        const ObjectKey& key = change.key;
        std::string old_name = identifier_limit(before->name.name + "__schemerge_old");
        QualifiedName old_qualified{before->name.schema, old_name};
        std::string keyword = type_keyword(*before);
        std::vector<Hazard> hazards{hazard(hazard::k_type_recreated,
                                           "type " + format_name(after->name) +
                                               " is dropped and created again; its columns are converted through text")};
        std::vector<ObjectKey> columns = columns_of_type(after->name);
        bool removed_labels = false;
        if (before->kind == model::TypeKind::enum_ && after->kind == model::TypeKind::enum_) {
            for (const auto& label : before->enum_labels) {
                if (std::find(after->enum_labels.begin(), after->enum_labels.end(), label) == after->enum_labels.end()) {
                    removed_labels = true;
                }
            }
        }
        std::size_t rename = add(k_rename_old_type, key,
                                 {"ALTER " + keyword + " " + format_name(before->name) + " RENAME TO " +
                                  quote_identifier(old_name)},
                                 text, hazards);
        std::size_t create = add(k_create_type, key, type_statements(*after), text);
        provides(create, key);
        order(rename, create);
        std::size_t drop = add(k_drop_old_type, key, {"DROP " + keyword + " " + format_name(old_qualified)}, text);
        removes(drop, key, false);
        order(create, drop);
        spans_[key].emplace_back(rename, drop);
        for (const auto& column_key : columns) {
            const auto* table = to_table(table_of(column_key));
            const auto* column = table != nullptr ? table->find_column(column_key.name) : nullptr;
            const auto* old_column = column_in(from_, from_side(column_key));
            if (column == nullptr || old_column == nullptr) {
                continue;
            }
            if (has_change(ChangeKind::alter_column_type, column_key)) {
                // Its own type change converts it (from the renamed old type).
                continue;
            }
            std::vector<Hazard> column_hazards{
                hazard(hazard::k_table_rewrite,
                       "table " + format_name(table->name) + " is rewritten to convert column " + column->name),
                hazard(hazard::k_access_exclusive_lock,
                       "table " + format_name(table->name) + " is locked against reads and writes while it is rewritten")};
            if (removed_labels) {
                column_hazards.insert(column_hazards.begin(),
                                      hazard(hazard::k_data_loss,
                                             "values removed from " + format_name(after->name) + " cannot convert: rows of " +
                                                 format_name(table->name) + "." + column->name +
                                                 " holding them make the statement fail"));
            }
            std::size_t convert = add(k_alter_column_type, column_key,
                                      column_type_steps(*table, *old_column, *column, text, column_hazards, true));
            removes(convert, from_side(column_key), false);
            provides(convert, column_key, false);
            order(create, convert);
            order(convert, drop);
            spans_[column_key].emplace_back(convert, convert);
        }
    }

    // ALTER COLUMN ... TYPE, with the default dropped first and set again after when
    // it might not convert (always for a recreated type: the default names the old one).
    std::vector<Step> column_type_steps(const model::Table& table, const model::Column& before,
                                        const model::Column& after, const std::string& text,
                                        std::vector<Hazard> hazards, bool recreated) {
        std::string prefix = "ALTER TABLE " + format_name(table.name) + " ALTER COLUMN " + quote_identifier(after.name);
        ObjectKey key = model::table_scoped_key(ObjectKind::column, table.name, after.name);
        bool risky_default = recreated || classify_type_change(before.type, after.type).data_loss;
        bool diff_drops_default = has_change(ChangeKind::drop_default, key);
        bool diff_sets_default = has_change(ChangeKind::set_default, key);
        std::vector<Step> steps;
        bool reset = before.default_value && risky_default && !diff_drops_default;
        if (reset) {
            steps.push_back(make_step(prefix + " DROP DEFAULT", text));
        }
        std::string type = format_type(after.type);
        std::string sql = prefix + " TYPE " + type;
        if (before.collation != after.collation) {
            sql += " COLLATE " + (after.collation ? format_name(*after.collation) : std::string("pg_catalog.\"default\""));
        }
        sql += " USING " + quote_identifier(after.name) + (recreated ? "::text::" : "::") + type;
        steps.push_back(make_step(sql, text, std::move(hazards)));
        if (reset && after.default_value && !diff_sets_default) {
            steps.push_back(make_step(prefix + " SET DEFAULT " + after.default_value->text, text));
        }
        return steps;
    }

    void create_text_search(const Change& change, const std::string& text) {
        const auto* object = as<model::OptionObject>(change.after);
        if (object == nullptr) {
            return;
        }
        bool configuration = change.key.kind == ObjectKind::text_search_configuration;
        std::vector<std::string> sql = configuration ? create_text_search_configuration(*object)
                                                     : std::vector<std::string>{create_text_search_dictionary(*object)};
        std::string target = std::string(configuration ? "TEXT SEARCH CONFIGURATION " : "TEXT SEARCH DICTIONARY ") +
                             format_name(object->name);
        append_metadata(sql, object->meta, target, target, k_meta);
        provides(add(k_create_text_search, change.key, sql, text), change.key);
    }

    void drop_text_search(const Change& change, const std::string& text) {
        bool configuration = change.key.kind == ObjectKind::text_search_configuration;
        std::string sql = std::string(configuration ? "DROP TEXT SEARCH CONFIGURATION " : "DROP TEXT SEARCH DICTIONARY ") +
                          format_name(name_of(change.key));
        removes(add(k_drop_text_search, change.key, {sql}, text), change.key);
    }

    // --- sequences -------------------------------------------------------------------

    // Identity sequences come and go with their column's GENERATED ... AS IDENTITY.
    static bool identity_sequence(const model::Schema& schema, const model::Sequence& sequence) {
        if (!sequence.owned_by) {
            return false;
        }
        const auto* table = table_in(schema, sequence.owned_by->table);
        const auto* column = table != nullptr ? table->find_column(sequence.owned_by->column) : nullptr;
        return column != nullptr && column->identity != model::IdentityKind::none;
    }

    void owned_by_action(const model::Sequence& sequence, const std::string& text) {
        ObjectKey key = model::object_key(ObjectKind::sequence, sequence.name);
        std::string sql = sequence.owned_by ? sequence_owned_by(sequence)
                                            : "ALTER SEQUENCE " + format_name(sequence.name) + " OWNED BY NONE";
        std::size_t a = add(k_sequence_owned_by, key, {sql}, text);
        if (sequence.owned_by) {
            after_providers(a, model::object_key(ObjectKind::table, sequence.owned_by->table));
            after_providers(a, model::table_scoped_key(ObjectKind::column, sequence.owned_by->table,
                                                       sequence.owned_by->column));
        }
        owned_by_actions_[key] = a;
    }

    void create_sequence_change(const Change& change, const std::string& text) {
        const auto* sequence = as<model::Sequence>(change.after);
        if (sequence == nullptr || identity_sequence(to_, *sequence)) {
            return;
        }
        std::vector<std::string> sql{create_sequence(*sequence)};
        std::string target = "SEQUENCE " + format_name(sequence->name);
        append_metadata(sql, sequence->meta, target, target, k_meta);
        std::size_t a = add(k_create_sequence, change.key, sql, text);
        provides(a, change.key);
        if (sequence->owned_by) {
            owned_by_action(*sequence, text);
            order(a, owned_by_actions_[change.key]);
        }
    }

    void drop_sequence_change(const Change& change, const std::string& text) {
        const auto* sequence = as<model::Sequence>(change.before);
        if (sequence == nullptr || identity_sequence(from_, *sequence)) {
            return;
        }
        if (sequence->owned_by) {
            // OWNED BY: dropping the column or table drops the sequence too.
            ObjectKey column = model::table_scoped_key(ObjectKind::column, current(sequence->owned_by->table),
                                                       sequence->owned_by->column);
            if (column_dropped(column)) {
                return;
            }
        }
        std::size_t a = add(k_drop_sequence, change.key, {"DROP SEQUENCE " + format_name(sequence->name)}, text);
        removes(a, change.key);
    }

    void alter_sequence(const Change& change, const std::string& text) {
        const auto* before = as<model::Sequence>(change.before);
        const auto* after = as<model::Sequence>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        std::vector<std::string> clauses = sequence_option_changes(before->options, after->options, true);
        if (before->unlogged != after->unlogged) {
            add(k_alter_sequence, change.key,
                {"ALTER SEQUENCE " + format_name(after->name) + (after->unlogged ? " SET UNLOGGED" : " SET LOGGED")},
                text);
        }
        if (!clauses.empty()) {
            std::vector<Hazard> hazards;
            // Sequence types are smallint < integer < bigint (unset means bigint): only a
            // narrower type can fail on the current value.
            auto width = [](const std::optional<model::TypeRef>& t) {
                if (!t) {
                    return 8;
                }
                return t->name.name == "smallint" ? 2 : t->name.name == "integer" ? 4 : 8;
            };
            if (width(after->options.data_type) < width(before->options.data_type)) {
                hazards.push_back(hazard(hazard::k_data_loss,
                                         "a narrower sequence type fails if the current value does not fit"));
            }
            add(k_alter_sequence, change.key, {"ALTER SEQUENCE " + format_name(after->name) + " " + join(clauses, " ")},
                text, hazards);
        }
        bool owner_changed = !(before->owned_by == after->owned_by);
        if (owner_changed && before->owned_by && after->owned_by) {
            // The diff compares OWNED BY through table renames.
            owner_changed = !(current(before->owned_by->table) == after->owned_by->table &&
                              before->owned_by->column == after->owned_by->column);
        }
        if (owner_changed && !identity_sequence(to_, *after) && !identity_sequence(from_, *before)) {
            owned_by_action(*after, text);
            std::size_t a = owned_by_actions_[change.key];
            if (before->owned_by) {
                // Before the old owner column goes: it would take the sequence with it.
                before_removers_.emplace_back(a, model::table_scoped_key(ObjectKind::column, before->owned_by->table,
                                                                         before->owned_by->column));
                before_removers_.emplace_back(a, model::object_key(ObjectKind::table, before->owned_by->table));
            }
        }
    }

    // --- tables ------------------------------------------------------------------------

    void create_table_change(const Change& change, const std::string& text) {
        const auto* table = as<model::Table>(change.after);
        if (table == nullptr) {
            return;
        }
        std::vector<std::string> sql{create_table(to_, *table)};
        std::string target = "TABLE " + format_name(table->name);
        append_metadata(sql, table->meta, target, target, k_meta);
        for (const auto& column : table->columns) {
            append_metadata(sql, column.meta, "COLUMN " + column_target(table->name, column.name), "", k_meta);
        }
        for (auto& extra : column_extras(*table)) {
            sql.push_back(std::move(extra));
        }
        std::size_t a = add(k_create_table, change.key, sql, text);
        provides(a, change.key);
        for (const auto& column : table->columns) {
            provides(a, model::table_scoped_key(ObjectKind::column, table->name, column.name));
            if (column.default_value) {
                provides(a, default_key(model::table_scoped_key(ObjectKind::column, table->name, column.name)));
            }
        }
        if (uses_attach_partition(*table)) {
            std::size_t attach = add(k_attach_partition, change.key, {attach_partition(*table)}, text);
            order(a, attach);
            after_providers(attach, model::object_key(ObjectKind::table, *table->partition_of));
            attach_actions_[table->name] = attach;
        }
        for (const auto& constraint : table->constraints) {
            auto placement = constraint_placement(to_, *table, constraint);
            ObjectKey con = model::table_scoped_key(ObjectKind::constraint, table->name, constraint.name);
            if (placement == ConstraintPlacement::inline_check) {
                std::vector<std::string> comment;
                append_metadata(comment, constraint.meta, constraint_comment_target(table->name, constraint), "",
                                k_meta);
                for (auto& statement : comment) {
                    actions_[a].plain.push_back(make_step(statement, text));
                }
                provides(a, con);
                continue;
            }
            if (placement == ConstraintPlacement::inherited || has_change(ChangeKind::add_constraint, con)) {
                continue;
            }
            std::size_t c = add_constraint_action(*table, constraint, text, true);
            order(a, c);
        }
        for (auto& statement : table_security(*table)) {
            std::size_t late = add(k_alter_table, change.key, {statement}, text);
            order(a, late);
        }
        if (auto identity = replica_identity(*table); !identity.empty()) {
            std::size_t late = add(k_table_late, change.key, {identity}, text);
            order(a, late);
            replica_identity_needs(late, *table);
        }
    }

    void replica_identity_needs(std::size_t action, const model::Table& table) {
        constexpr std::string_view k_using_index = "USING INDEX ";
        if (table.replica_identity.starts_with(k_using_index)) {
            std::string index = table.replica_identity.substr(k_using_index.size());
            after_providers(action, model::object_key(ObjectKind::index, {table.name.schema, index}));
            after_providers(action, model::table_scoped_key(ObjectKind::constraint, table.name, index));
        }
    }

    // Foreign keys among tables dropped together that would otherwise make each
    // drop wait for the other (a cycle): dropped separately, first.
    void drop_table_change(const Change& change, const std::string& text) {
        const auto* table = as<model::Table>(change.before);
        if (table == nullptr) {
            return;
        }
        std::size_t a = add(k_drop_table, change.key, {"DROP TABLE " + format_name(table->name)}, text,
                            {hazard(hazard::k_data_loss,
                                    "table " + format_name(table->name) + " and all its rows are dropped")});
        removes(a, change.key);
        for (const auto& column : table->columns) {
            removes(a, model::table_scoped_key(ObjectKind::column, table->name, column.name));
        }
        for (const auto& constraint : table->constraints) {
            ObjectKey con = model::table_scoped_key(ObjectKind::constraint, table->name, constraint.name);
            if (constraint.kind == model::ConstraintKind::foreign_key && constraint.ref_table != table->name &&
                dropped_tables_.contains(constraint.ref_table) && fk_cycle(constraint.ref_table, table->name)) {
                std::size_t fk = add(k_drop_foreign_key, con,
                                     {"ALTER TABLE " + format_name(table->name) + " DROP CONSTRAINT " +
                                      quote_identifier(constraint.name)},
                                     text);
                removes(fk, con);
                order(fk, a);
                continue;
            }
            removes(a, con);
        }
        for (const auto& [name, index] : from_.indexes) {
            if (index.table == table->name) {
                removes(a, model::object_key(ObjectKind::index, name));
            }
        }
        for (const auto& [id, trigger] : from_.triggers) {
            if (id.table == table->name) {
                removes(a, model::table_scoped_key(ObjectKind::trigger, id.table, id.name));
            }
        }
        for (const auto& [id, policy] : from_.policies) {
            if (id.table == table->name) {
                removes(a, model::table_scoped_key(ObjectKind::policy, id.table, id.name));
            }
        }
    }

    // Can `start` reach `target` through foreign keys among the dropped tables?
    bool fk_cycle(const QualifiedName& start, const QualifiedName& target) const {
        std::set<QualifiedName> seen;
        std::vector<QualifiedName> work{start};
        while (!work.empty()) {
            QualifiedName name = work.back();
            work.pop_back();
            if (name == target) {
                return true;
            }
            if (!seen.insert(name).second) {
                continue;
            }
            const auto* table = table_in(from_, name);
            if (table == nullptr) {
                continue;
            }
            for (const auto& constraint : table->constraints) {
                if (constraint.kind == model::ConstraintKind::foreign_key &&
                    dropped_tables_.contains(constraint.ref_table)) {
                    work.push_back(constraint.ref_table);
                }
            }
        }
        return false;
    }

    void rename(const Change& change, const std::string& text) {
        const ObjectKey& key = change.key;
        std::string sql;
        switch (change.kind) {
            case ChangeKind::rename_table:
                sql = "ALTER TABLE " + format_name({key.schema, change.detail}) + " RENAME TO " +
                      quote_identifier(key.name);
                break;
            case ChangeKind::rename_column:
                sql = "ALTER TABLE " + format_name(table_of(key)) + " RENAME COLUMN " + quote_identifier(change.detail) +
                      " TO " + quote_identifier(key.name);
                break;
            case ChangeKind::rename_constraint:
                sql = "ALTER TABLE " + format_name(table_of(key)) + " RENAME CONSTRAINT " +
                      quote_identifier(change.detail) + " TO " + quote_identifier(key.name);
                break;
            case ChangeKind::rename_index:
                sql = "ALTER INDEX " + format_name({key.schema, change.detail}) + " RENAME TO " +
                      quote_identifier(key.name);
                break;
            default: return;
        }
        // Table renames first, then the columns, constraints and indexes in them.
        int rank = change.kind == ChangeKind::rename_table ? k_rename : k_rename + 1;
        add(rank, key, {sql}, text);
    }

    void alter_table(const Change& change, const std::string& text) {
        const auto* before = as<model::Table>(change.before);
        const auto* after = as<model::Table>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        std::string name = format_name(after->name);
        std::string prefix = "ALTER TABLE " + name;
        const ObjectKey& key = change.key;
        std::vector<Step> main;
        if (before->persistence != after->persistence) {
            main.push_back(make_step(
                prefix + (after->persistence == model::Persistence::unlogged ? " SET UNLOGGED" : " SET LOGGED"), text,
                {hazard(hazard::k_table_rewrite, "table " + name + " is rewritten"),
                 hazard(hazard::k_access_exclusive_lock, "table " + name + " is locked while it is rewritten")}));
        }
        if (before->access_method != after->access_method) {
            main.push_back(make_step(
                prefix + " SET ACCESS METHOD " +
                    quote_identifier(after->access_method.empty() ? std::string("heap") : after->access_method),
                text,
                {hazard(hazard::k_table_rewrite, "table " + name + " is rewritten"),
                 hazard(hazard::k_access_exclusive_lock, "table " + name + " is locked while it is rewritten")}));
        }
        if (before->tablespace != after->tablespace) {
            main.push_back(make_step(
                prefix + " SET TABLESPACE " +
                    quote_identifier(after->tablespace.empty() ? std::string("pg_default") : after->tablespace),
                text,
                {hazard(hazard::k_access_exclusive_lock,
                        "table " + name + " is locked while its files are copied to the new tablespace")}));
        }
        if (before->options != after->options) {
            std::vector<std::pair<std::string, std::string>> set;
            std::vector<std::string> reset;
            for (const auto& option : after->options) {
                if (std::find(before->options.begin(), before->options.end(), option) == before->options.end()) {
                    set.push_back(option);
                }
            }
            for (const auto& [option, value] : before->options) {
                bool kept = std::any_of(after->options.begin(), after->options.end(),
                                        [&](const auto& o) { return o.first == option; });
                if (!kept) {
                    reset.push_back(option);
                }
            }
            if (!reset.empty()) {
                main.push_back(make_step(prefix + " RESET (" + join(reset, ", ") + ")", text));
            }
            if (!set.empty()) {
                main.push_back(make_step(prefix + " SET (" + format_reloptions(set) + ")", text));
            }
        }
        for (const auto& parent : before->inherits) {
            QualifiedName renamed = current(parent);
            if (std::find(after->inherits.begin(), after->inherits.end(), renamed) == after->inherits.end()) {
                main.push_back(make_step(prefix + " NO INHERIT " + format_name(renamed), text));
            }
        }
        for (const auto& parent : after->inherits) {
            bool had = std::any_of(before->inherits.begin(), before->inherits.end(),
                                   [&](const auto& p) { return current(p) == parent; });
            if (!had) {
                main.push_back(make_step(
                    prefix + " INHERIT " + format_name(parent), text,
                    {hazard(hazard::k_validation_scan, "the parent's constraints are checked against " + name)}));
            }
        }
        if (before->cluster_on != after->cluster_on) {
            main.push_back(make_step(after->cluster_on.empty()
                                         ? prefix + " SET WITHOUT CLUSTER"
                                         : prefix + " CLUSTER ON " + quote_identifier(after->cluster_on),
                                     text));
        }
        if (!main.empty()) {
            std::size_t a = add(k_alter_table, key, std::move(main));
            if (!after->cluster_on.empty()) {
                after_providers(a, model::object_key(ObjectKind::index, {after->name.schema, after->cluster_on}));
                after_providers(a, model::table_scoped_key(ObjectKind::constraint, after->name, after->cluster_on));
            }
        }
        // Partitions: detach before anything else touches the old parent, attach once
        // the table has the parent's columns.
        std::optional<QualifiedName> old_parent;
        if (before->partition_of) {
            old_parent = current(*before->partition_of);
        }
        bool partition_changed = old_parent != after->partition_of ||
                                 (after->partition_of && before->partition_bound != after->partition_bound);
        if (partition_changed && old_parent) {
            std::size_t detach = add(k_detach_partition, key,
                                     {"ALTER TABLE " + format_name(*old_parent) + " DETACH PARTITION " + name}, text);
            before_removers_.emplace_back(detach, model::object_key(ObjectKind::table, *before->partition_of));
        }
        if (partition_changed && after->partition_of) {
            std::size_t attach =
                add(k_attach_partition, key,
                    {"ALTER TABLE " + format_name(*after->partition_of) + " ATTACH PARTITION " + name + " " +
                     after->partition_bound},
                    text,
                    {hazard(hazard::k_validation_scan,
                            "table " + name + " is scanned to check the partition bound unless a constraint implies it")});
            after_providers(attach, model::object_key(ObjectKind::table, *after->partition_of));
            attach_actions_[after->name] = attach;
        }
        // Row-level security and replica identity once policies and indexes exist.
        std::vector<Step> late;
        if (before->row_security != after->row_security) {
            late.push_back(make_step(prefix + (after->row_security ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY", text));
        }
        if (before->force_row_security != after->force_row_security) {
            late.push_back(
                make_step(prefix + (after->force_row_security ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY", text));
        }
        if (before->replica_identity != after->replica_identity) {
            std::string identity = replica_identity(*after);
            late.push_back(make_step(identity.empty() ? "ALTER TABLE ONLY " + name + " REPLICA IDENTITY DEFAULT" : identity,
                                     text));
        }
        if (!late.empty()) {
            std::size_t a = add(k_table_late, key, std::move(late));
            replica_identity_needs(a, *after);
        }
    }

    // --- columns -------------------------------------------------------------------------

    // A column change on a child that its parent's change already carries: ALTER
    // TABLE on a parent recurses into partitions and inheritance children.
    bool covered_by_parent(ChangeKind kind, const ObjectKey& column) const {
        const auto* table = to_table(table_of(column));
        if (table == nullptr) {
            table = from_table(table_of(column));
        }
        if (table == nullptr) {
            return false;
        }
        std::vector<QualifiedName> parents = table->inherits;
        if (table->partition_of) {
            parents.push_back(*table->partition_of);
        }
        for (const auto& parent : parents) {
            ObjectKey parent_column = model::table_scoped_key(ObjectKind::column, parent, column.name);
            if (has_change(kind, parent_column) || covered_by_parent(kind, parent_column)) {
                return true;
            }
        }
        return false;
    }

    void add_column(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        const auto* column = as<model::Column>(change.after);
        const auto* table = to_table(table_name);
        if (column == nullptr || table == nullptr || table_is_new(table_name) ||
            covered_by_parent(ChangeKind::add_column, change.key)) {
            return;
        }
        std::string name = format_name(table_name);
        std::vector<Hazard> hazards;
        bool has_value = column->default_value || column->identity != model::IdentityKind::none ||
                         column->generated != model::GeneratedKind::none;
        if (column->not_null && !has_value) {
            hazards.push_back(hazard(hazard::k_not_null_on_existing_column,
                                     "column " + column->name + " is NOT NULL without a default: the statement fails if " +
                                         name + " has rows"));
        }
        bool rewrite = column->identity != model::IdentityKind::none ||
                       column->generated != model::GeneratedKind::none ||
                       (column->default_value && is_volatile_expression(*column->default_value, to_));
        if (rewrite) {
            hazards.push_back(hazard(hazard::k_table_rewrite,
                                     "table " + name + " is rewritten to fill column " + column->name +
                                         " (volatile default, identity or stored generated column)"));
            hazards.push_back(hazard(hazard::k_access_exclusive_lock,
                                     "table " + name + " is locked against reads and writes while it is rewritten"));
        }
        std::vector<std::string> sql{"ALTER TABLE " + name + " ADD COLUMN " + column_definition(*table, *column)};
        model::Table only_this = *table;
        only_this.columns = {*column};
        for (auto& extra : column_extras(only_this)) {
            sql.push_back(std::move(extra));
        }
        append_metadata(sql, column->meta, "COLUMN " + column_target(table_name, column->name), "", k_meta);
        // Sorted by table, then in declaration order (the change order).
        std::size_t a = add(k_add_column, model::object_key(ObjectKind::table, table_name), sql, text, hazards);
        provides(a, change.key);
        if (column->default_value) {
            provides(a, default_key(change.key));
        }
    }

    void drop_column(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        const auto* column = as<model::Column>(change.before);
        if (column == nullptr || table_is_dropped(table_name) || covered_by_parent(ChangeKind::drop_column, change.key)) {
            return;
        }
        std::string name = format_name(table_name);
        std::size_t a =
            add(k_drop_column, change.key,
                {"ALTER TABLE " + name + " DROP COLUMN " + quote_identifier(column->name)}, text,
                {hazard(hazard::k_data_loss, "column " + column->name + " of " + name + " and its values are dropped")});
        removes(a, from_side(change.key));
        removes(a, default_key(from_side(change.key)));
        spans_[change.key].emplace_back(a, a);
        column_drops_[original(table_name)].push_back(a);
    }

    void alter_column_type(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        const auto* before = as<model::Column>(change.before);
        const auto* after = as<model::Column>(change.after);
        const auto* table = to_table(table_name);
        if (before == nullptr || after == nullptr || table == nullptr ||
            covered_by_parent(ChangeKind::alter_column_type, change.key)) {
            return;
        }
        std::string name = format_name(table_name);
        TypeChangeImpact impact = classify_type_change(before->type, after->type);
        bool type_changed = before->type != after->type;
        std::vector<Hazard> hazards;
        if (type_changed && impact.data_loss) {
            hazards.push_back(hazard(hazard::k_data_loss, "column " + after->name + ": " + impact.reason));
        }
        bool rewrite = type_changed ? impact.rewrite : false;
        if (rewrite) {
            hazards.push_back(hazard(hazard::k_table_rewrite,
                                     "table " + name + " and its indexes are rewritten to convert column " + after->name));
        } else if (!type_changed) {
            hazards.push_back(hazard(hazard::k_table_rewrite,
                                     "indexes on column " + after->name + " of " + name + " are rebuilt"));
        }
        hazards.push_back(hazard(hazard::k_access_exclusive_lock,
                                 "table " + name + " is locked against reads and writes during the change"));
        // A user type being recreated converts through text from the renamed old type.
        bool recreated = before->type.name == after->type.name && !before->type.name.schema.empty() &&
                         has_change(ChangeKind::recreate_type, model::object_key(ObjectKind::type, after->type.name));
        std::size_t a = add(k_alter_column_type, change.key,
                            column_type_steps(*table, *before, *after, text, hazards, recreated));
        removes(a, from_side(change.key), false);
        provides(a, change.key, false);
        spans_[change.key].emplace_back(a, a);
        if (recreated) {
            recreate_conversions_.emplace_back(a, after->type.name);
        }
    }

    void column_default(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        const auto* after = as<model::Column>(change.after);
        if (table_is_dropped(table_name) || table_is_new(table_name) || column_dropped(change.key) ||
            has_change(ChangeKind::add_column, change.key)) {
            return;
        }
        std::string prefix = "ALTER TABLE " + format_name(table_name) + " ALTER COLUMN " + quote_identifier(change.key.name);
        if (change.kind == ChangeKind::set_default && after != nullptr && after->default_value) {
            std::size_t a = add(k_set_default, change.key, {prefix + " SET DEFAULT " + after->default_value->text}, text);
            removes(a, from_side(change.key), false);
            removes(a, default_key(from_side(change.key)), false);
            provides(a, change.key, false);
            provides(a, default_key(change.key));
            // The old default goes with it.
            identity_drops_[default_key(change.key)].push_back(a);
        } else {
            std::size_t a = add(k_drop_default, change.key, {prefix + " DROP DEFAULT"}, text);
            removes(a, from_side(change.key), false);
            removes(a, default_key(from_side(change.key)));
        }
    }

    std::string not_null_check_name(const QualifiedName& table, const std::string& column) const {
        return identifier_limit(table.name + "_" + column + "_not_null");
    }

    void set_not_null(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        if (table_is_new(table_name) || has_change(ChangeKind::add_column, change.key)) {
            return;
        }
        std::string name = format_name(table_name);
        std::string column = quote_identifier(change.key.name);
        std::string prefix = "ALTER TABLE " + name + " ALTER COLUMN " + column;
        std::size_t a = add(k_set_not_null, change.key,
                            std::vector<Step>{make_step(
                                prefix + " SET NOT NULL", text,
                                {hazard(hazard::k_not_null_on_existing_column,
                                        "the statement fails if a row of " + name + " holds NULL in " + change.key.name),
                                 hazard(hazard::k_validation_scan, "table " + name + " is scanned for NULLs"),
                                 hazard(hazard::k_access_exclusive_lock,
                                        "table " + name + " is locked against reads and writes during the scan")})});
        provides(a, change.key, false);
        // Online: a NOT VALID check is added in the transaction, validated afterwards
        // without blocking writes, and SET NOT NULL then uses it instead of scanning
        // (PostgreSQL 12+).
        std::string check = quote_identifier(not_null_check_name(table_name, change.key.name));
        auto& online = actions_[a].online;
        online.push_back(make_step("ALTER TABLE " + name + " ADD CONSTRAINT " + check + " CHECK (" + column +
                                       " IS NOT NULL) NOT VALID",
                                   text));
        online.push_back(make_step("ALTER TABLE " + name + " VALIDATE CONSTRAINT " + check, text,
                                   {hazard(hazard::k_not_null_on_existing_column,
                                           "validation fails if a row of " + name + " holds NULL in " + change.key.name),
                                    hazard(hazard::k_validation_scan,
                                           "table " + name + " is scanned without blocking reads or writes")},
                                   false));
        online.push_back(make_step(prefix + " SET NOT NULL", text, {}, false));
        online.push_back(make_step("ALTER TABLE " + name + " DROP CONSTRAINT " + check, text, {}, false));
        actions_[a].online_late = true;
    }

    void drop_not_null(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        if (table_is_dropped(table_name) || column_dropped(change.key) || table_is_new(table_name)) {
            return;
        }
        std::size_t a = add(k_drop_not_null, change.key,
                            {"ALTER TABLE " + format_name(table_name) + " ALTER COLUMN " +
                             quote_identifier(change.key.name) + " DROP NOT NULL"},
                            text);
        // PostgreSQL refuses while the column is in the primary key.
        provides(a, change.key, false);
        not_null_drops_.push_back(a);
    }

    void alter_identity(const Change& change, const std::string& text) {
        const auto* before = as<model::Column>(change.before);
        const auto* after = as<model::Column>(change.after);
        QualifiedName table_name = table_of(change.key);
        const auto* table = to_table(table_name);
        if (before == nullptr || after == nullptr || table == nullptr || table_is_new(table_name)) {
            return;
        }
        std::string prefix = "ALTER TABLE " + format_name(table_name) + " ALTER COLUMN " + quote_identifier(after->name);
        std::vector<Step> steps;
        if (after->identity == model::IdentityKind::none) {
            steps.push_back(make_step(prefix + " DROP IDENTITY", text));
        } else if (before->identity == model::IdentityKind::none || before->identity_sequence != after->identity_sequence) {
            if (before->identity != model::IdentityKind::none) {
                steps.push_back(make_step(prefix + " DROP IDENTITY", text));
            }
            std::string options;
            if (!after->identity_sequence.empty()) {
                QualifiedName sequence = after->identity_sequence.find('.') == std::string::npos
                                             ? QualifiedName{table_name.schema, after->identity_sequence}
                                             : model::ObjectResolver::parse_name(after->identity_sequence);
                options += " SEQUENCE NAME " + format_name(sequence);
            }
            options += sequence_options(after->identity_options, " ");
            std::string sql = prefix + " ADD GENERATED " + action_text(after->identity) + " AS IDENTITY";
            if (!options.empty()) {
                sql += " (" + options.substr(1) + ")";
            }
            steps.push_back(make_step(sql, text));
        } else {
            std::vector<std::string> clauses;
            if (before->identity != after->identity) {
                clauses.push_back("SET GENERATED " + action_text(after->identity));
            }
            for (const auto& clause : sequence_option_changes(before->identity_options, after->identity_options, false)) {
                clauses.push_back("SET " + clause);
            }
            if (before->identity_options->data_type != after->identity_options->data_type) {
                clauses.push_back("SET AS " + (after->identity_options->data_type
                                                   ? format_type(*after->identity_options->data_type)
                                                   : format_type(after->type)));
            }
            if (!clauses.empty()) {
                steps.push_back(make_step(prefix + " " + join(clauses, " "), text));
            }
        }
        if (steps.empty()) {
            return;
        }
        std::size_t a = add(k_alter_identity, change.key, std::move(steps));
        provides(a, change.key, false);
        // ADD GENERATED needs the column NOT NULL and without a default first.
        identity_actions_.emplace_back(a, change.key);
    }

    void alter_generated(const Change& change, const std::string& text) {
        const auto* before = as<model::Column>(change.before);
        const auto* after = as<model::Column>(change.after);
        QualifiedName table_name = table_of(change.key);
        const auto* table = to_table(table_name);
        if (before == nullptr || after == nullptr || table == nullptr || table_is_new(table_name)) {
            return;
        }
        std::string name = format_name(table_name);
        std::string prefix = "ALTER TABLE " + name;
        if (after->generated == model::GeneratedKind::none) {
            std::size_t a = add(k_alter_generated, change.key,
                                {prefix + " ALTER COLUMN " + quote_identifier(after->name) + " DROP EXPRESSION"}, text);
            provides(a, change.key, false);
            return;
        }
        // PostgreSQL 15 cannot add or change a generation expression in place: the
        // column is dropped and added again (its values are recomputed).
        std::vector<std::string> sql{prefix + " DROP COLUMN " + quote_identifier(before->name),
                                     prefix + " ADD COLUMN " + column_definition(*table, *after)};
        append_metadata(sql, after->meta, "COLUMN " + column_target(table_name, after->name), "", k_meta);
        std::vector<Hazard> hazards{
            hazard(hazard::k_data_loss, "column " + after->name + " of " + name +
                                            " is dropped and added again as a generated column: its stored values are "
                                            "replaced by computed ones (and it moves to the end of the table)"),
            hazard(hazard::k_table_rewrite, "table " + name + " is rewritten to compute column " + after->name),
            hazard(hazard::k_access_exclusive_lock, "table " + name + " is locked while it is rewritten")};
        std::size_t a = add(k_alter_generated, change.key, sql, text, hazards);
        removes(a, from_side(change.key), false);
        provides(a, change.key, false);
        spans_[change.key].emplace_back(a, a);
    }

    void alter_column_options(const Change& change, const std::string& text) {
        const auto* before = as<model::Column>(change.before);
        const auto* after = as<model::Column>(change.after);
        QualifiedName table_name = table_of(change.key);
        if (before == nullptr || after == nullptr || table_is_new(table_name)) {
            return;
        }
        std::string prefix = "ALTER TABLE " + format_name(table_name) + " ALTER COLUMN " + quote_identifier(after->name);
        std::vector<std::string> sql;
        if (before->statistics != after->statistics) {
            sql.push_back(fmt::format("{} SET STATISTICS {}", prefix, after->statistics.value_or(-1)));
        }
        if (before->storage != after->storage) {
            sql.push_back(prefix + " SET STORAGE " + (after->storage.empty() ? default_storage(after->type) : after->storage));
        }
        if (before->compression != after->compression) {
            sql.push_back(prefix + " SET COMPRESSION " + (after->compression.empty() ? "default" : after->compression));
        }
        if (before->options != after->options) {
            std::vector<std::string> reset;
            for (const auto& [option, value] : before->options) {
                bool kept = std::any_of(after->options.begin(), after->options.end(),
                                        [&](const auto& o) { return o.first == option; });
                if (!kept) {
                    reset.push_back(option);
                }
            }
            if (!reset.empty()) {
                sql.push_back(prefix + " RESET (" + join(reset, ", ") + ")");
            }
            if (!after->options.empty()) {
                sql.push_back(prefix + " SET (" + format_reloptions(after->options) + ")");
            }
        }
        if (!sql.empty()) {
            add(k_column_options, change.key, sql, text);
        }
    }

    // --- constraints -----------------------------------------------------------------------

    // ADD CONSTRAINT (plus its comment), with the online form where it helps: a
    // table created by the plan is empty, so it needs neither hazards nor tricks.
    std::size_t add_constraint_action(const model::Table& table, const model::Constraint& constraint,
                                      const std::string& text, bool new_table) {
        std::string name = format_name(table.name);
        ObjectKey key = model::table_scoped_key(ObjectKind::constraint, table.name, constraint.name);
        bool foreign = constraint.kind == model::ConstraintKind::foreign_key;
        std::vector<Hazard> hazards;
        if (!new_table && !constraint.not_valid) {
            switch (constraint.kind) {
                case model::ConstraintKind::foreign_key:
                    hazards.push_back(hazard(hazard::k_validation_scan,
                                             "table " + name + " is scanned to check every row against " +
                                                 format_name(constraint.ref_table) +
                                                 "; both tables are locked against writes meanwhile"));
                    break;
                case model::ConstraintKind::check:
                    hazards.push_back(hazard(hazard::k_validation_scan, "table " + name + " is scanned to check every row"));
                    hazards.push_back(hazard(hazard::k_access_exclusive_lock,
                                             "table " + name + " is locked against reads and writes during the scan"));
                    break;
                default:
                    hazards.push_back(hazard(hazard::k_validation_scan,
                                             "an index is built on " + name + " and every row is checked"));
                    hazards.push_back(hazard(hazard::k_access_exclusive_lock,
                                             "table " + name + " is locked against reads and writes during the build"));
                    break;
            }
        }
        std::vector<std::string> sql{add_constraint(table, constraint)};
        append_metadata(sql, constraint.meta, constraint_comment_target(table.name, constraint), "", k_meta);
        std::size_t a = add(foreign ? k_add_foreign_key : k_add_constraint, key, sql, text, hazards);
        provides(a, key);
        constraint_adds_[table.name].push_back(a);
        if (new_table || constraint.not_valid) {
            return a;
        }
        auto& online = actions_[a].online;
        std::string prefix = "ALTER TABLE " + name;
        if (foreign || constraint.kind == model::ConstraintKind::check) {
            // NOT VALID takes the lock only briefly; VALIDATE CONSTRAINT scans under a
            // lock that lets reads and writes continue, after the transaction commits.
            model::Constraint not_valid = constraint;
            not_valid.not_valid = true;
            online.push_back(make_step(add_constraint(table, not_valid), text));
            online.push_back(make_step(prefix + " VALIDATE CONSTRAINT " + quote_identifier(constraint.name), text,
                                       {hazard(hazard::k_validation_scan,
                                               "table " + name + " is scanned without blocking reads or writes")},
                                       false));
        } else if ((constraint.kind == model::ConstraintKind::primary_key ||
                    constraint.kind == model::ConstraintKind::unique) &&
                   table.partition_strategy == model::PartitionStrategy::none && constraint.index_tablespace.empty()) {
            // Build the unique index without blocking writes, then attach it.
            model::Index index;
            index.name = {table.name.schema, constraint.name};
            index.table = table.name;
            index.unique = true;
            index.nulls_not_distinct = constraint.nulls_not_distinct;
            for (const auto& column : constraint.columns) {
                model::IndexElement element;
                element.column = column;
                index.elements.push_back(element);
            }
            index.include = constraint.include;
            index.options = constraint.index_options;
            online.push_back(make_step(concurrently(create_index(index)), text,
                                       {hazard(hazard::k_validation_scan,
                                               "the unique index is built without blocking writes; it fails on "
                                               "duplicates and leaves an invalid index to drop")},
                                       false));
            std::string kind = constraint.kind == model::ConstraintKind::primary_key ? "PRIMARY KEY" : "UNIQUE";
            std::string attach = prefix + " ADD CONSTRAINT " + quote_identifier(constraint.name) + " " + kind +
                                 " USING INDEX " + quote_identifier(constraint.name);
            if (constraint.deferrable) {
                attach += " DEFERRABLE";
                if (constraint.initially_deferred) {
                    attach += " INITIALLY DEFERRED";
                }
            }
            online.push_back(make_step(attach, text, {}, false));
            for (std::size_t i = 1; i < sql.size(); ++i) {
                online.push_back(make_step(sql[i], text, {}, false));
            }
            actions_[a].online_late = true;
        }
        return a;
    }

    void add_constraint_change(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        const auto* constraint = as<model::Constraint>(change.after);
        const auto* table = to_table(table_name);
        if (constraint == nullptr || table == nullptr) {
            return;
        }
        if (table_is_new(table_name) && !has_change(ChangeKind::drop_table, model::object_key(ObjectKind::table, table_name))) {
            // create_table adds it unless the diff lists it (then here, once).
            if (constraint_placement(to_, *table, *constraint) == ConstraintPlacement::inline_check) {
                return;
            }
        }
        if (constraint_placement(to_, *table, *constraint) == ConstraintPlacement::inherited) {
            return;  // the parent's ADD CONSTRAINT recurses into this table
        }
        bool new_table = table_is_new(table_name);
        add_constraint_action(*table, *constraint, text, new_table);
    }

    void drop_constraint_change(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        const auto* constraint = as<model::Constraint>(change.before);
        if (constraint == nullptr || table_is_dropped(table_name)) {
            return;
        }
        if (const auto* old_table = from_table(table_name)) {
            if (constraint_placement(from_, *old_table, *constraint) == ConstraintPlacement::inherited &&
                parent_drops_constraint(*old_table, constraint->name)) {
                return;  // dropped with the parent's
            }
        }
        bool foreign = constraint->kind == model::ConstraintKind::foreign_key;
        std::size_t a = add(foreign ? k_drop_foreign_key : k_drop_constraint, change.key,
                            {"ALTER TABLE " + format_name(table_name) + " DROP CONSTRAINT " +
                             quote_identifier(constraint->name)},
                            text);
        removes(a, from_side(change.key));
        constraint_drops_[original(table_name)].push_back(a);
    }

    bool parent_drops_constraint(const model::Table& table, const std::string& name) const {
        std::vector<QualifiedName> parents = table.inherits;
        if (table.partition_of) {
            parents.push_back(*table.partition_of);
        }
        for (const auto& parent : parents) {
            ObjectKey key = model::table_scoped_key(ObjectKind::constraint, current(parent), name);
            if (has_change(ChangeKind::drop_constraint, key) || table_is_dropped(current(parent))) {
                return true;
            }
        }
        return false;
    }

    void validate_constraint(const Change& change, const std::string& text) {
        QualifiedName table_name = table_of(change.key);
        std::string name = format_name(table_name);
        std::size_t a = add(k_validate_constraint, change.key,
                            std::vector<Step>{make_step(
                                "ALTER TABLE " + name + " VALIDATE CONSTRAINT " + quote_identifier(change.key.name), text,
                                {hazard(hazard::k_validation_scan,
                                        "table " + name + " is scanned (reads and writes continue)")})});
        provides(a, change.key, false);
    }

    // --- indexes -------------------------------------------------------------------------

    bool partitioned(const QualifiedName& table_name) const {
        const auto* table = to_table(table_name);
        return table != nullptr && table->partition_strategy != model::PartitionStrategy::none;
    }

    std::size_t create_index_action(const model::Index& index, const std::string& text, bool recreate) {
        ObjectKey key = model::object_key(ObjectKind::index, index.name);
        bool fresh = table_is_new(index.table) || view_in(to_, index.table) != nullptr;
        std::vector<Hazard> hazards;
        if (!fresh) {
            hazards.push_back(hazard(hazard::k_blocking_index_build,
                                     "writes to " + format_name(index.table) + " are blocked while the index is built"));
        }
        std::vector<std::string> sql{create_index(index)};
        append_metadata(sql, index.meta, "INDEX " + format_name(index.name), "", k_meta);
        std::size_t a = add(k_create_index, key, sql, text, hazards);
        provides(a, key);
        index_creates_[index.table].push_back(a);
        if (!fresh && !recreate && !index.only && !partitioned(index.table) && !index.attached_to) {
            auto& online = actions_[a].online;
            // Built without blocking writes (no blocking-index-build); a failed build
            // leaves an invalid index behind that must be dropped before a retry.
            online.push_back(make_step(concurrently(sql.front()), text, {}, false));
            for (std::size_t i = 1; i < sql.size(); ++i) {
                online.push_back(make_step(sql[i], text, {}, false));
            }
            actions_[a].online_late = true;
        }
        if (index.attached_to) {
            std::size_t attach = add(k_index_attach, key, {attach_index(index)}, text);
            order(a, attach);
            after_providers(attach, model::object_key(ObjectKind::index, *index.attached_to));
        }
        return a;
    }

    void create_index_change(const Change& change, const std::string& text) {
        if (const auto* index = as<model::Index>(change.after)) {
            create_index_action(*index, text, false);
        }
    }

    void drop_index_change(const Change& change, const std::string& text) {
        const auto* index = as<model::Index>(change.before);
        if (index == nullptr || table_is_dropped(current(index->table)) || dropped_views_.contains(index->table)) {
            return;
        }
        if (index->attached_to && (has_change(ChangeKind::drop_index, model::object_key(ObjectKind::index, *index->attached_to)))) {
            return;  // dropped with its parent index
        }
        std::string name = format_name(index->name);
        std::size_t a = add(k_drop_index, change.key, {"DROP INDEX " + name}, text,
                            {hazard(hazard::k_access_exclusive_lock,
                                    "table " + format_name(current(index->table)) + " is locked while the index is dropped")});
        removes(a, change.key);
        index_drops_[index->table].push_back(a);
        bool plain_only = index->only || index->attached_to ||
                          (from_table(current(index->table)) != nullptr &&
                           from_table(current(index->table))->partition_strategy != model::PartitionStrategy::none);
        if (!plain_only) {
            actions_[a].online.push_back(make_step("DROP INDEX CONCURRENTLY " + name, text, {}, false));
            actions_[a].online_late = true;
        }
    }

    // --- views ---------------------------------------------------------------------------

    std::size_t create_view_action(const model::View& view, const std::string& text, int rank = k_create_view) {
        ObjectKey key = model::object_key(view.materialized ? ObjectKind::materialized_view : ObjectKind::view, view.name);
        std::vector<Hazard> hazards;
        if (view.materialized) {
            hazards.push_back(hazard(hazard::k_table_rewrite, "materialized view " + format_name(view.name) +
                                                                  " is populated by running its query"));
        }
        std::size_t a = add(rank, key, view_statements(view), text, hazards);
        provides(a, key);
        return a;
    }

    std::size_t drop_view_action(const model::View& view, const ObjectKey& key, const std::string& text,
                                 std::vector<Hazard> hazards = {}) {
        std::size_t a = add(k_drop_view, key, {"DROP " + view_keyword(view) + " " + format_name(view.name)}, text,
                            std::move(hazards));
        removes(a, key);
        for (const auto& [name, index] : from_.indexes) {
            if (index.table == view.name) {
                removes(a, model::object_key(ObjectKind::index, name));
            }
        }
        for (const auto& [id, trigger] : from_.triggers) {
            if (id.table == view.name) {
                removes(a, model::table_scoped_key(ObjectKind::trigger, id.table, id.name));
            }
        }
        return a;
    }

    void create_view_change(const Change& change, const std::string& text) {
        if (const auto* view = as<model::View>(change.after)) {
            create_view_action(*view, text);
        }
    }

    void drop_view_change(const Change& change, const std::string& text) {
        if (const auto* view = as<model::View>(change.before)) {
            drop_view_action(*view, change.key, text);
        }
    }

    void replace_view(const Change& change, const std::string& text) {
        const auto* before = as<model::View>(change.before);
        const auto* after = as<model::View>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        if (!view_needs_recreate(change)) {
            std::vector<std::string> sql = view_statements(*after);
            sql.front().replace(0, std::string("CREATE VIEW").size(), "CREATE OR REPLACE VIEW");
            // Comments are diffed separately; keep the definition and column defaults.
            std::vector<std::string> definition{sql.front()};
            for (const auto& column : before->column_details) {
                bool still = std::any_of(after->column_details.begin(), after->column_details.end(), [&](const auto& c) {
                    return c.name == column.name && c.default_value;
                });
                if (column.default_value && !still) {
                    definition.push_back("ALTER VIEW " + format_name(after->name) + " ALTER COLUMN " +
                                         quote_identifier(column.name) + " DROP DEFAULT");
                }
            }
            for (auto& extra : view_column_extras(*after)) {
                definition.push_back(std::move(extra));
            }
            for (const auto& [option, value] : before->options) {
                bool kept = std::any_of(after->options.begin(), after->options.end(),
                                        [&](const auto& o) { return o.first == option; });
                if (!kept && option != "check_option") {
                    definition.push_back("ALTER VIEW " + format_name(after->name) + " RESET (" + option + ")");
                }
            }
            std::size_t a = add(k_create_view, change.key, definition, text);
            removes(a, change.key, false);
            provides(a, change.key, false);
            return;
        }
        std::vector<Hazard> hazards;
        if (before->materialized) {
            hazards.push_back(hazard(hazard::k_dependents_recreated,
                                     "materialized view " + format_name(before->name) +
                                         " is dropped and created again: it is empty until its query has run"));
        }
        std::size_t drop = drop_view_action(*before, change.key, text, hazards);
        std::size_t create = create_view_action(*after, text);
        order(drop, create);
    }

    // --- routines --------------------------------------------------------------------------

    std::size_t create_routine_action(const model::Function& function, const ObjectKey& key, const std::string& text,
                                      bool or_replace) {
        std::size_t a = add(k_create_routine, key, routine_statements(function, or_replace), text);
        provides(a, key, !or_replace);
        if (or_replace) {
            removes(a, key, false);
        }
        if (function.language == "sql" && function.sql_body.empty() && !function_bodies_off_) {
            // SQL-language bodies are checked at creation and may read objects the plan
            // creates later (or that this routine's own dependents are).
            function_bodies_off_ = add(k_setup, {}, {"SET check_function_bodies = false"},
                                       "setup: check SQL function bodies when they run, not while the plan creates them");
        }
        return a;
    }

    std::size_t drop_routine_action(const model::Function& function, const ObjectKey& key, const std::string& text,
                                    std::vector<Hazard> hazards = {}) {
        std::size_t a = add(k_drop_routine, key, {drop_routine(function)}, text, std::move(hazards));
        removes(a, key);
        return a;
    }

    void create_function_change(const Change& change, const std::string& text) {
        if (const auto* function = as<model::Function>(change.after)) {
            create_routine_action(*function, change.key, text, false);
        }
    }

    void drop_function_change(const Change& change, const std::string& text) {
        const auto* function = as<model::Function>(change.before);
        if (function == nullptr) {
            return;
        }
        for (const auto& type : cascaded_types_) {
            for (const auto& [option, value] : from_.types.at(type).options) {
                QualifiedName name = model::ObjectResolver::parse_name(value);
                if (name.name == function->name.name) {
                    return;  // DROP TYPE ... CASCADE took it
                }
            }
        }
        drop_routine_action(*function, change.key, text);
    }

    void replace_function(const Change& change, const std::string& text) {
        const auto* before = as<model::Function>(change.before);
        const auto* after = as<model::Function>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        if (routine_replaceable(*before, *after) && !forced_.contains(change.key)) {
            std::size_t a = create_routine_action(*after, change.key, text, true);
            if (before->meta.comment && !after->meta.comment) {
                actions_[a].plain.push_back(make_step("COMMENT ON " + routine_target(*after) + " IS NULL", text));
            }
            return;
        }
        std::size_t drop = drop_routine_action(*before, change.key, text);
        std::size_t create = create_routine_action(*after, change.key, text, false);
        order(drop, create);
    }

    // --- triggers and policies -----------------------------------------------------------------

    std::size_t create_trigger_action(const model::Trigger& trigger, const ObjectKey& key, const std::string& text) {
        std::size_t a = add(k_create_trigger, key, trigger_statements(trigger), text);
        provides(a, key);
        return a;
    }

    std::size_t drop_trigger_action(const model::Trigger& trigger, const ObjectKey& key, const std::string& text,
                                    std::vector<Hazard> hazards = {}) {
        std::size_t a = add(k_drop_trigger, key,
                            {"DROP TRIGGER " + quote_identifier(trigger.name) + " ON " + format_name(current(trigger.table))},
                            text, std::move(hazards));
        removes(a, key);
        trigger_drops_[trigger.table].push_back(a);
        return a;
    }

    void create_trigger_change(const Change& change, const std::string& text) {
        if (const auto* trigger = as<model::Trigger>(change.after)) {
            create_trigger_action(*trigger, change.key, text);
        }
    }

    void drop_trigger_change(const Change& change, const std::string& text) {
        const auto* trigger = as<model::Trigger>(change.before);
        if (trigger == nullptr || table_is_dropped(current(trigger->table)) || dropped_views_.contains(trigger->table)) {
            return;
        }
        drop_trigger_action(*trigger, change.key, text);
    }

    void alter_trigger_enabled(const Change& change, const std::string& text) {
        const auto* trigger = as<model::Trigger>(change.after);
        if (trigger == nullptr || recreated_.contains(change.key)) {
            return;
        }
        std::string sql = trigger_enable_state(*trigger);
        if (sql.empty()) {
            sql = "ALTER TABLE " + format_name(trigger->table) + " ENABLE TRIGGER " + quote_identifier(trigger->name);
        }
        add(k_trigger_enabled, change.key, {sql}, text);
    }

    std::size_t create_policy_action(const model::Policy& policy, const ObjectKey& key, const std::string& text) {
        std::size_t a = add(k_create_policy, key, policy_statements(policy), text);
        provides(a, key);
        return a;
    }

    std::size_t drop_policy_action(const model::Policy& policy, const ObjectKey& key, const std::string& text,
                                   std::vector<Hazard> hazards = {}) {
        std::size_t a = add(k_drop_policy, key,
                            {"DROP POLICY " + quote_identifier(policy.name) + " ON " + format_name(current(policy.table))},
                            text, std::move(hazards));
        removes(a, key);
        policy_drops_[policy.table].push_back(a);
        return a;
    }

    void create_policy_change(const Change& change, const std::string& text) {
        if (const auto* policy = as<model::Policy>(change.after)) {
            create_policy_action(*policy, change.key, text);
        }
    }

    void drop_policy_change(const Change& change, const std::string& text) {
        const auto* policy = as<model::Policy>(change.before);
        if (policy == nullptr || table_is_dropped(current(policy->table))) {
            return;
        }
        drop_policy_action(*policy, change.key, text);
    }

    void alter_policy(const Change& change, const std::string& text) {
        const auto* before = as<model::Policy>(change.before);
        const auto* after = as<model::Policy>(change.after);
        if (before == nullptr || after == nullptr) {
            return;
        }
        // ALTER POLICY cannot remove a USING or WITH CHECK clause, nor change the
        // command or PERMISSIVE/RESTRICTIVE.
        bool in_place = !forced_.contains(change.key) && before->command == after->command &&
                        before->permissive == after->permissive &&
                        !(!before->using_expr.empty() && after->using_expr.empty()) &&
                        !(!before->check_expr.empty() && after->check_expr.empty());
        if (!in_place) {
            std::size_t drop = drop_policy_action(*before, change.key, text);
            std::size_t create = create_policy_action(*after, change.key, text);
            order(drop, create);
            return;
        }
        std::string sql = "ALTER POLICY " + quote_identifier(after->name) + " ON " + format_name(after->table);
        if (before->roles != after->roles) {
            // The role list exactly as CREATE POLICY spells it.
            std::string created = create_policy(*after);
            auto to = created.find(" TO ");
            if (to != std::string::npos) {
                auto end = created.find(" USING (", to);
                if (end == std::string::npos) {
                    end = created.find(" WITH CHECK (", to);
                }
                sql += created.substr(to, end == std::string::npos ? std::string::npos : end - to);
            } else {
                sql += " TO PUBLIC";
            }
        }
        if (before->using_expr != after->using_expr && !after->using_expr.empty()) {
            sql += " USING (" + after->using_expr.text + ")";
        }
        if (before->check_expr != after->check_expr && !after->check_expr.empty()) {
            sql += " WITH CHECK (" + after->check_expr.text + ")";
        }
        std::size_t a = add(k_alter_policy, change.key, {sql}, text);
        removes(a, change.key, false);
        provides(a, change.key, false);
    }

    // --- comments --------------------------------------------------------------------------

    // COMMENT ON target for a key (nothing when the kind has no comment target).
    std::string comment_target(const Change& change) const {
        const ObjectKey& key = change.key;
        switch (key.kind) {
            case ObjectKind::schema: return "SCHEMA " + quote_identifier(key.name);
            case ObjectKind::extension: return "EXTENSION " + quote_identifier(key.name);
            case ObjectKind::collation: return "COLLATION " + format_name(name_of(key));
            case ObjectKind::type: {
                const auto* type = as<model::TypeDef>(change.after);
                return (type != nullptr ? type_keyword(*type) : std::string("TYPE")) + " " + format_name(name_of(key));
            }
            case ObjectKind::sequence: return "SEQUENCE " + format_name(name_of(key));
            case ObjectKind::table: return "TABLE " + format_name(name_of(key));
            case ObjectKind::column: return "COLUMN " + column_target(table_of(key), key.name);
            case ObjectKind::constraint:
                return "CONSTRAINT " + quote_identifier(key.name) + " ON " + format_name(table_of(key));
            case ObjectKind::index: return "INDEX " + format_name(name_of(key));
            case ObjectKind::view: return "VIEW " + format_name(name_of(key));
            case ObjectKind::materialized_view: return "MATERIALIZED VIEW " + format_name(name_of(key));
            case ObjectKind::function:
            case ObjectKind::procedure:
            case ObjectKind::aggregate: {
                const auto* function = as<model::Function>(change.after);
                return function != nullptr ? routine_target(*function) : std::string();
            }
            case ObjectKind::trigger:
                return "TRIGGER " + quote_identifier(key.name) + " ON " + format_name(table_of(key));
            case ObjectKind::policy: return "POLICY " + quote_identifier(key.name) + " ON " + format_name(table_of(key));
            case ObjectKind::text_search_configuration: return "TEXT SEARCH CONFIGURATION " + format_name(name_of(key));
            case ObjectKind::text_search_dictionary: return "TEXT SEARCH DICTIONARY " + format_name(name_of(key));
            case ObjectKind::other: return {};
        }
        return {};
    }

    static const model::ObjectBase* meta_of(const diff::ObjectRef& ref) {
        return std::visit(
            [](const auto& pointer) -> const model::ObjectBase* {
                using T = std::decay_t<decltype(pointer)>;
                if constexpr (std::is_same_v<T, std::monostate>) {
                    return nullptr;
                } else {
                    return pointer == nullptr ? nullptr : &pointer->meta;
                }
            },
            ref);
    }

    void set_comment(const Change& change, const std::string& text) {
        const ObjectKey& key = change.key;
        // Objects created (or recreated) by the plan carry their comment already.
        if (created_with_comment(key)) {
            return;
        }
        std::string target = comment_target(change);
        if (target.empty()) {
            target = change.detail;
        }
        if (target.empty()) {
            return;
        }
        const auto* meta = meta_of(change.after);
        std::string value = meta != nullptr && meta->comment ? quote_literal(*meta->comment) : "NULL";
        std::size_t a = add(k_comment, key, {"COMMENT ON " + target + " IS " + value}, text);
        after_providers(a, key);
        if (key.kind == ObjectKind::column) {
            after_providers(a, model::object_key(ObjectKind::table, table_of(key)));
        }
    }

    bool created_with_comment(const ObjectKey& key) const {
        if (recreated_.contains(key) || forced_.contains(key)) {
            return true;
        }
        switch (key.kind) {
            case ObjectKind::column:
            case ObjectKind::constraint:
            case ObjectKind::trigger:
            case ObjectKind::policy: {
                QualifiedName table = table_of(key);
                if (table_is_new(table)) {
                    return true;
                }
                ObjectKey view_key = model::object_key(ObjectKind::view, table);
                ObjectKey matview_key = model::object_key(ObjectKind::materialized_view, table);
                if (recreated_.contains(view_key) || recreated_.contains(matview_key) ||
                    has_change(ChangeKind::create_view, view_key) || has_change(ChangeKind::create_view, matview_key)) {
                    return true;
                }
                if (key.kind == ObjectKind::column) {
                    return has_change(ChangeKind::add_column, key);
                }
                if (key.kind == ObjectKind::constraint) {
                    return has_change(ChangeKind::add_constraint, key);
                }
                if (key.kind == ObjectKind::trigger) {
                    return has_change(ChangeKind::create_trigger, key);
                }
                return has_change(ChangeKind::create_policy, key);
            }
            case ObjectKind::view:
            case ObjectKind::materialized_view:
                return has_change(ChangeKind::create_view, key) ||
                       (has_change(ChangeKind::replace_view, key) && destroyed_.contains(key));
            case ObjectKind::function:
            case ObjectKind::procedure:
            case ObjectKind::aggregate:
                return has_change(ChangeKind::create_function, key) ||
                       (has_change(ChangeKind::replace_function, key) && destroyed_.contains(key));
            case ObjectKind::table: return table_is_new(name_of(key));
            case ObjectKind::index: return has_change(ChangeKind::create_index, key);
            case ObjectKind::sequence: return has_change(ChangeKind::create_sequence, key);
            case ObjectKind::type:
                return has_change(ChangeKind::create_type, key) || has_change(ChangeKind::recreate_type, key);
            case ObjectKind::schema: return has_change(ChangeKind::create_schema, key);
            case ObjectKind::extension: return has_change(ChangeKind::create_extension, key);
            case ObjectKind::collation: return has_change(ChangeKind::create_collation, key);
            case ObjectKind::text_search_configuration:
            case ObjectKind::text_search_dictionary: return has_change(ChangeKind::create_text_search, key);
            case ObjectKind::other: return false;
        }
        return false;
    }

    // ------------------------------------------------------------------ dependents

    // Drops and creates again, from `to`, the dependents no change of the diff covers.
    void recreate_dependents() {
        for (const auto& d : recreated_) {
            ObjectKey shown = d;
            if (d.kind == ObjectKind::column) {
                shown.args.clear();
            }
            std::string reason = "recreate dependent " + shown.to_string();
            std::vector<Hazard> hazards{hazard(hazard::k_dependents_recreated, dependent_message(d))};
            switch (d.kind) {
                case ObjectKind::view:
                case ObjectKind::materialized_view: {
                    const auto* before = view_in(from_, name_of(d));
                    const auto* after = view_in(to_, name_of(d));
                    if (before == nullptr) {
                        break;
                    }
                    std::size_t drop = drop_view_action(*before, d, reason, hazards);
                    if (after != nullptr) {
                        order(drop, create_view_action(*after, reason));
                    }
                    break;
                }
                case ObjectKind::function:
                case ObjectKind::procedure:
                case ObjectKind::aggregate: {
                    const auto* before = routine_in(from_, d);
                    const auto* after = routine_in(to_, d);
                    if (before == nullptr) {
                        break;
                    }
                    std::size_t drop = drop_routine_action(*before, d, reason, hazards);
                    if (after != nullptr) {
                        order(drop, create_routine_action(*after, d, reason, false));
                    }
                    break;
                }
                case ObjectKind::trigger: {
                    const auto* before = trigger_in(from_, from_side(d));
                    const auto* after = trigger_in(to_, d);
                    if (before == nullptr) {
                        break;
                    }
                    std::size_t drop = drop_trigger_action(*before, d, reason, hazards);
                    if (after != nullptr) {
                        order(drop, create_trigger_action(*after, d, reason));
                    }
                    break;
                }
                case ObjectKind::policy: {
                    const auto* before = policy_in(from_, from_side(d));
                    const auto* after = policy_in(to_, d);
                    if (before == nullptr) {
                        break;
                    }
                    std::size_t drop = drop_policy_action(*before, d, reason, hazards);
                    if (after != nullptr) {
                        order(drop, create_policy_action(*after, d, reason));
                    }
                    break;
                }
                case ObjectKind::index: {
                    const auto* before = index_in(from_, name_of(d));
                    const auto* after = index_in(to_, name_of(d));
                    if (before == nullptr) {
                        break;
                    }
                    std::size_t drop = add(k_drop_index, d, {"DROP INDEX " + format_name(before->name)}, reason, hazards);
                    removes(drop, d);
                    if (after != nullptr) {
                        order(drop, create_index_action(*after, reason, true));
                    }
                    break;
                }
                case ObjectKind::constraint: {
                    const auto* before = constraint_in(from_, from_side(d));
                    const auto* table = to_table(table_of(d));
                    const auto* after = table != nullptr ? table->find_constraint(d.name) : nullptr;
                    if (before == nullptr) {
                        break;
                    }
                    bool foreign = before->kind == model::ConstraintKind::foreign_key;
                    std::size_t drop = add(foreign ? k_drop_foreign_key : k_drop_constraint, d,
                                           {"ALTER TABLE " + format_name(table_of(d)) + " DROP CONSTRAINT " +
                                            quote_identifier(before->name)},
                                           reason, hazards);
                    removes(drop, from_side(d));
                    if (after != nullptr) {
                        order(drop, add_constraint_action(*table, *after, reason, false));
                    }
                    break;
                }
                case ObjectKind::column: {
                    ObjectKey column = d;
                    column.args.clear();
                    const auto* before = column_in(from_, from_side(column));
                    const auto* after = column_in(to_, column);
                    if (before == nullptr || !before->default_value) {
                        break;
                    }
                    std::string prefix = "ALTER TABLE " + format_name(table_of(column)) + " ALTER COLUMN " +
                                         quote_identifier(column.name);
                    std::string why = "recreate default of column " + column.to_string();
                    std::size_t drop = add(k_drop_dependent_default, d, {prefix + " DROP DEFAULT"}, why, hazards);
                    removes(drop, from_side(d));
                    bool diff_sets = has_change(ChangeKind::set_default, column) || has_change(ChangeKind::drop_default, column);
                    if (after != nullptr && after->default_value && !diff_sets) {
                        std::size_t set = add(k_set_default, d, {prefix + " SET DEFAULT " + after->default_value->text}, why);
                        provides(set, d);
                        provides(set, column, false);
                        order(drop, set);
                    }
                    break;
                }
                default: break;
            }
        }
    }

    std::string dependent_message(const ObjectKey& d) const {
        std::vector<std::string> causes;
        for (const auto& [x, dependent] : pairs_) {
            if (dependent == d) {
                std::string cause = x.to_string();
                if (std::find(causes.begin(), causes.end(), cause) == causes.end()) {
                    causes.push_back(cause);
                }
            }
        }
        return "dropped and created again around the change of " + join(causes, ", ");
    }

    // Dependents are dropped before, and created after, what they depend on changes.
    void link_dependents() {
        for (const auto& [x, d] : pairs_) {
            std::vector<std::pair<std::size_t, std::size_t>> spans;
            if (auto it = spans_.find(x); it != spans_.end()) {
                spans = it->second;
            } else {
                auto drops = identity_drops_.find(x);
                if (drops == identity_drops_.end()) {
                    continue;
                }
                auto creates = identity_creates_.find(x);
                for (std::size_t first : drops->second) {
                    if (creates == identity_creates_.end()) {
                        spans.emplace_back(first, first);
                    } else {
                        for (std::size_t last : creates->second) {
                            spans.emplace_back(first, last);
                        }
                    }
                }
            }
            for (const auto& [first, last] : spans) {
                if (auto it = identity_drops_.find(d); it != identity_drops_.end()) {
                    for (std::size_t drop : it->second) {
                        order(drop, first);
                    }
                }
                if (auto it = identity_creates_.find(d); it != identity_creates_.end()) {
                    for (std::size_t create : it->second) {
                        order(last, create);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ wiring

    void wire() {
        // `from` graph: removers of a dependent before removers of what it needs.
        from_graph_.for_each_edge([&](const ObjectKey& a, const ObjectKey& b, model::DependencyKind kind) {
            if (kind == model::DependencyKind::owned_by) {
                return;
            }
            auto ra = removers_.find(a);
            auto rb = removers_.find(b);
            if (ra == removers_.end() || rb == removers_.end()) {
                return;
            }
            for (std::size_t x : ra->second) {
                for (std::size_t y : rb->second) {
                    order(x, y);
                }
            }
        });
        // `to` graph: providers of what an object needs before its providers.
        to_graph_.for_each_edge([&](const ObjectKey& a, const ObjectKey& b, model::DependencyKind kind) {
            if (kind == model::DependencyKind::owned_by || kind == model::DependencyKind::index_attach) {
                return;
            }
            auto pa = providers_.find(a);
            if (pa == providers_.end() && a.kind == ObjectKind::column) {
                // A column the plan does not touch: its table's creation stands for it.
                return;
            }
            if (pa == providers_.end()) {
                return;
            }
            std::vector<std::size_t> needed;
            if (auto shell = shells_.find(b); shell != shells_.end() && is_routine(a.kind)) {
                needed.push_back(shell->second);
            } else if (auto pb = providers_.find(b); pb != providers_.end()) {
                needed = pb->second;
            }
            for (std::size_t y : needed) {
                for (std::size_t x : pa->second) {
                    order(y, x);
                }
            }
        });
        // A drop of an object before its creation under the same identity.
        for (const auto& [key, drops] : identity_drops_) {
            auto creates = identity_creates_.find(key);
            if (creates == identity_creates_.end()) {
                continue;
            }
            for (std::size_t drop : drops) {
                for (std::size_t create : creates->second) {
                    order(drop, create);
                }
            }
        }
        for (const auto& [action, key] : after_providers_) {
            if (auto it = providers_.find(key); it != providers_.end()) {
                for (std::size_t provider : it->second) {
                    order(provider, action);
                }
            }
        }
        for (const auto& [action, key] : before_removers_) {
            if (auto it = removers_.find(key); it != removers_.end()) {
                for (std::size_t remover : it->second) {
                    order(action, remover);
                }
            }
        }
        // DROP COLUMN takes the indexes, constraints, triggers and policies on the
        // column with it: those the diff drops explicitly go first.
        for (const auto& [table, drops] : column_drops_) {
            for (const auto* group : {&index_drops_, &constraint_drops_, &trigger_drops_, &policy_drops_}) {
                if (auto it = group->find(table); it != group->end()) {
                    for (std::size_t earlier : it->second) {
                        for (std::size_t drop : drops) {
                            order(earlier, drop);
                        }
                    }
                }
            }
        }
        // DROP NOT NULL is refused while the primary key holds the column.
        for (std::size_t drop_not_null : not_null_drops_) {
            for (const auto& [table, drops] : constraint_drops_) {
                for (std::size_t drop : drops) {
                    if (actions_[drop].sort_key.schema == actions_[drop_not_null].sort_key.schema &&
                        current(table).name == actions_[drop_not_null].sort_key.table) {
                        order(drop, drop_not_null);
                    }
                }
            }
        }
        // ADD GENERATED ... AS IDENTITY needs NOT NULL and no default; DROP NOT NULL
        // is refused while the column is an identity.
        for (const auto& [action, column] : identity_actions_) {
            for (std::size_t i = 0; i < actions_.size(); ++i) {
                int rank = actions_[i].rank;
                if ((rank == k_set_not_null || rank == k_drop_default) && actions_[i].sort_key == column) {
                    order(i, action);
                } else if (rank == k_drop_not_null && actions_[i].sort_key == column) {
                    order(action, i);
                }
            }
        }
        // A partitioned table's keys and indexes recurse into its partitions and adopt
        // matching ones: the partitions' own (and their attachment) come first.
        for (const auto& [name, table] : to_.tables) {
            if (!table.partition_of) {
                continue;
            }
            const QualifiedName& parent = *table.partition_of;
            for (const auto* group : {&constraint_adds_, &index_creates_}) {
                auto parent_items = group->find(parent);
                if (parent_items == group->end()) {
                    continue;
                }
                for (std::size_t item : parent_items->second) {
                    if (auto attach = attach_actions_.find(name); attach != attach_actions_.end()) {
                        order(attach->second, item);
                    }
                    if (auto child = group->find(name); child != group->end()) {
                        for (std::size_t child_item : child->second) {
                            order(child_item, item);
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ order

    std::vector<std::size_t> sort() {
        std::size_t n = actions_.size();
        std::vector<std::size_t> waiting(n, 0);
        std::vector<std::vector<std::size_t>> successors(n);
        for (std::size_t i = 0; i < n; ++i) {
            waiting[i] = actions_[i].after.size();
            for (std::size_t before : actions_[i].after) {
                successors[before].push_back(i);
            }
        }
        auto less = [this](std::size_t a, std::size_t b) {
            const Action& x = actions_[a];
            const Action& y = actions_[b];
            return std::tie(x.rank, x.sort_key, x.seq) < std::tie(y.rank, y.sort_key, y.seq);
        };
        std::set<std::size_t, decltype(less)> ready(less);
        std::set<std::size_t, decltype(less)> pending(less);
        for (std::size_t i = 0; i < n; ++i) {
            (waiting[i] == 0 ? ready : pending).insert(i);
        }
        std::vector<bool> done(n, false);
        std::vector<std::size_t> out;
        bool cycle_noted = false;
        while (out.size() < n) {
            std::size_t next = 0;
            if (!ready.empty()) {
                next = *ready.begin();
                ready.erase(ready.begin());
            } else {
                next = *pending.begin();
                pending.erase(pending.begin());
                if (!cycle_noted) {
                    notes_.push_back("dependency cycle: some steps may run before what they need (first: " +
                                     (actions_[next].plain.empty() ? std::string("?") : actions_[next].plain.front().change) +
                                     ")");
                    cycle_noted = true;
                }
            }
            done[next] = true;
            out.push_back(next);
            for (std::size_t successor : successors[next]) {
                if (done[successor] || waiting[successor] == 0) {
                    continue;
                }
                if (--waiting[successor] == 0) {
                    pending.erase(successor);
                    ready.insert(successor);
                }
            }
        }
        successors_ = std::move(successors);
        return out;
    }

    // Steps before the transaction (ADD VALUE), inside it, and after it. An online
    // form whose effect only exists after the transaction is used only when nothing
    // inside the transaction needs that effect.
    Plan assemble(const std::vector<std::size_t>& sequence) {
        std::size_t n = actions_.size();
        std::vector<bool> use_online(n, false);
        std::vector<bool> tx_after(n, false);  // the action or something after it runs in the transaction
        for (auto it = sequence.rbegin(); it != sequence.rend(); ++it) {
            std::size_t i = *it;
            bool later_tx = false;
            for (std::size_t successor : successors_[i]) {
                later_tx = later_tx || tx_after[successor];
            }
            Action& action = actions_[i];
            if (online_ && !action.online.empty() && !(action.online_late && later_tx)) {
                use_online[i] = true;
            }
            const auto& steps = use_online[i] ? action.online : action.plain;
            bool own_tx = std::any_of(steps.begin(), steps.end(), [](const Step& s) { return s.transactional; });
            tx_after[i] = (own_tx && !action.before_transaction) || later_tx;
        }
        Plan plan;
        std::vector<Step> before;
        std::vector<Step> inside;
        std::vector<Step> after;
        for (std::size_t i : sequence) {
            Action& action = actions_[i];
            auto& steps = use_online[i] ? action.online : action.plain;
            for (auto& step : steps) {
                if (action.before_transaction) {
                    step.transactional = false;
                    before.push_back(std::move(step));
                } else if (step.transactional) {
                    inside.push_back(std::move(step));
                } else {
                    after.push_back(std::move(step));
                }
            }
        }
        for (auto* group : {&before, &inside, &after}) {
            for (auto& step : *group) {
                plan.steps.push_back(std::move(step));
            }
        }
        plan.notes = std::move(notes_);
        return plan;
    }

    const model::Schema& from_;
    const model::Schema& to_;
    const diff::ChangeSet& changes_;
    bool online_;
    model::DependencyGraph from_graph_;
    model::DependencyGraph to_graph_;

    std::vector<Action> actions_;
    std::vector<std::vector<std::size_t>> successors_;
    std::map<ObjectKey, std::vector<std::size_t>> removers_;
    std::map<ObjectKey, std::vector<std::size_t>> providers_;
    std::map<ObjectKey, std::vector<std::size_t>> identity_drops_;
    std::map<ObjectKey, std::vector<std::size_t>> identity_creates_;
    std::vector<std::pair<std::size_t, ObjectKey>> after_providers_;
    std::vector<std::pair<std::size_t, ObjectKey>> before_removers_;
    std::vector<std::string> notes_;

    std::set<std::pair<ChangeKind, ObjectKey>> change_index_;
    std::map<QualifiedName, QualifiedName> renamed_;       // old table name -> new
    std::map<QualifiedName, QualifiedName> renamed_back_;  // new -> old
    std::set<QualifiedName> dropped_tables_;               // `from` names
    std::set<QualifiedName> created_tables_;               // `to` names
    std::set<QualifiedName> dropped_views_;
    std::set<QualifiedName> cascaded_types_;

    std::set<ObjectKey> destroyed_;
    std::set<ObjectKey> column_keys_;
    std::vector<std::pair<ObjectKey, ObjectKey>> pairs_;  // (destroyed object, dependent)
    std::set<ObjectKey> recreated_;                       // dependents the plan drops and creates itself
    std::set<ObjectKey> forced_;                          // replace changes that must drop + create
    std::map<ObjectKey, std::vector<std::pair<std::size_t, std::size_t>>> spans_;

    std::map<ObjectKey, std::size_t> shells_;
    std::map<ObjectKey, std::size_t> owned_by_actions_;
    std::map<QualifiedName, std::size_t> attach_actions_;
    std::map<QualifiedName, std::vector<std::size_t>> column_drops_;      // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> index_drops_;       // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> constraint_drops_;  // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> trigger_drops_;     // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> policy_drops_;      // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> constraint_adds_;   // by `to` table
    std::map<QualifiedName, std::vector<std::size_t>> index_creates_;     // by `to` table
    std::vector<std::size_t> not_null_drops_;
    std::vector<std::pair<std::size_t, ObjectKey>> identity_actions_;
    std::vector<std::pair<std::size_t, QualifiedName>> recreate_conversions_;
    std::optional<std::size_t> function_bodies_off_;
};

void render_step(std::string& out, const Step& step) {
    out += "\n-- " + step.change + "\n";
    for (const auto& h : step.hazards) {
        out += "--   hazard " + h.id + ": " + h.message + "\n";
    }
    if (!step.sql.empty()) {
        out += step.sql + ";\n";
    }
}

}  // namespace

Plan plan_migration(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                    const PlanOptions& options) {
    if (changes.empty()) {
        return {};
    }
    return Builder(from, to, changes, options).run();
}

std::string render_sql(const Plan& plan) {
    std::string out = "-- schemerge migration plan\n";
    for (const auto& note : plan.notes) {
        out += "-- note: " + note + "\n";
    }
    if (plan.steps.empty()) {
        out += "-- The schemas are identical: nothing to do.\n";
        return out;
    }
    // Runs of steps: the non-transactional steps before the first transactional
    // one run first; each run of transactional steps is one transaction.
    bool seen_transaction = false;
    std::size_t i = 0;
    while (i < plan.steps.size()) {
        bool transactional = plan.steps[i].transactional;
        std::size_t end = i;
        while (end < plan.steps.size() && plan.steps[end].transactional == transactional) {
            ++end;
        }
        if (transactional) {
            out += "\nBEGIN;\n";
            for (std::size_t k = i; k < end; ++k) {
                render_step(out, plan.steps[k]);
            }
            out += "\nCOMMIT;\n";
            seen_transaction = true;
        } else {
            out += seen_transaction ? "\n-- after the transaction (CONCURRENTLY cannot run inside one; VALIDATE CONSTRAINT runs on its own to keep "
                                      "its lock light):\n"
                                    : "\n-- outside a transaction:\n";
            for (std::size_t k = i; k < end; ++k) {
                render_step(out, plan.steps[k]);
            }
        }
        i = end;
    }
    return out;
}

}  // namespace schemerge::synth::postgres
