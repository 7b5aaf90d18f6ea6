#include "cli/fold_command.hpp"

#include <filesystem>
#include <iostream>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/merge_report.hpp"
#include "cli/output.hpp"
#include "cli/ref_merge.hpp"
#include "cli/schema_input.hpp"

namespace schemerge::cli {

namespace fs = std::filesystem;

std::string target_directory_name(const std::string& branch) {
    std::string out = branch;
    for (char& c : out) {
        if (c == '/' || c == '\\') {
            c = '-';
        }
    }
    return out;
}

namespace {

struct FoldTarget {
    GitCommit commit;
    RefMerge merge;  // its models are freed once the texts below are rendered
    std::size_t changes = 0;
    std::size_t conflicts = 0;
    std::string text_report;           // the merge report, when printed (no --out)
    std::vector<std::string> hazards;  // distinct ids in the target's plan, in plan order
    std::string schema_sql;
    std::string migration_sql;
    std::string report_md;
    std::vector<std::string> written;  // file names, for the summary
};

std::vector<std::string> distinct_hazards(const synth::Plan& plan) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& step : plan.steps) {
        for (const auto& hazard : step.hazards) {
            if (seen.insert(hazard.id).second) {
                out.push_back(hazard.id);
            }
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    return fmt::format("{}", fmt::join(items, separator));
}

// The merge report of one target: the target is "ours", the hotfix "theirs".
MergeReport fold_report(const FoldTarget& target, const GitCommit& hotfix, const Dialect& dialect) {
    const auto& job = target.merge.job;
    MergeReport report{target.merge.base_label, &job.result,
                       SidePlan{target.commit.revision, &job.ours_diff, &job.ours_plan, target.commit.revision},
                       SidePlan{hotfix.revision, &job.theirs_diff, &job.theirs_plan, hotfix.revision}, {}};
    report.dialect = &dialect;
    return report;
}

std::string target_report(const FoldArgs& args, const std::string& path, const GitCommit& hotfix,
                          const FoldTarget& target, const Dialect& dialect) {
    const auto& job = target.merge.job;
    std::string out = fmt::format("# schemerge fold: `{}` into `{}`\n\n", args.hotfix, target.commit.revision);
    out += fmt::format("Schema `{}` · merge base `{}` · `{}` at `{}` · `{}` at `{}`\n\n", path, target.merge.base_label,
                       target.commit.revision, target.commit.short_sha(), hotfix.revision, hotfix.short_sha());
    if (job.result.clean()) {
        out += fmt::format(
            "`migration.sql` takes an environment at `{}` to the merged schema (`schema.sql`): {} statement{}{}.\n\n",
            target.commit.revision, job.ours_plan.steps.size(), job.ours_plan.steps.size() == 1 ? "" : "s",
            target.hazards.empty() ? ", no hazards" : ", hazards: " + join(target.hazards, ", "));
    }
    for (const auto& n : target.merge.notes) {
        out += "> " + n.message + "\n";
    }
    if (!target.merge.notes.empty()) {
        out += "\n";
    }
    out += render_merge_markdown(fold_report(target, hotfix, dialect));
    return out;
}

std::string summary_text(const FoldArgs& args, const std::string& path, const GitCommit& hotfix,
                         const std::vector<FoldTarget>& targets) {
    std::vector<std::array<std::string, 6>> rows{{"target", "base", "changes", "conflicts", "hazards", "result"}};
    for (const auto& t : targets) {
        rows.push_back({t.commit.revision, t.merge.base_label, std::to_string(t.changes), std::to_string(t.conflicts),
                        t.hazards.empty() ? "-" : join(t.hazards, ","), t.conflicts == 0 ? "clean" : "CONFLICT"});
    }
    std::array<std::size_t, 6> width{};
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            width[i] = std::max(width[i], row[i].size());
        }
    }
    std::string out = fmt::format("schemerge fold {} ({}) of {} into {} branch{}\n\n", args.hotfix, hotfix.short_sha(), path,
                                  targets.size(), targets.size() == 1 ? "" : "es");
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line += std::string(width[i] - row[i].size() + 2, ' ');
            }
        }
        out += line + "\n";
    }
    return out;
}

std::string summary_markdown(const FoldArgs& args, const std::string& path, const GitCommit& hotfix,
                             const std::vector<FoldTarget>& targets) {
    std::string out = fmt::format("## schemerge fold: `{}` (`{}`) of `{}`\n\n", args.hotfix, hotfix.short_sha(), path);
    out += "| Target | Merge base | Changes | Conflicts | Hazards | Result |\n|---|---|---|---|---|---|\n";
    for (const auto& t : targets) {
        std::string hazards;
        for (const auto& h : t.hazards) {
            hazards += (hazards.empty() ? "" : ", ") + ("`" + h + "`");
        }
        out += fmt::format("| `{}` | `{}` | {} | {} | {} | {} |\n", t.commit.revision, t.merge.base_label, t.changes,
                           t.conflicts, hazards.empty() ? "—" : hazards, t.conflicts == 0 ? "✅ clean" : "❌ CONFLICT");
    }
    return out;
}

std::string summary_json(const FoldArgs& args, const std::string& path, const GitCommit& hotfix,
                         const std::vector<FoldTarget>& targets) {
    nlohmann::ordered_json j;
    j["hotfix"] = {{"ref", args.hotfix}, {"commit", hotfix.sha}};
    j["path"] = path;
    j["clean"] = true;
    auto& list = j["targets"] = nlohmann::ordered_json::array();
    for (const auto& t : targets) {
        nlohmann::ordered_json row;
        row["target"] = t.commit.revision;
        row["commit"] = t.commit.sha;
        row["merge_base"] = t.merge.base.chosen.sha;
        row["merge_bases"] = t.merge.base.all;
        row["changes"] = t.changes;
        row["conflicts"] = t.conflicts;
        row["hazards"] = t.hazards;
        row["result"] = t.conflicts == 0 ? "clean" : "conflict";
        row["files"] = t.written;
        if (t.conflicts != 0) {
            j["clean"] = false;
        }
        list.push_back(std::move(row));
    }
    return j.dump(2) + "\n";
}

}  // namespace

void add_fold_command(CLI::App& app, FoldArgs& args) {
    CLI::App* cmd = app.add_subcommand(
        "fold", "Fold a hotfix branch into other branches: per target, the merged schema and the migration its "
                "environment runs");
    cmd->add_option("HOTFIX", args.hotfix, "the hotfix branch (or any commit)")->required();
    cmd->add_option("--into", args.into, "a branch to fold the hotfix into; repeatable")->required();
    cmd->add_option("--path", args.paths,
                    "the schema file or migration directory in the repository; repeatable: several paths form one "
                    "schema, in order (default: [schema] path/paths of schemerge.toml)");
    cmd->add_option("--out", args.out,
                    "write DIR/<target>/schema.sql, migration.sql and report.md (a conflicting target gets only "
                    "report.md)");
    cmd->add_option("--format", args.format, "summary format")->check(CLI::IsMember({"text", "markdown", "json"}));
    cmd->add_option("--prefer", args.prefer, "resolve every both-modified, modify-delete and add-add conflict "
                                             "in favour of the target (ours) or the hotfix (theirs)")
        ->check(CLI::IsMember({"ours", "theirs"}));
    cmd->add_flag("--online", args.online, "lock-friendly migrations (as for `diff --online`)");
    cmd->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    cmd->add_flag("-q,--quiet", args.quiet, "do not print warnings and notes");
    add_source_options(cmd, args.sources);
    add_privilege_options(cmd, args.sources);
}

int run_fold(const FoldArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    const auto found_paths = schema_paths(args.paths, context->config());
    if (!found_paths) {
        return k_exit_input_error;
    }
    const std::vector<std::string>& paths = *found_paths;
    const std::string path = paths_text(paths);
    auto hotfix = context->resolve(args.hotfix);
    if (!hotfix) {
        std::cerr << hotfix.error().render() << '\n';
        return k_exit_input_error;
    }
    const Dialect& dialect = context->dialect();
    MergeJobOptions options;
    options.dialect = &dialect;
    LoadCache cache;  // the hotfix and a shared merge base are loaded once for all targets
    options.cache = &cache;
    options.merge.prefer = preference_from(args.prefer.empty() ? context->config().prefer : args.prefer);
    options.plan.locks = args.online ? synth::LockStrategy::online : synth::LockStrategy::plain;
    options.strict = args.strict;
    options.config = &context->config();

    // Everything is computed before anything is written: an error in the last target
    // leaves no output of the first.
    std::vector<FoldTarget> targets;
    std::set<std::string> directories;
    for (const auto& branch : args.into) {
        if (!directories.insert(target_directory_name(branch)).second) {
            std::cerr << "error: --into '" << branch << "' is given twice (or two targets share the directory name '"
                      << target_directory_name(branch) << "')\n";
            return k_exit_input_error;
        }
        auto commit = context->resolve(branch);
        if (!commit) {
            std::cerr << commit.error().render() << '\n';
            return k_exit_input_error;
        }
        auto merged = merge_refs(*context, *commit, *hotfix, paths, options);
        if (!merged) {
            std::cerr << merged.error().render() << '\n';
            return k_exit_input_error;
        }
        FoldTarget target{*commit, std::move(*merged)};
        for (const auto& input : target.merge.job.loaded) {
            print_diagnostics(input.diagnostics, args.quiet);
        }
        print_notes(target.merge.notes, args.quiet);
        const auto& job = target.merge.job;
        target.hazards = distinct_hazards(job.ours_plan);
        if (job.result.clean()) {
            target.schema_sql = emit_merged(dialect, job);
            target.migration_sql = dialect.render_plan(job.ours_plan);
        }
        target.report_md = target_report(args, path, *hotfix, target, dialect);
        target.changes = job.ours_plan.steps.size();
        target.conflicts = job.result.conflicts.size();
        if (args.out.empty() && args.format == "text") {
            target.text_report = render_merge_text(fold_report(target, *hotfix, dialect));
        }
        // The texts are rendered: free the models before the next target is loaded (the
        // hotfix's and the merge base's wait in the cache for the next target, which
        // usually merges the same files).
        if (&branch != &args.into.back()) {
            keep_for_next_job(cache, target.merge.job);
        }
        target.merge.job = MergeJob{};
        targets.push_back(std::move(target));
    }

    bool clean = true;
    if (!args.out.empty()) {
        // Every target's directory exists before the first file is written, so a path that
        // cannot be a directory fails the run before anything is written.
        std::vector<fs::path> created;  // removed again if a later one cannot be made
        for (const auto& target : targets) {
            fs::path dir = fs::path(args.out) / target_directory_name(target.commit.revision);
            std::error_code ec;
            std::vector<fs::path> missing;
            for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
                missing.push_back(p);
            }
            fs::create_directories(dir, ec);
            if (ec || !fs::is_directory(dir)) {
                std::cerr << "error: cannot create the directory '" << dir.string()
                          << "': " << (ec ? ec.message() : std::string("a file of that name exists")) << '\n';
                for (auto it = created.rbegin(); it != created.rend(); ++it) {
                    fs::remove(*it, ec);  // only empty directories go
                }
                return k_exit_input_error;
            }
            // Parents before children, so removing in reverse order empties children first.
            created.insert(created.end(), missing.rbegin(), missing.rend());
        }
        for (auto& target : targets) {
            fs::path dir = fs::path(args.out) / target_directory_name(target.commit.revision);
            std::error_code ec;
            std::vector<std::pair<std::string, const std::string*>> files;
            if (target.conflicts == 0) {
                files.emplace_back("schema.sql", &target.schema_sql);
                files.emplace_back("migration.sql", &target.migration_sql);
            } else {
                // Stale results of an earlier clean run must not be mistaken for this one's.
                fs::remove(dir / "schema.sql", ec);
                fs::remove(dir / "migration.sql", ec);
            }
            files.emplace_back("report.md", &target.report_md);
            for (const auto& [name, text] : files) {
                const std::string file = (dir / name).string();
                if (auto written = write_output(file, *text); !written) {
                    std::cerr << "error: " << written.error() << '\n';
                    return k_exit_input_error;
                }
                target.written.push_back(file);
            }
        }
    }
    for (const auto& target : targets) {
        clean = clean && target.conflicts == 0;
    }
    std::string content;
    if (args.format == "json") {
        content = summary_json(args, path, *hotfix, targets);
    } else if (args.format == "markdown") {
        content = summary_markdown(args, path, *hotfix, targets);
        if (args.out.empty()) {
            for (const auto& target : targets) {
                content += "\n" + target.report_md;
            }
        }
    } else {
        content = summary_text(args, path, *hotfix, targets);
        for (const auto& target : targets) {
            if (!args.out.empty()) {
                content += fmt::format("\nwritten for {}: {}", target.commit.revision, join(target.written, ", "));
                continue;
            }
            content += fmt::format("\n== {} ==\n", target.commit.revision) + target.text_report;
        }
        if (!args.out.empty()) {
            content += "\n";
        }
    }
    std::cout << content;
    std::cout.flush();
    return clean ? k_exit_ok : k_exit_different;
}

}  // namespace schemerge::cli
