#pragma once
#include <string>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

// `schemerge merge-driver %O %A %B %P`: git's custom merge driver interface. git gives the
// ancestor's, ours' and theirs' versions of one file as temporary files, expects the
// result in %A and a zero exit when the merge is clean.
struct MergeDriverArgs {
    SourceOptions sources;  // --config / --repo (git runs drivers at the work tree's root)
    std::string ancestor;   // %O
    std::string current;    // %A: ours, and where the result goes
    std::string other;      // %B
    std::string path;       // %P: the file's path in the repository, for messages
    bool quiet = false;
};

void add_merge_driver_command(CLI::App& app, MergeDriverArgs& args);
// Runs the driver; returns 0 (merged, %A written), 1 (conflicts, %A holds their
// description) or 2 (input error, %A unchanged).
[[nodiscard]] int run_merge_driver(const MergeDriverArgs& args);

}  // namespace schemerge::cli
