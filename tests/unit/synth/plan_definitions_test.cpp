// Schemas, extensions, collations and text search (plan_definitions.cpp and expand()): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanDefinitions, Rows) {
    const std::vector<PlanRow> rows = {
        {"create_schema",
         "CREATE TABLE t (a int);",
         "CREATE SCHEMA app; CREATE TABLE t (a int);",
         {
          "CREATE SCHEMA app",},
         {}},
        {"drop_schema",
         "CREATE SCHEMA app;",
         "",
         {
          "DROP SCHEMA app",},
         {}},
        {"create_extension",
         "",
         "CREATE EXTENSION pgcrypto;",
         {
          "CREATE EXTENSION IF NOT EXISTS pgcrypto",},
         {}},
        {"drop_extension",
         "CREATE EXTENSION pgcrypto;",
         "",
         {
          "DROP EXTENSION pgcrypto",},
         {}},
        {"create_collation",
         "",
         "CREATE COLLATION german (provider = icu, locale = 'de');",
         {
          "CREATE COLLATION public.german (locale = 'de', provider = icu)",},
         {}},
        {"drop_collation",
         "CREATE COLLATION german (provider = icu, locale = 'de');",
         "",
         {
          "DROP COLLATION public.german",},
         {}},
        {"text_search",
         "CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple);",
         "CREATE TEXT SEARCH CONFIGURATION c (COPY = pg_catalog.english);",
         {
          "DROP TEXT SEARCH DICTIONARY public.d",
          "CREATE TEXT SEARCH CONFIGURATION public.c (\n    copy = pg_catalog.english\n)",},
         {}},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
