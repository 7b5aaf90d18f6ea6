#pragma once
#include <cstddef>
#include <set>
#include <vector>

#include "model/object_key.hpp"

namespace schemerge::synth {

// One node of an ordering: its tie-break and the nodes that must come before it.
// Ties between nodes whose needs are met go to the lowest rank, then the lowest key,
// then the node added first, so equal inputs give byte-identical scripts whatever
// order their sources declared things in.
struct OrderNode {
    int rank = 0;
    model::ObjectKey key;
    std::set<std::size_t> needs;  // indexes of the nodes that must come first
};

struct TopologicalOrder {
    std::vector<std::size_t> sequence;  // every node once
    // Nodes placed while some of their needs were still unplaced (a cycle), in the
    // order they were placed; empty when the needs form no cycle. The caller decides
    // what that means for its output (a note, an error).
    std::vector<std::size_t> forced;
    // successors[i]: the nodes that need node i (the reverse edges).
    std::vector<std::vector<std::size_t>> successors;

    [[nodiscard]] bool has_cycle() const { return !forced.empty(); }
};

// Kahn's algorithm with deterministic ties. On a cycle the smallest remaining node is
// placed anyway (and listed in `forced`), so every node is placed exactly once; the
// function never throws on a cycle. `needs` outside [0, nodes.size()) are a bug.
[[nodiscard]] TopologicalOrder topological_sort(const std::vector<OrderNode>& nodes);

}  // namespace schemerge::synth
