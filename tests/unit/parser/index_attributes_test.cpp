// PostgreSQL's index and view extras are attribute rows (parser/postgres/dialect_traits.hpp,
// attr::): an index's storage parameters (WITH (...)), a view's WITH options and a
// materialized view's access method are set by the front end in the object's
// ObjectBase::attributes, reported by the generic diff with the object's own change
// (alter_index for an index, replace_view for a view; never a set_attribute of their own),
// merged row by row (one conflict per row), listed in JSON under the object's "attributes",
// and read by the planner and the emitter (synth/postgres). A change of an index's or a
// materialized view's storage parameters alone is planned as ALTER ... SET / RESET, not as
// a rebuild. An index's statistics targets (ALTER INDEX ... ALTER COLUMN n SET STATISTICS)
// are a row too, keyed by column number, and so is a key constraint's WITH (...) (part of
// the constraint's definition: a change drops and adds it). Tablespaces stay neutral fields.
#include <algorithm>
#include <map>
#include <optional>
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

const std::string k_table = "CREATE TABLE t (id integer PRIMARY KEY, a text, b text);";

std::string index_on(const std::string& columns, const std::string& with) {
    return k_table + " CREATE INDEX i ON t (" + columns + ")" + (with.empty() ? "" : " WITH (" + with + ")") + ";";
}

std::string matview(const std::string& with, const std::string& using_am = "") {
    return k_table + " CREATE MATERIALIZED VIEW mv" + (using_am.empty() ? "" : " USING " + using_am) +
           (with.empty() ? "" : " WITH (" + with + ")") + " AS SELECT id, a FROM t;";
}

// A table whose primary key's index has storage parameters `with`.
std::string keyed(const std::string& with) {
    return "CREATE TABLE k (id integer, v text, CONSTRAINT k_pkey PRIMARY KEY (id)" +
           (with.empty() ? "" : " WITH (" + with + ")") + ");";
}

const model::AttributeSet& key_attributes(const model::Schema& s) {
    return s.tables.at(pub("k")).constraints.at(0).meta.attributes;
}

const model::AttributeSet& index_attributes(const model::Schema& s) { return s.indexes.at(pub("i")).meta.attributes; }
const model::AttributeSet& view_attributes(const model::Schema& s, const std::string& name = "mv") {
    return s.views.at(pub(name)).meta.attributes;
}

TEST(PostgresIndexAttributes, DeclaredAsRowsOfTheDialect) {
    const auto& rows = parser::postgres::traits().attributes;
    struct Row {
        const model::AttributeDef* def;
        const char* name;
        model::AttributeScope scope;
        model::AttributeType type;
    };
    for (const Row& row : {Row{&attr::index_options, "options", model::AttributeScope::index, model::AttributeType::options},
                           Row{&attr::index_statistics, "statistics", model::AttributeScope::index,
                               model::AttributeType::options},
                           Row{&attr::constraint_index_options, "index options", model::AttributeScope::constraint,
                               model::AttributeType::options},
                           Row{&attr::view_options, "options", model::AttributeScope::view, model::AttributeType::options},
                           Row{&attr::view_access_method, "access method", model::AttributeScope::view,
                               model::AttributeType::text}}) {
        SCOPED_TRACE(row.name);
        EXPECT_NE(std::find(rows.begin(), rows.end(), row.def), rows.end());
        EXPECT_EQ(row.def->name, row.name) << "the conflict / JSON name";
        EXPECT_EQ(row.def->scope, row.scope);
        EXPECT_EQ(row.def->type, row.type);
        EXPECT_EQ(row.def->diff, model::AttributeDiff::with_object);
        EXPECT_TRUE(row.def->compared);
    }
}

TEST(PostgresIndexAttributes, TheFrontEndSetsThem) {
    auto s = schema_of(index_on("a", "fillfactor = 70, deduplicate_items = false") +
                       " ALTER INDEX i SET TABLESPACE pg_default;");
    EXPECT_EQ(index_attributes(s).options(attr::index_options),
              (model::AttributeOptions{{"deduplicate_items", "false"}, {"fillfactor", "70"}}))
        << "sorted by name";
    EXPECT_EQ(index_attributes(s).size(), 1U);
    EXPECT_EQ(s.indexes.at(pub("i")).tablespace, "pg_default") << "a neutral field";
    // ALTER INDEX SET / RESET change some options and keep the others (sorted, as for tables).
    auto altered = schema_of(index_on("a", "fillfactor = 70, deduplicate_items = false") +
                             " ALTER INDEX i SET (fillfactor = 80); ALTER INDEX i RESET (deduplicate_items);");
    EXPECT_EQ(index_attributes(altered).options(attr::index_options), (model::AttributeOptions{{"fillfactor", "80"}}));
    // All reset: unset, the index equals one that never had them.
    auto reset = schema_of(index_on("a", "fillfactor = 70") + " ALTER INDEX i RESET (fillfactor);");
    EXPECT_TRUE(index_attributes(reset).empty());
    EXPECT_TRUE(reset.indexes.at(pub("i")) == schema_of(index_on("a", "")).indexes.at(pub("i")));
    // Key column statistics targets: a row keyed by the column's number, in column order
    // (10 after 2), clamped to 10000; -1 is the default (unset).
    auto stats = schema_of(index_on("lower(a)", "") + " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;");
    EXPECT_EQ(index_attributes(stats).options(attr::index_statistics), (model::AttributeOptions{{"1", "500"}}));
    const std::string ten = "lower(a), lower(b), (id + 1), (id + 2), (id + 3), (id + 4), (id + 5), (id + 6), (id + 7), (id + 8)";
    auto many = schema_of(index_on(ten, "") +
                          " ALTER INDEX i ALTER COLUMN 10 SET STATISTICS 20000; ALTER INDEX i ALTER COLUMN 2 SET STATISTICS 7;"
                          " ALTER INDEX i ALTER COLUMN 3 SET STATISTICS 9; ALTER INDEX i ALTER COLUMN 3 SET STATISTICS -1;");
    EXPECT_EQ(index_attributes(many).options(attr::index_statistics),
              (model::AttributeOptions{{"2", "7"}, {"10", "10000"}}));
    EXPECT_EQ(parser::postgres::index_statistics_targets(index_attributes(many)), (std::map<int, int>{{2, 7}, {10, 10000}}));
    auto reset_stats = schema_of(index_on("lower(a)", "") + " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;" +
                                 " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS -1;");
    EXPECT_TRUE(index_attributes(reset_stats).empty());
    EXPECT_TRUE(reset_stats.indexes.at(pub("i")) == schema_of(index_on("lower(a)", "")).indexes.at(pub("i")));

    // A key constraint's WITH (...): a row of the constraint; its tablespace a neutral field.
    auto key = schema_of("CREATE TABLE k (id integer, CONSTRAINT k_pkey PRIMARY KEY (id) WITH (fillfactor = 70, "
                         "deduplicate_items = off) USING INDEX TABLESPACE pg_default);");
    EXPECT_EQ(key_attributes(key).options(attr::constraint_index_options),
              (model::AttributeOptions{{"deduplicate_items", "off"}, {"fillfactor", "70"}}));
    EXPECT_EQ(key.tables.at(pub("k")).constraints.at(0).index_tablespace, "pg_default");
    EXPECT_TRUE(key_attributes(schema_of(keyed(""))).empty());

    // Materialized views: storage parameters and the access method (heap, the default, unset).
    auto mv = schema_of(matview("fillfactor = 50", "heap2") + " ALTER MATERIALIZED VIEW mv SET (autovacuum_enabled = false);");
    EXPECT_EQ(view_attributes(mv).options(attr::view_options),
              (model::AttributeOptions{{"autovacuum_enabled", "false"}, {"fillfactor", "50"}}));
    EXPECT_EQ(view_attributes(mv).text(attr::view_access_method), "heap2");
    EXPECT_TRUE(view_attributes(schema_of(matview("", "heap"))).empty());
    // Views: WITH options; check_option stays the neutral field.
    auto v = schema_of(k_table + " CREATE VIEW v WITH (security_barrier = true, check_option = 'local') AS SELECT id FROM t;");
    EXPECT_EQ(view_attributes(v, "v").options(attr::view_options),
              (model::AttributeOptions{{"security_barrier", "true"}}));
    EXPECT_EQ(v.views.at(pub("v")).check_option, "LOCAL");
}

TEST(PostgresIndexAttributes, ChangedStorageParametersAreTheIndexsAlterIndex) {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"fillfactor = 70", "fillfactor = 80"}, {"fillfactor = 70", ""}, {"", "fillfactor = 70"}}) {
        SCOPED_TRACE(from + " -> " + to);
        EXPECT_EQ(changes(diff::diff(schema_of(index_on("a", from)), schema_of(index_on("a", to)))),
                  (std::vector<std::string>{"alter_index index public.i"}));
    }
    // With the key columns: rebuilt.
    EXPECT_EQ(changes(diff::diff(schema_of(index_on("a", "fillfactor = 70")), schema_of(index_on("b", "fillfactor = 80")))),
              (std::vector<std::string>{"create_index index public.i", "drop_index index public.i"}));
    EXPECT_TRUE(changes(diff::diff(schema_of(index_on("a", "fillfactor = 70")), schema_of(index_on("a", "fillfactor = 70"))))
                    .empty());
    // Statistics targets alone: altered in place too.
    EXPECT_EQ(changes(diff::diff(schema_of(index_on("lower(a)", "")),
                                 schema_of(index_on("lower(a)", "") + " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 50;"))),
              (std::vector<std::string>{"alter_index index public.i"}));
    // A key constraint's rows are part of its definition: dropped and added (no ALTER
    // CONSTRAINT changes them).
    EXPECT_EQ(changes(diff::diff(schema_of(keyed("fillfactor = 70")), schema_of(keyed("fillfactor = 80")))),
              (std::vector<std::string>{"add_constraint constraint public.k.k_pkey",
                                        "drop_constraint constraint public.k.k_pkey"}));
    EXPECT_EQ(changes(diff::diff(schema_of(keyed("")), schema_of(keyed("fillfactor = 80")))).size(), 2U);
    EXPECT_TRUE(changes(diff::diff(schema_of(keyed("fillfactor = 80")), schema_of(keyed("fillfactor = 80")))).empty());
    // A view's rows are part of its definition.
    EXPECT_EQ(changes(diff::diff(schema_of(matview("")), schema_of(matview("fillfactor = 50")))),
              (std::vector<std::string>{"replace_view materialized view public.mv"}));
    EXPECT_EQ(changes(diff::diff(schema_of(matview("")), schema_of(matview("", "heap2")))),
              (std::vector<std::string>{"replace_view materialized view public.mv"}));
}

TEST(PostgresIndexAttributes, PlannedAndDumpedStatements) {
    const std::string i = "ALTER INDEX public.i ";
    const std::vector<PlanRow> rows = {
        {"changed", index_on("a", "fillfactor = 70"), index_on("a", "fillfactor = 80"), {i + "SET (fillfactor=80)"}, {}},
        {"removed", index_on("a", "fillfactor = 70"), index_on("a", ""), {i + "RESET (fillfactor)"}, {}},
        {"added", index_on("a", ""), index_on("a", "fillfactor = 70"), {i + "SET (fillfactor=70)"}, {}},
        {"one removed, one changed, one kept", index_on("a", "fillfactor = 70, deduplicate_items = false"),
         index_on("a", "fillfactor = 90"), {i + "RESET (deduplicate_items)", i + "SET (fillfactor=90)"}, {}},
        {"with statistics targets", index_on("lower(a)", "fillfactor = 70"),
         index_on("lower(a)", "fillfactor = 80") + " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;",
         {i + "SET (fillfactor=80)", i + "ALTER COLUMN 1 SET STATISTICS 500"}, {}},
        {"with the key columns: rebuilt", index_on("a", "fillfactor = 70"), index_on("b", "fillfactor = 80"),
         {"DROP INDEX public.i", "CREATE INDEX i ON public.t USING btree (b) WITH (fillfactor=80)"},
         {"access-exclusive-lock", "blocking-index-build"}},
        {"matview changed", matview("fillfactor = 50, autovacuum_enabled = false"), matview("fillfactor = 60"),
         {"ALTER MATERIALIZED VIEW public.mv RESET (autovacuum_enabled)",
          "ALTER MATERIALIZED VIEW public.mv SET (fillfactor=60)"},
         {}},
        {"matview added", matview(""), matview("fillfactor = 50"), {"ALTER MATERIALIZED VIEW public.mv SET (fillfactor=50)"}, {}},
    };
    check_rows(rows, LockStrategy::plain);
    // A new access method recreates the materialized view.
    auto recreated = statements(plan_for(matview(""), matview("", "heap2")));
    ASSERT_EQ(recreated.size(), 2U);
    EXPECT_EQ(recreated[0], "DROP MATERIALIZED VIEW public.mv");
    EXPECT_EQ(recreated[1].rfind("CREATE MATERIALIZED VIEW public.mv USING heap2 AS", 0), 0U) << recreated[1];
    // The dump writes them into the CREATE statements.
    std::string out = dump(index_on("a", "fillfactor = 70") + " CREATE MATERIALIZED VIEW mv USING heap2 WITH (fillfactor = 50) AS SELECT id FROM t;");
    EXPECT_NE(out.find("CREATE INDEX i ON public.t USING btree (a) WITH (fillfactor=70);"), std::string::npos) << out;
    EXPECT_NE(out.find("CREATE MATERIALIZED VIEW public.mv USING heap2 WITH (fillfactor=50) AS"), std::string::npos) << out;
    // A key constraint's storage parameters: in its ADD CONSTRAINT, planned and dumped.
    auto key = statements(plan_for(keyed("fillfactor = 70"), keyed("fillfactor = 80")));
    ASSERT_EQ(key.size(), 2U);
    EXPECT_EQ(key[0], "ALTER TABLE public.k DROP CONSTRAINT k_pkey");
    EXPECT_EQ(key[1], "ALTER TABLE ONLY public.k ADD CONSTRAINT k_pkey PRIMARY KEY (id) WITH (fillfactor=80)");
    std::string keyed_dump = dump(keyed("fillfactor = 70"));
    EXPECT_NE(keyed_dump.find("PRIMARY KEY (id) WITH (fillfactor=70)"), std::string::npos) << keyed_dump;
}

TEST(PostgresIndexAttributes, EachRowConflictsOnItsOwn) {
    struct Row {
        const char* what;
        std::string base;
        std::string ours;
        std::string theirs;
        const char* object;
        const char* attribute;
        std::optional<std::string> base_text;
        const char* ours_text;
        const char* theirs_text;
    };
    for (const Row& row :
         {Row{"index", index_on("a", "fillfactor = 70"), index_on("a", "fillfactor = 80"), index_on("a", "fillfactor = 90"),
              "index public.i", "options", "fillfactor=70", "fillfactor=80", "fillfactor=90"},
          Row{"key constraint", keyed(""), keyed("fillfactor = 80"), keyed("fillfactor = 90"), "constraint public.k.k_pkey",
              "index options", std::nullopt, "fillfactor=80", "fillfactor=90"},
          Row{"index statistics", index_on("lower(a)", ""),
              index_on("lower(a)", "") + " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;",
              index_on("lower(a)", "") + " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 1000;", "index public.i", "statistics",
              std::nullopt, "1=500", "1=1000"},
          Row{"matview options", matview(""), matview("fillfactor = 50"), matview("fillfactor = 60"),
              "materialized view public.mv", "options", std::nullopt, "fillfactor=50", "fillfactor=60"},
          Row{"matview access method", matview(""), matview("", "heap2"), matview("", "heap3"),
              "materialized view public.mv", "access method", std::nullopt, "heap2", "heap3"}}) {
        SCOPED_TRACE(row.what);
        auto result = diff::merge(schema_of(row.base), schema_of(row.ours), schema_of(row.theirs));
        ASSERT_EQ(result.conflicts.size(), 1U);
        const auto& conflict = result.conflicts[0];
        EXPECT_EQ(conflict.kind, diff::ConflictKind::both_modified);
        EXPECT_EQ(conflict.object.to_string(), row.object);
        EXPECT_EQ(conflict.attribute, row.attribute);
        EXPECT_EQ(conflict.base.value, row.base_text);
        EXPECT_EQ(conflict.ours.value, std::optional<std::string>(row.ours_text));
        EXPECT_EQ(conflict.theirs.value, std::optional<std::string>(row.theirs_text));
        // The same change on both sides is no conflict.
        EXPECT_TRUE(diff::merge(schema_of(row.base), schema_of(row.ours), schema_of(row.ours)).conflicts.empty());
    }
    // Different rows of one materialized view changed on each side merge cleanly, keeping both.
    auto views = diff::merge(schema_of(matview("")), schema_of(matview("fillfactor = 50")), schema_of(matview("", "heap2")));
    EXPECT_TRUE(views.conflicts.empty());
    EXPECT_EQ(view_attributes(views.merged).options(attr::view_options), (model::AttributeOptions{{"fillfactor", "50"}}));
    EXPECT_EQ(view_attributes(views.merged).text(attr::view_access_method), "heap2");
    // An index's storage parameters on one side, its statistics targets on the other: two rows.
    auto indexes = diff::merge(schema_of(index_on("lower(a)", "")), schema_of(index_on("lower(a)", "fillfactor = 80")),
                               schema_of(index_on("lower(a)", "") + " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;"));
    EXPECT_TRUE(indexes.conflicts.empty());
    EXPECT_EQ(index_attributes(indexes.merged).options(attr::index_options), (model::AttributeOptions{{"fillfactor", "80"}}));
    EXPECT_EQ(index_attributes(indexes.merged).options(attr::index_statistics), (model::AttributeOptions{{"1", "500"}}));
    // A key's storage parameters on one side, a new column on the other: both kept.
    auto keys = diff::merge(schema_of(keyed("")), schema_of(keyed("fillfactor = 80")),
                            schema_of(keyed("") + " ALTER TABLE k ADD COLUMN w int;"));
    EXPECT_TRUE(keys.conflicts.empty());
    EXPECT_EQ(key_attributes(keys.merged).options(attr::constraint_index_options),
              (model::AttributeOptions{{"fillfactor", "80"}}));
    EXPECT_EQ(keys.merged.tables.at(pub("k")).columns.size(), 3U);
}

TEST(PostgresIndexAttributes, JsonListsThemUnderTheObjectsAttributes) {
    auto s = schema_of(index_on("a", "fillfactor = 70") +
                       " CREATE MATERIALIZED VIEW mv USING heap2 WITH (fillfactor = 50) AS SELECT id FROM t;");
    auto json = nlohmann::ordered_json::parse(model::to_json(s));
    const auto& index = json.at("indexes").at(0);
    EXPECT_EQ(index.at("attributes"), nlohmann::ordered_json::parse(R"({"options": {"fillfactor": "70"}})"));
    EXPECT_FALSE(index.contains("options")) << "no named field any more";
    const auto& view = json.at("views").at(0);
    EXPECT_EQ(view.at("attributes"),
              nlohmann::ordered_json::parse(R"({"options": {"fillfactor": "50"}, "access method": "heap2"})"));
    EXPECT_FALSE(view.contains("options"));
    EXPECT_FALSE(view.contains("access_method"));

    auto more = schema_of(keyed("fillfactor = 70") + " CREATE INDEX i ON k (lower(v));" +
                          " ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;");
    auto more_json = nlohmann::ordered_json::parse(model::to_json(more));
    EXPECT_EQ(more_json.at("indexes").at(0).at("attributes"),
              nlohmann::ordered_json::parse(R"({"statistics": {"1": "500"}})"));
    EXPECT_FALSE(more_json.at("indexes").at(0).contains("column_statistics")) << "no named field any more";
    const auto& key = more_json.at("tables").at(0).at("constraints").at(0);
    EXPECT_EQ(key.at("attributes"), nlohmann::ordered_json::parse(R"({"index options": {"fillfactor": "70"}})"));
    EXPECT_FALSE(key.contains("index_options"));
}

}  // namespace
}  // namespace schemerge::test
