// Migration planner as a whole: the --online forms, ordering cases, the rendered
// script, sections that follow the transactional trait, and a ChangeSet built by hand.
// The rows of each change kind (the exact statements of the plan, "! " marking a step
// that runs outside the transaction, and the hazard ids) are in the test file of the
// planner's file for that concept (plan_tables_test.cpp, plan_columns_test.cpp, ...). Every row's plan was also applied to PostgreSQL 15
// while it was written (the golden suite proves plans on the server in CI).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "model/dependency_graph.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "plan_rows.hpp"
#include "support/load.hpp"
#include "synth/postgres/migration_planner.hpp"

namespace schemerge::test {
namespace {

using synth::postgres::plan_migration;
using synth::postgres::render_sql;

TEST(MigrationPlanner, ChangeKinds) {
    const std::vector<PlanRow> rows = {
        {"online",
         "CREATE TABLE t (a int, b int, r int); CREATE TABLE r (id int PRIMARY KEY); CREATE INDEX t_b ON t (b);",
         "CREATE TABLE r (id int PRIMARY KEY); CREATE TABLE t (a int NOT NULL UNIQUE, b int CHECK (b > 0), r int REFERENCES r); CREATE INDEX t_a ON t (a);",
         {
          "ALTER TABLE public.t ADD CONSTRAINT t_a_not_null CHECK (a IS NOT NULL) NOT VALID",
          "ALTER TABLE public.t ADD CONSTRAINT t_b_check CHECK (b > 0) NOT VALID",
          "ALTER TABLE ONLY public.t ADD CONSTRAINT t_r_fkey FOREIGN KEY (r) REFERENCES public.r(id) NOT VALID",
          "! DROP INDEX CONCURRENTLY public.t_b",
          "! ALTER TABLE public.t VALIDATE CONSTRAINT t_a_not_null",
          "! ALTER TABLE public.t ALTER COLUMN a SET NOT NULL",
          "! ALTER TABLE public.t DROP CONSTRAINT t_a_not_null",
          "! CREATE UNIQUE INDEX CONCURRENTLY t_a_key ON public.t USING btree (a)",
          "! ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_key",
          "! ALTER TABLE public.t VALIDATE CONSTRAINT t_b_check",
          "! CREATE INDEX CONCURRENTLY t_a ON public.t USING btree (a)",
          "! ALTER TABLE public.t VALIDATE CONSTRAINT t_r_fkey",},
         {"not-null-on-existing-column", "validation-scan", }},
    };
    std::vector<PlanRow> plain;
    std::vector<PlanRow> online;
    for (const auto& row : rows) {
        (row.name.starts_with("online") ? online : plain).push_back(row);
    }
    check_rows(plain, LockStrategy::plain);
    check_rows(online, LockStrategy::online);
}

// Ordering: dependents around the change that needs them gone, whatever the diff's order.
TEST(MigrationPlanner, DependentsAroundChanges) {
    // A trigger whose WHEN calls a function whose return type changes: the function
    // is dropped and created, so the trigger goes first and comes back after.
    std::string from =
        "CREATE TABLE t (a int); CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x';"
        " CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
        " CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW WHEN (public.f(NEW.a) > 0) EXECUTE FUNCTION trg();";
    std::string to =
        "CREATE TABLE t (a int); CREATE FUNCTION f(x int) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT x::bigint';"
        " CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
        " CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW WHEN (public.f(NEW.a) > 0) EXECUTE FUNCTION trg();";
    Plan plan = plan_for(from, to);
    EXPECT_EQ(statements(plan),
              (std::vector<std::string>{
                  "SET check_function_bodies = false",
                  "DROP TRIGGER tr ON public.t",
                  "DROP FUNCTION public.f(integer)",
                  "CREATE FUNCTION public.f(x integer) RETURNS bigint\n    LANGUAGE sql IMMUTABLE\n    AS $$SELECT x::bigint$$",
                  "CREATE TRIGGER tr BEFORE UPDATE ON public.t FOR EACH ROW WHEN (public.f(new.a) > 0) EXECUTE "
                  "FUNCTION public.trg()",
              }));
    EXPECT_EQ(hazard_ids(plan), (std::vector<std::string>{"dependents-recreated"}));
    EXPECT_EQ(plan.steps[1].change, "recreate dependent trigger public.t.tr");

    // The same function with only a new body is replaced in place: the trigger stays.
    std::string body_only = to;
    body_only.replace(body_only.find("RETURNS bigint"), 14, "RETURNS int");
    body_only.replace(body_only.find("SELECT x::bigint"), 16, "SELECT x + 0");
    plan = plan_for(from, body_only);
    ASSERT_EQ(plan.steps.size(), 2U);
    EXPECT_TRUE(plan.steps[1].sql.starts_with("CREATE OR REPLACE FUNCTION public.f(x integer) RETURNS integer"));
}

TEST(MigrationPlanner, EnumValueRunsBeforeTheTransactionThatUsesIt) {
    Plan plan = plan_for("CREATE TYPE m AS ENUM ('a'); CREATE TABLE t (x m DEFAULT 'a');",
                         "CREATE TYPE m AS ENUM ('a', 'b'); CREATE TABLE t (x m DEFAULT 'b' CHECK (x <> 'a'));");
    EXPECT_EQ(render_sql(plan),
              "-- schemerge migration plan\n"
              "\n-- outside a transaction:\n"
              "\n-- add value 'b' to type public.m\n"
              "ALTER TYPE public.m ADD VALUE 'b';\n"
              "\nBEGIN;\n"
              "\n-- set default of column public.t.x\n"
              "ALTER TABLE public.t ALTER COLUMN x SET DEFAULT 'b';\n"
              "\n-- add constraint public.t.t_x_check\n"
              "--   hazard validation-scan: table public.t is scanned to check every row\n"
              "--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the scan\n"
              "ALTER TABLE public.t ADD CONSTRAINT t_x_check CHECK (x <> 'a');\n"
              "\nCOMMIT;\n");
}

TEST(MigrationPlanner, RenderSql) {
    EXPECT_EQ(render_sql(Plan{}), "-- schemerge migration plan\n-- The schemas are identical: nothing to do.\n");

    Plan plan;
    plan.notes = {"likely rename: table public.a -> public.b"};
    plan.steps.push_back({"ALTER TYPE public.m ADD VALUE 'x'", "add value 'x' to type public.m", {}, false});
    plan.steps.push_back({"ALTER TABLE public.t DROP COLUMN c",
                          "drop column public.t.c",
                          {{"data-loss", "column c of public.t and its values are dropped"}},
                          true});
    plan.steps.push_back({"CREATE INDEX CONCURRENTLY i ON public.t USING btree (a)", "create index public.i", {}, false});
    EXPECT_EQ(render_sql(plan),
              "-- schemerge migration plan\n"
              "-- note: likely rename: table public.a -> public.b\n"
              "\n-- outside a transaction:\n"
              "\n-- add value 'x' to type public.m\n"
              "ALTER TYPE public.m ADD VALUE 'x';\n"
              "\nBEGIN;\n"
              "\n-- drop column public.t.c\n"
              "--   hazard data-loss: column c of public.t and its values are dropped\n"
              "ALTER TABLE public.t DROP COLUMN c;\n"
              "\nCOMMIT;\n"
              "\n-- after the transaction (CONCURRENTLY cannot run inside one; VALIDATE CONSTRAINT runs on its own to keep "
              "its lock light):\n"
              "\n-- create index public.i\n"
              "CREATE INDEX CONCURRENTLY i ON public.t USING btree (a);\n");

    // Identical schemas: no statements, the comment says so.
    EXPECT_EQ(render_sql(plan_for("CREATE TABLE t (a int);", "CREATE TABLE public.t (a integer);")),
              "-- schemerge migration plan\n-- The schemas are identical: nothing to do.\n");
}

// Plan sections follow the dialect's transactional_ddl trait (data, not code): a schema
// whose engine cannot run DDL in a transaction gets one ordered list of steps, each
// committing on its own, and the plan says so in its first note.
TEST(MigrationPlanner, SectionsFollowTheTransactionalTrait) {
    model::DialectTraits autocommit = parser::postgres::traits();
    autocommit.transactional_ddl = false;
    model::Schema from = schema_of("CREATE TYPE m AS ENUM ('a'); CREATE TABLE t (x m DEFAULT 'a');");
    model::Schema to = schema_of("CREATE TYPE m AS ENUM ('a', 'b'); CREATE TABLE t (x m DEFAULT 'b');"
                                 " CREATE INDEX i ON t (x);");
    from.dialect = &autocommit;
    to.dialect = &autocommit;
    diff::DiffResult result = diff::diff(from, to);
    for (auto locks : {LockStrategy::plain, LockStrategy::online}) {
        SCOPED_TRACE(locks == LockStrategy::online ? "online" : "plain");
        PlanOptions options;
        options.locks = locks;
        Plan plan = plan_migration(from, to, result.changes, options);
        EXPECT_FALSE(plan.transactional_ddl);
        std::string index = locks == LockStrategy::online ? "! CREATE INDEX CONCURRENTLY i ON public.t USING btree (x)"
                                                          : "! CREATE INDEX i ON public.t USING btree (x)";
        EXPECT_EQ(statements(plan), (std::vector<std::string>{"! ALTER TYPE public.m ADD VALUE 'b'",
                                                              "! ALTER TABLE public.t ALTER COLUMN x SET DEFAULT 'b'",
                                                              index}));
        ASSERT_FALSE(plan.notes.empty());
        EXPECT_EQ(plan.notes.front(), synth::k_autocommit_note);
        std::string script = render_sql(plan);
        EXPECT_NE(script.find("\n-- each step commits on its own:\n"), std::string::npos) << script;
        EXPECT_EQ(script.find("BEGIN;"), std::string::npos) << script;
    }
    // The same change with PostgreSQL's traits: today's three sections.
    from.dialect = &parser::postgres::traits();
    to.dialect = &parser::postgres::traits();
    Plan plan = plan_migration(from, to, result.changes);
    EXPECT_TRUE(plan.transactional_ddl);
    EXPECT_EQ(statements(plan), (std::vector<std::string>{"! ALTER TYPE public.m ADD VALUE 'b'",
                                                          "ALTER TABLE public.t ALTER COLUMN x SET DEFAULT 'b'",
                                                          "CREATE INDEX i ON public.t USING btree (x)"}));
    EXPECT_TRUE(plan.notes.empty());
}

// The planner needs only a ChangeSet: here one built by hand, in an order the
// plan must not follow (the foreign key before the tables it links).
TEST(MigrationPlanner, HandBuiltChangeSet) {
    model::Schema from;
    model::Schema to = schema_of(
        "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int, a_id int);"
        " ALTER TABLE b ADD CONSTRAINT b_a_fkey FOREIGN KEY (a_id) REFERENCES a;");
    const model::Table& a = to.tables.at(pub("a"));
    const model::Table& b = to.tables.at(pub("b"));
    diff::ChangeSet changes;
    changes.changes.push_back(diff::Change{diff::ChangeKind::create_table,
                                           model::ObjectKey{model::ObjectKind::table, "public", "b", "", ""},
                                           {},
                                           &b,
                                           {}});
    changes.changes.push_back(diff::Change{diff::ChangeKind::create_table,
                                           model::ObjectKey{model::ObjectKind::table, "public", "a", "", ""},
                                           {},
                                           &a,
                                           {}});
    Plan plan = plan_migration(from, to, changes);
    EXPECT_EQ(statements(plan), (std::vector<std::string>{
                                    "CREATE TABLE public.a (\n    id integer NOT NULL\n)",
                                    "CREATE TABLE public.b (\n    id integer,\n    a_id integer\n)",
                                    "ALTER TABLE ONLY public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id)",
                                    "ALTER TABLE ONLY public.b ADD CONSTRAINT b_a_fkey FOREIGN KEY (a_id) "
                                    "REFERENCES public.a(id)",
                                }));
    EXPECT_TRUE(hazard_ids(plan).empty());
    EXPECT_EQ(plan.steps[3].change, "create table public.b");
}

// --online falls back to the plain form when the transaction needs the effect:
// a foreign key in the transaction needs the new unique key to exist.
TEST(MigrationPlanner, OnlineFallsBackWhenTheTransactionNeedsTheResult) {
    Plan plan = plan_for("CREATE TABLE p (id int NOT NULL); CREATE TABLE c (p_id int);",
                         "CREATE TABLE p (id int NOT NULL UNIQUE); CREATE TABLE c (p_id int);"
                         " CREATE TABLE d (p_id int REFERENCES p (id));",
                         LockStrategy::online);
    EXPECT_EQ(statements(plan),
              (std::vector<std::string>{
                  "CREATE TABLE public.d (\n    p_id integer\n)",
                  "ALTER TABLE ONLY public.p ADD CONSTRAINT p_id_key UNIQUE (id)",
                  "ALTER TABLE ONLY public.d ADD CONSTRAINT d_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id)",
              }));
}

// A caller that has the `to` schema's dependency graph (a merge plans both sides into the
// one merged schema) passes it: the plan is the one the planner makes with its own, and
// the given graph is the one read (an empty graph loses the view-on-view order).
TEST(MigrationPlanner, TakesTheToGraphItIsGiven) {
    const std::string from_sql = "CREATE TABLE t (id int PRIMARY KEY);";
    const std::string to_sql =
        "CREATE TABLE t (id int PRIMARY KEY); CREATE TABLE u (id int PRIMARY KEY, t_id int REFERENCES t);"
        " CREATE VIEW z_view AS SELECT id FROM t; CREATE VIEW a_view AS SELECT id FROM z_view;";
    model::Schema from = schema_of(from_sql);
    model::Schema to = schema_of(to_sql);
    diff::DiffResult result = diff::diff(from, to);
    const auto own = statements(plan_migration(from, to, result.changes, {}));
    const model::DependencyGraph graph = model::DependencyGraph::build(to);
    synth::PlanOptions given;
    given.to_graph = &graph;
    EXPECT_EQ(statements(plan_migration(from, to, result.changes, given)), own);
    auto position = [](const std::vector<std::string>& plan, const std::string& prefix) {
        return std::find_if(plan.begin(), plan.end(), [&](const std::string& s) { return s.starts_with(prefix); }) -
               plan.begin();
    };
    EXPECT_LT(position(own, "CREATE VIEW public.z_view"), position(own, "CREATE VIEW public.a_view"));
    const model::DependencyGraph empty;
    synth::PlanOptions blind;
    blind.to_graph = &empty;
    const auto without_edges = statements(plan_migration(from, to, result.changes, blind));
    EXPECT_GT(position(without_edges, "CREATE VIEW public.z_view"), position(without_edges, "CREATE VIEW public.a_view"))
        << "the given graph is the one the planner orders by";
}

}  // namespace
}  // namespace schemerge::test
