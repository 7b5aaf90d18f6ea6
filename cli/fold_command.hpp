#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

struct FoldArgs {
    SourceOptions sources;
    std::string hotfix;
    std::vector<std::string> into;  // target branches
    std::vector<std::string> paths;  // default: [schema] path(s)
    std::string out;                // DIR/<target>/{schema.sql,migration.sql,report.md}; empty = print only
    std::string format = "text";    // the summary: text|markdown|json
    std::string prefer;
    bool online = false;
    bool strict = false;
    bool quiet = false;
};

void add_fold_command(CLI::App& app, FoldArgs& args);
// Runs `schemerge fold`; returns 0 (every target clean), 1 (a target conflicts), 2 (input error).
[[nodiscard]] int run_fold(const FoldArgs& args);

// A branch name as a directory name: '/' becomes '-'.
[[nodiscard]] std::string target_directory_name(const std::string& branch);

}  // namespace schemerge::cli
