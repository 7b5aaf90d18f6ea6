// Views (plan_views.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanViews, Rows) {
    const std::vector<PlanRow> rows = {
        {"views",
         "CREATE TABLE t (a int, b int); CREATE VIEW v1 AS SELECT a FROM t; CREATE VIEW v2 AS SELECT a, b FROM t; CREATE VIEW gone AS SELECT 1 AS x;",
         "CREATE TABLE t (a int, b int); CREATE VIEW v1 AS SELECT a, b FROM t; CREATE VIEW v2 AS SELECT b, a FROM t; CREATE VIEW fresh AS SELECT 2 AS y;",
         {
          "DROP VIEW public.gone",
          "DROP VIEW public.v2",
          "CREATE VIEW public.fresh AS\nSELECT 2 AS y",
          "CREATE OR REPLACE VIEW public.v1 AS\nSELECT a, b FROM public.t",
          "CREATE VIEW public.v2 AS\nSELECT b, a FROM public.t",},
         {}},
        {"matview",
         "CREATE TABLE t (a int); CREATE MATERIALIZED VIEW m AS SELECT a FROM t; CREATE INDEX m_a ON m (a);",
         "CREATE TABLE t (a int); CREATE MATERIALIZED VIEW m AS SELECT a, 1 AS one FROM t; CREATE INDEX m_a ON m (a);",
         {
          "DROP INDEX public.m_a",
          "DROP MATERIALIZED VIEW public.m",
          "CREATE MATERIALIZED VIEW public.m AS\nSELECT a, 1 AS one FROM public.t",
          "CREATE INDEX m_a ON public.m USING btree (a)",},
         {"dependents-recreated", "table-rewrite", }},
        {"view_chain",
         "CREATE TABLE t (id int, v varchar(20)); CREATE VIEW v1 AS SELECT id, v FROM t; CREATE VIEW v2 AS SELECT v FROM v1; CREATE VIEW other AS SELECT id FROM t;",
         "CREATE TABLE t (id int, v text); CREATE VIEW v1 AS SELECT id, v FROM t; CREATE VIEW v2 AS SELECT v FROM v1; CREATE VIEW other AS SELECT id FROM t;",
         {
          "DROP VIEW public.v2",
          "DROP VIEW public.v1",
          "ALTER TABLE public.t ALTER COLUMN v TYPE text USING v::text",
          "CREATE VIEW public.v1 AS\nSELECT id, v FROM public.t",
          "CREATE VIEW public.v2 AS\nSELECT v FROM public.v1",},
         {"access-exclusive-lock", "dependents-recreated", }},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
