// load_many parses the statements the inputs share once and gives each input the same
// model load() would.
#include <gtest/gtest.h>

#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::postgres {
namespace {

TEST(LoadMany, SameModelsAsSeparateLoadsAndSharedParsing) {
    std::string base = "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int REFERENCES a);\n";
    std::string ours = base + "CREATE INDEX b_id_idx ON b (id);\n";
    std::string theirs = base + "ALTER TABLE a ADD COLUMN note text;\n";
    std::vector<std::vector<SourceFile>> inputs{{make_source("base.sql", base)},
                                                {make_source("ours.sql", ours)},
                                                {make_source("theirs.sql", theirs)}};
    auto many = load_many(inputs);
    ASSERT_TRUE(many.has_value()) << many.error().render();
    ASSERT_EQ(many->size(), 3U);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        auto one = load(inputs[i]);
        ASSERT_TRUE(one.has_value());
        EXPECT_EQ((*many)[i].schema, one->schema) << i;
        EXPECT_EQ((*many)[i].stats.statements, one->stats.statements) << i;
    }
    // The inputs are interpreted concurrently, so which one parses a shared statement
    // depends on scheduling; in total each distinct text is parsed once: the two shared
    // statements, ours' index and theirs' column.
    std::size_t total = 0;
    for (const auto& r : *many) {
        total += r.stats.distinct_parsed;
    }
    EXPECT_EQ(total, 4U);
}

TEST(LoadMany, AnErrorNamesTheInputsFile) {
    std::vector<std::vector<SourceFile>> inputs{{make_source("base.sql", "CREATE TABLE a (id int);\n")},
                                                {make_source("ours.sql", "CREATE TABLE a (id int;\n")}};
    auto many = load_many(inputs);
    ASSERT_FALSE(many.has_value());
    EXPECT_EQ(*many.error().diagnostics.at(0).location.file, "ours.sql");  // (was accepted before the split fix)
}

}  // namespace
}  // namespace schemerge::parser::postgres
