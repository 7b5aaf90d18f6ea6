// Unqualified calls are resolved by name and argument types (search path + overload
// resolution, parser/postgres/function_resolution.cpp): a user overload never captures a
// built-in, and a call that cannot be decided offline stays as written.
#include <string>

#include <gtest/gtest.h>

#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;

const std::string k_lower_array =
    "CREATE FUNCTION public.lower(text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;\n";

const Expression& index_expr(const Schema& s, const std::string& name) {
    return s.indexes.at(pub(name)).elements.at(0).expression;
}

TEST(FunctionResolution, OverloadDoesNotCaptureBuiltinInIndex) {
    auto s = schema_of(k_lower_array +
                       "CREATE TABLE t (url character varying, tags text[], n text);\n"
                       "CREATE INDEX i1 ON t (lower((url)::text));\n"
                       "CREATE INDEX i2 ON t (lower(url));\n"
                       "CREATE INDEX i3 ON t (lower(n));\n"
                       "CREATE INDEX i4 ON t (lower(tags));\n"
                       "CREATE INDEX i5 ON t (lower('{a}'::text[]));\n");
    EXPECT_EQ(index_expr(s, "i1").text, "lower(url::text)");
    EXPECT_TRUE(index_expr(s, "i1").functions.empty());
    EXPECT_EQ(index_expr(s, "i2").text, "lower(url)");  // varchar -> text is an implicit cast
    EXPECT_EQ(index_expr(s, "i3").text, "lower(n)");
    EXPECT_EQ(index_expr(s, "i4").text, "public.lower(tags)");
    ASSERT_EQ(index_expr(s, "i4").functions.size(), 1u);
    EXPECT_EQ(index_expr(s, "i4").functions[0], pub("lower"));
    EXPECT_EQ(index_expr(s, "i5").text, "public.lower('{a}'::text[])");
}

TEST(FunctionResolution, DefaultsChecksGeneratedAndViews) {
    auto s = schema_of(k_lower_array +
                       "CREATE FUNCTION public.next_code(integer) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;\n"
                       "CREATE TABLE t (a text DEFAULT lower('ABC'::text), b text DEFAULT next_code(1),"
                       " c text[], d text GENERATED ALWAYS AS (lower(a)) STORED, CHECK (lower(a) <> ''));\n"
                       "CREATE VIEW v AS SELECT lower(t.a) AS la, lower(c) AS lc FROM t;\n");
    const Table& t = s.tables.at(pub("t"));
    EXPECT_EQ(t.columns[0].default_value->text, "lower('ABC'::text)");
    EXPECT_EQ(t.columns[1].default_value->text, "public.next_code(1)");
    EXPECT_EQ(t.columns[3].generation->text, "lower(a)");
    EXPECT_NE(s.views.at(pub("v")).query.text.find("lower(t.a) AS la"), std::string::npos)
        << s.views.at(pub("v")).query.text;
    EXPECT_NE(s.views.at(pub("v")).query.text.find("public.lower(c) AS lc"), std::string::npos)
        << s.views.at(pub("v")).query.text;
}

TEST(FunctionResolution, UndecidableCallsStayAsWritten) {
    // The argument's type is not known offline (an operator's result): PostgreSQL could
    // pick either lower(); keep the call as written, but order after the user function.
    auto s = schema_of(k_lower_array +
                       "CREATE TABLE t (a text, b text);\n"
                       "CREATE INDEX i ON t (lower(a || b));\n");
    EXPECT_EQ(index_expr(s, "i").text, "lower(a || b)");
    ASSERT_EQ(index_expr(s, "i").functions.size(), 1u);
    EXPECT_EQ(index_expr(s, "i").functions[0], pub("lower"));
}

TEST(FunctionResolution, SameSignatureFollowsThePath) {
    const std::string fn =
        "CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;\n"
        "CREATE TABLE t (a text);\n";
    // pg_catalog is searched first unless the path names it later.
    auto first = schema_of(fn + "CREATE INDEX i ON t (lower(a));\n");
    EXPECT_EQ(index_expr(first, "i").text, "lower(a)");
    auto later = schema_of("SET search_path = public, pg_catalog;\n" + fn + "CREATE INDEX i ON t (lower(a));\n");
    EXPECT_EQ(index_expr(later, "i").text, "public.lower(a)");
}

TEST(FunctionResolution, UserOnlyNamesAndOverloadsInOneSchema) {
    auto s = schema_of(
        "CREATE SCHEMA app;\n"
        "SET search_path = app, public;\n"
        "CREATE FUNCTION app.score(integer) RETURNS integer LANGUAGE sql AS $$ SELECT $1 $$;\n"
        "CREATE FUNCTION app.score(text) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;\n"
        "CREATE FUNCTION app.pad(text, integer DEFAULT 2) RETURNS text LANGUAGE sql AS $$ SELECT $1 $$;\n"
        "CREATE TABLE app.t (a integer, b text, c integer DEFAULT score(2), d text DEFAULT pad('x'));\n"
        "CREATE INDEX i ON app.t (score(a + 1), score(b));\n");
    const Table& t = s.tables.at({"app", "t"});
    EXPECT_EQ(t.columns[2].default_value->text, "app.score(2)");
    EXPECT_EQ(t.columns[3].default_value->text, "app.pad('x')");
    // Opaque argument, but every candidate is in app: qualifying cannot change the choice.
    const auto& index = s.indexes.at({"app", "i"});
    EXPECT_EQ(index.elements.at(0).expression.text, "app.score(a + 1)");
    EXPECT_EQ(index.elements.at(1).expression.text, "app.score(b)");
}

TEST(FunctionResolution, DumpLoadsAgainWithBuiltinKept) {
    std::string out = dump(k_lower_array +
                           "CREATE TABLE t (url character varying);\n"
                           "CREATE INDEX i ON t (lower((url)::text));\n");
    EXPECT_NE(out.find("USING btree ((lower(url::text)))"), std::string::npos) << out;
    EXPECT_EQ(out.find("public.lower(url"), std::string::npos) << out;
}

}  // namespace
}  // namespace schemerge::test
