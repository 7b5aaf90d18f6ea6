// PostgreSQL's column extras are attribute rows (parser/postgres/dialect_traits.hpp, attr::):
// storage, compression, statistics target and attribute options are set by the front end in
// the column's ObjectBase::attributes, reported by the generic diff with the column's
// alter_column_options (never a set_attribute of their own), merged row by row (one
// conflict per row), listed in JSON under the column's "attributes", and read by the
// planner and the emitter (synth/postgres) for the statements they were written as before.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/model_json.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "support/change_names.hpp"
#include "support/load.hpp"
#include "synth/plan_rows.hpp"

namespace schemerge::test {
namespace {

namespace attr = parser::postgres::attr;

const std::string k_table = "CREATE TABLE t (id integer PRIMARY KEY, body text);";

const model::AttributeSet& body_attributes(const model::Schema& s) {
    const auto* column = s.tables.at(pub("t")).find_column("body");
    EXPECT_NE(column, nullptr);
    static const model::AttributeSet none;
    return column != nullptr ? column->meta.attributes : none;
}

// One ALTER COLUMN per row, and what each sets.
struct Extra {
    const char* attribute;  // the row's name
    const char* alter;      // the statement that sets it on t.body
};
const std::vector<Extra> k_extras = {
    {"storage", " ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL;"},
    {"compression", " ALTER TABLE t ALTER COLUMN body SET COMPRESSION lz4;"},
    {"statistics", " ALTER TABLE t ALTER COLUMN body SET STATISTICS 500;"},
    {"options", " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 100);"},
};

TEST(PostgresColumnAttributes, DeclaredAsRowsOfTheDialect) {
    const auto& rows = parser::postgres::traits().attributes;
    const std::vector<const model::AttributeDef*> defs = {&attr::column_storage, &attr::column_compression,
                                                          &attr::column_statistics, &attr::column_options};
    ASSERT_EQ(defs.size(), k_extras.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        const auto* def = defs[i];
        EXPECT_NE(std::find(rows.begin(), rows.end(), def), rows.end()) << def->name;
        EXPECT_EQ(def->scope, model::AttributeScope::column) << def->name;
        EXPECT_EQ(def->diff, model::AttributeDiff::with_object) << def->name;
        EXPECT_TRUE(def->compared) << def->name;
        EXPECT_EQ(def->name, k_extras[i].attribute) << "the conflict / JSON name";
    }
    EXPECT_EQ(attr::column_statistics.type, model::AttributeType::integer);
    EXPECT_EQ(attr::column_options.type, model::AttributeType::options);
}

TEST(PostgresColumnAttributes, TheFrontEndSetsThem) {
    auto s = schema_of(
        "CREATE TABLE t (id integer PRIMARY KEY, body text COMPRESSION lz4);"
        " ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL;"
        " ALTER TABLE t ALTER COLUMN body SET STATISTICS 500;"
        " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 100);");
    const auto& a = body_attributes(s);
    EXPECT_EQ(a.size(), 4U);
    EXPECT_EQ(a.text(attr::column_storage), "external");
    EXPECT_EQ(a.text(attr::column_compression), "lz4");
    EXPECT_EQ(a.integer(attr::column_statistics), 500);
    EXPECT_EQ(a.options(attr::column_options), (model::AttributeOptions{{"n_distinct", "100"}}));
    EXPECT_TRUE(s.tables.at(pub("t")).find_column("id")->meta.attributes.empty());

    // Back at the defaults: unset, so the column equals one that never had them.
    auto reset = schema_of(k_table +
                           " ALTER TABLE t ALTER COLUMN body SET STATISTICS 500;"
                           " ALTER TABLE t ALTER COLUMN body SET STATISTICS -1;"
                           " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 100);"
                           " ALTER TABLE t ALTER COLUMN body RESET (n_distinct);");
    EXPECT_TRUE(body_attributes(reset).empty());
    EXPECT_TRUE(reset.tables.at(pub("t")) == schema_of(k_table).tables.at(pub("t")));
    // 0 is a statistics target, not the default.
    auto zero = schema_of(k_table + " ALTER TABLE t ALTER COLUMN body SET STATISTICS 0;");
    EXPECT_EQ(body_attributes(zero).integer(attr::column_statistics), 0);
    // RESET of one option keeps the others.
    auto partly = schema_of(k_table +
                            " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 100, n_distinct_inherited = 5);"
                            " ALTER TABLE t ALTER COLUMN body RESET (n_distinct);");
    EXPECT_EQ(body_attributes(partly).options(attr::column_options),
              (model::AttributeOptions{{"n_distinct_inherited", "5"}}));
}

TEST(PostgresColumnAttributes, AMaterializedViewsColumnsCarryStatisticsAndOptions) {
    auto s = schema_of(k_table +
                       " CREATE MATERIALIZED VIEW mv AS SELECT id, body FROM t;"
                       " ALTER MATERIALIZED VIEW mv ALTER COLUMN body SET STATISTICS 200;"
                       " ALTER TABLE ONLY mv ALTER COLUMN id SET (n_distinct = -0.5);");
    const auto& view = s.views.at(pub("mv"));
    auto detail = [&](const std::string& name) -> const model::AttributeSet* {
        for (const auto& c : view.column_details) {
            if (c.name == name) {
                return &c.meta.attributes;
            }
        }
        return nullptr;
    };
    ASSERT_NE(detail("body"), nullptr);
    ASSERT_NE(detail("id"), nullptr);
    EXPECT_EQ(detail("body")->integer(attr::column_statistics), 200);
    EXPECT_EQ(detail("id")->options(attr::column_options), (model::AttributeOptions{{"n_distinct", "-0.5"}}));
}

TEST(PostgresColumnAttributes, AChildInheritsStorageAndCompressionOnly) {
    auto s = schema_of(
        "CREATE TABLE p (body text COMPRESSION lz4); ALTER TABLE p ALTER COLUMN body SET STORAGE EXTERNAL;"
        " ALTER TABLE p ALTER COLUMN body SET STATISTICS 500;"
        " ALTER TABLE p ALTER COLUMN body SET (n_distinct = 100);"
        " CREATE TABLE c () INHERITS (p);");
    const auto& c = s.tables.at(pub("c")).find_column("body")->meta.attributes;
    EXPECT_EQ(c.text(attr::column_storage), "external");
    EXPECT_EQ(c.text(attr::column_compression), "lz4");
    EXPECT_FALSE(c.integer(attr::column_statistics).has_value());
    EXPECT_TRUE(c.options(attr::column_options).empty());
    // A child declaring the column itself keeps what it declares and takes the rest.
    auto local = schema_of(
        "CREATE TABLE p (body text COMPRESSION lz4); ALTER TABLE p ALTER COLUMN body SET STORAGE EXTERNAL;"
        " CREATE TABLE c (body text COMPRESSION pglz) INHERITS (p);");
    const auto& l = local.tables.at(pub("c")).find_column("body")->meta.attributes;
    EXPECT_EQ(l.text(attr::column_compression), "pglz") << "its own";
    EXPECT_EQ(l.text(attr::column_storage), "external") << "the parent's";
}

TEST(PostgresColumnAttributes, AChangedRowIsTheColumnsAlterColumnOptions) {
    auto before = schema_of(k_table);
    for (const auto& extra : k_extras) {
        auto after = schema_of(k_table + extra.alter);
        EXPECT_EQ(changes(diff::diff(before, after)),
                  (std::vector<std::string>{"alter_column_options column public.t.body"}))
            << extra.attribute;
        EXPECT_EQ(changes(diff::diff(after, before)),
                  (std::vector<std::string>{"alter_column_options column public.t.body"}))
            << extra.attribute << " (unset again)";
        EXPECT_TRUE(changes(diff::diff(after, schema_of(k_table + extra.alter))).empty()) << extra.attribute;
    }
    // Several rows at once: still one change.
    auto after = schema_of(k_table + k_extras[0].alter + k_extras[2].alter);
    EXPECT_EQ(changes(diff::diff(before, after)),
              (std::vector<std::string>{"alter_column_options column public.t.body"}));
    // Another value of the same row.
    EXPECT_EQ(changes(diff::diff(schema_of(k_table + " ALTER TABLE t ALTER COLUMN body SET STORAGE MAIN;"),
                                 schema_of(k_table + k_extras[0].alter))),
              (std::vector<std::string>{"alter_column_options column public.t.body"}));
}

// The statements the planner writes for each row (set, and back to the default), and the
// emitter's dump lines: what they were when the extras were Column fields.
TEST(PostgresColumnAttributes, PlannedAndDumpedStatements) {
    struct Row {
        Extra extra;
        std::string set;
        std::string unset;
        std::string dumped;
    };
    const std::string p = "ALTER TABLE public.t ALTER COLUMN body ";
    const std::string d = "ALTER TABLE ONLY public.t ALTER COLUMN body ";
    const std::vector<Row> rows = {
        {k_extras[0], p + "SET STORAGE external", p + "SET STORAGE EXTENDED", d + "SET STORAGE external;"},
        {k_extras[1], p + "SET COMPRESSION lz4", p + "SET COMPRESSION default", d + "SET COMPRESSION lz4;"},
        {k_extras[2], p + "SET STATISTICS 500", p + "SET STATISTICS -1", d + "SET STATISTICS 500;"},
        {k_extras[3], p + "SET (n_distinct=100)", p + "RESET (n_distinct)", d + "SET (n_distinct=100);"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.extra.attribute);
        EXPECT_EQ(statements(plan_for(k_table, k_table + row.extra.alter)), (std::vector<std::string>{row.set}));
        EXPECT_EQ(statements(plan_for(k_table + row.extra.alter, k_table)), (std::vector<std::string>{row.unset}));
        std::string out = dump(k_table + row.extra.alter);
        EXPECT_NE(out.find(row.dumped), std::string::npos) << out;
    }
    // All four at once, in the planner's order (statistics, storage, compression, options).
    EXPECT_EQ(statements(plan_for(k_table, k_table + k_extras[3].alter + k_extras[1].alter + k_extras[0].alter +
                                               k_extras[2].alter)),
              (std::vector<std::string>{p + "SET STATISTICS 500", p + "SET STORAGE external",
                                        p + "SET COMPRESSION lz4", p + "SET (n_distinct=100)"}));
    // Options: one kept, one dropped, one added.
    EXPECT_EQ(statements(plan_for(k_table + " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 100, n_distinct_inherited = 5);",
                                  k_table + " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 200);")),
              (std::vector<std::string>{p + "RESET (n_distinct_inherited)", p + "SET (n_distinct=200)"}));
}

TEST(PostgresColumnAttributes, EachRowConflictsOnItsOwn) {
    struct Row {
        const char* attribute;
        const char* ours;
        const char* theirs;
        const char* ours_text;
        const char* theirs_text;
    };
    auto base = schema_of(k_table);
    for (const Row& row : {Row{"storage", " ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL;",
                               " ALTER TABLE t ALTER COLUMN body SET STORAGE MAIN;", "external", "main"},
                           Row{"compression", " ALTER TABLE t ALTER COLUMN body SET COMPRESSION lz4;",
                               " ALTER TABLE t ALTER COLUMN body SET COMPRESSION pglz;", "lz4", "pglz"},
                           Row{"statistics", " ALTER TABLE t ALTER COLUMN body SET STATISTICS 500;",
                               " ALTER TABLE t ALTER COLUMN body SET STATISTICS 1000;", "500", "1000"},
                           Row{"options", " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 100);",
                               " ALTER TABLE t ALTER COLUMN body SET (n_distinct = 200);", "n_distinct=100",
                               "n_distinct=200"}}) {
        SCOPED_TRACE(row.attribute);
        auto result = diff::merge(base, schema_of(k_table + row.ours), schema_of(k_table + row.theirs));
        ASSERT_EQ(result.conflicts.size(), 1U);
        const auto& conflict = result.conflicts[0];
        EXPECT_EQ(conflict.kind, diff::ConflictKind::both_modified);
        EXPECT_EQ(conflict.object.to_string(), "column public.t.body");
        EXPECT_EQ(conflict.attribute, row.attribute);
        EXPECT_FALSE(conflict.base.value.has_value()) << "unset in the base";
        EXPECT_EQ(conflict.ours.value, std::optional<std::string>(row.ours_text));
        EXPECT_EQ(conflict.theirs.value, std::optional<std::string>(row.theirs_text));
        // The same change on both sides is no conflict.
        auto same = diff::merge(base, schema_of(k_table + row.ours), schema_of(k_table + row.ours));
        EXPECT_TRUE(same.conflicts.empty());
    }
    // Different rows of one column changed on each side merge cleanly, keeping both.
    auto result = diff::merge(base, schema_of(k_table + k_extras[0].alter + k_extras[3].alter),
                              schema_of(k_table + k_extras[2].alter));
    EXPECT_TRUE(result.conflicts.empty());
    const auto& merged = body_attributes(result.merged);
    EXPECT_EQ(merged.size(), 3U);
    EXPECT_EQ(merged.text(attr::column_storage), "external");
    EXPECT_EQ(merged.integer(attr::column_statistics), 500);
    EXPECT_EQ(merged.options(attr::column_options), (model::AttributeOptions{{"n_distinct", "100"}}));
    // One side unsets a row the other leaves alone: unset.
    auto unset = diff::merge(schema_of(k_table + k_extras[0].alter), schema_of(k_table),
                             schema_of(k_table + k_extras[0].alter + k_extras[1].alter));
    EXPECT_TRUE(unset.conflicts.empty());
    EXPECT_FALSE(body_attributes(unset.merged).has(attr::column_storage));
    EXPECT_EQ(body_attributes(unset.merged).text(attr::column_compression), "lz4");
}

TEST(PostgresColumnAttributes, JsonListsThemUnderTheColumnsAttributes) {
    auto s = schema_of(k_table + k_extras[0].alter + k_extras[1].alter + k_extras[2].alter + k_extras[3].alter);
    auto json = nlohmann::ordered_json::parse(model::to_json(s));
    const auto& columns = json.at("tables").at(0).at("columns");
    ASSERT_EQ(columns.size(), 2U);
    const auto& body = columns.at(1);
    EXPECT_EQ(body.at("name"), "body");
    EXPECT_EQ(body.at("attributes"),
              nlohmann::ordered_json::parse(
                  R"({"storage": "external", "compression": "lz4", "statistics": 500, "options": {"n_distinct": "100"}})"));
    for (const char* old_key : {"storage", "compression", "statistics", "options"}) {
        EXPECT_FALSE(body.contains(old_key)) << old_key << ": no named field any more";
    }
    EXPECT_FALSE(columns.at(0).contains("attributes")) << "omitted when empty";
}

}  // namespace
}  // namespace schemerge::test
