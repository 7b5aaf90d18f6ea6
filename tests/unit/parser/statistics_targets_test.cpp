// Statistics targets and attribute options: on table columns, index expression columns
// (ALTER INDEX ... ALTER COLUMN n SET STATISTICS) and materialized view columns; kept,
// dumped the way pg_dump writes them, and malformed ones rejected with a location.
#include <string>
#include <vector>

#include <gtest/gtest.h>

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

TEST(StatisticsTargets, MalformedTargetsAreErrors) {
    struct Row {
        std::string sql;
        std::string message_part;
    };
    const std::vector<Row> rows = {
        {"ALTER TABLE t ALTER COLUMN nope SET STATISTICS 5;", "column \"nope\""},
        {"ALTER MATERIALIZED VIEW mv ALTER COLUMN a SET STATISTICS -5;", "statistics target"},
        {"CREATE VIEW v AS SELECT a FROM t;\nALTER TABLE v ALTER COLUMN a SET STATISTICS 5;", "is not a table"},
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
