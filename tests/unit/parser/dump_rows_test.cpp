// find_table_rows / render_rows_insert: the rows a schema dump carries (Rails'
// schema_migrations list in db/structure.sql), for the git merge driver.
#include "parser/postgres/dump_rows.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace schemerge::test {
namespace {

using parser::postgres::find_table_rows;
using parser::postgres::render_rows_insert;
using Rows = std::vector<std::vector<std::string>>;

// The tail of a db/structure.sql as Rails (7.x) writes it.
const std::string k_rails_structure =
    "SET statement_timeout = 0;\n"
    "SELECT pg_catalog.set_config('search_path', '', false);\n"
    "\n"
    "CREATE TABLE public.schema_migrations (\n"
    "    version character varying NOT NULL\n"
    ");\n"
    "\n"
    "CREATE TABLE public.users (id bigint NOT NULL, name text);\n"
    "\n"
    "SET search_path TO \"$user\", public;\n"
    "\n"
    "INSERT INTO \"schema_migrations\" (version) VALUES\n"
    "('20240102000000'),\n"
    "('20240101000000');\n"
    "\n"
    "\n";

TEST(FindTableRows, RailsStructureSql) {
    auto r = find_table_rows(parser::make_source("db/structure.sql", k_rails_structure), "schema_migrations");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->size(), 1U);
    const auto& s = (*r)[0];
    EXPECT_EQ(s.line, 12U);
    EXPECT_EQ(s.columns, (std::vector<std::string>{"version"}));
    EXPECT_EQ(s.rows, (Rows{{"'20240102000000'"}, {"'20240101000000'"}}));
    std::string statement = k_rails_structure.substr(s.begin, s.end - s.begin);
    EXPECT_EQ(statement,
              "INSERT INTO \"schema_migrations\" (version) VALUES\n('20240102000000'),\n('20240101000000');");
    // Rendering the same rows gives back the same text: an unchanged list does not churn.
    EXPECT_EQ(render_rows_insert("\"schema_migrations\"", s.columns, s.rows), statement + "\n");
}

TEST(FindTableRows, OneLineAndSeveralStatements) {
    const std::string sql =
        "INSERT INTO schema_migrations (version) VALUES ('1'), ('2');\n"
        "INSERT INTO other (version) VALUES ('x');\n"
        "insert into public.schema_migrations values ('3');\n"
        "INSERT INTO \"public\".\"schema_migrations\"(\"version\") VALUES('4')  ;\n";
    auto r = find_table_rows(parser::make_source("d.sql", sql), "schema_migrations");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->size(), 3U);
    EXPECT_EQ((*r)[0].rows, (Rows{{"'1'"}, {"'2'"}}));
    EXPECT_EQ((*r)[0].line, 1U);
    EXPECT_EQ(sql.substr((*r)[0].begin, (*r)[0].end - (*r)[0].begin),
              "INSERT INTO schema_migrations (version) VALUES ('1'), ('2');");
    EXPECT_EQ((*r)[1].rows, (Rows{{"'3'"}}));
    EXPECT_TRUE((*r)[1].columns.empty());
    EXPECT_EQ((*r)[1].line, 3U);
    EXPECT_EQ((*r)[2].columns, (std::vector<std::string>{"\"version\""}));
    EXPECT_EQ((*r)[2].rows, (Rows{{"'4'"}}));
    EXPECT_EQ(sql.substr((*r)[2].begin, (*r)[2].end - (*r)[2].begin),
              "INSERT INTO \"public\".\"schema_migrations\"(\"version\") VALUES('4')  ;");
}

struct NameCase {
    const char* table;    // argument
    const char* written;  // as the statement writes it
    bool expected;
};

TEST(FindTableRows, TableNameMatching) {
    const std::vector<NameCase> cases = {
        {"schema_migrations", "schema_migrations", true},
        {"schema_migrations", "\"schema_migrations\"", true},
        {"schema_migrations", "public.schema_migrations", true},
        {"schema_migrations", "\"public\".\"schema_migrations\"", true},
        {"schema_migrations", "SCHEMA_MIGRATIONS", true},
        {"schema_migrations", "\"Schema_Migrations\"", true},  // case-insensitive by request
        {"\"schema_migrations\"", "schema_migrations", true},
        {"public.schema_migrations", "public.schema_migrations", true},
        {"public.schema_migrations", "other.schema_migrations", false},
        {"public.schema_migrations", "schema_migrations", false},
        {"schema_migrations", "schema_migrations_old", false},
        {"schema_migrations", "ar_internal_metadata", false},
    };
    for (const auto& c : cases) {
        std::string sql = std::string("INSERT INTO ") + c.written + " (version) VALUES ('1');\n";
        auto r = find_table_rows(parser::make_source("d.sql", sql), c.table);
        ASSERT_TRUE(r.has_value()) << c.table << " / " << c.written << ": " << r.error().render();
        EXPECT_EQ(r->size(), c.expected ? 1U : 0U) << c.table << " / " << c.written;
    }
}

TEST(FindTableRows, ValuesAreCanonicalLiterals) {
    const std::string sql =
        "INSERT INTO t (a, b, c, d, e, f, g) VALUES\n"
        "  ('it''s', 42, -7, 3.5, true, NULL, E'x\\ty'),\n"
        "  (B'101', X'1F', 99999999999999, false, 'plain', -2.5, $$dollar 'q'$$);\n";
    auto r = find_table_rows(parser::make_source("d.sql", sql), "t");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->size(), 1U);
    EXPECT_EQ((*r)[0].rows,
              (Rows{{"'it''s'", "42", "-7", "3.5", "true", "NULL", "'x\ty'"},
                    {"B'101'", "X'1F'", "99999999999999", "false", "'plain'", "-2.5", "'dollar ''q'''"}}));
}

TEST(FindTableRows, OtherStatementsAreNotParsed) {
    // COPY data and psql meta-commands are blanked as the loader does; DDL is skipped.
    const std::string sql =
        "\\restrict abc\n"
        "CREATE TABLE t (a int);\n"
        "COPY public.t (a) FROM stdin;\n"
        "1\n"
        "\\.\n"
        "INSERT INTO schema_migrations (version) VALUES ('1');\n";
    auto r = find_table_rows(parser::make_source("d.sql", sql), "schema_migrations");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->size(), 1U);
    EXPECT_EQ((*r)[0].line, 6U);
}

TEST(FindTableRows, NoneFound) {
    auto r = find_table_rows(parser::make_source("d.sql", "CREATE TABLE t (a int);\n"), "schema_migrations");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    EXPECT_TRUE(r->empty());
}

struct BadCase {
    const char* what;
    std::string sql;
    std::string location;  // file:line:col
    std::string fragment;
};

TEST(FindTableRows, MalformedInput) {
    const std::vector<BadCase> cases = {
        {"INSERT ... SELECT", "SELECT 1;\nINSERT INTO schema_migrations (version) SELECT '1';\n", "d.sql:2:1",
         "cannot merge rows of schema_migrations: not a VALUES list"},
        {"a non-constant value", "INSERT INTO schema_migrations (version) VALUES ('1'), (now()::text);\n", "d.sql:1:1",
         "value 1 of row 2 is not a constant"},
        {"DEFAULT", "INSERT INTO schema_migrations (version) VALUES (DEFAULT);\n", "d.sql:1:1", "not a constant"},
        {"DEFAULT VALUES", "INSERT INTO schema_migrations DEFAULT VALUES;\n", "d.sql:1:1", "not a VALUES list"},
        {"ON CONFLICT", "INSERT INTO schema_migrations (version) VALUES ('1') ON CONFLICT DO NOTHING;\n", "d.sql:1:1",
         "ON CONFLICT"},
        {"rows of different length", "INSERT INTO schema_migrations (version) VALUES ('1'), ('2', '3');\n", "d.sql:1:1",
         "row 2 has 2 values where 1 is expected"},
        {"syntax error in an INSERT", "\nINSERT INTO schema_migrations (version) VALUES ('1'),;\n", "d.sql:2:54",
         "syntax error"},
        {"unterminated string", "INSERT INTO schema_migrations (version) VALUES\n('1'),\n('2);\n", "d.sql:3:2",
         "unterminated"},
        {"git conflict marker", "<<<<<<< ours\nINSERT INTO schema_migrations (version) VALUES ('1');\n", "d.sql:1:1",
         "conflict marker"},
    };
    for (const auto& c : cases) {
        auto r = find_table_rows(parser::make_source("d.sql", c.sql), "schema_migrations");
        ASSERT_FALSE(r.has_value()) << c.what;
        const auto& d = r.error().diagnostics.at(0);
        EXPECT_EQ(d.location.to_string(), c.location) << c.what << ": " << d.render();
        EXPECT_NE(d.message.find(c.fragment), std::string::npos) << c.what << ": " << d.message;
    }
}

TEST(RenderRowsInsert, RailsFormat) {
    EXPECT_EQ(render_rows_insert("\"schema_migrations\"", {"version"}, {{"'1'"}, {"'2'"}, {"'3'"}}),
              "INSERT INTO \"schema_migrations\" (version) VALUES\n('1'),\n('2'),\n('3');\n");
    EXPECT_EQ(render_rows_insert("t", {}, {{"1", "'a'"}}), "INSERT INTO t VALUES\n(1, 'a');\n");
    EXPECT_EQ(render_rows_insert("t", {"a"}, {}), "");
}

TEST(RenderRowsInsert, RoundTrip) {
    std::string sql = render_rows_insert("public.t", {"a", "\"B\""}, {{"'x''y'", "NULL"}, {"'z'", "-1"}});
    auto r = find_table_rows(parser::make_source("d.sql", sql), "public.t");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->size(), 1U);
    EXPECT_EQ((*r)[0].columns, (std::vector<std::string>{"a", "\"B\""}));
    EXPECT_EQ((*r)[0].rows, (Rows{{"'x''y'", "NULL"}, {"'z'", "-1"}}));
    EXPECT_EQ((*r)[0].end, sql.size() - 1);
}

}  // namespace
}  // namespace schemerge::test
