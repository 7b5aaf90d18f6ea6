#pragma once
#include <functional>
// The PostgreSQL migration planner's one class, private to synth/postgres: its members
// are spread over one file per concept (plan_tables.cpp, plan_columns.cpp, ...), the
// DuckDB Transformer habit. The ordering itself is the neutral synth::ActionGraph; this
// class decides which PostgreSQL statements implement each change, which objects they
// end or establish, and the ordering rules only PostgreSQL has.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "diff/change.hpp"
#include "model/dependency_graph.hpp"
#include "model/schema.hpp"
#include "synth/action_graph.hpp"
#include "synth/plan.hpp"
#include "synth/postgres/hazards.hpp"
#include "synth/postgres/schema_emitter.hpp"
#include "synth/postgres/sql_format.hpp"

namespace schemerge::synth::postgres {

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
    k_owner,
    k_privileges,
    k_opaque = 400,
    // ALTER DEFAULT PRIVILEGES last: objects the plan creates must not pick them up.
    k_default_privileges = 500,
};


inline Hazard make_hazard(std::string_view id, std::string message) { return Hazard{std::string(id), std::move(message)}; }

inline Step make_step(std::string sql, std::string change, std::vector<Hazard> hazards = {}, bool transactional = true) {
    Step step;
    step.sql = std::move(sql);
    step.change = std::move(change);
    step.hazards = std::move(hazards);
    step.transactional = transactional;
    return step;
}

inline QualifiedName name_of(const ObjectKey& key) { return {key.schema, key.name}; }
inline QualifiedName table_of(const ObjectKey& key) { return {key.schema, key.table}; }

inline bool is_routine(ObjectKind kind) {
    return kind == ObjectKind::function || kind == ObjectKind::procedure || kind == ObjectKind::aggregate ||
           kind == ObjectKind::operator_ || model::is_opclass_kind(kind);
}
inline bool is_table_scoped(ObjectKind kind) {
    return kind == ObjectKind::column || kind == ObjectKind::constraint || kind == ObjectKind::trigger ||
           kind == ObjectKind::policy;
}

// The default of a column, as an object of its own: recreated around the
// routine or sequence it calls.
inline ObjectKey default_key(ObjectKey column) {
    column.args = "default";
    return column;
}

// Migrations create objects with their comments and grants; owners belong to the
// environment (and need the role to exist), so they are left to the DBA unless the diff
// compared owners (PlanOptions::owners: Planner::meta_options()).
inline constexpr EmitOptions k_meta{.owners = false, .privileges = true, .comments = true};

inline std::string column_target(const QualifiedName& relation, const std::string& column) {
    return format_name(relation) + "." + quote_identifier(column);
}

inline std::string constraint_comment_target(const QualifiedName& table, const model::Constraint& constraint) {
    return "CONSTRAINT " + quote_identifier(constraint.name) + " ON " + format_name(table);
}

// CREATE [UNIQUE] INDEX -> CREATE [UNIQUE] INDEX CONCURRENTLY.
inline std::string concurrently(std::string create_index_sql) {
    auto at = create_index_sql.find("INDEX ");
    if (at != std::string::npos) {
        create_index_sql.insert(at + 6, "CONCURRENTLY ");
    }
    return create_index_sql;
}

// A name PostgreSQL accepts (at most 63 bytes, like its own truncation).
inline std::string identifier_limit(std::string name) {
    if (name.size() > 63) {
        name.resize(63);
    }
    return name;
}

inline std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i > 0 ? separator : "") + parts[i];
    }
    return out;
}

// Options of a sequence (or identity) that differ, as ALTER SEQUENCE clauses
// (plan_sequences.cpp).
[[nodiscard]] std::vector<std::string> sequence_option_changes(const model::SequenceOptions& before,
                                                               const model::SequenceOptions& after, bool allow_as);

class Planner {
public:
    Planner(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
            const PlanOptions& options);
    Planner(const Planner&) = delete;  // from_graph_ and to_graph_ refer to its own graphs_
    Planner& operator=(const Planner&) = delete;

    Plan run();

private:
    // --- actions: thin wrappers over the neutral graph

    std::size_t add(int rank, ObjectKey sort_key, std::vector<Step> steps) {
        return graph_.add(rank, std::move(sort_key), std::move(steps));
    }
    std::size_t add(int rank, ObjectKey sort_key, const std::vector<std::string>& statements,
                    const std::string& change, std::vector<Hazard> hazards = {}) {
        return graph_.add(rank, std::move(sort_key), statements, change, std::move(hazards));
    }
    void order(std::size_t earlier, std::size_t later) { graph_.order(earlier, later); }
    // The action ends the `from` definition of `key` (a to-side key of a table-scoped
    // object or table is mapped back through the plan's table renames); `identity`: it
    // drops the object, so it runs before a creation under the same identity.
    void removes(std::size_t action, const ObjectKey& key, bool identity = true) {
        graph_.removes(action, from_side(key));
        if (identity) {
            graph_.drops(action, to_side(key));
        }
    }
    // The action establishes the `to` definition of `key`; `identity`: it creates it.
    void provides(std::size_t action, const ObjectKey& key, bool identity = true) {
        graph_.provides(action, key);
        if (identity) {
            graph_.creates(action, key);
        }
    }
    void after_providers(std::size_t action, const ObjectKey& key) { graph_.after_providers(action, key); }

    // --- names

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

    // --- lookups

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
    bool has_change(ChangeKind kind, const ObjectKey& key) const { return change_index_.contains({kind, key}); }
    bool column_dropped(const ObjectKey& column) const {
        return has_change(ChangeKind::drop_column, column) || table_is_dropped(table_of(column));
    }

    // --- the changes, expanded (migration_planner.cpp)

    void scan();
    bool diff_drops(const ObjectKey& key) const;
    void expand(const Change& change);

    // --- dependents dropped and created again around a change (plan_dependents.cpp)

    bool view_needs_recreate(const Change& change) const;
    static bool mentions(const model::Expression& expression, const std::string& column);
    std::vector<ObjectKey> column_dependents(const ObjectKey& column, bool deep) const;
    std::vector<ObjectKey> graph_dependents(const ObjectKey& key) const;
    void destroy(const ObjectKey& key, std::vector<ObjectKey>& work);
    void find_dependents();
    std::vector<ObjectKey> columns_of_type(const QualifiedName& type) const;
    static bool generated_needs_readd(const Change& change);
    void recreate_dependents();
    std::string dependent_message(const ObjectKey& d) const;

    // --- schemas and text search (plan_definitions.cpp; extensions and collations are in expand())

    void create_schema(const Change& change, const std::string& text);
    void drop_schema(const Change& change, const std::string& text);
    void create_text_search(const Change& change, const std::string& text);
    void drop_text_search(const Change& change, const std::string& text);

    // --- types and domains (plan_types.cpp)

    std::vector<std::string> type_statements(const model::TypeDef& type);
    void create_type_change(const Change& change, const std::string& text);
    void drop_type_change(const Change& change, const std::string& text);
    void add_enum_value(const Change& change, const std::string& text);
    void add_type_attributes(const Change& change, const std::string& text);
    void alter_domain(const Change& change, const std::string& text);
    void recreate_type(const Change& change, const std::string& text);

    // --- sequences (plan_sequences.cpp)

    static bool identity_sequence(const model::Schema& schema, const model::Sequence& sequence);
    void owned_by_action(const model::Sequence& sequence, const std::string& text);
    void create_sequence_change(const Change& change, const std::string& text);
    void drop_sequence_change(const Change& change, const std::string& text);
    void alter_sequence(const Change& change, const std::string& text);

    // --- tables (plan_tables.cpp)

    void create_table_change(const Change& change, const std::string& text);
    void replica_identity_needs(std::size_t action, const model::Table& table);
    void drop_table_change(const Change& change, const std::string& text);
    bool fk_cycle(const QualifiedName& start, const QualifiedName& target) const;
    void rename(const Change& change, const std::string& text);
    void alter_table(const Change& change, const std::string& text);

    // --- columns (plan_columns.cpp)

    bool covered_by_parent(ChangeKind kind, const ObjectKey& column) const;
    // Inheritance children (tables that INHERIT `parent` before and after) reached by an
    // ALTER TABLE on `parent` without ONLY: does each end as the target wants (`fits`)?
    bool recursion_fits(const QualifiedName& parent, const std::string& column,
                        const std::function<bool(const model::Column&)>& fits) const;
    // A child's change of this column's default / NOT NULL that a parent's statement
    // (without ONLY) already makes.
    bool reached_by_parent(const ObjectKey& column, bool not_null) const;
    // "ONLY " when the statement on this column of `table` must not reach its children.
    std::string only_for_children(const QualifiedName& table, const std::string& column, bool not_null) const;
    void add_column(const Change& change, const std::string& text);
    // Inheritance children that get `column` from `table`'s ADD COLUMN (which recurses):
    // the action adding it provides their column too.
    void provide_inherited_adds(std::size_t action, const QualifiedName& table, const std::string& column);
    // A child's column that arrived with an ancestor's ADD COLUMN and ends different from
    // it: its own default and NOT NULL, after the ancestor's statement.
    void inherited_column_differences(const Change& change, const std::string& text);
    // Does a child (before and after) keep `column` that it only inherits from `parent`
    // (`to` name)? A plain DROP COLUMN on the parent would take the child's too.
    bool drop_keeps_children(const QualifiedName& parent, const std::string& column) const;
    void drop_column(const Change& change, const std::string& text);
    void alter_column_type(const Change& change, const std::string& text);
    std::vector<Step> column_type_steps(const model::Table& table, const model::Column& before,
                                        const model::Column& after, const std::string& text,
                                        std::vector<Hazard> hazards, bool recreated);
    void column_default(const Change& change, const std::string& text);
    std::string not_null_check_name(const QualifiedName& table, const std::string& column) const;
    void set_not_null(const Change& change, const std::string& text);
    void drop_not_null(const Change& change, const std::string& text);
    void alter_identity(const Change& change, const std::string& text);
    void alter_generated(const Change& change, const std::string& text);
    void alter_column_options(const Change& change, const std::string& text);

    // --- constraints (plan_constraints.cpp)

    std::size_t add_constraint_action(const model::Table& table, const model::Constraint& constraint,
                                      const std::string& text, bool new_table);
    void add_constraint_change(const Change& change, const std::string& text);
    void drop_constraint_change(const Change& change, const std::string& text);
    bool parent_drops_constraint(const model::Table& table, const std::string& name) const;
    void validate_constraint(const Change& change, const std::string& text);

    // --- indexes (plan_indexes.cpp)

    bool partitioned(const QualifiedName& table_name) const;
    std::size_t create_index_action(const model::Index& index, const std::string& text, bool recreate);
    void create_index_change(const Change& change, const std::string& text);
    void drop_index_change(const Change& change, const std::string& text);
    void alter_index_change(const Change& change, const std::string& text);

    // --- views (plan_views.cpp)

    std::size_t create_view_action(const model::View& view, const std::string& text, int rank = k_create_view);
    std::size_t drop_view_action(const model::View& view, const ObjectKey& key, const std::string& text,
                                 std::vector<Hazard> hazards = {});
    void create_view_change(const Change& change, const std::string& text);
    void drop_view_change(const Change& change, const std::string& text);
    void replace_view(const Change& change, const std::string& text);

    // --- routines (plan_routines.cpp)

    static bool routine_replaceable(const model::Function& before, const model::Function& after);
    std::size_t create_routine_action(const model::Function& function, const ObjectKey& key, const std::string& text,
                                      bool or_replace);
    std::size_t drop_routine_action(const model::Function& function, const ObjectKey& key, const std::string& text,
                                    std::vector<Hazard> hazards = {});
    void create_function_change(const Change& change, const std::string& text);
    void drop_function_change(const Change& change, const std::string& text);
    void replace_function(const Change& change, const std::string& text);

    // --- triggers (plan_triggers.cpp)

    std::size_t create_trigger_action(const model::Trigger& trigger, const ObjectKey& key, const std::string& text);
    std::size_t drop_trigger_action(const model::Trigger& trigger, const ObjectKey& key, const std::string& text,
                                    std::vector<Hazard> hazards = {});
    void create_trigger_change(const Change& change, const std::string& text);
    void drop_trigger_change(const Change& change, const std::string& text);
    void alter_trigger_enabled(const Change& change, const std::string& text);

    // --- policies (plan_policies.cpp)

    std::size_t create_policy_action(const model::Policy& policy, const ObjectKey& key, const std::string& text);
    std::size_t drop_policy_action(const model::Policy& policy, const ObjectKey& key, const std::string& text,
                                   std::vector<Hazard> hazards = {});
    void create_policy_change(const Change& change, const std::string& text);
    void drop_policy_change(const Change& change, const std::string& text);
    void alter_policy(const Change& change, const std::string& text);

    // --- comments (plan_comments.cpp)

    std::string comment_target(const Change& change) const;
    static const model::ObjectBase* meta_of(const diff::ObjectRef& ref);
    void set_comment(const Change& change, const std::string& text);
    bool created_with_comment(const ObjectKey& key) const;

    // --- owners and privileges (plan_privileges.cpp)

    // What created objects carry: k_meta, with owners when the diff compared them.
    [[nodiscard]] EmitOptions meta_options() const {
        EmitOptions meta = k_meta;
        meta.owners = options_.owners;
        return meta;
    }
    // The ACL an object the plan creates starts with on the database (append_metadata's
    // `created_with`): the from side's default privileges of the role running the plan (the
    // plan changes them last), model::new_object_acl; untracked: the built-in default, or the
    // to side carries no privileges (they are the environment's, as in the diff).
    [[nodiscard]] model::Acl created_acl(ObjectKind kind, const QualifiedName& name) const;
    void set_privileges(const Change& change, const std::string& text);
    void set_owner(const Change& change, const std::string& text);
    void set_default_privileges(const Change& change, const std::string& text);

    // --- PostgreSQL's own ordering rules, beyond the neutral wiring (migration_planner.cpp)
    void wire();

    const model::Schema& from_;
    const model::Schema& to_;
    const diff::ChangeSet& changes_;
    PlanOptions options_;
    std::pair<model::DependencyGraph, model::DependencyGraph> graphs_;  // from, to (unless given)
    const model::DependencyGraph& from_graph_ = graphs_.first;
    const model::DependencyGraph& to_graph_;  // graphs_.second, or PlanOptions::to_graph

    ActionGraph graph_;
    std::vector<std::string> notes_;

    std::set<std::pair<ChangeKind, ObjectKey>> change_index_;
    std::map<QualifiedName, QualifiedName> renamed_;       // old table name -> new
    std::map<QualifiedName, QualifiedName> renamed_back_;  // new -> old
    std::set<QualifiedName> dropped_tables_;               // `from` names
    std::set<QualifiedName> created_tables_;               // `to` names
    std::set<QualifiedName> dropped_views_;
    std::set<QualifiedName> cascaded_types_;

    std::set<ObjectKey> destroyed_;
    std::vector<std::pair<ObjectKey, ObjectKey>> pairs_;  // (destroyed object, dependent)
    std::set<ObjectKey> recreated_;                       // dependents the plan drops and creates itself
    std::set<ObjectKey> forced_;                          // replace changes that must drop + create

    std::map<ObjectKey, std::size_t> owned_by_actions_;
    std::map<QualifiedName, std::size_t> attach_actions_;
    std::map<QualifiedName, std::vector<std::size_t>> column_drops_;      // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> index_drops_;       // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> constraint_drops_;  // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> trigger_drops_;     // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> policy_drops_;      // by `from` table
    std::map<QualifiedName, std::vector<std::size_t>> constraint_adds_;   // by `to` table
    std::map<QualifiedName, std::vector<std::size_t>> index_creates_;     // by `to` table
    // Tables some table INHERITS from, in each schema (scan()): most plans have none, and
    // the inheritance rules of column changes look no further.
    std::set<QualifiedName> from_parents_;
    std::set<QualifiedName> to_parents_;
    std::vector<std::size_t> not_null_drops_;
    // (a child's DROP COLUMN, the parent's column it inherited): PostgreSQL refuses to
    // drop an inherited column until the parent's `DROP COLUMN` (ONLY) made it local.
    std::vector<std::pair<std::size_t, ObjectKey>> after_parent_drops_;
    std::vector<std::pair<std::size_t, ObjectKey>> identity_actions_;
    std::optional<std::size_t> function_bodies_off_;
    mutable std::optional<bool> to_carries_privileges_;  // created_acl's cache
};

}  // namespace schemerge::synth::postgres
