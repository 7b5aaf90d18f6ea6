// The PostgreSQL generator's --churn (benchmarks/schema_generator): off by default, and
// when on it changes many tables of a variant and nothing of the base.
#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "benchmarks/schema_generator.hpp"

namespace schemerge::benchmarks {
namespace {

std::size_t count(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

// Lines of `a` that `b` does not have (as a multiset): what churn removed or rewrote.
std::size_t lines_gone(const std::string& a, const std::string& b) {
    std::map<std::string_view, long> lines;
    const auto each_line = [](std::string_view text, auto&& f) {
        for (std::size_t from = 0; from < text.size();) {
            const std::size_t end = std::min(text.find('\n', from), text.size());
            f(text.substr(from, end - from));
            from = end + 1;
        }
    };
    each_line(a, [&](std::string_view line) { ++lines[line]; });
    each_line(b, [&](std::string_view line) { --lines[line]; });
    std::size_t n = 0;
    for (const auto& [line, balance] : lines) {
        if (balance > 0) {
            n += static_cast<std::size_t>(balance);
        }
    }
    return n;
}

TEST(SchemaGeneratorChurn, OffByDefaultAndDeterministic) {
    GeneratorOptions o;
    o.tables = 300;
    o.seed = 11;
    o.variant = 2;
    o.changed_tables = 4;
    const std::string plain = generate_schema(o);
    o.churn_percent = 0;
    EXPECT_EQ(generate_schema(o), plain);
    o.churn_percent = 35;
    const std::string churned = generate_schema(o);
    EXPECT_EQ(generate_schema(o), churned);
    EXPECT_NE(churned, plain);
    // Same objects: churn only rewrites columns and index definitions.
    EXPECT_EQ(count(churned, "CREATE TABLE "), count(plain, "CREATE TABLE "));
    EXPECT_EQ(count(churned, "CREATE INDEX ") + count(churned, "CREATE UNIQUE INDEX "),
              count(plain, "CREATE INDEX ") + count(plain, "CREATE UNIQUE INDEX "));
    // Roughly a third of 300 tables, up to three changes each.
    const std::size_t lines = lines_gone(plain, churned);
    EXPECT_GT(lines, 100U);
    EXPECT_LT(lines, 500U);
    EXPECT_GT(count(churned, ", id);"), count(plain, ", id);"));  // indexes with id appended
}

TEST(SchemaGeneratorChurn, BothStylesChurnTheSameTables) {
    GeneratorOptions o;
    o.tables = 200;
    o.seed = 3;
    o.variant = 1;
    o.churn_percent = 50;
    o.style = SchemaStyle::pg_dump;
    const std::string dump = generate_schema(o);
    o.style = SchemaStyle::handwritten;
    const std::string hand = generate_schema(o);
    EXPECT_EQ(count(dump, ", id);"), count(hand, ", id);"));
    EXPECT_EQ(count(dump, "character varying(20)") + count(dump, "character varying(64)") +
                  count(dump, "character varying(510)"),
              count(hand, "varchar(20)") + count(hand, "varchar(64)") + count(hand, "varchar(510)"));
}

}  // namespace
}  // namespace schemerge::benchmarks
