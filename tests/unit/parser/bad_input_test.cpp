// Input that cannot load: each error names the file, the exact line and column,
// and says what is wrong.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;

struct BadRow {
    std::string name;
    std::string sql;
    std::uint32_t line;
    std::uint32_t column;
    std::string message_part;  // must occur in the message
};

TEST(BadInput, ErrorsHaveExactLocationsAndMessages) {
    const std::vector<BadRow> rows = {
        {"double comma", "CREATE TABLE t (a int,, b int);", 1, 23, "syntax error at or near \",\""},
        {"syntax error on line 3", "-- one\n-- two\nCREATE TABLE t (a int, b inta int);", 3, 31,
         "syntax error at or near \"int\""},
        {"syntax error in second statement", "CREATE TABLE t (a int);\n  CREATE TABEL u (a int);", 2, 10,
         "syntax error at or near \"TABEL\""},
        {"multi-byte characters before the error", "CREATE TABLE \u00e9t\u00e9 (a int,, b int);", 1, 25,
         "syntax error at or near \",\""},
        {"unterminated string", "CREATE TABLE t (a text DEFAULT 'abc);", 1, 32, "unterminated quoted string"},
        {"unterminated dollar quote", "CREATE FUNCTION f() RETURNS int AS $$ select 1;", 1, 36,
         "unterminated dollar-quoted string"},
        {"merge conflict markers", "CREATE TABLE t (a int);\n<<<<<<< HEAD\nCREATE TABLE u (a int);\n=======\n>>>>>>> b\n",
         2, 1, "conflict"},
        {"ALTER of a missing table", "CREATE TABLE t (a int);\nALTER TABLE missing ADD COLUMN b int;", 2, 13,
         "\"public.missing\" does not exist"},
        {"duplicate CREATE TABLE", "CREATE TABLE t (a int);\n\nCREATE TABLE t (b int);", 3, 14,
         "\"public.t\" already exists"},
        {"duplicate constraint name",
         "CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0));\nALTER TABLE t ADD CONSTRAINT c CHECK (a < 5);", 2,
         19, "constraint \"c\" for relation \"public.t\" already exists"},
        {"duplicate column", "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN a int;", 2, 26,
         "column \"a\" of relation \"public.t\" already exists"},
        {"DROP of a missing table", "CREATE TABLE t (a int);\nDROP TABLE missing;", 2, 1, "\"public.missing\""},
        {"DROP of a missing column", "CREATE TABLE t (a int);\nALTER TABLE t DROP COLUMN nope;", 2, 1,
         "column \"nope\""},
        {"FK to a missing table without columns", "CREATE TABLE t (a int REFERENCES missing);", 1, 34, "missing"},
        {"default privileges the objects cannot take",
         "CREATE TABLE t (a int);\n  ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON TABLES TO app;", 2, 3,
         "invalid privilege type EXECUTE for relation"},
        {"default privileges in a missing schema",
         "ALTER DEFAULT PRIVILEGES FOR ROLE o IN SCHEMA nope GRANT SELECT ON TABLES TO app;", 1, 37,
         "schema \"nope\" does not exist"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        auto r = try_load(row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        ASSERT_FALSE(r.error().diagnostics.empty());
        const Diagnostic& d = r.error().diagnostics[0];
        EXPECT_EQ(d.severity, Severity::error);
        ASSERT_TRUE(d.location.file != nullptr);
        EXPECT_EQ(*d.location.file, "bad.sql");
        EXPECT_EQ(d.location.line, row.line);
        EXPECT_EQ(d.location.column, row.column);
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.message;
        // The rendered error shows the offending line and a caret under the column.
        std::string rendered = r.error().render();
        EXPECT_EQ(rendered.rfind("bad.sql:" + std::to_string(row.line) + ":" + std::to_string(row.column) +
                                     ": error: ",
                                 0),
                  0U)
            << rendered;
        EXPECT_NE(rendered.find("\n  " + d.source_line + "\n  " + std::string(row.column - 1, ' ') + "^"),
                  std::string::npos)
            << rendered;
    }
}

TEST(BadInput, SyntaxErrorRenderShowsCaretUnderTheToken) {
    auto r = try_load("CREATE TABLE t (a int,, b int);", {}, "x.sql");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().render(),
              "x.sql:1:23: error: syntax error at or near \",\"\n"
              "  CREATE TABLE t (a int,, b int);\n"
              "                        ^");
}

TEST(BadInput, DuplicateDefinitionPointsAtTheFirstDefinition) {
    auto r = try_load("-- header\nCREATE TABLE t (a int);\n\nCREATE TABLE t (b int);", {}, "dup.sql");
    ASSERT_FALSE(r.has_value());
    const Diagnostic& d = r.error().diagnostics.at(0);
    EXPECT_EQ(d.location.line, 4U);
    ASSERT_EQ(d.related.size(), 1U);
    ASSERT_TRUE(d.related[0].file != nullptr);
    EXPECT_EQ(*d.related[0].file, "dup.sql");
    EXPECT_EQ(d.related[0].line, 2U);
    EXPECT_EQ(d.related[0].column, 1U);
    EXPECT_NE(r.error().render().find("dup.sql:2:1: note:"), std::string::npos) << r.error().render();
}

TEST(BadInput, DuplicateAcrossFilesPointsAtTheOtherFile) {
    auto r = parser::postgres::load({parser::make_source("a.sql", "CREATE TABLE t (a int);"),
                                     parser::make_source("b.sql", "\nCREATE TABLE t (a int);")});
    ASSERT_FALSE(r.has_value());
    const Diagnostic& d = r.error().diagnostics.at(0);
    EXPECT_EQ(*d.location.file, "b.sql");
    EXPECT_EQ(d.location.line, 2U);
    ASSERT_EQ(d.related.size(), 1U);
    EXPECT_EQ(*d.related[0].file, "a.sql");
}

TEST(BadInput, IfExistsAndIfNotExistsAreFine) {
    auto r = try_load(
        "DROP TABLE IF EXISTS missing; DROP INDEX IF EXISTS i; DROP VIEW IF EXISTS v;"
        " DROP SEQUENCE IF EXISTS s; DROP TYPE IF EXISTS e; DROP FUNCTION IF EXISTS f();"
        " CREATE TABLE t (a int); CREATE TABLE IF NOT EXISTS t (b int);"
        " ALTER TABLE IF EXISTS missing ADD COLUMN x int;"
        " ALTER TABLE t ADD COLUMN IF NOT EXISTS a int;");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->schema.tables.size(), 1U);
    const auto& t = r->schema.tables.at(pub("t"));
    ASSERT_EQ(t.columns.size(), 1U);
    EXPECT_EQ(t.columns[0].name, "a");
}

TEST(BadInput, EmptyAndCommentOnlyInputGiveAnEmptySchema) {
    for (const std::string sql : {"", "   \n\n", "-- only a comment\n", "/* block\n comment */\n-- and more"}) {
        SCOPED_TRACE(sql);
        auto r = try_load(sql);
        ASSERT_TRUE(r.has_value()) << r.error().render();
        EXPECT_EQ(r->schema.object_count(), 0U);
        EXPECT_EQ(r->stats.statements, 0U);
        EXPECT_TRUE(r->schema == Schema{});
    }
}

TEST(BadInput, ForeignKeyToMissingTableWithColumnsIsAnError) {
    auto r = try_load("CREATE TABLE t (a int REFERENCES missing (id));", {}, "bad.sql");
    if (r.has_value()) {
        FAIL() << "regression: FK to a missing table with explicit columns is accepted (PostgreSQL: relation "
                        "\"missing\" does not exist)";
    }
    EXPECT_NE(r.error().diagnostics.at(0).message.find("missing"), std::string::npos);
}

TEST(BadInput, ForeignKeyWithoutMatchingUniqueKeyIsAnError) {
    auto r = try_load("CREATE TABLE p (id int);\nCREATE TABLE t (a int REFERENCES p (id));", {}, "bad.sql");
    if (r.has_value()) {
        FAIL() << "regression: FK to columns without a unique constraint is accepted (PostgreSQL: there is no "
                        "unique constraint matching given keys for referenced table \"p\")";
    }
    EXPECT_EQ(r.error().diagnostics.at(0).location.line, 2U);
}

TEST(BadInput, ForeignKeyToMissingTableSaysTheTableIsMissing) {
    auto r = try_load("CREATE TABLE t (a int REFERENCES missing);");
    ASSERT_FALSE(r.has_value());
    const std::string& message = r.error().diagnostics.at(0).message;
    if (message.find("does not exist") == std::string::npos) {
        FAIL() << "regression: FK to a missing table reports '" << message
                     << "' instead of: relation \"public.missing\" does not exist";
    }
}

TEST(BadInput, IndexOnMissingColumnIsAnError) {
    auto r = try_load("CREATE TABLE t (a int);\nCREATE INDEX ON t (nope);");
    if (r.has_value()) {
        FAIL() << "regression: CREATE INDEX on a column that does not exist is accepted (PostgreSQL: column "
                        "\"nope\" does not exist)";
    }
    EXPECT_EQ(r.error().diagnostics.at(0).location.line, 2U);
}

TEST(BadInput, SemanticErrorInFinishHasAMessage) {
    // Whatever fails, the error always carries at least one error diagnostic with text.
    auto r = try_load("CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN nope SET NOT NULL;");
    ASSERT_FALSE(r.has_value());
    EXPECT_FALSE(r.error().diagnostics.at(0).message.empty());
    EXPECT_EQ(r.error().diagnostics.at(0).location.line, 2U);
}

// CREATE / ALTER / DROP OPERATOR: each malformed definition is an error at the attribute
// (or the statement) at fault, rendered with its line and a caret under the column.
TEST(BadInput, MalformedOperatorsHaveExactLocations) {
    const std::string functions =
        "CREATE FUNCTION ci_eq(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT lower($1) = lower($2) $$;\n"
        "CREATE FUNCTION neg(integer) RETURNS integer LANGUAGE sql AS $$ SELECT -$1 $$;\n";
    const std::vector<BadRow> rows = {
        {"no FUNCTION / PROCEDURE", "CREATE OPERATOR @@ (LEFTARG = text, RIGHTARG = text);", 3, 1,
         "operator function must be specified"},
        {"no argument types", "  CREATE OPERATOR @@ (FUNCTION = ci_eq);", 3, 3,
         "operator argument types must be specified"},
        {"postfix operator", "CREATE OPERATOR @@ (FUNCTION = neg, LEFTARG = integer);", 3, 1,
         "right argument type must be specified"},
        {"function that exists nowhere", "CREATE OPERATOR @@ (LEFTARG = text,\n    RIGHTARG = text, PROCEDURE = nope);", 4,
         22, "function nope(text, text) does not exist"},
        {"function with other argument types", "CREATE OPERATOR @@ (FUNCTION = ci_eq, LEFTARG = int, RIGHTARG = int);", 3,
         21, "function ci_eq(integer, integer) does not exist"},
        {"LEFTARG that is not a type", "CREATE OPERATOR @@ (FUNCTION = ci_eq, LEFTARG = 'text', RIGHTARG = text);", 3,
         39, "operator leftarg must be a type name"},
        {"NEGATOR of a prefix operator", "CREATE OPERATOR @@ (FUNCTION = neg, RIGHTARG = integer, NEGATOR = !@@);", 3,
         57, "only binary operators can have negators"},
        {"ALTER OPERATOR of an attribute PostgreSQL does not alter",
         "CREATE OPERATOR @@ (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text);\nALTER OPERATOR @@ (text, text) SET (COMMUTATOR = @@);",
         4, 37, "operator attribute \"commutator\" cannot be changed"},
        {"ALTER OPERATOR of a missing operator", "ALTER OPERATOR @@ (text, text) SET (RESTRICT = eqsel);", 3, 1,
         "operator does not exist: public.@@(text, text)"},
        {"DROP OPERATOR of a missing operator", "DROP OPERATOR @@ (integer, integer);", 3, 1,
         "operator does not exist: public.@@(integer, integer)"},
        {"DROP FUNCTION of an operator's function",
         "CREATE OPERATOR - (FUNCTION = neg, RIGHTARG = integer);\nDROP FUNCTION neg(integer);", 4, 1,
         "operator public.-(integer)"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        auto r = try_load(functions + row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        ASSERT_FALSE(r.error().diagnostics.empty());
        const Diagnostic& d = r.error().diagnostics[0];
        EXPECT_EQ(d.severity, Severity::error);
        EXPECT_EQ(d.location.line, row.line);
        EXPECT_EQ(d.location.column, row.column);
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.message;
        std::string rendered = r.error().render();
        EXPECT_EQ(rendered.rfind("bad.sql:" + std::to_string(row.line) + ":" + std::to_string(row.column) +
                                     ": error: ",
                                 0),
                  0U)
            << rendered;
        EXPECT_NE(rendered.find("\n  " + d.source_line + "\n  " + std::string(row.column - 1, ' ') + "^"),
                  std::string::npos)
            << rendered;
    }
}

// An attribute CREATE OPERATOR does not know: PostgreSQL 15 accepts the statement with a
// WARNING and ignores the attribute; so does the load, the warning pointing at it (the
// statement starts mid-line: the caret still lands under the attribute).
TEST(BadInput, UnknownOperatorAttributeIsAWarningAtTheAttribute) {
    const std::string sql =
        "CREATE FUNCTION ci_eq(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT lower($1) = lower($2) $$;\n"
        "SELECT 1;  CREATE OPERATOR @@ (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text, FROBNICATE = 1);\n";
    auto r = try_load(sql, {}, "w.sql");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    const Diagnostic* warning = nullptr;
    for (const auto& d : r->diagnostics) {
        if (d.message.find("frobnicate") != std::string::npos) {
            warning = &d;
        }
    }
    ASSERT_NE(warning, nullptr);
    EXPECT_EQ(warning->severity, Severity::warning);
    EXPECT_EQ(warning->location.line, 2U);
    EXPECT_EQ(warning->location.column, 83U);
    EXPECT_NE(warning->message.find("operator attribute \"frobnicate\" not recognized"), std::string::npos);
    std::string rendered = warning->render();
    EXPECT_EQ(rendered.rfind("w.sql:2:83: warning: ", 0), 0U) << rendered;
    EXPECT_NE(rendered.find("FROBNICATE = 1)\n  " + std::string(82, ' ') + "^"), std::string::npos) << rendered;
    // The operator is there without it.
    EXPECT_TRUE(r->schema.functions.contains(RoutineName{{"public", "@@"}, "text, text"}));
}

// Operator classes and families: malformed or impossible statements, and DROP / ALTER /
// COMMENT ON of one that does not exist, are located errors (an item's location is its
// first type name: libpg_query keeps none for the item itself).
TEST(BadInput, MalformedOperatorClassesHaveExactLocations) {
    const std::string preamble =
        "CREATE TYPE complex AS (re float8, im float8);\n"
        "CREATE FUNCTION cmp(complex, complex) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;\n";
    const std::vector<BadRow> rows = {
        {"DROP OPERATOR CLASS of a missing class", "DROP OPERATOR CLASS nope USING btree;", 3, 1,
         "operator class \"public.nope\" for access method \"btree\" does not exist"},
        {"DROP OPERATOR FAMILY of a missing family", "DROP OPERATOR FAMILY nope USING hash;", 3, 1,
         "operator family \"public.nope\" for access method \"hash\" does not exist"},
        {"ALTER OPERATOR FAMILY of a missing family",
         "ALTER OPERATOR FAMILY nope USING btree ADD FUNCTION 1 cmp(complex, complex);", 3, 1,
         "operator family \"public.nope\" for access method \"btree\" does not exist"},
        {"COMMENT ON a missing class", "COMMENT ON OPERATOR CLASS nope USING btree IS 'x';", 3, 1,
         "does not exist: operator class public.nope USING btree"},
        {"unknown access method", "CREATE OPERATOR CLASS c FOR TYPE complex USING nope AS FUNCTION 1 cmp(complex, complex);",
         3, 1, "access method \"nope\" does not exist"},
        {"FAMILY that does not exist",
         "CREATE OPERATOR CLASS c FOR TYPE complex USING btree FAMILY nofam AS FUNCTION 1 cmp(complex, complex);", 3, 1,
         "operator family \"public.nofam\" for access method \"btree\" does not exist"},
        {"STORAGE where the method stores the indexed type",
         "CREATE OPERATOR CLASS c FOR TYPE complex USING btree AS\n  FUNCTION 1 cmp(complex, complex), STORAGE integer;", 4,
         45, "storage type cannot be different from data type for access method \"btree\""},
        {"the same member twice",
         "CREATE OPERATOR CLASS c FOR TYPE complex USING btree AS\n  FUNCTION 1 cmp(complex, complex),\n"
         "  FUNCTION 1 cmp(complex, complex);",
         5, 18, "function 1 (public.complex, public.complex) already exists in operator family public.c"},
        {"a class defined twice",
         "CREATE OPERATOR CLASS c FOR TYPE complex USING btree AS FUNCTION 1 cmp(complex, complex);\n"
         "CREATE OPERATOR CLASS c FOR TYPE complex USING btree AS FUNCTION 1 cmp(complex, complex);",
         4, 1, "operator class \"public.c\" for access method \"btree\" already exists"},
        {"ALTER OPERATOR FAMILY ADD of an operator without its types",
         "CREATE OPERATOR FAMILY f USING btree;\nALTER OPERATOR FAMILY f USING btree ADD OPERATOR 1 <;", 4, 1,
         "operator argument types must be specified in ALTER OPERATOR FAMILY"},
        {"ALTER OPERATOR FAMILY DROP of a member it does not have",
         "CREATE OPERATOR FAMILY f USING btree;\nALTER OPERATOR FAMILY f USING btree DROP FUNCTION 1 (complex, complex);", 4, 54,
         "function 1(public.complex, public.complex) does not exist in operator family \"public.f\""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        auto r = try_load(preamble + row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        ASSERT_FALSE(r.error().diagnostics.empty());
        const Diagnostic& d = r.error().diagnostics[0];
        EXPECT_EQ(d.severity, Severity::error);
        EXPECT_EQ(d.location.line, row.line);
        EXPECT_EQ(d.location.column, row.column);
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.message;
        EXPECT_EQ(r.error().render().rfind("bad.sql:" + std::to_string(row.line) + ":" + std::to_string(row.column) +
                                               ": error: ",
                                           0),
                  0U)
            << r.error().render();
    }
}

}  // namespace
}  // namespace schemerge::test
