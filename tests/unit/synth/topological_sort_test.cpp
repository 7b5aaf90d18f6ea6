// The one topological sort (synth/topological_sort.hpp): dependencies win over ties,
// ties go by (rank, key, insertion order), a cycle is broken at its smallest node and
// reported as data (never thrown), and every node is placed exactly once.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "synth/topological_sort.hpp"

namespace schemerge::synth {
namespace {

OrderNode node(int rank, const std::string& name, std::set<std::size_t> needs = {}) {
    OrderNode n;
    n.rank = rank;
    n.key.schema = "s";
    n.key.name = name;
    n.needs = std::move(needs);
    return n;
}

struct SortRow {
    std::string name;
    std::vector<OrderNode> nodes;
    std::vector<std::size_t> sequence;
    std::vector<std::size_t> forced;
};

TEST(TopologicalSort, Rows) {
    const std::vector<SortRow> rows = {
        {"empty", {}, {}, {}},
        {"ties by rank", {node(2, "a"), node(1, "b"), node(3, "c")}, {1, 0, 2}, {}},
        {"ties by key within a rank", {node(1, "c"), node(1, "a"), node(1, "b")}, {1, 2, 0}, {}},
        {"equal rank and key: insertion order", {node(1, "x"), node(1, "x"), node(1, "x")}, {0, 1, 2}, {}},
        {"a need beats the rank", {node(1, "a", {1}), node(9, "b")}, {1, 0}, {}},
        {"a chain", {node(1, "a", {1}), node(1, "b", {2}), node(1, "c")}, {2, 1, 0}, {}},
        {"ready nodes still go by rank once their needs are met",
         {node(5, "late"), node(1, "first"), node(2, "needs late", {0}), node(3, "free")},
         {1, 3, 0, 2},
         {}},
        {"two-node cycle: broken at the smallest, reported",
         {node(1, "a", {1}), node(1, "b", {0})},
         {0, 1},
         {0}},
        {"free nodes before a cycle, whatever their rank",
         {node(2, "a", {1}), node(2, "b", {0}), node(3, "free")},
         {2, 0, 1},
         {0}},
        // The smallest waiting node is placed, even one that only waits for the cycle:
        // that is what the plans and dumps have always done (their golden files pin it).
        {"on a cycle the smallest waiting node goes",
         {node(1, "c", {1, 2}), node(5, "a", {2}), node(5, "b", {1})},
         {0, 1, 2},
         {0, 1}},
        {"the key's schema sorts before its name",
         {[] {
              OrderNode n = node(1, "a");
              n.key.schema = "z";
              return n;
          }(),
          node(1, "b")},
         {1, 0},
         {}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        TopologicalOrder order = topological_sort(row.nodes);
        EXPECT_EQ(order.sequence, row.sequence);
        EXPECT_EQ(order.forced, row.forced);
        EXPECT_EQ(order.has_cycle(), !row.forced.empty());
        ASSERT_EQ(order.successors.size(), row.nodes.size());
    }
}

TEST(TopologicalSort, SuccessorsAreTheReverseEdges) {
    std::vector<OrderNode> nodes = {node(1, "a"), node(1, "b", {0}), node(1, "c", {0, 1})};
    TopologicalOrder order = topological_sort(nodes);
    EXPECT_EQ(order.successors[0], (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(order.successors[1], (std::vector<std::size_t>{2}));
    EXPECT_TRUE(order.successors[2].empty());
}

TEST(TopologicalSort, SelfNeedIsACycleOfOne) {
    std::vector<OrderNode> nodes = {node(1, "a", {0}), node(2, "b")};
    TopologicalOrder order = topological_sort(nodes);
    EXPECT_EQ(order.sequence, (std::vector<std::size_t>{1, 0}));
    EXPECT_EQ(order.forced, (std::vector<std::size_t>{0}));
}

TEST(TopologicalSort, LargeInputIsDeterministic) {
    // Ten thousand nodes in reverse-dependency chains: same input, same order.
    std::vector<OrderNode> nodes;
    for (std::size_t i = 0; i < 10000; ++i) {
        std::set<std::size_t> needs;
        if (i % 10 != 0) {
            needs.insert(i - 1);
        }
        nodes.push_back(node(static_cast<int>(i % 7), "n" + std::to_string(i % 100), needs));
    }
    TopologicalOrder a = topological_sort(nodes);
    TopologicalOrder b = topological_sort(nodes);
    EXPECT_EQ(a.sequence, b.sequence);
    EXPECT_FALSE(a.has_cycle());
    std::vector<std::size_t> position(nodes.size());
    for (std::size_t i = 0; i < a.sequence.size(); ++i) {
        position[a.sequence[i]] = i;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (std::size_t needed : nodes[i].needs) {
            EXPECT_LT(position[needed], position[i]);
        }
    }
}

}  // namespace
}  // namespace schemerge::synth
