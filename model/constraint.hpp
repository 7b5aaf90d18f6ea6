#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

enum class ConstraintKind : std::uint8_t { primary_key, unique, foreign_key, check, exclude };

enum class ReferentialAction : std::uint8_t { no_action, restrict, cascade, set_null, set_default };
enum class MatchType : std::uint8_t { simple, full, partial };

struct ExclusionElement {
    std::string column;     // a plain column, or empty when expression is set
    Expression expression;  // an expression key
    std::string opclass;
    std::string op;  // the operator (=, &&, ...)
    bool operator==(const ExclusionElement&) const = default;
};

// A table constraint. Names are always set: when the source omits one, the front
// end chooses the name the engine would (t_pkey, t_a_key, t_a_fkey, t_a_check).
struct Constraint {
    std::string name;
    ConstraintKind kind = ConstraintKind::check;
    std::vector<std::string> columns;  // PK/UNIQUE/FK columns
    std::vector<std::string> include;  // INCLUDE (...) of PK/UNIQUE/EXCLUDE
    bool nulls_not_distinct = false;   // UNIQUE NULLS NOT DISTINCT (PostgreSQL 15)
    bool deferrable = false;
    bool initially_deferred = false;
    bool not_valid = false;  // NOT VALID (FK, CHECK)

    // FOREIGN KEY
    QualifiedName ref_table;
    std::vector<std::string> ref_columns;
    MatchType match = MatchType::simple;
    ReferentialAction on_update = ReferentialAction::no_action;
    ReferentialAction on_delete = ReferentialAction::no_action;
    std::vector<std::string> on_delete_columns;  // ON DELETE SET NULL (a, b)

    // CHECK
    Expression check;
    bool no_inherit = false;

    // Declared on this table. False for a copy that arrives only through inheritance
    // (a parent's CHECK reaching a child): dumps leave it to the parent.
    bool is_local = true;

    // EXCLUDE
    std::string using_method;  // index method of EXCLUDE
    std::vector<ExclusionElement> exclusion;
    Expression where;  // EXCLUDE ... WHERE (...)

    // Where the backing index of a key is stored (USING INDEX TABLESPACE); its other storage
    // settings are the dialect's attributes.
    std::string index_tablespace;

    ObjectBase meta;

    bool operator==(const Constraint&) const = default;
};

}  // namespace schemerge::model
