// Sequences (plan_sequences.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanSequences, Rows) {
    const std::vector<PlanRow> rows = {
        {"create_sequence",
         "",
         "CREATE SEQUENCE s INCREMENT BY 5 CACHE 10;",
         {
          "CREATE SEQUENCE public.s\n    INCREMENT BY 5\n    CACHE 10",},
         {}},
        {"drop_sequence",
         "CREATE SEQUENCE s;",
         "",
         {
          "DROP SEQUENCE public.s",},
         {}},
        {"alter_sequence",
         "CREATE SEQUENCE s AS integer INCREMENT BY 5 MINVALUE 10 CACHE 10 CYCLE;",
         "CREATE SEQUENCE s;",
         {
          "ALTER SEQUENCE public.s AS bigint INCREMENT BY 1 NO MINVALUE START WITH 1 CACHE 1 NO CYCLE",},
         {}},  // integer -> bigint widens: no data-loss
        {"alter_sequence narrowing",
         "CREATE SEQUENCE s;",
         "CREATE SEQUENCE s AS integer;",
         {
          "ALTER SEQUENCE public.s AS integer",},
         {"data-loss", }},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
