#include "cli/merge_job.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <optional>
#include <utility>

#include "cli/dialect_registry.hpp"
#include "cli/live_engine.hpp"
#include "cli/sources.hpp"
#include "model/concurrency.hpp"

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

namespace {

bool same_files(const std::vector<parser::SourceFile>& a, const std::vector<parser::SourceFile>& b) {
    return std::ranges::equal(a, b, [](const parser::SourceFile& x, const parser::SourceFile& y) {
        return *x.name == *y.name && x.text == y.text;
    });
}

// Loads {base, ours, theirs}, taking from `cache` the models it holds for the same files,
// and keeps this job's base and theirs files (moved, not copied) for keep_for_next_job.
std::expected<std::vector<parser::LoadResult>, model::Error> load_inputs(
    const Dialect& dialect, std::vector<std::vector<parser::SourceFile>>& inputs,
    const parser::LoadOptions& load_options, LoadCache* cache) {
    if (cache == nullptr) {
        return dialect.load_many(inputs, load_options);
    }
    std::vector<std::optional<parser::LoadResult>> results(inputs.size());
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        auto kept = std::ranges::find_if(cache->entries, [&](const LoadCache::Entry& e) {
            return same_files(e.files, inputs[i]);
        });
        if (kept != cache->entries.end()) {
            results[i] = std::move(kept->loaded);
            cache->entries.erase(kept);
            ++cache->hits;
        } else {
            missing.push_back(i);
        }
    }
    cache->entries.clear();  // what this job did not take is not wanted any more
    if (!missing.empty()) {
        std::vector<std::vector<parser::SourceFile>> texts;
        for (std::size_t i : missing) {
            texts.push_back(std::move(inputs[i]));
        }
        auto loaded = dialect.load_many(texts, load_options);
        for (std::size_t k = 0; k < missing.size(); ++k) {
            inputs[missing[k]] = std::move(texts[k]);
        }
        if (!loaded) {
            return std::unexpected(std::move(loaded.error()));
        }
        for (std::size_t k = 0; k < missing.size(); ++k) {
            results[missing[k]] = std::move((*loaded)[k]);
        }
    }
    cache->pending.clear();
    cache->pending.push_back(std::move(inputs.front()));
    cache->pending.push_back(std::move(inputs.back()));
    std::vector<parser::LoadResult> out;
    out.reserve(results.size());
    for (auto& r : results) {
        out.push_back(std::move(*r));
    }
    return out;
}

}  // namespace

void keep_for_next_job(LoadCache& cache, MergeJob& job) {
    cache.entries.clear();
    if (cache.pending.size() == 2 && job.loaded.size() == 3) {
        cache.entries.push_back({std::move(cache.pending[0]), std::move(job.loaded[0])});
        if (!same_files(cache.entries.front().files, cache.pending[1])) {
            cache.entries.push_back({std::move(cache.pending[1]), std::move(job.loaded[2])});
        }
    }
    cache.pending.clear();
    job.loaded.clear();
}

std::string emit_merged(const Dialect& dialect, const MergeJob& job) {
    synth::EmitOptions emit;
    emit.graph = job.merged_graph.get();
    return dialect.emit_schema(job.result.merged, emit);
}

std::expected<MergeJob, model::Error> run_merge_job(std::vector<std::vector<parser::SourceFile>> inputs,
                                                    const MergeJobOptions& options) {
    parser::LoadOptions load_options;
    load_options.unsupported = options.strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    const Dialect& dialect = options.dialect != nullptr ? *options.dialect : default_dialect();
    MergeJob job;
    if (auto loaded = load_inputs(dialect, inputs, load_options, options.cache); loaded) {
        job.loaded = std::move(*loaded);
    } else {
        return std::unexpected(std::move(loaded.error()));
    }
    // The models (with their locations) are all the merge needs; free the text.
    inputs.clear();
    inputs.shrink_to_fit();
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
    // other side's renames, which are what each side's plan must rename. The two sides
    // only read the schemas: theirs is planned on a second thread while ours is planned here.
    // The merged schema's dependency graph, which both plans and the merged dump order by,
    // is built once, on a thread of its own, while the sides are diffed.
    std::shared_future<std::shared_ptr<const model::DependencyGraph>> merged_graph =
        std::async(model::launch_policy(), [&merged = job.result.merged] {
            return std::make_shared<const model::DependencyGraph>(model::DependencyGraph::build(merged));
        }).share();
    auto plan_side = [&](const model::Schema& side, const diff::DiffOptions& renames, diff::DiffResult& side_diff,
                         synth::Plan& side_plan) {
        side_diff = diff::diff(side, job.result.merged, renames);
        synth::PlanOptions plan = options.plan;
        plan.owners = side_diff.owners_compared;
        plan.to_graph = merged_graph.get().get();
        side_plan = dialect.plan_migration(side, job.result.merged, side_diff.changes, plan);
    };
    auto theirs_side = std::async(model::launch_policy(), plan_side, std::cref(theirs),
                                  std::cref(options.merge.renames_ours), std::ref(job.theirs_diff),
                                  std::ref(job.theirs_plan));
    plan_side(ours, options.merge.renames_theirs, job.ours_diff, job.ours_plan);
    theirs_side.get();
    job.merged_graph = merged_graph.get();
    return job;
}

}  // namespace schemerge::cli
