#pragma once
// Shared by the attribute-row tests (tests/unit/parser/*_attributes_test.cpp): a diff's
// changes as "kind key" lines ("alter_index index public.i"), in the change set's order.
#include <string>
#include <vector>

#include "diff/two_way_diff.hpp"

namespace schemerge::test {

inline std::vector<std::string> changes(const diff::DiffResult& result) {
    std::vector<std::string> out;
    for (const auto& c : result.changes.changes) {
        out.push_back(std::string(diff::to_string(c.kind)) + " " + c.key.to_string());
    }
    return out;
}

}  // namespace schemerge::test
