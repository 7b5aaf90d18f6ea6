#include "cli/verify_command.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"
#include "cli/rename_option.hpp"
#include "cli/schema_input.hpp"
#include "diff/two_way_diff.hpp"
#include "model/schema_privileges.hpp"

namespace schemerge::cli {

void add_verify_command(CLI::App& app, VerifyArgs& args) {
    CLI::App* cmd = app.add_subcommand(
        "verify", "Prove a migration on a real database engine (PostgreSQL: a throwaway cluster or --dsn): FROM + "
                   "plan must give the same catalog as TO");
    cmd->add_option("FROM", args.from, "the current schema: " "a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    cmd->add_option("TO", args.to, "the wanted schema: " "a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    add_source_options(cmd, args.sources);
    add_privilege_options(cmd, args.sources);
    cmd->add_option("--plan", args.plan_file, "the migration script to check (default: the one `diff` writes)");
    cmd->add_option("--dsn", args.dsn,
                    "a connection string or URI (PostgreSQL: libpq's; MySQL: mysql://USER[:PASSWORD]@HOST[:PORT][/DB] or "
                    "mysql://USER@localhost/DB?socket=PATH) of a server on which to create two scratch databases "
                    "(default: start a throwaway local server)");
    cmd->add_flag("--keep", args.keep, "keep the scratch databases (and the cluster) and print how to connect");
    cmd->add_flag("--online", args.online, "verify the --online plan");
    cmd->add_option("--rename", args.renames, "an explicit rename, KIND:OLD=NEW (as for `diff`); repeatable")
        ->take_all()
        ->allow_extra_args(false);
    cmd->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    cmd->add_flag("-q,--quiet", args.quiet, "do not print warnings and notes");
}

int run_verify(const VerifyArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    const Dialect& dialect = context->dialect();
    if (!dialect.verify) {
        std::cerr << "error: verify needs a real database engine, and schemerge has none for the " << dialect.name()
                  << " dialect yet (`schemerge diff` writes its plan)\n";
        return k_exit_input_error;
    }
    diff::DiffOptions diff_options;
    for (const auto& value : args.renames) {
        auto hint = parse_rename(value, *dialect.traits);
        if (!hint) {
            std::cerr << "error: " << hint.error() << '\n';
            return k_exit_input_error;
        }
        diff_options.renames.push_back(std::move(*hint));
    }
    // The server loads the files as written, so nothing is ignored here.
    // Both together, as diff does: the statements they share are parsed once.
    auto inputs = load_schema_inputs(*context, {args.from, args.to}, args.strict, args.quiet, false);
    if (!inputs) {
        return inputs.error();
    }
    auto* from = &(*inputs)[0];
    auto* to = &(*inputs)[1];
    // Only --no-privileges / --no-owners ([ignore] privileges / owners) apply: neither
    // planned nor compared; the server still runs them.
    if (context->config().ignore_privileges) {
        diff_options.privileges = diff::MetaTracking::never;
    }
    if (context->config().ignore_owners) {
        diff_options.owners = diff::MetaTracking::never;
    }

    VerifyJob job;
    job.from_name = args.from;
    job.to_name = args.to;
    job.from_files = &from->sources;
    job.to_files = &to->sources;
    job.plan_file = args.plan_file;
    job.dsn = args.dsn;
    job.keep = args.keep;
    job.quiet = args.quiet;
    job.compare_privileges = diff::compares_privileges(from->loaded.schema, to->loaded.schema, diff_options);
    job.compare_owners = diff::compares_owners(from->loaded.schema, to->loaded.schema, diff_options);
    synth::Plan plan;
    if (args.plan_file.empty()) {
        if (context->config().ignore_privileges) {
            // Created objects' grants are not planned either.
            model::strip_privileges(from->loaded.schema);
            model::strip_privileges(to->loaded.schema);
        }
        if (context->config().ignore_owners) {
            model::strip_owners(from->loaded.schema);
            model::strip_owners(to->loaded.schema);
        }
        auto result = diff::diff(from->loaded.schema, to->loaded.schema, diff_options);
        synth::PlanOptions plan_options;
        plan_options.owners = result.owners_compared;
        plan_options.locks = args.online ? synth::LockStrategy::online : synth::LockStrategy::plain;
        plan = dialect.plan_migration(from->loaded.schema, to->loaded.schema, result.changes, plan_options);
        job.plan = &plan;
    }
    return dialect.verify(job);
}

}  // namespace schemerge::cli
