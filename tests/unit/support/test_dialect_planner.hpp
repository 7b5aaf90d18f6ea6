#pragma once
// The test dialect's planner (test_dialect.hpp): changes -> TestSQL DDL steps, ordered by the
// neutral engine only (synth/action_graph.hpp: removes / provides / drops / creates and both
// schemas' dependency graphs, synth/topological_sort.hpp) and assembled in the sections the
// dialect's transactional trait allows (synth/plan.hpp). Nothing in it is PostgreSQL's or
// MySQL's: a plan that comes out in dependency order proves the planning seam holds.
//
// TestSQL's statements (made up, one per change):
//   CREATE TABLE [S].[T] ([C] TYPE NOT NULL, ..., CONSTRAINT [K] PRIMARY KEY ([C]),
//                         CONSTRAINT [F] FOREIGN KEY ([C]) REFERENCES [S].[R] ([C]))
//   DROP TABLE [S].[T]
//   ALTER TABLE [S].[T] ADD [C] TYPE | DROP [C] | ADD CONSTRAINT ... | DROP CONSTRAINT [K]
//   CREATE INDEX [I] ON [S].[T] ([C], ...) | DROP INDEX [I] ON [S].[T]   (index names per table)
//   CREATE VIEW [S].[V] AS query | DROP VIEW [S].[V]
//   ALTER <object> SET [ATTR] = value | ALTER <object> RESET [ATTR]     (set_attribute, any kind)
// where <object> is TABLE [S].[T], COLUMN [S].[T].[C], INDEX [I] ON [S].[T], ...
// Changes it has no statement for become notes ("not planned for TestSQL: ...").
#include "diff/change.hpp"
#include "model/schema.hpp"
#include "synth/plan.hpp"

namespace schemerge::test::test_dialect {

[[nodiscard]] synth::Plan plan(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                               const synth::PlanOptions& options = {});

}  // namespace schemerge::test::test_dialect
