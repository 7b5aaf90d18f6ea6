// Operator classes and families (plan_routines.cpp): created after the operators and
// functions they name and before the indexes that use them, dropped after those indexes
// and before what they name; a changed class is dropped and created with its indexes; a
// family's loose members are altered in place. Exact statements, as the other rows.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

const std::string k_base =
    "CREATE TYPE complex AS (re float8, im float8);"
    " CREATE FUNCTION cmp(complex, complex) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 0 $$;"
    " CREATE FUNCTION cmp2(complex, complex) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;"
    " CREATE FUNCTION lt(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT false $$;"
    " CREATE OPERATOR <# (FUNCTION = lt, LEFTARG = complex, RIGHTARG = complex);"
    " CREATE TABLE t (id int, c complex);";

const std::string k_class =
    " CREATE OPERATOR CLASS c_ops DEFAULT FOR TYPE complex USING btree AS OPERATOR 1 <#, FUNCTION 1 cmp(complex, complex);";
const std::string k_class2 =
    " CREATE OPERATOR CLASS c_ops DEFAULT FOR TYPE complex USING btree AS OPERATOR 1 <#, FUNCTION 1 cmp2(complex, complex);";
const std::string k_index = " CREATE INDEX t_c ON t (c);";

const std::string k_create_class =
    "CREATE OPERATOR CLASS public.c_ops\n    DEFAULT FOR TYPE public.complex USING btree FAMILY public.c_ops AS\n"
    "    OPERATOR 1 public.<#(public.complex,public.complex) ,\n"
    "    FUNCTION 1 (public.complex, public.complex) public.cmp(public.complex,public.complex)";

TEST(PlanOperatorClasses, Rows) {
    const std::vector<PlanRow> rows = {
        {"class after its family and before the index that uses it",
         k_base,
         k_base + k_class + k_index + " COMMENT ON OPERATOR CLASS c_ops USING btree IS 'abs';",
         {
             "CREATE OPERATOR FAMILY public.c_ops USING btree",
             k_create_class,
             "COMMENT ON OPERATOR CLASS public.c_ops USING btree IS 'abs'",
             "CREATE INDEX t_c ON public.t USING btree (c)",
         },
         {"blocking-index-build"}},
        {"class dropped after its index, before its family",
         k_base + k_class + k_index,
         k_base,
         {
             "DROP INDEX public.t_c",
             "DROP OPERATOR CLASS public.c_ops USING btree",
             "DROP OPERATOR FAMILY public.c_ops USING btree",
         },
         {"access-exclusive-lock"}},
        {"changed class: dropped and created, its index too",
         k_base + k_class + k_index,
         k_base + k_class2 + k_index,
         {
             "DROP INDEX public.t_c",
             "DROP OPERATOR CLASS public.c_ops USING btree",
             "CREATE OPERATOR CLASS public.c_ops\n    DEFAULT FOR TYPE public.complex USING btree FAMILY public.c_ops AS\n"
             "    OPERATOR 1 public.<#(public.complex,public.complex) ,\n"
             "    FUNCTION 1 (public.complex, public.complex) public.cmp2(public.complex,public.complex)",
             "CREATE INDEX t_c ON public.t USING btree (c)",
         },
         {"blocking-index-build", "dependents-recreated"}},
        {"family members altered in place",
         k_base + " CREATE OPERATOR FAMILY f USING btree;"
                  " ALTER OPERATOR FAMILY f USING btree ADD OPERATOR 1 <# (complex, complex);",
         k_base + " CREATE OPERATOR FAMILY f USING btree;"
                  " ALTER OPERATOR FAMILY f USING btree ADD FUNCTION 1 (complex, complex) cmp(complex, complex);",
         {
             "ALTER OPERATOR FAMILY public.f USING btree DROP\n    OPERATOR 1 (public.complex, public.complex)",
             "ALTER OPERATOR FAMILY public.f USING btree ADD\n"
             "    FUNCTION 1 (public.complex, public.complex) public.cmp(public.complex,public.complex)",
         },
         {}},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
