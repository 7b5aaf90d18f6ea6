#include "synth/plan.hpp"

#include <algorithm>

namespace schemerge::synth::hazard {

std::vector<Description> catalog(std::span<const Description> dialect) {
    std::vector<Description> out(std::begin(k_neutral), std::end(k_neutral));
    for (const auto& h : dialect) {
        if (std::none_of(out.begin(), out.end(), [&](const Description& known) { return known.id == h.id; })) {
            out.push_back(h);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Description& a, const Description& b) { return a.group < b.group; });
    return out;
}

}  // namespace schemerge::synth::hazard
