// Dependents dropped and created again around a change (plan_dependents.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanDependents, Rows) {
    const std::vector<PlanRow> rows = {
        {"sequence_default",
         "CREATE TABLE t (id int);",
         "CREATE SEQUENCE s; CREATE TABLE t (id int DEFAULT nextval('s')); ALTER SEQUENCE s OWNED BY t.id;",
         {
          "CREATE SEQUENCE public.s",
          "ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.s'::regclass)",
          "ALTER SEQUENCE public.s OWNED BY public.t.id",},
         {}},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
