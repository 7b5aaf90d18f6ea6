#pragma once
// PostgreSQL 15's built-in functions (pg_catalog) and implicit casts, as data.
#include <span>
#include <string_view>

namespace schemerge::parser::postgres {

struct BuiltinFunction {
    std::string_view name;
    std::string_view args;     // input argument types as format_type prints them, comma-separated
    std::string_view returns;  // result type ("setof x" for set-returning functions)
    bool variadic = false;     // the last argument is VARIADIC
    int defaults = 0;          // trailing arguments with defaults
};

// Every pg_catalog function, aggregate and window function of that name callable from SQL.
[[nodiscard]] std::span<const BuiltinFunction> builtin_functions(std::string_view name);
// Whether pg_cast has an implicit cast between these built-in types (format_type names).
[[nodiscard]] bool implicit_cast_exists(std::string_view from, std::string_view to);

}  // namespace schemerge::parser::postgres
