// Loading a 10,000-table pg_dump-style schema: the libpg_query floor versus the
// schemerge front end. Targets (see README.md): model building within 1.5x of the
// bare protobuf parse.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "benchmarks/schema_generator.hpp"

#if SCHEMERGE_BENCH_WITH_PARSER
#include "parser/load_options.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"
#endif

namespace {

constexpr std::size_t k_tables = 10'000;
constexpr std::uint64_t k_seed = 1;
constexpr int k_iterations = 3;  // ~27 MB per iteration: a few are enough and keep the run short
// All benchmarks use wall-clock time: the front end parses on several threads, and
// Google Benchmark's CPU time would count only the calling one.

const std::string& schema_text() {
    static const std::string text = schemerge::benchmarks::generate_schema({.tables = k_tables, .seed = k_seed});
    return text;
}

void set_bytes(benchmark::State& state, std::size_t bytes_per_iteration) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(bytes_per_iteration));
}

// One owner, one free for each libpg_query result (the same rule as the parser's).
class ProtobufParse {
  public:
    explicit ProtobufParse(const char* sql) : result(pg_query_parse_protobuf(sql)) {}
    ~ProtobufParse() { pg_query_free_protobuf_parse_result(result); }
    ProtobufParse(const ProtobufParse&) = delete;
    ProtobufParse& operator=(const ProtobufParse&) = delete;

    [[nodiscard]] const PgQueryProtobufParseResult& get() const { return result; }

  private:
    PgQueryProtobufParseResult result;
};

class ScannerSplit {
  public:
    explicit ScannerSplit(const char* sql) : result(pg_query_split_with_scanner(sql)) {}
    ~ScannerSplit() { pg_query_free_split_result(result); }
    ScannerSplit(const ScannerSplit&) = delete;
    ScannerSplit& operator=(const ScannerSplit&) = delete;

    [[nodiscard]] const PgQuerySplitResult& get() const { return result; }

  private:
    PgQuerySplitResult result;
};

// (a) The floor: libpg_query turning the whole text into one protobuf tree.
void BM_ParseProtobufFloor(benchmark::State& state) {
    const std::string& text = schema_text();
    for (auto _ : state) {
        ProtobufParse parse(text.c_str());
        if (parse.get().error != nullptr) {
            state.SkipWithError(parse.get().error->message);
            break;
        }
        benchmark::DoNotOptimize(parse.get().parse_tree.data);
    }
    set_bytes(state, text.size());
    state.counters["input_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ParseProtobufFloor)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

// The floor plus unpacking into protobuf-c structs, which any consumer of the tree pays.
void BM_ParseProtobufUnpack(benchmark::State& state) {
    const std::string& text = schema_text();
    for (auto _ : state) {
        ProtobufParse parse(text.c_str());
        if (parse.get().error != nullptr) {
            state.SkipWithError(parse.get().error->message);
            break;
        }
        const auto& tree = parse.get().parse_tree;
        PgQuery__ParseResult* unpacked =
            pg_query__parse_result__unpack(nullptr, tree.len, reinterpret_cast<const std::uint8_t*>(tree.data));
        if (unpacked == nullptr) {
            state.SkipWithError("pg_query__parse_result__unpack failed");
            break;
        }
        benchmark::DoNotOptimize(unpacked->n_stmts);
        pg_query__parse_result__free_unpacked(unpacked, nullptr);
    }
    set_bytes(state, text.size());
}
BENCHMARK(BM_ParseProtobufUnpack)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

// (b) Splitting into statements with the scanner only: the first pass of the front end.
void BM_SplitWithScanner(benchmark::State& state) {
    const std::string& text = schema_text();
    std::size_t statements = 0;
    for (auto _ : state) {
        ScannerSplit split(text.c_str());
        if (split.get().error != nullptr) {
            state.SkipWithError(split.get().error->message);
            break;
        }
        statements = static_cast<std::size_t>(split.get().n_stmts);
        benchmark::DoNotOptimize(split.get().stmts);
    }
    set_bytes(state, text.size());
    state.counters["statements"] = static_cast<double>(statements);
}
BENCHMARK(BM_SplitWithScanner)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

// Split, then parse every statement on its own, on one thread: what a per-statement
// cache costs on a cold cache, before any threading.
void BM_SplitThenParseEach(benchmark::State& state) {
    const std::string& text = schema_text();
    for (auto _ : state) {
        ScannerSplit split(text.c_str());
        if (split.get().error != nullptr) {
            state.SkipWithError(split.get().error->message);
            break;
        }
        std::string statement;
        for (int i = 0; i < split.get().n_stmts; ++i) {
            const PgQuerySplitStmt* s = split.get().stmts[i];
            statement.assign(text, static_cast<std::size_t>(s->stmt_location), static_cast<std::size_t>(s->stmt_len));
            ProtobufParse parse(statement.c_str());
            if (parse.get().error != nullptr) {
                state.SkipWithError(parse.get().error->message);
                return;
            }
            benchmark::DoNotOptimize(parse.get().parse_tree.data);
        }
    }
    set_bytes(state, text.size());
}
BENCHMARK(BM_SplitThenParseEach)->Unit(benchmark::kMillisecond)->Iterations(k_iterations)->UseRealTime();

#if SCHEMERGE_BENCH_WITH_PARSER

// base, ours, theirs: the same schema, with a few different tables changed on each side.
const std::array<std::string, 3>& three_way_texts() {
    static const std::array<std::string, 3> texts = {
        schema_text(),
        schemerge::benchmarks::generate_schema({.tables = k_tables, .seed = k_seed, .variant = 1, .changed_tables = 5}),
        schemerge::benchmarks::generate_schema({.tables = k_tables, .seed = k_seed, .variant = 2, .changed_tables = 5}),
    };
    return texts;
}

void report_stats(benchmark::State& state, const schemerge::parser::LoadResult& result) {
    state.counters["statements"] = static_cast<double>(result.stats.statements);
    state.counters["applied"] = static_cast<double>(result.stats.applied);
    state.counters["distinct_parsed"] = static_cast<double>(result.stats.distinct_parsed);
    state.counters["diagnostics"] = static_cast<double>(result.diagnostics.size());
}

// (c) The whole front end: split, parse, interpret into a model::Schema. The copy of
// the text into a SourceFile is part of the call, as in the CLI (~1% of the time).
void BM_LoadModel(benchmark::State& state) {
    const std::string& text = schema_text();
    schemerge::parser::LoadOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) {
        auto result = schemerge::parser::postgres::load({schemerge::parser::make_source("gen.sql", text)}, options);
        if (!result) {
            state.SkipWithError(result.error().render().c_str());
            break;
        }
        report_stats(state, *result);
        benchmark::DoNotOptimize(result->schema);
    }
    set_bytes(state, text.size());
}
// threads 0 = one per core (the default); 1 = single-threaded, to compare with the floor.
BENCHMARK(BM_LoadModel)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(k_iterations)
    ->UseRealTime();

// (d) base, ours and theirs loaded one after another, as a three-way merge does. They
// share all but a handful of statements, so with a statement cache this should cost
// little more than one BM_LoadModel, not three.
void BM_ThreeWayInputs(benchmark::State& state) {
    const auto& texts = three_way_texts();
    schemerge::parser::LoadOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    std::size_t distinct = 0;
    for (auto _ : state) {
        distinct = 0;
        for (const std::string& text : texts) {
            auto result = schemerge::parser::postgres::load({schemerge::parser::make_source("gen.sql", text)}, options);
            if (!result) {
                state.SkipWithError(result.error().render().c_str());
                return;
            }
            distinct += result->stats.distinct_parsed;
            benchmark::DoNotOptimize(result->schema);
        }
    }
    set_bytes(state, texts[0].size() + texts[1].size() + texts[2].size());
    state.counters["distinct_parsed"] = static_cast<double>(distinct);
}
BENCHMARK(BM_ThreeWayInputs)
    ->ArgName("threads")
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(k_iterations)
    ->UseRealTime();

#endif  // SCHEMERGE_BENCH_WITH_PARSER

}  // namespace

BENCHMARK_MAIN();
