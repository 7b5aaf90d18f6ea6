#include "synth/topological_sort.hpp"

#include <tuple>

namespace schemerge::synth {

TopologicalOrder topological_sort(const std::vector<OrderNode>& nodes) {
    std::size_t n = nodes.size();
    TopologicalOrder out;
    std::vector<std::size_t> waiting(n, 0);
    out.successors.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        waiting[i] = nodes[i].needs.size();
        for (std::size_t needed : nodes[i].needs) {
            out.successors[needed].push_back(i);
        }
    }
    auto less = [&nodes](std::size_t a, std::size_t b) {
        const OrderNode& x = nodes[a];
        const OrderNode& y = nodes[b];
        return std::tie(x.rank, x.key, a) < std::tie(y.rank, y.key, b);
    };
    // `ready`: needs met; `pending`: the rest, ordered the same way so that a cycle is
    // broken at its smallest node.
    std::set<std::size_t, decltype(less)> ready(less);
    std::set<std::size_t, decltype(less)> pending(less);
    for (std::size_t i = 0; i < n; ++i) {
        (waiting[i] == 0 ? ready : pending).insert(i);
    }
    std::vector<bool> done(n, false);
    out.sequence.reserve(n);
    while (out.sequence.size() < n) {
        std::size_t next = 0;
        if (!ready.empty()) {
            next = *ready.begin();
            ready.erase(ready.begin());
        } else {
            next = *pending.begin();
            pending.erase(pending.begin());
            out.forced.push_back(next);
        }
        done[next] = true;
        out.sequence.push_back(next);
        for (std::size_t successor : out.successors[next]) {
            if (done[successor] || waiting[successor] == 0) {
                continue;
            }
            if (--waiting[successor] == 0) {
                pending.erase(successor);
                ready.insert(successor);
            }
        }
    }
    return out;
}

}  // namespace schemerge::synth
