#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

struct DumpArgs {
    SourceOptions sources;
    std::vector<std::string> inputs;  // SOURCE: one, or several with --check
    bool check = false;               // --check: compare each file with its canonical form
    std::string format = "sql";
    std::string output;
    bool strict = false;
    bool no_owners = false;
    bool no_privileges = false;
    bool no_comments = false;
    bool quiet = false;
};

void add_dump_command(CLI::App& app, DumpArgs& args);
// Runs `schemerge dump`; returns the process exit code.
[[nodiscard]] int run_dump(const DumpArgs& args);

}  // namespace schemerge::cli
