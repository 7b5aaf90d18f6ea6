// Comments and verbatim statements (plan_comments.cpp, expand()): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanComments, Rows) {
    const std::vector<PlanRow> rows = {
        {"comments",
         "CREATE TABLE t (a int); COMMENT ON TABLE t IS 'old';",
         "CREATE TABLE t (a int); COMMENT ON COLUMN t.a IS 'the a';",
         {
          "COMMENT ON TABLE public.t IS NULL",
          "COMMENT ON COLUMN public.t.a IS 'the a'",},
         {}},
        {"opaque",
         "CREATE TABLE t (a int); CREATE PUBLICATION pub FOR TABLE t;",
         "CREATE TABLE t (a int); CREATE PUBLICATION pub2 FOR TABLE t;",
         {
          "CREATE PUBLICATION pub2 FOR TABLE t",
          "",},
         {"irreversible", }},
        // note: cannot undo a statement kept verbatim; remove its effect by hand: drop statement CREATE PUBLICATION pub FOR TABLE t
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
