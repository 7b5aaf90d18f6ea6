#include "parser/mysql/body_references.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace schemerge::parser::mysql {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_name(const ast::Token& t) {
    return t.kind == ast::TokenKind::word || t.kind == ast::TokenKind::quoted || t.kind == ast::TokenKind::keyword;
}

bool is_punct(const ast::Token& t, std::string_view p) { return t.kind == ast::TokenKind::punctuation && t.text == p; }

bool is_word(const ast::Token& t, std::string_view w) {
    return t.kind != ast::TokenKind::quoted && t.kind != ast::TokenKind::string && upper(t.text) == w;
}

// Words that are no columns although the lexer reads them as plain names: interval units,
// type names in CAST, and literals some versions spell as words.
bool stop_word(std::string_view upper_word) {
    static constexpr std::array k_words = {
        "DAY",  "HOUR",   "MINUTE", "SECOND", "MICROSECOND", "WEEK",   "MONTH",   "QUARTER", "YEAR",
        "DATE", "TIME",   "DATETIME", "TIMESTAMP", "UNSIGNED", "SIGNED", "INTEGER", "CHAR",    "JSON",
        "TEXT", "NEW",    "OLD",    "ROWS",   "ROW_COUNT",   "FOUND",  "NOTFOUND", "ASC",    "DESC",
        "BOOLEAN", "LAST_INSERT_ID", "DUPLICATE"};
    return std::find(k_words.begin(), k_words.end(), upper_word) != k_words.end();
}

// Non-reserved keywords that are syntax in a routine's statements (others, like STATUS,
// DATA or DISK, are column names there).
bool syntax_keyword(const ast::Token& t) {
    if (t.kind != ast::TokenKind::keyword) {
        return false;
    }
    static constexpr std::array k_words = {"BEGIN", "END", "DO", "NO", "COMMIT", "ROLLBACK", "START", "VALUE",
                                           "AT", "FIRST", "ACTION", "FULL", "LOCAL", "GLOBAL", "SESSION",
                                           "NAMES", "PASSWORD", "AFTER", "ATOMIC", "UNTIL"};
    std::string w = upper(t.text);
    return std::find(k_words.begin(), k_words.end(), w) != k_words.end();
}

// Words after which a name is not a table alias.
bool clause_word(std::string_view upper_word) {
    static constexpr std::array k_words = {"WHERE", "ON",     "USING", "JOIN",  "LEFT",   "RIGHT",  "INNER",
                                           "CROSS", "NATURAL", "OUTER", "GROUP", "HAVING", "ORDER", "LIMIT",
                                           "UNION", "SET",     "VALUES", "VALUE", "SELECT", "FOR",   "LOCK",
                                           "STRAIGHT_JOIN", "INTO", "WINDOW", "FORCE", "IGNORE", "USE", "PARTITION",
                                           "RETURNING", "EXCEPT", "INTERSECT", "DUPLICATE", "AS"};
    return std::find(k_words.begin(), k_words.end(), upper_word) != k_words.end();
}

struct TableRef {
    model::QualifiedName table;
    std::string alias;  // lower case
    bool write = false;
    std::size_t at = 0;  // token index of the name
    bool derived = false;
};

class StatementScan {
public:
    StatementScan(const ast::Tokens& tokens, std::size_t begin, std::size_t end, const BodyContext& context)
        : t_(tokens), begin_(begin), end_(end), context_(context), used_(end, false) {}

    void tables() {
        std::size_t first = begin_;
        // Labels (`l1: LOOP`) are not statement verbs.
        while (first + 1 < end_ && is_name(t_[first]) && is_punct(t_[first + 1], ":")) {
            first += 2;
        }
        if (first >= end_) {
            return;
        }
        verb_ = upper(t_[first].text);
        bool write_verb = verb_ == "INSERT" || verb_ == "REPLACE" || verb_ == "UPDATE" || verb_ == "DELETE";
        bool delete_target_pending = verb_ == "DELETE";
        for (std::size_t i = first; i < end_; ++i) {
            const ast::Token& tok = t_[i];
            if (tok.kind != ast::TokenKind::reserved && tok.kind != ast::TokenKind::keyword &&
                tok.kind != ast::TokenKind::word) {
                continue;
            }
            std::string w = upper(tok.text);
            if (w == "FROM") {
                bool write = delete_target_pending;
                delete_target_pending = false;
                i = table_list(i + 1, write, true);
            } else if (w == "JOIN" || w == "STRAIGHT_JOIN") {
                i = table_list(i + 1, verb_ == "UPDATE" && update_targets_, false);
            } else if (w == "INTO" && (verb_ == "INSERT" || verb_ == "REPLACE") && !insert_done_) {
                insert_done_ = true;
                std::size_t after = table_ref(i + 1, true);
                if (after < end_ && is_punct(t_[after], "(") && !refs_.empty()) {
                    // INSERT INTO t (a, b): t's columns, written.
                    std::size_t k = after + 1;
                    for (; k < end_ && !is_punct(t_[k], ")"); ++k) {
                        if (is_name(t_[k])) {
                            add_column(refs_.back().table, t_[k].text, true, t_[k].offset);
                            used_[k] = true;
                        }
                    }
                    after = k;
                }
                i = after;
            } else if (w == "UPDATE" && i == first) {
                std::size_t k = i + 1;
                while (k < end_ && (is_word(t_[k], "LOW_PRIORITY") || is_word(t_[k], "IGNORE"))) {
                    ++k;
                }
                update_targets_ = true;
                i = table_list(k, true, true);
            } else if (w == "TRUNCATE" && i == first) {
                std::size_t k = i + 1;
                if (k < end_ && is_word(t_[k], "TABLE")) {
                    ++k;
                }
                i = table_ref(k, true);
            } else if (w == "SET" && update_targets_) {
                update_targets_ = false;
                set_at_ = i;
            }
            if (i >= end_) {
                break;
            }
            (void)write_verb;
        }
    }

    void columns(std::vector<BodyReference>& out) {
        for (const auto& ref : refs_) {
            if (!ref.derived) {
                out.push_back({ref.table, {}, ref.write, t_[ref.at].offset});
            }
        }
        std::vector<const TableRef*> real;
        for (const auto& ref : refs_) {
            if (!ref.derived) {
                real.push_back(&ref);
            }
        }
        for (std::size_t i = begin_; i < end_; ++i) {
            if (used_[i] || !is_name(t_[i])) {
                continue;
            }
            bool dotted_before = i > begin_ && is_punct(t_[i - 1], ".");
            bool dotted_after = i + 1 < end_ && is_punct(t_[i + 1], ".");
            if (dotted_after && i + 2 < end_ && is_name(t_[i + 2]) && !dotted_before) {
                // qualifier.column
                std::string q = t_[i].text;
                const ast::Token& column = t_[i + 2];
                used_[i + 2] = true;
                if (context_.trigger_table && (is_word(t_[i], "NEW") || is_word(t_[i], "OLD"))) {
                    add_column(*context_.trigger_table, column.text, is_word(t_[i], "NEW") && assigned(i + 2),
                               t_[i].offset);
                } else if (const TableRef* ref = find(q)) {
                    if (!ref->derived) {
                        add_column(ref->table, column.text, false, t_[i].offset);
                    }
                }
                i += 2;
                continue;
            }
            if (dotted_before || (i + 1 < end_ && is_punct(t_[i + 1], "("))) {
                continue;  // part of a longer name, or a function
            }
            if (real.size() != 1 || refs_.size() != 1 || syntax_keyword(t_[i])) {
                continue;
            }
            if (i > begin_ && is_word(t_[i - 1], "AS")) {
                continue;  // an alias being defined
            }
            std::string name = lower(t_[i].text);
            if (context_.variables.contains(name) || declared_.contains(name) || stop_word(upper(t_[i].text)) ||
                name == lower(real.front()->alias)) {
                continue;
            }
            bool write = set_at_ != 0 && i > set_at_ && assigned(i);
            add_column(real.front()->table, t_[i].text, write, t_[i].offset);
        }
    }

    std::set<std::string> declared_;

private:
    // A SET target: `name =` directly, outside parentheses, after SET.
    bool assigned(std::size_t i) const {
        if (set_at_ == 0 || i <= set_at_ || i + 1 >= end_ || !is_punct(t_[i + 1], "=")) {
            return false;
        }
        int depth = 0;
        for (std::size_t k = set_at_; k < i; ++k) {
            if (is_punct(t_[k], "(")) {
                ++depth;
            } else if (is_punct(t_[k], ")")) {
                --depth;
            }
        }
        if (depth != 0) {
            return false;
        }
        std::size_t prev = i - 1;
        if (is_punct(t_[prev], ".") && prev >= 1) {
            prev -= 2;  // qualifier.column =
        }
        return prev == set_at_ || is_punct(t_[prev], ",");
    }

    const TableRef* find(const std::string& qualifier) const {
        for (const auto& ref : refs_) {
            if (!ref.alias.empty() && ref.alias == lower(qualifier)) {
                return &ref;
            }
        }
        for (const auto& ref : refs_) {
            if (ref.alias.empty() && ref.table.name == qualifier) {
                return &ref;
            }
        }
        return nullptr;
    }

    void add_column(const model::QualifiedName& table, const std::string& column, bool write, std::uint32_t offset) {
        columns_.push_back({table, column, write, offset});
    }

    // One table reference at i: name [AS] alias, or (subquery) [AS] alias. Returns the
    // index after it.
    std::size_t table_ref(std::size_t i, bool write) {
        if (i >= end_) {
            return i;
        }
        TableRef ref;
        ref.write = write;
        ref.at = i;
        if (is_punct(t_[i], "(") && i + 1 < end_ && !is_word(t_[i + 1], "SELECT") && !is_word(t_[i + 1], "WITH") &&
            !is_word(t_[i + 1], "VALUES") && !is_word(t_[i + 1], "TABLE") && !is_punct(t_[i + 1], "(")) {
            // (t1 JOIN t2 ON ...): a parenthesized join, not a derived table.
            return table_ref(i + 1, write);
        }
        if (is_punct(t_[i], "(")) {
            int depth = 0;
            std::size_t k = i;
            for (; k < end_; ++k) {
                if (is_punct(t_[k], "(")) {
                    ++depth;
                } else if (is_punct(t_[k], ")") && --depth == 0) {
                    break;
                }
            }
            ref.derived = true;
            i = k + 1;
        } else if (is_name(t_[i])) {
            ast::Name name;
            name.name = t_[i].text;
            used_[i] = true;
            if (i + 2 < end_ && is_punct(t_[i + 1], ".") && is_name(t_[i + 2])) {
                name.schema = name.name;
                name.name = t_[i + 2].text;
                used_[i + 2] = true;
                i += 2;
            }
            ref.table = context_.qualify(name);
            ++i;
        } else {
            return i;
        }
        if (i < end_ && is_word(t_[i], "AS")) {
            ++i;
        }
        if (i < end_ && (t_[i].kind == ast::TokenKind::word || t_[i].kind == ast::TokenKind::quoted) &&
            !clause_word(upper(t_[i].text))) {
            ref.alias = lower(t_[i].text);
            used_[i] = true;
            ++i;
        }
        refs_.push_back(std::move(ref));
        return i;
    }

    std::size_t table_list(std::size_t i, bool write, bool commas) {
        i = table_ref(i, write);
        while (commas && i < end_ && is_punct(t_[i], ",")) {
            i = table_ref(i + 1, write);
        }
        return i == 0 ? 0 : i - 1;
    }

    const ast::Tokens& t_;
    std::size_t begin_;
    std::size_t end_;
    const BodyContext& context_;
    std::vector<bool> used_;
    std::vector<TableRef> refs_;
    std::string verb_;
    bool insert_done_ = false;
    bool update_targets_ = false;
    std::size_t set_at_ = 0;

public:
    std::vector<BodyReference> columns_;
};

// DECLARE a, b INT ...; DECLARE c CURSOR FOR ...; DECLARE e CONDITION FOR ...: names that
// are no columns.
void declared_names(const ast::Tokens& t, std::size_t begin, std::size_t end, std::set<std::string>& out) {
    if (begin >= end || !is_word(t[begin], "DECLARE")) {
        return;
    }
    for (std::size_t i = begin + 1; i < end; ++i) {
        if (!is_name(t[i]) || is_word(t[i], "CONTINUE") || is_word(t[i], "EXIT") || is_word(t[i], "UNDO")) {
            break;
        }
        out.insert(lower(t[i].text));
        if (i + 1 < end && is_punct(t[i + 1], ",")) {
            ++i;
            continue;
        }
        break;
    }
}

template <typename F>
void each_statement(const ast::Tokens& tokens, F&& f) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
        // A handler's BEGIN ... END holds statements of its own.
        if (i == tokens.size() || is_punct(tokens[i], ";") || is_word(tokens[i], "BEGIN")) {
            if (i > begin) {
                f(begin, i);
            }
            begin = i + 1;
        }
    }
}

}  // namespace

std::vector<BodyReference> analyze_body(const std::vector<ast::Tokens>& statements, const BodyContext& context) {
    std::set<std::string> declared;
    for (const auto& st : statements) {
        each_statement(st, [&](std::size_t b, std::size_t e) { declared_names(st, b, e, declared); });
    }
    std::vector<BodyReference> all;
    for (const auto& st : statements) {
        each_statement(st, [&](std::size_t b, std::size_t e) {
            if (is_word(st[b], "DECLARE") && !(e - b > 3 && std::any_of(st.begin() + static_cast<std::ptrdiff_t>(b),
                                                                      st.begin() + static_cast<std::ptrdiff_t>(e),
                                                                      [](const ast::Token& t) { return is_word(t, "CURSOR"); }))) {
                return;
            }
            StatementScan scan(st, b, e, context);
            scan.declared_ = declared;
            scan.tables();
            scan.columns(all);
            all.insert(all.end(), scan.columns_.begin(), scan.columns_.end());
        });
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const BodyReference& a, const BodyReference& b) { return a.offset < b.offset; });
    std::vector<BodyReference> out;
    for (auto& r : all) {
        bool seen = std::any_of(out.begin(), out.end(), [&](const BodyReference& o) {
            return o.relation == r.relation && lower(o.column) == lower(r.column) && o.write == r.write;
        });
        if (!seen) {
            out.push_back(std::move(r));
        }
    }
    return out;
}

std::vector<model::QualifiedName> query_relations(const ast::Tokens& tokens, const BodyContext& context) {
    // WITH name AS (...): a common table expression, not a table.
    std::set<std::string> ctes;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if ((is_word(tokens[i], "WITH") || is_word(tokens[i], "RECURSIVE") || is_punct(tokens[i], ",")) &&
            is_name(tokens[i + 1]) && i + 2 < tokens.size() && (is_word(tokens[i + 2], "AS") || is_punct(tokens[i + 2], "("))) {
            ctes.insert(tokens[i + 1].text);
        }
    }
    StatementScan scan(tokens, 0, tokens.size(), context);
    scan.tables();
    std::vector<BodyReference> refs;
    scan.columns(refs);
    std::vector<model::QualifiedName> out;
    for (const auto& r : refs) {
        if (!r.column.empty() || (r.relation.schema.empty() && ctes.contains(r.relation.name))) {
            continue;
        }
        if (std::find(out.begin(), out.end(), r.relation) == out.end()) {
            out.push_back(r.relation);
        }
    }
    return out;
}

}  // namespace schemerge::parser::mysql
