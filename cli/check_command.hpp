#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

struct CheckArgs {
    SourceOptions sources;
    std::string base;           // the branch the pull request merges into
    std::string head = "HEAD";  // the pull request's branch
    std::vector<std::string> paths;  // default: [schema] path(s)
    std::string format = "text";
    std::string output;
    std::vector<std::string> fail_on;  // hazard ids; default: [check] fail_on
    std::string prefer;
    bool online = false;
    bool strict = false;
    bool quiet = false;
};

void add_check_command(CLI::App& app, CheckArgs& args);
// Runs `schemerge check`; returns 0 (mergeable), 1 (conflicts or a failing hazard), 2 (input error).
[[nodiscard]] int run_check(const CheckArgs& args);

}  // namespace schemerge::cli
