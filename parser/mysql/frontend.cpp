#include "parser/mysql/frontend.hpp"

#include <algorithm>
#include <future>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "model/concurrency.hpp"
#include "parser/mysql/interpreter.hpp"
#include "parser/mysql/script_split.hpp"
#include "parser/mysql/syntax.hpp"

namespace schemerge::parser::mysql {

namespace {

// The parser of the calling thread (ANTLR's prediction cache is shared by all of them).
ChunkParser& thread_parser() {
    thread_local ChunkParser parser;
    return parser;
}

// Parses shared by several inputs (base, ours, theirs): each distinct chunk text is parsed
// once, and released after its last use.
class SharedParses {
public:
    void count(std::string_view text) { ++remaining_[text]; }

    std::shared_ptr<const ParsedChunk> take(std::string_view text, std::size_t uses, bool& parsed_here) {
        parsed_here = false;
        std::promise<std::shared_ptr<const ParsedChunk>> promise;
        std::unique_lock lock(mutex_);
        if (auto it = cache_.find(text); it != cache_.end()) {
            auto pending = it->second;
            release(text, uses);
            lock.unlock();  // wait outside the lock: the parsing thread is not holding it
            return pending.get();
        }
        cache_.emplace(text, promise.get_future().share());
        release(text, uses);
        lock.unlock();
        auto parsed = std::make_shared<const ParsedChunk>(thread_parser().parse(text));
        parsed_here = true;
        promise.set_value(parsed);
        return parsed;
    }

private:
    void release(std::string_view text, std::size_t uses) {
        auto r = remaining_.find(text);
        if (r == remaining_.end()) {
            cache_.erase(text);
            return;
        }
        r->second = r->second > uses ? r->second - uses : 0;
        if (r->second == 0) {
            cache_.erase(text);
            remaining_.erase(r);
        }
    }
    std::mutex mutex_;
    std::unordered_map<std::string_view, std::size_t> remaining_;
    std::unordered_map<std::string_view, std::shared_future<std::shared_ptr<const ParsedChunk>>> cache_;
};

struct Unit {
    const PreparedScript* script = nullptr;
    const Chunk* chunk = nullptr;
    [[nodiscard]] std::string_view text() const { return script->text_of(*chunk); }
};

struct PreparedInput {
    LoadResult result;
    std::vector<PreparedScript> scripts;
    std::vector<Unit> units;
};

std::expected<void, model::Error> prepare_input(const std::vector<SourceFile>& files, const LoadOptions& options,
                                                PreparedInput& input) {
    input.scripts.reserve(files.size());
    for (const auto& file : files) {
        auto script = prepare_script(file, input.result.diagnostics, input.result.stats, options);
        if (!script) {
            return std::unexpected(script.error());
        }
        input.scripts.push_back(std::move(*script));
    }
    for (const auto& script : input.scripts) {
        for (const auto& chunk : script.chunks) {
            input.units.push_back(Unit{&script, &chunk});
        }
    }
    return {};
}

model::Error located(const PreparedScript& script, std::size_t offset, std::string message,
                     const std::vector<model::SourceLocation>& related = {},
                     const std::vector<std::string>& related_notes = {}) {
    model::Diagnostic d = diagnostic_at(model::Severity::error, script, offset, std::move(message));
    d.related = related;
    d.related_notes = related_notes;
    return model::Error{{std::move(d)}};
}

std::expected<LoadResult, model::Error> run_pipeline(PreparedInput& input, const LoadOptions& options,
                                                     SharedParses* shared) {
    LoadResult& result = input.result;
    const std::vector<Unit>& units = input.units;
    // Chunks are parsed in batches on a worker thread while the interpreter applies the
    // previous batch: parsing and interpreting overlap on two cores, and only two batches
    // of statements are alive at a time. Within a batch each distinct text is parsed once.
    constexpr std::size_t k_batch = 256;
    struct Batch {
        std::vector<std::shared_ptr<const ParsedChunk>> parsed;  // one per distinct text
        std::vector<std::size_t> slot;                           // unit -> index into parsed
        std::size_t fresh = 0;
    };
    auto parse_batch = [&units, shared](std::size_t begin, std::size_t end) {
        Batch batch;
        batch.slot.resize(end - begin);
        std::unordered_map<std::string_view, std::size_t> seen;
        std::vector<std::size_t> uses;
        std::vector<std::string_view> texts;
        for (std::size_t i = begin; i < end; ++i) {
            auto [it, inserted] = seen.emplace(units[i].text(), uses.size());
            if (inserted) {
                uses.push_back(0);
                texts.push_back(units[i].text());
            }
            ++uses[it->second];
            batch.slot[i - begin] = it->second;
        }
        batch.parsed.resize(texts.size());
        for (std::size_t k = 0; k < texts.size(); ++k) {
            if (shared != nullptr) {
                bool parsed_here = false;
                batch.parsed[k] = shared->take(texts[k], uses[k], parsed_here);
                batch.fresh += parsed_here ? 1 : 0;
            } else {
                batch.parsed[k] = std::make_shared<const ParsedChunk>(thread_parser().parse(texts[k]));
                ++batch.fresh;
            }
        }
        return batch;
    };
    const std::launch launch = model::launch_policy(options.threads);
    std::size_t total = units.size();
    std::future<Batch> next;
    auto start_batch = [&](std::size_t begin) {
        std::size_t end = std::min(total, begin + k_batch);
        next = std::async(launch, parse_batch, begin, end);
    };
    auto settle = [&] {
        if (next.valid()) {
            next.wait();
        }
    };
    if (total > 0) {
        start_batch(0);
    }
    Interpreter interpreter(result.schema, result.diagnostics, options, result.stats);
    for (std::size_t begin = 0; begin < total; begin += k_batch) {
        Batch batch = next.get();
        result.stats.distinct_parsed += batch.fresh;
        if (begin + k_batch < total) {
            start_batch(begin + k_batch);
        }
        std::size_t end = std::min(total, begin + k_batch);
        for (std::size_t i = begin; i < end; ++i) {
            const Unit& unit = units[i];
            const ParsedChunk& parsed = *batch.parsed[batch.slot[i - begin]];
            if (parsed.error) {
                settle();
                return std::unexpected(
                    located(*unit.script, unit.chunk->offset + parsed.error->offset, parsed.error->message));
            }
            bool first = true;
            for (const auto& statement : parsed.statements) {
                ++result.stats.statements;
                StatementSite site;
                site.file = unit.script;
                site.base = unit.chunk->offset;
                site.offset = statement.offset;
                site.end = statement.end;
                if (first) {
                    site.leading = std::string_view{unit.script->source->text}.substr(
                        unit.chunk->leading, unit.chunk->offset - unit.chunk->leading);
                }
                first = false;
                try {
                    interpreter.apply(statement, site);
                } catch (const StatementError& e) {
                    settle();
                    std::size_t at = unit.chunk->offset + std::min<std::size_t>(e.offset(), unit.chunk->length);
                    return std::unexpected(located(*unit.script, at, e.what(), e.related(), e.related_notes()));
                }
            }
        }
    }
    try {
        interpreter.finish();
    } catch (const StatementError& e) {
        model::Diagnostic d;
        d.message = e.what();
        return std::unexpected(model::Error{{std::move(d)}});
    }
    return std::move(result);
}

}  // namespace

std::expected<LoadResult, model::Error> load(const std::vector<SourceFile>& files, const LoadOptions& options) {
    PreparedInput input;
    if (auto ok = prepare_input(files, options, input); !ok) {
        return std::unexpected(ok.error());
    }
    return run_pipeline(input, options, nullptr);
}

std::expected<std::vector<LoadResult>, model::Error> load_many(const std::vector<std::vector<SourceFile>>& inputs,
                                                               const LoadOptions& options) {
    std::vector<PreparedInput> prepared(inputs.size());
    SharedParses shared;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (auto ok = prepare_input(inputs[i], options, prepared[i]); !ok) {
            return std::unexpected(ok.error());
        }
        for (const auto& unit : prepared[i].units) {
            shared.count(unit.text());
        }
    }
    // The inputs are interpreted concurrently; whichever reaches a shared chunk first
    // parses it for the others.
    const std::launch launch = model::launch_policy(options.threads);
    std::vector<std::future<std::expected<LoadResult, model::Error>>> runs;
    runs.reserve(prepared.size());
    for (auto& input : prepared) {
        runs.push_back(std::async(launch,
                                  [&input, &options, &shared] { return run_pipeline(input, options, &shared); }));
    }
    std::vector<std::expected<LoadResult, model::Error>> outcomes;
    outcomes.reserve(runs.size());
    for (auto& run : runs) {
        outcomes.push_back(run.get());  // wait for all before returning: they share `shared`
    }
    std::vector<LoadResult> results;
    results.reserve(outcomes.size());
    for (auto& outcome : outcomes) {
        if (!outcome) {
            return std::unexpected(outcome.error());
        }
        results.push_back(std::move(*outcome));
    }
    return results;
}

}  // namespace schemerge::parser::mysql
