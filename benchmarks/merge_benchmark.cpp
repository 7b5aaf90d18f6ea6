// Three-way merge of two 10,000-table variants of the generated schema: base, variant 1
// and variant 2 each change 50 tables (a column and an index per table), disjointly or
// not, as the generator picks them. The three models are loaded once; the benchmark
// times diff::merge alone, then the whole pipeline from text (three loads + merge).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <benchmark/benchmark.h>

#include "benchmarks/schema_generator.hpp"
#include "diff/three_way_merge.hpp"
#include "model/schema.hpp"
#include "parser/load_options.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"

namespace {

constexpr std::size_t k_tables = 10'000;
constexpr std::size_t k_changed = 50;
constexpr std::uint64_t k_seed = 1;
constexpr int k_iterations = 3;

struct ThreeWay {
    std::string base_text;
    std::string ours_text;
    std::string theirs_text;
};

const ThreeWay& texts() {
    static const ThreeWay three = [] {
        namespace gen = schemerge::benchmarks;
        ThreeWay t;
        t.base_text = gen::generate_schema({.tables = k_tables, .seed = k_seed});
        t.ours_text =
            gen::generate_schema({.tables = k_tables, .seed = k_seed, .variant = 1, .changed_tables = k_changed});
        t.theirs_text =
            gen::generate_schema({.tables = k_tables, .seed = k_seed, .variant = 2, .changed_tables = k_changed});
        return t;
    }();
    return three;
}

// Loads one text; an empty optional (and a skipped benchmark) on a load error.
std::optional<schemerge::model::Schema> load(benchmark::State& state, const std::string& name,
                                             const std::string& text) {
    auto result = schemerge::parser::postgres::load({schemerge::parser::make_source(name, text)}, {});
    if (!result) {
        state.SkipWithError(result.error().render().c_str());
        return std::nullopt;
    }
    return std::move(result->schema);
}

struct Models {
    schemerge::model::Schema base;
    schemerge::model::Schema ours;
    schemerge::model::Schema theirs;
};

void report(benchmark::State& state, const schemerge::diff::MergeResult& result) {
    state.counters["conflicts"] = static_cast<double>(result.conflicts.size());
    const ThreeWay& t = texts();
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(t.base_text.size() + t.ours_text.size() +
                                                      t.theirs_text.size()));
}

// diff::merge on loaded models: the merge's own cost.
void BM_ThreeWayMerge(benchmark::State& state) {
    const ThreeWay& t = texts();
    auto base = load(state, "base.sql", t.base_text);
    auto ours = load(state, "ours.sql", t.ours_text);
    auto theirs = load(state, "theirs.sql", t.theirs_text);
    if (!base || !ours || !theirs) {
        return;
    }
    schemerge::diff::MergeResult result;
    for (auto _ : state) {
        result = schemerge::diff::merge(*base, *ours, *theirs);
        benchmark::DoNotOptimize(result.merged);
    }
    report(state, result);
}
BENCHMARK(BM_ThreeWayMerge)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

// Text to merged model: three loads, then the merge (what `schemerge merge` does before
// writing its outputs).
void BM_ThreeWayMergeFromText(benchmark::State& state) {
    const ThreeWay& t = texts();
    schemerge::diff::MergeResult result;
    for (auto _ : state) {
        auto base = load(state, "base.sql", t.base_text);
        auto ours = load(state, "ours.sql", t.ours_text);
        auto theirs = load(state, "theirs.sql", t.theirs_text);
        if (!base || !ours || !theirs) {
            return;
        }
        result = schemerge::diff::merge(*base, *ours, *theirs);
        benchmark::DoNotOptimize(result.merged);
    }
    report(state, result);
}
BENCHMARK(BM_ThreeWayMergeFromText)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
