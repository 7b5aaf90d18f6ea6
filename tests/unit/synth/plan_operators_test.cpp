// Operators (plan_routines.cpp): created after the function they use, dropped before it,
// DROP + CREATE when their function (or commutator, negator, HASHES, MERGES) changes,
// ALTER OPERATOR … SET for RESTRICT / JOIN alone. Exact statements, as the other rows.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

const std::string k_f =
    "CREATE FUNCTION f(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 = $2 $$;";
const std::string k_g =
    "CREATE FUNCTION g(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 <> $2 $$;";

TEST(PlanOperators, Rows) {
    const std::vector<PlanRow> rows = {
        {"operator after its function",
         "",
         k_f + " CREATE OPERATOR === (FUNCTION = f, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = ===);"
               " COMMENT ON OPERATOR === (integer, integer) IS 'same';",
         {
          "SET check_function_bodies = false",
          "CREATE FUNCTION public.f(integer, integer) RETURNS boolean\n    LANGUAGE sql IMMUTABLE\n    AS $_$ SELECT $1 = $2 $_$",
          "CREATE OPERATOR public.=== (\n    FUNCTION = public.f,\n    LEFTARG = integer,\n    RIGHTARG = integer,\n"
          "    COMMUTATOR = OPERATOR(public.===)\n)",
          "COMMENT ON OPERATOR public.=== (integer, integer) IS 'same'",},
         {}},
        {"operator dropped before its function",
         k_f + " CREATE OPERATOR === (FUNCTION = f, LEFTARG = integer, RIGHTARG = integer);",
         "",
         {
          "DROP OPERATOR public.=== (integer, integer)",
          "DROP FUNCTION public.f(integer, integer)",},
         {}},
        {"function changed: drop and create",
         k_f + k_g + " CREATE OPERATOR === (FUNCTION = f, LEFTARG = integer, RIGHTARG = integer);",
         k_f + k_g + " CREATE OPERATOR === (FUNCTION = g, LEFTARG = integer, RIGHTARG = integer);",
         {
          "DROP OPERATOR public.=== (integer, integer)",
          "CREATE OPERATOR public.=== (\n    FUNCTION = public.g,\n    LEFTARG = integer,\n    RIGHTARG = integer\n)",},
         {}},
        {"estimators only: altered in place",
         k_f + " CREATE OPERATOR === (FUNCTION = f, LEFTARG = integer, RIGHTARG = integer, RESTRICT = eqsel);",
         k_f + " CREATE OPERATOR === (FUNCTION = f, LEFTARG = integer, RIGHTARG = integer, JOIN = eqjoinsel);",
         {
          "ALTER OPERATOR public.=== (integer, integer) SET (RESTRICT = NONE, JOIN = eqjoinsel)",},
         {}},
        {"prefix operator",
         "",
         "CREATE FUNCTION n(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT -$1 $$;"
         " CREATE OPERATOR ~~~ (FUNCTION = n, RIGHTARG = integer);",
         {
          "SET check_function_bodies = false",
          "CREATE FUNCTION public.n(integer) RETURNS integer\n    LANGUAGE sql IMMUTABLE\n    AS $_$ SELECT -$1 $_$",
          "CREATE OPERATOR public.~~~ (\n    FUNCTION = public.n,\n    RIGHTARG = integer\n)",},
         {}},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
