// libpg_query's scanner split returns nothing after an unbalanced parenthesis; the text
// must still be parsed so the user gets the syntax error, not a silently empty schema.
#include <gtest/gtest.h>

#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::postgres {
namespace {

TEST(Unbalanced, MissingClosingParenthesisIsASyntaxError) {
    struct Row {
        const char* sql;
        unsigned line;
        unsigned column;
    };
    const Row rows[] = {
        {"CREATE TABLE a (id int;", 1, 23},
        {"CREATE TABLE ok (a int);\n\nCREATE TABLE a (\n  id int,\n  b text;\nCREATE TABLE c (x int);\n", 5, 9},
        {"select 1; CREATE TABLE a (id int;", 1, 33},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.sql);
        auto r = load({make_source("u.sql", row.sql)});
        ASSERT_FALSE(r.has_value());
        const auto& d = r.error().diagnostics.at(0);
        EXPECT_EQ(d.location.line, row.line);
        EXPECT_EQ(d.location.column, row.column);
        EXPECT_NE(d.message.find("syntax error"), std::string::npos) << d.message;
    }
}

TEST(Unbalanced, TrailingSemicolonsAndCommentsAreFine) {
    auto r = load({make_source("ok.sql", "CREATE TABLE a (id int);;\n-- done\n/* end */\n;\n")});
    ASSERT_TRUE(r.has_value()) << r.error().render();
    EXPECT_EQ(r->schema.tables.size(), 1U);
}

}  // namespace
}  // namespace schemerge::parser::postgres
