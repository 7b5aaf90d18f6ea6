// Name collisions follow the schemas' dialect (DialectTraits::namespaces): the same merge
// collides under PostgreSQL's rules and not under rules that keep index names per table.
#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"
#include "parser/postgres/dialect_traits.hpp"

namespace schemerge::diff {
namespace {

using model::NameKind;
using model::NameScope;

const model::DialectTraits& per_table_indexes() {
    static const model::DialectTraits t = [] {
        model::DialectTraits d;
        d.name = "test-per-table";
        d.namespaces = {
            {{NameKind::table, NameKind::view}, NameScope::schema, "Tables and views share one namespace.", "tables"},
            {{NameKind::index, NameKind::key_constraint}, NameScope::table, "Index names are unique per table.",
             "indexes"},
        };
        return d;
    }();
    return t;
}

model::Schema base_schema(const model::DialectTraits& traits) {
    model::Schema s;
    s.dialect = traits;
    model::Table t;
    t.name = {"app", "t"};
    model::Column c;
    c.name = "a";
    c.type.name = {"", "integer"};
    t.columns.push_back(c);
    s.tables[t.name] = t;
    return s;
}

model::Index index(const std::string& name) {
    model::Index i;
    i.name = {"app", name};
    i.table = {"app", "t"};
    model::IndexElement e;
    e.column = "a";
    i.elements.push_back(e);
    return i;
}

// Ours adds index app.x on t; theirs adds table app.x.
MergeResult index_and_table(const model::DialectTraits& traits) {
    model::Schema base = base_schema(traits);
    model::Schema ours = base;
    ours.indexes[{"app", "x"}] = index("x");
    model::Schema theirs = base;
    model::Table x = base.tables.at({"app", "t"});
    x.name = {"app", "x"};
    theirs.tables[x.name] = x;
    return merge(base, ours, theirs);
}

// Ours adds index app.k on t; theirs adds UNIQUE constraint k on t.
MergeResult index_and_key(const model::DialectTraits& traits) {
    model::Schema base = base_schema(traits);
    model::Schema ours = base;
    ours.indexes[{"app", "k"}] = index("k");
    model::Schema theirs = base;
    model::Constraint u;
    u.name = "k";
    u.kind = model::ConstraintKind::unique;
    u.columns = {"a"};
    theirs.tables.at({"app", "t"}).constraints.push_back(u);
    return merge(base, ours, theirs);
}

TEST(MergeNamespace, PostgresRelationsShareOneNamespace) {
    auto result = index_and_table(parser::postgres::traits());
    ASSERT_EQ(result.conflicts.size(), 1U);
    EXPECT_EQ(result.conflicts[0].kind, ConflictKind::name_collision);
    EXPECT_EQ(result.conflicts[0].explanation,
              "The merged schema has 2 relations named app.x (table and index); PostgreSQL keeps them in one "
              "namespace.");
    EXPECT_EQ(result.conflicts[0].ours.value, "index app.x");
    EXPECT_EQ(result.conflicts[0].theirs.value, "table app.x");
}

TEST(MergeNamespace, PerTableIndexNamesDoNotMeetTables) {
    auto result = index_and_table(per_table_indexes());
    EXPECT_TRUE(result.clean()) << (result.conflicts.empty() ? "" : result.conflicts[0].explanation);
    EXPECT_TRUE(result.merged.indexes.contains({"app", "x"}));
    EXPECT_TRUE(result.merged.tables.contains({"app", "x"}));
    EXPECT_EQ(result.merged.dialect->name, "test-per-table") << "the merged schema keeps the inputs' dialect";
}

TEST(MergeNamespace, IndexAndKeyOfOneTableCollideInBoth) {
    auto pg = index_and_key(parser::postgres::traits());
    ASSERT_EQ(pg.conflicts.size(), 1U);
    EXPECT_EQ(pg.conflicts[0].explanation,
              "The merged schema has 2 relations named app.k (constraint and index); PostgreSQL keeps them in one "
              "namespace.");

    auto other = index_and_key(per_table_indexes());
    ASSERT_EQ(other.conflicts.size(), 1U);
    EXPECT_EQ(other.conflicts[0].kind, ConflictKind::name_collision);
    EXPECT_EQ(other.conflicts[0].explanation,
              "The merged schema has 2 indexes named app.t.k (constraint and index); Index names are unique per "
              "table.");
}

TEST(MergeNamespace, NeutralSchemasCheckNoNamespace) {
    auto result = index_and_table(model::DialectTraits::neutral());
    EXPECT_TRUE(result.clean());
}

}  // namespace
}  // namespace schemerge::diff
