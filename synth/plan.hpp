#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace schemerge::model {
class DependencyGraph;
}

namespace schemerge::synth {

// Stable hazard ids (documented in the README; reports and CI rules key on them). The
// ones here are neutral: what any engine's plan can do to data and availability. A
// dialect's planner adds ids for what only its engine does (PostgreSQL's lock modes:
// synth/postgres/hazards.hpp) and lists them in Dialect::hazards.
namespace hazard {
inline constexpr std::string_view k_data_loss = "data-loss";                      // drop table/column, narrowing type, enum value removal
inline constexpr std::string_view k_table_rewrite = "table-rewrite";              // type change that rewrites, SET LOGGED, ...
inline constexpr std::string_view k_validation_scan = "validation-scan";          // ADD CONSTRAINT that scans the table
inline constexpr std::string_view k_not_null_on_existing_column = "not-null-on-existing-column";
inline constexpr std::string_view k_type_recreated = "type-recreated";            // enum/composite dropped and recreated
inline constexpr std::string_view k_dependents_recreated = "dependents-recreated";  // views/functions dropped and recreated
inline constexpr std::string_view k_irreversible = "irreversible";                // a verbatim statement cannot be undone

// What a hazard puts at risk; reports list ids group by group (data first), the
// neutral ids of a group before a dialect's.
enum class Group : unsigned char {
    data,        // rows can be lost
    rewrite,     // the table is rewritten
    locking,     // reads or writes wait
    scan,        // existing rows are read to validate
    recreation,  // objects are dropped and created again
    manual,      // someone has to act by hand
};

struct Description {
    std::string_view id;
    std::string_view text;  // one sentence, for reports and SARIF rules
    Group group = Group::manual;
};

// The neutral ids with their descriptions.
inline constexpr Description k_neutral[] = {
    {k_data_loss, "The step can lose data (dropped table or column, narrowing type, removed enum value).", Group::data},
    {k_table_rewrite, "The step rewrites the whole table.", Group::rewrite},
    {k_validation_scan, "Adding the constraint scans the table to validate it.", Group::scan},
    {k_not_null_on_existing_column, "SET NOT NULL on an existing column scans the table and fails on NULLs.",
     Group::scan},
    {k_type_recreated, "A type is dropped and recreated with its dependents.", Group::recreation},
    {k_dependents_recreated, "Dependent views or functions are dropped and recreated.", Group::recreation},
    {k_irreversible, "A verbatim statement cannot be undone automatically.", Group::manual},
};

// Every hazard id reports, SARIF rules and configuration checks ([check] fail_on) know:
// the neutral ones plus `dialect` ones (an id already listed is skipped), by group, the
// neutral ids of a group first, then in the order given. With PostgreSQL's list this is
// the README's order.
[[nodiscard]] std::vector<Description> catalog(std::span<const Description> dialect = {});
}  // namespace hazard

struct Hazard {
    std::string id;       // one of hazard::k_*
    std::string message;  // what it means for this step
    bool operator==(const Hazard&) const = default;
};

// One executable statement of a migration.
struct Step {
    std::string sql;           // without trailing semicolon
    std::string change;        // the change it implements ("add column public.t.c")
    std::vector<Hazard> hazards;
    bool transactional = true;  // false: must run outside a transaction (CREATE INDEX CONCURRENTLY, ...)
    bool operator==(const Step&) const = default;
};

// An ordered migration plan. Where the engine's DDL is transactional
// (DialectTraits::transactional_ddl), in three sections:
//   1. non-transactional steps that come before the first transactional step run
//      first, each on its own, before the transaction (PostgreSQL's ALTER TYPE ...
//      ADD VALUE: the transaction may use the new label, which PostgreSQL only allows
//      once the ADD VALUE has committed);
//   2. the transactional steps, in order, in one transaction;
//   3. the remaining non-transactional steps, in order, after the transaction
//      (CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT of --online plans, ...).
// Otherwise one ordered list of steps, each committing on its own (every step has
// `transactional == false`), and the plan's first note says so (k_autocommit_note).
// A step with empty `sql` only carries hazards (e.g. a verbatim statement that
// cannot be undone): there is nothing to execute for it.
struct Plan {
    std::vector<Step> steps;
    std::vector<std::string> notes;  // rename suggestions, things the plan cannot do
    bool transactional_ddl = true;   // false: no transaction, each step commits on its own
    [[nodiscard]] bool empty() const { return steps.empty(); }
};

// The note that opens the notes of a plan for an engine without transactional DDL.
inline constexpr std::string_view k_autocommit_note =
    "the engine cannot run DDL in a transaction: each step commits on its own, and if one fails the steps before it "
    "stay applied";

enum class LockStrategy : unsigned char {
    plain,   // the simplest statements
    online,  // CREATE INDEX CONCURRENTLY, ADD CONSTRAINT ... NOT VALID + VALIDATE, SET NOT NULL via a validated CHECK
};

struct PlanOptions {
    LockStrategy locks = LockStrategy::plain;
    // Created objects get their owner (ALTER ... OWNER TO) too: the diff compared owners
    // (diff::DiffResult::owners_compared). Otherwise owners are left to the environment.
    bool owners = false;
    // DependencyGraph::build of the `to` schema, when the caller has it already (a merge
    // plans both sides into the one merged schema): a planner that orders by the graphs
    // takes it instead of building its own. Null: built by the planner.
    const model::DependencyGraph* to_graph = nullptr;
};

}  // namespace schemerge::synth
