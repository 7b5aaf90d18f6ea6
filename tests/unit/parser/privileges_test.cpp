// GRANT / REVOKE into ACLs (parser/postgres/privileges.cpp): sets, not statement lists.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load.hpp"

namespace schemerge::test {
namespace {

using model::Acl;
using model::AclKey;

std::map<AclKey, bool> entries(std::initializer_list<std::tuple<std::string, std::string, std::string, bool>> list) {
    std::map<AclKey, bool> out;
    for (const auto& [grantee, column, privilege, option] : list) {
        out.emplace(AclKey{grantee, column, privilege}, option);
    }
    return out;
}

const Acl& table_acl(const model::Schema& schema, const std::string& name = "t") {
    return schema.tables.at(pub(name)).meta.acl;
}

TEST(Privileges, RevokeIsSetSubtraction) {
    auto s = schema_of("CREATE TABLE t (a int);\nGRANT SELECT, INSERT ON t TO app;\nREVOKE INSERT ON t FROM app;");
    EXPECT_TRUE(table_acl(s).tracked);
    EXPECT_EQ(table_acl(s).entries, entries({{"app", "", "SELECT", false}}));
}

TEST(Privileges, AllExpandsToTheKindsPrivileges) {
    auto s = schema_of("CREATE TABLE t (a int); CREATE SEQUENCE q;\n"
                       "GRANT ALL ON t TO app; REVOKE TRUNCATE ON t FROM app;\nGRANT ALL PRIVILEGES ON SEQUENCE q TO app;");
    EXPECT_EQ(table_acl(s).entries,
              entries({{"app", "", "SELECT", false},
                       {"app", "", "INSERT", false},
                       {"app", "", "UPDATE", false},
                       {"app", "", "DELETE", false},
                       {"app", "", "REFERENCES", false},
                       {"app", "", "TRIGGER", false}}));
    EXPECT_EQ(s.sequences.at(pub("q")).meta.acl.entries,
              entries({{"app", "", "USAGE", false}, {"app", "", "SELECT", false}, {"app", "", "UPDATE", false}}));
}

TEST(Privileges, ColumnPrivilegesAndTableRevokeTakesThem) {
    auto s = schema_of("CREATE TABLE t (a int, b int);\nGRANT SELECT (a), UPDATE (a, b) ON t TO app;");
    EXPECT_EQ(table_acl(s).entries, entries({{"app", "a", "SELECT", false},
                                             {"app", "a", "UPDATE", false},
                                             {"app", "b", "UPDATE", false}}));
    // REVOKE on the table revokes the column privileges too (docs: REVOKE, Notes).
    auto r = schema_of("CREATE TABLE t (a int, b int);\nGRANT SELECT (a), UPDATE (a, b) ON t TO app;\n"
                       "REVOKE UPDATE ON t FROM app;");
    EXPECT_EQ(table_acl(r).entries, entries({{"app", "a", "SELECT", false}}));
}

TEST(Privileges, PublicAndTheRoutineDefault) {
    auto s = schema_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                       "REVOKE ALL ON FUNCTION f() FROM PUBLIC;\nGRANT EXECUTE ON FUNCTION f() TO app;");
    const Acl& acl = s.functions.begin()->second.meta.acl;
    EXPECT_TRUE(acl.tracked);
    EXPECT_EQ(acl.entries, entries({{"app", "", "EXECUTE", false}}));
    // PUBLIC holds EXECUTE by default: granting it again is the default ACL.
    auto d = schema_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                       "GRANT EXECUTE ON FUNCTION f() TO PUBLIC;");
    const Acl& again = d.functions.begin()->second.meta.acl;
    EXPECT_EQ(again.entries, entries({{std::string(model::k_every_role), "", "EXECUTE", false}}));
    EXPECT_EQ(d.dialect->effective_acl(Acl{}, model::ObjectKind::function, "f"), again);
}

TEST(Privileges, GrantOption) {
    auto s = schema_of("CREATE TABLE t (a int);\nGRANT SELECT, UPDATE ON t TO app WITH GRANT OPTION;\n"
                       "REVOKE GRANT OPTION FOR UPDATE ON t FROM app;");
    EXPECT_EQ(table_acl(s).entries, entries({{"app", "", "SELECT", true}, {"app", "", "UPDATE", false}}));
}

TEST(Privileges, StatementOrderAndGroupingAreNoise) {
    auto a = schema_of("CREATE TABLE t (a int);\nGRANT SELECT ON t TO x;\nGRANT INSERT ON t TO x, y;");
    auto b = schema_of("CREATE TABLE t (a int);\nGRANT INSERT ON t TO y;\nGRANT INSERT, SELECT ON TABLE public.t TO x;");
    EXPECT_EQ(table_acl(a), table_acl(b));
}

TEST(Privileges, SeveralObjectsInOneStatement) {
    const std::string sql = "CREATE TABLE t (a int); CREATE TABLE u (a int);\nGRANT SELECT ON t, u TO app;";
    auto s = schema_of(sql);
    EXPECT_EQ(table_acl(s, "t").entries, entries({{"app", "", "SELECT", false}}));
    EXPECT_EQ(table_acl(s, "u").entries, entries({{"app", "", "SELECT", false}}));
    // The statement is written once, with its first object (as before ACLs existed).
    EXPECT_EQ(s.tables.at(pub("t")).meta.grants.size(), 1U);
    EXPECT_TRUE(s.tables.at(pub("u")).meta.grants.empty());
}

TEST(Privileges, RecordsTheLineOfEachGranteesLastChange) {
    auto s = schema_of("CREATE TABLE t (a int);\nGRANT SELECT ON t TO x;\n\nGRANT SELECT ON t TO y;\nREVOKE SELECT ON t FROM x;");
    EXPECT_EQ(table_acl(s).lines.at("x").line, 5U);
    EXPECT_EQ(table_acl(s).lines.at("y").line, 4U);
}

TEST(Privileges, UntouchedObjectsAreNotTracked) {
    auto s = schema_of("CREATE TABLE t (a int); ALTER TABLE t OWNER TO app;");
    EXPECT_FALSE(table_acl(s).tracked);
    EXPECT_EQ(s.tables.at(pub("t")).meta.owner, "app");
    EXPECT_EQ(s.tables.at(pub("t")).meta.owner_at.line, 1U);
}

struct BadGrant {
    std::string name;
    std::string sql;
    std::uint32_t line;
    std::string message_part;
};

TEST(Privileges, MalformedGrantsAreLocatedErrors) {
    const std::vector<BadGrant> rows = {
        {"privilege the kind does not have", "CREATE TABLE t (a int);\nGRANT EXECUTE ON TABLE t TO app;", 2,
         "invalid privilege type EXECUTE for relation"},
        {"unknown column", "CREATE TABLE t (a int);\n\nGRANT SELECT (nope) ON t TO app;", 3,
         "column \"nope\" of relation \"t\" does not exist"},
        {"column privilege that columns do not have", "CREATE TABLE t (a int);\nGRANT DELETE (a) ON t TO app;", 2,
         "invalid privilege type DELETE for column"},
        {"column privileges on a sequence", "CREATE SEQUENCE q;\nGRANT SELECT (a) ON SEQUENCE q TO app;", 2,
         "column privileges are only valid for relations"},
        {"USAGE on a function", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                                "GRANT USAGE ON FUNCTION f() TO app;",
         2, "invalid privilege type USAGE for function"},
        {"CREATE on a schema's table", "CREATE SCHEMA s; CREATE TABLE s.t (a int);\nREVOKE CREATE ON s.t FROM app;", 2,
         "invalid privilege type CREATE for relation"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        auto r = try_load(row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        ASSERT_FALSE(r.error().diagnostics.empty());
        const auto& d = r.error().diagnostics[0];
        EXPECT_EQ(d.severity, model::Severity::error);
        ASSERT_TRUE(d.location.file != nullptr);
        EXPECT_EQ(*d.location.file, "bad.sql");
        EXPECT_EQ(d.location.line, row.line);
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.message;
    }
}

TEST(Privileges, DumpOutputKeepsTheStatementsAsWritten) {
    // The canonical dump still writes the (deparsed) statements, in their order.
    std::string out = dump("CREATE TABLE t (a int);\nGRANT SELECT ON t TO x;\nREVOKE SELECT ON t FROM x;");
    EXPECT_NE(out.find("GRANT select ON public.t TO x;\n\nREVOKE select ON public.t FROM x;"), std::string::npos) << out;
}

}  // namespace
}  // namespace schemerge::test
