// Constraints (plan_constraints.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanConstraints, Rows) {
    const std::vector<PlanRow> rows = {
        {"constraints",
         "CREATE TABLE t (a int, b int CONSTRAINT b_pos CHECK (b > 0)); ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;",
         "CREATE TABLE t (a int UNIQUE, b int); ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0);",
         {
          "ALTER TABLE public.t DROP CONSTRAINT b_pos",
          "ALTER TABLE ONLY public.t ADD CONSTRAINT t_a_key UNIQUE (a)",
          "ALTER TABLE public.t VALIDATE CONSTRAINT a_pos",},
         {"access-exclusive-lock", "validation-scan", }},
        {"rename_constraint",
         "CREATE TABLE t (a int CONSTRAINT old_c CHECK (a > 0));",
         "CREATE TABLE t (a int CONSTRAINT new_c CHECK (a > 0));",
         {
          "ALTER TABLE public.t DROP CONSTRAINT old_c",
          "ALTER TABLE public.t ADD CONSTRAINT new_c CHECK (a > 0)",},
         {"access-exclusive-lock", "validation-scan", }},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
