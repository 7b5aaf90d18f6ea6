// Owners and privileges (plan_privileges.cpp, privilege_sql.cpp): the exact GRANT / REVOKE /
// OWNER TO statements a plan runs.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "plan_rows.hpp"

namespace schemerge::test {
namespace {

std::vector<std::string> plan_statements(const std::string& from_sql, const std::string& to_sql) {
    model::Schema from = schema_of(from_sql);
    model::Schema to = schema_of(to_sql);
    diff::DiffResult result = diff::diff(from, to);
    PlanOptions options;
    options.owners = result.owners_compared;
    return statements(synth::postgres::plan_migration(from, to, result.changes, options));
}

const std::string k_t = "CREATE TABLE t (a int, b int);\nALTER TABLE t OWNER TO admin;\n";

TEST(PlanPrivileges, GrantsAndRevokesPerGrantee) {
    EXPECT_EQ(plan_statements(k_t + "GRANT SELECT, DELETE ON t TO app; GRANT SELECT ON t TO old;",
                              k_t + "GRANT SELECT, INSERT ON t TO app; GRANT SELECT ON t TO PUBLIC;"),
              (std::vector<std::string>{"GRANT SELECT ON TABLE public.t TO PUBLIC",
                                        "REVOKE DELETE ON TABLE public.t FROM app",
                                        "GRANT INSERT ON TABLE public.t TO app",
                                        "REVOKE SELECT ON TABLE public.t FROM old"}));
}

TEST(PlanPrivileges, ColumnsAndGrantOption) {
    EXPECT_EQ(plan_statements(k_t + "GRANT SELECT ON t TO app WITH GRANT OPTION; GRANT UPDATE ON t TO app;",
                              k_t + "GRANT SELECT ON t TO app; GRANT UPDATE (b) ON t TO app;"),
              (std::vector<std::string>{"REVOKE UPDATE ON TABLE public.t FROM app",
                                        "REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM app",
                                        "GRANT UPDATE (b) ON TABLE public.t TO app"}));
    // A table-level REVOKE takes the column privilege too: it is granted again.
    EXPECT_EQ(plan_statements(k_t + "GRANT SELECT ON t TO app; GRANT SELECT (a) ON t TO app;",
                              k_t + "GRANT SELECT (a) ON t TO app;"),
              (std::vector<std::string>{"REVOKE SELECT ON TABLE public.t FROM app",
                                        "GRANT SELECT (a) ON TABLE public.t TO app"}));
}

TEST(PlanPrivileges, RoutineSchemaSequenceView) {
    const std::string base = k_t + "GRANT SELECT ON t TO app;\n" +
                             "CREATE SCHEMA s; CREATE SEQUENCE q; CREATE VIEW v AS SELECT a FROM t;\n"
                             "CREATE FUNCTION f(x integer) RETURNS int LANGUAGE sql AS 'select x';\n";
    EXPECT_EQ(plan_statements(base, base + "REVOKE ALL ON FUNCTION f(integer) FROM PUBLIC;\n"
                                           "GRANT USAGE ON SCHEMA s TO app; GRANT USAGE ON SEQUENCE q TO app;\n"
                                           "GRANT SELECT ON v TO app;"),
              (std::vector<std::string>{"GRANT USAGE ON SCHEMA s TO app", "GRANT USAGE ON SEQUENCE public.q TO app",
                                        "GRANT SELECT ON TABLE public.v TO app",
                                        "REVOKE EXECUTE ON FUNCTION public.f(integer) FROM PUBLIC"}));
}

TEST(PlanPrivileges, OwnerChangesAndNewObjectsGetTheirOwner) {
    EXPECT_EQ(plan_statements(k_t, "CREATE TABLE t (a int, b int);\nALTER TABLE t OWNER TO boss;\n"
                                   "CREATE TABLE u (a int);\nALTER TABLE u OWNER TO boss;\nGRANT SELECT ON u TO app;"),
              (std::vector<std::string>{"CREATE TABLE public.u (\n    a integer\n)",
                                        "ALTER TABLE public.u OWNER TO boss", "GRANT select ON public.u TO app",
                                        "ALTER TABLE public.t OWNER TO boss"}));
}

// An object the plan creates gets the from side's default privileges (the plan changes them
// last): its grants are the REVOKE / GRANT from that start to its ACL.
TEST(PlanPrivileges, NewObjectsStartFromTheFromSidesDefaultPrivileges) {
    const std::string defaults = "ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT ON TABLES TO r;\n"
                                 "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n";
    // Written as pg_dump writes (default privileges last): no GRANT twice, what the target
    // lacks revoked, PUBLIC's EXECUTE granted back.
    EXPECT_EQ(plan_statements(defaults, "CREATE TABLE u (a int);\nGRANT SELECT ON u TO r;\n"
                                        "CREATE TABLE w (a int);\n"
                                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n" +
                                            defaults),
              (std::vector<std::string>{"SET check_function_bodies = false",
                                        "CREATE TABLE public.u (\n    a integer\n)",
                                        "REVOKE INSERT ON TABLE public.u FROM r",
                                        "CREATE TABLE public.w (\n    a integer\n)",
                                        "REVOKE SELECT, INSERT ON TABLE public.w FROM r",
                                        "CREATE FUNCTION public.f() RETURNS integer\n    LANGUAGE sql\n    AS $$select 1$$",
                                        "GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC"}));
    // Created after the same default privileges on the to side: from there to its ACL.
    EXPECT_EQ(plan_statements(defaults, defaults + "CREATE TABLE u (a int);\nREVOKE INSERT ON u FROM r;"),
              (std::vector<std::string>{"CREATE TABLE public.u (\n    a integer\n)",
                                        "REVOKE INSERT ON TABLE public.u FROM r"}));
    // The to side carries no privileges: they are the environment's (nothing revoked).
    EXPECT_EQ(plan_statements(defaults, "CREATE TABLE u (a int);"),
              (std::vector<std::string>{"CREATE TABLE public.u (\n    a integer\n)"}));
    // The to side's default privileges give it more than the database will: granted.
    const std::string t = "CREATE TABLE t (a int);\nGRANT SELECT ON t TO r;\n";
    EXPECT_EQ(plan_statements(t, t + "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r;\nCREATE TABLE u (a int);"),
              (std::vector<std::string>{"CREATE TABLE public.u (\n    a integer\n)",
                                        "GRANT SELECT ON TABLE public.u TO r",
                                        "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r"}));
}

TEST(PlanPrivileges, UntrackedSideGivesNoStatements) {
    EXPECT_TRUE(plan_statements("CREATE TABLE t (a int, b int);", k_t + "GRANT SELECT ON t TO app;").empty());
}

}  // namespace
}  // namespace schemerge::test
