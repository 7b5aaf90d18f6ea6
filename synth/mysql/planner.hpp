#pragma once
// The MySQL migration planner's one class, private to synth/mysql: the frame and the
// objects other than tables in migration_planner.cpp, the per-table ALTER TABLE gathering
// in plan_tables.cpp, type narrowing in type_change.cpp. The ordering is the neutral
// synth::ActionGraph (ranks, explicit edges, assembly in the dialect's sections).
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/change.hpp"
#include "model/schema.hpp"
#include "synth/action_graph.hpp"
#include "synth/mysql/hazards.hpp"
#include "synth/plan.hpp"

namespace schemerge::synth::mysql {

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

// Tie-break order of the sort: the shape of a MySQL plan (see migration_planner.hpp).
enum Rank : int {
    k_create_database = 5,
    k_drop_trigger = 100,
    k_drop_view = 110,
    k_drop_routine = 120,
    k_drop_foreign_keys = 130,
    k_rename_table = 140,
    k_alter_table = 150,
    k_alter_partitioning = 155,
    k_drop_table = 160,
    k_create_table = 170,
    k_create_routine = 180,
    k_alter_routine = 185,
    k_create_view = 190,
    k_add_foreign_keys = 200,
    k_create_trigger = 210,
    k_opaque = 300,
    k_drop_database = 900,
};

// How much of a type change can lose data or rewrite the table (type_change.cpp).
struct TypeChange {
    bool narrowing = false;  // some values of the old type do not fit the new one
    bool rebuild = false;    // the table is copied (ALGORITHM=COPY)
};
[[nodiscard]] TypeChange classify_type_change(const model::TypeRef& from, const model::TypeRef& to);

class Planner {
public:
    Planner(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
            const PlanOptions& options);
    Plan run();

private:
    // What one statement gathers: its clauses, the changes it implements, its hazards.
    struct Statement {
        std::vector<std::string> clauses;
        std::vector<std::string> changes;
        std::vector<Hazard> hazards;
        bool copy = false;          // needs ALGORITHM=COPY (no online form)
        bool shared_lock = false;   // INPLACE, but writes wait (LOCK=SHARED: FULLTEXT, SPATIAL)
        // Clauses that only change metadata (ALGORITHM=INSTANT: see instant_clause()); the
        // statement is INSTANT under --online when every clause is one of them.
        std::size_t instant_clauses = 0;
        void change(const Change& c) { add_change(c.describe()); }
        void add_change(const std::string& text);
        void hazard(std::string_view id, std::string message);
    };
    struct ColumnWork {
        std::set<ChangeKind> kinds;
        std::string old_name;  // renamed: the name in `from`
        const model::Column* before = nullptr;
        const model::Column* after = nullptr;
        std::vector<const Change*> changes;
    };
    // Everything that happens to one table that exists on both sides (keyed by its name
    // in `to`).
    struct TableWork {
        QualifiedName name;       // in `to`
        QualifiedName from_name;  // in `from`
        const model::Table* before = nullptr;
        const model::Table* after = nullptr;
        std::map<std::string, const model::Constraint*> drop_foreign_keys;  // from name -> from FK
        std::map<std::string, const model::Constraint*> add_foreign_keys;   // to name -> to FK
        std::vector<const Change*> foreign_key_drop_changes;
        std::vector<const Change*> foreign_key_add_changes;
        std::vector<std::string> drop_checks;
        bool drop_primary_key = false;
        const model::Constraint* add_primary_key = nullptr;
        std::vector<const model::Constraint*> add_checks;
        std::map<std::string, const model::Index*> drop_indexes;  // name -> from index
        std::map<std::string, const model::Index*> add_indexes;   // name -> to index
        std::vector<std::pair<std::string, std::string>> rename_indexes;
        std::vector<const model::Column*> drop_columns;
        std::vector<const model::Column*> add_columns;
        std::map<std::string, ColumnWork> columns;  // by name in `to`
        std::set<std::string> moved;  // kept columns whose place changes (names in `to`)
        bool options_changed = false;
        bool comment_changed = false;
        std::vector<const Change*> table_changes;  // alter_table, set_comment, index/key changes
    };

    // migration_planner.cpp
    void scan();
    void expand(const Change& change);
    void objects();
    void databases();
    void tables_created_and_dropped();
    void views();
    void routines();
    void triggers();
    void opaque();
    [[nodiscard]] bool reads_changed_columns(const model::View& view) const;
    ActionGraph::Id add(int rank, const ObjectKey& key, std::vector<std::string> statements,
                        const std::vector<std::string>& changes, std::vector<Hazard> hazards);

    // plan_tables.cpp
    TableWork& work(const QualifiedName& to_name);
    void table_change(const Change& change);
    void foreign_keys_around_type_changes();
    void column_moves();
    void table_statements();
    void main_alter(TableWork& w);
    // May this table's ALTER TABLE be ALGORITHM=INSTANT at all (MariaDB 10.11 / MySQL 8.0.29)?
    [[nodiscard]] bool instant_table(const TableWork& w) const;
    // Is column `name` of `from`'s table `table` part of an index or key (dropping it
    // changes that index: not INSTANT)?
    [[nodiscard]] bool column_indexed(const model::Table& table, std::string_view name) const;
    void column_clauses(TableWork& w, Statement& s);
    [[nodiscard]] QualifiedName from_name_of(const QualifiedName& to_name) const;
    [[nodiscard]] QualifiedName to_name_of(const QualifiedName& from_name) const;
    // The indexes of `from` (or `to`) on one table: looked up, not scanned (a scan of every
    // index per altered table made planning quadratic in the schema's size).
    using IndexesByTable = std::multimap<QualifiedName, const model::Index*>;
    [[nodiscard]] static IndexesByTable index_tables(const model::Schema& schema);
    [[nodiscard]] bool has_index_method(const QualifiedName& table, std::initializer_list<std::string_view> methods) const;

    const model::Schema& from_;
    const model::Schema& to_;
    IndexesByTable from_indexes_;
    IndexesByTable to_indexes_;
    const diff::ChangeSet& changes_;
    PlanOptions options_;
    ActionGraph graph_;
    std::vector<std::string> notes_;

    std::map<QualifiedName, QualifiedName> renamed_;       // from name -> to name
    std::map<QualifiedName, QualifiedName> renamed_back_;  // to name -> from name
    std::set<QualifiedName> created_tables_;  // to names
    std::set<QualifiedName> dropped_tables_;  // from names
    std::map<QualifiedName, TableWork> tables_;
    std::vector<const Change*> rename_changes_;
    std::vector<const Change*> table_creates_;
    std::vector<const Change*> table_drops_;
    std::map<QualifiedName, const Change*> view_drops_;
    std::map<QualifiedName, const Change*> view_creates_;
    std::map<QualifiedName, const Change*> view_replaces_;
    std::vector<const Change*> routine_drops_;
    std::vector<const Change*> routine_creates_;
    std::vector<const Change*> routine_replaces_;
    std::vector<const Change*> routine_comments_;
    std::vector<const Change*> trigger_drops_;
    std::vector<const Change*> trigger_creates_;
    std::vector<const Change*> opaque_;
    std::vector<const Change*> database_changes_;
};

}  // namespace schemerge::synth::mysql
