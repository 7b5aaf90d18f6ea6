// The fast path of expression printing must print exactly what libpg_query's deparser
// prints, and hand everything else to the deparser.
#include <gtest/gtest.h>

#include <string>
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

}  // namespace
}  // namespace schemerge::parser::postgres
