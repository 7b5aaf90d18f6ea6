#pragma once
#include <expected>
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "cli/dialect.hpp"
#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/diagnostic.hpp"
#include "parser/load_options.hpp"
#include "parser/source_file.hpp"
#include "synth/plan.hpp"

namespace schemerge::cli {

// A three-way merge as `merge`, `fold`, `check` and `merge-driver` run it: the three
// inputs loaded together (statements they share are parsed once), the configuration's
// [ignore] objects left out, the merge, and each side's migration to the merged schema.
struct MergeJob {
    std::vector<parser::LoadResult> loaded;  // base, ours, theirs
    diff::MergeResult result;
    diff::DiffResult ours_diff;    // ours -> merged
    diff::DiffResult theirs_diff;  // theirs -> merged
    synth::Plan ours_plan;
    synth::Plan theirs_plan;
};

struct MergeJobOptions {
    const Dialect* dialect = nullptr;  // loads and plans; null = the default dialect
    diff::MergeOptions merge;
    synth::PlanOptions plan;
    bool strict = false;
    const Config* config = nullptr;  // [ignore]; null = nothing ignored
    // The SOURCEs {base, ours, theirs} as named on the command line: where some are live
    // databases, the others take the first one's stored form (match_live_stored_forms).
    std::vector<std::string> sources;
    bool quiet = false;
};

// `inputs` = {base, ours, theirs} files; they are freed once loaded.
[[nodiscard]] std::expected<MergeJob, model::Error> run_merge_job(std::vector<std::vector<parser::SourceFile>> inputs,
                                                                  const MergeJobOptions& options);

// Parses `--prefer` / [merge] prefer ("", "none", "ours", "theirs").
[[nodiscard]] diff::Preference preference_from(const std::string& text);

}  // namespace schemerge::cli
