// Whether CREATE OR REPLACE VIEW can turn one view into another
// (synth/postgres/view_shape.hpp): old output columns first, unchanged, in place.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load.hpp"
#include "synth/postgres/view_shape.hpp"

namespace schemerge::synth::postgres {
namespace {

struct ViewRow {
    std::string name;
    std::string before;  // the view's definition after "CREATE VIEW v"
    std::string after;
    bool replaceable;
};

model::View view_of(const std::string& definition) {
    model::Schema schema = test::schema_of("CREATE TABLE t (a int, b int, c text); CREATE VIEW v" + definition + ";");
    return schema.views.at(test::pub("v"));
}

TEST(ViewShape, ReplaceableInPlace) {
    const std::vector<ViewRow> rows = {
        {"same", " AS SELECT a, b FROM t", " AS SELECT a, b FROM t", true},
        {"column appended", " AS SELECT a FROM t", " AS SELECT a, b FROM t", true},
        {"new filter", " AS SELECT a FROM t", " AS SELECT a FROM t WHERE b > 0", true},
        {"column removed", " AS SELECT a, b FROM t", " AS SELECT a FROM t", false},
        {"columns reordered", " AS SELECT a, b FROM t", " AS SELECT b, a FROM t", false},
        {"expression changed", " AS SELECT a + 1 AS x FROM t", " AS SELECT a + 2 AS x FROM t", false},
        {"alias changed", " AS SELECT a AS x FROM t", " AS SELECT a AS y FROM t", false},
        {"star", " AS SELECT * FROM t", " AS SELECT * FROM t WHERE a > 0", false},
        {"set operation", " AS SELECT a FROM t UNION SELECT b FROM t", " AS SELECT a FROM t UNION SELECT c::int FROM t",
         false},
        {"column names extended", " (x) AS SELECT a FROM t", " (x, y) AS SELECT a, b FROM t", true},
        {"column names changed", " (x) AS SELECT a FROM t", " (z) AS SELECT a FROM t", false},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(view_replaceable_in_place(view_of(row.before), view_of(row.after)), row.replaceable);
    }
}

}  // namespace
}  // namespace schemerge::synth::postgres
