// ALTER DEFAULT PRIVILEGES into one ACL per (role, schema, kind of objects)
// (parser/postgres/transform_default_privileges.cpp, model/default_privileges.hpp).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/schema_privileges.hpp"
#include "support/load.hpp"

namespace schemerge::test {
namespace {

using model::AclKey;
using model::DefaultPrivilegesKey;
using model::ObjectKind;

std::map<AclKey, bool> entries(std::initializer_list<std::tuple<std::string, std::string, bool>> list) {
    std::map<AclKey, bool> out;
    for (const auto& [grantee, privilege, option] : list) {
        out.emplace(AclKey{grantee, "", privilege}, option);
    }
    return out;
}

const std::string k_public(model::k_every_role);

TEST(DefaultPrivileges, OneEntryPerRoleSchemaAndKind) {
    auto s = schema_of("CREATE SCHEMA app; CREATE SCHEMA rep;\n"
                       "ALTER DEFAULT PRIVILEGES FOR ROLE owner1, owner2 IN SCHEMA app, rep GRANT SELECT ON TABLES TO r;\n"
                       "ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO r;");
    ASSERT_EQ(s.default_privileges.size(), 5U);
    for (const char* role : {"owner1", "owner2"}) {
        for (const char* schema : {"app", "rep"}) {
            const auto& e = s.default_privileges.at(DefaultPrivilegesKey{role, schema, ObjectKind::table});
            EXPECT_EQ(e.meta.acl.entries, entries({{"r", "SELECT", false}}));
        }
    }
    // No FOR ROLE: the role running the statements (""), every schema ("").
    const auto& q = s.default_privileges.at(DefaultPrivilegesKey{"", "", ObjectKind::sequence});
    EXPECT_EQ(q.meta.acl.entries, entries({{"r", "USAGE", false}}));
    EXPECT_EQ(q.meta.location.line, 3U);
    EXPECT_TRUE(s.opaque.empty());  // no longer kept verbatim
}

TEST(DefaultPrivileges, AllExpandsAndRoutinesAreFunctions) {
    auto s = schema_of("ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO r;\n"
                       "ALTER DEFAULT PRIVILEGES REVOKE TRUNCATE ON TABLES FROM r;\n"
                       "ALTER DEFAULT PRIVILEGES GRANT ALL PRIVILEGES ON ROUTINES TO r WITH GRANT OPTION;");
    EXPECT_EQ(s.default_privileges.at(DefaultPrivilegesKey{"", "", ObjectKind::table}).meta.acl.entries,
              entries({{"r", "SELECT", false},
                       {"r", "INSERT", false},
                       {"r", "UPDATE", false},
                       {"r", "DELETE", false},
                       {"r", "REFERENCES", false},
                       {"r", "TRIGGER", false}}));
    // Every schema's entry starts from the built-in default: PUBLIC's EXECUTE stays.
    EXPECT_EQ(s.default_privileges.at(DefaultPrivilegesKey{"", "", ObjectKind::function}).meta.acl.entries,
              entries({{k_public, "EXECUTE", false}, {"r", "EXECUTE", true}}));
}

TEST(DefaultPrivileges, TheBuiltInDefaultIsWhereEntriesStart) {
    // Revoking PUBLIC's EXECUTE on functions is an entry (pg_default_acl stores it) ...
    auto revoked = schema_of("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;");
    ASSERT_EQ(revoked.default_privileges.size(), 1U);
    EXPECT_TRUE(revoked.default_privileges.begin()->second.meta.acl.entries.empty());
    // ... granting it back, or granting what PUBLIC holds anyway, is no entry at all.
    for (const char* sql : {"ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
                            "ALTER DEFAULT PRIVILEGES GRANT ALL ON ROUTINES TO PUBLIC;",
                            "ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO PUBLIC;",
                            "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r;\n"
                            "ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM r;",
                            // An entry for one schema starts empty: nothing to revoke.
                            "CREATE SCHEMA app;\nALTER DEFAULT PRIVILEGES IN SCHEMA app REVOKE EXECUTE ON FUNCTIONS "
                            "FROM PUBLIC;"}) {
        SCOPED_TRACE(sql);
        EXPECT_TRUE(schema_of(sql).default_privileges.empty());
    }
}

TEST(DefaultPrivileges, SpellingsStoredAlikeAreEqual) {
    auto a = schema_of("ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT SELECT, INSERT ON TABLES TO x, y;\n"
                       "ALTER DEFAULT PRIVILEGES FOR ROLE o REVOKE INSERT ON TABLES FROM y;");
    auto b = schema_of("ALTER DEFAULT PRIVILEGES FOR USER o GRANT SELECT ON TABLES TO y;\n"
                       "alter default privileges for role o grant insert, select on tables to x;");
    EXPECT_EQ(a.default_privileges, b.default_privileges);
    auto c = schema_of("ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER GRANT SELECT ON TABLES TO x;");
    auto d = schema_of("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO x;");
    EXPECT_EQ(c.default_privileges, d.default_privileges);
}

TEST(DefaultPrivileges, PgDumpsFormIsTheSameModel) {
    // pg_dump 15's DEFAULT ACL lines for the same catalog (FOR ROLE always written).
    auto dumped = schema_of("CREATE SCHEMA app;\n"
                            "ALTER DEFAULT PRIVILEGES FOR ROLE o IN SCHEMA app GRANT ALL ON TABLES  TO web;\n"
                            "ALTER DEFAULT PRIVILEGES FOR ROLE o REVOKE ALL ON FUNCTIONS  FROM PUBLIC;\n"
                            "ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT ALL ON FUNCTIONS  TO web;\n"
                            "ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT ALL ON SCHEMAS  TO web;");
    auto written = schema_of("CREATE SCHEMA app;\n"
                             "ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT USAGE, CREATE ON SCHEMAS TO web;\n"
                             "ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT EXECUTE ON ROUTINES TO web;\n"
                             "ALTER DEFAULT PRIVILEGES FOR ROLE o REVOKE EXECUTE ON ROUTINES FROM PUBLIC;\n"
                             "ALTER DEFAULT PRIVILEGES FOR ROLE o IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE, "
                             "TRUNCATE, REFERENCES, TRIGGER ON TABLES TO web;");
    EXPECT_EQ(dumped.default_privileges, written.default_privileges);
    EXPECT_EQ(dumped.default_privileges.size(), 3U);
}

TEST(DefaultPrivileges, GrantOptionRevokedAlone) {
    auto s = schema_of("ALTER DEFAULT PRIVILEGES GRANT SELECT, UPDATE ON SEQUENCES TO r WITH GRANT OPTION;\n"
                       "ALTER DEFAULT PRIVILEGES REVOKE GRANT OPTION FOR UPDATE ON SEQUENCES FROM r;");
    EXPECT_EQ(s.default_privileges.begin()->second.meta.acl.entries,
              entries({{"r", "SELECT", true}, {"r", "UPDATE", false}}));
}

TEST(DefaultPrivileges, DroppingTheSchemaDropsItsEntries) {
    auto s = schema_of("CREATE SCHEMA app;\nALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO r;\n"
                       "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r;\nDROP SCHEMA app;");
    ASSERT_EQ(s.default_privileges.size(), 1U);
    EXPECT_EQ(s.default_privileges.begin()->first.schema, "");
}

TEST(DefaultPrivileges, CarriesPrivileges) {
    auto s = schema_of("CREATE TABLE t (a int);\nALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r;");
    EXPECT_TRUE(model::carries_privileges(s));
    model::strip_privileges(s);
    EXPECT_TRUE(s.default_privileges.empty());
}

// Objects created after the statements start with what they give (PostgreSQL's
// get_user_default_acl): the entry for every schema (or the built-in default), merged with
// the entry for the object's schema.
TEST(DefaultPrivileges, NewObjectsStartWithThem) {
    auto s = schema_of("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r;\n"
                       "CREATE SCHEMA app;\n"
                       "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT ON TABLES TO w;\n"
                       "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO r WITH GRANT OPTION;\n"
                       "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
                       "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON SEQUENCES TO w;\n"
                       "ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO r;\n"
                       "CREATE TABLE app.t (id serial, a int);\n"
                       "CREATE TABLE u (a int);\n"
                       "CREATE VIEW app.v AS SELECT 1 AS x;\n"
                       "CREATE MATERIALIZED VIEW app.m AS SELECT 1 AS x;\n"
                       "CREATE SEQUENCE q;\n"
                       "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                       "CREATE PROCEDURE p() LANGUAGE sql AS 'select 1';\n"
                       "CREATE AGGREGATE agg(int) (SFUNC = int4pl, STYPE = int);\n"
                       "CREATE DOMAIN d AS integer;\n"
                       "CREATE TYPE e AS ENUM ('a');");
    const auto in_app = entries({{"r", "SELECT", true}, {"w", "INSERT", false}});
    const auto& t = s.tables.at({"app", "t"}).meta.acl;
    EXPECT_TRUE(t.tracked);
    EXPECT_TRUE(t.derived);  // written from its entries
    EXPECT_EQ(t.entries, in_app);
    EXPECT_EQ(t.lines.at("w").line, 3U);  // where the entry gave it
    EXPECT_EQ(s.tables.at(pub("u")).meta.acl.entries, entries({{"r", "SELECT", false}}));
    EXPECT_EQ(s.views.at({"app", "v"}).meta.acl.entries, in_app);
    EXPECT_EQ(s.views.at({"app", "m"}).meta.acl.entries, in_app);
    // Sequences have their own kind: a serial's sequence too.
    EXPECT_EQ(s.sequences.at({"app", "t_id_seq"}).meta.acl.entries, entries({{"w", "USAGE", false}}));
    EXPECT_FALSE(s.sequences.at(pub("q")).meta.acl.tracked);
    // Functions cover procedures and aggregates; PUBLIC's EXECUTE revoked: tracked and empty.
    ASSERT_EQ(s.functions.size(), 3U);
    for (const auto& [key, f] : s.functions) {
        SCOPED_TRACE(key.name.to_string());
        EXPECT_TRUE(f.meta.acl.tracked);
        EXPECT_TRUE(f.meta.acl.entries.empty());
    }
    // Types cover domains; the entry started from PUBLIC's USAGE.
    for (const char* type : {"d", "e"}) {
        EXPECT_EQ(s.types.at(pub(type)).meta.acl.entries, entries({{k_public, "USAGE", false}, {"r", "USAGE", false}}));
    }
}

TEST(DefaultPrivileges, LaterGrantsAndRevokesChangeWhatTheyGave) {
    auto s = schema_of("ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO r;\n"
                       "CREATE TABLE t (a int);\nREVOKE INSERT ON t FROM r;\nGRANT UPDATE (a) ON t TO w;");
    EXPECT_TRUE(s.tables.at(pub("t")).meta.grants.empty());  // its ACL is written from its entries
    std::map<AclKey, bool> expected = entries({{"r", "SELECT", false}});
    expected.emplace(AclKey{"w", "a", "UPDATE"}, false);
    EXPECT_EQ(s.tables.at(pub("t")).meta.acl.entries, expected);
    // The same ACL written without default privileges is the same model.
    auto plain = schema_of("CREATE TABLE t (a int);\nGRANT SELECT ON t TO r;\nGRANT UPDATE (a) ON t TO w;");
    EXPECT_EQ(plain.tables.at(pub("t")).meta.acl, s.tables.at(pub("t")).meta.acl);
}

TEST(DefaultPrivileges, WhenTheyDoNotApply) {
    // Objects created before the statement, entries of other roles (FOR ROLE: the front end
    // does not follow SET ROLE), and a result equal to the built-in default: untracked.
    auto s = schema_of("CREATE TABLE before (a int);\n"
                       "ALTER DEFAULT PRIVILEGES FOR ROLE other GRANT SELECT ON TABLES TO r;\n"
                       "ALTER DEFAULT PRIVILEGES FOR ROLE other GRANT USAGE ON SCHEMAS TO r;\n"
                       "CREATE SCHEMA app;\n"
                       "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO PUBLIC;\n"
                       "CREATE TABLE other_role (a int);\n"
                       "CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                       "CREATE SCHEMA owned AUTHORIZATION other;\n"
                       "CREATE SCHEMA mine AUTHORIZATION CURRENT_USER;");
    EXPECT_FALSE(s.tables.at(pub("before")).meta.acl.tracked);
    EXPECT_FALSE(s.tables.at(pub("other_role")).meta.acl.tracked);
    EXPECT_FALSE(s.functions.begin()->second.meta.acl.tracked);
    EXPECT_FALSE(s.namespaces.at("mine").meta.acl.tracked);
    // A schema created for another role gets that role's entries (its owner's, as in
    // PostgreSQL).
    EXPECT_EQ(s.namespaces.at("owned").meta.acl.entries, entries({{"r", "USAGE", false}}));
    // CREATE OR REPLACE keeps the routine's ACL.
    auto r = schema_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                       "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
                       "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 2';");
    EXPECT_FALSE(r.functions.begin()->second.meta.acl.tracked);
}

TEST(DefaultPrivileges, DumpWritesTheAclsTheyGaveAndReloadsAlike) {
    const std::string sql = "ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO r;\n"
                            "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
                            "CREATE TABLE t (a int);\nREVOKE INSERT ON t FROM r;\n"
                            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                            "CREATE TABLE u (a int);";
    std::string out = dump(sql);
    // Default privileges last (as pg_dump): the ACLs they started are written explicitly.
    auto at = [&](const std::string& text) {
        auto pos = out.find(text);
        EXPECT_NE(pos, std::string::npos) << text << "\n" << out;
        return pos;
    };
    EXPECT_LT(at("GRANT SELECT ON TABLE public.t TO r;"), at("ALTER DEFAULT PRIVILEGES"));
    EXPECT_LT(at("REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC;"), at("ALTER DEFAULT PRIVILEGES"));
    at("GRANT SELECT, INSERT ON TABLE public.u TO r;");
    EXPECT_EQ(out.find("insert ON"), std::string::npos) << out;
    auto original = schema_of(sql);
    auto reloaded = schema_of(out);
    EXPECT_EQ(reloaded.tables.at(pub("t")).meta.acl, original.tables.at(pub("t")).meta.acl);
    EXPECT_EQ(reloaded.tables.at(pub("u")).meta.acl, original.tables.at(pub("u")).meta.acl);
    EXPECT_EQ(reloaded.functions.begin()->second.meta.acl, original.functions.begin()->second.meta.acl);
    EXPECT_EQ(reloaded.default_privileges, original.default_privileges);
}

struct BadStatement {
    std::string name;
    std::string sql;
    std::uint32_t line;
    std::string message_part;
};

TEST(DefaultPrivileges, MalformedStatementsAreLocatedErrors) {
    const std::vector<BadStatement> rows = {
        {"EXECUTE on tables", "CREATE TABLE t (a int);\nALTER DEFAULT PRIVILEGES GRANT EXECUTE ON TABLES TO app;", 2,
         "invalid privilege type EXECUTE for relation"},
        {"DELETE on sequences", "\n\nALTER DEFAULT PRIVILEGES REVOKE DELETE ON SEQUENCES FROM app;", 3,
         "invalid privilege type DELETE for sequence"},
        {"SELECT on functions", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON FUNCTIONS TO app;", 1,
         "invalid privilege type SELECT for function"},
        {"CREATE on types", "\nALTER DEFAULT PRIVILEGES GRANT CREATE ON TYPES TO app;", 2,
         "invalid privilege type CREATE for type"},
        {"column list", "ALTER DEFAULT PRIVILEGES GRANT SELECT (a) ON TABLES TO app;", 1,
         "default privileges cannot be set for columns"},
        {"IN SCHEMA on schemas", "CREATE SCHEMA s;\nALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON SCHEMAS TO app;",
         2, "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS"},
        {"missing schema", "\nALTER DEFAULT PRIVILEGES IN SCHEMA nope GRANT SELECT ON TABLES TO app;", 2,
         "schema \"nope\" does not exist"},
        {"grant option for PUBLIC", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC WITH GRANT OPTION;", 1,
         "grant options can only be granted to roles"},
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

TEST(DefaultPrivileges, DumpWritesThemCanonicallyAndLast) {
    std::string out = dump("CREATE SCHEMA app;\n"
                           "ALTER DEFAULT PRIVILEGES FOR ROLE admin IN SCHEMA app GRANT ALL ON TABLES TO web;\n"
                           "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
                           "ALTER DEFAULT PRIVILEGES GRANT SELECT ON SEQUENCES TO web WITH GRANT OPTION;\n"
                           "CREATE TABLE app.t (a int);");
    const std::string expected =
        "\nALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n"
        "\nALTER DEFAULT PRIVILEGES GRANT SELECT ON SEQUENCES TO web WITH GRANT OPTION;\n"
        "\nALTER DEFAULT PRIVILEGES FOR ROLE admin IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, "
        "REFERENCES, TRIGGER ON TABLES TO web;\n";
    ASSERT_GE(out.size(), expected.size());
    EXPECT_EQ(out.substr(out.size() - expected.size()), expected) << out;
    // Written back, it reads as the same model.
    EXPECT_EQ(schema_of(out).default_privileges, schema_of("CREATE SCHEMA app;\n"
                                                           "ALTER DEFAULT PRIVILEGES FOR ROLE admin IN SCHEMA app "
                                                           "GRANT ALL ON TABLES TO web;\n"
                                                           "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS "
                                                           "FROM PUBLIC;\nALTER DEFAULT PRIVILEGES GRANT SELECT ON "
                                                           "SEQUENCES TO web WITH GRANT OPTION;")
                                                     .default_privileges);
    // --no-privileges leaves them out.
    synth::EmitOptions no_privileges;
    no_privileges.privileges = false;
    EXPECT_EQ(synth::postgres::emit_schema(schema_of("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO web;"),
                                           no_privileges)
                  .find("DEFAULT PRIVILEGES"),
              std::string::npos);
}

}  // namespace
}  // namespace schemerge::test
