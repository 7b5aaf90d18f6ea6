#include "cli/check_command.hpp"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/config.hpp"
#include "cli/exit_codes.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/merge_report.hpp"
#include "cli/output.hpp"
#include "cli/ref_merge.hpp"
#include "cli/schema_input.hpp"

namespace schemerge::cli {

void add_check_command(CLI::App& app, CheckArgs& args) {
    CLI::App* cmd = app.add_subcommand(
        "check", "CI gate for a pull request: three-way merge of HEAD into BASE; fails on conflicts and on the "
                 "hazards the configuration marks as failing");
    cmd->add_option("--base", args.base, "the branch the pull request merges into (e.g. origin/main)")->required();
    cmd->add_option("--head", args.head, "the pull request's commit (default: HEAD)");
    cmd->add_option("--path", args.paths,
                    "the schema file or migration directory in the repository; repeatable: several paths form one "
                    "schema, in order (default: [schema] path/paths of schemerge.toml)");
    cmd->add_option("--format", args.format, "report format")
        ->check(CLI::IsMember({"text", "github", "markdown", "json", "sarif"}));
    cmd->add_option("-o,--output", args.output, "write the report to FILE instead of standard output");
    cmd->add_option("--fail-on", args.fail_on,
                    "hazard ids that fail the check, comma-separated (default: [check] fail_on; '' for none)")
        ->delimiter(',');
    cmd->add_option("--prefer", args.prefer, "resolve both-modified, modify-delete and add-add conflicts this way")
        ->check(CLI::IsMember({"ours", "theirs"}));
    cmd->add_flag("--online", args.online, "plan lock-friendly statements (as for `diff --online`)");
    cmd->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    cmd->add_flag("-q,--quiet", args.quiet, "do not print warnings and notes");
    add_source_options(cmd, args.sources);
    add_privilege_options(cmd, args.sources);
}

int run_check(const CheckArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    // --fail-on overrides [check] fail_on; `--fail-on ''` clears it.
    std::vector<std::string> failing = context->config().fail_on;
    if (!args.fail_on.empty()) {
        failing.clear();
        std::ranges::copy_if(args.fail_on, std::back_inserter(failing), [](const std::string& id) { return !id.empty(); });
    }
    const auto known_hazards = hazard_ids();
    for (const auto& id : failing) {
        if (std::ranges::find(known_hazards, id) == known_hazards.end()) {
            std::cerr << "error: unknown hazard id '" << id << "' in --fail-on\n";
            return k_exit_input_error;
        }
    }
    const auto found_paths = schema_paths(args.paths, context->config());
    if (!found_paths) {
        return k_exit_input_error;
    }
    const std::vector<std::string>& paths = *found_paths;
    const std::string path = paths_text(paths);
    auto base = context->resolve(args.base);
    if (!base) {
        std::cerr << base.error().render() << '\n';
        return k_exit_input_error;
    }
    auto head = context->resolve(args.head);
    if (!head) {
        std::cerr << head.error().render() << '\n';
        return k_exit_input_error;
    }
    MergeJobOptions options;
    options.dialect = &context->dialect();
    options.merge.prefer = preference_from(args.prefer.empty() ? context->config().prefer : args.prefer);
    options.plan.locks = args.online ? synth::LockStrategy::online : synth::LockStrategy::plain;
    options.strict = args.strict;
    options.config = &context->config();
    auto merged = merge_refs(*context, *base, *head, paths, options);
    if (!merged) {
        std::cerr << merged.error().render() << '\n';
        return k_exit_input_error;
    }
    for (const auto& input : merged->job.loaded) {
        print_diagnostics(input.diagnostics, args.quiet);
    }
    print_notes(merged->notes, args.quiet);
    const auto& job = merged->job;

    // The hazards that fail: those of the migration the base branch's environment runs.
    std::set<std::string> failed;
    for (const auto& step : job.ours_plan.steps) {
        for (const auto& hazard : step.hazards) {
            if (std::ranges::find(failing, hazard.id) != failing.end()) {
                failed.insert(hazard.id);
            }
        }
    }
    MergeReport report{merged->base_label, &job.result,
                       SidePlan{args.base, &job.ours_diff, &job.ours_plan, args.base},
                       SidePlan{args.head, &job.theirs_diff, &job.theirs_plan, args.head},
                       [labels = std::vector<std::string>{args.head, args.base, merged->base_label}](
                           const std::string& file) { return repository_path_of(file, labels); },
                       false, &job.loaded[2].schema, std::nullopt, failing, &context->dialect()};
    if (!merged->theirs_first_file.empty()) {
        model::SourceLocation first;
        first.file = std::make_shared<const std::string>(merged->theirs_first_file);
        first.line = 1;
        report.fallback_location = first;
    }
    const bool pass = job.result.clean() && failed.empty();
    std::string verdict;
    if (!job.result.clean()) {
        verdict = fmt::format("check failed: {} conflict{} merging {} into {}", job.result.conflicts.size(),
                              job.result.conflicts.size() == 1 ? "" : "s", args.head, args.base);
    } else if (!failed.empty()) {
        verdict = fmt::format("check failed: the migration for {} has hazards configured to fail: {}", args.base,
                              fmt::join(failed, ", "));
    } else {
        verdict = fmt::format("check passed: {} merges into {} cleanly", args.head, args.base);
    }
    std::string content;
    if (args.format == "github") {
        content = render_merge_github(report);
        if (!pass) {
            content += render_github_message("error", "schemerge check", verdict);
        }
    } else if (args.format == "sarif") {
        content = render_merge_sarif(report);
    } else if (args.format == "json") {
        auto j = nlohmann::ordered_json::parse(render_merge_json(report));
        nlohmann::ordered_json out;
        out["base"] = {{"ref", args.base}, {"commit", base->sha}};
        out["head"] = {{"ref", args.head}, {"commit", head->sha}};
        out["merge_base"] = merged->base.chosen.sha;
        out["path"] = path;
        out["pass"] = pass;
        out["failing_hazards"] = failed;
        for (auto& [key, value] : j.items()) {
            out[key] = value;
        }
        content = out.dump(2) + "\n";
    } else if (args.format == "markdown") {
        content = render_merge_markdown(report);
        content += "\n" + std::string(pass ? "✅ " : "❌ ") + verdict + "\n";
    } else {
        content = render_merge_text(report) + "\n" + verdict + "\n";
    }
    if (auto written = write_output(args.output, content); !written) {
        std::cerr << "error: " << written.error() << '\n';
        return k_exit_input_error;
    }
    if (args.format != "text" && !args.quiet) {
        std::cerr << verdict << '\n';
    }
    keep_until_exit(std::move(merged->job));
    return pass ? k_exit_ok : k_exit_different;
}

}  // namespace schemerge::cli
