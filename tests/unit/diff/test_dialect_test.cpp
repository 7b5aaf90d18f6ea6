// Two-way diff and three-way merge under the test dialect (tests/unit/support/test_dialect.cpp:
// upper-case folding, default schema MAIN, index names per table, non-transactional DDL), on
// models built with the model builder. The same edits under PostgreSQL's traits show which
// answers come from the dialect: a conflict only its folding creates, and one only
// PostgreSQL's shared relation namespace creates.
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "support/model_builder.hpp"
#include "support/test_dialect.hpp"

namespace schemerge::diff {
namespace {

const model::DialectTraits& testsql() { return test::test_dialect::traits(); }
const model::DialectTraits& postgres() { return parser::postgres::traits(); }

// Names as typed in SQL, folded by the dialect.
test::ModelBuilder typed(const model::DialectTraits& traits) {
    test::ModelBuilder b(traits);
    b.fold_names();
    return b;
}

std::vector<std::string> changes(const model::Schema& from, const model::Schema& to) {
    std::vector<std::string> out;
    for (const auto& c : diff(from, to).changes.changes) {
        out.push_back(std::string(to_string(c.kind)) + " " + c.key.to_string());
    }
    return out;
}

std::vector<std::string> conflicts(const MergeResult& result) {
    std::vector<std::string> out;
    for (const auto& c : result.conflicts) {
        out.push_back(std::string(to_string(c.kind)) + " " + c.object.to_string() +
                      (c.attribute.empty() ? "" : " " + c.attribute));
    }
    return out;
}

// base: items (id integer primary key, name text); index items_name.
model::Schema base(const model::DialectTraits& traits, const std::function<void(test::ModelBuilder&)>& edit = {}) {
    test::ModelBuilder b = typed(traits);
    b.table("items").column("id", "integer").primary_key({"id"}, "items_pk").column("name", "text");
    b.index("items_name", "items", {"name"});
    if (edit) {
        edit(b);
    }
    return b.build();
}

TEST(TestDialect, TraitsDifferFromPostgres) {
    EXPECT_EQ(testsql().fold_identifier("Orders"), "ORDERS");
    EXPECT_EQ(testsql().fold_identifier("[Orders]"), "Orders");
    EXPECT_EQ(testsql().default_schema, "MAIN");
    EXPECT_FALSE(testsql().transactional_ddl);
    EXPECT_EQ(testsql().quote_identifier("a]b"), "[a]]b]");
    EXPECT_EQ(postgres().fold_identifier("Orders"), "orders");
}

TEST(TestDialect, TwoWayDiffUnderItsNames) {
    model::Schema from = base(testsql());
    model::Schema to = base(testsql(), [](test::ModelBuilder& b) {
        b.table("items").column("price", "numeric(10,2)").not_null();
        b.table("tags").column("item_id", "integer").foreign_key({"item_id"}, "items", {"id"}, "tags_item");
        b.index("tags_item", "tags", {"item_id"});
        b.view("cheap", "SELECT ID FROM ITEMS WHERE PRICE < 10", {"items"});
    });
    EXPECT_EQ(changes(from, to),
              (std::vector<std::string>{"create_table table MAIN.TAGS", "add_column column MAIN.ITEMS.PRICE",
                                        "create_index index MAIN.TAGS_ITEM", "create_view view MAIN.CHEAP"}));
    EXPECT_TRUE(diff(to, to).changes.empty());
    // The model's keys are the dialect's: the default schema and the folded names.
    EXPECT_TRUE(to.tables.contains({"MAIN", "ITEMS"}));
    EXPECT_TRUE(to.tables.at({"MAIN", "TAGS"}).find_column("ITEM_ID") != nullptr);
}

TEST(TestDialect, CleanMergeUnderItsTraits) {
    model::Schema b = base(testsql());
    model::Schema ours = base(testsql(), [](test::ModelBuilder& x) { x.table("items").column("price", "integer"); });
    model::Schema theirs = base(testsql(), [](test::ModelBuilder& x) { x.index("items_id_name", "items", {"id", "name"}); });
    MergeResult result = merge(b, ours, theirs);
    ASSERT_TRUE(result.clean()) << conflicts(result)[0];
    EXPECT_NE(result.merged.tables.at({"MAIN", "ITEMS"}).find_column("PRICE"), nullptr);
    EXPECT_TRUE(result.merged.indexes.contains({"MAIN", "ITEMS_ID_NAME"}));
}

// Ours adds a table typed `orders`, theirs one typed `"ORDERS"`: under upper-case folding
// both are ORDERS, one table added twice with different columns; under PostgreSQL's lower-case
// folding they are two tables (orders and ORDERS).
TEST(TestDialect, ConflictOnlyItsFoldingCreates) {
    auto sides = [](const model::DialectTraits& traits) {
        struct Three {
            model::Schema base;
            model::Schema ours;
            model::Schema theirs;
        };
        std::string quoted = std::string(traits.quote_open) + "ORDERS" + std::string(traits.quote_close);
        return Three{base(traits),
                     base(traits, [](test::ModelBuilder& b) { b.table("orders").column("a", "integer"); }),
                     base(traits, [&](test::ModelBuilder& b) { b.table(quoted).column("b", "text"); })};
    };
    auto t = sides(testsql());
    MergeResult under_test = merge(t.base, t.ours, t.theirs);
    EXPECT_EQ(conflicts(under_test), (std::vector<std::string>{"add-add table MAIN.ORDERS"}));

    auto p = sides(postgres());
    MergeResult under_postgres = merge(p.base, p.ours, p.theirs);
    EXPECT_TRUE(under_postgres.clean()) << conflicts(under_postgres)[0];
    EXPECT_TRUE(under_postgres.merged.tables.contains({"public", "orders"}));
    EXPECT_TRUE(under_postgres.merged.tables.contains({"public", "ORDERS"}));
}

// Ours adds a table LOOKUP, theirs an index LOOKUP on ITEMS: PostgreSQL keeps relations and
// indexes in one namespace per schema (a name collision); the test dialect keeps index names
// per table (no conflict).
MergeResult index_named_like_a_table(const model::DialectTraits& traits) {
    return merge(base(traits), base(traits, [](test::ModelBuilder& b) { b.table("lookup").column("k", "integer"); }),
                 base(traits, [](test::ModelBuilder& b) { b.index("lookup", "items", {"name"}); }));
}

TEST(TestDialect, IndexNamedLikeATableCollidesUnderPostgres) {
    MergeResult under_postgres = index_named_like_a_table(postgres());
    ASSERT_EQ(under_postgres.conflicts.size(), 1U);
    EXPECT_EQ(under_postgres.conflicts[0].kind, ConflictKind::name_collision);
    EXPECT_NE(under_postgres.conflicts[0].explanation.find("PostgreSQL keeps them in one namespace"),
              std::string::npos);
}

// Merge validation reads the dialect's namespace rules (model/namespace_rules): the test
// dialect keeps index names per table, apart from its relations.
TEST(TestDialect, IndexNamedLikeATableIsFreeUnderItsRules) {
    MergeResult under_test = index_named_like_a_table(testsql());
    EXPECT_TRUE(under_test.clean()) << (under_test.clean() ? "" : under_test.conflicts[0].explanation);
}

}  // namespace
}  // namespace schemerge::diff
