// Tables (plan_tables.cpp): one row per change, with the exact statements of the plan ("! " marks a
// step that runs outside the transaction) and the hazard ids it carries. Rows moved here
// from migration_planner_test.cpp when the planner was split by concept.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

TEST(PlanTables, Rows) {
    const std::vector<PlanRow> rows = {
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
        {"drop_parent_keep_child",
         "CREATE TABLE p (id int NOT NULL, a text); CREATE TABLE c1 (x int) INHERITS (p); CREATE TABLE c2 (y int) INHERITS (p);",
         "CREATE TABLE c2 (id int NOT NULL, a text, y int);",
         {
          "DROP TABLE public.c1",
          "ALTER TABLE public.c2 NO INHERIT public.p",
          "DROP TABLE public.p",},
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
    };
    check_rows(rows, synth::LockStrategy::plain);
}

}  // namespace
}  // namespace schemerge::test
