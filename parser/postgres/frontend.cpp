#include "parser/postgres/frontend.hpp"

#include <algorithm>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/pg_ast.hpp"

namespace schemerge::parser::postgres {

namespace {

// A file's text after removing what is not SQL (psql meta-commands, COPY data),
// with every removed character replaced by a space so offsets and lines still match
// the file the user has open.
struct PreparedFile {
    const SourceFile* source = nullptr;
    std::string text;
    std::vector<std::size_t> line_starts;

    [[nodiscard]] model::SourceLocation location(std::size_t offset) const {
        auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
        std::size_t line_index = static_cast<std::size_t>(it - line_starts.begin()) - 1;
        std::size_t start = line_starts[line_index];
        std::uint32_t column = 1;
        for (std::size_t i = start; i < offset && i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return {source->name, static_cast<std::uint32_t>(line_index + 1), column};
    }
    [[nodiscard]] std::string line_text(std::size_t offset) const {
        auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
        std::size_t start = *(it - 1);
        std::size_t end = source->text.find('\n', start);
        std::string line = source->text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        return line;
    }
};

model::Diagnostic make_diag(model::Severity severity, const PreparedFile& file, std::size_t offset,
                            std::string message) {
    model::Diagnostic d;
    d.severity = severity;
    d.location = file.location(offset);
    d.message = std::move(message);
    d.source_line = file.line_text(offset);
    return d;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

bool is_copy_from_stdin(std::string_view line) {
    if (!starts_with_ci(line, "copy ")) {
        return false;
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
        line.remove_suffix(1);
    }
    std::string lower;
    for (char c : line) {
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower.ends_with("from stdin;");
}

std::expected<PreparedFile, model::Error> prepare(const SourceFile& source, std::vector<model::Diagnostic>& notes,
                                                   LoadStats& stats) {
    PreparedFile out;
    out.source = &source;
    out.text = source.text;
    out.line_starts.push_back(0);
    for (std::size_t i = 0; i < out.text.size(); ++i) {
        if (out.text[i] == '\n') {
            out.line_starts.push_back(i + 1);
        }
    }
    bool in_copy = false;
    std::size_t meta_commands = 0;
    std::size_t first_meta = 0;
    for (std::size_t li = 0; li < out.line_starts.size(); ++li) {
        std::size_t start = out.line_starts[li];
        std::size_t end = li + 1 < out.line_starts.size() ? out.line_starts[li + 1] - 1 : out.text.size();
        std::string_view line{out.text.data() + start, end - start};
        auto blank = [&] {
            for (std::size_t i = start; i < end; ++i) {
                if (out.text[i] != '\r') {
                    out.text[i] = ' ';
                }
            }
        };
        if (in_copy) {
            if (line == "\\." || line == "\\.\r") {
                in_copy = false;
            }
            blank();
            continue;
        }
        if (line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") ||
            (line.starts_with("|||||||") && line.size() > 7 && line[7] == ' ')) {
            return std::unexpected(model::Error{{make_diag(
                model::Severity::error, out, start,
                "unresolved git merge conflict marker: this file was committed in the middle of a merge; resolve "
                "the conflict before loading it")}});
        }
        if (line.starts_with("\\")) {
            if (meta_commands == 0) {
                first_meta = start;
            }
            ++meta_commands;
            blank();
            continue;
        }
        if (is_copy_from_stdin(line)) {
            in_copy = true;
        }
    }
    if (meta_commands > 0) {
        stats.meta_commands += meta_commands;
        notes.push_back(make_diag(model::Severity::note, out, first_meta,
                                  fmt::format("removed {} psql meta-command line{} (\\connect, \\restrict, ...): they "
                                              "are psql's, not SQL",
                                              meta_commands, meta_commands == 1 ? "" : "s")));
    }
    return out;
}

struct Statement {
    const PreparedFile* file = nullptr;
    std::size_t offset = 0;  // first token
    std::size_t length = 0;
    std::size_t distinct = 0;  // index into the distinct-text table
    std::size_t leading = 0;   // where the comments before the statement begin
};

// Skip whitespace and comments so that locations point at the first token.
std::size_t first_token(const std::string& text, std::size_t pos, std::size_t end) {
    while (pos < end) {
        char c = text[pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++pos;
        } else if (c == '-' && pos + 1 < end && text[pos + 1] == '-') {
            while (pos < end && text[pos] != '\n') {
                ++pos;
            }
        } else if (c == '/' && pos + 1 < end && text[pos + 1] == '*') {
            std::size_t close = text.find("*/", pos + 2);
            if (close == std::string::npos || close >= end) {
                return end;
            }
            pos = close + 2;
        } else {
            break;
        }
    }
    return pos;
}

std::expected<void, model::Error> split(const PreparedFile& file, std::vector<Statement>& out) {
    PgQuerySplitResult result = pg_query_split_with_scanner(file.text.c_str());
    if (result.error != nullptr) {
        std::string message = result.error->message != nullptr ? result.error->message : "cannot split statements";
        std::size_t pos = result.error->cursorpos > 0 ? static_cast<std::size_t>(result.error->cursorpos - 1) : 0;
        pg_query_free_split_result(result);
        return std::unexpected(model::Error{{make_diag(model::Severity::error, file, pos, message)}});
    }
    std::size_t covered = 0;
    for (int i = 0; i < result.n_stmts; ++i) {
        auto begin = static_cast<std::size_t>(result.stmts[i]->stmt_location);
        std::size_t end = begin + static_cast<std::size_t>(result.stmts[i]->stmt_len);
        covered = std::max(covered, end);
        std::size_t first = first_token(file.text, begin, end);
        if (first >= end) {
            continue;  // only comments
        }
        out.push_back(Statement{&file, first, end - first, 0, begin});
    }
    pg_query_free_split_result(result);
    // The scanner split stops at an unbalanced parenthesis and returns nothing for the
    // rest of the file. Whatever text is left is handed to the parser as one statement,
    // so it reports the real error instead of the text being dropped silently.
    std::size_t rest = covered;
    while (true) {
        rest = first_token(file.text, rest, file.text.size());
        if (rest < file.text.size() && file.text[rest] == ';') {
            ++rest;
            continue;
        }
        break;
    }
    if (rest < file.text.size()) {
        out.push_back(Statement{&file, rest, file.text.size() - rest, 0, covered});
    }
    return {};
}

// Converts libpg_query's cursor (1-based, in characters) to a byte offset.
std::size_t cursor_to_offset(std::string_view text, int cursor) {
    if (cursor <= 1) {
        return 0;
    }
    int chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == cursor - 1) {
                return i;
            }
            ++chars;
        }
    }
    return text.size();
}

}  // namespace

namespace {

// Parse trees shared by several inputs (base, ours, theirs): each distinct statement
// text is parsed once, and its tree is released after its last use, so a three-way load
// costs little more than one.
class SharedParses {
public:
    void count(std::string_view text) { ++remaining_[text]; }

    // The tree for `text`, after `uses` more uses: parsed by the first input that needs
    // it; inputs asking while it is being parsed wait for that parse instead of repeating it.
    std::shared_ptr<const ParsedStatement> take(std::string_view text, std::size_t uses, std::string& scratch,
                                                bool& parsed_here) {
        parsed_here = false;
        std::promise<std::shared_ptr<const ParsedStatement>> promise;
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
        auto parsed = std::make_shared<const ParsedStatement>(parse_statement(scratch));
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
    std::unordered_map<std::string_view, std::shared_future<std::shared_ptr<const ParsedStatement>>> cache_;
};

struct PreparedInput {
    LoadResult result;
    std::vector<PreparedFile> prepared;
    std::vector<Statement> statements;
};

std::expected<void, model::Error> prepare_input(const std::vector<SourceFile>& files, PreparedInput& input) {
    input.prepared.reserve(files.size());
    for (const auto& file : files) {
        auto p = prepare(file, input.result.diagnostics, input.result.stats);
        if (!p) {
            return std::unexpected(p.error());
        }
        input.prepared.push_back(std::move(*p));
    }
    for (const auto& file : input.prepared) {
        if (auto ok = split(file, input.statements); !ok) {
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
        std::vector<std::shared_ptr<const ParsedStatement>> parsed;  // one per distinct text
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
                chunk.parsed[index] = std::make_shared<const ParsedStatement>(parse_statement(text));
                ++chunk.fresh;
            }
        }
        return chunk;
    };
    bool parallel = options.threads != 1 && std::thread::hardware_concurrency() > 1;
    std::size_t total = statements.size();
    std::future<Chunk> next;
    auto start_chunk = [&](std::size_t begin) {
        std::size_t end = std::min(total, begin + k_chunk);
        next = std::async(parallel ? std::launch::async : std::launch::deferred, parse_chunk, begin, end);
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
            const ParsedStatement& p = *chunk.parsed[chunk.slot[i - begin]];
            std::string_view text{st.file->text.data() + st.offset, st.length};
            if (!p.error.empty()) {
                std::size_t at = st.offset + cursor_to_offset(text, p.error_cursor);
                if (next.valid()) {
                    next.wait();
                }
                return std::unexpected(model::Error{{make_diag(model::Severity::error, *st.file, at, p.error)}});
            }
            UnpackedTree tree = unpack(p.protobuf);
            if (tree.tree == nullptr) {
                if (next.valid()) {
                    next.wait();
                }
                return std::unexpected(model::Error{{make_diag(model::Severity::error, *st.file, st.offset,
                                                               "internal error: cannot decode the parse tree")}});
            }
            for (std::size_t k = 0; k < tree.tree->n_stmts; ++k) {
                PgQuery__RawStmt* raw = tree.tree->stmts[k];
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
                    model::Diagnostic d = make_diag(model::Severity::error, *st.file, at, e.what());
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
    return result;
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
    SharedParses shared;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (auto ok = prepare_input(inputs[i], prepared[i]); !ok) {
            return std::unexpected(ok.error());
        }
        for (const auto& st : prepared[i].statements) {
            shared.count(std::string_view{st.file->text.data() + st.offset, st.length});
        }
    }
    // The inputs are interpreted concurrently (interpreting, not parsing, is most of the
    // work once parses are shared); whichever input reaches a shared statement first
    // parses it for the others.
    bool parallel = options.threads != 1 && std::thread::hardware_concurrency() > 1;
    std::vector<std::future<std::expected<LoadResult, model::Error>>> runs;
    runs.reserve(prepared.size());
    for (auto& input : prepared) {
        runs.push_back(std::async(parallel ? std::launch::async : std::launch::deferred,
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

}  // namespace schemerge::parser::postgres
