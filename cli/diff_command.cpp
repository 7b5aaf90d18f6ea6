#include "cli/diff_command.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/output.hpp"
#include "cli/plan_report.hpp"
#include "cli/rename_option.hpp"
#include "cli/schema_input.hpp"
#include "diff/two_way_diff.hpp"

namespace schemerge::cli {

void add_diff_command(CLI::App& app, DiffArgs& args) {
    CLI::App* cmd = app.add_subcommand("diff", "Write the migration that turns schema FROM into schema TO");
    cmd->add_option("FROM", args.from, "the current schema: " "a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    cmd->add_option("TO", args.to, "the wanted schema: " "a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    add_source_options(cmd, args.sources);
    add_privilege_options(cmd, args.sources);
    cmd->add_flag("--online", args.online,
                  "lock-friendly statements: CREATE INDEX CONCURRENTLY, NOT VALID + VALIDATE, "
                  "SET NOT NULL through a validated CHECK");
    cmd->add_option("--rename", args.renames,
                    "an explicit rename, KIND:OLD=NEW (KIND: table, column, index, view, sequence, type, "
                    "constraint), e.g. table:public.old=new, column:public.t.old=new; repeatable")
        ->take_all()
        ->allow_extra_args(false);
    cmd->add_option("--format", args.format, "output format")->check(CLI::IsMember({"sql", "json", "markdown"}));
    cmd->add_option("-o,--output", args.output, "write to FILE instead of standard output (written only on success)");
    cmd->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    cmd->add_flag("-q,--quiet", args.quiet, "do not print warnings and notes");
}

int run_diff(const DiffArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    const Dialect& dialect = context->dialect();
    diff::DiffOptions options;
    for (const auto& value : args.renames) {
        auto hint = parse_rename(value, *dialect.traits);
        if (!hint) {
            std::cerr << "error: " << hint.error() << '\n';
            return k_exit_input_error;
        }
        options.renames.push_back(std::move(*hint));
    }
    // Both together: the statements they share are parsed once.
    auto inputs = load_schema_inputs(*context, {args.from, args.to}, args.strict, args.quiet);
    if (!inputs) {
        return inputs.error();
    }
    auto* from = &(*inputs)[0];
    auto* to = &(*inputs)[1];
    // The text is not needed any more; the models are.
    from->sources.clear();
    to->sources.clear();

    const auto& from_schema = from->loaded.schema;
    const auto& to_schema = to->loaded.schema;
    auto result = diff::diff(from_schema, to_schema, options);
    synth::PlanOptions plan_options;
    plan_options.locks = args.online ? synth::LockStrategy::online : synth::LockStrategy::plain;
    plan_options.owners = result.owners_compared;
    auto plan = dialect.plan_migration(from_schema, to_schema, result.changes, plan_options);

    std::string content;
    PlanReport report{args.from, args.to, &result, &plan, &dialect};
    if (args.format == "json") {
        content = render_json(report);
    } else if (args.format == "markdown") {
        content = render_markdown(report);
    } else {
        content = dialect.render_plan(plan);
        if (!args.quiet) {
            for (const auto& suggestion : result.suggestions) {
                std::cerr << "note: " << describe_suggestion(suggestion, *dialect.traits) << '\n';
            }
            for (const auto& note : plan.notes) {
                std::cerr << "note: " << note << '\n';
            }
        }
    }
    if (auto written = write_output(args.output, content); !written) {
        std::cerr << "error: " << written.error() << '\n';
        return k_exit_input_error;
    }
    keep_until_exit(std::move(*inputs));
    keep_until_exit(std::move(plan));
    keep_until_exit(std::move(result));
    return k_exit_ok;
}

}  // namespace schemerge::cli
