// Two-way diff: one row per change kind, each asserting the exact list of
// (kind, key, detail) the diff returns; then identity, pg_dump noise, renames,
// suggestions, overloads and enum edits.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "support/load.hpp"
#include "support/model_builder.hpp"

namespace schemerge::diff {
namespace {

using test::schema_of;

// Models built directly (no parser), under PostgreSQL's traits.
test::ModelBuilder pg() { return test::ModelBuilder(parser::postgres::traits()); }

// "kind key [detail]" with the enum label of add_enum_value shown as <label>.
std::string format(const Change& change) {
    std::string out = std::string(to_string(change.kind)) + " " + change.key.to_string();
    if (change.kind == ChangeKind::add_enum_value) {
        out += " <" + change.key.args + ">";
    }
    if (!change.detail_text().empty()) {
        out += " [" + change.detail_text() + "]";
    }
    return out;
}

std::vector<std::string> format(const ChangeSet& changes) {
    std::vector<std::string> out;
    for (const auto& change : changes.changes) {
        out.push_back(format(change));
    }
    return out;
}

std::vector<std::string> diff_sql(const std::string& from, const std::string& to, const DiffOptions& options = {}) {
    model::Schema a = schema_of(from);
    model::Schema b = schema_of(to);
    return format(diff(a, b, options).changes);
}

struct Row {
    const char* name;
    const char* from;
    const char* to;
    std::vector<std::string> expected;
};

// Every ChangeKind appears in at least one row (checked below).
const std::vector<Row>& rows() {
    static const std::vector<Row> k_rows = {
        {"create_schema", "", "CREATE SCHEMA s;", {"create_schema schema s"}},
        {"drop_schema", "CREATE SCHEMA s;", "", {"drop_schema schema s"}},
        {"create_extension", "", "CREATE EXTENSION pgcrypto;", {"create_extension extension pgcrypto"}},
        {"drop_extension", "CREATE EXTENSION pgcrypto;", "", {"drop_extension extension pgcrypto"}},
        {"create_collation", "", "CREATE COLLATION c (provider = icu, locale = 'und');",
         {"create_collation collation public.c"}},
        {"drop_collation", "CREATE COLLATION c (provider = icu, locale = 'und');", "",
         {"drop_collation collation public.c"}},
        {"create_type", "", "CREATE TYPE mood AS ENUM ('a');", {"create_type type public.mood"}},
        {"drop_type", "CREATE TYPE mood AS ENUM ('a');", "", {"drop_type type public.mood"}},
        {"add_enum_value", "CREATE TYPE mood AS ENUM ('a');", "CREATE TYPE mood AS ENUM ('a', 'b');",
         {"add_enum_value type public.mood <b>"}},
        {"recreate_type", "CREATE TYPE mood AS ENUM ('a', 'b');", "CREATE TYPE mood AS ENUM ('a');",
         {"recreate_type type public.mood"}},
        {"recreate_composite", "CREATE TYPE p AS (x integer);", "CREATE TYPE p AS (x bigint);",
         {"recreate_type type public.p"}},
        {"add_type_attributes", "CREATE TYPE p AS (x integer);", "CREATE TYPE p AS (x integer, y text);",
         {"add_type_attributes type public.p"}},
        {"recreate_composite_dropped_attribute", "CREATE TYPE p AS (x integer, y text);",
         "CREATE TYPE p AS (x integer);", {"recreate_type type public.p"}},
        {"alter_domain", "CREATE DOMAIN d AS integer;", "CREATE DOMAIN d AS integer NOT NULL;",
         {"alter_domain type public.d"}},
        {"domain_base_type", "CREATE DOMAIN d AS integer;", "CREATE DOMAIN d AS bigint;",
         {"recreate_type type public.d"}},
        {"create_sequence", "", "CREATE SEQUENCE s;", {"create_sequence sequence public.s"}},
        {"drop_sequence", "CREATE SEQUENCE s;", "", {"drop_sequence sequence public.s"}},
        {"alter_sequence", "CREATE SEQUENCE s;", "CREATE SEQUENCE s INCREMENT 2;",
         {"alter_sequence sequence public.s"}},
        {"create_table", "", "CREATE TABLE t (a integer PRIMARY KEY);", {"create_table table public.t"}},
        {"drop_table", "CREATE TABLE t (a integer PRIMARY KEY);", "", {"drop_table table public.t"}},
        {"rename_table", "CREATE TABLE t (a integer);",
         "CREATE SCHEMA s;\n-- schemerge:renamed-from t\nCREATE TABLE u (a integer);", {"create_schema schema s", "rename_table table public.u [t]"}},
        {"alter_table", "CREATE TABLE t (a integer);", "CREATE UNLOGGED TABLE t (a integer);",
         {"alter_table table public.t"}},
        {"alter_table_rls", "CREATE TABLE t (a integer);",
         "CREATE TABLE t (a integer); ALTER TABLE t ENABLE ROW LEVEL SECURITY;", {"alter_table table public.t"}},
        {"add_column", "CREATE TABLE t (a integer);", "CREATE TABLE t (a integer, b text);",
         {"add_column column public.t.b"}},
        {"drop_column", "CREATE TABLE t (a integer, b text);", "CREATE TABLE t (a integer);",
         {"drop_column column public.t.b"}},
        {"rename_column", "CREATE TABLE t (a integer, b text);",
         "CREATE TABLE t (\n  a integer,\n  c text -- schemerge:renamed-from b\n);",
         {"rename_column column public.t.c [b]"}},
        {"alter_column_type", "CREATE TABLE t (a integer);", "CREATE TABLE t (a bigint);",
         {"alter_column_type column public.t.a"}},
        {"alter_column_collation", "CREATE TABLE t (a text);", "CREATE TABLE t (a text COLLATE \"C\");",
         {"alter_column_type column public.t.a"}},
        {"set_default", "CREATE TABLE t (a integer);", "CREATE TABLE t (a integer DEFAULT 1);",
         {"set_default column public.t.a"}},
        {"change_default", "CREATE TABLE t (a integer DEFAULT 2);", "CREATE TABLE t (a integer DEFAULT 1);",
         {"set_default column public.t.a"}},
        {"drop_default", "CREATE TABLE t (a integer DEFAULT 1);", "CREATE TABLE t (a integer);",
         {"drop_default column public.t.a"}},
        {"set_not_null", "CREATE TABLE t (a integer);", "CREATE TABLE t (a integer NOT NULL);",
         {"set_not_null column public.t.a"}},
        {"drop_not_null", "CREATE TABLE t (a integer NOT NULL);", "CREATE TABLE t (a integer);",
         {"drop_not_null column public.t.a"}},
        {"alter_identity", "CREATE TABLE t (a integer NOT NULL);",
         "CREATE TABLE t (a integer GENERATED ALWAYS AS IDENTITY);", {"alter_identity column public.t.a"}},
        {"alter_identity_kind", "CREATE TABLE t (a integer GENERATED BY DEFAULT AS IDENTITY);",
         "CREATE TABLE t (a integer GENERATED ALWAYS AS IDENTITY);", {"alter_identity column public.t.a"}},
        {"alter_generated", "CREATE TABLE t (a integer, b integer GENERATED ALWAYS AS (a + 1) STORED);",
         "CREATE TABLE t (a integer, b integer);", {"alter_generated column public.t.b"}},
        {"alter_column_options", "CREATE TABLE t (a integer);",
         "CREATE TABLE t (a integer); ALTER TABLE t ALTER COLUMN a SET STATISTICS 100;",
         {"alter_column_options column public.t.a"}},
        {"add_constraint", "CREATE TABLE t (a integer);", "CREATE TABLE t (a integer CHECK (a > 0));",
         {"add_constraint constraint public.t.t_a_check"}},
        {"drop_constraint", "CREATE TABLE t (a integer CHECK (a > 0));", "CREATE TABLE t (a integer);",
         {"drop_constraint constraint public.t.t_a_check"}},
        {"changed_constraint", "CREATE TABLE t (a integer CHECK (a > 0));",
         "CREATE TABLE t (a integer CHECK (a > 1));",
         {"add_constraint constraint public.t.t_a_check", "drop_constraint constraint public.t.t_a_check"}},
        {"validate_constraint",
         "CREATE TABLE t (a integer); ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;",
         "CREATE TABLE t (a integer); ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);",
         {"validate_constraint constraint public.t.c"}},
        {"valid_to_not_valid", "CREATE TABLE t (a integer); ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);",
         "CREATE TABLE t (a integer); ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;",
         {"add_constraint constraint public.t.c", "drop_constraint constraint public.t.c"}},
        {"rename_constraint", "CREATE TABLE t (a integer, CONSTRAINT c1 CHECK (a > 0));",
         "CREATE TABLE t (\n  a integer,\n  CONSTRAINT c2 CHECK (a > 0) -- schemerge:renamed-from c1\n);",
         {"rename_constraint constraint public.t.c2 [c1]"}},
        {"create_index", "CREATE TABLE t (a integer);", "CREATE TABLE t (a integer); CREATE INDEX i ON t (a);",
         {"create_index index public.i"}},
        {"drop_index", "CREATE TABLE t (a integer); CREATE INDEX i ON t (a);", "CREATE TABLE t (a integer);",
         {"drop_index index public.i"}},
        {"changed_index", "CREATE TABLE t (a integer, b integer); CREATE INDEX i ON t (a);",
         "CREATE TABLE t (a integer, b integer); CREATE INDEX i ON t (b);",
         {"create_index index public.i", "drop_index index public.i"}},
        {"alter_index_statistics", "CREATE TABLE t (a text); CREATE INDEX i ON t (lower(a));",
         "CREATE TABLE t (a text); CREATE INDEX i ON t (lower(a)); ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;",
         {"alter_index index public.i"}},
        {"index_statistics_and_definition", "CREATE TABLE t (a text); CREATE INDEX i ON t (lower(a));",
         "CREATE TABLE t (a text); CREATE INDEX i ON t (upper(a)); ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;",
         {"create_index index public.i", "drop_index index public.i"}},
        {"rename_index", "CREATE TABLE t (a integer); CREATE INDEX i ON t (a);",
         "CREATE TABLE t (a integer);\n-- schemerge:renamed-from i\nCREATE INDEX j ON t (a);",
         {"rename_index index public.j [i]"}},
        {"create_view", "CREATE TABLE t (a integer);", "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t;",
         {"create_view view public.v"}},
        {"drop_view", "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t;", "CREATE TABLE t (a integer);",
         {"drop_view view public.v"}},
        {"replace_view", "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t;",
         "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a, a + 1 AS b FROM t;", {"replace_view view public.v"}},
        {"replace_materialized_view", "CREATE TABLE t (a integer); CREATE MATERIALIZED VIEW v AS SELECT a FROM t;",
         "CREATE TABLE t (a integer); CREATE MATERIALIZED VIEW v AS SELECT a, 1 AS b FROM t;",
         {"replace_view materialized view public.v"}},
        {"view_to_materialized", "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t;",
         "CREATE TABLE t (a integer); CREATE MATERIALIZED VIEW v AS SELECT a FROM t;",
         {"create_view materialized view public.v", "drop_view view public.v"}},
        {"create_function", "", "CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';",
         {"create_function function public.f(integer)"}},
        {"drop_function", "CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';", "",
         {"drop_function function public.f(integer)"}},
        {"replace_function", "CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';",
         "CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + 1';",
         {"replace_function function public.f(integer)"}},
        {"create_trigger",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();",
         {"create_trigger trigger public.t.tr"}},
        {"drop_trigger",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';",
         {"drop_trigger trigger public.t.tr"}},
        {"changed_trigger",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION g();",
         {"create_trigger trigger public.t.tr", "drop_trigger trigger public.t.tr"}},
        {"alter_trigger_enabled",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();",
         "CREATE TABLE t (a integer); CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
         " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();"
         " ALTER TABLE t DISABLE TRIGGER tr;",
         {"alter_trigger_enabled trigger public.t.tr"}},
        {"create_policy", "CREATE TABLE t (a integer);",
         "CREATE TABLE t (a integer); CREATE POLICY p ON t USING (a > 0);", {"create_policy policy public.t.p"}},
        {"drop_policy", "CREATE TABLE t (a integer); CREATE POLICY p ON t USING (a > 0);",
         "CREATE TABLE t (a integer);", {"drop_policy policy public.t.p"}},
        {"alter_policy", "CREATE TABLE t (a integer); CREATE POLICY p ON t USING (a > 0);",
         "CREATE TABLE t (a integer); CREATE POLICY p ON t USING (a > 1);", {"alter_policy policy public.t.p"}},
        {"policy_command_changed", "CREATE TABLE t (a integer); CREATE POLICY p ON t USING (a > 0);",
         "CREATE TABLE t (a integer); CREATE POLICY p ON t FOR SELECT USING (a > 0);",
         {"create_policy policy public.t.p", "drop_policy policy public.t.p"}},
        {"create_text_search", "", "CREATE TEXT SEARCH CONFIGURATION c (COPY = pg_catalog.english);",
         {"create_text_search text search configuration public.c"}},
        {"drop_text_search", "CREATE TEXT SEARCH CONFIGURATION c (COPY = pg_catalog.english);", "",
         {"drop_text_search text search configuration public.c"}},
        {"set_privileges", "CREATE TABLE t (a integer); GRANT SELECT ON t TO app;",
         "CREATE TABLE t (a integer); GRANT SELECT (a) ON t TO app;", {"set_privileges table public.t"}},
        {"set_owner", "CREATE TABLE t (a integer); ALTER TABLE t OWNER TO app;",
         "CREATE TABLE t (a integer); ALTER TABLE t OWNER TO boss;", {"set_owner table public.t [boss]"}},
        {"set_default_privileges", "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app;",
         "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT ON TABLES TO app;",
         {"set_default_privileges default privileges in schema public on tables"}},
        {"set_comment_table", "CREATE TABLE t (a integer);",
         "CREATE TABLE t (a integer); COMMENT ON TABLE t IS 'x';", {"set_comment table public.t"}},
        {"set_comment_column", "CREATE TABLE t (a integer); COMMENT ON COLUMN t.a IS 'x';",
         "CREATE TABLE t (a integer); COMMENT ON COLUMN t.a IS 'y';", {"set_comment column public.t.a"}},
        {"remove_comment_constraint",
         "CREATE TABLE t (a integer CONSTRAINT c CHECK (a > 0)); COMMENT ON CONSTRAINT c ON t IS 'x';",
         "CREATE TABLE t (a integer CONSTRAINT c CHECK (a > 0));", {"set_comment constraint public.t.c"}},
        {"set_comment_function", "CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';",
         "CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1'; COMMENT ON FUNCTION f() IS 'x';",
         {"set_comment function public.f()"}},
        {"set_comment_schema", "CREATE SCHEMA s;", "CREATE SCHEMA s; COMMENT ON SCHEMA s IS 'x';",
         {"set_comment schema s"}},
        {"set_comment_view_column", "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t;",
         "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t; COMMENT ON COLUMN v.a IS 'x';",
         {"set_comment column public.v.a"}},
        {"create_opaque", "", "CREATE PUBLICATION p FOR ALL TABLES;",
         {"create_opaque statement CREATE PUBLICATION p FOR ALL TABLES"}},
        {"drop_opaque", "CREATE PUBLICATION p FOR ALL TABLES;", "",
         {"drop_opaque statement CREATE PUBLICATION p FOR ALL TABLES"}},
    };
    return k_rows;
}

class TwoWayDiffKinds : public ::testing::TestWithParam<Row> {};

TEST_P(TwoWayDiffKinds, ExactChanges) {
    const Row& row = GetParam();
    EXPECT_EQ(diff_sql(row.from, row.to), row.expected) << "from:\n" << row.from << "\nto:\n" << row.to;
}

INSTANTIATE_TEST_SUITE_P(AllKinds, TwoWayDiffKinds, ::testing::ValuesIn(rows()),
                         [](const ::testing::TestParamInfo<Row>& info) { return std::string(info.param.name); });

TEST(TwoWayDiff, EveryKindIsCovered) {
    std::vector<bool> seen(static_cast<std::size_t>(ChangeKind::drop_opaque) + 1, false);
    for (const auto& row : rows()) {
        for (const auto& line : row.expected) {
            std::string kind = line.substr(0, line.find(' '));
            for (std::size_t i = 0; i < seen.size(); ++i) {
                if (to_string(static_cast<ChangeKind>(i)) == kind) {
                    seen[i] = true;
                }
            }
        }
    }
    // PostgreSQL declares no attribute rows: set_attribute is covered on rows of its own
    // (attribute_row_test.cpp).
    seen[static_cast<std::size_t>(ChangeKind::set_attribute)] = true;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_TRUE(seen[i]) << "no row for " << to_string(static_cast<ChangeKind>(i));
    }
}


TEST(TwoWayDiff, IdenticalSchemasGiveNoChanges) {
    const std::string sql =
        "CREATE SCHEMA s; CREATE TYPE mood AS ENUM ('a', 'b'); CREATE SEQUENCE q;"
        " CREATE TABLE t (id serial PRIMARY KEY, m mood, note text DEFAULT 'x' NOT NULL);"
        " CREATE INDEX t_note ON t (note); CREATE VIEW v AS SELECT id FROM t;"
        " CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';"
        " COMMENT ON TABLE t IS 'c';";
    model::Schema a = schema_of(sql);
    model::Schema b = schema_of(sql);
    DiffResult result = diff(a, b);
    EXPECT_TRUE(result.changes.empty()) << ::testing::PrintToString(format(result.changes));
    EXPECT_TRUE(result.suggestions.empty());
}

TEST(TwoWayDiff, OwnersAndGrantsAreIgnored) {
    EXPECT_TRUE(diff_sql("CREATE TABLE t (a integer);",
                         "CREATE TABLE t (a integer); ALTER TABLE t OWNER TO bob; GRANT SELECT ON t TO carol;")
                    .empty());
}

// The same schema written by hand and by two pg_dump versions.
constexpr const char* k_handwritten =
    "CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n"
    "CREATE TABLE t (id serial PRIMARY KEY, a text);\n"
    "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();\n";

constexpr const char* k_pg_dump_15 =
    "SET statement_timeout = 0;\n"
    "SELECT pg_catalog.set_config('search_path', '', false);\n"
    "CREATE FUNCTION public.g() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $$BEGIN RETURN NEW; END$$;\n"
    "CREATE TABLE public.t (\n    id integer NOT NULL,\n    a text\n);\n"
    "CREATE SEQUENCE public.t_id_seq\n    AS integer\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n"
    "    NO MAXVALUE\n    CACHE 1;\n"
    "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;\n"
    "ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);\n"
    "ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n"
    "CREATE TRIGGER tr BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.g();\n";

constexpr const char* k_pg_dump_96 =
    "SET default_with_oids = false;\n"
    "CREATE FUNCTION public.g() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $$BEGIN RETURN NEW; END$$;\n"
    "CREATE TABLE public.t (\n    id integer NOT NULL,\n    a text\n);\n"
    "CREATE SEQUENCE public.t_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n"
    "    NO MAXVALUE\n    CACHE 1;\n"
    "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;\n"
    "ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);\n"
    "ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n"
    "CREATE TRIGGER tr BEFORE INSERT ON public.t FOR EACH ROW EXECUTE PROCEDURE public.g();\n";

TEST(TwoWayDiff, PgDumpNoiseGivesNoChanges) {
    EXPECT_EQ(diff_sql(k_handwritten, k_pg_dump_15), std::vector<std::string>{});
    EXPECT_EQ(diff_sql(k_pg_dump_15, k_handwritten), std::vector<std::string>{});
    EXPECT_EQ(diff_sql(k_pg_dump_15, k_pg_dump_96), std::vector<std::string>{});
    EXPECT_EQ(diff_sql(k_handwritten, k_pg_dump_96), std::vector<std::string>{});
}

TEST(TwoWayDiff, PlpgsqlExtensionIsAlwaysThere) {
    // pg_dump <= 10 wrote it, later versions omit it; every database has it.
    EXPECT_EQ(diff_sql("CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;", ""),
              std::vector<std::string>{});
    EXPECT_EQ(diff_sql("", "CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;"),
              std::vector<std::string>{});
}

TEST(TwoWayDiff, OwnedSequenceWithoutAsMatchesAnyAs) {
    const std::string old_dump =
        "CREATE TABLE n (id bigint NOT NULL); CREATE SEQUENCE n_id_seq START WITH 1 INCREMENT BY 1 CACHE 1;"
        " ALTER SEQUENCE n_id_seq OWNED BY n.id;";
    const std::string new_dump =
        "CREATE TABLE n (id bigint NOT NULL); CREATE SEQUENCE n_id_seq AS integer START WITH 1 INCREMENT BY 1"
        " CACHE 1; ALTER SEQUENCE n_id_seq OWNED BY n.id;";
    EXPECT_EQ(diff_sql(old_dump, new_dump), std::vector<std::string>{});
    // Without an owner, no AS means bigint: a real change.
    EXPECT_EQ(diff_sql("CREATE SEQUENCE s;", "CREATE SEQUENCE s AS integer;"),
              (std::vector<std::string>{"alter_sequence sequence public.s"}));
}

TEST(TwoWayDiff, RenamedColumnWithTypeChange) {
    EXPECT_EQ(diff_sql("CREATE TABLE t (a integer, b integer NOT NULL);",
                       "CREATE TABLE t (\n  a integer,\n  c bigint -- schemerge:renamed-from b\n);"),
              (std::vector<std::string>{"rename_column column public.t.c [b]", "alter_column_type column public.t.c",
                                        "drop_not_null column public.t.c"}));
}

TEST(TwoWayDiff, RenamedTableKeepsItsContentsAndDependents) {
    // The engine renames t_pkey? No: constraint names stay; the target's generated
    // name differs, so the constraint follows the table rename. Index, trigger and
    // policy on the table are unchanged objects.
    const std::string from =
        "CREATE TABLE t (id integer PRIMARY KEY, a text); CREATE INDEX t_a ON t (a);"
        " CREATE POLICY p ON t USING (a <> '');"
        " CREATE TABLE r (t_id integer REFERENCES t (id));";
    const std::string to =
        "CREATE SCHEMA unrelated;\n"
        "-- schemerge:renamed-from t\n"
        "CREATE TABLE u (id integer PRIMARY KEY, a text, b integer); CREATE INDEX t_a ON u (a);"
        " CREATE POLICY p ON u USING (a <> '');"
        " CREATE TABLE r (t_id integer CONSTRAINT r_t_id_fkey REFERENCES u (id));";
    EXPECT_EQ(diff_sql(from, to),
              (std::vector<std::string>{"create_schema schema unrelated", "rename_table table public.u [t]",
                                        "add_column column public.u.b",
                                        "rename_constraint constraint public.u.u_pkey [t_pkey]"}));
}

TEST(TwoWayDiff, RenamesFromOptions) {
    DiffOptions options;
    options.renames.push_back({model::ObjectKind::table, {}, "public", "t", "u"});
    options.renames.push_back({model::ObjectKind::column, {"public", "u"}, "public", "a", "b"});
    options.renames.push_back({model::ObjectKind::index, {}, "", "i", "j"});
    model::Schema a = pg().table("t").column("a", "integer").index("i", "t", {"a"}).build();
    model::Schema b = pg().table("u").column("b", "text").index("j", "u", {"b"}).build();
    EXPECT_EQ(format(diff(a, b, options).changes),
              (std::vector<std::string>{"rename_table table public.u [t]", "rename_column column public.u.b [a]",
                                        "alter_column_type column public.u.b", "rename_index index public.j [i]"}));
}

TEST(TwoWayDiff, ColumnHintMayNameTheOldTable) {
    DiffOptions options;
    options.renames.push_back({model::ObjectKind::table, {}, "public", "t", "u"});
    options.renames.push_back({model::ObjectKind::column, {"public", "t"}, "public", "a", "b"});
    model::Schema a = pg().table("t").column("a", "integer").build();
    model::Schema b = pg().table("u").column("b", "integer").build();
    EXPECT_EQ(format(diff(a, b, options).changes),
              (std::vector<std::string>{"rename_table table public.u [t]", "rename_column column public.u.b [a]"}));
}

TEST(TwoWayDiff, RenameHintWithUnknownOldNameIsANote) {
    DiffOptions options;
    options.renames.push_back({model::ObjectKind::table, {}, "public", "nope", "u"});
    model::Schema a = pg().table("t").column("a", "integer").build();
    model::Schema b = pg().table("u").column("a", "integer").build();
    DiffResult result = diff(a, b, options);
    EXPECT_EQ(format(result.changes),
              (std::vector<std::string>{"create_table table public.u", "drop_table table public.t"}));
    ASSERT_EQ(result.suggestions.size(), 2U);
    EXPECT_EQ(result.suggestions[0].reason, "rename hint: old name not found");
    EXPECT_EQ(result.suggestions[0].from, "nope");
    EXPECT_TRUE(is_rejected_hint(result.suggestions[0]));
    EXPECT_FALSE(is_rejected_hint(result.suggestions[1]));
    // The likely rename is still suggested.
    EXPECT_EQ(result.suggestions[1].reason, "same columns and constraints");
    EXPECT_EQ(result.suggestions[1].from, "t");
    EXPECT_EQ(result.suggestions[1].to, "u");
}

TEST(TwoWayDiff, AppliedAnnotationIsSilent) {
    // The annotation stays in the file after the rename shipped: nothing to do.
    const std::string sql = "CREATE SCHEMA s;\n-- schemerge:renamed-from t\nCREATE TABLE u (a integer);";
    model::Schema a = schema_of(sql);
    model::Schema b = schema_of(sql);
    DiffResult result = diff(a, b);
    EXPECT_TRUE(result.changes.empty());
    EXPECT_TRUE(result.suggestions.empty());
}

TEST(TwoWayDiff, HandBuiltModelRenamedFrom) {
    model::Schema a = pg().table("t").column("a", "integer").build();
    model::Schema b = pg().table("u").renamed_from("t").column("b", "integer").renamed_from("a").build();
    EXPECT_EQ(format(diff(a, b).changes),
              (std::vector<std::string>{"rename_table table public.u [t]", "rename_column column public.u.b [a]"}));
}

TEST(TwoWayDiff, SuggestsLikelyRenamesWithoutApplyingThem) {
    model::Schema a = schema_of("CREATE TABLE t (id integer PRIMARY KEY, a text NOT NULL, z integer);"
                                " CREATE TABLE old_name (x integer, CHECK (x > 0));");
    model::Schema b = schema_of("CREATE TABLE t (id integer PRIMARY KEY, b text NOT NULL, z bigint);"
                                " CREATE TABLE new_name (x integer, CHECK (x > 0));");
    DiffResult result = diff(a, b);
    EXPECT_EQ(format(result.changes),
              (std::vector<std::string>{"create_table table public.new_name", "drop_table table public.old_name",
                                        "add_column column public.t.b", "drop_column column public.t.a",
                                        "alter_column_type column public.t.z"}));
    ASSERT_EQ(result.suggestions.size(), 2U);
    EXPECT_EQ(result.suggestions[0].kind, model::ObjectKind::table);
    EXPECT_EQ(result.suggestions[0].from, "old_name");
    EXPECT_EQ(result.suggestions[0].to, "new_name");
    EXPECT_EQ(result.suggestions[1].kind, model::ObjectKind::column);
    EXPECT_EQ(result.suggestions[1].table, (model::QualifiedName{"public", "t"}));
    EXPECT_EQ(result.suggestions[1].from, "a");
    EXPECT_EQ(result.suggestions[1].to, "b");
}

TEST(TwoWayDiff, DifferentShapesAreNotSuggested) {
    model::Schema a = schema_of("CREATE TABLE t (a text NOT NULL);");
    model::Schema b = schema_of("CREATE TABLE t (b text);");
    EXPECT_TRUE(diff(a, b).suggestions.empty());
}

TEST(TwoWayDiff, OverloadsAreDistinctObjects) {
    model::Schema from = pg().function("f", {"integer"}, "integer", "SELECT x")
                             .function("f", {"text"}, "text", "SELECT x")
                             .build();
    model::Schema to = pg().function("f", {"integer"}, "integer", "SELECT x + 1")
                           .function("f", {"text"}, "text", "SELECT x")
                           .function("f", {"integer", "integer"}, "integer", "SELECT x")
                           .build();
    EXPECT_EQ(format(diff(from, to).changes),
              (std::vector<std::string>{"create_function function public.f(integer, integer)",
                                        "replace_function function public.f(integer)"}));
}

TEST(TwoWayDiff, SignatureChangeIsDropAndCreate) {
    EXPECT_EQ(format(diff(pg().function("f", {"integer"}, "integer", "SELECT x").build(),
                          pg().function("f", {"bigint"}, "integer", "SELECT 1").build())
                         .changes),
              (std::vector<std::string>{"create_function function public.f(bigint)",
                                        "drop_function function public.f(integer)"}));
}

TEST(TwoWayDiff, ReturnTypeChangeIsAReplace) {
    // Same identity; the planner sees before/after and chooses drop + create.
    EXPECT_EQ(diff_sql("CREATE FUNCTION f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x';",
                       "CREATE FUNCTION f(x integer) RETURNS bigint LANGUAGE sql AS 'SELECT x';"),
              (std::vector<std::string>{"replace_function function public.f(integer)"}));
}

struct EnumRow {
    const char* name;
    const char* from;
    const char* to;
    std::vector<std::string> expected;
};

class TwoWayDiffEnums : public ::testing::TestWithParam<EnumRow> {};

TEST_P(TwoWayDiffEnums, Labels) {
    const EnumRow& row = GetParam();
    EXPECT_EQ(diff_sql(std::string("CREATE TYPE e AS ENUM (") + row.from + ");",
                       std::string("CREATE TYPE e AS ENUM (") + row.to + ");"),
              row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Enums, TwoWayDiffEnums,
    ::testing::Values(
        EnumRow{"append", "'a', 'b'", "'a', 'b', 'c', 'd'",
                {"add_enum_value type public.e <c>", "add_enum_value type public.e <d>"}},
        EnumRow{"insert_middle", "'a', 'c'", "'a', 'b', 'x', 'c'",
                {"add_enum_value type public.e <b> [AFTER 'a']", "add_enum_value type public.e <x> [AFTER 'b']"}},
        EnumRow{"insert_front", "'c'", "'a', 'b', 'c'",
                {"add_enum_value type public.e <a> [BEFORE 'c']", "add_enum_value type public.e <b> [AFTER 'a']"}},
        EnumRow{"insert_and_append", "'a', 'c'", "'a', 'b', 'c', 'd'",
                {"add_enum_value type public.e <b> [AFTER 'a']", "add_enum_value type public.e <d>"}},
        EnumRow{"quote_in_label", "'a', 'c'", "'a', 'it''s', 'c'",
                {"add_enum_value type public.e <it's> [AFTER 'a']"}},
        EnumRow{"quoted_neighbour", "'it''s', 'c'", "'it''s', 'b', 'c'",
                {"add_enum_value type public.e <b> [AFTER 'it''s']"}},
        EnumRow{"remove", "'a', 'b', 'c'", "'a', 'c'", {"recreate_type type public.e"}},
        EnumRow{"reorder", "'a', 'b'", "'b', 'a'", {"recreate_type type public.e"}},
        EnumRow{"rename_label", "'a', 'b'", "'a', 'z'", {"recreate_type type public.e"}},
        EnumRow{"same", "'a', 'b'", "'a', 'b'", {}}),
    [](const ::testing::TestParamInfo<EnumRow>& info) { return std::string(info.param.name); });

TEST(TwoWayDiff, OrderIsByKindThenKey) {
    model::Schema from = pg().table("b").column("x", "integer").table("a").column("x", "integer").build();
    model::Schema to = pg().table("b").column("x", "integer").column("z", "integer").column("y", "integer")
                           .table("a").column("x", "bigint")
                           .table("d").column("x", "integer")
                           .table("c").column("x", "integer")
                           .build();
    EXPECT_EQ(format(diff(from, to).changes),
              (std::vector<std::string>{"create_table table public.c", "create_table table public.d",
                                        // added columns keep declaration order within their table
                                        "add_column column public.b.z", "add_column column public.b.y",
                                        "alter_column_type column public.a.x"}));
}

TEST(TwoWayDiff, OpaqueStatementsKeepSourceOrder) {
    EXPECT_EQ(diff_sql("", "CREATE PUBLICATION z FOR ALL TABLES; CREATE PUBLICATION a FOR ALL TABLES;"),
              (std::vector<std::string>{"create_opaque statement CREATE PUBLICATION z FOR ALL TABLES",
                                        "create_opaque statement CREATE PUBLICATION a FOR ALL TABLES"}));
}

TEST(TwoWayDiff, ChangesPointIntoBothSchemas) {
    model::Schema a = pg().table("t").column("a", "integer").build();
    model::Schema b = pg().table("t").column("a", "bigint").build();
    DiffResult result = diff(a, b);
    ASSERT_EQ(result.changes.changes.size(), 1U);
    const Change& change = result.changes.changes[0];
    EXPECT_EQ(std::get<const model::Column*>(change.before), &a.tables.at({"public", "t"}).columns[0]);
    EXPECT_EQ(std::get<const model::Column*>(change.after), &b.tables.at({"public", "t"}).columns[0]);
}

TEST(TwoWayDiff, CommentOnlyChangeIsNotAReplace) {
    EXPECT_EQ(diff_sql("CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t;",
                       "CREATE TABLE t (a integer); CREATE VIEW v AS SELECT a FROM t; COMMENT ON VIEW v IS 'x';"),
              (std::vector<std::string>{"set_comment view public.v"}));
    EXPECT_EQ(diff_sql("CREATE TYPE e AS ENUM ('a');", "CREATE TYPE e AS ENUM ('a'); COMMENT ON TYPE e IS 'x';"),
              (std::vector<std::string>{"set_comment type public.e"}));
}

TEST(TwoWayDiff, Describe) {
    Change add{ChangeKind::add_column, {model::ObjectKind::column, "public", "note", "orders", ""}, {}, {}, ""};
    EXPECT_EQ(add.describe(), "add column public.orders.note");
    Change create{ChangeKind::create_table, {model::ObjectKind::table, "public", "t", "", ""}, {}, {}, ""};
    EXPECT_EQ(create.describe(), "create table public.t");
    Change rename{ChangeKind::rename_column, {model::ObjectKind::column, "public", "c", "t", ""}, {}, {}, "b"};
    EXPECT_EQ(rename.describe(), "rename column public.t.c (was b)");
    Change value{ChangeKind::add_enum_value, {model::ObjectKind::type, "public", "e", "", "x"}, {}, {}, "",
                 EnumPosition{EnumPosition::Place::after, "a"}};
    EXPECT_EQ(value.describe(), "add value 'x' to type public.e AFTER 'a'");
    Change fn{ChangeKind::replace_function, {model::ObjectKind::function, "public", "f", "", "integer"}, {}, {}, ""};
    EXPECT_EQ(fn.describe(), "replace function public.f(integer)");
    Change type{ChangeKind::alter_column_type, {model::ObjectKind::column, "public", "c", "t", ""}, {}, {}, ""};
    EXPECT_EQ(type.describe(), "alter type of column public.t.c");
    EXPECT_EQ(to_string(ChangeKind::set_not_null), "set_not_null");
}

}  // namespace
}  // namespace schemerge::diff
