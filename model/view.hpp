#pragma once
#include <string>
#include <vector>

#include "model/expression.hpp"
#include "model/column.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

// A view or materialized view. The query is the deparser's canonical text; column
// comments and defaults of views (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT) are
// kept on `columns` by name only.
struct View {
    QualifiedName name;
    bool materialized = false;
    std::vector<std::string> column_names;  // CREATE VIEW v (a, b) AS ...
    Expression query;
    std::string check_option;  // "LOCAL" / "CASCADED" / empty
    bool recursive = false;
    std::string tablespace;
    std::vector<Column> column_details;  // comments / defaults on view columns
    // What only one dialect's views have (view options, a materialized view's storage
    // parameters and access method) is in meta.attributes, one AttributeDef row each
    // (model/attributes.hpp).
    ObjectBase meta;

    bool operator==(const View&) const = default;
};

}  // namespace schemerge::model
