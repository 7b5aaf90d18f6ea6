// Default privileges (ALTER DEFAULT PRIVILEGES) in the two-way diff and plan
// (set_default_privileges, under the rule of other privileges) and the three-way merge
// (grantee by grantee).
#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"
#include "synth/postgres/migration_planner.hpp"
#include "synth/postgres/schema_emitter.hpp"

namespace schemerge::diff {
namespace {

model::Schema load(const std::string& name, const std::string& sql) {
    auto r = parser::postgres::load({parser::make_source(name, sql)});
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().render());
    return r ? r->schema : model::Schema{};
}

std::vector<std::string> described(const DiffResult& result) {
    std::vector<std::string> out;
    for (const auto& change : result.changes.changes) {
        out.push_back(change.describe());
    }
    return out;
}

std::string plan_sql(const model::Schema& from, const model::Schema& to) {
    auto result = diff(from, to);
    return synth::postgres::render_sql(synth::postgres::plan_migration(from, to, result.changes));
}

const char* const k_schema = "CREATE SCHEMA app;\nCREATE TABLE app.t (a int);\n";

TEST(DefaultPrivilegesDiff, ChangedEntriesArePlannedLast) {
    auto from = load("from.sql", std::string(k_schema) +
                                     "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO web;\n"
                                     "ALTER DEFAULT PRIVILEGES FOR ROLE admin REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;");
    auto to = load("to.sql", std::string(k_schema) + "CREATE TABLE app.u (a int);\n" +
                                 "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO web, report;\n"
                                 "ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO web;");
    auto result = diff(from, to);
    EXPECT_TRUE(result.privileges_compared);
    EXPECT_EQ(described(result), (std::vector<std::string>{
                                     "create table app.u",
                                     "set default privileges on sequences",
                                     "set default privileges for role admin on functions",
                                     "set default privileges in schema app on tables",
                                 }));
    std::string sql = plan_sql(from, to);
    const std::string expected_tail =
        "-- set default privileges on sequences\n"
        "ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO web;\n\n"
        "-- set default privileges for role admin on functions\n"
        "ALTER DEFAULT PRIVILEGES FOR ROLE admin GRANT EXECUTE ON FUNCTIONS TO PUBLIC;\n\n"
        "-- set default privileges in schema app on tables\n"
        "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO report;\n\n"
        "-- set default privileges in schema app on tables\n"
        "ALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE INSERT ON TABLES FROM web;\n";
    EXPECT_NE(sql.find(expected_tail), std::string::npos) << sql;
    // After the table the plan creates (which must not pick them up).
    EXPECT_LT(sql.find("CREATE TABLE app.u"), sql.find("ALTER DEFAULT PRIVILEGES")) << sql;
}

TEST(DefaultPrivilegesDiff, SpellingsStoredAlikeAreNoChange) {
    auto from = load("from.sql", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO a;\n"
                                 "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO b;\n"
                                 "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;");
    auto to = load("to.sql", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO b, a;");
    EXPECT_TRUE(diff(from, to).changes.empty());
}

TEST(DefaultPrivilegesDiff, UnderThePrivilegesRule) {
    auto from = load("from.sql", "CREATE TABLE t (a int);");
    auto to = load("to.sql", "CREATE TABLE t (a int);\nALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO web;");
    // One side carries no privileges at all: nothing compared.
    EXPECT_TRUE(diff(from, to).changes.empty());
    auto from_with = load("from.sql", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO web;");
    auto to_with = load("to.sql", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO web;\n"
                                  "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO web;");
    EXPECT_EQ(described(diff(from_with, to_with)),
              (std::vector<std::string>{"set default privileges on tables"}));
    DiffOptions options;
    options.privileges = MetaTracking::never;
    EXPECT_TRUE(diff(from_with, to_with, options).changes.empty());
}

TEST(DefaultPrivilegesDiff, ADroppedSchemaTakesItsEntries) {
    auto from = load("from.sql", "CREATE SCHEMA app;\nALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES "
                                 "TO web;\nALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO web;");
    auto to = load("to.sql", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO web;");
    EXPECT_EQ(described(diff(from, to)), (std::vector<std::string>{"drop schema app"}));
}

const char* const k_base = "CREATE TABLE t (a int);\nALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app;\n";

TEST(DefaultPrivilegesMerge, DifferentGranteesMergeCleanly) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "ALTER DEFAULT PRIVILEGES GRANT INSERT ON TABLES TO app;");
    auto theirs = load("theirs.sql", std::string(k_base) + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO report;\n"
                                                          "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;");
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.conflicts.empty());
    std::string out = synth::postgres::emit_schema(result.merged);
    EXPECT_NE(out.find("ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO app;\n\n"
                       "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO report;"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;"), std::string::npos) << out;
    // An entry one side takes back to its start is gone from the merge.
    auto dropped = merge(base, load("ours.sql", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO app;"), base);
    EXPECT_TRUE(dropped.conflicts.empty());
    EXPECT_TRUE(dropped.merged.default_privileges.empty());
}

TEST(DefaultPrivilegesMerge, OneGranteeChangedDifferentlyIsAConflict) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "ALTER DEFAULT PRIVILEGES GRANT INSERT ON TABLES TO app;");
    auto theirs = load("theirs.sql", std::string(k_base) + "\nALTER DEFAULT PRIVILEGES GRANT UPDATE ON TABLES TO app;");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const auto& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::both_modified);
    EXPECT_EQ(c.object.kind, model::ObjectKind::default_privileges);
    EXPECT_EQ(display_name(c.object), "default privileges on tables");
    EXPECT_EQ(c.attribute, "privileges of app");
    EXPECT_EQ(c.base.value, "SELECT");
    EXPECT_EQ(c.ours.value, "INSERT, SELECT");
    EXPECT_EQ(c.theirs.value, "SELECT, UPDATE");
    EXPECT_EQ(c.ours.location.line, 3U);
    EXPECT_EQ(c.theirs.location.line, 4U);
    EXPECT_EQ(c.explanation, "Both sides changed what app may do on default privileges on tables differently.");
    MergeOptions options;
    options.resolve["default privileges on tables"] = Preference::theirs;
    auto resolved = merge(base, ours, theirs, options);
    EXPECT_TRUE(resolved.conflicts.empty());
    EXPECT_EQ(resolved.merged.default_privileges.begin()->second.meta.acl, theirs.default_privileges.begin()->second.meta.acl);
}

TEST(DefaultPrivilegesMerge, ChangedInASchemaTheOtherSideDropped) {
    const std::string base_sql = "CREATE SCHEMA app;\nGRANT USAGE ON SCHEMA app TO web;\n";
    auto base = load("base.sql", base_sql);
    auto ours = load("ours.sql", "GRANT USAGE ON SCHEMA public TO web;\n");
    auto theirs = load("theirs.sql", base_sql + "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO web;");
    auto result = merge(base, ours, theirs);
    bool found = false;
    for (const auto& c : result.conflicts) {
        if (c.kind == ConflictKind::dangling_reference && c.object.kind == model::ObjectKind::default_privileges) {
            found = true;
            EXPECT_EQ(c.theirs.location.line, 3U);
        }
    }
    EXPECT_TRUE(found);
    EXPECT_TRUE(result.merged.default_privileges.empty());
}

}  // namespace
}  // namespace schemerge::diff
