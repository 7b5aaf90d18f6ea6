// frontend.cpp: several files in order, several inputs sharing their parses, statistics.
#include <string>

#include <gtest/gtest.h>

#include "mysql_load.hpp"

namespace schemerge::test::mysql {
namespace {

TEST(Frontend, EmptyInputIsAnEmptyMySqlSchema) {
    auto r = load_ok("");
    EXPECT_EQ(r.schema.object_count(), 0U);
    EXPECT_EQ(r.schema.dialect->name, "mysql");
    EXPECT_EQ(r.stats.statements, 0U);
}

TEST(Frontend, FilesAreAppliedInOrderAndLocatedByName) {
    std::vector<parser::SourceFile> files = {
        parser::make_source("V1__init.sql", "CREATE TABLE t (a int);\nDELIMITER //\n"),
        parser::make_source("V2__more.sql", "ALTER TABLE t ADD b int;\nCREATE TABLE u (x int);"),
    };
    auto r = parser::mysql::load(files);
    ASSERT_TRUE(r.has_value()) << r.error().render();
    const model::Table& t = r->schema.tables.at({"", "t"});
    EXPECT_EQ(t.columns.size(), 2U);
    EXPECT_EQ(*t.columns[1].meta.location.file, "V2__more.sql");  // DELIMITER ended with its file
    auto bad = parser::mysql::load({parser::make_source("a.sql", "CREATE TABLE t (a int);"),
                                    parser::make_source("b.sql", "\nALTER TABLE nope ADD b int;")});
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().diagnostics[0].location.to_string(), "b.sql:2:13");
}

TEST(Frontend, LoadManySharesParsesAndMatchesLoad) {
    std::string base = "CREATE TABLE a (x int);\nCREATE TABLE b (y int);\nCREATE TABLE c (z int);\n";
    std::vector<std::vector<parser::SourceFile>> inputs = {
        {parser::make_source("base.sql", base)},
        {parser::make_source("ours.sql", base + "ALTER TABLE a ADD w int;")},
        {parser::make_source("theirs.sql", base + "DROP TABLE c;")},
    };
    auto results = parser::mysql::load_many(inputs);
    ASSERT_TRUE(results.has_value()) << results.error().render();
    ASSERT_EQ(results->size(), 3U);
    std::size_t parsed = 0;
    for (const auto& r : *results) {
        parsed += r.stats.distinct_parsed;
    }
    EXPECT_EQ(parsed, 5U);  // three shared chunks, one of each side's own
    EXPECT_EQ(results->at(1).schema.tables.at({"", "a"}).columns.size(), 2U);
    EXPECT_FALSE(results->at(2).schema.tables.contains({"", "c"}));
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        auto alone = parser::mysql::load(inputs[i]);
        ASSERT_TRUE(alone.has_value());
        EXPECT_TRUE(alone->schema == results->at(i).schema);
    }
    // One bad input fails the whole load with its own location.
    inputs[2] = {parser::make_source("theirs.sql", base + "DROP TABLE nope;")};
    auto failed = parser::mysql::load_many(inputs);
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(*failed.error().diagnostics[0].location.file, "theirs.sql");
}

TEST(Frontend, SingleThreadedGivesTheSameModel) {
    std::string sql;
    for (int i = 0; i < 600; ++i) {  // more than two parse batches
        sql += "CREATE TABLE t" + std::to_string(i) + " (id int PRIMARY KEY, v varchar(9) DEFAULT 'x');\n";
    }
    parser::LoadOptions one;
    one.threads = 1;
    auto a = parser::mysql::load({parser::make_source("a.sql", sql)}, one);
    auto b = parser::mysql::load({parser::make_source("a.sql", sql)});
    ASSERT_TRUE(a.has_value());
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(a->schema.tables.size(), 600U);
    EXPECT_TRUE(a->schema == b->schema);
}

}  // namespace
}  // namespace schemerge::test::mysql
