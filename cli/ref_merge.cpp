#include "cli/ref_merge.hpp"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace schemerge::cli {

namespace {

model::Diagnostic note(std::string message) {
    model::Diagnostic d;
    d.severity = model::Severity::note;
    d.message = std::move(message);
    return d;
}

}  // namespace

std::string repository_path_of(const std::string& file, const std::vector<std::string>& labels) {
    for (const auto& label : labels) {
        if (file.size() > label.size() && file.starts_with(label) && file[label.size()] == ':') {
            return file.substr(label.size() + 1);
        }
    }
    return file;
}

std::optional<std::vector<std::string>> schema_paths(const std::vector<std::string>& given, const Config& config) {
    const auto& paths = given.empty() ? config.schema_paths : given;
    if (paths.empty()) {
        std::cerr << "error: no schema path: pass --path PATH or set [schema] path in schemerge.toml\n";
        return std::nullopt;
    }
    return paths;
}

std::string paths_text(const std::vector<std::string>& paths) { return fmt::format("{}", fmt::join(paths, ", ")); }

std::expected<RefMerge, model::Error> merge_refs(InputContext& context, const GitCommit& ours, const GitCommit& theirs,
                                                 const std::vector<std::string>& paths, const MergeJobOptions& options) {
    auto repo = context.repository();
    if (!repo) {
        return std::unexpected(plain_error(repo.error()));
    }
    auto base = (*repo)->merge_base(ours, theirs);
    if (!base) {
        return std::unexpected(plain_error(base.error()));
    }
    RefMerge out;
    out.base = std::move(*base);
    out.base_label = out.base.chosen.short_sha();
    if (out.base.all.size() > 1) {
        std::vector<std::string> shas;
        for (const auto& sha : out.base.all) {
            shas.push_back(sha.substr(0, 7));
        }
        out.notes.push_back(note(fmt::format(
            "'{}' and '{}' have {} merge bases (a criss-cross history): {}; using {} (the one `git merge-base` "
            "prints); git's recursive merge would first merge the bases, so its result can differ",
            ours.revision, theirs.revision, out.base.all.size(), fmt::join(shas, ", "), out.base_label)));
    }
    std::vector<std::vector<parser::SourceFile>> inputs(3);
    for (const auto& path : paths) {
        auto base_sources = context.read_at(out.base.chosen, out.base_label, path);
        if (!base_sources) {
            // The schema may have been created on both branches since they forked.
            if (context.exists_at(out.base.chosen, path)) {
                return std::unexpected(base_sources.error());
            }
            out.notes.push_back(note(fmt::format(
                "'{}' does not exist at the merge base {}: merging against an empty schema there", path, out.base_label)));
        } else {
            out.notes.insert(out.notes.end(), base_sources->notes.begin(), base_sources->notes.end());
            std::ranges::move(base_sources->files, std::back_inserter(inputs[0]));
        }
        for (const auto* side : {&ours, &theirs}) {
            auto sources = context.read_at(*side, side->revision, path);
            if (!sources) {
                return std::unexpected(sources.error());
            }
            for (const auto& n : sources->notes) {
                // Both sides usually skip the same files: say it once.
                const bool seen = std::ranges::any_of(out.notes, [&](const model::Diagnostic& d) {
                    return d.message == n.message;
                });
                if (!seen) {
                    out.notes.push_back(n);
                }
            }
            if (side == &theirs && out.theirs_first_file.empty() && !sources->files.empty()) {
                out.theirs_first_file = *sources->files.front().name;
            }
            std::ranges::move(sources->files, std::back_inserter(inputs[side == &ours ? 1 : 2]));
        }
    }
    auto job = run_merge_job(std::move(inputs), options);
    if (!job) {
        return std::unexpected(std::move(job.error()));
    }
    out.job = std::move(*job);
    return out;
}

}  // namespace schemerge::cli
