// Statistics targets and attribute options: on table columns, index expression columns
// (ALTER INDEX ... ALTER COLUMN n SET STATISTICS) and materialized view columns; kept,
// dumped the way pg_dump writes them, and malformed ones rejected with a location.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/postgres/dialect_traits.hpp"
#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;

const std::string k_schema =
    "CREATE TABLE t (a text, b integer);\n"
    "CREATE INDEX ti ON t (b, lower(a));\n"
    "CREATE MATERIALIZED VIEW mv AS SELECT a, b FROM t;\n";

TEST(StatisticsTargets, MaterializedViewColumns) {
    auto s = schema_of(k_schema + "ALTER MATERIALIZED VIEW mv ALTER COLUMN a SET STATISTICS 200;\n"
                                  "ALTER TABLE ONLY mv ALTER COLUMN b SET (n_distinct = -0.5);\n");
    const View& mv = s.views.at(pub("mv"));
    ASSERT_EQ(mv.column_details.size(), 2u);
    std::string out = synth::postgres::emit_schema(s);
    EXPECT_NE(out.find("ALTER TABLE ONLY public.mv ALTER COLUMN a SET STATISTICS 200;"), std::string::npos) << out;
    EXPECT_NE(out.find("ALTER TABLE ONLY public.mv ALTER COLUMN b SET (n_distinct=-0.5);"), std::string::npos) << out;
}

TEST(StatisticsTargets, TableColumnTargetsAndOptions) {
    std::string out = dump("CREATE TABLE t (a text, b integer);\n"
                           "ALTER TABLE t ALTER COLUMN a SET STATISTICS 1000;\n"
                           "ALTER TABLE t ALTER COLUMN b SET (n_distinct = 100);\n");
    EXPECT_NE(out.find("ALTER TABLE ONLY public.t ALTER COLUMN a SET STATISTICS 1000;"), std::string::npos) << out;
    EXPECT_NE(out.find("ALTER TABLE ONLY public.t ALTER COLUMN b SET (n_distinct=100);"), std::string::npos) << out;
}

TEST(StatisticsTargets, IndexExpressionColumns) {
    // pg_dump's form, after the CREATE INDEX; ALTER TABLE on the index works too.
    auto s = schema_of(k_schema + "ALTER INDEX ti ALTER COLUMN 2 SET STATISTICS 3000;\n");
    EXPECT_EQ(parser::postgres::index_statistics_targets(s.indexes.at(pub("ti")).meta.attributes), (std::map<int, int>{{2, 3000}}));
    std::string out = synth::postgres::emit_schema(s);
    const auto create = out.find("CREATE INDEX ti ON public.t USING btree (b, (lower(a)));");
    const auto alter = out.find("ALTER INDEX public.ti ALTER COLUMN 2 SET STATISTICS 3000;");
    ASSERT_NE(create, std::string::npos) << out;
    ASSERT_NE(alter, std::string::npos) << out;
    EXPECT_LT(create, alter);
    // The dump loads back to the same model.
    EXPECT_EQ(schema_of(out), s);
    // Above 10000 is lowered to 10000 (PostgreSQL warns); -1 resets; ALTER TABLE on an index.
    auto clamped = schema_of(k_schema + "ALTER INDEX ti ALTER COLUMN 2 SET STATISTICS 20000;\n");
    EXPECT_EQ(parser::postgres::index_statistics_targets(clamped.indexes.at(pub("ti")).meta.attributes), (std::map<int, int>{{2, 10000}}));
    auto reset = schema_of(k_schema + "ALTER TABLE ti ALTER COLUMN 2 SET STATISTICS 5;\n"
                                      "ALTER INDEX ti ALTER COLUMN 2 SET STATISTICS -1;\n");
    EXPECT_TRUE(reset.indexes.at(pub("ti")).meta.attributes.empty());
    // Equal to the same index without targets otherwise: a target is part of the index.
    EXPECT_NE(schema_of(k_schema), s);
}

TEST(StatisticsTargets, MalformedTargetsAreErrors) {
    struct Row {
        std::string sql;
        std::string message_part;
    };
    const std::vector<Row> rows = {
        {"ALTER TABLE t ALTER COLUMN nope SET STATISTICS 5;", "column \"nope\""},
        {"ALTER MATERIALIZED VIEW mv ALTER COLUMN a SET STATISTICS -5;", "statistics target"},
        {"CREATE VIEW v AS SELECT a FROM t;\nALTER TABLE v ALTER COLUMN a SET STATISTICS 5;", "is not a table"},
        // As PostgreSQL 15 rejects them: a column number past the index's columns, a plain
        // (non-expression) column, an INCLUDE column, a target below -1, number 0 (syntax).
        {"ALTER INDEX ti ALTER COLUMN 3 SET STATISTICS 5;", "column number 3 of relation \"ti\" does not exist"},
        {"ALTER INDEX ti ALTER COLUMN 1 SET STATISTICS 5;", "non-expression column \"b\""},
        {"CREATE INDEX tj ON t ((b + 1)) INCLUDE (a);\nALTER INDEX tj ALTER COLUMN 2 SET STATISTICS 5;",
         "included column \"a\""},
        {"ALTER INDEX ti ALTER COLUMN 2 SET STATISTICS -2;", "statistics target -2 is too low"},
        {"ALTER INDEX ti ALTER COLUMN 0 SET STATISTICS 5;", "column number"},
        {"ALTER INDEX nope ALTER COLUMN 1 SET STATISTICS 5;", "does not exist"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.sql);
        auto r = try_load(k_schema + row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        const Diagnostic& d = r.error().diagnostics.at(0);
        EXPECT_EQ(d.severity, Severity::error);
        EXPECT_GE(d.location.line, 4u);
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.message;
        EXPECT_EQ(r.error().render().rfind("bad.sql:", 0), 0u) << r.error().render();
    }
}

}  // namespace
}  // namespace schemerge::test
