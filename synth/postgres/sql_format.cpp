#include "synth/postgres/sql_format.hpp"

#include <mutex>
#include <unordered_map>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

namespace schemerge::synth::postgres {

namespace {

bool is_lower_identifier(std::string_view name) {
    if (name.empty()) {
        return false;
    }
    char first = name.front();
    if (!((first >= 'a' && first <= 'z') || first == '_')) {
        return false;
    }
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// Asks libpg_query's scanner (the server's own keyword table) whether a word is a
// keyword that a bare identifier may not be. Only unreserved keywords may appear
// bare everywhere, which is the rule of the server's quote_identifier().
bool needs_quotes_as_keyword(const std::string& word) {
    PgQueryScanResult result = pg_query_scan(word.c_str());
    bool keyword = false;
    if (result.error == nullptr) {
        PgQuery__ScanResult* scan = pg_query__scan_result__unpack(
            nullptr, result.pbuf.len, reinterpret_cast<const std::uint8_t*>(result.pbuf.data));
        if (scan != nullptr) {
            if (scan->n_tokens == 1) {
                auto kind = scan->tokens[0]->keyword_kind;
                keyword = kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD &&
                          kind != PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD;
            } else {
                // Not a single token: never leave it bare.
                keyword = true;
            }
            pg_query__scan_result__free_unpacked(scan, nullptr);
        }
    } else {
        keyword = true;
    }
    pg_query_free_scan_result(result);
    return keyword;
}

bool is_keyword_cached(const std::string& word) {
    static std::mutex mutex;
    static std::unordered_map<std::string, bool> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(word);
    if (it != cache.end()) {
        return it->second;
    }
    bool keyword = needs_quotes_as_keyword(word);
    cache.emplace(word, keyword);
    return keyword;
}

bool is_digits(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string join_modifiers(const std::vector<std::string>& modifiers) {
    std::string out = "(";
    for (std::size_t i = 0; i < modifiers.size(); ++i) {
        if (i > 0) {
            out += ",";
        }
        out += modifiers[i];
    }
    out += ")";
    return out;
}

bool is_plain_option_value(std::string_view value) {
    if (value.empty()) {
        return false;
    }
    std::size_t start = value.front() == '-' ? 1 : 0;
    bool numeric = start < value.size();
    for (std::size_t i = start; i < value.size(); ++i) {
        char c = value[i];
        if (!((c >= '0' && c <= '9') || c == '.')) {
            numeric = false;
        }
    }
    return numeric || is_lower_identifier(value);
}

}  // namespace

std::string quote_identifier(std::string_view name) {
    std::string word(name);
    if (is_lower_identifier(word) && !is_keyword_cached(word)) {
        return word;
    }
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string format_name(const model::QualifiedName& name) {
    if (name.schema.empty()) {
        return quote_identifier(name.name);
    }
    return quote_identifier(name.schema) + "." + quote_identifier(name.name);
}

std::string format_type(const model::TypeRef& type) {
    std::string out;
    if (type.setof) {
        out += "SETOF ";
    }
    const auto& mods = type.modifiers;
    if (!type.name.schema.empty()) {
        out += format_name(type.name);
        if (!mods.empty()) {
            out += join_modifiers(mods);
        }
    } else {
        const std::string& base = type.name.name;
        // format_type() puts the precision of time types right after the first
        // word: "timestamp(3) with time zone".
        auto time_prefix = [&](std::string_view word) {
            return base.starts_with(word) && base.size() > word.size() && base[word.size()] == ' ';
        };
        if (!mods.empty() && (time_prefix("timestamp") || time_prefix("time"))) {
            std::size_t space = base.find(' ');
            out += base.substr(0, space) + join_modifiers(mods) + base.substr(space);
        } else if (base == "interval" && !mods.empty() && !is_digits(mods.front())) {
            // An interval field restriction (YEAR TO MONTH), then optional precision.
            out += "interval " + lower(mods.front());
            if (mods.size() > 1) {
                out += "(" + mods[1] + ")";
            }
        } else {
            out += base;
            if (!mods.empty()) {
                out += join_modifiers(mods);
            }
        }
    }
    for (int i = 0; i < type.array_dims; ++i) {
        out += "[]";
    }
    return out;
}

std::string quote_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += '\'';
        }
        out += c;
    }
    out += '\'';
    return out;
}

std::string dollar_quote(std::string_view text) {
    // pg_dump's rule (appendStringLiteralDQ): grow the tag until "$tag" does not occur
    // at all, so a body ending in "$" cannot close the quote early.
    std::string tag;
    while (text.find("$" + tag) != std::string_view::npos) {
        tag += '_';
    }
    std::string delimiter = "$" + tag + "$";
    std::string out = delimiter;
    out += text;
    out += delimiter;
    return out;
}

std::string format_identifier_list(const std::vector<std::string>& names) {
    std::string out = "(";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += ", ";
        }
        out += quote_identifier(names[i]);
    }
    out += ")";
    return out;
}

std::string format_reloptions(const std::vector<std::pair<std::string, std::string>>& options) {
    std::string out;
    for (const auto& [key, value] : options) {
        if (!out.empty()) {
            out += ", ";
        }
        out += key;
        out += "=";
        if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
            out += value;
        } else if (is_plain_option_value(value)) {
            out += value;
        } else {
            out += quote_literal(value);
        }
    }
    return out;
}

}  // namespace schemerge::synth::postgres
