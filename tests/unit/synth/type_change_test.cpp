// What ALTER COLUMN ... TYPE does to existing rows (synth/postgres/type_change.hpp):
// binary-coercible casts skip the rewrite, casts that can fail or round are lossy.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load.hpp"
#include "synth/postgres/type_change.hpp"

namespace schemerge::synth::postgres {
namespace {

model::TypeRef type(const std::string& name, std::vector<std::string> modifiers = {}, int array_dims = 0) {
    model::TypeRef t;
    t.name.name = name;
    t.modifiers = std::move(modifiers);
    t.array_dims = array_dims;
    return t;
}

struct TypeChangeRow {
    std::string name;
    model::TypeRef from;
    model::TypeRef to;
    bool data_loss;
    bool rewrite;
};

TEST(TypeChange, Classify) {
    const std::vector<TypeChangeRow> rows = {
        {"varchar wider", type("character varying", {"10"}), type("character varying", {"20"}), false, false},
        {"varchar to text", type("character varying", {"10"}), type("text"), false, false},
        {"varchar narrower", type("character varying", {"20"}), type("character varying", {"10"}), true, true},
        {"text to varchar(n)", type("text"), type("character varying", {"10"}), true, true},
        {"char pads", type("character", {"5"}), type("character", {"10"}), false, true},
        {"integer to bigint", type("integer"), type("bigint"), false, true},
        {"bigint to integer", type("bigint"), type("integer"), true, true},
        {"numeric wider", type("numeric", {"10", "2"}), type("numeric", {"12", "2"}), false, false},
        {"numeric more scale", type("numeric", {"10", "2"}), type("numeric", {"12", "3"}), false, true},
        {"numeric fewer digits", type("numeric", {"10", "2"}), type("numeric", {"8", "2"}), true, true},
        {"numeric unconstrained", type("numeric", {"10", "2"}), type("numeric"), false, false},
        {"integer to small numeric", type("integer"), type("numeric", {"5", "0"}), true, true},
        {"integer to numeric(12)", type("integer"), type("numeric", {"12", "0"}), false, true},
        {"timestamp precision down", type("timestamp without time zone", {"6"}),
         type("timestamp without time zone", {"3"}), true, true},
        {"timestamp to timestamptz", type("timestamp without time zone"), type("timestamp with time zone"), false,
         true},
        {"date to timestamp", type("date"), type("timestamp without time zone"), false, true},
        {"anything to text", type("uuid"), type("text"), false, true},
        {"array dims change", type("text", {}, 1), type("text"), true, true},
        {"text to integer", type("text"), type("integer"), true, true},
        {"real to double", type("real"), type("double precision"), false, true},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        TypeChangeImpact impact = classify_type_change(row.from, row.to);
        EXPECT_EQ(impact.data_loss, row.data_loss);
        EXPECT_EQ(impact.rewrite, row.rewrite);
        EXPECT_EQ(impact.reason.empty(), !row.data_loss) << impact.reason;
    }
}

TEST(TypeChange, VolatileExpressions) {
    model::Schema schema = test::schema_of(
        "CREATE FUNCTION v() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 1';"
        " CREATE FUNCTION s() RETURNS int LANGUAGE sql STABLE AS 'SELECT 1';"
        " CREATE SEQUENCE q;"
        " CREATE TABLE t (a int DEFAULT nextval('q'), b int DEFAULT v(), c int DEFAULT s(), d int DEFAULT 1,"
        " e uuid DEFAULT gen_random_uuid(), f timestamptz DEFAULT now());");
    const model::Table& t = schema.tables.at(test::pub("t"));
    const std::vector<std::pair<std::string, bool>> rows = {
        {"a", true}, {"b", true}, {"c", false}, {"d", false}, {"e", true}, {"f", false}};
    for (const auto& [column, expected] : rows) {
        SCOPED_TRACE(column);
        const auto* c = t.find_column(column);
        ASSERT_NE(c, nullptr);
        ASSERT_TRUE(c->default_value.has_value());
        EXPECT_EQ(is_volatile_expression(*c->default_value, schema), expected);
    }
}

}  // namespace
}  // namespace schemerge::synth::postgres
