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
    std::vector<std::pair<std::string, std::string>> options;  // security_barrier, check_option, ...
    std::string check_option;  // "LOCAL" / "CASCADED" / empty
    bool recursive = false;
    std::string access_method;  // materialized views only
    std::string tablespace;
    std::vector<Column> column_details;  // comments / defaults on view columns
    ObjectBase meta;

    bool operator==(const View&) const = default;
};

}  // namespace schemerge::model
