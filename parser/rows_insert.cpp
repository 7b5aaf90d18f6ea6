#include "parser/rows_insert.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace schemerge::parser {

std::string render_rows_insert(std::string_view quoted_table, const std::vector<std::string>& columns,
                               const std::vector<std::vector<std::string>>& rows) {
    if (rows.empty()) {
        return {};
    }
    std::string out = fmt::format("INSERT INTO {}", quoted_table);
    if (!columns.empty()) {
        out += fmt::format(" ({})", fmt::join(columns, ", "));
    }
    out += " VALUES\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += fmt::format("({}){}", fmt::join(rows[i], ", "), i + 1 < rows.size() ? ",\n" : ";\n");
    }
    return out;
}

}  // namespace schemerge::parser
