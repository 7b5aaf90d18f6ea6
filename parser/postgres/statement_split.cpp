#include "parser/postgres/statement_split.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "parser/postgres/pg_ast.hpp"

namespace schemerge::parser::postgres {

namespace {

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

}  // namespace

model::Diagnostic diagnostic_at(model::Severity severity, const PreparedFile& file, std::size_t offset,
                            std::string message) {
    model::Diagnostic d;
    d.severity = severity;
    d.location = file.location(offset);
    d.message = std::move(message);
    d.source_line = file.line_text(offset);
    return d;
}

std::expected<PreparedFile, model::Error> prepare_file(const SourceFile& source, std::vector<model::Diagnostic>& notes,
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
            return std::unexpected(model::Error{{diagnostic_at(
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
        notes.push_back(diagnostic_at(model::Severity::note, out, first_meta,
                                  fmt::format("removed {} psql meta-command line{} (\\connect, \\restrict, ...): they "
                                              "are psql's, not SQL",
                                              meta_commands, meta_commands == 1 ? "" : "s")));
    }
    return out;
}

namespace {

// BEGIN/CASE minus END of a statement's tokens, when it is a CREATE FUNCTION or PROCEDURE
// with a BEGIN ATOMIC body (the scanner split ends it at the first ';' inside the body,
// as psql would without its own BEGIN/END counting); 0 otherwise.
int atomic_depth(std::string_view text, bool continuing) {
    std::string lower_text(text);
    for (char& c : lower_text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!continuing && (!lower_text.starts_with("create") || lower_text.find("atomic") == std::string::npos)) {
        return 0;
    }
    std::string copy(text);
    PgQueryScanResult scan = pg_query_scan(copy.c_str());
    int depth = 0;
    bool routine = continuing;
    bool atomic = continuing;
    if (scan.error == nullptr) {
        PgQuery__ScanResult* tokens =
            pg_query__scan_result__unpack(nullptr, scan.pbuf.len, reinterpret_cast<const std::uint8_t*>(scan.pbuf.data));
        if (tokens != nullptr) {
            for (std::size_t i = 0; i < tokens->n_tokens; ++i) {
                switch (tokens->tokens[i]->token) {
                    case PG_QUERY__TOKEN__FUNCTION:
                    case PG_QUERY__TOKEN__PROCEDURE: routine = true; break;
                    case PG_QUERY__TOKEN__BEGIN_P:
                        if (routine) {
                            ++depth;
                            atomic = atomic || (i + 1 < tokens->n_tokens &&
                                                tokens->tokens[i + 1]->token == PG_QUERY__TOKEN__ATOMIC);
                        }
                        break;
                    case PG_QUERY__TOKEN__CASE:
                        if (depth > 0) {
                            ++depth;
                        }
                        break;
                    case PG_QUERY__TOKEN__END_P:
                        if (routine) {
                            --depth;
                        }
                        break;
                    default: break;
                }
            }
            pg_query__scan_result__free_unpacked(tokens, nullptr);
        }
    }
    pg_query_free_scan_result(scan);
    return atomic ? depth : 0;
}

}  // namespace

std::expected<void, model::Error> split_statements(const PreparedFile& file, std::vector<Statement>& out) {
    PgQuerySplitResult result = pg_query_split_with_scanner(file.text.c_str());
    if (result.error != nullptr) {
        std::string message = result.error->message != nullptr ? result.error->message : "cannot split statements";
        std::size_t pos = result.error->cursorpos > 0 ? static_cast<std::size_t>(result.error->cursorpos - 1) : 0;
        pg_query_free_split_result(result);
        return std::unexpected(model::Error{{diagnostic_at(model::Severity::error, file, pos, message)}});
    }
    std::size_t covered = 0;
    const std::size_t first_new = out.size();
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
    // A BEGIN ATOMIC body holds ';'s: join the pieces up to its END.
    for (std::size_t i = first_new; i < out.size(); ++i) {
        const std::string_view text{file.text.data() + out[i].offset, out[i].length};
        int depth = atomic_depth(text, false);
        std::size_t j = i + 1;
        while (depth > 0 && j < out.size()) {
            const std::string_view piece{file.text.data() + out[j].offset, out[j].length};
            depth += atomic_depth(piece, true);
            out[i].length = out[j].offset + out[j].length - out[i].offset;
            ++j;
        }
        if (j > i + 1) {
            out.erase(out.begin() + static_cast<std::ptrdiff_t>(i + 1), out.begin() + static_cast<std::ptrdiff_t>(j));
        }
    }
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

}  // namespace schemerge::parser::postgres
