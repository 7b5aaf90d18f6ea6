// Routines (plan_routines.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanRoutines, Rows) {
    const std::vector<PlanRow> rows = {
        {"functions",
         "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + 1'; CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';",
         "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + 2'; CREATE FUNCTION h(y text) RETURNS text LANGUAGE sql AS 'SELECT y'; CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 2';",
         {
          "SET check_function_bodies = false",
          "DROP FUNCTION public.g()",
          "CREATE OR REPLACE FUNCTION public.f(x integer) RETURNS integer\n    LANGUAGE sql IMMUTABLE\n    AS $$SELECT x + 2$$",
          "CREATE FUNCTION public.h(y text) RETURNS text\n    LANGUAGE sql\n    AS $$SELECT y$$",
          "CREATE OR REPLACE PROCEDURE public.p()\n    LANGUAGE sql\n    AS $$SELECT 2$$",},
         {}},
        {"function_signature",
         "CREATE TABLE t (a int); CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$; CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x'; CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();",
         "CREATE TABLE t (a int); CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$BEGIN RETURN NEW; END$$; CREATE FUNCTION f(y int) RETURNS int LANGUAGE sql AS 'SELECT y'; CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();",
         {
          "SET check_function_bodies = false",
          "DROP FUNCTION public.f(integer)",
          "CREATE FUNCTION public.f(y integer) RETURNS integer\n    LANGUAGE sql\n    AS $$SELECT y$$",
          "CREATE OR REPLACE FUNCTION public.trg() RETURNS trigger\n    LANGUAGE plpgsql SECURITY DEFINER\n    AS $$BEGIN RETURN NEW; END$$",},
         {}},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
