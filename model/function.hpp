#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/object_key.hpp"
#include "model/qualified_name.hpp"
#include "model/type_ref.hpp"

namespace schemerge::model {

enum class ArgMode : std::uint8_t { in, out, inout, variadic, table };
// event: a body the engine runs on a schedule (MySQL's CREATE EVENT); no arguments, and
// its schedule and status are the dialect's attributes.
// operator_: an operator (name + left and right argument types; a prefix operator has only
// its right one), implemented by a function (Function::operator_options).
// operator_class / operator_family: an index operator class or family (name + access
// method; see Function::operator_options and opclass_identity_args).
enum class RoutineKind : std::uint8_t { function, procedure, aggregate, event, operator_, operator_class, operator_family };
enum class Volatility : std::uint8_t { volatile_, stable, immutable };
enum class Parallel : std::uint8_t { unsafe, restricted, safe };

// What a routine body reads and writes, as the dialect's front end found it while loading
// (PostgreSQL: parser/postgres/routine_body.cpp). The neutral layers (merge validation)
// read this record and never parse a body themselves.
enum class BodyAccess : std::uint8_t { read, write };

// One relation, or one column of a relation, that a body's statements name.
struct BodyReference {
    QualifiedName relation;  // empty when trigger_row
    std::string column;      // empty: the relation itself
    // A column of the row the trigger fires for (NEW.x / OLD.x): its table is whichever
    // table's triggers run the routine, known only with the triggers.
    bool trigger_row = false;
    BodyAccess access = BodyAccess::read;  // write: INSERT / UPDATE / DELETE target, INSERT column, SET target
    std::uint32_t line = 0;                // 1-based line of the source file; 0 = unknown

    auto operator<=>(const BodyReference&) const = default;
    bool operator==(const BodyReference&) const = default;
};

// Column references are recorded conservatively: a name that may be a variable,
// parameter or output name counts only where the statement says which relation it
// belongs to (the front end decides).
struct BodyDependencies {
    bool analysed = false;                  // false: no front end could read the body (language, syntax)
    std::vector<BodyReference> references;  // sorted, unique

    // The relations named (sorted, unique).
    [[nodiscard]] std::vector<QualifiedName> relations() const;
    // (relation, column) pairs (sorted, unique); trigger-row columns count for
    // `trigger_table` when given and are left out otherwise.
    [[nodiscard]] std::vector<std::pair<QualifiedName, std::string>> columns(
        const std::optional<QualifiedName>& trigger_table) const;

    // Derived from the body: not part of the function's value.
    bool operator==(const BodyDependencies&) const { return true; }
};

struct FunctionArg {
    ArgMode mode = ArgMode::in;
    std::string name;
    TypeRef type;
    std::optional<Expression> default_value;
    bool operator==(const FunctionArg&) const = default;
};

// A function, procedure, aggregate or operator. Identity is name + input argument types
// (ObjectKey::args); everything else is definition. Defaults of the engine
// (VOLATILE, CALLED ON NULL INPUT, SECURITY INVOKER, PARALLEL UNSAFE, COST 100,
// ROWS 1000 for set-returning functions) are stored as unset.
struct Function {
    QualifiedName name;
    RoutineKind kind = RoutineKind::function;
    std::vector<FunctionArg> args;
    std::optional<TypeRef> returns;  // unset for procedures and RETURNS TABLE
    std::string language;            // lower case, as the engine names it (sql, c, ...)
    std::string body;                // AS '...' (prosrc), verbatim
    std::string link_symbol;         // AS 'obj_file', 'link_symbol' for C functions
    std::string sql_body;            // BEGIN ATOMIC ... END / RETURN expr, canonical text
    // What an SQL-standard body reads (PostgreSQL resolves it at CREATE time, so these are
    // real dependencies: the function comes after them). Text empty; compares equal always.
    Expression body_references;
    // What the body reads and writes (see BodyDependencies); compares equal always.
    BodyDependencies body_dependencies;
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
    // Operators: their definition, in canonical order, names resolved by the front end
    // ("function" -> the implementing routine, "commutator" / "negator" -> operators,
    // "restrict" / "join" -> selectivity estimators, "hashes" / "merges" -> "" when set).
    // Operator classes and families: "using" -> access method, then (classes) "default" ->
    // "" when DEFAULT, "type" -> the indexed type, "family" -> its family (always set),
    // "storage" -> STORAGE when it differs from the type; then the members in canonical
    // order: "operator N (lt, rt)" -> "s.op" [+ " FOR ORDER BY s.family"] and
    // "function N (lt, rt)" -> "s.f(t1, t2)" (types as TypeRef text, names quoted where
    // PostgreSQL quotes). A family's members are its loose ones (ALTER OPERATOR FAMILY ADD).
    std::vector<std::pair<std::string, std::string>> operator_options;
    ObjectBase meta;

    bool operator==(const Function&) const = default;

    // Canonical input argument types ("integer, text"): the identity part of the key.
    [[nodiscard]] std::string identity_args() const;
};

// The ObjectKind of a routine: function, procedure, aggregate, operator, operator class or
// family.
[[nodiscard]] ObjectKind object_kind(RoutineKind kind);

// The identity args of an operator class ("USING btree") or family ("FAMILY USING btree"):
// a class and the family it implicitly creates share name and access method, so their keys
// in Schema::functions differ by this text. access_method() reads the method back.
[[nodiscard]] std::string opclass_identity_args(RoutineKind kind, const std::string& access_method);
[[nodiscard]] std::string access_method(const std::string& identity_args);
[[nodiscard]] inline bool is_opclass_kind(RoutineKind kind) {
    return kind == RoutineKind::operator_class || kind == RoutineKind::operator_family;
}


}  // namespace schemerge::model
