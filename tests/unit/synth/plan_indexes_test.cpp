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
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
