#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/object_key.hpp"
#include "model/qualified_name.hpp"
#include "model/type_ref.hpp"

namespace schemerge::model {

enum class ArgMode : std::uint8_t { in, out, inout, variadic, table };
enum class RoutineKind : std::uint8_t { function, procedure, aggregate };
enum class Volatility : std::uint8_t { volatile_, stable, immutable };
enum class Parallel : std::uint8_t { unsafe, restricted, safe };

struct FunctionArg {
    ArgMode mode = ArgMode::in;
    std::string name;
    TypeRef type;
    std::optional<Expression> default_value;
    bool operator==(const FunctionArg&) const = default;
};

// A function, procedure or aggregate. Identity is name + input argument types
// (ObjectKey::args); everything else is definition. Defaults of the engine
// (VOLATILE, CALLED ON NULL INPUT, SECURITY INVOKER, PARALLEL UNSAFE, COST 100,
// ROWS 1000 for set-returning functions) are stored as unset.
struct Function {
    QualifiedName name;
    RoutineKind kind = RoutineKind::function;
    std::vector<FunctionArg> args;
    std::optional<TypeRef> returns;  // unset for procedures and RETURNS TABLE
    std::string language;            // lower case: sql, plpgsql, c, internal
    std::string body;                // AS '...' (prosrc), verbatim
    std::string link_symbol;         // AS 'obj_file', 'link_symbol' for C functions
    std::string sql_body;            // BEGIN ATOMIC ... END / RETURN expr, canonical text
    // What an SQL-standard body reads (PostgreSQL resolves it at CREATE time, so these are
    // real dependencies: the function comes after them). Text empty; compares equal always.
    Expression body_references;
    Volatility volatility = Volatility::volatile_;
    bool strict = false;
    bool security_definer = false;
    bool leakproof = false;
    bool window = false;
    Parallel parallel = Parallel::unsafe;
    std::optional<double> cost;
    std::optional<double> rows;
    std::string support;                                         // SUPPORT function
    std::vector<std::pair<std::string, std::string>> set_options;  // SET name = value (value canonical)
    std::vector<std::pair<std::string, std::string>> aggregate_options;  // aggregates: sfunc, stype, ...
    std::vector<TypeRef> aggregate_order_args;  // ordered-set aggregates: WITHIN GROUP (ORDER BY ...)
    ObjectBase meta;

    bool operator==(const Function&) const = default;

    // Canonical input argument types ("integer, text"): the identity part of the key.
    [[nodiscard]] std::string identity_args() const;
};

// The ObjectKind of a routine: function, procedure or aggregate.
[[nodiscard]] ObjectKind object_kind(RoutineKind kind);

}  // namespace schemerge::model
