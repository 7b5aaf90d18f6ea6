#pragma once
// MySQL's canonical forms, applied once when the model is built (Vitess's habit): two
// spellings the server stores identically build equal model objects. Each rule names the
// server behaviour it mirrors.
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/expression.hpp"
#include "model/type_ref.hpp"
#include "parser/mysql/ast.hpp"

namespace schemerge::parser::mysql {

enum class TypeClass : std::uint8_t {
    integer,
    decimal,
    floating,
    bit,
    character,  // CHAR, VARCHAR
    text,       // TINYTEXT .. LONGTEXT
    binary,     // BINARY, VARBINARY
    blob,       // TINYBLOB .. LONGBLOB
    enumeration,
    set,
    date,
    time,
    datetime,
    timestamp,
    year,
    json,
    spatial,
    other,  // MariaDB's INET4, INET6, UUID, ...
};

// A column's type after MySQL's rules (11 Data Types).
struct ColumnType {
    // Canonical as information_schema.COLUMNS.COLUMN_TYPE: the base name with " unsigned"
    // and " zerofill" folded in ("int unsigned"), lengths, precisions and ENUM/SET labels
    // (quoted literals) as modifiers. A MySQL emitter prints the modifiers after the first
    // word: "int(5) unsigned zerofill", as PostgreSQL's "timestamp(3) with time zone".
    model::TypeRef ref;
    TypeClass type_class = TypeClass::other;
    std::string base;      // "int", "varchar", "enum"
    std::string charset;   // implied by the type's spelling (NCHAR, ASCII, UNICODE, CHARACTER SET x)
    bool binary_collation = false;  // CHAR(10) BINARY: the character set's _bin collation
    bool serial = false;            // SERIAL: BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE
    int precision = 0;              // fractional seconds (time types)
    int scale = 0;                  // DECIMAL(M, D): D
    std::vector<std::string> labels;  // ENUM / SET values, unquoted
};

// The canonical type, or why MySQL rejects it.
[[nodiscard]] std::expected<ColumnType, std::string> canonical_type(const ast::DataType& type);
[[nodiscard]] bool has_charset(TypeClass c);

// Character sets and collations (10.3 Specifying Character Sets and Collations).
// utf8 is an alias of utf8mb3 (MySQL 8.0.30 and MariaDB 10.6 report utf8mb3), and its
// collations utf8_* are utf8mb3_*.
[[nodiscard]] std::string canonical_charset(std::string_view name);
[[nodiscard]] std::string canonical_collation(std::string_view name);
// The character set a collation belongs to (the prefix of its name).
[[nodiscard]] std::string charset_of_collation(std::string_view collation);
// The character set's default collation (MySQL 8.0's: utf8mb4 -> utf8mb4_0900_ai_ci), or
// "" for a character set not in the table.
[[nodiscard]] std::string default_collation(std::string_view charset);
// A collation that is its character set's default reads as "" (the default); for utf8mb4
// both servers' defaults (utf8mb4_0900_ai_ci, utf8mb4_general_ci) do.
[[nodiscard]] std::string non_default_collation(std::string_view collation);

// How identifiers in an expression are spelled.
struct ExprContext {
    // Names that are columns of the table: the declared spelling, or nullopt when the name
    // is not a column. Unset for view queries and partitioning (names kept as written).
    std::function<std::optional<std::string>(std::string_view)> column;
};

// The canonical text of an expression: keywords upper case, column names as declared,
// function names lower case, strings single-quoted, one space between tokens (none inside
// parentheses, before commas or around dots), enclosing parentheses removed. Columns and
// functions it names are appended to `out`.
[[nodiscard]] model::Expression render_expression(const ast::Tokens& tokens, const ExprContext& context);
// A string value as a canonical SQL literal: 'it''s' with backslash escapes for \ and
// control characters.
[[nodiscard]] std::string quote_string(std::string_view value);

// The canonical DEFAULT of a column of `type` (information_schema.COLUMNS.COLUMN_DEFAULT
// as SHOW CREATE TABLE prints it): literals as quoted strings ('0', '1.50',
// '2000-01-01 00:00:00'), CURRENT_TIMESTAMP[(n)] for its synonyms, expressions in
// parentheses. nullopt for DEFAULT NULL (the implicit default of a nullable column).
// An error when the server rejects the default ("Invalid default value").
[[nodiscard]] std::expected<std::optional<model::Expression>, std::string> canonical_default(
    const ast::DefaultValue& value, const ColumnType& type, const ExprContext& context);
// ON UPDATE CURRENT_TIMESTAMP[(n)] (only that is allowed).
[[nodiscard]] std::expected<std::string, std::string> canonical_on_update(const ast::DefaultValue& value,
                                                                          const ColumnType& type);

}  // namespace schemerge::parser::mysql
