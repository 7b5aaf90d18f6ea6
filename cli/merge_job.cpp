#include "cli/merge_job.hpp"

#include <utility>

#include "cli/dialect_registry.hpp"
#include "cli/live_engine.hpp"
#include "cli/sources.hpp"

namespace schemerge::cli {

diff::Preference preference_from(const std::string& text) {
    if (text == "ours") {
        return diff::Preference::ours;
    }
    if (text == "theirs") {
        return diff::Preference::theirs;
    }
    return diff::Preference::none;
}

std::expected<MergeJob, model::Error> run_merge_job(std::vector<std::vector<parser::SourceFile>> inputs,
                                                    const MergeJobOptions& options) {
    parser::LoadOptions load_options;
    load_options.unsupported = options.strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    const Dialect& dialect = options.dialect != nullptr ? *options.dialect : default_dialect();
    auto loaded = dialect.load_many(inputs, load_options);
    if (!loaded) {
        return std::unexpected(std::move(loaded.error()));
    }
    // The models (with their locations) are all the merge needs; free the text.
    inputs.clear();
    inputs.shrink_to_fit();
    MergeJob job;
    job.loaded = std::move(*loaded);
    if (options.config != nullptr) {
        for (auto& input : job.loaded) {
            apply_ignore(input.schema, *options.config, *dialect.traits);
        }
    }
    if (!options.sources.empty()) {
        std::vector<model::Schema*> schemas;
        for (auto& input : job.loaded) {
            schemas.push_back(&input.schema);
        }
        match_live_stored_forms(dialect, options.sources, schemas, options.quiet);
    }
    const auto& base = job.loaded[0].schema;
    const auto& ours = job.loaded[1].schema;
    const auto& theirs = job.loaded[2].schema;
    job.result = diff::merge(base, ours, theirs, options.merge);
    // Each side's migration is planned like `diff SIDE MERGED`; the merged schema holds the
    // other side's renames, which are what each side's plan must rename.
    job.ours_diff = diff::diff(ours, job.result.merged, options.merge.renames_theirs);
    synth::PlanOptions plan = options.plan;
    plan.owners = job.ours_diff.owners_compared;
    job.ours_plan = dialect.plan_migration(ours, job.result.merged, job.ours_diff.changes, plan);
    job.theirs_diff = diff::diff(theirs, job.result.merged, options.merge.renames_ours);
    plan.owners = job.theirs_diff.owners_compared;
    job.theirs_plan = dialect.plan_migration(theirs, job.result.merged, job.theirs_diff.changes, plan);
    return job;
}

}  // namespace schemerge::cli
