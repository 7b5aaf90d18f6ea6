#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

struct DiffArgs {
    SourceOptions sources;
    std::string from;
    std::string to;
    bool online = false;
    std::vector<std::string> renames;  // KIND:OLD=NEW, validated in run_diff
    std::string format = "sql";
    std::string output;
    bool strict = false;
    bool quiet = false;
};

void add_diff_command(CLI::App& app, DiffArgs& args);
// Runs `schemerge diff`; returns the process exit code (0 whether or not the schemas differ).
[[nodiscard]] int run_diff(const DiffArgs& args);

}  // namespace schemerge::cli
