// The neutral ordering engine (synth/action_graph.hpp), driven directly: removes /
// provides wired through hand-built dependency graphs, explicit edges, dependents
// around a change, and the plan's sections with and without transactional DDL.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "synth/action_graph.hpp"

namespace schemerge::synth {
namespace {

using model::DependencyGraph;
using model::ObjectKey;
using model::ObjectKind;

ObjectKey key(ObjectKind kind, const std::string& name) { return model::object_key(kind, {"s", name}); }
const ObjectKey k_table = key(ObjectKind::table, "t");
const ObjectKey k_view = key(ObjectKind::view, "v");
const ObjectKey k_type = key(ObjectKind::type, "ty");
const ObjectKey k_function = key(ObjectKind::function, "f");

Step step(const std::string& sql, bool transactional = true) {
    Step s;
    s.sql = sql;
    s.change = "change of " + sql;
    s.transactional = transactional;
    return s;
}

std::vector<std::string> sql_of(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& s : plan.steps) {
        out.push_back((s.transactional ? "" : "! ") + s.sql);
    }
    return out;
}

Plan assemble(ActionGraph& graph, const DependencyGraph& from, const DependencyGraph& to, bool online = false,
              bool transactional_ddl = true) {
    graph.wire(from, to);
    PlanOptions options;
    options.locks = online ? LockStrategy::online : LockStrategy::plain;
    return graph.assemble(options, transactional_ddl, {});
}

TEST(ActionGraph, AddSplitsStatementsAndPutsHazardsOnTheFirst) {
    ActionGraph graph;
    auto id = graph.add(3, k_table, {"A", "B"}, "change", {Hazard{"data-loss", "m"}});
    ASSERT_EQ(graph.action(id).plain.size(), 2U);
    EXPECT_EQ(graph.action(id).plain[0].hazards.size(), 1U);
    EXPECT_TRUE(graph.action(id).plain[1].hazards.empty());
    EXPECT_EQ(graph.action(id).plain[1].change, "change");
    EXPECT_EQ(graph.rank(id), 3);
    EXPECT_EQ(graph.sort_key(id), k_table);
}

TEST(ActionGraph, FromGraphDropsDependentsFirst) {
    // The view needs the table: dropping both drops the view first, whatever the ranks say.
    DependencyGraph from;
    from.add_edge(k_view, k_table);
    ActionGraph graph;
    auto drop_table = graph.add(1, k_table, {step("DROP TABLE")});
    auto drop_view = graph.add(2, k_view, {step("DROP VIEW")});
    graph.removes(drop_table, k_table);
    graph.removes(drop_view, k_view);
    EXPECT_EQ(sql_of(assemble(graph, from, {})), (std::vector<std::string>{"DROP VIEW", "DROP TABLE"}));
}

TEST(ActionGraph, ToGraphCreatesWhatIsNeededFirst) {
    DependencyGraph to;
    to.add_edge(k_view, k_table);
    ActionGraph graph;
    auto create_view = graph.add(1, k_view, {step("CREATE VIEW")});
    auto create_table = graph.add(2, k_table, {step("CREATE TABLE")});
    graph.provides(create_view, k_view);
    graph.provides(create_table, k_table);
    EXPECT_EQ(sql_of(assemble(graph, {}, to)), (std::vector<std::string>{"CREATE TABLE", "CREATE VIEW"}));
}

TEST(ActionGraph, OwnedByAndIndexAttachEdgesAreLeftToTheDialect) {
    DependencyGraph to;
    to.add_edge(k_view, k_table, model::DependencyKind::owned_by);
    ActionGraph graph;
    auto create_view = graph.add(1, k_view, {step("first")});
    auto create_table = graph.add(2, k_table, {step("second")});
    graph.provides(create_view, k_view);
    graph.provides(create_table, k_table);
    EXPECT_EQ(sql_of(assemble(graph, {}, to)), (std::vector<std::string>{"first", "second"}));
}

TEST(ActionGraph, DropBeforeCreateUnderTheSameIdentity) {
    ActionGraph graph;
    auto create = graph.add(1, k_view, {step("CREATE VIEW")});
    auto drop = graph.add(2, k_view, {step("DROP VIEW")});
    graph.creates(create, k_view);
    graph.drops(drop, k_view);
    EXPECT_EQ(sql_of(assemble(graph, {}, {})), (std::vector<std::string>{"DROP VIEW", "CREATE VIEW"}));
}

TEST(ActionGraph, AfterProvidersAndBeforeRemovers) {
    ActionGraph graph;
    auto comment = graph.add(1, k_table, {step("COMMENT")});
    auto create = graph.add(2, k_table, {step("CREATE")});
    auto detach = graph.add(5, k_view, {step("DETACH")});
    auto drop = graph.add(3, k_view, {step("DROP")});
    graph.provides(create, k_table);
    graph.after_providers(comment, k_table);
    graph.removes(drop, k_view);
    graph.before_removers(detach, k_view);
    EXPECT_EQ(sql_of(assemble(graph, {}, {})), (std::vector<std::string>{"CREATE", "COMMENT", "DETACH", "DROP"}));
}

TEST(ActionGraph, RoutinesWaitForTheEarlyProviderOnly) {
    // A base type's I/O function needs only its shell; the type needs the function.
    DependencyGraph to;
    to.add_edge(k_function, k_type);
    to.add_edge(k_type, k_function);
    ActionGraph graph;
    auto shell = graph.add(1, k_type, {step("SHELL")});
    auto type = graph.add(3, k_type, {step("TYPE")});
    auto function = graph.add(2, k_function, {step("FUNCTION")});
    graph.order(shell, type);
    graph.provides(type, k_type);
    graph.provides(function, k_function);
    graph.provides_for_routines(shell, k_type);
    Plan plan = assemble(graph, {}, to);
    EXPECT_EQ(sql_of(plan), (std::vector<std::string>{"SHELL", "FUNCTION", "TYPE"}));
    EXPECT_TRUE(plan.notes.empty());
}

TEST(ActionGraph, DependentsAroundASpan) {
    // The column's type change spans two actions; its dependent view is dropped before
    // the first and created after the last.
    ObjectKey column = model::table_scoped_key(ObjectKind::column, {"s", "t"}, "c");
    ActionGraph graph;
    auto create_view = graph.add(1, k_view, {step("CREATE VIEW")});
    auto alter_last = graph.add(1, column, {step("ALTER 2")});
    auto alter_first = graph.add(1, column, {step("ALTER 1")});
    auto drop_view = graph.add(9, k_view, {step("DROP VIEW")});
    graph.order(alter_first, alter_last);
    graph.span(column, alter_first, alter_last);
    graph.drops(drop_view, k_view);
    graph.creates(create_view, k_view);
    graph.link_dependents({{column, k_view}});
    EXPECT_EQ(sql_of(assemble(graph, {}, {})),
              (std::vector<std::string>{"DROP VIEW", "ALTER 1", "ALTER 2", "CREATE VIEW"}));
}

TEST(ActionGraph, DependentsAroundADropAndCreateWithoutSpan) {
    ActionGraph graph;
    auto create_function = graph.add(1, k_function, {step("CREATE FUNCTION")});
    auto create_view = graph.add(1, k_view, {step("CREATE VIEW")});
    auto drop_function = graph.add(2, k_function, {step("DROP FUNCTION")});
    auto drop_view = graph.add(3, k_view, {step("DROP VIEW")});
    graph.drops(drop_function, k_function);
    graph.creates(create_function, k_function);
    graph.drops(drop_view, k_view);
    graph.creates(create_view, k_view);
    graph.link_dependents({{k_function, k_view}});
    EXPECT_EQ(sql_of(assemble(graph, {}, {})),
              (std::vector<std::string>{"DROP VIEW", "DROP FUNCTION", "CREATE FUNCTION", "CREATE VIEW"}));
}

TEST(ActionGraph, ThreeSectionsWithTransactionalDdl) {
    ActionGraph graph;
    auto add_value = graph.add(0, k_type, {step("ADD VALUE", false)});
    graph.action(add_value).before_transaction = true;
    graph.add(5, k_table, {step("CONCURRENTLY", false)});
    graph.add(4, k_table, {step("CREATE TABLE")});
    graph.add(9, k_view, {step("CREATE VIEW")});
    Plan plan = assemble(graph, {}, {});
    EXPECT_TRUE(plan.transactional_ddl);
    EXPECT_EQ(sql_of(plan),
              (std::vector<std::string>{"! ADD VALUE", "CREATE TABLE", "CREATE VIEW", "! CONCURRENTLY"}));
    EXPECT_TRUE(plan.notes.empty());
}

TEST(ActionGraph, OnlineFormsOnlyWhenNothingInTheTransactionNeedsThem) {
    for (bool needed : {false, true}) {
        SCOPED_TRACE(needed);
        ActionGraph graph;
        auto index = graph.add(1, k_table, {step("CREATE INDEX")});
        graph.action(index).online = {step("CREATE INDEX CONCURRENTLY", false)};
        graph.action(index).online_late = true;
        auto user = graph.add(2, k_view, {step("USES THE INDEX")});
        if (needed) {
            graph.order(index, user);
        }
        Plan plan = assemble(graph, {}, {}, true);
        if (needed) {
            EXPECT_EQ(sql_of(plan), (std::vector<std::string>{"CREATE INDEX", "USES THE INDEX"}));
        } else {
            EXPECT_EQ(sql_of(plan), (std::vector<std::string>{"USES THE INDEX", "! CREATE INDEX CONCURRENTLY"}));
        }
    }
}

TEST(ActionGraph, WithoutTransactionalDdlOneListEachStepOnItsOwn) {
    ActionGraph graph;
    auto add_value = graph.add(0, k_type, {step("ADD VALUE", false)});
    graph.action(add_value).before_transaction = true;
    auto index = graph.add(5, k_table, {step("CREATE INDEX")});
    graph.action(index).online = {step("CREATE INDEX ONLINE", false)};
    graph.action(index).online_late = true;
    auto user = graph.add(6, k_view, {step("USES THE INDEX")});
    graph.order(index, user);
    graph.add(4, k_table, {step("CREATE TABLE")});
    graph.wire({}, {});
    PlanOptions options;
    options.locks = LockStrategy::online;
    Plan plan = graph.assemble(options, false, {"a note"});
    EXPECT_FALSE(plan.transactional_ddl);
    // Sorted order, no sections; the online form is used (its effect exists once it ran).
    EXPECT_EQ(sql_of(plan), (std::vector<std::string>{"! ADD VALUE", "! CREATE TABLE", "! CREATE INDEX ONLINE",
                                                      "! USES THE INDEX"}));
    EXPECT_EQ(plan.notes, (std::vector<std::string>{std::string(k_autocommit_note), "a note"}));
}

TEST(ActionGraph, ACycleIsANoteNotAnError) {
    ActionGraph graph;
    auto a = graph.add(1, k_table, {step("A")});
    auto b = graph.add(1, k_view, {step("B")});
    graph.order(a, b);
    graph.order(b, a);
    graph.order(a, a);  // ignored
    Plan plan = assemble(graph, {}, {});
    EXPECT_EQ(sql_of(plan), (std::vector<std::string>{"A", "B"}));
    ASSERT_EQ(plan.notes.size(), 1U);
    EXPECT_EQ(plan.notes[0], "dependency cycle: some steps may run before what they need (first: change of A)");
}

}  // namespace
}  // namespace schemerge::synth
