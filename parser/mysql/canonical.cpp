#include "parser/mysql/canonical.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "parser/mysql/dialect_traits.hpp"
#include "parser/mysql/syntax.hpp"

namespace schemerge::parser::mysql {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<long long> to_int(std::string_view s) {
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

std::string strip_leading_zeros(std::string s) {
    std::size_t k = 0;
    while (k + 1 < s.size() && s[k] == '0') {
        ++k;
    }
    return s.substr(k);
}

struct TypeEntry {
    std::string_view name;
    TypeClass type_class;
};

// 11.1 Data Type Overview: the base types MySQL 8.0 and MariaDB 10.11 know.
constexpr std::array k_types = {
    TypeEntry{"tinyint", TypeClass::integer},
    TypeEntry{"smallint", TypeClass::integer},
    TypeEntry{"mediumint", TypeClass::integer},
    TypeEntry{"int", TypeClass::integer},
    TypeEntry{"bigint", TypeClass::integer},
    TypeEntry{"decimal", TypeClass::decimal},
    TypeEntry{"float", TypeClass::floating},
    TypeEntry{"double", TypeClass::floating},
    TypeEntry{"bit", TypeClass::bit},
    TypeEntry{"char", TypeClass::character},
    TypeEntry{"varchar", TypeClass::character},
    TypeEntry{"tinytext", TypeClass::text},
    TypeEntry{"text", TypeClass::text},
    TypeEntry{"mediumtext", TypeClass::text},
    TypeEntry{"longtext", TypeClass::text},
    TypeEntry{"binary", TypeClass::binary},
    TypeEntry{"varbinary", TypeClass::binary},
    TypeEntry{"tinyblob", TypeClass::blob},
    TypeEntry{"blob", TypeClass::blob},
    TypeEntry{"mediumblob", TypeClass::blob},
    TypeEntry{"longblob", TypeClass::blob},
    TypeEntry{"enum", TypeClass::enumeration},
    TypeEntry{"set", TypeClass::set},
    TypeEntry{"date", TypeClass::date},
    TypeEntry{"time", TypeClass::time},
    TypeEntry{"datetime", TypeClass::datetime},
    TypeEntry{"timestamp", TypeClass::timestamp},
    TypeEntry{"year", TypeClass::year},
    TypeEntry{"json", TypeClass::json},
    TypeEntry{"geometry", TypeClass::spatial},
    TypeEntry{"point", TypeClass::spatial},
    TypeEntry{"linestring", TypeClass::spatial},
    TypeEntry{"polygon", TypeClass::spatial},
    TypeEntry{"multipoint", TypeClass::spatial},
    TypeEntry{"multilinestring", TypeClass::spatial},
    TypeEntry{"multipolygon", TypeClass::spatial},
    TypeEntry{"geometrycollection", TypeClass::spatial},
    // MariaDB 10.5+ / 10.7+.
    TypeEntry{"inet4", TypeClass::other},
    TypeEntry{"inet6", TypeClass::other},
    TypeEntry{"uuid", TypeClass::other},
};

// Display width MySQL fills in for ZEROFILL columns declared without one (unsigned).
int zerofill_width(std::string_view base) {
    if (base == "tinyint") {
        return 3;
    }
    if (base == "smallint") {
        return 5;
    }
    if (base == "mediumint") {
        return 8;
    }
    if (base == "int") {
        return 10;
    }
    return 20;
}

// Character sets and their default collations (MySQL 8.0: SHOW CHARACTER SET).
struct CharsetEntry {
    std::string_view charset;
    std::string_view collation;
};
constexpr std::array k_charsets = {
    CharsetEntry{"armscii8", "armscii8_general_ci"}, CharsetEntry{"ascii", "ascii_general_ci"},
    CharsetEntry{"big5", "big5_chinese_ci"},         CharsetEntry{"binary", "binary"},
    CharsetEntry{"cp1250", "cp1250_general_ci"},     CharsetEntry{"cp1251", "cp1251_general_ci"},
    CharsetEntry{"cp1256", "cp1256_general_ci"},     CharsetEntry{"cp1257", "cp1257_general_ci"},
    CharsetEntry{"cp850", "cp850_general_ci"},       CharsetEntry{"cp852", "cp852_general_ci"},
    CharsetEntry{"cp866", "cp866_general_ci"},       CharsetEntry{"cp932", "cp932_japanese_ci"},
    CharsetEntry{"dec8", "dec8_swedish_ci"},         CharsetEntry{"eucjpms", "eucjpms_japanese_ci"},
    CharsetEntry{"euckr", "euckr_korean_ci"},        CharsetEntry{"gb18030", "gb18030_chinese_ci"},
    CharsetEntry{"gb2312", "gb2312_chinese_ci"},     CharsetEntry{"gbk", "gbk_chinese_ci"},
    CharsetEntry{"geostd8", "geostd8_general_ci"},   CharsetEntry{"greek", "greek_general_ci"},
    CharsetEntry{"hebrew", "hebrew_general_ci"},     CharsetEntry{"hp8", "hp8_english_ci"},
    CharsetEntry{"keybcs2", "keybcs2_general_ci"},   CharsetEntry{"koi8r", "koi8r_general_ci"},
    CharsetEntry{"koi8u", "koi8u_general_ci"},       CharsetEntry{"latin1", "latin1_swedish_ci"},
    CharsetEntry{"latin2", "latin2_general_ci"},     CharsetEntry{"latin5", "latin5_turkish_ci"},
    CharsetEntry{"latin7", "latin7_general_ci"},     CharsetEntry{"macce", "macce_general_ci"},
    CharsetEntry{"macroman", "macroman_general_ci"}, CharsetEntry{"sjis", "sjis_japanese_ci"},
    CharsetEntry{"swe7", "swe7_swedish_ci"},         CharsetEntry{"tis620", "tis620_thai_ci"},
    CharsetEntry{"ucs2", "ucs2_general_ci"},         CharsetEntry{"ujis", "ujis_japanese_ci"},
    CharsetEntry{"utf16", "utf16_general_ci"},       CharsetEntry{"utf16le", "utf16le_general_ci"},
    CharsetEntry{"utf32", "utf32_general_ci"},       CharsetEntry{"utf8mb3", "utf8mb3_general_ci"},
    CharsetEntry{"utf8mb4", "utf8mb4_0900_ai_ci"},
};

}  // namespace

bool has_charset(TypeClass c) {
    return c == TypeClass::character || c == TypeClass::text || c == TypeClass::enumeration || c == TypeClass::set;
}

std::string canonical_charset(std::string_view name) {
    std::string n = lower(name);
    if (n == "utf8") {
        return "utf8mb3";
    }
    return n;
}

std::string canonical_collation(std::string_view name) {
    std::string n = lower(name);
    if (n.starts_with("utf8_")) {
        return "utf8mb3_" + n.substr(5);
    }
    return n;
}

std::string charset_of_collation(std::string_view collation) {
    std::string c = canonical_collation(collation);
    if (c == "binary") {
        return "binary";
    }
    auto underscore = c.find('_');
    return underscore == std::string::npos ? c : c.substr(0, underscore);
}

std::string default_collation(std::string_view charset) {
    std::string cs = canonical_charset(charset);
    for (const auto& e : k_charsets) {
        if (e.charset == cs) {
            return std::string(e.collation);
        }
    }
    return {};
}

std::string non_default_collation(std::string_view collation) {
    std::string c = canonical_collation(collation);
    // utf8mb4's default collation depends on the server: utf8mb4_0900_ai_ci in MySQL 8.0,
    // utf8mb4_general_ci in MariaDB and MySQL 5.7, whose dumps write it out where a script
    // wrote only CHARSET=utf8mb4. Both read as "the default", so the same schema dumped by
    // either server, or written by hand, compares equal (a deliberate switch between exactly
    // these two is not seen).
    if (c == "utf8mb4_general_ci") {
        return {};
    }
    return c == default_collation(charset_of_collation(c)) ? std::string{} : c;
}

std::expected<ColumnType, std::string> canonical_type(const ast::DataType& type) {
    ColumnType out;
    std::string name = type.name;
    // NCHAR / NATIONAL CHAR / NVARCHAR are CHAR / VARCHAR in the national character set,
    // utf8mb3 (10.3.7 The National Character Set).
    if (name == "nchar" || name == "nvarchar" || name.starts_with("national") || name.starts_with("nchar ")) {
        out.charset = "utf8mb3";
    }
    std::vector<std::string> args = type.args;
    // BOOL and BOOLEAN are TINYINT(1) (11.1.1 Numeric Data Type Syntax).
    if ((name == "bool" || name == "boolean") && args.empty()) {
        args.emplace_back("1");
    }
    if (name == "serial") {
        // SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE.
        name = "bigint";
        out.serial = true;
    }
    std::string base = canonical_type_name(name);
    const TypeEntry* entry = nullptr;
    for (const auto& e : k_types) {
        if (e.name == base) {
            entry = &e;
            break;
        }
    }
    if (entry == nullptr) {
        return std::unexpected(fmt::format("unknown data type \"{}\"", type.name));
    }
    out.type_class = entry->type_class;
    bool is_unsigned = type.is_unsigned || type.zerofill || out.serial;  // ZEROFILL implies UNSIGNED
    std::vector<std::string> mods;

    auto numeric_suffix = [&](std::string_view b) {
        std::string n(b);
        if (is_unsigned) {
            n += " unsigned";
        }
        if (type.zerofill) {
            n += " zerofill";
        }
        return n;
    };
    auto at_most = [&](std::size_t n) -> std::expected<void, std::string> {
        if (args.size() > n || type.labels) {
            return std::unexpected(fmt::format("wrong arguments for data type \"{}\"", type.name));
        }
        return {};
    };

    switch (out.type_class) {
        case TypeClass::integer: {
            if (auto ok = at_most(1); !ok) {
                return std::unexpected(ok.error());
            }
            // Integer display widths are dropped (deprecated in MySQL 8.0.17, not shown since
            // 8.0.19; MariaDB still shows int(11)): they change neither storage nor range.
            // Kept: TINYINT(1), the boolean convention, and widths of ZEROFILL columns, which
            // pad the values shown.
            if (base == "tinyint" && args.size() == 1 && args[0] == "1" && !type.zerofill) {
                mods.emplace_back("1");
            } else if (type.zerofill) {
                mods.push_back(args.empty() ? std::to_string(zerofill_width(base)) : strip_leading_zeros(args[0]));
            }
            out.ref.name.name = numeric_suffix(base);
            break;
        }
        case TypeClass::decimal: {
            if (auto ok = at_most(2); !ok) {
                return std::unexpected(ok.error());
            }
            // DECIMAL = DECIMAL(10,0); DECIMAL(M) = DECIMAL(M,0) (11.1.3).
            std::string m = args.empty() ? "10" : strip_leading_zeros(args[0]);
            std::string d = args.size() < 2 ? "0" : strip_leading_zeros(args[1]);
            out.scale = std::stoi(d);
            if (std::stoi(m) > 65 || out.scale > 30 || out.scale > std::stoi(m)) {
                return std::unexpected(fmt::format("invalid precision for \"{}\" ({},{})", type.name, m, d));
            }
            mods = {m, d};
            out.ref.name.name = numeric_suffix(base);
            break;
        }
        case TypeClass::floating: {
            if (auto ok = at_most(2); !ok) {
                return std::unexpected(ok.error());
            }
            if (args.size() == 1) {
                // FLOAT(p): p in 0..24 is FLOAT, 25..53 DOUBLE, no modifiers (11.1.4).
                int p = std::stoi(args[0]);
                if (p > 53) {
                    return std::unexpected(fmt::format("invalid precision for \"{}\" ({})", type.name, p));
                }
                base = p <= 24 && base == "float" ? "float" : "double";
            } else if (args.size() == 2) {
                mods = {strip_leading_zeros(args[0]), strip_leading_zeros(args[1])};
            }
            out.ref.name.name = numeric_suffix(base);
            break;
        }
        case TypeClass::bit: {
            if (auto ok = at_most(1); !ok) {
                return std::unexpected(ok.error());
            }
            // BIT = BIT(1).
            mods.push_back(args.empty() ? "1" : strip_leading_zeros(args[0]));
            out.ref.name.name = base;
            break;
        }
        case TypeClass::character:
        case TypeClass::binary: {
            if (auto ok = at_most(1); !ok) {
                return std::unexpected(ok.error());
            }
            if (args.empty() && (base == "varchar" || base == "varbinary")) {
                return std::unexpected(fmt::format("data type \"{}\" needs a length", type.name));
            }
            // CHAR = CHAR(1), BINARY = BINARY(1); CHAR(n) BYTE and CHAR(n) CHARACTER SET binary
            // are BINARY(n) (10.3.5 Column Character Set and Collation).
            bool to_binary = out.type_class == TypeClass::character &&
                             (type.byte || canonical_charset(type.charset) == "binary");
            if (to_binary) {
                base = base == "char" ? "binary" : "varbinary";
                out.type_class = TypeClass::binary;
            }
            mods.push_back(args.empty() ? "1" : strip_leading_zeros(args[0]));
            out.ref.name.name = base;
            break;
        }
        case TypeClass::text:
        case TypeClass::blob: {
            if (auto ok = at_most(1); !ok) {
                return std::unexpected(ok.error());
            }
            bool text = out.type_class == TypeClass::text;
            if (text && canonical_charset(type.charset) == "binary") {
                out.type_class = TypeClass::blob;
                text = false;
                base = base == "tinytext" ? "tinyblob" : base == "mediumtext" ? "mediumblob"
                                                   : base == "longtext"       ? "longblob"
                                                                              : "blob";
            }
            if (args.size() == 1 && (base == "text" || base == "blob")) {
                // TEXT(M) / BLOB(M): the smallest type that holds M (11.3.4).
                long long m = std::stoll(args[0]);
                std::string_view prefix = m < 256 ? "tiny" : m < 65536 ? "" : m < 16777216 ? "medium" : "long";
                base = std::string(prefix) + (text ? "text" : "blob");
            }
            out.ref.name.name = base;
            break;
        }
        case TypeClass::enumeration:
        case TypeClass::set: {
            if (!type.labels || args.empty()) {
                return std::unexpected(fmt::format("data type \"{}\" needs a list of values", type.name));
            }
            for (const auto& label : args) {
                // "Trailing spaces are automatically deleted from ENUM member values" (11.3.5),
                // and from SET members (11.3.6).
                std::string v = label;
                while (!v.empty() && v.back() == ' ') {
                    v.pop_back();
                }
                out.labels.push_back(v);
                mods.push_back(quote_string(v));
            }
            out.ref.name.name = base;
            break;
        }
        case TypeClass::time:
        case TypeClass::datetime:
        case TypeClass::timestamp: {
            if (auto ok = at_most(1); !ok) {
                return std::unexpected(ok.error());
            }
            // Fractional seconds precision 0..6; (0) is the default (11.2.6).
            if (!args.empty()) {
                int fsp = std::stoi(args[0]);
                if (fsp > 6) {
                    return std::unexpected(
                        fmt::format("too big precision {} for \"{}\"; the maximum is 6", fsp, type.name));
                }
                out.precision = fsp;
                if (fsp > 0) {
                    mods.push_back(std::to_string(fsp));
                }
            }
            out.ref.name.name = base;
            break;
        }
        case TypeClass::year: {
            if (auto ok = at_most(1); !ok) {
                return std::unexpected(ok.error());
            }
            // YEAR(4) is YEAR; YEAR(2) exists in MariaDB only.
            if (!args.empty() && args[0] == "2") {
                mods.emplace_back("2");
            }
            out.ref.name.name = base;
            break;
        }
        case TypeClass::date:
        case TypeClass::json:
        case TypeClass::spatial:
        case TypeClass::other: {
            if (auto ok = at_most(0); !ok) {
                return std::unexpected(ok.error());
            }
            out.ref.name.name = base;
            break;
        }
    }
    out.base = base;
    out.ref.modifiers = std::move(mods);
    if (has_charset(out.type_class)) {
        if (type.ascii) {
            out.charset = "latin1";
        } else if (type.unicode) {
            out.charset = "ucs2";
        }
        if (!type.charset.empty()) {
            out.charset = canonical_charset(type.charset);
        }
        out.binary_collation = type.binary;
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Expressions

std::string quote_string(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        switch (c) {
            case '\'': out += "''"; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\0': out += "\\0"; break;
            case '\x1a': out += "\\Z"; break;
            default: out += c; break;
        }
    }
    out += '\'';
    return out;
}

namespace {

bool is_punct(const ast::Token& t, std::string_view p) { return t.kind == ast::TokenKind::punctuation && t.text == p; }

// Reserved words that are functions when a parenthesis follows (no space before it).
bool function_like_reserved(std::string_view upper_word) {
    static constexpr std::array k_words = {
        "CHAR", "CONVERT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE",
        "DEFAULT", "IF", "INSERT", "INTERVAL", "LEFT", "LOCALTIME", "LOCALTIMESTAMP", "MATCH", "MOD", "REPEAT",
        "REPLACE", "RIGHT", "SCHEMA", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "VALUES"};
    return std::find(k_words.begin(), k_words.end(), upper_word) != k_words.end();
}

// Keywords the lexer reads as plain names (it knows only the ones the grammar needs):
// spelled upper case, and a parenthesis after them is no function call.
bool keyword_name(std::string_view upper_word) {
    static constexpr std::array k_words = {"LESS",    "THAN",   "PARTITIONS", "SUBPARTITION", "SUBPARTITIONS",
                                           "LIST",    "HASH",   "COLUMNS",    "DAY",          "HOUR",
                                           "MINUTE",  "SECOND", "MONTH",      "YEAR",         "WEEK",
                                           "QUARTER", "MICROSECOND", "ROLLUP", "OFFSET",      "UNSIGNED"};
    return std::find(k_words.begin(), k_words.end(), upper_word) != k_words.end();
}

// Function synonyms, as one name (12.1 Built-In Function and Operator Reference): MariaDB
// prints UCASE() where the script wrote UPPER(), and the like.
std::string canonical_function(std::string name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> k_synonyms = {{
        {"ucase", "upper"},
        {"lcase", "lower"},
        {"substr", "substring"},
        {"mid", "substring"},
        {"character_length", "char_length"},
        {"pow", "power"},
        {"ceiling", "ceil"},
        {"now", "current_timestamp"},
        {"localtime", "current_timestamp"},
        {"localtimestamp", "current_timestamp"},
        {"current_date", "curdate"},
        {"current_time", "curtime"},
        {"schema", "database"},
        {"day", "dayofmonth"},
    }};
    for (const auto& [synonym, canonical] : k_synonyms) {
        if (name == synonym) {
            return std::string(canonical);
        }
    }
    return name;
}

// The parentheses around the whole list, if they match each other.
bool wrapped(const ast::Tokens& tokens, std::size_t begin, std::size_t end) {
    if (end - begin < 2 || !is_punct(tokens[begin], "(") || !is_punct(tokens[end - 1], ")")) {
        return false;
    }
    int depth = 0;
    for (std::size_t i = begin; i < end; ++i) {
        if (is_punct(tokens[i], "(")) {
            ++depth;
        } else if (is_punct(tokens[i], ")")) {
            --depth;
            if (depth == 0 && i + 1 < end) {
                return false;
            }
        }
    }
    return true;
}

std::string canonical_literal(const ast::Token& t) {
    switch (t.kind) {
        case ast::TokenKind::string: {
            std::string_view raw = t.text;
            std::string introducer;
            if (!raw.empty() && raw[0] == '_') {
                std::size_t k = 1;
                while (k < raw.size() && std::isalnum(static_cast<unsigned char>(raw[k])) != 0) {
                    ++k;
                }
                introducer = lower(raw.substr(0, k));
                std::size_t q = raw.find_first_of("'\"", k);
                if (q == std::string_view::npos) {
                    std::string rest(raw.substr(k));
                    rest.erase(0, rest.find_first_not_of(" \t\r\n"));
                    return introducer + " " + lower(rest);
                }
            } else if (!raw.empty() && (raw[0] == 'n' || raw[0] == 'N')) {
                introducer = "N";
            }
            return introducer + quote_string(unescape_string(raw));
        }
        case ast::TokenKind::hex: {
            std::string digits = t.text;
            if (digits.size() >= 2 && (digits[0] == 'x' || digits[0] == 'X') && digits[1] == '\'') {
                digits = digits.substr(2, digits.size() - 3);
            } else if (digits.starts_with("0x")) {
                digits = digits.substr(2);
            }
            return "0x" + lower(digits);
        }
        case ast::TokenKind::bit: {
            std::string digits = t.text;
            if (digits.size() >= 2 && (digits[0] == 'b' || digits[0] == 'B') && digits[1] == '\'') {
                digits = digits.substr(2, digits.size() - 3);
            } else if (digits.starts_with("0b")) {
                digits = digits.substr(2);
            }
            return "0b" + digits;
        }
        case ast::TokenKind::number: return lower(t.text);
        default: return t.text;
    }
}

}  // namespace

model::Expression render_expression(const ast::Tokens& tokens, const ExprContext& context) {
    model::Expression out;
    std::size_t begin = 0;
    std::size_t end = tokens.size();
    // Enclosing parentheses are syntax, not meaning: ((a > 0)) is a > 0.
    while (wrapped(tokens, begin, end)) {
        ++begin;
        --end;
    }
    enum class Piece : std::uint8_t { start, open, close, comma, dot, op, word, function, value };
    Piece previous = Piece::start;
    std::string& text = out.text;
    for (std::size_t i = begin; i < end; ++i) {
        const ast::Token& t = tokens[i];
        bool next_is_paren = i + 1 < end && is_punct(tokens[i + 1], "(");
        bool next_is_dot = i + 1 < end && is_punct(tokens[i + 1], ".");
        bool after_dot = previous == Piece::dot;
        std::string piece;
        Piece kind = Piece::word;
        switch (t.kind) {
            case ast::TokenKind::word:
            case ast::TokenKind::quoted:
            case ast::TokenKind::keyword: {
                if (t.kind != ast::TokenKind::quoted && !after_dot && !next_is_dot && keyword_name(upper(t.text))) {
                    piece = upper(t.text);
                    kind = Piece::op;
                    break;
                }
                if (next_is_paren && !after_dot) {
                    // Function names are not case-sensitive (9.2.5 Function Name Parsing).
                    piece = canonical_function(lower(t.text));
                    kind = Piece::function;
                    out.functions.push_back({"", piece});
                    break;
                }
                if (context.column && !next_is_dot) {
                    if (auto declared = context.column(t.text)) {
                        piece = quote(*declared);
                        out.columns.push_back(*declared);
                        break;
                    }
                }
                if (t.kind == ast::TokenKind::quoted || next_is_dot || after_dot || !context.column) {
                    piece = quote(t.text);
                } else {
                    // Not a column: a keyword the grammar does not name (DAY, UNSIGNED, ...).
                    piece = upper(t.text);
                }
                break;
            }
            case ast::TokenKind::reserved: {
                std::string word = upper(t.text);
                piece = word;
                kind = next_is_paren && function_like_reserved(word) ? Piece::function : Piece::op;
                if (word == "CURRENT_TIMESTAMP" || word == "CURRENT_DATE" || word == "CURRENT_TIME" ||
                    word == "CURRENT_USER" || word == "LOCALTIME" || word == "LOCALTIMESTAMP" ||
                    word == "UTC_DATE" || word == "UTC_TIME" || word == "UTC_TIMESTAMP") {
                    // CURRENT_DATE and CURRENT_DATE() are one call: the function form.
                    piece = canonical_function(lower(word));
                    kind = Piece::function;
                    if (!next_is_paren) {
                        piece += "()";
                        kind = Piece::value;
                    }
                } else if (function_like_reserved(word) && next_is_paren) {
                    piece = canonical_function(lower(word));
                } else if (word == "NULL" || word == "TRUE" || word == "FALSE") {
                    kind = Piece::value;
                }
                break;
            }
            case ast::TokenKind::string:
            case ast::TokenKind::number:
            case ast::TokenKind::hex:
            case ast::TokenKind::bit:
            case ast::TokenKind::variable:
                piece = canonical_literal(t);
                kind = Piece::value;
                break;
            case ast::TokenKind::punctuation: {
                piece = t.text;
                if (piece == "(") {
                    kind = Piece::open;
                } else if (piece == ")") {
                    kind = Piece::close;
                } else if (piece == ",") {
                    kind = Piece::comma;
                } else if (piece == ".") {
                    kind = Piece::dot;
                } else {
                    kind = Piece::op;
                    if (piece == "!=") {
                        piece = "<>";
                    } else if (piece == "&&") {
                        piece = "AND";
                    } else if (piece == "||") {
                        piece = "OR";
                    }
                }
                break;
            }
        }
        bool space = true;
        if (t.kind == ast::TokenKind::variable && i > begin && t.offset == tokens[i - 1].end) {
            space = false;  // 'user'@'host' written together stays together
        } else if (previous == Piece::start || previous == Piece::open || previous == Piece::dot) {
            space = false;
        } else if (kind == Piece::close || kind == Piece::comma || kind == Piece::dot) {
            space = false;
        } else if (kind == Piece::open && previous == Piece::function) {
            space = false;
        } else if (previous == Piece::op && !text.empty() && (text.back() == '-' || text.back() == '+') &&
                   kind == Piece::value) {
            // A sign directly before a number: -1 (when the sign follows an operator, a
            // comma, an opening parenthesis or starts the expression).
            std::size_t sign_at = text.size() - 1;
            bool unary = sign_at == 0 || text[sign_at - 1] == '(' || text[sign_at - 1] == ' ';
            if (unary && sign_at >= 2) {
                char before = text[sign_at - 2];
                unary = before == '(' || before == ',' || before == '=' || before == '<' || before == '>' ||
                        before == '*' || before == '/' || before == '+' || before == '-' ||
                        (std::isalpha(static_cast<unsigned char>(before)) != 0 && std::isupper(static_cast<unsigned char>(before)) != 0);
            }
            space = !unary;
        }
        if (space) {
            text += ' ';
        }
        text += piece;
        previous = kind;
    }
    std::sort(out.columns.begin(), out.columns.end());
    out.columns.erase(std::unique(out.columns.begin(), out.columns.end()), out.columns.end());
    return out;
}

// ---------------------------------------------------------------------------------------
// Defaults

namespace {

// Decimal text rounded (half away from zero) to `scale` digits: MySQL stores a DECIMAL
// default in the column's scale ('1.50' for DEFAULT 1.5 on DECIMAL(5,2)).
std::optional<std::string> decimal_text(std::string_view number, int scale) {
    std::string s(number);
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.erase(0, 1);
    }
    if (s.find_first_of("eE") != std::string::npos) {
        char* end = nullptr;
        double v = std::strtod(s.c_str(), &end);
        if (end == nullptr || *end != '\0') {
            return std::nullopt;
        }
        s = fmt::format("{:.{}f}", v, scale + 2);
    }
    std::size_t dot = s.find('.');
    std::string whole = dot == std::string::npos ? s : s.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    if (whole.empty()) {
        whole = "0";
    }
    if (!all_digits(whole) || (!frac.empty() && !all_digits(frac))) {
        return std::nullopt;
    }
    bool round_up = frac.size() > static_cast<std::size_t>(scale) && frac[static_cast<std::size_t>(scale)] >= '5';
    frac.resize(static_cast<std::size_t>(scale), '0');
    std::string digits = whole + frac;
    if (round_up) {
        int k = static_cast<int>(digits.size()) - 1;
        while (k >= 0) {
            if (digits[static_cast<std::size_t>(k)] == '9') {
                digits[static_cast<std::size_t>(k)] = '0';
                --k;
            } else {
                ++digits[static_cast<std::size_t>(k)];
                break;
            }
        }
        if (k < 0) {
            digits.insert(digits.begin(), '1');
        }
    }
    std::string int_part = strip_leading_zeros(digits.substr(0, digits.size() - static_cast<std::size_t>(scale)));
    std::string frac_part = digits.substr(digits.size() - static_cast<std::size_t>(scale));
    bool zero = std::all_of(digits.begin(), digits.end(), [](char c) { return c == '0'; });
    std::string out = (negative && !zero ? "-" : "") + int_part;
    if (scale > 0) {
        out += "." + frac_part;
    }
    return out;
}

// The shortest text that reads back as the same double: MySQL shows DEFAULT 1.50 on a
// FLOAT as '1.5'.
std::optional<std::string> float_text(std::string_view number) {
    std::string s(number);
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end == nullptr || *end != '\0') {
        return std::nullopt;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::string t = fmt::format("{:.{}g}", v, precision);
        if (std::strtod(t.c_str(), nullptr) == v) {
            return t;
        }
    }
    return fmt::format("{}", v);
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) {
        return {};
    }
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// '2000-01-01' on a DATETIME(3) is '2000-01-01 00:00:00.000' (11.2.2, 11.2.6).
std::optional<std::string> temporal_text(const std::string& value, TypeClass c, int precision) {
    std::string v = trim(value);
    auto digits2 = [](std::string_view s) { return s.size() == 2 && all_digits(s); };
    if (c == TypeClass::year) {
        if (all_digits(v) && v.size() <= 4) {
            int y = std::stoi(v);
            if (v.size() <= 2 && y != 0) {
                y += y < 70 ? 2000 : 1900;
            }
            return fmt::format("{:04}", y);
        }
        return std::nullopt;
    }
    if (c == TypeClass::time) {
        std::string t = v;
        std::string frac;
        if (auto dot = t.find('.'); dot != std::string::npos) {
            frac = t.substr(dot + 1);
            t = t.substr(0, dot);
        }
        if (t.size() == 5) {
            t += ":00";
        }
        if (precision > 0) {
            frac.resize(static_cast<std::size_t>(precision), '0');
            t += "." + frac;
        }
        return t;
    }
    if (v == "0" || v.empty()) {
        v = "0000-00-00";
    }
    std::string date = v.substr(0, std::min<std::size_t>(v.size(), 10));
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !all_digits(date.substr(0, 4)) ||
        !digits2(date.substr(5, 2)) || !digits2(date.substr(8, 2))) {
        return std::nullopt;
    }
    if (c == TypeClass::date) {
        return date;
    }
    std::string time = v.size() > 10 ? trim(v.substr(10)) : "00:00:00";
    if (!time.empty() && (time[0] == 'T' || time[0] == 't')) {
        time.erase(0, 1);
    }
    std::string frac;
    if (auto dot = time.find('.'); dot != std::string::npos) {
        frac = time.substr(dot + 1);
        time = time.substr(0, dot);
    }
    if (time.size() == 5) {
        time += ":00";
    }
    if (time.size() != 8 || time[2] != ':' || time[5] != ':') {
        return std::nullopt;
    }
    std::string out = date + " " + time;
    if (precision > 0) {
        frac.resize(static_cast<std::size_t>(precision), '0');
        out += "." + frac;
    }
    return out;
}

std::string hex_to_bytes(std::string_view digits) {
    std::string out;
    std::string d(digits);
    if (d.size() % 2 == 1) {
        d.insert(d.begin(), '0');
    }
    for (std::size_t i = 0; i + 1 < d.size(); i += 2) {
        out += static_cast<char>(std::stoi(d.substr(i, 2), nullptr, 16));
    }
    return out;
}

model::Expression text_expression(std::string text) {
    model::Expression e;
    e.text = std::move(text);
    return e;
}

}  // namespace

std::expected<std::optional<model::Expression>, std::string> canonical_default(const ast::DefaultValue& value,
                                                                               const ColumnType& type,
                                                                               const ExprContext& context) {
    using Kind = ast::DefaultValue::Kind;
    const TypeClass c = type.type_class;
    auto invalid = [&] { return std::unexpected(std::string("invalid default value")); };
    switch (value.kind) {
        case Kind::null: return std::optional<model::Expression>{};
        case Kind::expression: {
            model::Expression e = render_expression(value.expr.tokens, context);
            e.text = "(" + e.text + ")";
            return std::optional<model::Expression>{std::move(e)};
        }
        case Kind::function: {
            // MariaDB writes DEFAULT uuid(); MySQL needs DEFAULT (uuid()): the same default.
            model::Expression args = render_expression(value.expr.tokens, context);
            model::Expression e = args;
            std::string name = canonical_function(value.name);
            e.text = "(" + name + "(" + args.text + "))";
            e.functions.push_back({"", name});
            return std::optional<model::Expression>{std::move(e)};
        }
        case Kind::builtin: {
            // CURRENT_DATE is curdate(), CURRENT_TIME curtime() (12.7 Date and Time Functions).
            std::string name = value.name == "current_date" ? "curdate"
                               : value.name == "current_time" ? "curtime"
                                                              : value.name;
            return std::optional<model::Expression>{text_expression("(" + name + "())")};
        }
        case Kind::now: {
            // CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(), NOW(), LOCALTIME[()], LOCALTIMESTAMP[()]
            // are one default (11.2.5 Automatic Initialization and Updating); its precision
            // must be the column's.
            int p = value.text.empty() ? 0 : std::stoi(value.text);
            if (c != TypeClass::datetime && c != TypeClass::timestamp && c != TypeClass::date) {
                return invalid();
            }
            if (c != TypeClass::date && p != type.precision) {
                return invalid();
            }
            return std::optional<model::Expression>{
                text_expression(p > 0 ? fmt::format("CURRENT_TIMESTAMP({})", p) : "CURRENT_TIMESTAMP")};
        }
        default: break;
    }
    // A literal. MySQL keeps defaults as text (information_schema.COLUMNS.COLUMN_DEFAULT)
    // and SHOW CREATE TABLE quotes them: DEFAULT 0 on an INT is DEFAULT '0'.
    std::string literal;
    switch (value.kind) {
        case Kind::string: literal = value.text; break;
        case Kind::number:
        case Kind::boolean: literal = value.text; break;
        case Kind::hex: literal = hex_to_bytes(value.text); break;
        case Kind::bit: literal = value.text; break;
        default: break;
    }
    switch (c) {
        case TypeClass::integer: {
            std::string v;
            if (value.kind == Kind::hex || value.kind == Kind::bit) {
                unsigned long long n = std::stoull(value.text.empty() ? "0" : value.text, nullptr,
                                                   value.kind == Kind::hex ? 16 : 2);
                v = std::to_string(n);
            } else {
                auto d = decimal_text(trim(literal), 0);
                if (!d) {
                    return invalid();
                }
                v = *d;
            }
            if (v.starts_with("-") && type.ref.name.name.find("unsigned") != std::string::npos) {
                return invalid();
            }
            return std::optional<model::Expression>{text_expression(quote_string(v))};
        }
        case TypeClass::decimal: {
            auto d = decimal_text(trim(literal), type.scale);
            if (!d) {
                return invalid();
            }
            return std::optional<model::Expression>{text_expression(quote_string(*d))};
        }
        case TypeClass::floating: {
            auto f = float_text(trim(literal));
            if (!f) {
                return invalid();
            }
            return std::optional<model::Expression>{text_expression(quote_string(*f))};
        }
        case TypeClass::bit: {
            // SHOW CREATE TABLE writes b'101'.
            unsigned long long n = 0;
            if (value.kind == Kind::bit) {
                n = value.text.empty() ? 0 : std::stoull(value.text, nullptr, 2);
            } else if (value.kind == Kind::hex) {
                n = value.text.empty() ? 0 : std::stoull(value.text, nullptr, 16);
            } else if (auto i = to_int(trim(literal))) {
                n = static_cast<unsigned long long>(*i);
            } else {
                return invalid();
            }
            std::string bits;
            do {
                bits.insert(bits.begin(), static_cast<char>('0' + (n & 1U)));
                n >>= 1U;
            } while (n != 0);
            return std::optional<model::Expression>{text_expression("b'" + bits + "'")};
        }
        case TypeClass::date:
        case TypeClass::time:
        case TypeClass::datetime:
        case TypeClass::timestamp:
        case TypeClass::year: {
            auto t = temporal_text(literal, c, type.precision);
            if (!t) {
                return invalid();
            }
            return std::optional<model::Expression>{text_expression(quote_string(*t))};
        }
        case TypeClass::enumeration: {
            // An ENUM default must be one of its values (compared ignoring case and trailing
            // spaces); a number is the value's position.
            std::string v = literal;
            while (!v.empty() && v.back() == ' ') {
                v.pop_back();
            }
            if (value.kind == Kind::number) {
                auto index = to_int(v);
                if (!index || *index < 1 || static_cast<std::size_t>(*index) > type.labels.size()) {
                    return invalid();
                }
                v = type.labels[static_cast<std::size_t>(*index - 1)];
            }
            for (const auto& label : type.labels) {
                if (lower(label) == lower(v)) {
                    return std::optional<model::Expression>{text_expression(quote_string(label))};
                }
            }
            return invalid();
        }
        default: return std::optional<model::Expression>{text_expression(quote_string(literal))};
    }
}

std::expected<std::string, std::string> canonical_on_update(const ast::DefaultValue& value, const ColumnType& type) {
    if (value.kind != ast::DefaultValue::Kind::now ||
        (type.type_class != TypeClass::datetime && type.type_class != TypeClass::timestamp)) {
        return std::unexpected(std::string("invalid ON UPDATE clause"));
    }
    int p = value.text.empty() ? 0 : std::stoi(value.text);
    if (p != type.precision) {
        return std::unexpected(std::string("invalid ON UPDATE clause"));
    }
    return p > 0 ? fmt::format("CURRENT_TIMESTAMP({})", p) : std::string("CURRENT_TIMESTAMP");
}

}  // namespace schemerge::parser::mysql
