// The fast path of expression printing must print exactly what libpg_query's deparser
// prints, and hand everything else to the deparser.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "parser/postgres/pg_ast.hpp"

namespace schemerge::parser::postgres {
namespace {

struct Parsed {
    UnpackedTree tree;
    Node* expr = nullptr;
};

Parsed parse_expression(const std::string& expr) {
    Parsed out;
    ParsedStatement p = parse_statement("SELECT " + expr);
    EXPECT_TRUE(p.error.empty()) << p.error;
    out.tree = unpack(p.protobuf);
    out.expr = out.tree.tree->stmts[0]->stmt->select_stmt->target_list[0]->res_target->val;
    return out;
}

TEST(PgAst, SimpleExpressionsPrintLikeTheDeparser) {
    const std::vector<std::string> simple{
        "0", "42", "1.5", "'x'", "'it''s'", "''", "true", "false", "NULL", "now()", "gen_random_uuid()",
        "nextval('public.t_id_seq'::regclass)", "nextval('public.\"Odd\"'::regclass)", "'{}'::jsonb",
        "''::text", "'2020-01-01'::date", "public.f(1, 'a')", "f()", "coalesce_like(1, 2.5, 'x')",
        "uuid_generate_v4()", "'a''b'::text"};
    for (const auto& text : simple) {
        SCOPED_TRACE(text);
        Parsed p = parse_expression(text);
        auto fast = format_simple_expression(p.expr);
        ASSERT_TRUE(fast.has_value()) << "expected the fast path to handle it";
        EXPECT_EQ(*fast, deparse_expression_slow(p.expr));
    }
}

TEST(PgAst, OtherExpressionsGoToTheDeparser) {
    const std::vector<std::string> complex{
        "-1", "-1.5", "'a\\b'", "a + 1", "(a > 0)", "'x'::character varying", "'1'::integer", "1::int4",
        "CURRENT_TIMESTAMP", "pg_catalog.now()", "count(*)", "sum(DISTINCT a)", "\"Upper\"()", "\"select\"()",
        "ARRAY[1, 2]", "'x'::text[]", "a", "lower(a)", "f(VARIADIC ARRAY[1])"};
    for (const auto& text : complex) {
        SCOPED_TRACE(text);
        Parsed p = parse_expression(text);
        EXPECT_FALSE(format_simple_expression(p.expr).has_value());
    }
}

// deparse_node keeps each distinct tree's text for the rest of the process: trees that
// differ in any one field (a number, a string, an enum, the length or order of a list, a
// type modifier) must still print differently, and a repeat must print the same.
TEST(PgAst, DeparsedTextsAreKeptPerDistinctTree) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"a + 1", "a + 1"},
        {"a + 2", "a + 2"},
        {"a - 1", "a - 1"},
        {"b + 1", "b + 1"},
        {"a + 1.5", "a + 1.5"},
        {"'x' || 'y'", "'x' || 'y'"},
        {"'x' || 'z'", "'x' || 'z'"},
        {"a IS NULL", "a IS NULL"},
        {"a IS NOT NULL", "a IS NOT NULL"},
        {"f(a, b)", "f(a, b)"},
        {"f(b, a)", "f(b, a)"},
        {"ARRAY[1, 2]", "ARRAY[1, 2]"},
        {"ARRAY[1, 2, 3]", "ARRAY[1, 2, 3]"},
        {"x::varchar(10)", "x::varchar(10)"},
        {"x::varchar(20)", "x::varchar(20)"},
        {"CASE WHEN a THEN 1 END", "CASE WHEN a THEN 1 END"},
        {"CASE WHEN a THEN 1 ELSE 2 END", "CASE WHEN a THEN 1 ELSE 2 END"},
    };
    for (int round = 0; round < 2; ++round) {  // the second round is served from what was kept
        for (const auto& [text, expected] : cases) {
            SCOPED_TRACE(text + " (round " + std::to_string(round) + ")");
            Parsed p = parse_expression(text);
            EXPECT_EQ(deparse_expression_slow(p.expr), expected);
        }
    }
}

// walk visits a message, then its children in field order: what collectors record
// (relations, functions, columns) keeps the order the statement has.
TEST(PgAst, WalkVisitsChildrenInTreeOrder) {
    ParsedStatement p =
        parse_statement("SELECT f(x), g(y) FROM a JOIN b ON true, c WHERE x IN (SELECT 1 FROM d) AND h(z)");
    ASSERT_TRUE(p.error.empty()) << p.error;
    UnpackedTree tree = unpack(p.protobuf);
    std::vector<std::string> seen;
    walk(&tree.tree->base, [&](ProtobufCMessage* msg) {
        if (msg->descriptor == &pg_query__range_var__descriptor) {
            seen.emplace_back(reinterpret_cast<PgQuery__RangeVar*>(msg)->relname);
        } else if (msg->descriptor == &pg_query__func_call__descriptor) {
            auto* fc = reinterpret_cast<PgQuery__FuncCall*>(msg);
            seen.emplace_back(std::string{node_string(fc->funcname[fc->n_funcname - 1])} + "()");
        }
    });
    EXPECT_EQ(seen, (std::vector<std::string>{"f()", "g()", "a", "b", "c", "d", "h()"}));
}

}  // namespace
}  // namespace schemerge::parser::postgres
