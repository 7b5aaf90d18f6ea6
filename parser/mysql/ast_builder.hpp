#pragma once
// Internal to the MySQL front end: turns the typed ANTLR contexts of one chunk into
// ast::Statement values. Only syntax.cpp and ast_builder.cpp see ANTLR.
#include <cstdint>
#include <string_view>
#include <vector>

#include "MySqlParser.h"
#include "antlr4-runtime.h"
#include "parser/mysql/ast.hpp"

namespace schemerge::parser::mysql {

class AstBuilder {
public:
    // `cp_to_byte` maps ANTLR's character (code point) indices to byte offsets of the
    // chunk; null when the chunk is ASCII (both are the same).
    AstBuilder(antlr4::CommonTokenStream& tokens, std::string_view text, const std::vector<std::uint32_t>* cp_to_byte)
        : tokens_(tokens), text_(text), cp_to_byte_(cp_to_byte) {}

    [[nodiscard]] std::vector<ast::Statement> build(grammar::mysql::MySqlParser::ScriptContext* script);

private:
    using P = grammar::mysql::MySqlParser;

    [[nodiscard]] std::uint32_t byte_at(std::size_t char_index) const;
    [[nodiscard]] std::uint32_t offset(antlr4::Token* token) const { return byte_at(token->getStartIndex()); }
    [[nodiscard]] std::uint32_t end(antlr4::Token* token) const { return byte_at(token->getStopIndex() + 1); }
    [[nodiscard]] std::uint32_t offset(antlr4::ParserRuleContext* ctx) const { return offset(ctx->getStart()); }
    [[nodiscard]] std::uint32_t offset(antlr4::tree::TerminalNode* node) const { return offset(node->getSymbol()); }

    // Tokens [first, last] of the token stream (inclusive indices), as ast::Tokens.
    [[nodiscard]] ast::Tokens tokens(std::size_t first, std::size_t last) const;
    [[nodiscard]] ast::Tokens tokens_of(antlr4::ParserRuleContext* ctx) const;
    // The tokens inside a parenthesized (without the outer parentheses).
    [[nodiscard]] ast::Expr inner(P::ParenthesizedContext* ctx) const;

    [[nodiscard]] std::string identifier(P::IdentifierContext* ctx) const;
    [[nodiscard]] ast::Name name(P::QualifiedNameContext* ctx) const;
    [[nodiscard]] ast::Name name(P::TableNameContext* ctx) const { return name(ctx->qualifiedName()); }
    [[nodiscard]] std::vector<std::string> identifiers(P::ColumnListContext* ctx) const;
    [[nodiscard]] std::string string_value(P::StringLiteralContext* ctx, std::string* introducer = nullptr) const;
    [[nodiscard]] std::string token_string(P::StringTokenContext* ctx) const;
    // The tokens after `after` up to `body`, without the DO that introduces the body.
    [[nodiscard]] ast::Tokens clauses_before_do(antlr4::ParserRuleContext* after, antlr4::ParserRuleContext* body) const;
    [[nodiscard]] std::string user(P::DefinerClauseContext* ctx) const;

    ast::Statement statement(P::StatementContext* ctx);
    ast::CreateTable create_table(P::CreateTableContext* ctx);
    ast::ColumnDef column(P::ColumnDefinitionContext* ctx);
    ast::DataType data_type(P::DataTypeContext* ctx);
    ast::DataType return_type(P::ReturnTypeContext* ctx);
    ast::DefaultValue default_value(P::DefaultValueContext* ctx);
    ast::DefaultValue current_timestamp(P::CurrentTimestampContext* ctx);
    ast::KeyDef key(P::KeyDefinitionContext* ctx);
    void index_options(ast::KeyDef& key, const std::vector<P::IndexOptionContext*>& options);
    std::vector<ast::KeyPart> key_parts(P::KeyPartListContext* ctx);
    ast::ForeignKeyTarget references(P::ReferencesClauseContext* ctx);
    ast::TableOption table_option(P::TableOptionContext* ctx);
    ast::AlterTable alter_table(P::AlterTableContext* ctx);
    ast::AlterAction alter_item(P::AlterItemContext* ctx);
    ast::CreateView create_view(P::ViewAttributesContext* attributes, P::TableNameContext* name,
                                P::ColumnListContext* columns, P::ViewQueryContext* query);
    ast::RoutineBody routine_body(P::RoutineBodyContext* ctx);
    void body_statements(P::BodyStatementContext* ctx, std::vector<ast::Tokens>& out);
    ast::Characteristics characteristics(const std::vector<P::RoutineCharacteristicContext*>& list);
    ast::Database database_options(const std::vector<P::DatabaseOptionContext*>& options);

    antlr4::CommonTokenStream& tokens_;
    std::string_view text_;
    const std::vector<std::uint32_t>* cp_to_byte_;
    std::vector<ast::AlterAction> extra_;  // the further columns of ADD (a int, b int)
};

}  // namespace schemerge::parser::mysql
