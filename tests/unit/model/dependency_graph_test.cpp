// The dependency graph over a loaded schema: which objects need which.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/dependency_graph.hpp"
#include "model/schema.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::model {
namespace {

Schema load(const std::string& sql) {
    auto r = parser::postgres::load({parser::make_source("t.sql", sql)});
    if (!r) {
        ADD_FAILURE() << r.error().render();
        return {};
    }
    return r->schema;
}

bool needs(const DependencyGraph& g, const ObjectKey& from, const ObjectKey& to) {
    auto deps = g.dependencies_of(from);
    return std::any_of(deps.begin(), deps.end(), [&](const Dependency& d) { return d.to == to; });
}

// `from` or one of its columns needs `to`.
bool table_needs(const DependencyGraph& g, const ObjectKey& table, const std::vector<std::string>& columns,
                 const ObjectKey& to) {
    if (needs(g, table, to)) {
        return true;
    }
    for (const auto& column : columns) {
        if (needs(g, table_scoped_key(ObjectKind::column, {table.schema, table.name}, column), to)) {
            return true;
        }
    }
    return false;
}

const QualifiedName kT{"public", "t"};

TEST(DependencyGraph, KeyConstructors) {
    ObjectKey s = schema_key("app");
    EXPECT_EQ(s.kind, ObjectKind::schema);
    EXPECT_EQ(s.name, "app");
    ObjectKey f = object_key(ObjectKind::function, {"public", "f"}, "integer");
    EXPECT_EQ(f.schema, "public");
    EXPECT_EQ(f.args, "integer");
    ObjectKey c = table_scoped_key(ObjectKind::constraint, kT, "t_pkey");
    EXPECT_EQ(c.table, "t");
    EXPECT_EQ(c.name, "t_pkey");
    EXPECT_EQ(c.schema, "public");
}

TEST(DependencyGraph, ManualEdges) {
    DependencyGraph g;
    ObjectKey a = object_key(ObjectKind::table, {"public", "a"});
    ObjectKey b = object_key(ObjectKind::table, {"public", "b"});
    g.add_edge(a, b);
    g.add_edge(a, b);
    g.add_edge(a, a);  // ignored
    g.deduplicate();
    EXPECT_TRUE(g.contains(a));
    EXPECT_TRUE(g.contains(b));
    EXPECT_EQ(g.edge_count(), 1U);
    EXPECT_TRUE(needs(g, a, b));
    EXPECT_FALSE(needs(g, b, a));
    ASSERT_EQ(g.dependents_of(b).size(), 1U);
    EXPECT_EQ(g.dependents_of(b)[0].from, a);
}

// Queries answer the same before deduplicate() (a scan), after it (binary searches in the
// sorted edges and the by-target index), after an edge is added later, and on copies.
TEST(DependencyGraph, QueriesAgreeBeforeAndAfterIndexing) {
    std::vector<ObjectKey> keys;
    for (const char* name : {"e", "b", "d", "a", "c"}) {
        keys.push_back(object_key(ObjectKind::table, {"public", name}));
    }
    DependencyGraph g;
    // Every key i > 0 needs key i - 1 and key 0 (no edge twice: the scan before
    // deduplicate() would list it twice); key 4 also needs key 2 (owned_by).
    for (std::size_t i = 1; i < keys.size(); ++i) {
        g.add_edge(keys[i], keys[i - 1]);
        if (i > 1) {
            g.add_edge(keys[i], keys[0]);
        }
    }
    g.add_edge(keys[4], keys[2], DependencyKind::owned_by);
    std::vector<std::vector<Dependency>> before_from, before_to;
    for (const auto& k : keys) {
        before_from.push_back(g.dependencies_of(k));
        before_to.push_back(g.dependents_of(k));
    }
    g.deduplicate();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(g.dependencies_of(keys[i]), before_from[i]);
        EXPECT_EQ(g.dependents_of(keys[i]), before_to[i]);
    }
    EXPECT_EQ(g.dependents_of(keys[0]).size(), 4U);
    EXPECT_EQ(g.dependents_of(keys[2]).size(), 2U);  // key 3, and key 4 as owned_by
    ObjectKey late = object_key(ObjectKind::view, {"public", "late"});
    g.add_edge(late, keys[0]);
    EXPECT_EQ(g.dependents_of(keys[0]).size(), 5U);
    EXPECT_TRUE(needs(g, late, keys[0]));
    g.deduplicate();
    DependencyGraph copy(g);
    DependencyGraph moved(std::move(copy));
    for (const auto& k : keys) {
        EXPECT_EQ(moved.dependents_of(k), g.dependents_of(k));
        EXPECT_EQ(moved.dependencies_of(k), g.dependencies_of(k));
    }
}

TEST(DependencyGraph, BuildFromSchema) {
    Schema s = load(
        "CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('a');"
        " CREATE SEQUENCE s; CREATE TABLE p (id int PRIMARY KEY);"
        " CREATE TABLE t (id bigint DEFAULT nextval('s'), m app.mood, p_id int REFERENCES p);"
        " ALTER SEQUENCE s OWNED BY t.id;"
        " CREATE VIEW v AS SELECT id FROM t; CREATE INDEX ti ON t (p_id);"
        " CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
        " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();");
    DependencyGraph g = DependencyGraph::build(s);
    ObjectKey t = object_key(ObjectKind::table, kT);
    ObjectKey p = object_key(ObjectKind::table, {"public", "p"});
    ObjectKey seq = object_key(ObjectKind::sequence, {"public", "s"});
    ObjectKey mood = object_key(ObjectKind::type, {"app", "mood"});
    ObjectKey view = object_key(ObjectKind::view, {"public", "v"});
    ObjectKey index = object_key(ObjectKind::index, {"public", "ti"});
    ObjectKey fk = table_scoped_key(ObjectKind::constraint, kT, "t_p_id_fkey");
    ObjectKey pk = table_scoped_key(ObjectKind::constraint, {"public", "p"}, "p_pkey");
    ObjectKey trigger = table_scoped_key(ObjectKind::trigger, kT, "tr");
    ObjectKey trg = object_key(ObjectKind::function, {"public", "trg"}, "");

    for (const auto& key : {t, p, seq, mood, view, index, fk, pk, trigger, trg}) {
        EXPECT_TRUE(g.contains(key)) << key.to_string();
    }
    EXPECT_TRUE(table_needs(g, t, {"m"}, mood));
    EXPECT_TRUE(needs(g, mood, schema_key("app")));
    EXPECT_TRUE(needs(g, view, t));
    EXPECT_TRUE(needs(g, index, t));
    EXPECT_TRUE(needs(g, fk, p));
    EXPECT_TRUE(needs(g, fk, pk)) << "an FK needs the referenced key";
    EXPECT_TRUE(needs(g, trigger, trg));
    EXPECT_TRUE(needs(g, trigger, t));
    // The default's nextval needs the sequence; OWNED BY is the other direction.
    EXPECT_TRUE(table_needs(g, t, {"id"}, seq));
    auto seq_deps = g.dependencies_of(seq);
    EXPECT_TRUE(std::any_of(seq_deps.begin(), seq_deps.end(),
                            [](const Dependency& d) { return d.kind == DependencyKind::owned_by; }));
    // Built-in types are outside the model.
    EXPECT_FALSE(g.contains(object_key(ObjectKind::type, {"", "integer"})));
}

TEST(DependencyGraph, ResolverParsesNames) {
    EXPECT_EQ(ObjectResolver::parse_name("a.b"), (QualifiedName{"a", "b"}));
    EXPECT_EQ(ObjectResolver::parse_name("b"), (QualifiedName{"", "b"}));
    EXPECT_EQ(ObjectResolver::parse_name("\"A\".b"), (QualifiedName{"A", "b"}));
}

}  // namespace
}  // namespace schemerge::model
