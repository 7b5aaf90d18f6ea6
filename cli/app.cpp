#include "cli/app.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/dump_command.hpp"
#include "cli/exit_codes.hpp"

namespace schemerge::cli {

int run(int argc, char** argv) {
    CLI::App app{"schemerge: schema diff, three-way merge and migration synthesis for database branches"};
    app.set_version_flag("--version", "schemerge 0.1.0");
    app.require_subcommand(1);
    DumpArgs dump;
    add_dump_command(app, dump);
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
    return k_exit_input_error;
}

}  // namespace schemerge::cli
