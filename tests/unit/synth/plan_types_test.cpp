// Types and domains (plan_types.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanTypes, Rows) {
    const std::vector<PlanRow> rows = {
        {"create_type",
         "",
         "CREATE TYPE mood AS ENUM ('sad', 'happy');",
         {
          "CREATE TYPE public.mood AS ENUM ('sad', 'happy')",},
         {}},
        {"drop_type",
         "CREATE TYPE mood AS ENUM ('sad', 'happy');",
         "",
         {
          "DROP TYPE public.mood",},
         {}},
        {"add_enum_value",
         "CREATE TYPE mood AS ENUM ('sad', 'happy');",
         "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'elated');",
         {
          "! ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad'",
          "! ALTER TYPE public.mood ADD VALUE 'elated'",},
         {}},
        {"recreate_type",
         "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE t (m mood DEFAULT 'ok', ms mood[]);",
         "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE t (m mood DEFAULT 'happy', ms mood[]);",
         {
          "ALTER TYPE public.mood RENAME TO mood__schemerge_old",
          "CREATE TYPE public.mood AS ENUM ('sad', 'happy')",
          "ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT",
          "ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood",
          "ALTER TABLE public.t ALTER COLUMN ms TYPE public.mood[] USING ms::text::public.mood[]",
          "ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'happy'",
          "DROP TYPE public.mood__schemerge_old",},
         {"access-exclusive-lock", "data-loss", "table-rewrite", "type-recreated", }},
        {"alter_domain",
         "CREATE DOMAIN pos AS int DEFAULT 1 CONSTRAINT pos_check CHECK (VALUE > 0);",
         "CREATE DOMAIN pos AS int NOT NULL CONSTRAINT pos_check CHECK (VALUE >= 0);",
         {
          "ALTER DOMAIN public.pos DROP CONSTRAINT pos_check",
          "ALTER DOMAIN public.pos DROP DEFAULT",
          "ALTER DOMAIN public.pos SET NOT NULL",
          "ALTER DOMAIN public.pos ADD CONSTRAINT pos_check CHECK (value >= 0)",},
         {"validation-scan", }},
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
