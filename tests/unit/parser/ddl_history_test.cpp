// Statements are applied in order like a migration history: later statements
// change, rename and drop what earlier ones created.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;

std::vector<std::string> column_names(const Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) {
        out.push_back(c.name);
    }
    return out;
}

TEST(DdlHistory, AlterTableColumnCommands) {
    auto s = schema_of(
        "CREATE TABLE t (a int, b text, c int DEFAULT 1, d int);"
        " ALTER TABLE t ADD COLUMN e bigint NOT NULL DEFAULT 0;"
        " ALTER TABLE t DROP COLUMN b;"
        " ALTER TABLE t ALTER COLUMN a TYPE bigint;"
        " ALTER TABLE t ALTER COLUMN a SET DEFAULT 7;"
        " ALTER TABLE t ALTER COLUMN c DROP DEFAULT;"
        " ALTER TABLE t ALTER COLUMN d SET NOT NULL;"
        " ALTER TABLE t RENAME COLUMN d TO dd;"
        " ALTER TABLE t RENAME TO t2;");
    EXPECT_FALSE(s.tables.contains(pub("t")));
    ASSERT_TRUE(s.tables.contains(pub("t2")));
    const auto& t = s.tables.at(pub("t2"));
    EXPECT_EQ(t.name, pub("t2"));
    EXPECT_EQ(column_names(t), (std::vector<std::string>{"a", "c", "dd", "e"}));
    EXPECT_EQ(t.find_column("a")->type.name.name, "bigint");
    ASSERT_TRUE(t.find_column("a")->default_value.has_value());
    EXPECT_EQ(t.find_column("a")->default_value->text, "7");
    EXPECT_FALSE(t.find_column("c")->default_value.has_value());
    EXPECT_TRUE(t.find_column("dd")->not_null);
    EXPECT_TRUE(t.find_column("e")->not_null);
    EXPECT_EQ(t.find_column("e")->type.name.name, "bigint");

    // The result equals the table written directly.
    auto direct = schema_of("CREATE TABLE t2 (a bigint DEFAULT 7, c int, dd int NOT NULL, e bigint NOT NULL DEFAULT 0);");
    EXPECT_TRUE(s == direct);
    EXPECT_EQ(synth::postgres::emit_schema(s), synth::postgres::emit_schema(direct));
}

TEST(DdlHistory, DropNotNullAndRenameConstraint) {
    auto s = schema_of(
        "CREATE TABLE t (a int NOT NULL, CONSTRAINT c1 CHECK (a > 0));"
        " ALTER TABLE t ALTER COLUMN a DROP NOT NULL;"
        " ALTER TABLE t RENAME CONSTRAINT c1 TO c2;"
        " ALTER TABLE t DROP CONSTRAINT IF EXISTS nope;");
    const auto& t = s.tables.at(pub("t"));
    EXPECT_FALSE(t.find_column("a")->not_null);
    EXPECT_EQ(t.find_constraint("c1"), nullptr);
    ASSERT_NE(t.find_constraint("c2"), nullptr);
}

TEST(DdlHistory, RenamedColumnIsRenamedInConstraintsAndIndexes) {
    auto s = schema_of(
        "CREATE TABLE t (a int PRIMARY KEY); CREATE INDEX ti ON t (a);"
        " ALTER TABLE t RENAME COLUMN a TO b;");
    const auto& t = s.tables.at(pub("t"));
    ASSERT_NE(t.find_constraint("t_pkey"), nullptr);
    EXPECT_EQ(t.find_constraint("t_pkey")->columns, (std::vector<std::string>{"b"}));
    EXPECT_EQ(s.indexes.at(pub("ti")).elements.at(0).column, "b");
}

TEST(DdlHistory, DropTableCascadeRemovesDependents) {
    auto s = schema_of(
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int, p_id int REFERENCES p);"
        " CREATE VIEW pv AS SELECT id FROM p;"
        " DROP TABLE p CASCADE;");
    EXPECT_FALSE(s.tables.contains(pub("p")));
    EXPECT_FALSE(s.views.contains(pub("pv")));
    ASSERT_TRUE(s.tables.contains(pub("c")));
    EXPECT_EQ(s.tables.at(pub("c")).find_constraint("c_p_id_fkey"), nullptr);
    EXPECT_TRUE(s == schema_of("CREATE TABLE c (id int, p_id int);"));
}

TEST(DdlHistory, DropTableWithDependentsWithoutCascadeIsAnError) {
    auto r = try_load("CREATE TABLE p (id int); CREATE VIEW pv AS SELECT id FROM p;\nDROP TABLE p;");
    ASSERT_FALSE(r.has_value());
    const auto& d = r.error().diagnostics.at(0);
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.location.line, 2U);
    EXPECT_NE(d.message.find("pv"), std::string::npos) << d.message;
}

TEST(DdlHistory, DropTableDropsItsIndexesTriggersPoliciesAndOwnedSequences) {
    auto s = schema_of(
        "CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
        " CREATE TABLE t (id serial, a int); CREATE INDEX ti ON t (a);"
        " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();"
        " CREATE POLICY po ON t USING (true);"
        " DROP TABLE t;");
    EXPECT_TRUE(s.tables.empty());
    EXPECT_TRUE(s.indexes.empty());
    EXPECT_TRUE(s.triggers.empty());
    EXPECT_TRUE(s.policies.empty());
    EXPECT_TRUE(s.sequences.empty());
    EXPECT_EQ(s.functions.size(), 1U);
}

TEST(DdlHistory, CreateOrReplaceView) {
    auto s = schema_of(
        "CREATE TABLE t (a int, b int); CREATE VIEW v AS SELECT a FROM t;"
        " CREATE OR REPLACE VIEW v AS SELECT a, b FROM t;");
    EXPECT_EQ(s.views.size(), 1U);
    EXPECT_TRUE(s == schema_of("CREATE TABLE t (a int, b int); CREATE VIEW v AS SELECT a, b FROM t;"));
}

TEST(DdlHistory, SearchPathDecidesTheSchemaOfUnqualifiedNames) {
    auto s = schema_of(
        "CREATE SCHEMA other; SET search_path = other, public;"
        " CREATE TABLE t (a int); CREATE TYPE e AS ENUM ('x'); CREATE TABLE u (x e);"
        " SET search_path = public; CREATE TABLE t (a int);");
    EXPECT_TRUE(s.tables.contains({"other", "t"}));
    EXPECT_TRUE(s.tables.contains(pub("t")));
    EXPECT_TRUE(s.types.contains({"other", "e"}));
    EXPECT_EQ(s.tables.at({"other", "u"}).columns.at(0).type.name, (QualifiedName{"other", "e"}));

    // pg_dump's empty search_path: every name is qualified.
    auto dumped = schema_of("SELECT pg_catalog.set_config('search_path', '', false); CREATE TABLE public.t (a int);");
    EXPECT_TRUE(dumped.tables.contains(pub("t")));
}

TEST(DdlHistory, AlterTypeAddAndRenameValue) {
    auto s = schema_of(
        "CREATE TYPE e AS ENUM ('b', 'd');"
        " ALTER TYPE e ADD VALUE 'a' BEFORE 'b';"
        " ALTER TYPE e ADD VALUE 'c' AFTER 'b';"
        " ALTER TYPE e ADD VALUE IF NOT EXISTS 'e';"
        " ALTER TYPE e ADD VALUE IF NOT EXISTS 'a';"
        " ALTER TYPE e RENAME VALUE 'd' TO 'dd';");
    EXPECT_EQ(s.types.at(pub("e")).enum_labels, (std::vector<std::string>{"a", "b", "c", "dd", "e"}));
}

TEST(DdlHistory, RenameAndSetSchemaOfObjects) {
    auto s = schema_of(
        "CREATE SCHEMA other; CREATE TABLE t (a int); ALTER TABLE t SET SCHEMA other;"
        " CREATE SEQUENCE s; ALTER SEQUENCE s RENAME TO s2;"
        " CREATE TABLE x (a int); CREATE INDEX xi ON x (a); ALTER INDEX xi RENAME TO xi2;");
    EXPECT_TRUE(s.tables.contains({"other", "t"}));
    EXPECT_FALSE(s.tables.contains(pub("t")));
    EXPECT_TRUE(s.sequences.contains(pub("s2")));
    EXPECT_TRUE(s.indexes.contains(pub("xi2")));
    EXPECT_FALSE(s.indexes.contains(pub("xi")));
}

TEST(DdlHistory, SkippedStatementsAreCounted) {
    auto r = load_ok(
        "SET statement_timeout = 0;\n"
        "BEGIN;\n"
        "SELECT pg_catalog.set_config('search_path', '', false);\n"
        "CREATE TABLE public.t (a int);\n"
        "INSERT INTO public.t VALUES (1);\n"
        "COPY public.t (a) FROM stdin;\n"
        "1\n"
        "2\n"
        "\\.\n"
        "SELECT pg_catalog.setval('public.s', 1, false);\n"
        "COMMIT;\n");
    EXPECT_EQ(r.schema.tables.size(), 1U);
    EXPECT_EQ(r.stats.applied, 1U);
    EXPECT_EQ(r.stats.statements, 8U);
    EXPECT_EQ(r.stats.skipped, 7U);
    EXPECT_EQ(r.stats.unsupported, 0U);
    EXPECT_EQ(r.stats.meta_commands, 0U);
    for (const auto& d : r.diagnostics) {
        EXPECT_NE(d.severity, Severity::warning) << d.render();
    }
}

TEST(DdlHistory, PsqlMetaCommandsAreRemovedWithANote) {
    auto r = load_ok(
        "\\restrict abc123\n"
        "CREATE TABLE t (a int);\n"
        "\\connect other\n"
        "CREATE TABLE u (a int);\n"
        "\\unrestrict abc123\n");
    EXPECT_EQ(r.schema.tables.size(), 2U);
    EXPECT_EQ(r.stats.meta_commands, 3U);
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].severity, Severity::note);
    EXPECT_EQ(r.diagnostics[0].location.line, 1U);
    EXPECT_EQ(r.diagnostics[0].location.column, 1U);
    EXPECT_NE(r.diagnostics[0].message.find("meta-command"), std::string::npos) << r.diagnostics[0].message;
}

TEST(DdlHistory, UnsupportedStatementsWarnAndAreKeptVerbatim) {
    auto r = load_ok(
        "CREATE FUNCTION ev() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;\n"
        "CREATE TABLE t (a int);\n"
        "  CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION ev();\n"
        "CREATE PUBLICATION pub FOR TABLE t;\n");
    EXPECT_EQ(r.stats.unsupported, 2U);
    ASSERT_EQ(r.schema.opaque.size(), 2U);
    EXPECT_EQ(r.schema.opaque[0].statement_kind, "CreateEventTrigStmt");
    EXPECT_NE(r.schema.opaque[0].sql.find("CREATE EVENT TRIGGER et"), std::string::npos) << r.schema.opaque[0].sql;
    EXPECT_FALSE(r.schema.opaque[0].sql.ends_with(";"));
    EXPECT_NE(r.schema.opaque[1].sql.find("PUBLICATION"), std::string::npos);
    std::vector<const Diagnostic*> warnings;
    for (const auto& d : r.diagnostics) {
        if (d.severity == Severity::warning) {
            warnings.push_back(&d);
        }
    }
    ASSERT_EQ(warnings.size(), 2U);
    EXPECT_EQ(*warnings[0]->location.file, "t.sql");
    EXPECT_EQ(warnings[0]->location.line, 3U);
    EXPECT_EQ(warnings[0]->location.column, 3U);
    EXPECT_EQ(warnings[1]->location.line, 4U);
    EXPECT_EQ(warnings[1]->location.column, 1U);
    // The dump keeps them, in order, at the end.
    std::string dumped = synth::postgres::emit_schema(r.schema);
    auto ev = dumped.find("CREATE EVENT TRIGGER");
    auto pubn = dumped.find("CREATE PUBLICATION");
    ASSERT_NE(ev, std::string::npos);
    ASSERT_NE(pubn, std::string::npos);
    EXPECT_LT(ev, pubn);
    EXPECT_GT(ev, dumped.find("CREATE TABLE public.t"));
}

TEST(DdlHistory, UnsupportedStatementsAreErrorsWhenStrict) {
    parser::LoadOptions strict;
    strict.unsupported = parser::UnsupportedPolicy::error;
    auto r = try_load("CREATE TABLE t (a int);\nCREATE PUBLICATION pub FOR TABLE t;\n", strict);
    ASSERT_FALSE(r.has_value());
    const auto& d = r.error().diagnostics.at(0);
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.location.line, 2U);
    EXPECT_EQ(d.location.column, 1U);
}

TEST(DdlHistory, SameStatementTwiceInTwoFilesParsesOnce) {
    auto r = parser::postgres::load({parser::make_source("a.sql", "CREATE TABLE t (a int);"),
                                     parser::make_source("b.sql", "CREATE TABLE u (a int); CREATE INDEX i ON u (a);"),
                                     parser::make_source("c.sql", "DROP INDEX i; CREATE INDEX i ON u (a);")});
    ASSERT_TRUE(r.has_value()) << r.error().render();
    EXPECT_EQ(r->stats.statements, 5U);
    EXPECT_EQ(r->stats.distinct_parsed, 4U);
    EXPECT_EQ(r->schema.indexes.size(), 1U);
    EXPECT_EQ(*r->schema.tables.at(pub("u")).meta.location.file, "b.sql");
}

TEST(DdlHistory, ThreadedParseGivesTheSameSchema) {
    std::string sql;
    for (int i = 0; i < 300; ++i) {
        sql += "CREATE TABLE t" + std::to_string(i) + " (id int PRIMARY KEY, v text DEFAULT 'x');\n";
    }
    parser::LoadOptions one;
    one.threads = 1;
    parser::LoadOptions four;
    four.threads = 4;
    auto a = load_ok(sql, one);
    auto b = load_ok(sql, four);
    EXPECT_EQ(a.schema.tables.size(), 300U);
    EXPECT_TRUE(a.schema == b.schema);
}

}  // namespace
}  // namespace schemerge::test
