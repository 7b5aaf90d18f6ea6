// Migration planning for PostgreSQL 15: every change of a ChangeSet becomes one or
// more actions (each a few statements) of the neutral synth::ActionGraph, which orders
// them by the dependency graphs of both schemas (see synth/action_graph.hpp) and splits
// the result into what runs before, inside and after the transaction. The ranks
// (planner.hpp) spell the usual shape of a plan: renames, drops (foreign keys first),
// then creations in pg_dump's order with foreign keys after every table.
//
// This file holds the planner's frame: the scan of the changes, the dispatch of each
// change to the file of its concept (plan_tables.cpp, plan_columns.cpp, ...), the
// ordering rules only PostgreSQL has, and render_sql.
#include "synth/postgres/migration_planner.hpp"

#include <future>
#include <utility>

#include "model/concurrency.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/planner.hpp"
#include "synth/plan_render.hpp"

namespace schemerge::synth::postgres {

namespace {
// Both schemas' dependency graphs, the `from` one on a second thread: they are the
// largest part of planning a big schema, and independent. The `to` one is left empty when
// the caller built it (PlanOptions::to_graph).
std::pair<model::DependencyGraph, model::DependencyGraph> build_graphs(const model::Schema& from,
                                                                       const model::Schema& to,
                                                                       const PlanOptions& options) {
    if (options.to_graph != nullptr) {
        return {model::DependencyGraph::build(from), model::DependencyGraph{}};
    }
    auto from_graph = std::async(model::launch_policy(), [&from] { return model::DependencyGraph::build(from); });
    model::DependencyGraph to_graph = model::DependencyGraph::build(to);
    return {from_graph.get(), std::move(to_graph)};
}
}  // namespace

Planner::Planner(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                 const PlanOptions& options)
    : from_(from),
      to_(to),
      changes_(changes),
      options_(options),
      graphs_(build_graphs(from, to, options)),
      to_graph_(options.to_graph != nullptr ? *options.to_graph : graphs_.second) {}

Plan Planner::run() {
    scan();
    find_dependents();
    for (const auto& change : changes_.changes) {
        expand(change);
    }
    recreate_dependents();
    graph_.link_dependents(pairs_);
    graph_.wire(from_graph_, to_graph_);
    wire();
    return graph_.assemble(options_, to_.dialect->transactional_ddl, std::move(notes_));
}

void Planner::scan() {
    for (auto [schema, parents] : {std::pair{&from_, &from_parents_}, std::pair{&to_, &to_parents_}}) {
        for (const auto& [_, table] : schema->tables) {
            parents->insert(table.inherits.begin(), table.inherits.end());
        }
    }
    for (const auto& change : changes_.changes) {
        change_index_.insert({change.kind, change.key});
        switch (change.kind) {
            case ChangeKind::rename_table: {
                QualifiedName old_name{change.key.schema, change.old_name};
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
bool Planner::diff_drops(const ObjectKey& key) const {
    switch (key.kind) {
        case ObjectKind::view:
        case ObjectKind::materialized_view:
            return has_change(ChangeKind::drop_view, key);
        case ObjectKind::function:
        case ObjectKind::procedure:
        case ObjectKind::aggregate:
        case ObjectKind::operator_:
        case ObjectKind::operator_class:
        case ObjectKind::operator_family: return has_change(ChangeKind::drop_function, key);
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

void Planner::expand(const Change& change) {
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
            append_metadata(sql, extension->meta, "EXTENSION " + quote_identifier(extension->name), "", meta_options());
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
            append_metadata(sql, collation->meta, target, target, meta_options());
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
        case ChangeKind::alter_index: return alter_index_change(change, text);
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
        case ChangeKind::set_privileges: return set_privileges(change, text);
        case ChangeKind::set_owner: return set_owner(change, text);
        case ChangeKind::set_default_privileges: return set_default_privileges(change, text);
        case ChangeKind::set_attribute:
            // PostgreSQL's rows (parser/postgres/dialect_traits.hpp) are reported with their
            // object's in-place change (AttributeDiff::with_object: alter_table), planned
            // there; a row reported on its own would get its statement here.
            notes_.push_back("not planned for PostgreSQL: " + text);
            return;
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
                    {make_hazard(hazard::k_irreversible,
                            "the statement is not in the target schema, but schemerge cannot undo what it did; "
                            "no SQL is generated for it")})});
            return;
        }
    }
}

void Planner::wire() {
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
    for (const auto& [drop, parent_column] : after_parent_drops_) {
        if (const auto* removers = graph_.removers(parent_column)) {
            for (std::size_t earlier : *removers) {
                order(earlier, drop);
            }
        }
    }
    // DROP NOT NULL is refused while the primary key holds the column.
    for (std::size_t drop_not_null : not_null_drops_) {
        for (const auto& [table, drops] : constraint_drops_) {
            for (std::size_t drop : drops) {
                if (graph_.sort_key(drop).schema == graph_.sort_key(drop_not_null).schema &&
                    current(table).name == graph_.sort_key(drop_not_null).table) {
                    order(drop, drop_not_null);
                }
            }
        }
    }
    // ADD GENERATED ... AS IDENTITY needs NOT NULL and no default; DROP NOT NULL
    // is refused while the column is an identity.
    for (const auto& [action, column] : identity_actions_) {
        for (std::size_t i = 0; i < graph_.size(); ++i) {
            int rank = graph_.rank(i);
            if ((rank == k_set_not_null || rank == k_drop_default) && graph_.sort_key(i) == column) {
                order(i, action);
            } else if (rank == k_drop_not_null && graph_.sort_key(i) == column) {
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

namespace {

// PostgreSQL's words for the frame of a plan script (synth/plan_render.hpp).
constexpr ScriptStyle k_script_style{
    .after_transaction = "after the transaction (CONCURRENTLY cannot run inside one; VALIDATE CONSTRAINT runs on its "
                         "own to keep its lock light):",
};

}  // namespace

Plan plan_migration(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                    const PlanOptions& options) {
    if (changes.empty()) {
        return {};
    }
    return Planner(from, to, changes, options).run();
}

std::string render_sql(const Plan& plan) { return render_script(plan, k_script_style); }

}  // namespace schemerge::synth::postgres
