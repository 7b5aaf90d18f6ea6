// Issue 11's benchmarks: a generated 10,000-table MySQL/MariaDB schema (mysqldump style,
// benchmarks/mysql_schema_generator) through the MySQL dialect: load one input, diff base
// against a variant with thousands of changes (load both + diff + plan), and a three-way
// merge from text (load three + merge). The PostgreSQL counterparts are schemerge-bench
// and schemerge-merge-bench; figures side by side in benchmarks/README.md.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "benchmarks/mysql_schema_generator.hpp"
#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/schema.hpp"
#include "parser/load_options.hpp"
#include "parser/mysql/frontend.hpp"
#include "parser/source_file.hpp"
#include "synth/mysql/migration_planner.hpp"

namespace {

namespace gen = schemerge::benchmarks::mysql;

constexpr std::size_t k_tables = 10'000;
constexpr std::uint64_t k_seed = 1;
constexpr int k_iterations = 2;

struct Inputs {
    std::string base;
    std::string ours;    // variant 1: 50 tables changed + 30% churn (thousands of changes)
    std::string theirs;  // variant 2: 60 tables changed
};

const Inputs& inputs() {
    static const Inputs in = [] {
        Inputs i;
        i.base = gen::generate_schema({.tables = k_tables, .seed = k_seed});
        i.ours = gen::generate_schema(
            {.tables = k_tables, .seed = k_seed, .variant = 1, .changed_tables = 50, .churn_percent = 30});
        i.theirs = gen::generate_schema({.tables = k_tables, .seed = k_seed, .variant = 2, .changed_tables = 60});
        return i;
    }();
    return in;
}

// Loads the texts together (load_many, as the CLI does); empty (and the benchmark marked
// as failed) on a load error.
std::optional<std::vector<schemerge::model::Schema>> load(benchmark::State& state,
                                                           const std::vector<const std::string*>& texts) {
    std::vector<std::vector<schemerge::parser::SourceFile>> files;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        files.push_back({schemerge::parser::make_source("input" + std::to_string(i) + ".sql", *texts[i])});
    }
    auto loaded = schemerge::parser::mysql::load_many(files, {});
    if (!loaded) {
        state.SkipWithError(loaded.error().render().c_str());
        return std::nullopt;
    }
    std::vector<schemerge::model::Schema> schemas;
    for (auto& result : *loaded) {
        schemas.push_back(std::move(result.schema));
    }
    return schemas;
}

void bytes(benchmark::State& state, std::size_t per_iteration) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(per_iteration));
}

void BM_MySqlLoad(benchmark::State& state) {
    const Inputs& in = inputs();
    std::size_t tables = 0;
    for (auto _ : state) {
        auto schemas = load(state, {&in.base});
        if (!schemas) {
            return;
        }
        tables = (*schemas)[0].tables.size();
        benchmark::DoNotOptimize(schemas);
    }
    state.counters["tables"] = static_cast<double>(tables);
    bytes(state, in.base.size());
}
BENCHMARK(BM_MySqlLoad)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

// What `schemerge diff --dialect mysql base ours` does before rendering.
void BM_MySqlDiffAndPlan(benchmark::State& state) {
    const Inputs& in = inputs();
    std::size_t changes = 0;
    std::size_t steps = 0;
    for (auto _ : state) {
        auto schemas = load(state, {&in.base, &in.ours});
        if (!schemas) {
            return;
        }
        auto result = schemerge::diff::diff((*schemas)[0], (*schemas)[1]);
        auto plan = schemerge::synth::mysql::plan_migration((*schemas)[0], (*schemas)[1], result.changes);
        changes = result.changes.changes.size();
        steps = plan.steps.size();
        benchmark::DoNotOptimize(plan);
    }
    state.counters["changes"] = static_cast<double>(changes);
    state.counters["steps"] = static_cast<double>(steps);
    bytes(state, in.base.size() + in.ours.size());
}
BENCHMARK(BM_MySqlDiffAndPlan)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

// Text to merged model: three loads, then the merge.
void BM_MySqlMergeFromText(benchmark::State& state) {
    const Inputs& in = inputs();
    std::size_t conflicts = 0;
    for (auto _ : state) {
        auto schemas = load(state, {&in.base, &in.ours, &in.theirs});
        if (!schemas) {
            return;
        }
        auto result = schemerge::diff::merge((*schemas)[0], (*schemas)[1], (*schemas)[2]);
        conflicts = result.conflicts.size();
        benchmark::DoNotOptimize(result.merged);
    }
    state.counters["conflicts"] = static_cast<double>(conflicts);
    bytes(state, in.base.size() + in.ours.size() + in.theirs.size());
}
BENCHMARK(BM_MySqlMergeFromText)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
