// Migration planner: one row per change kind with the exact statements of the plan
// ("! " marks a step that runs outside the transaction) and the hazard ids it
// carries; then ordering cases, --online forms, the rendered script, and a
// ChangeSet built by hand. Every row's plan was also applied to PostgreSQL 15
// while it was written (the golden suite proves plans on the server in CI).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "support/load.hpp"
#include "synth/postgres/migration_planner.hpp"

namespace schemerge::test {
namespace {

using synth::LockStrategy;
using synth::Plan;
using synth::PlanOptions;
using synth::postgres::plan_migration;
using synth::postgres::render_sql;

Plan plan_for(const std::string& from_sql, const std::string& to_sql, LockStrategy locks = LockStrategy::plain) {
    model::Schema from = schema_of(from_sql);
    model::Schema to = schema_of(to_sql);
    diff::DiffResult result = diff::diff(from, to);
    PlanOptions options;
    options.locks = locks;
    return plan_migration(from, to, result.changes, options);
}

std::vector<std::string> statements(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& step : plan.steps) {
        out.push_back((step.transactional ? "" : "! ") + step.sql);
    }
    return out;
}

std::vector<std::string> hazard_ids(const Plan& plan) {
    std::set<std::string> ids;
    for (const auto& step : plan.steps) {
        for (const auto& hazard : step.hazards) {
            ids.insert(hazard.id);
        }
    }
    return {ids.begin(), ids.end()};
}

struct PlanRow {
    std::string name;
    std::string from;
    std::string to;
    std::vector<std::string> statements;
    std::vector<std::string> hazards;
};

void check_rows(const std::vector<PlanRow>& rows, LockStrategy locks) {
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        Plan plan = plan_for(row.from, row.to, locks);
        EXPECT_EQ(statements(plan), row.statements);
        EXPECT_EQ(hazard_ids(plan), row.hazards);
        for (const auto& step : plan.steps) {
            EXPECT_FALSE(step.change.empty());
            for (const auto& hazard : step.hazards) {
                EXPECT_FALSE(hazard.message.empty()) << hazard.id;
            }
        }
    }
}

TEST(MigrationPlanner, ChangeKinds) {
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
        {"create_table",
         "CREATE TABLE p (id int PRIMARY KEY);",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id serial PRIMARY KEY, p_id int REFERENCES p, n text CHECK (n <> ''), UNIQUE (n));",
         {
          "CREATE SEQUENCE public.c_id_seq\n    AS integer",
          "CREATE TABLE public.c (\n    id integer DEFAULT nextval('public.c_id_seq'::regclass) NOT NULL,\n    p_id integer,\n    n text,\n    CONSTRAINT c_n_check CHECK (n <> '')\n)",
          "ALTER SEQUENCE public.c_id_seq OWNED BY public.c.id",
          "ALTER TABLE ONLY public.c ADD CONSTRAINT c_n_key UNIQUE (n)",
          "ALTER TABLE ONLY public.c ADD CONSTRAINT c_pkey PRIMARY KEY (id)",
          "ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id)",},
         {}},
        {"drop_table",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p_id int REFERENCES p);",
         "CREATE TABLE p (id int PRIMARY KEY);",
         {
          "DROP TABLE public.c",},
         {"data-loss", }},
        {"rename_table",
         "CREATE TABLE a (id int PRIMARY KEY);",
         "-- schemerge:renamed-from a\nCREATE TABLE b (id int PRIMARY KEY);",
         {
          "ALTER TABLE public.a RENAME TO b",
          "ALTER TABLE public.b RENAME CONSTRAINT a_pkey TO b_pkey",},
         {}},
        {"alter_table",
         "CREATE TABLE t (a int);",
         "CREATE UNLOGGED TABLE t (a int) WITH (fillfactor = 70); ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t REPLICA IDENTITY FULL;",
         {
          "ALTER TABLE public.t SET UNLOGGED",
          "ALTER TABLE public.t SET (fillfactor=70)",
          "ALTER TABLE public.t ENABLE ROW LEVEL SECURITY",
          "ALTER TABLE ONLY public.t REPLICA IDENTITY FULL",},
         {"access-exclusive-lock", "table-rewrite", }},
        {"add_column",
         "CREATE TABLE t (a int);",
         "CREATE TABLE t (a int, b timestamptz NOT NULL DEFAULT now(), c uuid DEFAULT gen_random_uuid());",
         {
          "ALTER TABLE public.t ADD COLUMN b timestamp with time zone DEFAULT now() NOT NULL",
          "ALTER TABLE public.t ADD COLUMN c uuid DEFAULT gen_random_uuid()",},
         {"access-exclusive-lock", "table-rewrite", }},
        {"drop_column",
         "CREATE TABLE t (a int, b text);",
         "CREATE TABLE t (a int);",
         {
          "ALTER TABLE public.t DROP COLUMN b",},
         {"data-loss", }},
        {"rename_column",
         "CREATE TABLE t (a int);",
         "CREATE TABLE t (\n-- schemerge:renamed-from a\nb int);",
         {
          "ALTER TABLE public.t RENAME COLUMN a TO b",},
         {}},
        {"alter_column_type",
         "CREATE TABLE t (a int DEFAULT 0, b text);",
         "CREATE TABLE t (a bigint DEFAULT 0, b integer);",
         {
          "ALTER TABLE public.t ALTER COLUMN a TYPE bigint USING a::bigint",
          "ALTER TABLE public.t ALTER COLUMN b TYPE integer USING b::integer",},
         {"access-exclusive-lock", "data-loss", "table-rewrite", }},
        {"set_drop_default",
         "CREATE TABLE t (a int, b int DEFAULT 1);",
         "CREATE TABLE t (a int DEFAULT 2, b int);",
         {
          "ALTER TABLE public.t ALTER COLUMN b DROP DEFAULT",
          "ALTER TABLE public.t ALTER COLUMN a SET DEFAULT 2",},
         {}},
        {"not_null",
         "CREATE TABLE t (a int, b int NOT NULL);",
         "CREATE TABLE t (a int NOT NULL, b int);",
         {
          "ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL",
          "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL",},
         {"access-exclusive-lock", "not-null-on-existing-column", "validation-scan", }},
        {"alter_identity",
         "CREATE TABLE t (a int NOT NULL, b int GENERATED ALWAYS AS IDENTITY, c bigint GENERATED BY DEFAULT AS IDENTITY);",
         "CREATE TABLE t (a int GENERATED BY DEFAULT AS IDENTITY, b int, c bigint GENERATED ALWAYS AS IDENTITY (INCREMENT BY 10));",
         {
          "ALTER TABLE public.t ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME public.t_a_seq)",
          "ALTER TABLE public.t ALTER COLUMN b DROP IDENTITY",
          "ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL",
          "ALTER TABLE public.t ALTER COLUMN c SET GENERATED ALWAYS SET INCREMENT BY 10",},
         {}},
        {"alter_generated",
         "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int GENERATED ALWAYS AS (a + 1) STORED);",
         "CREATE TABLE t (a int, b int, c int GENERATED ALWAYS AS (a + 2) STORED);",
         {
          "ALTER TABLE public.t ALTER COLUMN b DROP EXPRESSION",
          "ALTER TABLE public.t DROP COLUMN c",
          "ALTER TABLE public.t ADD COLUMN c integer GENERATED ALWAYS AS (a + 2) STORED",},
         {"access-exclusive-lock", "data-loss", "table-rewrite", }},
        {"alter_column_options",
         "CREATE TABLE t (a text); ALTER TABLE t ALTER a SET STORAGE EXTERNAL;",
         "CREATE TABLE t (a text); ALTER TABLE t ALTER a SET STATISTICS 500;",
         {
          "ALTER TABLE public.t ALTER COLUMN a SET STATISTICS 500",
          "ALTER TABLE public.t ALTER COLUMN a SET STORAGE EXTENDED",},
         {}},
        {"constraints",
         "CREATE TABLE t (a int, b int CONSTRAINT b_pos CHECK (b > 0)); ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;",
         "CREATE TABLE t (a int UNIQUE, b int); ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0);",
         {
          "ALTER TABLE public.t DROP CONSTRAINT b_pos",
          "ALTER TABLE ONLY public.t ADD CONSTRAINT t_a_key UNIQUE (a)",
          "ALTER TABLE public.t VALIDATE CONSTRAINT a_pos",},
         {"access-exclusive-lock", "validation-scan", }},
        {"rename_constraint",
         "CREATE TABLE t (a int CONSTRAINT old_c CHECK (a > 0));",
         "CREATE TABLE t (a int CONSTRAINT new_c CHECK (a > 0));",
         {
          "ALTER TABLE public.t DROP CONSTRAINT old_c",
          "ALTER TABLE public.t ADD CONSTRAINT new_c CHECK (a > 0)",},
         {"access-exclusive-lock", "validation-scan", }},
        {"indexes",
         "CREATE TABLE t (a int, b int); CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b);",
         "CREATE TABLE t (a int, b int); CREATE INDEX t_b ON t (b DESC); CREATE UNIQUE INDEX t_ab ON t (a, b) WHERE a > 0;",
         {
          "DROP INDEX public.t_a",
          "DROP INDEX public.t_b",
          "CREATE UNIQUE INDEX t_ab ON public.t USING btree (a, b) WHERE (a > 0)",
          "CREATE INDEX t_b ON public.t USING btree (b DESC)",},
         {"access-exclusive-lock", "blocking-index-build", }},
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
        {"triggers",
         "CREATE TABLE t (a int); CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$; CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg(); CREATE TRIGGER t2 BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg();",
         "CREATE TABLE t (a int); CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$; CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg(); ALTER TABLE t DISABLE TRIGGER t1; CREATE TRIGGER t3 AFTER DELETE ON t FOR EACH ROW EXECUTE FUNCTION trg();",
         {
          "DROP TRIGGER t2 ON public.t",
          "CREATE TRIGGER t3 AFTER DELETE ON public.t FOR EACH ROW EXECUTE FUNCTION public.trg()",
          "ALTER TABLE public.t DISABLE TRIGGER t1",},
         {}},
        {"policies",
         "CREATE TABLE t (a int, owner text); CREATE POLICY p1 ON t USING (owner = current_user); CREATE POLICY p2 ON t FOR SELECT USING (true);",
         "CREATE TABLE t (a int, owner text); CREATE POLICY p1 ON t TO public USING (owner = current_user) WITH CHECK (a > 0); CREATE POLICY p3 ON t FOR DELETE USING (a < 0);",
         {
          "DROP POLICY p2 ON public.t",
          "CREATE POLICY p3 ON public.t FOR DELETE USING (a < 0)",
          "ALTER POLICY p1 ON public.t WITH CHECK (a > 0)",},
         {}},
        {"text_search",
         "CREATE TEXT SEARCH DICTIONARY d (TEMPLATE = simple);",
         "CREATE TEXT SEARCH CONFIGURATION c (COPY = pg_catalog.english);",
         {
          "DROP TEXT SEARCH DICTIONARY public.d",
          "CREATE TEXT SEARCH CONFIGURATION public.c (\n    copy = pg_catalog.english\n)",},
         {}},
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
        {"fk_cycle_create",
         "",
         "CREATE TABLE a (id int PRIMARY KEY, b_id int); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a); ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;",
         {
          "CREATE TABLE public.a (\n    id integer NOT NULL,\n    b_id integer\n)",
          "CREATE TABLE public.b (\n    id integer NOT NULL,\n    a_id integer\n)",
          "ALTER TABLE ONLY public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id)",
          "ALTER TABLE ONLY public.b ADD CONSTRAINT b_pkey PRIMARY KEY (id)",
          "ALTER TABLE ONLY public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b(id)",
          "ALTER TABLE ONLY public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id)",},
         {}},
        {"fk_cycle_drop",
         "CREATE TABLE a (id int PRIMARY KEY, b_id int); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a); ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;",
         "",
         {
          "ALTER TABLE public.a DROP CONSTRAINT a_b_id_fkey",
          "ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey",
          "DROP TABLE public.a",
          "DROP TABLE public.b",},
         {"data-loss", }},
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
        {"sequence_default",
         "CREATE TABLE t (id int);",
         "CREATE SEQUENCE s; CREATE TABLE t (id int DEFAULT nextval('s')); ALTER SEQUENCE s OWNED BY t.id;",
         {
          "CREATE SEQUENCE public.s",
          "ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.s'::regclass)",
          "ALTER SEQUENCE public.s OWNED BY public.t.id",},
         {}},
        {"serial_to_identity",
         "CREATE TABLE t (id serial PRIMARY KEY);",
         "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);",
         {
          "ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT",
          "DROP SEQUENCE public.t_id_seq",
          "ALTER TABLE public.t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME public.t_id_seq)",},
         {}},
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

}  // namespace
}  // namespace schemerge::test
