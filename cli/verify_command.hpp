#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

struct VerifyArgs {
    SourceOptions sources;
    std::string from;
    std::string to;
    std::string plan_file;  // empty: synthesize the plan as `diff` would
    std::string dsn;        // empty: start a throwaway local cluster
    bool keep = false;
    bool online = false;
    std::vector<std::string> renames;
    bool strict = false;
    bool quiet = false;
};

void add_verify_command(CLI::App& app, VerifyArgs& args);
// Runs `schemerge verify`; returns 0 (verified), 1 (plan failed or catalogs differ),
// 2 (usage/input error, server unavailable) or 128+signal when interrupted.
[[nodiscard]] int run_verify(const VerifyArgs& args);

}  // namespace schemerge::cli
