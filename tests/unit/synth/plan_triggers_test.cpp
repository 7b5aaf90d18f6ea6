// Triggers (plan_triggers.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanTriggers, Rows) {
    const std::vector<PlanRow> rows = {
        {"triggers",
         "CREATE TABLE t (a int); CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$; CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg(); CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg();",
         "CREATE TABLE t (a int); CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$; CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg(); ALTER TABLE t DISABLE TRIGGER t1; CREATE TRIGGER t3 AFTER DELETE ON t FOR EACH ROW EXECUTE FUNCTION trg();",
         {
          "DROP TRIGGER t2 ON public.t",
          "CREATE TRIGGER t3 AFTER DELETE ON public.t FOR EACH ROW EXECUTE FUNCTION public.trg()",
          "ALTER TABLE public.t DISABLE TRIGGER t1",},
         {}},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
