// CREATE OPERATOR: modeled as a routine of kind operator_ (name + argument types), its
// function resolved, dumped the way pg_dump writes it, DROP / COMMENT ON / OWNER TO /
// ALTER OPERATOR … SET, and malformed definitions rejected with a location.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;

const std::string k_functions =
    "CREATE FUNCTION public.ci_eq(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) = lower($2) $$;\n"
    "CREATE FUNCTION public.ci_ne(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) <> lower($2) $$;\n"
    "CREATE FUNCTION public.neg(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT -$1 $$;\n";

const std::string k_operators =
    "CREATE OPERATOR === (PROCEDURE = ci_eq, LEFTARG = text, RIGHTARG = text, COMMUTATOR = ===, NEGATOR = !==,\n"
    "  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);\n"
    "CREATE OPERATOR public.!== (FUNCTION = public.ci_ne, LEFTARG = text, RIGHTARG = text,\n"
    "  COMMUTATOR = OPERATOR(public.!==), NEGATOR = OPERATOR(public.===));\n"
    "CREATE OPERATOR ~~~ (FUNCTION = neg, RIGHTARG = int4);\n";

TEST(Operators, Modeled) {
    auto s = schema_of(k_functions + k_operators);
    const Function& eq = s.functions.at(RoutineName{{"public", "==="}, "text, text"});
    EXPECT_EQ(eq.kind, RoutineKind::operator_);
    using Options = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(eq.operator_options, (Options{{"function", "public.ci_eq"},
                                            {"commutator", "public.==="},
                                            {"negator", "public.!=="},
                                            {"restrict", "eqsel"},
                                            {"join", "eqjoinsel"},
                                            {"hashes", ""},
                                            {"merges", ""}}));
    const Function& prefix = s.functions.at(RoutineName{{"public", "~~~"}, "integer"});
    ASSERT_EQ(prefix.args.size(), 1U);
    EXPECT_EQ(prefix.operator_options, (Options{{"function", "public.neg"}}));
    // Unqualified references to operators of the input (defined before or after: PostgreSQL
    // makes a shell) are qualified; a built-in function is kept as written.
    auto later = schema_of(k_functions + k_operators +
                           "CREATE OPERATOR <=> (FUNCTION = textne, LEFTARG = text, RIGHTARG = text, NEGATOR = !==);\n");
    EXPECT_EQ(later.functions.at(RoutineName{{"public", "<=>"}, "text, text"}).operator_options,
              (Options{{"function", "textne"}, {"negator", "public.!=="}}));
}

TEST(Operators, DumpedAsPgDumpWritesThemAndLoadedBack) {
    auto s = schema_of(k_functions + k_operators + "COMMENT ON OPERATOR === (text, text) IS 'case-insensitive';\n"
                                                   "ALTER OPERATOR public.~~~ (NONE, integer) OWNER TO app;\n");
    std::string out = synth::postgres::emit_schema(s);
    EXPECT_NE(out.find("CREATE OPERATOR public.=== (\n"
                       "    FUNCTION = public.ci_eq,\n"
                       "    LEFTARG = text,\n"
                       "    RIGHTARG = text,\n"
                       "    COMMUTATOR = OPERATOR(public.===),\n"
                       "    NEGATOR = OPERATOR(public.!==),\n"
                       "    RESTRICT = eqsel,\n"
                       "    JOIN = eqjoinsel,\n"
                       "    HASHES,\n"
                       "    MERGES\n"
                       ");"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("COMMUTATOR = OPERATOR(public.!==),\n    NEGATOR = OPERATOR(public.===)"), std::string::npos) << out;
    EXPECT_NE(out.find("COMMENT ON OPERATOR public.=== (text, text) IS 'case-insensitive';"), std::string::npos) << out;
    EXPECT_NE(out.find("ALTER OPERATOR public.~~~ (NONE, integer) OWNER TO app;"), std::string::npos) << out;
    // After the functions it uses.
    EXPECT_LT(out.find("CREATE FUNCTION public.ci_eq"), out.find("CREATE OPERATOR public.==="));
    EXPECT_EQ(schema_of(out), s);
    EXPECT_EQ(synth::postgres::emit_schema(schema_of(out)), out);
    // Nothing kept verbatim.
    EXPECT_TRUE(s.opaque.empty());
}

TEST(Operators, DropAndAlter) {
    auto s = schema_of(k_functions + k_operators + "DROP OPERATOR ~~~ (NONE, integer);\n"
                                                   "DROP OPERATOR IF EXISTS public.### (integer, integer);\n"
                                                   "ALTER OPERATOR === (text, text) SET (RESTRICT = NONE, JOIN = neqjoinsel);\n");
    EXPECT_FALSE(s.functions.contains(RoutineName{{"public", "~~~"}, "integer"}));
    using Options = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(s.functions.at(RoutineName{{"public", "==="}, "text, text"}).operator_options,
              (Options{{"function", "public.ci_eq"},
                       {"commutator", "public.==="},
                       {"negator", "public.!=="},
                       {"join", "neqjoinsel"},
                       {"hashes", ""},
                       {"merges", ""}}));
    // DROP FUNCTION of an operator's function: an error without CASCADE, takes it with.
    auto r = try_load(k_functions + k_operators + "DROP FUNCTION neg(integer);\n", {}, "bad.sql");
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().render().find("operator public.~~~(integer)"), std::string::npos) << r.error().render();
    auto cascade = schema_of(k_functions + k_operators + "DROP FUNCTION neg(integer) CASCADE;\n");
    EXPECT_FALSE(cascade.functions.contains(RoutineName{{"public", "~~~"}, "integer"}));
}

TEST(Operators, MalformedAreErrors) {
    struct Row {
        std::string sql;
        std::string message_part;
        unsigned line;
    };
    const std::vector<Row> rows = {
        {"CREATE OPERATOR @@ (LEFTARG = text, RIGHTARG = text);", "operator function must be specified", 4},
        {"CREATE OPERATOR @@ (FUNCTION = ci_eq);", "operator argument types must be specified", 4},
        {"CREATE OPERATOR @@ (FUNCTION = ci_eq, LEFTARG = text);", "right argument type must be specified", 4},
        {"CREATE OPERATOR @@ (\n  FUNCTION = no_such_function, LEFTARG = text, RIGHTARG = text);",
         "function no_such_function(text, text) does not exist", 5},
        {"CREATE OPERATOR @@ (FUNCTION = public.ci_eq, LEFTARG = integer, RIGHTARG = integer);",
         "function public.ci_eq(integer, integer) does not exist", 4},
        {"CREATE OPERATOR @@ (FUNCTION = neg, RIGHTARG = integer, COMMUTATOR = @@);", "only binary operators", 4},
        {"CREATE OPERATOR === (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text);\n"
         "CREATE OPERATOR === (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text);",
         "already exists", 5},
        {"DROP OPERATOR @@ (text, text);", "operator does not exist", 4},
        {"COMMENT ON OPERATOR @@ (text, text) IS 'x';", "does not exist", 4},
        {"CREATE OPERATOR === (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text);\n"
         "ALTER OPERATOR === (text, text) SET (HASHES = true);",
         "cannot be changed", 5},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.sql);
        auto r = try_load(k_functions + row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        const Diagnostic& d = r.error().diagnostics.at(0);
        EXPECT_EQ(d.severity, Severity::error);
        EXPECT_EQ(d.location.line, row.line);
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.message;
        EXPECT_EQ(r.error().render().rfind("bad.sql:", 0), 0u) << r.error().render();
    }
}

TEST(Operators, MixedCaseFunctionNamesKeepTheirQuotes) {
    const std::string sql =
        "CREATE SCHEMA \"Ops\";\n"
        "CREATE FUNCTION \"Ops\".\"CiEq\"(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) = lower($2) $$;\n"
        "CREATE OPERATOR === (FUNCTION = \"Ops\".\"CiEq\", LEFTARG = text, RIGHTARG = text);\n";
    auto s = schema_of(sql);
    using Options = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(s.functions.at(RoutineName{{"public", "==="}, "text, text"}).operator_options,
              (Options{{"function", "\"Ops\".\"CiEq\""}}));
    std::string out = synth::postgres::emit_schema(s);
    EXPECT_NE(out.find("FUNCTION = \"Ops\".\"CiEq\","), std::string::npos) << out;
    EXPECT_LT(out.find("CREATE FUNCTION \"Ops\".\"CiEq\""), out.find("CREATE OPERATOR public.==="));
    EXPECT_EQ(schema_of(out), s);
    // Its function is not dropped from under it.
    auto r = try_load(sql + "DROP FUNCTION \"Ops\".\"CiEq\"(text, text);\n", {}, "bad.sql");
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().render().find("operator public.===(text, text)"), std::string::npos) << r.error().render();
}

}  // namespace
}  // namespace schemerge::test
