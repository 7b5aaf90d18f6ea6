#pragma once
#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/rows_insert.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::postgres {

// An `INSERT INTO <table> [(columns)] VALUES (...), (...);` found in a schema dump, such as
// the `schema_migrations` list Rails appends to db/structure.sql and reads back to know
// which migrations have run. The git merge driver merges these rows as a union.
struct TableRowsStatement {
    std::size_t begin = 0, end = 0;              // byte range of the whole statement in the text, incl. ';'
    std::uint32_t line = 0;                      // 1-based line of its first character
    std::vector<std::vector<std::string>> rows;  // each row's values as SQL literal text, e.g. "'20240101000000'"
    std::vector<std::string> columns;            // the column list as written, e.g. `version` (empty if none)
};

// Finds the INSERT statements into `table` in file order. `table` is a name, optionally
// schema-qualified ("schema_migrations", "public.schema_migrations", quotes allowed); it
// matches the statement's table case-insensitively, whether the statement writes it
// with or without a schema and quoted or not (an unqualified `table` matches any schema).
//
// Values are rendered canonically, so equal rows compare equal as text: strings as
// '...' (quotes doubled), numbers as written, true/false, NULL, B'...'/X'...'.
//
// Errors, located at file:line:col: a file the scanner cannot split (unterminated
// string or comment), an unresolved git conflict marker, an INSERT that does not parse,
// and an INSERT into `table` that is not a plain VALUES list of constants (INSERT ...
// SELECT, DEFAULT or expressions, ON CONFLICT, RETURNING, WITH) or whose rows differ in
// length. Only INSERT statements are parsed; syntax errors elsewhere are left to the loader.
[[nodiscard]] std::expected<std::vector<TableRowsStatement>, model::Error> find_table_rows(const SourceFile& file,
                                                                                           std::string_view table);

// A statement that writes rows rather than schema (the loader skips these).
struct DataStatement {
    std::string kind;   // "insert", "copy", "update", "delete", "merge", "setval"
    std::string table;  // "schema.name" or "name", lower case; empty for setval
    std::uint32_t line = 0;
};

// The file's data statements in file order: INSERT (also under WITH), COPY … FROM, UPDATE,
// DELETE, MERGE, and SELECT … setval(…): rows a schema model does not hold. Errors as above
// for a file the scanner cannot split or a data statement that does not parse.
[[nodiscard]] std::expected<std::vector<DataStatement>, model::Error> data_statements(const SourceFile& file);

// Renders rows the way Rails writes them (parser/rows_insert.hpp: the same for every dialect).
using parser::render_rows_insert;

}  // namespace schemerge::parser::postgres
