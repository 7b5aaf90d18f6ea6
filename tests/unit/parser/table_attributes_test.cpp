// PostgreSQL's table extras are attribute rows (parser/postgres/dialect_traits.hpp, attr::):
// the front end sets them in ObjectBase::attributes, the generic diff reports them with the
// table's alter_table (AttributeDiff::with_object, never a set_attribute of their own),
// the generic merge gives each row its own conflict, the generic JSON lists them under
// "attributes", and rows naming an index follow its renames.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/model_json.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "support/change_names.hpp"
#include "support/load.hpp"

namespace schemerge::test {
namespace {

namespace attr = parser::postgres::attr;
const char* const k_table = "CREATE TABLE t (id integer PRIMARY KEY, a integer); CREATE INDEX t_a ON t (a);";

TEST(PostgresTableAttributes, DeclaredAsRowsOfTheDialect) {
    const auto& rows = parser::postgres::traits().attributes;
    for (const auto* def : {&attr::table_options, &attr::access_method, &attr::row_security,
                            &attr::force_row_security, &attr::replica_identity, &attr::cluster_on}) {
        EXPECT_NE(std::find(rows.begin(), rows.end(), def), rows.end()) << def->name;
        EXPECT_EQ(def->scope, model::AttributeScope::table) << def->name;
        EXPECT_EQ(def->diff, model::AttributeDiff::with_object) << def->name;
    }
}

TEST(PostgresTableAttributes, TheFrontEndSetsThem) {
    auto s = load_ok(std::string(k_table) +
                     " ALTER TABLE t SET (fillfactor = 70); ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
                     " ALTER TABLE t FORCE ROW LEVEL SECURITY; ALTER TABLE t REPLICA IDENTITY USING INDEX t_pkey;"
                     " ALTER TABLE t CLUSTER ON t_a;")
                 .schema;
    const auto& a = s.tables.at(pub("t")).meta.attributes;
    EXPECT_EQ(a.options(attr::table_options), (model::AttributeOptions{{"fillfactor", "70"}}));
    EXPECT_TRUE(a.flag(attr::row_security));
    EXPECT_TRUE(a.flag(attr::force_row_security));
    EXPECT_EQ(a.text(attr::replica_identity), "USING INDEX t_pkey");
    EXPECT_EQ(a.text(attr::cluster_on), "t_a");
    EXPECT_EQ(a.text(attr::access_method), "") << "heap, the default, is unset";

    // Back to the defaults: unset, so the table equals one that never had them.
    auto reset = load_ok(std::string(k_table) +
                         " ALTER TABLE t SET (fillfactor = 70); ALTER TABLE t RESET (fillfactor);"
                         " ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t DISABLE ROW LEVEL SECURITY;"
                         " ALTER TABLE t REPLICA IDENTITY FULL; ALTER TABLE t REPLICA IDENTITY DEFAULT;"
                         " ALTER TABLE t CLUSTER ON t_a; ALTER TABLE t SET WITHOUT CLUSTER;"
                         " ALTER TABLE t SET ACCESS METHOD heap;")
                     .schema;
    EXPECT_TRUE(reset.tables.at(pub("t")).meta.attributes.empty());
}

// A bare word as an option value (autovacuum_enabled = off, check_option = local) is the
// word, as PostgreSQL stores it: the grammar hands it over as a type name, which must not
// be schema-qualified ('public.off' made the plan invalid SQL).
TEST(PostgresTableAttributes, BareWordOptionValuesStayWords) {
    auto s = load_ok("CREATE TABLE t (id integer) WITH (autovacuum_enabled = off, fillfactor = 70);"
                     " CREATE INDEX ti ON t (id) WITH (deduplicate_items = off);"
                     " CREATE VIEW v WITH (check_option = local) AS SELECT id FROM t;"
                     " ALTER TABLE t SET (toast.autovacuum_enabled = off);")
                 .schema;
    EXPECT_EQ(s.tables.at(pub("t")).meta.attributes.options(attr::table_options),
              (model::AttributeOptions{{"autovacuum_enabled", "off"}, {"fillfactor", "70"},
                                       {"toast.autovacuum_enabled", "off"}}));
    EXPECT_EQ(s.indexes.at(pub("ti")).meta.attributes.options(attr::index_options),
              (model::AttributeOptions{{"deduplicate_items", "off"}}));
    // check_option is the view's own field, the same as WITH LOCAL CHECK OPTION.
    EXPECT_EQ(s.views.at(pub("v")).check_option, "LOCAL");
    EXPECT_TRUE(s.views.at(pub("v")).meta.attributes.empty());
}

TEST(PostgresTableAttributes, AChangedRowIsTheTablesAlterTable) {
    auto before = load_ok(k_table).schema;
    for (const char* alter : {"ALTER TABLE t SET (fillfactor = 70);", "ALTER TABLE t ENABLE ROW LEVEL SECURITY;",
                              "ALTER TABLE t REPLICA IDENTITY FULL;", "ALTER TABLE t CLUSTER ON t_a;"}) {
        auto after = load_ok(std::string(k_table) + alter).schema;
        EXPECT_EQ(changes(diff::diff(before, after)), (std::vector<std::string>{"alter_table table public.t"}))
            << alter;
    }
    // Several rows at once: still one alter_table.
    auto after = load_ok(std::string(k_table) +
                         " ALTER TABLE t SET (fillfactor = 70); ALTER TABLE t ENABLE ROW LEVEL SECURITY;")
                     .schema;
    EXPECT_EQ(changes(diff::diff(before, after)), (std::vector<std::string>{"alter_table table public.t"}));
}

TEST(PostgresTableAttributes, ClusterOnFollowsAHintedIndexRename) {
    auto before = load_ok(std::string(k_table) + " ALTER TABLE t CLUSTER ON t_a;").schema;
    auto after = load_ok("CREATE TABLE t (id integer PRIMARY KEY, a integer); CREATE INDEX t_by_a ON t (a);"
                         " ALTER TABLE t CLUSTER ON t_by_a;")
                     .schema;
    diff::DiffOptions options;
    options.renames.push_back({model::ObjectKind::index, {}, "public", "t_a", "t_by_a"});
    EXPECT_EQ(changes(diff::diff(before, after, options)), (std::vector<std::string>{"rename_index index public.t_by_a"}));
    // Without the hint: the index is another one, and CLUSTER ON moves to it.
    auto plain = changes(diff::diff(before, after));
    EXPECT_NE(std::find(plain.begin(), plain.end(), "alter_table table public.t"), plain.end());
}

TEST(PostgresTableAttributes, EachRowConflictsOnItsOwn) {
    std::string base_sql = k_table;
    auto base = load_ok(base_sql).schema;
    struct Row {
        const char* attribute;
        const char* ours;
        const char* theirs;
    };
    for (const Row& row : {Row{"options", "ALTER TABLE t SET (fillfactor = 70);", "ALTER TABLE t SET (fillfactor = 80);"},
                           Row{"replica identity", "ALTER TABLE t REPLICA IDENTITY FULL;",
                               "ALTER TABLE t REPLICA IDENTITY NOTHING;"},
                           Row{"cluster on", "ALTER TABLE t CLUSTER ON t_a;", "ALTER TABLE t CLUSTER ON t_pkey;"}}) {
        auto ours = load_ok(base_sql + row.ours).schema;
        auto theirs = load_ok(base_sql + row.theirs).schema;
        auto result = diff::merge(base, ours, theirs);
        ASSERT_EQ(result.conflicts.size(), 1U) << row.attribute;
        EXPECT_EQ(result.conflicts[0].kind, diff::ConflictKind::both_modified);
        EXPECT_EQ(result.conflicts[0].object.to_string(), "table public.t");
        EXPECT_EQ(result.conflicts[0].attribute, row.attribute);
        EXPECT_FALSE(result.conflicts[0].base.value.has_value()) << "unset in the base";
    }
    // Different rows changed on each side merge cleanly.
    auto ours = load_ok(base_sql + "ALTER TABLE t SET (fillfactor = 70);").schema;
    auto theirs = load_ok(base_sql + "ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t CLUSTER ON t_a;").schema;
    auto result = diff::merge(base, ours, theirs);
    EXPECT_TRUE(result.conflicts.empty());
    const auto& merged = result.merged.tables.at(pub("t")).meta.attributes;
    EXPECT_EQ(merged.options(attr::table_options), (model::AttributeOptions{{"fillfactor", "70"}}));
    EXPECT_TRUE(merged.flag(attr::row_security));
    EXPECT_EQ(merged.text(attr::cluster_on), "t_a");
}

TEST(PostgresTableAttributes, JsonListsThemUnderAttributes) {
    auto s = load_ok(std::string(k_table) +
                     " ALTER TABLE t SET (fillfactor = 70); ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
                     " ALTER TABLE t REPLICA IDENTITY FULL;")
                 .schema;
    std::string json = model::to_json(s);
    EXPECT_NE(json.find(R"("attributes")"), std::string::npos);
    EXPECT_NE(json.find(R"("row level security")"), std::string::npos);
    EXPECT_NE(json.find(R"("replica identity")"), std::string::npos);
    EXPECT_NE(json.find(R"("fillfactor")"), std::string::npos);
    EXPECT_EQ(json.find(R"("row_security")"), std::string::npos) << "no named field any more";
}

}  // namespace
}  // namespace schemerge::test
