#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

struct MergeArgs {
    SourceOptions sources;
    std::string base;
    std::string ours;
    std::string theirs;
    std::string schema_out;
    std::string plan_ours;
    std::string plan_theirs;
    bool online = false;
    std::string prefer;                 // "", "ours" or "theirs"
    std::vector<std::string> resolves;  // OBJECT=ours|theirs, validated in run_merge
    std::vector<std::string> renames_ours;    // KIND:OLD=NEW renames made on our side (base -> ours)
    std::vector<std::string> renames_theirs;  // KIND:OLD=NEW renames made on their side (base -> theirs)
    bool force = false;
    std::string format = "text";
    std::string output;
    bool strict = false;
    bool quiet = false;
};

void add_merge_command(CLI::App& app, MergeArgs& args);
// Runs `schemerge merge`; returns 0 (clean), 1 (conflicts) or 2 (usage or input error).
[[nodiscard]] int run_merge(const MergeArgs& args);

}  // namespace schemerge::cli
