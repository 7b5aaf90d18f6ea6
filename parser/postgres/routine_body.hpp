#pragma once
#include <cstdint>
#include <string_view>

#include "model/function.hpp"

namespace schemerge::parser::postgres {

// Where a routine's body text starts in its source file (1-based lines; 0 = unknown):
// `body` is prosrc (the AS '...' / $$...$$ string), `sql_body` the SQL-standard body
// (BEGIN ATOMIC ... END / RETURN expr).
struct BodyLines {
    std::uint32_t body = 0;
    std::uint32_t sql_body = 0;
};

// What a PL/pgSQL or SQL-language body's statements read and write (tables and columns,
// with source lines), for the neutral model (model::Function::body_dependencies): the
// merge checks that they survive it without parsing a body itself. PL/pgSQL bodies are
// compiled by libpg_query (pg_query_parse_plpgsql) and each embedded query is parsed on
// its own; SQL-language bodies are parsed as SQL. Other languages, and bodies that do
// not parse, give `analysed = false`. Unqualified relation names are put in
// `default_schema`.
[[nodiscard]] model::BodyDependencies analyse_routine_body(const model::Function& function,
                                                           std::string_view default_schema, const BodyLines& lines);

}  // namespace schemerge::parser::postgres
