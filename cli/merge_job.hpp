#pragma once
#include <expected>
#include <memory>
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "cli/dialect.hpp"
#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/dependency_graph.hpp"
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
    // DependencyGraph::build(result.merged), built once for both plans: pass it on to
    // the merged schema's dump (synth::EmitOptions::graph).
    std::shared_ptr<const model::DependencyGraph> merged_graph;
};

// Models one job loaded, kept for the next: `fold` merges the same hotfix, and usually
// the same merge base, into every target. An input whose files (names and texts) equal a
// kept input's takes that model instead of being parsed and interpreted again. Nothing is
// copied: a job takes the models it uses out of the cache, and keep_for_next_job moves its base and
// theirs back in once the caller is done with the job (so the cache never holds a model
// the caller would have freed anyway: no extra memory at the peak). The kept models have
// had the job's [ignore] applied; every job of a fold applies the same, which removes
// nothing more the second time. Not for live-database SOURCEs (their stored forms are
// matched per job): `fold` reads git revisions only.
struct LoadCache {
    struct Entry {
        std::vector<parser::SourceFile> files;
        parser::LoadResult loaded;
    };
    std::vector<Entry> entries;
    std::vector<std::vector<parser::SourceFile>> pending;  // the last job's base and theirs files
    std::size_t hits = 0;                                  // inputs taken from the cache
};

struct MergeJobOptions {
    const Dialect* dialect = nullptr;  // loads and plans; null = the default dialect
    LoadCache* cache = nullptr;        // null: every input is loaded
    diff::MergeOptions merge;
    synth::PlanOptions plan;
    bool strict = false;
    const Config* config = nullptr;  // [ignore]; null = nothing ignored
    // The SOURCEs {base, ours, theirs} as named on the command line: where some are live
    // databases, the others take the first one's stored form (match_live_stored_forms).
    std::vector<std::string> sources;
    bool quiet = false;
};

// The canonical dump of the job's merged schema, ordered by the graph the job built for
// its plans (`merge --schema-out`, `fold`, the merge driver).
[[nodiscard]] std::string emit_merged(const Dialect& dialect, const MergeJob& job);

// After the caller is done with `job` (made with `cache`): its base and theirs models
// become the cache's entries for the next job, and `job.loaded` is emptied.
void keep_for_next_job(LoadCache& cache, MergeJob& job);

// `inputs` = {base, ours, theirs} files; they are freed once loaded.
[[nodiscard]] std::expected<MergeJob, model::Error> run_merge_job(std::vector<std::vector<parser::SourceFile>> inputs,
                                                                  const MergeJobOptions& options);

// Parses `--prefer` / [merge] prefer ("", "none", "ours", "theirs").
[[nodiscard]] diff::Preference preference_from(const std::string& text);

}  // namespace schemerge::cli
