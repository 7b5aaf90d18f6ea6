#include "cli/mysql/dump_rows.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "parser/mysql/script_split.hpp"
#include "parser/rows_insert.hpp"

namespace schemerge::cli::mysql {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

// A cursor over one statement's text (offsets are the file's).
class Reader {
public:
    Reader(const parser::mysql::PreparedScript& script, std::size_t begin, std::size_t end)
        : script_(script), text_(script.text), at_(begin), end_(end) {}

    std::size_t offset() const { return at_; }
    bool done() {
        skip();
        return at_ >= end_;
    }
    // Skips blanks and comments (-- , #, /* */).
    void skip() {
        while (at_ < end_) {
            char c = text_[at_];
            if (is_space(c)) {
                ++at_;
            } else if (c == '#' || (c == '-' && at_ + 2 <= end_ && text_.compare(at_, 2, "--") == 0 &&
                                    (at_ + 2 == end_ || is_space(text_[at_ + 2])))) {
                while (at_ < end_ && text_[at_] != '\n') {
                    ++at_;
                }
            } else if (c == '/' && at_ + 1 < end_ && text_[at_ + 1] == '*') {
                auto close = text_.find("*/", at_ + 2);
                at_ = close == std::string::npos || close + 2 > end_ ? end_ : close + 2;
            } else {
                return;
            }
        }
    }
    // The next word (letters, digits, _ and $), lower case; "" when the next token is none.
    std::string word() {
        skip();
        std::size_t start = at_;
        while (at_ < end_ && is_word(text_[at_])) {
            ++at_;
        }
        std::string out(text_.substr(start, at_ - start));
        std::transform(out.begin(), out.end(), out.begin(), lower);
        return out;
    }
    std::string peek_word() {
        std::size_t saved = at_;
        std::string w = word();
        at_ = saved;
        return w;
    }
    bool accept(char c) {
        skip();
        if (at_ < end_ && text_[at_] == c) {
            ++at_;
            return true;
        }
        return false;
    }
    // An identifier: `quoted` (`` doubled) or a bare word. Sets *written to the text as
    // written; returns the name ("" when there is none).
    std::string identifier(std::string* written = nullptr) {
        skip();
        std::size_t start = at_;
        std::string name;
        if (at_ < end_ && (text_[at_] == '`' || text_[at_] == '"')) {
            char q = text_[at_++];
            while (at_ < end_) {
                if (text_[at_] == q) {
                    if (at_ + 1 < end_ && text_[at_ + 1] == q) {
                        name += q;
                        at_ += 2;
                        continue;
                    }
                    ++at_;
                    break;
                }
                name += text_[at_++];
            }
        } else {
            while (at_ < end_ && is_word(text_[at_])) {
                name += text_[at_++];
            }
        }
        if (written != nullptr) {
            *written = std::string(text_.substr(start, at_ - start));
        }
        return name;
    }
    // A constant as canonical text; "" when the next token is not one.
    std::string literal() {
        skip();
        if (at_ >= end_) {
            return {};
        }
        char c = text_[at_];
        if (c == '\'' || c == '"') {
            return string_literal();
        }
        if ((c == 'x' || c == 'X' || c == 'b' || c == 'B') && at_ + 1 < end_ && text_[at_ + 1] == '\'') {
            auto close = text_.find('\'', at_ + 2);
            if (close == std::string::npos || close >= end_) {
                return {};
            }
            std::string out = std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c)))) +
                              std::string(text_.substr(at_ + 1, close - at_));
            at_ = close + 1;
            return out;
        }
        std::size_t start = at_;
        if (c == '-' || c == '+') {
            ++at_;
        }
        if (at_ < end_ && (std::isdigit(static_cast<unsigned char>(text_[at_])) != 0 || text_[at_] == '.')) {
            while (at_ < end_ && (is_word(text_[at_]) || text_[at_] == '.' ||
                                  ((text_[at_] == '-' || text_[at_] == '+') && lower(text_[at_ - 1]) == 'e'))) {
                ++at_;
            }
            return std::string(text_.substr(start, at_ - start));
        }
        at_ = start;
        std::string w = peek_word();
        if (w == "null" || w == "true" || w == "false") {
            word();
            std::string out = w;
            std::transform(out.begin(), out.end(), out.begin(),
                           [](char ch) { return static_cast<char>(std::toupper(static_cast<unsigned char>(ch))); });
            return out;
        }
        return {};
    }
    model::Error error(std::size_t offset, std::string message) const {
        return model::Error{{parser::mysql::diagnostic_at(model::Severity::error, script_, offset, std::move(message))}};
    }

private:
    // '...' or "..." with MySQL's backslash escapes and doubled quotes, rendered as '...'
    // with `'` doubled and `\` as `\\` (what the server stores is what compares).
    std::string string_literal() {
        char q = text_[at_++];
        std::string value;
        while (at_ < end_) {
            char c = text_[at_];
            if (c == '\\' && at_ + 1 < end_) {
                char e = text_[at_ + 1];
                switch (e) {
                    case '0': value += '\0'; break;
                    case 'b': value += '\b'; break;
                    case 'n': value += '\n'; break;
                    case 'r': value += '\r'; break;
                    case 't': value += '\t'; break;
                    case 'Z': value += '\x1a'; break;
                    case '%': value += "\\%"; break;  // kept escaped, as the server does
                    case '_': value += "\\_"; break;
                    default: value += e; break;
                }
                at_ += 2;
                continue;
            }
            if (c == q) {
                if (at_ + 1 < end_ && text_[at_ + 1] == q) {
                    value += q;
                    at_ += 2;
                    continue;
                }
                ++at_;
                std::string out = "'";
                for (char v : value) {
                    if (v == '\'') {
                        out += "''";
                    } else if (v == '\\') {
                        out += "\\\\";
                    } else if (v == '\0') {
                        out += "\\0";
                    } else {
                        out += v;
                    }
                }
                return out + "'";
            }
            value += c;
            ++at_;
        }
        return {};  // unterminated: not a constant
    }

    const parser::mysql::PreparedScript& script_;
    std::string_view text_;
    std::size_t at_;
    std::size_t end_;
};

// "`db`.`t`" / "db.t" / "t" as typed in union_rows: the bare table name and its database
// ("" when unqualified), lower case (MySQL compares table names case-insensitively on the
// platforms these dumps come from: lower_case_table_names = 1 or 2 there).
std::pair<std::string, std::string> split_wanted(std::string_view table) {
    std::string s;
    for (char c : table) {
        if (c != '`' && c != '"') {
            s += lower(c);
        }
    }
    auto dot = s.rfind('.');
    if (dot == std::string::npos) {
        return {{}, s};
    }
    return {s.substr(0, dot), s.substr(dot + 1)};
}

// The statements of a file as the client splits it.
std::expected<parser::mysql::PreparedScript, model::Error> prepare(const parser::SourceFile& file) {
    std::vector<model::Diagnostic> diagnostics;
    parser::LoadStats stats;
    return parser::mysql::prepare_script(file, diagnostics, stats, parser::LoadOptions{});
}

std::size_t terminator_end(const parser::mysql::PreparedScript& script, const parser::mysql::Chunk& chunk) {
    std::size_t end = chunk.offset + chunk.length;
    while (end < script.text.size() && script.text[end] == ';') {
        ++end;
    }
    return end;
}

// The head of an INSERT / REPLACE: its table, as written and by name. Leaves the reader
// after the table. False when the statement is not one.
bool insert_head(Reader& r, std::string& kind, std::string& database, std::string& table, std::string& written) {
    std::string first = r.word();
    if (first != "insert" && first != "replace") {
        return false;
    }
    kind = first;
    for (;;) {
        std::string w = r.peek_word();
        if (w == "low_priority" || w == "delayed" || w == "high_priority" || w == "ignore") {
            r.word();
            continue;
        }
        if (w == "into") {
            r.word();
        }
        break;
    }
    std::string part_written;
    std::string name = r.identifier(&part_written);
    written = part_written;
    if (r.accept('.')) {
        std::string second_written;
        database = name;
        name = r.identifier(&second_written);
        written += "." + second_written;
    }
    table = name;
    return !table.empty();
}

std::expected<std::vector<RowsStatement>, model::Error> find_table_rows(const parser::SourceFile& file,
                                                                        std::string_view wanted) {
    auto script = prepare(file);
    if (!script) {
        return std::unexpected(script.error());
    }
    auto [wanted_db, wanted_table] = split_wanted(wanted);
    std::vector<RowsStatement> out;
    for (const auto& chunk : script->chunks) {
        Reader r(*script, chunk.offset, chunk.offset + chunk.length);
        std::string kind, database, table, written;
        if (!insert_head(r, kind, database, table, written)) {
            continue;
        }
        std::string folded_table = table, folded_db = database;
        std::transform(folded_table.begin(), folded_table.end(), folded_table.begin(), lower);
        std::transform(folded_db.begin(), folded_db.end(), folded_db.begin(), lower);
        if (folded_table != wanted_table || (!wanted_db.empty() && !folded_db.empty() && folded_db != wanted_db)) {
            continue;
        }
        auto not_plain = [&](std::size_t offset, std::string_view what) {
            return std::unexpected(r.error(
                offset, fmt::format("the rows of {} are not a plain list of constant rows ({}): they cannot be merged "
                                    "as a union",
                                    written, what)));
        };
        if (kind != "insert") {
            return not_plain(chunk.offset, "REPLACE");
        }
        RowsStatement s;
        s.begin = chunk.offset;
        s.end = terminator_end(*script, chunk);
        s.line = script->location(chunk.offset).line;
        s.table_as_written = written;
        if (r.accept('(')) {
            for (;;) {
                std::size_t at = r.offset();
                std::string column_written;
                if (r.identifier(&column_written).empty()) {
                    return not_plain(at, "a column list that is not a list of names");
                }
                s.columns.push_back(column_written);
                if (r.accept(')')) {
                    break;
                }
                if (!r.accept(',')) {
                    return not_plain(r.offset(), "a column list that is not a list of names");
                }
            }
        }
        std::size_t at = r.offset();
        std::string values = r.word();
        if (values != "values" && values != "value") {
            return not_plain(at, values.empty() ? "no VALUES" : "INSERT ... " + values);
        }
        for (;;) {
            if (!r.accept('(')) {
                return not_plain(r.offset(), "a row that is not in parentheses");
            }
            std::vector<std::string> row;
            for (;;) {
                std::size_t value_at = r.offset();
                std::string value = r.literal();
                if (value.empty()) {
                    return not_plain(value_at, "a value that is not a constant");
                }
                row.push_back(std::move(value));
                if (r.accept(')')) {
                    break;
                }
                if (!r.accept(',')) {
                    return not_plain(r.offset(), "a value that is not a constant");
                }
            }
            if (!s.rows.empty() && row.size() != s.rows.front().size()) {
                return not_plain(at, "rows of different lengths");
            }
            s.rows.push_back(std::move(row));
            if (!r.accept(',')) {
                break;
            }
        }
        if (!r.done()) {
            return not_plain(r.offset(), "text after the rows, such as ON DUPLICATE KEY UPDATE");
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::expected<std::vector<DataStatement>, model::Error> data_statements(const parser::SourceFile& file) {
    auto script = prepare(file);
    if (!script) {
        return std::unexpected(script.error());
    }
    std::vector<DataStatement> out;
    for (const auto& chunk : script->chunks) {
        Reader r(*script, chunk.offset, chunk.offset + chunk.length);
        std::string first = r.peek_word();
        DataStatement d;
        d.line = script->location(chunk.offset).line;
        std::string database, table, written;
        if (first == "insert" || first == "replace") {
            if (!insert_head(r, d.kind, database, table, written)) {
                continue;
            }
        } else if (first == "update" || first == "delete") {
            d.kind = r.word();
            std::string w = r.peek_word();
            while (w == "low_priority" || w == "ignore" || w == "quick") {
                r.word();
                w = r.peek_word();
            }
            if (d.kind == "delete" && w == "from") {
                r.word();
            }
            table = r.identifier();
            if (r.accept('.')) {
                database = table;
                table = r.identifier();
            }
        } else if (first == "load") {
            d.kind = "load data";
        } else {
            continue;
        }
        std::transform(table.begin(), table.end(), table.begin(), lower);
        std::transform(database.begin(), database.end(), database.begin(), lower);
        d.table = database.empty() ? table : database + "." + table;
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

DumpRows dump_rows() {
    DumpRows rows;
    rows.find_table_rows = find_table_rows;
    rows.data_statements = data_statements;
    rows.render_rows_insert = parser::render_rows_insert;  // Rails' layout: one row a line
    return rows;
}

}  // namespace schemerge::cli::mysql
