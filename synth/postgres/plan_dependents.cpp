// Dependents: what PostgreSQL ties to an object the plan destroys (views, routines, triggers,
// policies, indexes, constraints, column defaults), found transitively, and dropped before
// and created again after the change.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/view_shape.hpp"

namespace schemerge::synth::postgres {

bool Planner::view_needs_recreate(const Change& change) const {
    const auto* before = as<model::View>(change.before);
    const auto* after = as<model::View>(change.after);
    return before == nullptr || after == nullptr ||
           (!view_replaceable_in_place(*before, *after) && !matview_alters_in_place(*before, *after)) ||
           forced_.contains(change.key);
}

bool Planner::mentions(const model::Expression& expression, const std::string& column) {
    return std::find(expression.columns.begin(), expression.columns.end(), column) != expression.columns.end();
}

// Objects PostgreSQL ties to one column of a table (to-side column key): they
// block dropping the column or changing its type. `deep`: also the expressions
// that would not survive the column's type being recreated (casts to the old type).
std::vector<ObjectKey> Planner::column_dependents(const ObjectKey& column, bool deep) const {
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
std::vector<ObjectKey> Planner::graph_dependents(const ObjectKey& key) const {
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
            case ObjectKind::operator_:
            case ObjectKind::operator_class:
            case ObjectKind::operator_family:
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

void Planner::destroy(const ObjectKey& key, std::vector<ObjectKey>& work) {
    if (destroyed_.insert(key).second) {
        work.push_back(key);
    }
}

// Finds every object that must be dropped before, and created after, an object
// the plan destroys, transitively (a view on a view on a retyped column).
void Planner::find_dependents() {
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
std::vector<ObjectKey> Planner::columns_of_type(const QualifiedName& type) const {
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

bool Planner::generated_needs_readd(const Change& change) {
    const auto* after = as<model::Column>(change.after);
    return after != nullptr && after->generated != model::GeneratedKind::none;
}

// Drops and creates again, from `to`, the dependents no change of the diff covers.
void Planner::recreate_dependents() {
    for (const auto& d : recreated_) {
        ObjectKey shown = d;
        if (d.kind == ObjectKind::column) {
            shown.args.clear();
        }
        std::string reason = "recreate dependent " + shown.to_string();
        std::vector<Hazard> hazards{make_hazard(hazard::k_dependents_recreated, dependent_message(d))};
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
            case ObjectKind::aggregate:
            case ObjectKind::operator_:
            case ObjectKind::operator_class:
            case ObjectKind::operator_family: {
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

std::string Planner::dependent_message(const ObjectKey& d) const {
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

}  // namespace schemerge::synth::postgres
