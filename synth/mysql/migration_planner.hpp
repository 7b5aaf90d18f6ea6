#pragma once
#include <string>

#include "diff/change.hpp"
#include "model/schema.hpp"
#include "synth/plan.hpp"

namespace schemerge::synth::mysql {

// Orders a ChangeSet into an executable MySQL / MariaDB plan. MySQL's DDL is not
// transactional (every statement commits), so the plan is one ordered list, arranged so
// that a failure midway leaves a consistent schema:
//   triggers, views and routines that go away or are recreated are dropped first; then
//   foreign keys that go away or stand on a column whose type changes (one ALTER TABLE
//   per table); table renames; one ALTER TABLE per table gathering its column, index,
//   key, CHECK and option changes (MODIFY / CHANGE with the full column definition,
//   RENAME COLUMN, RENAME INDEX); dropped tables; created tables in foreign-key order;
//   routines; views (CREATE OR REPLACE, or created again after the table changes they
//   read); foreign keys (one ALTER TABLE per table); triggers.
// Every step carries its hazards (synth/mysql/hazards.hpp); options.locks == online adds
// ALGORITHM=INPLACE, LOCK=NONE where the change allows it and names those that need an
// online schema-change tool. Steps hold no DELIMITER: render_sql adds it where a body needs it.
[[nodiscard]] Plan plan_migration(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                                  const PlanOptions& options = {});

// The plan as a script for the mariadb / mysql client: a header, the notes (the first
// says that each step commits on its own), each step preceded by a comment naming its
// changes and hazards; routine and trigger bodies between DELIMITER ;; and DELIMITER ;.
[[nodiscard]] std::string render_sql(const Plan& plan);

}  // namespace schemerge::synth::mysql
