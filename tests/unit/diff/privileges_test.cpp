// Owners and privileges in the two-way diff (set_privileges, set_owner: only when both
// sides carry them) and the three-way merge (grantee by grantee; the owner as one value).
#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/schema_privileges.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"
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
        out.push_back(change.describe() + (change.detail_text().empty() ? "" : " [" + change.detail_text() + "]"));
    }
    return out;
}

const char* const k_table = "CREATE TABLE t (a int);\nALTER TABLE t OWNER TO admin;\n";

TEST(PrivilegesDiff, ChangedGrantsAndOwner) {
    auto from = load("from.sql", std::string(k_table) + "GRANT SELECT ON t TO app;");
    auto to = load("to.sql", "CREATE TABLE t (a int);\nALTER TABLE t OWNER TO boss;\nGRANT SELECT, INSERT ON t TO app;");
    auto result = diff(from, to);
    EXPECT_TRUE(result.privileges_compared);
    EXPECT_TRUE(result.owners_compared);
    EXPECT_EQ(described(result),
              (std::vector<std::string>{"set privileges on table public.t", "set owner of table public.t [boss]"}));
}

TEST(PrivilegesDiff, StatementOrderIsNotAChange) {
    auto from = load("from.sql", "CREATE TABLE t (a int);\nGRANT SELECT ON t TO app;\nGRANT INSERT ON t TO app;");
    auto to = load("to.sql", "CREATE TABLE t (a int);\nGRANT INSERT, SELECT ON t TO app;");
    EXPECT_TRUE(diff(from, to).changes.empty());
}

TEST(PrivilegesDiff, NotComparedWhenOneSideCarriesNone) {
    auto from = load("from.sql", "CREATE TABLE t (a int);");
    auto to = load("to.sql", std::string(k_table) + "GRANT SELECT ON t TO app;");
    auto result = diff(from, to);
    EXPECT_FALSE(result.privileges_compared);
    EXPECT_FALSE(result.owners_compared);
    EXPECT_TRUE(result.changes.empty());
}

TEST(PrivilegesDiff, AllGrantsGoneIsARevokeWhenTheSchemaStillCarriesSome) {
    auto from = load("from.sql", "CREATE TABLE t (a int); CREATE TABLE u (a int);\nGRANT SELECT ON t TO app;\n"
                                 "GRANT SELECT ON u TO app;");
    auto to = load("to.sql", "CREATE TABLE t (a int); CREATE TABLE u (a int);\nGRANT SELECT ON u TO app;");
    EXPECT_EQ(described(diff(from, to)), (std::vector<std::string>{"set privileges on table public.t"}));
}

TEST(PrivilegesDiff, OffByOption) {
    auto from = load("from.sql", std::string(k_table) + "GRANT SELECT ON t TO app;");
    auto to = load("to.sql", "CREATE TABLE t (a int);\nALTER TABLE t OWNER TO boss;\nGRANT INSERT ON t TO app;");
    DiffOptions options;
    options.privileges = MetaTracking::never;
    options.owners = MetaTracking::never;
    auto result = diff(from, to, options);
    EXPECT_TRUE(result.changes.empty());
    // Stripped models (--no-privileges / --no-owners at load) carry nothing either.
    model::strip_privileges(from);
    model::strip_owners(to);
    EXPECT_FALSE(model::carries_privileges(from));
    EXPECT_FALSE(model::carries_owners(to));
    EXPECT_TRUE(diff(from, load("to.sql", "CREATE TABLE t (a int);\nGRANT INSERT ON t TO app;")).changes.empty());
}

TEST(PrivilegesDiff, RoutineDefaultRevoked) {
    const std::string f = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\nCREATE TABLE t (a int);\n"
                          "GRANT SELECT ON t TO app;\n";
    auto from = load("from.sql", f);
    auto to = load("to.sql", f + "REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;");
    EXPECT_EQ(described(diff(from, to)), (std::vector<std::string>{"set privileges on function public.f()"}));
}

// --- merge

const char* const k_base = "CREATE TABLE t (a int, b int);\nALTER TABLE t OWNER TO admin;\nGRANT SELECT ON t TO app;\n";

TEST(PrivilegesMerge, DifferentGranteesMergeCleanly) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "GRANT INSERT ON t TO app;");
    auto theirs = load("theirs.sql", std::string(k_base) + "GRANT SELECT ON t TO report;");
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.conflicts.empty());
    const auto& acl = result.merged.tables.at({"public", "t"}).meta.acl;
    EXPECT_TRUE(acl.derived);
    EXPECT_EQ(acl.entries.size(), 3U);
    // The merged dump writes the combined ACL.
    std::string out = synth::postgres::emit_schema(result.merged);
    EXPECT_NE(out.find("GRANT SELECT, INSERT ON TABLE public.t TO app;"), std::string::npos) << out;
    EXPECT_NE(out.find("GRANT SELECT ON TABLE public.t TO report;"), std::string::npos) << out;
    // And each side's plan grants what the other added.
    auto to_merged = diff(ours, result.merged);
    ASSERT_EQ(to_merged.changes.changes.size(), 1U);
    EXPECT_EQ(to_merged.changes.changes[0].kind, ChangeKind::set_privileges);
}

TEST(PrivilegesMerge, OneGranteeChangedDifferentlyIsAConflict) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "GRANT INSERT ON t TO app;");
    auto theirs = load("theirs.sql", std::string(k_base) + "\nREVOKE SELECT ON t FROM app;\nGRANT UPDATE (b) ON t TO app;");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const auto& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::both_modified);
    EXPECT_EQ(c.object.name, "t");
    EXPECT_EQ(c.attribute, "privileges of app");
    EXPECT_EQ(c.base.value, "SELECT");
    EXPECT_EQ(c.ours.value, "INSERT, SELECT");
    EXPECT_EQ(c.theirs.value, "UPDATE (b)");
    EXPECT_EQ(c.ours.location.line, 4U);
    EXPECT_EQ(c.theirs.location.line, 6U);
    // --prefer theirs resolves it.
    MergeOptions options;
    options.prefer = Preference::theirs;
    auto resolved = merge(base, ours, theirs, options);
    EXPECT_TRUE(resolved.conflicts.empty());
}

TEST(PrivilegesMerge, SameChangeOnBothSidesIsClean) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "GRANT INSERT ON t TO app;");
    auto theirs = load("theirs.sql", std::string(k_base) + "\n\nGRANT INSERT ON TABLE public.t TO app;");
    EXPECT_TRUE(merge(base, ours, theirs).conflicts.empty());
}

TEST(PrivilegesMerge, OwnerChangedDifferentlyIsAConflict) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "ALTER TABLE t OWNER TO alice;");
    auto theirs = load("theirs.sql", std::string(k_base) + "\nALTER TABLE t OWNER TO bob;");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    EXPECT_EQ(result.conflicts[0].attribute, "owner");
    EXPECT_EQ(result.conflicts[0].ours.value, "alice");
    EXPECT_EQ(result.conflicts[0].theirs.value, "bob");
    EXPECT_EQ(result.conflicts[0].ours.location.line, 4U);
    EXPECT_EQ(result.conflicts[0].theirs.location.line, 5U);
    // One side only: taken.
    auto clean = merge(base, ours, base);
    EXPECT_TRUE(clean.conflicts.empty());
    EXPECT_EQ(clean.merged.tables.at({"public", "t"}).meta.owner, "alice");
}

}  // namespace
}  // namespace schemerge::diff
