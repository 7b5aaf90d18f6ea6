#pragma once
// Which function an unqualified call reaches, decided offline the way PostgreSQL's
// parser would (search path + overload resolution, src/backend/parser/parse_func.c:
// func_get_detail / func_select_candidate), or "cannot tell" — never by name alone.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/qualified_name.hpp"
#include "model/table.hpp"
#include "parser/postgres/pg_ast.hpp"

namespace schemerge::parser::postgres {

// Relations an expression's column references can name: the table an index, default,
// check or policy belongs to (NameContext::table), or the relations of a view's query
// (by alias or name; nullptr when the name is ambiguous).
struct ColumnScope {
    std::map<std::string, const model::Table*> relations;
    bool opaque_sources = false;  // subqueries, functions or CTEs in FROM: bare names may be theirs
};

struct CallResolution {
    enum class Outcome {
        builtin,    // a pg_catalog function, or nothing known: keep as written
        user,       // a user function in `schema`: print it qualified
        undecided,  // could be either: keep as written
    };
    Outcome outcome = Outcome::builtin;
    std::string schema;                      // user: where the function is
    std::vector<model::QualifiedName> reach;  // user functions the call may reach (dependencies)
    std::string returns;                      // the result type when known ("" otherwise)
};

// Resolves an unqualified call (`fc->funcname` has one part).
[[nodiscard]] CallResolution resolve_call(const PgQuery__FuncCall* fc, const NameContext& ctx,
                                          const ColumnScope& scope);

// The canonical spelling of a type used to compare argument and parameter types:
// format_type's name ("character varying", "integer[]"), schema-qualified for user types.
[[nodiscard]] std::string type_key(const model::TypeRef& type);

}  // namespace schemerge::parser::postgres
