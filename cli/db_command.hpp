#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/sources.hpp"

namespace schemerge::cli {

// `schemerge db SUBCOMMAND`: live databases per branch (issue 12).
//   db migrate --dsn DSN --to REF[:PATH] [--apply [PLANFILE]] [--plan-out FILE]
//   db branch BRANCH --dsn DSN [--from DB] [--schema PATH]
//   db drift --dsn DSN [--schema REF[:PATH]] [--format text|markdown|json|sarif]
//   db list --dsn DSN [--format text|json]
//   db drop BRANCH --dsn DSN [--force]
struct DbArgs {
    SourceOptions sources;
    std::string dsn;
    // migrate
    std::string to;
    std::string apply_file;  // --apply PLANFILE
    bool apply = false;                   // --apply given (set by run_db)
    CLI::Option* apply_option = nullptr;  // --apply, given with or without a file
    std::string plan_out;
    std::vector<std::string> fail_on;
    std::vector<std::string> allow;
    std::string lock_timeout;
    std::string statement_timeout;
    bool online = false;
    // branch, drop
    std::string branch;
    std::string from;
    std::string schema;  // branch: PATH; drift: REF[:PATH]
    bool force = false;
    std::string format = "text";
    bool strict = false;
    bool quiet = false;
};

void add_db_command(CLI::App& app, DbArgs& args);
// Runs the `db` subcommand that was parsed. Exit codes: 0 done (drift: equal), 1 drift
// found, a refused hazard, a stale plan file or a failed migration, 2 bad input or an
// unreachable server (nothing created), 128+signal when interrupted.
[[nodiscard]] int run_db(CLI::App& app, DbArgs& args);

}  // namespace schemerge::cli
