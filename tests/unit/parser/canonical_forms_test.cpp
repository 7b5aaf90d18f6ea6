// Spellings PostgreSQL stores identically must give equal models and identical
// dumps; spellings it stores differently must not.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load.hpp"

namespace schemerge::test {
namespace {

struct Pair {
    std::string name;
    std::string a;
    std::string b;
};

const std::vector<Pair>& equivalent_rows() {
    static const std::vector<Pair> rows = {
        {"int4 / integer / int", "CREATE TABLE t (a int4, b int, c integer);",
         "CREATE TABLE t (a integer, b integer, c integer);"},
        {"int8 / bigint", "CREATE TABLE t (a int8);", "CREATE TABLE t (a bigint);"},
        {"int2 / smallint", "CREATE TABLE t (a int2);", "CREATE TABLE t (a smallint);"},
        {"bool / boolean", "CREATE TABLE t (a bool);", "CREATE TABLE t (a boolean);"},
        {"varchar(10) / character varying(10)", "CREATE TABLE t (a varchar(10));",
         "CREATE TABLE t (a character varying(10));"},
        {"timestamptz / timestamp with time zone", "CREATE TABLE t (a timestamptz);",
         "CREATE TABLE t (a timestamp with time zone);"},
        {"timestamp / timestamp without time zone", "CREATE TABLE t (a timestamp);",
         "CREATE TABLE t (a timestamp without time zone);"},
        {"decimal / numeric", "CREATE TABLE t (a decimal(10,2), b decimal);",
         "CREATE TABLE t (a numeric(10,2), b numeric);"},
        {"float8 / double precision", "CREATE TABLE t (a float8, b float);",
         "CREATE TABLE t (a double precision, b double precision);"},
        {"float4 / real", "CREATE TABLE t (a float4);", "CREATE TABLE t (a real);"},
        {"int[] / integer[]", "CREATE TABLE t (a int[]);", "CREATE TABLE t (a integer ARRAY);"},
        {"public-qualified table", "CREATE TABLE t (a int);", "CREATE TABLE public.t (a int);"},
        {"public-qualified user type", "CREATE TYPE e AS ENUM ('x'); CREATE TABLE t (a e);",
         "CREATE TYPE public.e AS ENUM ('x'); CREATE TABLE public.t (a public.e);"},
        {"public-qualified FK target",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p (id));",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES public.p (id));"},
        {"public-qualified index table", "CREATE TABLE t (a int); CREATE INDEX i ON t (a);",
         "CREATE TABLE t (a int); CREATE INDEX i ON public.t (a);"},
        {"public-qualified nextval sequence",
         "CREATE SEQUENCE s; CREATE TABLE t (a bigint DEFAULT nextval('s'));",
         "CREATE SEQUENCE public.s; CREATE TABLE t (a bigint DEFAULT nextval('public.s'::regclass));"},
        {"upper-case keywords and names",
         "CREATE TABLE T (ID INTEGER NOT NULL, NAME TEXT DEFAULT 'x');",
         "create table t (id integer not null, name text default 'x');"},
        {"text default with redundant ::text", "CREATE TABLE t (a text DEFAULT 'x');",
         "CREATE TABLE t (a text DEFAULT 'x'::text);"},
        {"negative integer default", "CREATE TABLE t (a integer DEFAULT -1);",
         "CREATE TABLE t (a integer DEFAULT '-1'::integer);"},
        {"nextval with regclass cast", "CREATE SEQUENCE s; CREATE TABLE t (a bigint DEFAULT nextval('s'));",
         "CREATE SEQUENCE s; CREATE TABLE t (a bigint DEFAULT nextval('public.s'::regclass));"},
        {"CHECK with extra parentheses", "CREATE TABLE t (a int, CHECK ((a > 0)));",
         "CREATE TABLE t (a int, CHECK (a > 0));"},
        {"inline PK vs ALTER TABLE ADD CONSTRAINT t_pkey", "CREATE TABLE t (a int PRIMARY KEY);",
         "CREATE TABLE t (a int NOT NULL); ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (a);"},
        {"inline UNIQUE vs t_a_key", "CREATE TABLE t (a int UNIQUE);",
         "CREATE TABLE t (a int); ALTER TABLE ONLY t ADD CONSTRAINT t_a_key UNIQUE (a);"},
        {"inline REFERENCES vs t_a_fkey",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (a int REFERENCES p (id));",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (a int);"
         " ALTER TABLE t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES p (id);"},
        {"inline CHECK vs t_a_check", "CREATE TABLE t (a int CHECK (a > 0));",
         "CREATE TABLE t (a int); ALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0);"},
        {"multi-column CHECK vs t_check", "CREATE TABLE t (a int, b int, CHECK (a < b));",
         "CREATE TABLE t (a int, b int, CONSTRAINT t_check CHECK (a < b));"},
        {"PRIMARY KEY implies NOT NULL", "CREATE TABLE t (a int PRIMARY KEY);",
         "CREATE TABLE t (a int NOT NULL PRIMARY KEY);"},
        {"serial vs pg_dump sequence spelling", "CREATE TABLE t (id serial);",
         "CREATE SEQUENCE public.t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;\n"
         "CREATE TABLE public.t (id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL);\n"
         "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;"},
        {"bigserial vs bigint sequence", "CREATE TABLE t (id bigserial);",
         "CREATE SEQUENCE t_id_seq; CREATE TABLE t (id bigint NOT NULL DEFAULT nextval('t_id_seq'));"
         " ALTER SEQUENCE t_id_seq OWNED BY t.id;"},
        {"sequence options equal to defaults", "CREATE SEQUENCE s;",
         "CREATE SEQUENCE s START 1 INCREMENT 1 NO MINVALUE NO MAXVALUE CACHE 1 NO CYCLE;"},
        {"index ASC NULLS LAST vs nothing", "CREATE TABLE t (a int); CREATE INDEX i ON t (a ASC NULLS LAST);",
         "CREATE TABLE t (a int); CREATE INDEX i ON t (a);"},
        {"index DESC NULLS FIRST vs DESC", "CREATE TABLE t (a int); CREATE INDEX i ON t (a DESC NULLS FIRST);",
         "CREATE TABLE t (a int); CREATE INDEX i ON t (a DESC);"},
        {"index USING btree vs nothing", "CREATE TABLE t (a int); CREATE INDEX i ON t USING btree (a);",
         "CREATE TABLE t (a int); CREATE INDEX i ON t (a);"},
        {"EXECUTE PROCEDURE vs EXECUTE FUNCTION",
         "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
         " CREATE TABLE t (a int);"
         " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE PROCEDURE f();",
         "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
         " CREATE TABLE t (a int);"
         " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION public.f();"},
        {"policy without TO vs TO public", "CREATE TABLE t (a int); CREATE POLICY p ON t USING (a > 0);",
         "CREATE TABLE t (a int); CREATE POLICY p ON t TO public USING (a > 0);"},
        {"policy AS PERMISSIVE FOR ALL vs nothing", "CREATE TABLE t (a int); CREATE POLICY p ON t USING (true);",
         "CREATE TABLE t (a int); CREATE POLICY p ON t AS PERMISSIVE FOR ALL USING (true);"},
        {"statement order shuffled",
         "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);"
         " CREATE INDEX b_a ON b (a_id); CREATE VIEW v AS SELECT id FROM a;",
         "CREATE TABLE b (id int NOT NULL, a_id int); CREATE TABLE a (id int NOT NULL);"
         " CREATE VIEW v AS SELECT id FROM a; CREATE INDEX b_a ON b (a_id);"
         " ALTER TABLE b ADD CONSTRAINT b_pkey PRIMARY KEY (id);"
         " ALTER TABLE a ADD CONSTRAINT a_pkey PRIMARY KEY (id);"
         " ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id);"},
        {"REFERENCES t vs REFERENCES t(id)",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p);",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p (id));"},
        {"FK ON UPDATE NO ACTION / MATCH SIMPLE defaults",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p);",
         "CREATE TABLE p (id int PRIMARY KEY);"
         " CREATE TABLE c (p int REFERENCES p MATCH SIMPLE ON UPDATE NO ACTION ON DELETE NO ACTION);"},
        {"PARTITION OF vs ATTACH PARTITION",
         "CREATE TABLE m (a int, b text) PARTITION BY RANGE (a);"
         " CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);",
         "CREATE TABLE m (a int, b text) PARTITION BY RANGE (a);"
         " CREATE TABLE m1 (a int, b text);"
         " ALTER TABLE ONLY m ATTACH PARTITION m1 FOR VALUES FROM (0) TO (10);"},
        {"COMMENT ON SCHEMA public standard text", "CREATE TABLE t (a int);",
         "COMMENT ON SCHEMA public IS 'standard public schema'; CREATE TABLE t (a int);"},
        {"CREATE SCHEMA IF NOT EXISTS public", "CREATE TABLE t (a int);",
         "CREATE SCHEMA IF NOT EXISTS public; CREATE TABLE t (a int);"},
        {"enum type qualified or not in function arg",
         "CREATE TYPE e AS ENUM ('a'); CREATE FUNCTION f(x e) RETURNS int LANGUAGE sql AS 'select 1';",
         "CREATE TYPE e AS ENUM ('a'); CREATE FUNCTION public.f(x public.e) RETURNS integer LANGUAGE sql AS 'select 1';"},
        {"function defaults VOLATILE, CALLED ON NULL INPUT, SECURITY INVOKER, COST 100",
         "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';",
         "CREATE FUNCTION f() RETURNS int LANGUAGE sql VOLATILE CALLED ON NULL INPUT SECURITY INVOKER"
         " PARALLEL UNSAFE COST 100 AS 'select 1';"},
        {"identity with default options",
         "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY);",
         "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 CACHE 1) NOT NULL);"},
    };
    return rows;
}

TEST(CanonicalForms, EquivalentSpellingsGiveEqualModelsAndDumps) {
    for (const auto& row : equivalent_rows()) {
        SCOPED_TRACE(row.name);
        auto a = try_load(row.a);
        auto b = try_load(row.b);
        ASSERT_TRUE(a.has_value()) << a.error().render();
        ASSERT_TRUE(b.has_value()) << b.error().render();
        EXPECT_TRUE(a->schema == b->schema);
        EXPECT_EQ(synth::postgres::emit_schema(a->schema), synth::postgres::emit_schema(b->schema));
    }
}

const std::vector<Pair>& different_rows() {
    static const std::vector<Pair> rows = {
        {"varchar(10) vs varchar(20)", "CREATE TABLE t (a varchar(10));", "CREATE TABLE t (a varchar(20));"},
        {"integer vs bigint", "CREATE TABLE t (a int);", "CREATE TABLE t (a bigint);"},
        {"integer vs integer[]", "CREATE TABLE t (a int);", "CREATE TABLE t (a int[]);"},
        {"different default", "CREATE TABLE t (a int DEFAULT 1);", "CREATE TABLE t (a int DEFAULT 2);"},
        {"default vs none", "CREATE TABLE t (a int DEFAULT 1);", "CREATE TABLE t (a int);"},
        {"NOT NULL vs nullable", "CREATE TABLE t (a int NOT NULL);", "CREATE TABLE t (a int);"},
        {"enum label order", "CREATE TYPE e AS ENUM ('a', 'b');", "CREATE TYPE e AS ENUM ('b', 'a');"},
        {"UNIQUE vs UNIQUE NULLS NOT DISTINCT", "CREATE TABLE t (a int UNIQUE);",
         "CREATE TABLE t (a int UNIQUE NULLS NOT DISTINCT);"},
        {"index method btree vs hash", "CREATE TABLE t (a int); CREATE INDEX i ON t (a);",
         "CREATE TABLE t (a int); CREATE INDEX i ON t USING hash (a);"},
        {"index ASC vs DESC", "CREATE TABLE t (a int); CREATE INDEX i ON t (a);",
         "CREATE TABLE t (a int); CREATE INDEX i ON t (a DESC);"},
        {"index DESC vs DESC NULLS LAST", "CREATE TABLE t (a int); CREATE INDEX i ON t (a DESC);",
         "CREATE TABLE t (a int); CREATE INDEX i ON t (a DESC NULLS LAST);"},
        {"different comment", "CREATE TABLE t (a int); COMMENT ON TABLE t IS 'x';",
         "CREATE TABLE t (a int); COMMENT ON TABLE t IS 'y';"},
        {"comment vs none", "CREATE TABLE t (a int); COMMENT ON COLUMN t.a IS 'x';", "CREATE TABLE t (a int);"},
        {"column order", "CREATE TABLE t (a int, b int);", "CREATE TABLE t (b int, a int);"},
        {"quoted upper-case name", "CREATE TABLE t (a int);", "CREATE TABLE \"T\" (a int);"},
        {"FK ON DELETE CASCADE vs none",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p ON DELETE CASCADE);",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int REFERENCES p);"},
        {"CHECK expression", "CREATE TABLE t (a int CHECK (a > 0));", "CREATE TABLE t (a int CHECK (a >= 0));"},
        {"sequence START 1 vs START 2", "CREATE SEQUENCE s START 1;", "CREATE SEQUENCE s START 2;"},
        {"view query", "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t;",
         "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a + 1 AS a FROM t;"},
        {"function body", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';",
         "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 2';"},
        {"function volatility", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';",
         "CREATE FUNCTION f() RETURNS int LANGUAGE sql IMMUTABLE AS 'select 1';"},
        {"permanent vs unlogged", "CREATE TABLE t (a int);", "CREATE UNLOGGED TABLE t (a int);"},
        {"policy roles", "CREATE TABLE t (a int); CREATE POLICY p ON t USING (true);",
         "CREATE TABLE t (a int); CREATE POLICY p ON t TO current_user USING (true);"},
        {"trigger timing",
         "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TABLE t (a int); CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();",
         "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TABLE t (a int); CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();"},
        {"collation vs none", "CREATE TABLE t (a text COLLATE \"C\");", "CREATE TABLE t (a text);"},
    };
    return rows;
}

TEST(CanonicalForms, DifferentDefinitionsAreNotEqual) {
    for (const auto& row : different_rows()) {
        SCOPED_TRACE(row.name);
        auto a = try_load(row.a);
        auto b = try_load(row.b);
        ASSERT_TRUE(a.has_value()) << a.error().render();
        ASSERT_TRUE(b.has_value()) << b.error().render();
        EXPECT_FALSE(a->schema == b->schema);
        EXPECT_NE(synth::postgres::emit_schema(a->schema), synth::postgres::emit_schema(b->schema));
    }
}

// Owners and grants are recorded but are not part of the definition.
TEST(CanonicalForms, OwnersAndGrantsAreIgnoredByEquality) {
    auto plain = schema_of("CREATE TABLE t (a int);");
    auto owned = schema_of(
        "CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice; GRANT SELECT ON TABLE t TO bob;");
    EXPECT_TRUE(plain == owned);
    const auto& table = owned.tables.at(pub("t"));
    EXPECT_EQ(table.meta.owner, "alice");
    ASSERT_EQ(table.meta.grants.size(), 1U);
    EXPECT_NE(table.meta.grants[0].find("bob"), std::string::npos) << table.meta.grants[0];
    EXPECT_FALSE(plain.tables.at(pub("t")).meta.privileges_equal(table.meta));
}

// A grant is replayed by the dump, which does not set search_path: its object
// must be schema-qualified like every other statement of the dump.
TEST(CanonicalForms, GrantOnTableInOtherSchemaIsQualified) {
    auto schema = schema_of("CREATE SCHEMA other; SET search_path = other; CREATE TABLE t (a int);"
                            " GRANT SELECT ON TABLE t TO bob;");
    const auto& table = schema.tables.at({"other", "t"});
    ASSERT_EQ(table.meta.grants.size(), 1U);
    if (table.meta.grants[0].find("other.t") == std::string::npos) {
        FAIL() << "regression: grant text not schema-qualified: " << table.meta.grants[0];
    }
    EXPECT_NE(synth::postgres::emit_schema(schema).find("other.t TO bob"), std::string::npos);
}

}  // namespace
}  // namespace schemerge::test
