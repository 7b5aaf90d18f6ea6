#pragma once
// What the statements of a routine body (procedure, function, trigger, event) read and
// write: the tables and, where the statement says which table a column belongs to, the
// columns. The neutral layers never parse SQL; this is the front end's answer.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/qualified_name.hpp"
#include "parser/mysql/ast.hpp"

namespace schemerge::parser::mysql {

struct BodyReference {
    model::QualifiedName relation;
    std::string column;  // empty: the table itself
    bool write = false;  // the target of INSERT / REPLACE / UPDATE / DELETE / TRUNCATE
    std::uint32_t offset = 0;  // where the statement names it (byte offset in the chunk)

    bool operator==(const BodyReference&) const = default;
};

struct BodyContext {
    // An ast::Name as the interpreter stores it (database of the script -> unqualified).
    std::function<model::QualifiedName(const ast::Name&)> qualify;
    // The table whose trigger this body is: NEW.col / OLD.col are its columns.
    std::optional<model::QualifiedName> trigger_table;
    // Names that are variables, not columns: parameters (DECLAREd locals are found in the
    // body itself).
    std::set<std::string> variables;  // lower case
};

// Tables come from FROM / JOIN lists, INSERT / REPLACE INTO, UPDATE, DELETE FROM and
// TRUNCATE. Columns: qualified by a table or alias of their statement (t.col), NEW.col /
// OLD.col in a trigger, INSERT column lists, and unqualified names in a statement over a
// single table that are no variable, parameter, alias or function. Sorted by offset,
// duplicates (same relation, column, access) kept once at their first place.
[[nodiscard]] std::vector<BodyReference> analyze_body(const std::vector<ast::Tokens>& statements,
                                                      const BodyContext& context);

// The tables a query reads (a view's SELECT): FROM and JOIN lists, subqueries included.
[[nodiscard]] std::vector<model::QualifiedName> query_relations(const ast::Tokens& tokens,
                                                                const BodyContext& context);

}  // namespace schemerge::parser::mysql
