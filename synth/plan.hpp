#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace schemerge::synth {

// Stable hazard ids (documented in the README; reports and CI rules key on them).
namespace hazard {
inline constexpr std::string_view k_data_loss = "data-loss";                      // drop table/column, narrowing type, enum value removal
inline constexpr std::string_view k_table_rewrite = "table-rewrite";              // type change that rewrites, SET LOGGED, ...
inline constexpr std::string_view k_access_exclusive_lock = "access-exclusive-lock";
inline constexpr std::string_view k_blocking_index_build = "blocking-index-build";  // CREATE INDEX without CONCURRENTLY
inline constexpr std::string_view k_validation_scan = "validation-scan";          // ADD CONSTRAINT that scans the table
inline constexpr std::string_view k_not_null_on_existing_column = "not-null-on-existing-column";
inline constexpr std::string_view k_type_recreated = "type-recreated";            // enum/composite dropped and recreated
inline constexpr std::string_view k_dependents_recreated = "dependents-recreated";  // views/functions dropped and recreated
inline constexpr std::string_view k_irreversible = "irreversible";                // a verbatim statement cannot be undone

struct Description {
    std::string_view id;
    std::string_view text;  // one sentence, for reports and SARIF rules
};

// Every hazard id with its description, in the README's order: reports, SARIF rules and
// configuration checks ([check] fail_on) read this one list.
inline constexpr Description k_all[] = {
    {k_data_loss, "The step can lose data (dropped table or column, narrowing type, removed enum value)."},
    {k_table_rewrite, "The step rewrites the whole table."},
    {k_access_exclusive_lock, "The step takes an ACCESS EXCLUSIVE lock."},
    {k_blocking_index_build, "The index is built without CONCURRENTLY and blocks writes."},
    {k_validation_scan, "Adding the constraint scans the table to validate it."},
    {k_not_null_on_existing_column, "SET NOT NULL on an existing column scans the table and fails on NULLs."},
    {k_type_recreated, "A type is dropped and recreated with its dependents."},
    {k_dependents_recreated, "Dependent views or functions are dropped and recreated."},
    {k_irreversible, "A verbatim statement cannot be undone automatically."},
};
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
};

}  // namespace schemerge::synth
