#pragma once
#include "diff/change.hpp"
#include "model/schema.hpp"
#include "synth/plan.hpp"

namespace schemerge::synth::postgres {

// Orders a ChangeSet into an executable PostgreSQL plan: drops of dependents before what
// they depend on, creates in dependency order, views/functions dropped and recreated
// around column type changes and drops, FKs after all tables, sequences before the
// defaults that use them, enum values added in place or the type recreated, functions
// replaced or dropped and created. Every step carries its hazards.
[[nodiscard]] Plan plan_migration(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                                  const PlanOptions& options = {});

// The plan as a SQL script: a header, BEGIN; each transactional step preceded by a
// comment naming its change and hazards; COMMIT; then the non-transactional steps,
// labelled. An empty plan is a comment saying the schemas are identical.
[[nodiscard]] std::string render_sql(const Plan& plan);

}  // namespace schemerge::synth::postgres
