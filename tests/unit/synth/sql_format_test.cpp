// Identifier quoting and type formatting as PostgreSQL's quote_identifier() and
// format_type() print them.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/postgres/dialect_traits.hpp"
#include "synth/postgres/sql_format.hpp"

namespace schemerge::synth::postgres {
namespace {

struct QuoteRow {
    std::string input;
    std::string expected;
};

TEST(SqlFormat, QuoteIdentifier) {
    const std::vector<QuoteRow> rows = {
        {"users", "users"},
        {"_x", "_x"},
        {"a1", "a1"},
        {"a$b", "a$b"},
        {"Users", "\"Users\""},
        {"UPPER", "\"UPPER\""},
        {"1abc", "\"1abc\""},
        {"$x", "\"$x\""},
        {"with space", "\"with space\""},
        {"a\"b", "\"a\"\"b\""},
        {"\"", "\"\"\"\""},
        {"caf\u00e9", "\"caf\u00e9\""},  // not plain ASCII lower case: quoted like the server does
        {"select", "\"select\""},      // reserved
        {"user", "\"user\""},          // reserved
        {"table", "\"table\""},        // reserved
        {"order", "\"order\""},        // reserved
        {"integer", "\"integer\""},    // column-name keyword
        {"between", "\"between\""},    // column-name keyword
        {"left", "\"left\""},          // type/function-name keyword
        {"name", "name"},              // unreserved keyword stays bare
        {"action", "action"},          // unreserved
        {"data", "data"},              // unreserved
        {"text", "text"},              // not a keyword
        {"id", "id"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.input);
        EXPECT_EQ(quote_identifier(row.input), row.expected);
    }
}

// synth/postgres's quote_identifier and the front end's (parser/postgres quote_ident,
// PostgreSQL's DialectTraits::quote) are the same rule written twice; before one goes,
// this pins where they agree and the one place they do not: '$' inside a name. The
// server's quote_identifier() (ruleutils.c) and pg_dump's fmtId() quote a name with '$';
// this file's copy leaves it bare (its dumps and plans have always printed a$b bare).
TEST(SqlFormat, QuoteIdentifierAgreesWithTheFrontEnd) {
    const model::DialectTraits& traits = parser::postgres::traits();
    const std::vector<std::string> same = {
        "users", "_x", "a1", "Users", "UPPER", "1abc", "$x", "with space", "a\"b", "\"", "caf\u00e9", "select",
        "user", "table", "order", "integer", "between", "left", "name", "action", "data", "text", "id", "",
        "x-y", "a.b", "\u00e9t\u00e9", "t1_2", "_", "__x__", "do", "inner", "over", "varchar", "zone"};
    for (const auto& name : same) {
        SCOPED_TRACE(name);
        EXPECT_EQ(quote_identifier(name), traits.quote_identifier(name));
    }
    for (const std::string name : {"a$b", "x$", "t_$1"}) {
        SCOPED_TRACE(name);
        EXPECT_EQ(quote_identifier(name), name);
        EXPECT_EQ(traits.quote_identifier(name), "\"" + name + "\"");
    }
}

TEST(SqlFormat, FormatNameAndIdentifierList) {
    EXPECT_EQ(format_name({"public", "t"}), "public.t");
    EXPECT_EQ(format_name({"My Schema", "user"}), "\"My Schema\".\"user\"");
    EXPECT_EQ(format_name({"", "t"}), "t");
    EXPECT_EQ(format_identifier_list({"a", "B", "select"}), "(a, \"B\", \"select\")");
    EXPECT_EQ(format_identifier_list({}), "()");
}

model::TypeRef type(std::string schema, std::string name, std::vector<std::string> mods = {}, int dims = 0) {
    model::TypeRef t;
    t.name = {std::move(schema), std::move(name)};
    t.modifiers = std::move(mods);
    t.array_dims = dims;
    return t;
}

struct TypeRow {
    model::TypeRef type;
    std::string expected;
};

TEST(SqlFormat, FormatType) {
    model::TypeRef setof_int = type("", "integer");
    setof_int.setof = true;
    const std::vector<TypeRow> rows = {
        {type("", "integer"), "integer"},
        {type("", "bigint"), "bigint"},
        {type("", "boolean"), "boolean"},
        {type("", "text"), "text"},
        {type("", "character varying", {"10"}), "character varying(10)"},
        {type("", "character varying"), "character varying"},
        {type("", "character", {"1"}), "character(1)"},
        {type("", "numeric", {"10", "2"}), "numeric(10,2)"},
        {type("", "numeric"), "numeric"},
        {type("", "timestamp with time zone"), "timestamp with time zone"},
        {type("", "timestamp with time zone", {"3"}), "timestamp(3) with time zone"},
        {type("", "timestamp without time zone", {"0"}), "timestamp(0) without time zone"},
        {type("", "time without time zone", {"2"}), "time(2) without time zone"},
        {type("", "time with time zone"), "time with time zone"},
        {type("", "interval"), "interval"},
        {type("", "interval", {"3"}), "interval(3)"},
        {type("", "interval", {"year to month"}), "interval year to month"},
        {type("", "interval", {"day to second", "2"}), "interval day to second(2)"},
        {type("", "bit varying", {"5"}), "bit varying(5)"},
        {type("", "double precision"), "double precision"},
        {type("", "integer", {}, 1), "integer[]"},
        {type("", "character varying", {"20"}, 1), "character varying(20)[]"},
        {type("", "timestamp with time zone", {"3"}, 1), "timestamp(3) with time zone[]"},
        {type("", "\"char\""), "\"char\""},
        {type("public", "mood"), "public.mood"},
        {type("public", "mood", {}, 1), "public.mood[]"},
        {type("My", "Type"), "\"My\".\"Type\""},
        {type("public", "geometry", {"Polygon", "4326"}), "public.geometry(Polygon,4326)"},
        {setof_int, "SETOF integer"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.expected);
        EXPECT_EQ(format_type(row.type), row.expected);
    }
}

TEST(SqlFormat, QuoteLiteral) {
    EXPECT_EQ(quote_literal("abc"), "'abc'");
    EXPECT_EQ(quote_literal("it's"), "'it''s'");
    EXPECT_EQ(quote_literal(""), "''");
    EXPECT_EQ(quote_literal("back\\slash"), "'back\\slash'");  // standard_conforming_strings
}

TEST(SqlFormat, DollarQuoteChoosesAnUnusedTag) {
    EXPECT_EQ(dollar_quote("select 1"), "$$select 1$$");
    EXPECT_EQ(dollar_quote("select $$x$$"), "$_$select $$x$$$_$");
    EXPECT_EQ(dollar_quote("a $$ b $_$ c"), "$__$a $$ b $_$ c$__$");
    EXPECT_EQ(dollar_quote(""), "$$$$");
}

TEST(SqlFormat, DollarQuoteOfTextEndingInDollar) {
    // "$$a$$$" is read by PostgreSQL as the body "a" followed by a stray "$".
    std::string quoted = dollar_quote("select 'a$");
    std::string tag = quoted.substr(0, quoted.find('$', 1) + 1);
    std::string body = quoted.substr(tag.size(), quoted.size() - 2 * tag.size());
    if (body.find(tag) != std::string::npos || (body + tag).find(tag) != body.size()) {
        FAIL() << "regression: dollar_quote(\"select 'a$\") gives " << quoted
                     << ": the closing tag is found one character early";
    }
    EXPECT_EQ((body + tag).find(tag), body.size());
}

TEST(SqlFormat, FormatReloptions) {
    EXPECT_EQ(format_reloptions({{"fillfactor", "70"}}), "fillfactor=70");
    EXPECT_EQ(format_reloptions({{"fillfactor", "70"}, {"autovacuum_enabled", "false"}}),
              "fillfactor=70, autovacuum_enabled=false");
    EXPECT_EQ(format_reloptions({{"autovacuum_vacuum_scale_factor", "0.2"}}), "autovacuum_vacuum_scale_factor=0.2");
    EXPECT_EQ(format_reloptions({{"n_distinct", "-1"}}), "n_distinct=-1");
    EXPECT_EQ(format_reloptions({{"x", "two words"}}), "x='two words'");
    EXPECT_EQ(format_reloptions({{"x", "'already'"}}), "x='already'");
    EXPECT_EQ(format_reloptions({}), "");
}

}  // namespace
}  // namespace schemerge::synth::postgres
