// Which object kinds share a namespace is the dialect's (model/namespace_rules.hpp): the
// same schema answers differently under PostgreSQL's rules and under rules that keep
// index names per table.
#include <gtest/gtest.h>

#include "model/namespace_rules.hpp"
#include "model/schema.hpp"
#include "parser/postgres/dialect_traits.hpp"

namespace schemerge::model {
namespace {

// A dialect like MySQL: tables and views share a schema's namespace, indexes and keys are
// named per table, CHECK / FK constraint names are unique per schema.
const DialectTraits& per_table_indexes() {
    static const DialectTraits t = [] {
        DialectTraits d;
        d.name = "test-per-table";
        d.namespaces = {
            {{NameKind::table, NameKind::view}, NameScope::schema, "Tables and views share one namespace.", "tables"},
            {{NameKind::index, NameKind::key_constraint}, NameScope::table, "Index names are per table.", "indexes"},
            {{NameKind::other_constraint}, NameScope::schema, "Constraint names are per schema."},
        };
        return d;
    }();
    return t;
}

Schema sample(const DialectTraits& traits) {
    Schema s;
    s.dialect = traits;
    Table t;
    t.name = {"app", "orders"};
    s.tables[t.name] = t;
    View v;
    v.name = {"app", "recent"};
    s.views[v.name] = v;
    Index i;
    i.name = {"app", "orders_idx"};
    i.table = t.name;
    s.indexes[i.name] = i;
    Sequence q;
    q.name = {"app", "orders_seq"};
    s.sequences[q.name] = q;
    TypeDef composite;
    composite.name = {"app", "pair"};
    composite.kind = TypeKind::composite;
    s.types[composite.name] = composite;
    return s;
}

TEST(NamespaceRules, SharesNamespaceFollowsTheTraits) {
    const DialectTraits& pg = parser::postgres::traits();
    EXPECT_TRUE(shares_namespace(pg, NameKind::table, NameKind::index));
    EXPECT_TRUE(shares_namespace(pg, NameKind::sequence, NameKind::composite_type));
    EXPECT_TRUE(shares_namespace(pg, NameKind::key_constraint, NameKind::other_constraint));
    EXPECT_FALSE(shares_namespace(pg, NameKind::table, NameKind::trigger));
    ASSERT_NE(shared_namespace(pg, NameKind::table, NameKind::view), nullptr);
    EXPECT_EQ(shared_namespace(pg, NameKind::table, NameKind::view)->noun, "relations");
    EXPECT_EQ(shared_namespace(pg, NameKind::table, NameKind::view)->scope, NameScope::schema);

    const DialectTraits& other = per_table_indexes();
    EXPECT_TRUE(shares_namespace(other, NameKind::table, NameKind::view));
    EXPECT_FALSE(shares_namespace(other, NameKind::table, NameKind::index));
    EXPECT_TRUE(shares_namespace(other, NameKind::index, NameKind::key_constraint));
    ASSERT_NE(shared_namespace(other, NameKind::index, NameKind::key_constraint), nullptr);
    EXPECT_EQ(shared_namespace(other, NameKind::index, NameKind::key_constraint)->scope, NameScope::table);

    // A kind always shares with itself; the neutral traits list no rule.
    EXPECT_TRUE(shares_namespace(DialectTraits::neutral(), NameKind::sequence, NameKind::sequence));
    EXPECT_FALSE(shares_namespace(DialectTraits::neutral(), NameKind::table, NameKind::view));
}

TEST(NamespaceRules, NameTakenAndRelationExists) {
    Schema pg = sample(parser::postgres::traits());
    EXPECT_TRUE(pg.relation_exists({"app", "orders"}));
    EXPECT_TRUE(pg.relation_exists({"app", "recent"}));
    EXPECT_TRUE(pg.relation_exists({"app", "orders_idx"})) << "an index is a relation (pg_class)";
    EXPECT_TRUE(pg.relation_exists({"app", "orders_seq"}));
    EXPECT_TRUE(pg.relation_exists({"app", "pair"}));
    EXPECT_FALSE(pg.relation_exists({"public", "orders"}));
    EXPECT_TRUE(name_taken(pg, NameKind::index, {"app", "orders"})) << "a new index named like a table collides";

    Schema other = sample(per_table_indexes());
    EXPECT_TRUE(other.relation_exists({"app", "orders"}));
    EXPECT_TRUE(other.relation_exists({"app", "recent"}));
    EXPECT_FALSE(other.relation_exists({"app", "orders_idx"})) << "index names are per table";
    EXPECT_FALSE(other.relation_exists({"app", "orders_seq"}));
    EXPECT_FALSE(other.relation_exists({"app", "pair"}));
    EXPECT_FALSE(name_taken(other, NameKind::index, {"app", "orders"}));
    EXPECT_TRUE(name_taken(other, NameKind::index, {"app", "orders_idx"})) << "the model keys indexes by schema";
}

TEST(NamespaceRules, OnlyRulesTheModelCanBreakAreChecked) {
    const auto& pg = parser::postgres::traits().namespaces;
    ASSERT_EQ(pg.size(), 4U);
    EXPECT_TRUE(can_collide(pg[0])) << "tables, views, indexes, ... in one schema";
    EXPECT_FALSE(can_collide(pg[1])) << "constraints per table: the merged table keys them by name";
    EXPECT_FALSE(can_collide(pg[2])) << "triggers per table: keyed by table and name";
    EXPECT_FALSE(can_collide(pg[3]));

    const auto& other = per_table_indexes().namespaces;
    EXPECT_TRUE(can_collide(other[0]));
    EXPECT_TRUE(can_collide(other[1])) << "an index and a key of one table";
    EXPECT_TRUE(can_collide(other[2])) << "CHECK constraints of two tables in one schema";
    EXPECT_FALSE(can_collide(NamespaceRule{{NameKind::sequence}, NameScope::schema, ""}));
    EXPECT_TRUE(can_collide(NamespaceRule{{NameKind::sequence}, NameScope::database, ""}));
}

TEST(NamespaceRules, NameKindOfConstraints) {
    Constraint c;
    c.kind = ConstraintKind::unique;
    EXPECT_EQ(name_kind(c), NameKind::key_constraint);
    c.kind = ConstraintKind::exclude;
    EXPECT_EQ(name_kind(c), NameKind::key_constraint);
    c.kind = ConstraintKind::foreign_key;
    EXPECT_EQ(name_kind(c), NameKind::other_constraint);
    EXPECT_EQ(to_string(NameKind::composite_type), "composite type");
}

}  // namespace
}  // namespace schemerge::model
