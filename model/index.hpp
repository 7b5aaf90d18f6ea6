#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

enum class SortOrder : std::uint8_t { asc, desc };
enum class NullsOrder : std::uint8_t { default_order, first, last };

struct IndexElement {
    std::string column;     // plain column key, or empty when expression is set
    Expression expression;  // expression key
    std::optional<QualifiedName> collation;
    std::string opclass;  // canonical operator class name, empty = default
    std::vector<std::pair<std::string, std::string>> opclass_options;
    SortOrder order = SortOrder::asc;
    NullsOrder nulls = NullsOrder::default_order;  // canonical: default_order when it equals the order's default

    bool operator==(const IndexElement&) const = default;
};

// An index that is not the backing index of a constraint. Its schema is the
// schema of its table (PostgreSQL has no other choice).
struct Index {
    QualifiedName name;
    QualifiedName table;
    bool unique = false;
    bool nulls_not_distinct = false;
    bool only = false;  // CREATE INDEX ... ON ONLY partitioned_table
    std::string method = "btree";
    std::vector<IndexElement> elements;
    std::vector<std::string> include;
    Expression predicate;
    std::string tablespace;
    std::optional<QualifiedName> attached_to;  // ALTER INDEX parent ATTACH PARTITION this
    // What only one dialect's indexes have (storage parameters, per-column statistics
    // targets) is in meta.attributes, one AttributeDef row each (model/attributes.hpp).
    ObjectBase meta;

    bool operator==(const Index&) const = default;
};

}  // namespace schemerge::model
