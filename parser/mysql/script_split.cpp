#include "parser/mysql/script_split.hpp"

#include <cctype>

#include <fmt/format.h>

namespace schemerge::parser::mysql {

model::SourceLocation PreparedScript::location(std::size_t offset) const {
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

std::string PreparedScript::line_text(std::size_t offset) const {
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    std::size_t start = *(it - 1);
    std::size_t end = source->text.find('\n', start);
    std::string line = source->text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

model::Diagnostic diagnostic_at(model::Severity severity, const PreparedScript& file, std::size_t offset,
                                std::string message) {
    model::Diagnostic d;
    d.severity = severity;
    d.location = file.location(std::min(offset, file.text.size()));
    d.message = std::move(message);
    d.source_line = file.line_text(std::min(offset, file.text.size()));
    return d;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equals_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// The words that open and close blocks inside a routine body, for splitting a CREATE
// TRIGGER / PROCEDURE / FUNCTION / EVENT at the default delimiter (see Splitter::word).
enum class Word : std::uint8_t { other, create, alter, routine, begin, end, case_, if_, loop_opener, statement_end };

class Splitter {
public:
    Splitter(PreparedScript& out, std::vector<model::Diagnostic>& diagnostics, LoadStats& stats,
             const LoadOptions& options)
        : out_(out), text_(out.text), diagnostics_(diagnostics), stats_(stats), options_(options) {}

    std::expected<void, model::Error> run() {
        if (auto ok = check_conflict_markers(); !ok) {
            return ok;
        }
        std::size_t i = 0;
        while (i < text_.size()) {
            auto step = chunk_start_ == npos ? between_statements(i) : inside_statement(i);
            if (!step) {
                return std::unexpected(step.error());
            }
            i = *step;
        }
        if (in_versioned_) {
            return fail(versioned_start_, "unterminated versioned comment /*! ... */");
        }
        finish_chunk(text_.size());
        return {};
    }

private:
    static constexpr std::size_t npos = std::string::npos;

    std::unexpected<model::Error> fail(std::size_t at, std::string message) const {
        return std::unexpected(model::Error{{diagnostic_at(model::Severity::error, out_, at, std::move(message))}});
    }

    std::expected<void, model::Error> check_conflict_markers() const {
        for (std::size_t start : out_.line_starts) {
            std::string_view line = std::string_view{text_}.substr(start, 8);
            if (line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") || line.starts_with("||||||| ")) {
                return fail(start,
                            "unresolved git merge conflict marker: this file was committed in the middle of a merge; "
                            "resolve the conflict before loading it");
            }
        }
        return {};
    }

    void blank(std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && k < text_.size(); ++k) {
            if (text_[k] != '\n' && text_[k] != '\r') {
                text_[k] = ' ';
            }
        }
    }

    std::size_t line_end(std::size_t i) const {
        std::size_t nl = text_.find('\n', i);
        return nl == npos ? text_.size() : nl;
    }

    // `--` starts a comment only before whitespace or a control character (9.6).
    bool dash_comment_at(std::size_t i) const {
        return text_.compare(i, 2, "--") == 0 &&
               (i + 2 >= text_.size() || static_cast<unsigned char>(text_[i + 2]) <= ' ');
    }

    // At `/*`: a versioned comment's marker length (`/*!`, `/*!50001`, `/*M!100100`), or 0.
    // The server runs the text when its version is at least the number: we assume a modern
    // server (MySQL 8.x / 9.x, MariaDB up to 11.x), so a version beyond that is a comment
    // (mariadb-dump's first line `/*M!999999\- enable the sandbox mode */` is one: only the
    // client reads it).
    std::size_t versioned_marker(std::size_t i) const {
        std::size_t k = i + 2;
        if (k < text_.size() && text_[k] == 'M' && k + 1 < text_.size() && text_[k + 1] == '!') {
            ++k;
        }
        if (k >= text_.size() || text_[k] != '!') {
            return 0;
        }
        ++k;
        std::size_t digits = k;
        while (k < text_.size() && k - digits < 6 && std::isdigit(static_cast<unsigned char>(text_[k])) != 0) {
            ++k;
        }
        if (k > digits && std::stol(text_.substr(digits, k - digits)) >= 120000) {
            return 0;
        }
        return k - i;
    }

    // Skips a comment starting at i (not a versioned one); returns its end, or npos when
    // it is unterminated.
    std::size_t skip_comment(std::size_t i) const {
        if (text_[i] == '#' || text_[i] == '-') {
            return line_end(i);
        }
        std::size_t close = text_.find("*/", i + 2);
        return close == npos ? npos : close + 2;
    }

    bool comment_at(std::size_t i) const {
        return text_[i] == '#' || dash_comment_at(i) ||
               (text_.compare(i, 2, "/*") == 0 && versioned_marker(i) == 0);
    }

    std::expected<std::size_t, model::Error> between_statements(std::size_t i) {
        char c = text_[i];
        if (is_space(c)) {
            return i + 1;
        }
        // Between statements the mysql client drops a whole line that starts with "--" in
        // its first column, even without the space the server's comment syntax needs
        // ("--Table structure for ..."): the server never sees it.
        if ((i == 0 || text_[i - 1] == '\n') && text_.compare(i, 2, "--") == 0) {
            return line_end(i);
        }
        if (comment_at(i)) {
            std::size_t end = skip_comment(i);
            if (end == npos) {
                // The client sends the rest of the file; the server reports the comment.
                chunk_start_ = i;
                return text_.size();
            }
            return end;
        }
        // A stray delimiter (an empty statement) is nothing.
        if (text_.compare(i, delimiter_.size(), delimiter_) == 0) {
            leading_ = i + delimiter_.size();
            return i + delimiter_.size();
        }
        // Client commands are read at the start of a statement (mysql's own parser looks for
        // them there).
        std::size_t word_end = i;
        while (word_end < text_.size() && is_word_char(text_[word_end])) {
            ++word_end;
        }
        std::string_view word{text_.data() + i, word_end - i};
        bool command_word = word_end == text_.size() || is_space(text_[word_end]) || text_[word_end] == ';';
        if (command_word && equals_ci(word, "delimiter")) {
            return delimiter_command(i, word_end);
        }
        if ((command_word && equals_ci(word, "source")) || text_.compare(i, 2, "\\.") == 0) {
            return source_command(i);
        }
        if (c == '\\') {
            return backslash_command(i);
        }
        chunk_start_ = i;
        statement_words_ = 0;
        routine_ = false;
        saw_paren_ = false;
        depth_ = 0;
        last_word_ = Word::statement_end;
        // `use db` is a client command too: it ends at the end of its line when the line has
        // no delimiter (mysql runs it as soon as the line is read).
        use_line_ = command_word && equals_ci(word, "use") ? line_end(i) : npos;
        return i;
    }

    std::expected<std::size_t, model::Error> delimiter_command(std::size_t i, std::size_t after_word) {
        std::size_t end = line_end(i);
        std::size_t k = after_word;
        while (k < end && (text_[k] == ' ' || text_[k] == '\t')) {
            ++k;
        }
        std::size_t d_end = k;
        while (d_end < end && !is_space(text_[d_end])) {
            ++d_end;
        }
        std::string delimiter = text_.substr(k, d_end - k);
        if (delimiter.empty()) {
            return fail(i, "DELIMITER must be followed by a delimiter string (mysql client)");
        }
        if (delimiter.find('\\') != std::string::npos) {
            return fail(k, "DELIMITER cannot contain a backslash character (mysql client)");
        }
        delimiter_ = delimiter;
        ++stats_.meta_commands;
        blank(i, end);
        leading_ = end;
        return end;
    }

    std::expected<std::size_t, model::Error> source_command(std::size_t i) {
        std::size_t end = line_end(i);
        std::string line = text_.substr(i, end - i);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == ';')) {
            line.pop_back();
        }
        ++stats_.meta_commands;
        if (options_.unsupported == UnsupportedPolicy::error) {
            return fail(i, fmt::format("the mysql client command `{}` reads another file, which schemerge does not "
                                       "follow (--strict): load that file as an input of its own",
                                       line));
        }
        ++stats_.unsupported;
        diagnostics_.push_back(diagnostic_at(
            model::Severity::warning, out_, i,
            fmt::format("the mysql client command `{}` is not run: the statements of the file it names are not "
                        "loaded; pass that file as an input too",
                        line)));
        blank(i, end);
        leading_ = end;
        return end;
    }

    std::expected<std::size_t, model::Error> backslash_command(std::size_t i) {
        std::size_t end = std::min(text_.size(), i + 2);
        ++stats_.meta_commands;
        diagnostics_.push_back(diagnostic_at(
            model::Severity::warning, out_, i,
            fmt::format("the mysql client command `{}` is not SQL: ignored", text_.substr(i, end - i))));
        blank(i, end);
        return end;
    }

    // The mysql client sends the text up to the delimiter; the server then runs each
    // statement in it. With the default `;`, a CREATE TRIGGER / PROCEDURE / FUNCTION /
    // EVENT whose body has BEGIN ... END is kept whole (as migration tools send it, where
    // the mysql client would cut it at its first `;` and the server would reject the rest).
    void word(std::string_view w) {
        ++statement_words_;
        Word kind = Word::other;
        if (equals_ci(w, "create")) {
            kind = Word::create;
        } else if (equals_ci(w, "alter")) {
            kind = Word::alter;
        } else if (equals_ci(w, "trigger") || equals_ci(w, "procedure") || equals_ci(w, "function") ||
                   equals_ci(w, "event")) {
            kind = Word::routine;
        } else if (equals_ci(w, "begin")) {
            kind = Word::begin;
        } else if (equals_ci(w, "end")) {
            kind = Word::end;
        } else if (equals_ci(w, "case")) {
            kind = Word::case_;
        } else if (equals_ci(w, "if") || equals_ci(w, "repeat")) {
            kind = Word::if_;
        } else if (equals_ci(w, "loop") || equals_ci(w, "while")) {
            kind = Word::loop_opener;
        } else if (equals_ci(w, "then") || equals_ci(w, "else") || equals_ci(w, "do") || equals_ci(w, "row")) {
            kind = Word::statement_end;  // a statement can start right after these
        }
        if (statement_words_ == 1) {
            creating_ = kind == Word::create || kind == Word::alter;
        }
        // CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] FUNCTION ...: the routine word comes
        // early, before any parenthesis (a column named `event` in a CREATE TABLE does not).
        if (creating_ && !routine_ && kind == Word::routine && statement_words_ <= 8 && !saw_paren_) {
            routine_ = true;
        }
        if (routine_) {
            bool closes_block = last_word_ == Word::end;  // END IF / END LOOP / END CASE ...
            if (closes_block) {
                // The END before this word closed a block: nothing more to count for this word.
            } else if (kind == Word::begin || kind == Word::case_ || kind == Word::loop_opener) {
                ++depth_;
            } else if (kind == Word::if_ && (last_word_ == Word::statement_end || last_word_ == Word::begin ||
                                               last_word_ == Word::loop_opener || last_word_ == Word::if_)) {
                ++depth_;  // an IF / REPEAT statement, not the IF() / REPEAT() function
            }
            if (kind == Word::end) {
                depth_ = depth_ > 0 ? depth_ - 1 : 0;
            }
        }
        last_word_ = kind;
    }

    std::expected<std::size_t, model::Error> inside_statement(std::size_t i) {
        char c = text_[i];
        if (use_line_ != npos && i >= use_line_) {
            finish_chunk(use_line_);
            return i;
        }
        if (c == '\'' || c == '"' || c == '`') {
            std::size_t k = i + 1;
            while (k < text_.size()) {
                if (text_[k] == '\\' && c != '`') {
                    k += 2;
                    continue;
                }
                if (text_[k] == c) {
                    if (k + 1 < text_.size() && text_[k + 1] == c) {
                        k += 2;
                        continue;
                    }
                    break;
                }
                ++k;
            }
            if (k >= text_.size()) {
                // Like the client: the rest of the file is one statement, and the server
                // reports the first error in it (the grammar's UNTERMINATED_* tokens).
                return text_.size();
            }
            last_word_ = Word::other;
            return k + 1;
        }
        if (c == '/' && text_.compare(i, 2, "/*") == 0) {
            std::size_t marker = versioned_marker(i);
            if (marker > 0) {
                if (in_versioned_) {
                    // MySQL does not nest comments: a second /*! inside one is text.
                    return i + 2;
                }
                in_versioned_ = true;
                versioned_start_ = i;
                blank(i, i + marker);
                return i + marker;
            }
            std::size_t end = skip_comment(i);
            return end == npos ? text_.size() : end;
        }
        if (c == '*' && in_versioned_ && text_.compare(i, 2, "*/") == 0) {
            in_versioned_ = false;
            blank(i, i + 2);
            return i + 2;
        }
        if (c == '#' || dash_comment_at(i)) {
            return line_end(i);
        }
        if (c == '\\' && i + 1 < text_.size()) {
            char command = text_[i + 1];
            if (command == 'g' || command == 'G') {
                ++stats_.meta_commands;
                finish_chunk(i);
                blank(i, i + 2);
                leading_ = i + 2;
                return i + 2;
            }
            return backslash_command(i);
        }
        if (text_.compare(i, delimiter_.size(), delimiter_) == 0 && !(delimiter_ == ";" && depth_ > 0)) {
            finish_chunk(i);
            leading_ = i + delimiter_.size();
            return i + delimiter_.size();
        }
        if (is_word_char(c)) {
            // A word ends where the delimiter starts (`END$$` with DELIMITER $$).
            std::size_t k = i;
            while (k < text_.size() && is_word_char(text_[k]) &&
                   (k == i || text_.compare(k, delimiter_.size(), delimiter_) != 0)) {
                ++k;
            }
            word(std::string_view{text_.data() + i, k - i});
            return k;
        }
        if (c == ';') {
            last_word_ = Word::statement_end;
        } else if (c == ':' && text_.compare(i, 2, ":=") != 0) {
            last_word_ = Word::statement_end;  // after a label
        } else if (!is_space(c)) {
            last_word_ = Word::other;
            saw_paren_ = saw_paren_ || c == '(';
        }
        return i + 1;
    }

    void finish_chunk(std::size_t end) {
        if (chunk_start_ == npos) {
            return;
        }
        std::size_t stop = end;
        while (stop > chunk_start_ && is_space(text_[stop - 1])) {
            --stop;
        }
        if (stop > chunk_start_) {
            out_.chunks.push_back(Chunk{chunk_start_, stop - chunk_start_, std::min(leading_, chunk_start_)});
        }
        chunk_start_ = npos;
        use_line_ = npos;
        leading_ = end;
    }

    PreparedScript& out_;
    std::string& text_;
    std::vector<model::Diagnostic>& diagnostics_;
    LoadStats& stats_;
    const LoadOptions& options_;
    std::string delimiter_ = ";";
    std::size_t chunk_start_ = npos;
    std::size_t leading_ = 0;
    std::size_t use_line_ = npos;
    bool in_versioned_ = false;
    std::size_t versioned_start_ = 0;
    // Block structure of a routine statement at the default delimiter.
    std::size_t statement_words_ = 0;
    bool creating_ = false;
    bool routine_ = false;
    bool saw_paren_ = false;
    int depth_ = 0;
    Word last_word_ = Word::statement_end;
};

}  // namespace

std::expected<PreparedScript, model::Error> prepare_script(const SourceFile& source,
                                                           std::vector<model::Diagnostic>& diagnostics,
                                                           LoadStats& stats, const LoadOptions& options) {
    PreparedScript out;
    out.source = &source;
    out.text = source.text;
    out.line_starts.push_back(0);
    for (std::size_t i = 0; i < out.text.size(); ++i) {
        if (out.text[i] == '\n') {
            out.line_starts.push_back(i + 1);
        }
    }
    Splitter splitter(out, diagnostics, stats, options);
    if (auto ok = splitter.run(); !ok) {
        return std::unexpected(ok.error());
    }
    return out;
}

}  // namespace schemerge::parser::mysql
