// Policies (plan_policies.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanPolicies, Rows) {
    const std::vector<PlanRow> rows = {
        {"policies",
         "CREATE TABLE t (a int, owner text); CREATE POLICY p1 ON t USING (owner = current_user); CREATE POLICY p2 ON t FOR SELECT USING (true);",
         "CREATE TABLE t (a int, owner text); CREATE POLICY p1 ON t TO public USING (owner = current_user) WITH CHECK (a > 0); CREATE POLICY p3 ON t FOR DELETE USING (a < 0);",
         {
          "DROP POLICY p2 ON public.t",
          "CREATE POLICY p3 ON public.t FOR DELETE USING (a < 0)",
          "ALTER POLICY p1 ON public.t WITH CHECK (a > 0)",},
         {}},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
