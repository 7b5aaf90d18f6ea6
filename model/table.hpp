#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/column.hpp"
#include "model/constraint.hpp"
#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

enum class Persistence : std::uint8_t { permanent, unlogged };
enum class PartitionStrategy : std::uint8_t { none, range, list, hash };

struct PartitionKeyElement {
    std::string column;
    Expression expression;
    std::optional<QualifiedName> collation;
    std::string opclass;
    bool operator==(const PartitionKeyElement&) const = default;
};

struct Table {
    QualifiedName name;
    std::vector<Column> columns;          // in declaration order (attnum order)
    std::vector<Constraint> constraints;  // sorted by name after finalize
    std::vector<QualifiedName> inherits;  // INHERITS (...) in order
    Persistence persistence = Persistence::permanent;

    PartitionStrategy partition_strategy = PartitionStrategy::none;
    std::vector<PartitionKeyElement> partition_key;
    std::optional<QualifiedName> partition_of;  // this table is a partition of ...
    std::string partition_bound;                // canonical "FOR VALUES ..." / "DEFAULT"

    std::string tablespace;  // where the engine stores it (PostgreSQL, MySQL InnoDB, Oracle); empty: the default
    // What only one dialect's tables have (PostgreSQL's storage parameters, access method,
    // row-level security, replica identity, CLUSTER ON; MySQL's engine, charset, ...) is in
    // meta.attributes, one AttributeDef row each (model/attributes.hpp).
    ObjectBase meta;

    bool operator==(const Table&) const = default;

    [[nodiscard]] Column* find_column(std::string_view column_name);
    [[nodiscard]] const Column* find_column(std::string_view column_name) const;
    [[nodiscard]] Constraint* find_constraint(std::string_view constraint_name);
    [[nodiscard]] const Constraint* find_constraint(std::string_view constraint_name) const;
};

}  // namespace schemerge::model
