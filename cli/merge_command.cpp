#include "cli/merge_command.hpp"
#include "cli/rename_option.hpp"
#include "model/concurrency.hpp"

#include <expected>
#include <future>
#include <iostream>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/exit_codes.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/merge_job.hpp"
#include "cli/merge_report.hpp"
#include "cli/output.hpp"
#include "cli/schema_input.hpp"
#include "diff/three_way_merge.hpp"
#include "parser/source_file.hpp"

namespace schemerge::cli {

namespace {

std::optional<diff::Preference> parse_preference(std::string_view text) {
    if (text == "ours") {
        return diff::Preference::ours;
    }
    if (text == "theirs") {
        return diff::Preference::theirs;
    }
    return std::nullopt;
}

// One `--resolve OBJECT=ours|theirs`; the object is the display name reports print
// (the last '=' splits, so an object name may contain '=' inside quotes).
std::expected<std::pair<std::string, diff::Preference>, std::string> parse_resolve(const std::string& value) {
    auto eq = value.rfind('=');
    if (eq == std::string::npos || eq == 0) {
        return std::unexpected("invalid --resolve '" + value +
                               "': expected OBJECT=ours|theirs (e.g. public.orders.total=ours)");
    }
    auto side = parse_preference(std::string_view(value).substr(eq + 1));
    if (!side) {
        return std::unexpected("invalid --resolve '" + value + "': the side must be 'ours' or 'theirs', not '" +
                               value.substr(eq + 1) + "'");
    }
    return std::pair{value.substr(0, eq), *side};
}

}  // namespace

void add_merge_command(CLI::App& app, MergeArgs& args) {
    CLI::App* cmd = app.add_subcommand(
        "merge", "Three-way merge of schemas: write the merged schema and the migrations from each side to it");
    cmd->add_option("BASE", args.base, "the common ancestor: a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    cmd->add_option("OURS", args.ours, "our version: a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    cmd->add_option("THEIRS", args.theirs, "their version: a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    add_source_options(cmd, args.sources);
    add_privilege_options(cmd, args.sources);
    cmd->add_option("--schema-out", args.schema_out, "write the merged schema (dump's canonical form) to FILE");
    cmd->add_option("--plan-ours", args.plan_ours, "write the migration from OURS to the merged schema to FILE");
    cmd->add_option("--plan-theirs", args.plan_theirs, "write the migration from THEIRS to the merged schema to FILE");
    cmd->add_flag("--online", args.online,
                  "lock-friendly plans: CREATE INDEX CONCURRENTLY, NOT VALID + VALIDATE, "
                  "SET NOT NULL through a validated CHECK");
    cmd->add_option("--prefer", args.prefer,
                    "resolve every both-modified, modify-delete and add-add conflict in favour of one side")
        ->check(CLI::IsMember({"ours", "theirs"}));
    cmd->add_option("--resolve", args.resolves,
                    "resolve the conflicts on one object, OBJECT=ours|theirs, OBJECT as the report names it "
                    "(public.orders, public.orders.total, public.f(integer)); repeatable")
        ->take_all()
        ->allow_extra_args(false);
    cmd->add_option("--rename-ours", args.renames_ours,
                    "a rename made on our side (base -> ours), KIND:OLD=NEW as for `diff --rename`; repeatable");
    cmd->add_option("--rename-theirs", args.renames_theirs,
                    "a rename made on their side (base -> theirs), KIND:OLD=NEW as for `diff --rename`; repeatable");
    cmd->add_flag("--force", args.force, "write --schema-out and --plan-* files even when there are conflicts");
    cmd->add_option("--format", args.format, "report format")
        ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}));
    cmd->add_option("-o,--output", args.output, "write the report to FILE instead of standard output");
    cmd->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    cmd->add_flag("-q,--quiet", args.quiet, "do not print warnings and notes");
}

int run_merge(const MergeArgs& args) {
    diff::MergeOptions options;
    if (!args.prefer.empty()) {
        auto prefer = parse_preference(args.prefer);
        if (!prefer) {
            std::cerr << "error: invalid --prefer '" << args.prefer << "': expected ours or theirs\n";
            return k_exit_input_error;
        }
        options.prefer = *prefer;
    }
    for (const auto& value : args.resolves) {
        auto resolve = parse_resolve(value);
        if (!resolve) {
            std::cerr << "error: " << resolve.error() << '\n';
            return k_exit_input_error;
        }
        options.resolve.insert_or_assign(resolve->first, resolve->second);
    }

    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    const Dialect& dialect = context->dialect();
    for (auto [values, target] : {std::pair{&args.renames_ours, &options.renames_ours.renames},
                                  std::pair{&args.renames_theirs, &options.renames_theirs.renames}}) {
        for (const auto& value : *values) {
            auto hint = parse_rename(value, *dialect.traits);
            if (!hint) {
                std::cerr << "error: " << hint.error() << '\n';
                return k_exit_input_error;
            }
            target->push_back(std::move(*hint));
        }
    }
    if (args.prefer.empty() && !context->config().prefer.empty()) {
        options.prefer = preference_from(context->config().prefer);
    }
    std::vector<std::vector<parser::SourceFile>> inputs;
    for (const auto* path : {&args.base, &args.ours, &args.theirs}) {
        auto sources = context->read(*path);
        if (!sources) {
            std::cerr << sources.error().render() << '\n';
            return k_exit_input_error;
        }
        print_notes(sources->notes, args.quiet);
        inputs.push_back(std::move(sources->files));
    }
    MergeJobOptions job_options;
    job_options.dialect = &dialect;
    job_options.merge = options;
    job_options.plan.locks = args.online ? synth::LockStrategy::online : synth::LockStrategy::plain;
    job_options.strict = args.strict;
    job_options.config = &context->config();
    job_options.sources = {args.base, args.ours, args.theirs};
    job_options.quiet = args.quiet;
    auto job = run_merge_job(std::move(inputs), job_options);
    if (!job) {
        std::cerr << job.error().render() << '\n';
        return k_exit_input_error;
    }
    for (const auto& input : job->loaded) {
        print_diagnostics(input.diagnostics, args.quiet);
    }
    const auto& result = job->result;
    const auto& ours_plan = job->ours_plan;
    const auto& theirs_plan = job->theirs_plan;
    const auto& ours_diff = job->ours_diff;
    const auto& theirs_diff = job->theirs_diff;

    const bool write_results = result.clean() || args.force;
    const bool wants_results = !args.schema_out.empty() || !args.plan_ours.empty() || !args.plan_theirs.empty();
    // The merged schema's text (10k tables: ~1 s) is rendered on a second thread while the
    // report and the plans' texts are rendered here: all of them only read the job.
    std::future<std::string> merged_text;
    if (write_results && !args.schema_out.empty()) {
        merged_text = std::async(model::launch_policy(), [&dialect, &job] { return emit_merged(dialect, *job); });
    }

    MergeReport report{args.base, &result, SidePlan{args.ours, &ours_diff, &ours_plan},
                       SidePlan{args.theirs, &theirs_diff, &theirs_plan}};
    report.dialect = &dialect;
    std::string content;
    if (args.format == "json") {
        content = render_merge_json(report);
    } else if (args.format == "markdown") {
        content = render_merge_markdown(report);
    } else if (args.format == "sarif") {
        content = render_merge_sarif(report);
    } else {
        content = render_merge_text(report);
    }

    if (write_results) {
        std::string plan_ours_text = args.plan_ours.empty() ? "" : dialect.render_plan(ours_plan);
        std::string plan_theirs_text = args.plan_theirs.empty() ? "" : dialect.render_plan(theirs_plan);
        const std::pair<const std::string*, std::string> files[] = {
            {&args.schema_out, merged_text.valid() ? merged_text.get() : ""},
            {&args.plan_ours, std::move(plan_ours_text)},
            {&args.plan_theirs, std::move(plan_theirs_text)},
        };
        for (const auto& [path, text] : files) {
            if (path->empty()) {
                continue;
            }
            if (auto written = write_output(*path, text); !written) {
                std::cerr << "error: " << written.error() << '\n';
                return k_exit_input_error;
            }
        }
    } else if (wants_results && !args.quiet) {
        std::cerr << "note: " << result.conflicts.size() << " conflict" << (result.conflicts.size() == 1 ? "" : "s")
                  << ": the merged schema and plans were not written (resolve them, or pass --force)\n";
    }
    // The other formats carry the plans' notes; SARIF has no place for them.
    if (args.format == "sarif" && !args.quiet) {
        for (const auto* plan : {&ours_plan, &theirs_plan}) {
            for (const auto& note : plan->notes) {
                std::cerr << "note: " << note << '\n';
            }
        }
    }
    if (auto written = write_output(args.output, content); !written) {
        std::cerr << "error: " << written.error() << '\n';
        return k_exit_input_error;
    }
    const bool clean = result.clean();
    keep_until_exit(std::move(*job));
    return clean ? k_exit_ok : k_exit_different;
}

}  // namespace schemerge::cli
