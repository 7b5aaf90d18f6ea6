// Options of CREATE TYPE ... AS RANGE: `subtype` is a type (canonicalized), the others
// name functions, operator classes and collations and stay as written (golden 027:
// subtype_diff = float8mi is pg_catalog's, not public's).
#include <gtest/gtest.h>

#include <algorithm>

#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::postgres {
namespace {

TEST(TypeOptions, RangeOptionsOtherThanSubtypeAreNames) {
    auto r = load({make_source("a.sql", "CREATE TYPE fr AS RANGE (subtype = float8, subtype_diff = float8mi);")});
    ASSERT_TRUE(r.has_value());
    const auto& options = r->schema.types.at({"public", "fr"}).options;
    auto find = [&](const std::string& key) {
        auto it = std::find_if(options.begin(), options.end(), [&](const auto& kv) { return kv.first == key; });
        return it == options.end() ? std::string{"<missing>"} : it->second;
    };
    EXPECT_EQ(find("subtype"), "double precision");
    EXPECT_EQ(find("subtype_diff"), "float8mi");
}

}  // namespace
}  // namespace schemerge::parser::postgres
