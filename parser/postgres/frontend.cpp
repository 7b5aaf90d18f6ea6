#include "parser/postgres/frontend.hpp"

#include <algorithm>
#include <future>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "model/concurrency.hpp"
#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/pg_ast.hpp"
#include "parser/postgres/statement_split.hpp"

namespace schemerge::parser::postgres {

namespace {

// One distinct statement text's parse, shared by the inputs that contain it (and by the
// repeats of it within a chunk). Its tree is unpacked by the first interpreter that
// applies it and used by one interpreter at a time (TreeEdits change the tree and put it
// back), so a statement common to base, ours and theirs is unpacked once, not three times.
struct SharedStatement {
    ParsedStatement parsed;
    std::mutex in_use;
    UnpackedTree unpacked;

    explicit SharedStatement(ParsedStatement p) : parsed(std::move(p)) {}

    // The tree, unpacked on first use; null when the protobuf does not decode. Call with
    // `in_use` held.
    PgQuery__ParseResult* tree() {
        if (unpacked.tree == nullptr) {
            unpacked = unpack(parsed.protobuf);
        }
        return unpacked.tree;
    }
};

// Parse trees shared by several inputs (base, ours, theirs): each distinct statement
// text is parsed once, and its tree is released after its last use, so a three-way load
// costs little more than one.
class SharedParses {
public:
    void count(std::string_view text) { ++remaining_[text]; }

    // The tree for `text`, after `uses` more uses: parsed by the first input that needs
    // it; inputs asking while it is being parsed wait for that parse instead of repeating it.
    std::shared_ptr<SharedStatement> take(std::string_view text, std::size_t uses, std::string& scratch,
                                                bool& parsed_here) {
        parsed_here = false;
        std::promise<std::shared_ptr<SharedStatement>> promise;
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
        scratch.assign(text);
        auto parsed = std::make_shared<SharedStatement>(parse_statement(scratch));
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
    std::unordered_map<std::string_view, std::shared_future<std::shared_ptr<SharedStatement>>> cache_;
};

struct PreparedInput {
    LoadResult result;
    std::vector<PreparedFile> prepared;
    std::vector<Statement> statements;
};

std::expected<void, model::Error> prepare_input(const std::vector<SourceFile>& files, PreparedInput& input) {
    input.prepared.reserve(files.size());
    for (const auto& file : files) {
        auto p = prepare_file(file, input.result.diagnostics, input.result.stats);
        if (!p) {
            return std::unexpected(p.error());
        }
        input.prepared.push_back(std::move(*p));
    }
    for (const auto& file : input.prepared) {
        if (auto ok = split_statements(file, input.statements); !ok) {
            return std::unexpected(ok.error());
        }
    }
    input.result.stats.statements = input.statements.size();
    return {};
}

std::expected<LoadResult, model::Error> run_pipeline(PreparedInput& input, const LoadOptions& options,
                                                     SharedParses* shared) {
    LoadResult& result = input.result;
    std::vector<Statement>& statements = input.statements;

    // Statements are parsed in chunks on a worker thread while the interpreter applies
    // the previous chunk: parsing and interpreting overlap on two cores, and only two
    // chunks of parse trees are alive at a time (packed protobuf trees are ~10x the
    // size of their SQL text, so holding all of them would dominate memory).
    // Within a chunk each distinct statement text is parsed once.
    constexpr std::size_t k_chunk = 512;
    struct Chunk {
        std::vector<std::shared_ptr<SharedStatement>> parsed;  // one per distinct text
        std::vector<std::size_t> slot;                               // statement -> index into parsed
        std::size_t fresh = 0;                                       // parsed here (not shared)
    };
    auto parse_chunk = [&statements, shared](std::size_t begin, std::size_t end) {
        Chunk chunk;
        chunk.slot.resize(end - begin);
        std::unordered_map<std::string_view, std::size_t> seen;
        std::vector<std::size_t> uses;
        for (std::size_t i = begin; i < end; ++i) {
            const Statement& st = statements[i];
            std::string_view view{st.file->text.data() + st.offset, st.length};
            auto [it, inserted] = seen.emplace(view, uses.size());
            if (inserted) {
                uses.push_back(0);
            }
            ++uses[it->second];
            chunk.slot[i - begin] = it->second;
        }
        chunk.parsed.resize(uses.size());
        std::string text;  // libpg_query wants a NUL-terminated string
        for (const auto& [view, index] : seen) {
            if (shared != nullptr) {
                bool parsed_here = false;
                chunk.parsed[index] = shared->take(view, uses[index], text, parsed_here);
                chunk.fresh += parsed_here ? 1 : 0;
            } else {
                text.assign(view);
                chunk.parsed[index] = std::make_shared<SharedStatement>(parse_statement(text));
                ++chunk.fresh;
            }
        }
        return chunk;
    };
    const std::launch launch = model::launch_policy(options.threads);
    std::size_t total = statements.size();
    std::future<Chunk> next;
    auto start_chunk = [&](std::size_t begin) {
        std::size_t end = std::min(total, begin + k_chunk);
        next = std::async(launch, parse_chunk, begin, end);
    };
    if (total > 0) {
        start_chunk(0);
    }

    Interpreter interpreter(result.schema, result.diagnostics, options, result.stats);
    for (std::size_t begin = 0; begin < total; begin += k_chunk) {
        Chunk chunk = next.get();
        result.stats.distinct_parsed += chunk.fresh;
        if (begin + k_chunk < total) {
            start_chunk(begin + k_chunk);
        }
        std::size_t end = std::min(total, begin + k_chunk);
        for (std::size_t i = begin; i < end; ++i) {
            const Statement& st = statements[i];
            SharedStatement& shared_statement = *chunk.parsed[chunk.slot[i - begin]];
            const ParsedStatement& p = shared_statement.parsed;
            std::string_view text{st.file->text.data() + st.offset, st.length};
            if (!p.error.empty()) {
                std::size_t at = st.offset + cursor_to_offset(text, p.error_cursor);
                if (next.valid()) {
                    next.wait();
                }
                return std::unexpected(model::Error{{diagnostic_at(model::Severity::error, *st.file, at, p.error)}});
            }
            std::lock_guard in_use(shared_statement.in_use);
            PgQuery__ParseResult* tree = shared_statement.tree();
            if (tree == nullptr) {
                if (next.valid()) {
                    next.wait();
                }
                return std::unexpected(model::Error{{diagnostic_at(model::Severity::error, *st.file, st.offset,
                                                               "internal error: cannot decode the parse tree")}});
            }
            for (std::size_t k = 0; k < tree->n_stmts; ++k) {
                PgQuery__RawStmt* raw = tree->stmts[k];
                // Comments before the statement start on the line after the previous
                // statement; the rest of the statement's own last line (after the `;`)
                // belongs to it.
                std::string_view before{st.file->text.data() + st.leading, st.offset - st.leading};
                if (st.leading > 0) {  // the first statement of a file has no previous line
                    auto nl = before.find('\n');
                    before = nl == std::string_view::npos ? std::string_view{} : before.substr(nl + 1);
                }
                std::size_t end = st.offset + st.length;
                std::size_t eol = st.file->text.find('\n', end);
                std::string_view after{st.file->text.data() + end,
                                       (eol == std::string::npos ? st.file->text.size() : eol) - end};
                StatementSite site{st.file->location(st.offset), text, before, after};
                try {
                    interpreter.apply(raw->stmt, site);
                } catch (const StatementError& e) {
                    std::size_t at = st.offset;
                    if (e.offset() > 0 && static_cast<std::size_t>(e.offset()) < st.length) {
                        at += static_cast<std::size_t>(e.offset());
                    }
                    model::Diagnostic d = diagnostic_at(model::Severity::error, *st.file, at, e.what());
                    d.related = e.related();
                    d.related_notes = e.related_notes();
                    if (next.valid()) {
                        next.wait();
                    }
                    return std::unexpected(model::Error{{std::move(d)}});
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
    // `result` is the input's: move it out, or every model of a load_many stays alive twice
    // until the last input is done (10k-table merge peak: 1.15 GB -> 0.79 GB).
    return std::move(result);
}

// work(i) for every input i, on a thread each when `launch` is async (else one after another in
// this thread); every result, in input order, once all have finished.
template <class Work>
auto for_each_input(std::launch launch, std::size_t count, Work work) {
    using Result = decltype(work(std::size_t{}));
    std::vector<std::future<Result>> running;
    running.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        running.push_back(std::async(launch, work, i));
    }
    std::vector<Result> results;
    results.reserve(count);
    for (auto& r : running) {
        results.push_back(r.get());
    }
    return results;
}

}  // namespace

std::expected<LoadResult, model::Error> load(const std::vector<SourceFile>& files, const LoadOptions& options) {
    PreparedInput input;
    if (auto ok = prepare_input(files, input); !ok) {
        return std::unexpected(ok.error());
    }
    return run_pipeline(input, options, nullptr);
}

std::expected<std::vector<LoadResult>, model::Error> load_many(const std::vector<std::vector<SourceFile>>& inputs,
                                                               const LoadOptions& options) {
    std::vector<PreparedInput> prepared(inputs.size());
    const std::launch launch = model::launch_policy(options.threads);
    // The inputs are split into statements concurrently (the scanner pass over a 27 MB
    // input is ~0.4 s); the first input's error is reported, as when one after another.
    auto split_outcomes = for_each_input(launch, inputs.size(),
                                         [&](std::size_t i) { return prepare_input(inputs[i], prepared[i]); });
    SharedParses shared;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!split_outcomes[i]) {
            return std::unexpected(split_outcomes[i].error());
        }
        for (const auto& st : prepared[i].statements) {
            shared.count(std::string_view{st.file->text.data() + st.offset, st.length});
        }
    }
    // The inputs are interpreted concurrently (interpreting, not parsing, is most of the
    // work once parses are shared); whichever input reaches a shared statement first
    // parses it for the others. All finish before this returns: they share `shared`.
    auto outcomes = for_each_input(launch, prepared.size(),
                                   [&](std::size_t i) { return run_pipeline(prepared[i], options, &shared); });
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

}  // namespace schemerge::parser::postgres
