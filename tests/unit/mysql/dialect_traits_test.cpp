// dialect_traits.cpp: MySQL's traits and attribute table.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::test::mysql {
namespace {

using parser::mysql::quote;
using parser::mysql::traits;

TEST(DialectTraits, Basics) {
    const auto& t = traits();
    EXPECT_EQ(t.name, "mysql");
    EXPECT_EQ(t.display_name, "MySQL");
    EXPECT_EQ(t.identifier_case, model::IdentifierCase::insensitive);
    EXPECT_EQ(t.default_schema, "");
    EXPECT_TRUE(t.is_builtin_schema("information_schema"));
    EXPECT_TRUE(t.is_builtin_schema("sys"));
    EXPECT_TRUE(t.primary_key_implies_not_null);
    EXPECT_FALSE(t.enum_values_append_only);
    EXPECT_FALSE(t.columns_append_only);
    EXPECT_FALSE(t.transactional_ddl);
    EXPECT_TRUE(t.names_equal("Email", "email"));
    EXPECT_EQ(t.quote_qualified("db", "t"), "db.t");
    EXPECT_EQ(parser::mysql::canonical_type_name("INTEGER"), "int");
    EXPECT_EQ(parser::mysql::canonical_type_name("Bool"), "tinyint");
}

TEST(DialectTraits, QuotingOnlyWhenNeeded) {
    EXPECT_EQ(quote("users"), "users");
    EXPECT_EQ(quote("Users_2$"), "Users_2$");
    EXPECT_EQ(quote("order"), "`order`");
    EXPECT_EQ(quote("Select"), "`Select`");
    EXPECT_EQ(quote("rank"), "`rank`");  // reserved in MySQL 8.0
    EXPECT_EQ(quote("a b"), "`a b`");
    EXPECT_EQ(quote("a`b"), "`a``b`");
    EXPECT_EQ(quote("123"), "`123`");
    EXPECT_EQ(quote("1e5"), "`1e5`");
    EXPECT_EQ(quote("1abc"), "1abc");
    EXPECT_EQ(quote(""), "``");
    EXPECT_EQ(quote("\xc3\xa9t\xc3\xa9"), "`\xc3\xa9t\xc3\xa9`");
}

TEST(DialectTraits, AttributeRowsAreUniqueAndOrdered) {
    std::set<std::uint16_t> orders;
    std::set<std::pair<int, std::string_view>> names;
    for (const auto* def : traits().attributes) {
        ASSERT_NE(def, nullptr);
        EXPECT_TRUE(orders.insert(def->order).second) << def->name;
        EXPECT_TRUE(names.insert({static_cast<int>(def->scope), def->name}).second) << def->name;
    }
    EXPECT_FALSE(parser::mysql::attr::auto_increment_counter.compared);
    EXPECT_TRUE(parser::mysql::attr::engine.compared);
}

}  // namespace
}  // namespace schemerge::test::mysql
