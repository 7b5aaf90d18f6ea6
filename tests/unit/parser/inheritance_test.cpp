// Table inheritance in the PostgreSQL front end: inherited columns and CHECKs
// materialized on children, merged with their own, ALTER TABLE [ONLY] reaching them,
// INHERIT / NO INHERIT, the errors PostgreSQL gives, and pg_dump's shape in the dump.
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

TEST(Inheritance, IssueReproductionLoads) {
    auto s = schema_of(
        "CREATE TABLE p (id integer NOT NULL, a integer);\n"
        "CREATE TABLE c (CONSTRAINT c_chk CHECK (a > 0)) INHERITS (p);\n"
        "ALTER TABLE ONLY c ALTER COLUMN id SET DEFAULT 1;\n");
    const auto& c = s.tables.at(pub("c"));
    EXPECT_EQ(column_names(c), (std::vector<std::string>{"id", "a"}));
    ASSERT_NE(c.find_column("id"), nullptr);
    EXPECT_FALSE(c.find_column("id")->is_local);
    EXPECT_TRUE(c.find_column("id")->not_null);
    ASSERT_TRUE(c.find_column("id")->default_value);
    EXPECT_EQ(c.find_column("id")->default_value->text, "1");
    // ONLY: the parent keeps no default.
    EXPECT_FALSE(s.tables.at(pub("p")).find_column("id")->default_value);
    ASSERT_NE(c.find_constraint("c_chk"), nullptr);
    EXPECT_TRUE(c.find_constraint("c_chk")->is_local);
}

TEST(Inheritance, MultipleParentsMergeColumnsAndChecks) {
    auto s = schema_of(
        "CREATE TABLE p (id integer NOT NULL, a integer, b text DEFAULT 'x',"
        "  CONSTRAINT p_a_check CHECK (a > 0), CONSTRAINT p_ni CHECK (id > 0) NO INHERIT);"
        "CREATE TABLE q (id integer, z integer NOT NULL);"
        "CREATE TABLE d (a integer NOT NULL DEFAULT 5, own text, CONSTRAINT p_a_check CHECK (a > 0))"
        "  INHERITS (p, q);");
    const auto& d = s.tables.at(pub("d"));
    EXPECT_EQ(d.inherits, (std::vector<QualifiedName>{pub("p"), pub("q")}));
    // Inherited first (parent order, merged by name), then the child's own.
    EXPECT_EQ(column_names(d), (std::vector<std::string>{"id", "a", "b", "z", "own"}));
    EXPECT_FALSE(d.find_column("id")->is_local);
    EXPECT_TRUE(d.find_column("id")->not_null);
    EXPECT_TRUE(d.find_column("a")->is_local);
    EXPECT_TRUE(d.find_column("a")->not_null);
    EXPECT_EQ(d.find_column("a")->default_value->text, "5");
    EXPECT_EQ(d.find_column("b")->default_value->text, "'x'");
    EXPECT_TRUE(d.find_column("z")->not_null);
    EXPECT_TRUE(d.find_column("own")->is_local);
    ASSERT_NE(d.find_constraint("p_a_check"), nullptr);
    EXPECT_TRUE(d.find_constraint("p_a_check")->is_local);  // declared too: merged
    EXPECT_EQ(d.find_constraint("p_ni"), nullptr);          // NO INHERIT stays on p
}

TEST(Inheritance, AlterTableReachesChildrenUnlessOnly) {
    auto s = schema_of(
        "CREATE TABLE p (id integer, a integer);"
        "CREATE TABLE c (x int) INHERITS (p);"
        "CREATE TABLE g () INHERITS (c);"
        "CREATE TABLE l (e text) INHERITS (p);"
        "ALTER TABLE p ADD COLUMN e text DEFAULT 'e';"
        "ALTER TABLE p ALTER COLUMN a SET DEFAULT 7;"
        "ALTER TABLE ONLY p ALTER COLUMN id SET DEFAULT 1;"
        "ALTER TABLE p ALTER COLUMN id SET NOT NULL;"
        "ALTER TABLE p ALTER COLUMN a TYPE bigint;"
        "ALTER TABLE p ADD CONSTRAINT pos CHECK (a > 0);"
        "ALTER TABLE p ADD CONSTRAINT only_p CHECK (a < 100) NO INHERIT;");
    for (const char* name : {"c", "g"}) {
        SCOPED_TRACE(name);
        const auto& t = s.tables.at(pub(name));
        ASSERT_NE(t.find_column("e"), nullptr);
        EXPECT_FALSE(t.find_column("e")->is_local);
        EXPECT_EQ(t.find_column("e")->default_value->text, "'e'");
        EXPECT_EQ(t.find_column("a")->default_value->text, "7");
        EXPECT_FALSE(t.find_column("id")->default_value);
        EXPECT_TRUE(t.find_column("id")->not_null);
        EXPECT_EQ(t.find_column("a")->type.name.name, "bigint");
        ASSERT_NE(t.find_constraint("pos"), nullptr);
        EXPECT_FALSE(t.find_constraint("pos")->is_local);
        EXPECT_EQ(t.find_constraint("only_p"), nullptr);
    }
    // l declared e itself: merged, keeps its own (no default), stays local.
    const auto& l = s.tables.at(pub("l"));
    EXPECT_TRUE(l.find_column("e")->is_local);
    EXPECT_FALSE(l.find_column("e")->default_value);
}

TEST(Inheritance, DropColumnAndConstraintThroughParent) {
    auto s = schema_of(
        "CREATE TABLE p (id integer, a integer, b integer, CONSTRAINT k CHECK (id > 0));"
        "CREATE TABLE c (b integer) INHERITS (p);"
        "CREATE TABLE c2 () INHERITS (p);"
        "ALTER TABLE p DROP COLUMN a;"
        "ALTER TABLE p DROP COLUMN b;"
        "ALTER TABLE ONLY p DROP CONSTRAINT k;");
    const auto& c = s.tables.at(pub("c"));
    EXPECT_EQ(c.find_column("a"), nullptr);  // only inherited: gone
    ASSERT_NE(c.find_column("b"), nullptr);  // declared too: stays, its own
    EXPECT_TRUE(c.find_column("b")->is_local);
    EXPECT_EQ(s.tables.at(pub("c2")).find_column("b"), nullptr);
    ASSERT_NE(c.find_constraint("k"), nullptr);  // ONLY: the children keep it as theirs
    EXPECT_TRUE(c.find_constraint("k")->is_local);
}

TEST(Inheritance, OnlyDropColumnLeavesChildrenTheirOwn) {
    auto s = schema_of(
        "CREATE TABLE p (id integer, a integer);"
        "CREATE TABLE c () INHERITS (p);"
        "ALTER TABLE ONLY p DROP COLUMN a;");
    ASSERT_NE(s.tables.at(pub("c")).find_column("a"), nullptr);
    EXPECT_TRUE(s.tables.at(pub("c")).find_column("a")->is_local);
}

TEST(Inheritance, RenameColumnReachesChildren) {
    auto s = schema_of(
        "CREATE TABLE p (id integer, a integer);"
        "CREATE TABLE c () INHERITS (p);"
        "CREATE TABLE g (a2 int) INHERITS (c);"
        "ALTER TABLE p RENAME COLUMN a TO b;");
    for (const char* name : {"p", "c", "g"}) {
        SCOPED_TRACE(name);
        EXPECT_EQ(s.tables.at(pub(name)).find_column("a"), nullptr);
        EXPECT_NE(s.tables.at(pub(name)).find_column("b"), nullptr);
    }
}

TEST(Inheritance, InheritAndNoInherit) {
    auto s = schema_of(
        "CREATE TABLE p (id integer NOT NULL, CONSTRAINT k CHECK (id > 0));"
        "CREATE TABLE e (id integer NOT NULL, x int, CONSTRAINT k CHECK (id > 0));"
        "CREATE TABLE f () INHERITS (p);"
        "ALTER TABLE e INHERIT p;"
        "ALTER TABLE f NO INHERIT p;");
    const auto& e = s.tables.at(pub("e"));
    EXPECT_EQ(e.inherits, (std::vector<QualifiedName>{pub("p")}));
    EXPECT_TRUE(e.find_column("id")->is_local);
    EXPECT_TRUE(e.find_constraint("k")->is_local);
    const auto& f = s.tables.at(pub("f"));
    EXPECT_TRUE(f.inherits.empty());
    ASSERT_NE(f.find_column("id"), nullptr);
    EXPECT_TRUE(f.find_column("id")->is_local);
    ASSERT_NE(f.find_constraint("k"), nullptr);
    EXPECT_TRUE(f.find_constraint("k")->is_local);
}

TEST(Inheritance, DumpKeepsEachChildsOwnDefinition) {
    std::string out = dump(
        "CREATE TABLE p (id integer NOT NULL, a integer, b text DEFAULT 'x', CONSTRAINT p_a_check CHECK (a > 0));"
        "CREATE TABLE c (CONSTRAINT c_chk CHECK (a > 0)) INHERITS (p);"
        "CREATE TABLE d (a integer NOT NULL DEFAULT 5, own text, CONSTRAINT p_a_check CHECK (a > 0)) INHERITS (p);"
        "ALTER TABLE ONLY c ALTER COLUMN id SET DEFAULT 1;"
        "ALTER TABLE ONLY c ALTER COLUMN b DROP DEFAULT;");
    EXPECT_NE(out.find("CREATE TABLE public.c (\n    CONSTRAINT c_chk CHECK (a > 0)\n)\nINHERITS (public.p);"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("CREATE TABLE public.d (\n    a integer DEFAULT 5 NOT NULL,\n    own text,\n"
                       "    CONSTRAINT p_a_check CHECK (a > 0)\n)\nINHERITS (public.p);"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("ALTER TABLE ONLY public.c ALTER COLUMN id SET DEFAULT 1;"), std::string::npos) << out;
    EXPECT_NE(out.find("ALTER TABLE ONLY public.c ALTER COLUMN b DROP DEFAULT;"), std::string::npos) << out;
    EXPECT_NE(out.find("ALTER TABLE ONLY public.d ALTER COLUMN b SET DEFAULT 'x';"), std::string::npos) << out;
    // The dump loads back to the same model.
    auto again = schema_of(out);
    auto first = schema_of(
        "CREATE TABLE p (id integer NOT NULL, a integer, b text DEFAULT 'x', CONSTRAINT p_a_check CHECK (a > 0));"
        "CREATE TABLE c (CONSTRAINT c_chk CHECK (a > 0)) INHERITS (p);"
        "CREATE TABLE d (a integer NOT NULL DEFAULT 5, own text, CONSTRAINT p_a_check CHECK (a > 0)) INHERITS (p);"
        "ALTER TABLE ONLY c ALTER COLUMN id SET DEFAULT 1;"
        "ALTER TABLE ONLY c ALTER COLUMN b DROP DEFAULT;");
    EXPECT_EQ(synth::postgres::emit_schema(again), out);
    for (const char* name : {"p", "c", "d"}) {
        SCOPED_TRACE(name);
        EXPECT_EQ(again.tables.at(pub(name)).columns.size(), first.tables.at(pub(name)).columns.size());
    }
}

struct BadRow {
    std::string name;
    std::string sql;
    std::uint32_t line;
    std::uint32_t column;
    std::string message_part;
};

TEST(Inheritance, ErrorsPostgresGives) {
    const std::string p = "CREATE TABLE p (a int, CONSTRAINT k CHECK (a > 0));\n";
    const std::vector<BadRow> rows = {
        {"local column of another type", p + "CREATE TABLE c (a text) INHERITS (p);", 2, 17,
         "column \"a\" has a type conflict: integer versus text"},
        {"parents disagree on a type", p + "CREATE TABLE q (a text);\nCREATE TABLE c () INHERITS (p, q);", 3, 32,
         "inherited column \"a\" has a type conflict: integer versus text"},
        {"parents disagree on a default",
         "CREATE TABLE p (a int DEFAULT 1);\nCREATE TABLE q (a int DEFAULT 2);\nCREATE TABLE c () INHERITS (p, q);", 3,
         14, "column \"a\" inherits conflicting default values"},
        {"same parent twice", p + "CREATE TABLE c () INHERITS (p, p);", 2, 32,
         "relation \"public.p\" would be inherited from more than once"},
        {"missing parent", "CREATE TABLE c () INHERITS (nope);", 1, 29, "\"public.nope\" does not exist"},
        {"partitioned parent", "CREATE TABLE p (a int) PARTITION BY LIST (a);\nCREATE TABLE c () INHERITS (p);", 2, 29,
         "cannot inherit from partitioned table \"public.p\""},
        {"DROP of an inherited column", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE c DROP COLUMN a;", 3, 1,
         "cannot drop inherited column \"a\""},
        {"TYPE of an inherited column", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE c ALTER COLUMN a TYPE bigint;",
         3, 1, "cannot alter inherited column \"a\""},
        {"ONLY parent TYPE", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE ONLY p ALTER COLUMN a TYPE bigint;", 3, 1,
         "type of inherited column \"a\" must be changed in child tables too"},
        {"ONLY parent ADD COLUMN", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE ONLY p ADD COLUMN b int;", 3, 1,
         "must be added to child tables too"},
        {"ADD COLUMN clashing with a child's", p + "CREATE TABLE c (b text) INHERITS (p);\nALTER TABLE p ADD COLUMN b int;",
         3, 1, "child table \"c\" has different type for column \"b\""},
        {"ONLY parent ADD CHECK", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE ONLY p ADD CONSTRAINT z CHECK (a < 9);",
         3, 1, "constraint must be added to child tables too"},
        {"DROP of an inherited constraint", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE c DROP CONSTRAINT k;", 3,
         1, "cannot drop inherited constraint \"k\" of relation \"public.c\""},
        {"child CHECK of the same name, other expression", p + "CREATE TABLE c (CONSTRAINT k CHECK (a > 1)) INHERITS (p);",
         2, 17, "constraint \"k\" for relation \"public.c\" already exists"},
        {"child NO INHERIT CHECK of an inherited name",
         p + "CREATE TABLE c (CONSTRAINT k CHECK (a > 0) NO INHERIT) INHERITS (p);", 2, 17,
         "constraint \"k\" conflicts with inherited constraint on relation \"public.c\""},
        {"INHERIT without the column", p + "CREATE TABLE c (b int);\nALTER TABLE c INHERIT p;", 3, 23,
         "child table is missing column \"a\""},
        {"INHERIT with another type", p + "CREATE TABLE c (a text);\nALTER TABLE c INHERIT p;", 3, 23,
         "child table \"c\" has different type for column \"a\""},
        {"INHERIT without NOT NULL", "CREATE TABLE p (a int NOT NULL);\nCREATE TABLE c (a int);\nALTER TABLE c INHERIT p;",
         3, 23, "column \"a\" in child table must be marked NOT NULL"},
        {"INHERIT without the CHECK", p + "CREATE TABLE c (a int);\nALTER TABLE c INHERIT p;", 3, 23,
         "child table is missing constraint \"k\""},
        {"INHERIT twice", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE c INHERIT p;", 3, 23,
         "would be inherited from more than once"},
        {"circular INHERIT", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE p INHERIT c;", 3, 23,
         "circular inheritance not allowed"},
        {"RENAME of an inherited column", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE c RENAME COLUMN a TO b;", 3,
         1, "cannot rename inherited column \"a\""},
        {"ONLY parent RENAME COLUMN", p + "CREATE TABLE c () INHERITS (p);\nALTER TABLE ONLY p RENAME COLUMN a TO b;", 3,
         1, "inherited column \"a\" must be renamed in child tables too"},
        {"NO INHERIT of a non-parent", p + "CREATE TABLE c (a int);\nALTER TABLE c NO INHERIT p;", 3, 26,
         "relation \"p\" is not a parent of relation \"c\""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        auto r = try_load(row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        ASSERT_FALSE(r.error().diagnostics.empty());
        const Diagnostic& d = r.error().diagnostics[0];
        EXPECT_EQ(d.severity, Severity::error);
        EXPECT_EQ(d.location.line, row.line);
        EXPECT_EQ(d.location.column, row.column);
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.message;
        // The rendered error shows the offending text.
        std::string rendered = r.error().render();
        EXPECT_NE(rendered.find("bad.sql:" + std::to_string(row.line) + ":" + std::to_string(row.column) + ": error: "),
                  std::string::npos)
            << rendered;
    }
}

}  // namespace
}  // namespace schemerge::test
