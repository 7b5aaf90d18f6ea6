#include "cli/app.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/check_command.hpp"
#include "cli/db_command.hpp"
#include "cli/diff_command.hpp"
#include "cli/dump_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/fold_command.hpp"
#include "cli/merge_command.hpp"
#include "cli/merge_driver_command.hpp"
#include "cli/verify_command.hpp"
#include "schemerge_version.hpp"  // generated in the build tree (cmake/Version.cmake)

namespace schemerge::cli {

int run(int argc, char** argv) {
    CLI::App app{"schemerge: schema diff, three-way merge and migration synthesis for database branches"};
    app.set_version_flag("--version", std::string("schemerge ") + k_version + " (commit " + k_git_commit + ")");
    app.require_subcommand(1);
    DumpArgs dump;
    add_dump_command(app, dump);
    DiffArgs diff;
    add_diff_command(app, diff);
    VerifyArgs verify;
    add_verify_command(app, verify);
    MergeArgs merge;
    add_merge_command(app, merge);
    FoldArgs fold;
    add_fold_command(app, fold);
    CheckArgs check;
    add_check_command(app, check);
    MergeDriverArgs merge_driver;
    add_merge_driver_command(app, merge_driver);
    DbArgs db;
    add_db_command(app, db);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return k_exit_input_error;
    }
    if (app.got_subcommand("dump")) {
        return run_dump(dump);
    }
    if (app.got_subcommand("diff")) {
        return run_diff(diff);
    }
    if (app.got_subcommand("verify")) {
        return run_verify(verify);
    }
    if (app.got_subcommand("merge")) {
        return run_merge(merge);
    }
    if (app.got_subcommand("fold")) {
        return run_fold(fold);
    }
    if (app.got_subcommand("check")) {
        return run_check(check);
    }
    if (app.got_subcommand("merge-driver")) {
        return run_merge_driver(merge_driver);
    }
    if (app.got_subcommand("db")) {
        return run_db(app, db);
    }
    return k_exit_input_error;
}

}  // namespace schemerge::cli
