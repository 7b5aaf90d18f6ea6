// Indexes (plan_indexes.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanIndexes, Rows) {
    const std::vector<PlanRow> rows = {
        {"indexes",
         "CREATE TABLE t (a int, b int); CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b);",
         "CREATE TABLE t (a int, b int); CREATE INDEX t_b ON t (b DESC); CREATE UNIQUE INDEX t_ab ON t (a, b) WHERE a > 0;",
         {
          "DROP INDEX public.t_a",
          "DROP INDEX public.t_b",
          "CREATE UNIQUE INDEX t_ab ON public.t USING btree (a, b) WHERE (a > 0)",
          "CREATE INDEX t_b ON public.t USING btree (b DESC)",},
         {"access-exclusive-lock", "blocking-index-build", }},
        // Statistics targets of expression columns change in place: the index is not rebuilt.
        {"index_statistics_in_place",
         "CREATE TABLE t (a text, b int); CREATE INDEX i ON t (b, lower(a), (b + 1));"
         " ALTER INDEX i ALTER COLUMN 2 SET STATISTICS 300; ALTER INDEX i ALTER COLUMN 3 SET STATISTICS 50;",
         "CREATE TABLE t (a text, b int); CREATE INDEX i ON t (b, lower(a), (b + 1));"
         " ALTER INDEX i ALTER COLUMN 2 SET STATISTICS 3000;",
         {
          "ALTER INDEX public.i ALTER COLUMN 2 SET STATISTICS 3000",
          "ALTER INDEX public.i ALTER COLUMN 3 SET STATISTICS -1",},
         {}},
        // A new (or rebuilt) index carries its targets.
        {"index_statistics_new_index",
         "CREATE TABLE t (a text);",
         "CREATE TABLE t (a text); CREATE INDEX i ON t (lower(a)); ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 700;",
         {
          "CREATE INDEX i ON public.t USING btree ((lower(a)))",
          "ALTER INDEX public.i ALTER COLUMN 1 SET STATISTICS 700",},
         {"blocking-index-build", }},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
