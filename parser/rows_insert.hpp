#pragma once
// Rows as a schema dump carries them (Rails' structure.sql `schema_migrations`), rendered
// the same way whatever the dialect: the merge driver writes merged rows back with it.
#include <string>
#include <string_view>
#include <vector>

namespace schemerge::parser {

// Renders rows the way Rails writes them:
//   INSERT INTO "schema_migrations" (version) VALUES
//   ('a'),
//   ('b');
// ending with a newline. `quoted_table`, `columns` and the values are written as given
// (already quoted in the dialect's way). No rows: "".
[[nodiscard]] std::string render_rows_insert(std::string_view quoted_table, const std::vector<std::string>& columns,
                                             const std::vector<std::vector<std::string>>& rows);

}  // namespace schemerge::parser
