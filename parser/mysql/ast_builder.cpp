#include "parser/mysql/ast_builder.hpp"

#include <algorithm>
#include <cctype>

#include "MySqlLexer.h"
#include "parser/mysql/syntax.hpp"

namespace schemerge::parser::mysql {

using grammar::mysql::MySqlLexer;
using grammar::mysql::MySqlParser;

namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

ast::TokenKind kind_of(std::size_t type) {
    if (type >= MySqlLexer::ACCESSIBLE && type <= MySqlLexer::ZEROFILL) {
        return ast::TokenKind::reserved;
    }
    if (type >= MySqlLexer::ACTION && type <= MySqlLexer::VALUE) {
        return ast::TokenKind::keyword;
    }
    switch (type) {
        case MySqlLexer::IDENTIFIER: return ast::TokenKind::word;
        case MySqlLexer::BACKQUOTED_ID: return ast::TokenKind::quoted;
        case MySqlLexer::SINGLE_QUOTED_STRING:
        case MySqlLexer::DOUBLE_QUOTED_STRING:
        case MySqlLexer::NATIONAL_STRING:
        case MySqlLexer::INTRODUCED_STRING: return ast::TokenKind::string;
        case MySqlLexer::INTEGER_NUM:
        case MySqlLexer::DECIMAL_NUM:
        case MySqlLexer::FLOAT_NUM: return ast::TokenKind::number;
        case MySqlLexer::HEX_STRING: return ast::TokenKind::hex;
        case MySqlLexer::BIT_STRING: return ast::TokenKind::bit;
        case MySqlLexer::USER_VARIABLE:
        case MySqlLexer::SYSTEM_VARIABLE: return ast::TokenKind::variable;
        default: return ast::TokenKind::punctuation;
    }
}

// X'4142' / 0x4142 -> "4142"; B'101' / 0b101 -> "101".
std::string literal_digits(std::string text) {
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'b')) {
        return text.substr(2);
    }
    auto q = text.find('\'');
    if (q != std::string::npos && text.size() >= q + 2) {
        return text.substr(q + 1, text.size() - q - 2);
    }
    return text;
}

template <typename T>
T* as(antlr4::ParserRuleContext* ctx) {
    return dynamic_cast<T*>(ctx);
}

}  // namespace

std::uint32_t AstBuilder::byte_at(std::size_t char_index) const {
    if (cp_to_byte_ == nullptr) {
        return static_cast<std::uint32_t>(std::min(char_index, text_.size()));
    }
    if (char_index >= cp_to_byte_->size()) {
        return static_cast<std::uint32_t>(text_.size());
    }
    return (*cp_to_byte_)[char_index];
}

ast::Tokens AstBuilder::tokens(std::size_t first, std::size_t last) const {
    ast::Tokens out;
    if (first == INVALID_INDEX || last == INVALID_INDEX || last < first) {
        return out;
    }
    out.reserve(last - first + 1);
    for (std::size_t i = first; i <= last; ++i) {
        antlr4::Token* t = tokens_.get(i);
        if (t->getType() == antlr4::Token::EOF) {
            break;
        }
        ast::Token token;
        token.kind = kind_of(t->getType());
        token.offset = offset(t);
        token.end = end(t);
        std::string_view raw = text_.substr(token.offset, token.end - token.offset);
        token.text = token.kind == ast::TokenKind::quoted ? unquote_identifier(raw) : std::string(raw);
        out.push_back(std::move(token));
    }
    return out;
}

ast::Tokens AstBuilder::tokens_of(antlr4::ParserRuleContext* ctx) const {
    if (ctx == nullptr || ctx->getStart() == nullptr || ctx->getStop() == nullptr) {
        return {};
    }
    return tokens(ctx->getStart()->getTokenIndex(), ctx->getStop()->getTokenIndex());
}

ast::Tokens AstBuilder::clauses_before_do(antlr4::ParserRuleContext* after, antlr4::ParserRuleContext* body) const {
    if (after == nullptr || after->getStop() == nullptr || body == nullptr || body->getStart() == nullptr) {
        return {};
    }
    std::size_t first = after->getStop()->getTokenIndex() + 1;
    std::size_t stop = body->getStart()->getTokenIndex();
    ast::Tokens out = stop > first ? tokens(first, stop - 1) : ast::Tokens{};
    if (!out.empty() && upper(out.back().text) == "DO") {
        out.pop_back();  // the DO that introduces the body
    }
    return out;
}

ast::Expr AstBuilder::inner(P::ParenthesizedContext* ctx) const {
    ast::Expr expr;
    if (ctx == nullptr) {
        return expr;
    }
    expr.offset = offset(ctx);
    std::size_t first = ctx->getStart()->getTokenIndex();
    std::size_t last = ctx->getStop()->getTokenIndex();
    if (last > first + 1) {
        expr.tokens = tokens(first + 1, last - 1);
        expr.offset = expr.tokens.front().offset;
    }
    return expr;
}

std::string AstBuilder::identifier(P::IdentifierContext* ctx) const {
    if (ctx == nullptr) {
        return {};
    }
    antlr4::Token* t = ctx->getStart();
    std::string_view raw = text_.substr(offset(t), end(t) - offset(t));
    if (t->getType() == MySqlLexer::BACKQUOTED_ID) {
        return unquote_identifier(raw);
    }
    return std::string(raw);
}

ast::Name AstBuilder::name(P::QualifiedNameContext* ctx) const {
    ast::Name n;
    if (ctx == nullptr) {
        return n;
    }
    n.offset = offset(ctx);
    auto parts = ctx->identifier();
    if (parts.size() == 2) {
        n.schema = identifier(parts[0]);
        n.name = identifier(parts[1]);
    } else if (!parts.empty()) {
        n.name = identifier(parts[0]);
    }
    return n;
}

std::vector<std::string> AstBuilder::identifiers(P::ColumnListContext* ctx) const {
    std::vector<std::string> out;
    if (ctx != nullptr) {
        for (auto* id : ctx->identifier()) {
            out.push_back(identifier(id));
        }
    }
    return out;
}

std::string AstBuilder::string_value(P::StringLiteralContext* ctx, std::string* introducer) const {
    if (ctx == nullptr) {
        return {};
    }
    std::string value;
    for (auto* child : ctx->children) {
        auto* node = dynamic_cast<antlr4::tree::TerminalNode*>(child);
        if (node == nullptr) {
            continue;
        }
        antlr4::Token* t = node->getSymbol();
        std::string_view raw = text_.substr(offset(t), end(t) - offset(t));
        if (t->getType() == MySqlLexer::INTRODUCED_STRING && introducer != nullptr) {
            std::size_t k = 1;
            while (k < raw.size() && (std::isalnum(static_cast<unsigned char>(raw[k])) != 0)) {
                ++k;
            }
            *introducer = lower(std::string(raw.substr(0, k)));
        }
        value += unescape_string(raw);
    }
    return value;
}

std::string AstBuilder::token_string(P::StringTokenContext* ctx) const {
    if (ctx == nullptr) {
        return {};
    }
    antlr4::Token* t = ctx->getStart();
    return unescape_string(text_.substr(offset(t), end(t) - offset(t)));
}

std::string AstBuilder::user(P::DefinerClauseContext* ctx) const {
    if (ctx == nullptr) {
        return {};
    }
    P::UserNameContext* u = ctx->userName();
    if (u->CURRENT_USER() != nullptr) {
        return "CURRENT_USER";
    }
    std::string name;
    if (u->identifier() != nullptr) {
        name = identifier(u->identifier());
    } else {
        antlr4::Token* t = u->getStart();
        name = unescape_string(text_.substr(offset(t), end(t) - offset(t)));
    }
    if (u->USER_VARIABLE() != nullptr) {
        antlr4::Token* t = u->USER_VARIABLE()->getSymbol();
        std::string_view host = text_.substr(offset(t) + 1, end(t) - offset(t) - 1);
        std::string h = !host.empty() && host[0] == '`' ? unquote_identifier(host)
                        : !host.empty() && (host[0] == '\'' || host[0] == '"') ? unescape_string(host)
                                                                                : std::string(host);
        return name + "@" + h;
    }
    return name;
}

// ---------------------------------------------------------------------------------------

std::vector<ast::Statement> AstBuilder::build(P::ScriptContext* script) {
    std::vector<ast::Statement> out;
    for (auto* st : script->statement()) {
        out.push_back(statement(st));
    }
    return out;
}

ast::Statement AstBuilder::statement(P::StatementContext* ctx) {
    ast::Statement st;
    st.offset = offset(ctx->getStart());
    st.end = end(ctx->getStop());
    if (auto* c = ctx->createTable()) {
        st.body = create_table(c);
    } else if (auto* c = ctx->alterTable()) {
        st.body = alter_table(c);
    } else if (auto* c = ctx->dropTable()) {
        ast::DropTable d;
        d.temporary = c->TEMPORARY() != nullptr;
        d.if_exists = c->ifExists() != nullptr;
        for (auto* n : c->tableName()) {
            d.names.push_back(name(n));
        }
        st.body = std::move(d);
    } else if (auto* c = ctx->renameTable()) {
        ast::RenameTable r;
        for (auto* pair : c->renamePair()) {
            r.pairs.emplace_back(name(pair->tableName(0)), name(pair->tableName(1)));
        }
        st.body = std::move(r);
    } else if (auto* c = ctx->createIndex()) {
        ast::CreateIndex ci;
        ci.or_replace = c->OR() != nullptr;
        ast::KeyDef& k = ci.key;
        k.kind = c->UNIQUE() != nullptr     ? ast::KeyKind::unique
                 : c->FULLTEXT() != nullptr ? ast::KeyKind::fulltext
                 : c->SPATIAL() != nullptr  ? ast::KeyKind::spatial
                                            : ast::KeyKind::index;
        k.if_not_exists = c->ifNotExists() != nullptr;
        k.index_name = identifier(c->identifier());
        k.offset = offset(c->identifier());
        if (c->indexType() != nullptr) {
            k.method = upper(c->indexType()->getStop()->getText());
        }
        k.parts = key_parts(c->keyPartList());
        index_options(k, c->indexOption());
        ci.table = name(c->tableName());
        st.body = std::move(ci);
    } else if (auto* c = ctx->dropIndex()) {
        ast::DropIndex d;
        d.name = identifier(c->identifier());
        d.name_offset = offset(c->identifier());
        d.table = name(c->tableName());
        d.if_exists = c->ifExists() != nullptr;
        st.body = std::move(d);
    } else if (auto* c = ctx->createView()) {
        ast::CreateView v = create_view(c->viewAttributes(), c->tableName(), c->columnList(), c->viewQuery());
        v.or_replace = c->OR() != nullptr;
        v.if_not_exists = c->ifNotExists() != nullptr;
        st.body = std::move(v);
    } else if (auto* c = ctx->alterView()) {
        ast::CreateView v = create_view(c->viewAttributes(), c->tableName(), c->columnList(), c->viewQuery());
        v.alter = true;
        st.body = std::move(v);
    } else if (auto* c = ctx->dropView()) {
        ast::DropView d;
        d.if_exists = c->ifExists() != nullptr;
        for (auto* n : c->tableName()) {
            d.names.push_back(name(n));
        }
        st.body = std::move(d);
    } else if (auto* c = ctx->createTrigger()) {
        ast::CreateTrigger t;
        t.name = name(c->qualifiedName());
        t.or_replace = c->OR() != nullptr;
        t.if_not_exists = c->ifNotExists() != nullptr;
        t.definer = user(c->definerClause());
        t.timing = c->BEFORE() != nullptr ? "BEFORE" : "AFTER";
        t.event = c->INSERT() != nullptr ? "INSERT" : c->UPDATE() != nullptr ? "UPDATE" : "DELETE";
        t.table = name(c->tableName());
        if (auto* order = c->triggerOrder()) {
            t.order = (order->FOLLOWS() != nullptr ? "FOLLOWS " : "PRECEDES ") + identifier(order->identifier());
        }
        t.body = routine_body(c->routineBody());
        st.body = std::move(t);
    } else if (auto* c = ctx->dropTrigger()) {
        st.body = ast::DropTrigger{name(c->qualifiedName()), c->ifExists() != nullptr};
    } else if (auto* c = ctx->createProcedure()) {
        ast::CreateRoutine r;
        r.or_replace = c->OR() != nullptr;
        r.if_not_exists = c->ifNotExists() != nullptr;
        r.name = name(c->qualifiedName());
        r.definer = user(c->definerClause());
        for (auto* p : c->routineParameter()) {
            ast::RoutineParameter param;
            param.mode = p->IN() != nullptr ? "IN" : p->OUT() != nullptr ? "OUT" : p->INOUT() != nullptr ? "INOUT" : "";
            param.name = identifier(p->identifier());
            param.type = data_type(p->dataType());
            r.parameters.push_back(std::move(param));
        }
        r.characteristics = characteristics(c->routineCharacteristic());
        r.body = routine_body(c->routineBody());
        st.body = std::move(r);
    } else if (auto* c = ctx->createFunction()) {
        ast::CreateRoutine r;
        r.function = true;
        r.or_replace = c->OR() != nullptr;
        r.if_not_exists = c->ifNotExists() != nullptr;
        r.aggregate = c->AGGREGATE() != nullptr;
        r.name = name(c->qualifiedName());
        r.definer = user(c->definerClause());
        for (auto* p : c->routineParameter()) {
            ast::RoutineParameter param;
            param.name = identifier(p->identifier());
            param.type = data_type(p->dataType());
            r.parameters.push_back(std::move(param));
        }
        r.returns = return_type(c->returnType());
        r.characteristics = characteristics(c->routineCharacteristic());
        r.body = routine_body(c->routineBody());
        st.body = std::move(r);
    } else if (auto* c = ctx->createLoadableFunction()) {
        st.body = ast::Unmodeled{"CREATE FUNCTION ... SONAME", tokens_of(c)};
    } else if (auto* c = ctx->alterRoutine()) {
        ast::AlterRoutine a;
        a.function = c->FUNCTION() != nullptr;
        a.name = name(c->qualifiedName());
        a.characteristics = characteristics(c->routineCharacteristic());
        st.body = std::move(a);
    } else if (auto* c = ctx->dropRoutine()) {
        st.body = ast::DropRoutine{c->FUNCTION() != nullptr, name(c->qualifiedName()), c->ifExists() != nullptr};
    } else if (auto* c = ctx->createEvent()) {
        ast::Event e;
        e.name = name(c->qualifiedName());
        e.or_replace = c->OR() != nullptr;
        e.if_not_exists = c->ifNotExists() != nullptr;
        e.definer = user(c->definerClause());
        e.clauses = clauses_before_do(c->qualifiedName(), c->routineBody());
        e.body = routine_body(c->routineBody());
        e.tokens = tokens_of(c);
        st.body = std::move(e);
    } else if (auto* c = ctx->alterEvent()) {
        ast::Event e;
        e.op = ast::Event::Op::alter;
        e.name = name(c->qualifiedName());
        e.definer = user(c->definerClause());
        if (c->routineBody() != nullptr) {
            e.clauses = clauses_before_do(c->qualifiedName(), c->routineBody());
            e.body = routine_body(c->routineBody());
        } else {
            std::size_t first = c->qualifiedName()->getStop()->getTokenIndex() + 1;
            std::size_t last = c->getStop()->getTokenIndex();
            if (last >= first) {
                e.clauses = tokens(first, last);
            }
        }
        e.tokens = tokens_of(c);
        st.body = std::move(e);
    } else if (auto* c = ctx->dropEvent()) {
        ast::Event e;
        e.op = ast::Event::Op::drop;
        e.name = name(c->qualifiedName());
        e.if_exists = c->ifExists() != nullptr;
        e.tokens = tokens_of(c);
        st.body = std::move(e);
    } else if (auto* c = ctx->createDatabase()) {
        ast::Database d = database_options(c->databaseOption());
        d.op = ast::Database::Op::create;
        d.name = identifier(c->identifier());
        d.name_offset = offset(c->identifier());
        d.or_replace = c->OR() != nullptr;
        d.if_not_exists = c->ifNotExists() != nullptr;
        st.body = std::move(d);
    } else if (auto* c = ctx->alterDatabase()) {
        ast::Database d = database_options(c->databaseOption());
        d.op = ast::Database::Op::alter;
        if (c->identifier() != nullptr) {
            d.name = identifier(c->identifier());
            d.name_offset = offset(c->identifier());
        }
        if (c->UPGRADE() != nullptr) {
            st.body = ast::Skipped{"ALTER DATABASE ... UPGRADE DATA DIRECTORY NAME"};
        } else {
            st.body = std::move(d);
        }
    } else if (auto* c = ctx->dropDatabase()) {
        ast::Database d;
        d.op = ast::Database::Op::drop;
        d.name = identifier(c->identifier());
        d.name_offset = offset(c->identifier());
        d.if_exists = c->ifExists() != nullptr;
        st.body = std::move(d);
    } else if (auto* c = ctx->useDatabase()) {
        ast::Database d;
        d.op = ast::Database::Op::use;
        d.name = identifier(c->identifier());
        d.name_offset = offset(c->identifier());
        st.body = std::move(d);
    } else if (auto* c = ctx->setStatement()) {
        ast::Set s;
        std::size_t first = c->getStart()->getTokenIndex() + 1;
        std::size_t last = c->getStop()->getTokenIndex();
        if (last >= first) {
            s.tokens = tokens(first, last);
        }
        st.body = std::move(s);
    } else if (auto* c = ctx->dataStatement()) {
        std::string kind = upper(c->getStart()->getText());
        if (kind == "(") {
            kind = "SELECT";
        } else if ((kind == "LOCK" || kind == "UNLOCK") && c->getStop()->getTokenIndex() > c->getStart()->getTokenIndex()) {
            kind += " " + upper(tokens_.get(c->getStart()->getTokenIndex() + 1)->getText());
        }
        st.body = ast::Skipped{kind};
    } else if (auto* c = ctx->unmodeledStatement()) {
        ast::Tokens all = tokens_of(c);
        // GRANT, REVOKE; CREATE USER, DROP SERVER, CREATE SPATIAL REFERENCE ...
        std::string kind = upper(all.front().text);
        if (kind == "CREATE" || kind == "ALTER" || kind == "DROP" || kind == "RENAME") {
            std::size_t i = 1;
            while (i < all.size() && (upper(all[i].text) == "OR" || upper(all[i].text) == "REPLACE")) {
                ++i;
            }
            if (i < all.size()) {
                kind += " " + upper(all[i].text);
            }
        }
        st.body = ast::Unmodeled{kind, std::move(all)};
    }
    return st;
}

// ---------------------------------------------------------------------------------------
// CREATE TABLE

ast::CreateTable AstBuilder::create_table(P::CreateTableContext* ctx) {
    ast::CreateTable t;
    auto names = ctx->tableName();
    t.name = name(names.front());
    t.or_replace = ctx->OR() != nullptr;
    t.temporary = ctx->TEMPORARY() != nullptr;
    t.if_not_exists = ctx->ifNotExists() != nullptr;
    if (ctx->likeTable != nullptr) {
        t.like = name(ctx->likeTable);
        return t;
    }
    for (auto* element : ctx->tableElement()) {
        if (auto* col = element->columnDefinition()) {
            t.columns.push_back(column(col));
        } else {
            t.keys.push_back(key(element->keyDefinition()));
        }
    }
    if (auto* options = ctx->createTableOptions()) {
        for (auto* option : options->tableOption()) {
            t.options.push_back(table_option(option));
        }
    }
    if (auto* partition = ctx->partitionClause()) {
        t.partition = tokens_of(partition);
    }
    t.as_select = ctx->createTableSelect() != nullptr;
    if (t.as_select) {
        t.tokens = tokens_of(ctx);
    }
    return t;
}

ast::ColumnDef AstBuilder::column(P::ColumnDefinitionContext* ctx) {
    ast::ColumnDef col;
    col.name = identifier(ctx->identifier());
    col.offset = offset(ctx);
    col.line_end = end(ctx->getStop());
    col.type = data_type(ctx->dataType());
    // The alternative of each attribute is known from its first token (cheaper than trying
    // each labeled context type in turn).
    for (auto* a : ctx->columnAttribute()) {
        switch (a->getStart()->getType()) {
            case MySqlLexer::NOT:
            case MySqlLexer::NULL_SYM:
                col.nullable = static_cast<P::NullAttributeContext*>(a)->NOT() == nullptr;
                break;
            case MySqlLexer::DEFAULT:
                col.default_value = default_value(static_cast<P::DefaultAttributeContext*>(a)->defaultValue());
                break;
            case MySqlLexer::ON:
                col.on_update = current_timestamp(static_cast<P::OnUpdateAttributeContext*>(a)->currentTimestamp());
                break;
            case MySqlLexer::AUTO_INCREMENT: col.auto_increment = true; break;
            case MySqlLexer::SERIAL: col.serial_default_value = true; break;
            case MySqlLexer::UNIQUE: col.unique_key = true; break;
            case MySqlLexer::PRIMARY:
            case MySqlLexer::KEY: col.primary_key = true; break;
            case MySqlLexer::COMMENT:
                col.comment = string_value(static_cast<P::CommentAttributeContext*>(a)->stringLiteral());
                break;
            case MySqlLexer::COLLATE: {
                P::CollationNameContext* n = static_cast<P::CollateAttributeContext*>(a)->collationName();
                col.collation = lower(n->stringToken() != nullptr ? token_string(n->stringToken())
                                      : n->identifier() != nullptr ? identifier(n->identifier())
                                                                   : n->getText());
                break;
            }
            case MySqlLexer::COLUMN_FORMAT: col.column_format = upper(a->getStop()->getText()); break;
            case MySqlLexer::STORAGE: col.storage = upper(a->getStop()->getText()); break;
            case MySqlLexer::GENERATED:
            case MySqlLexer::AS: {
                auto* x = static_cast<P::GeneratedAttributeContext*>(a);
                col.generated = inner(x->parenthesized());
                col.stored = x->STORED() != nullptr || x->PERSISTENT() != nullptr;
                break;
            }
            case MySqlLexer::VISIBLE:
            case MySqlLexer::INVISIBLE: col.invisible = a->getStart()->getType() == MySqlLexer::INVISIBLE; break;
            case MySqlLexer::SRID:
                col.srid = std::stoll(static_cast<P::SridAttributeContext*>(a)->INTEGER_NUM()->getText());
                break;
            case MySqlLexer::CONSTRAINT:
            case MySqlLexer::CHECK: {
                auto* x = static_cast<P::CheckAttributeContext*>(a);
                ast::KeyDef check;
                check.kind = ast::KeyKind::check;
                check.offset = offset(x);
                check.has_constraint = x->CONSTRAINT() != nullptr;
                check.constraint_name = identifier(x->identifier());
                check.check = inner(x->parenthesized());
                if (x->ENFORCED() != nullptr) {
                    check.enforced = x->NOT() == nullptr;
                }
                col.checks.push_back(std::move(check));
                break;
            }
            case MySqlLexer::REFERENCES: {
                auto* x = static_cast<P::ReferencesAttributeContext*>(a);
                ast::KeyDef fk;
                fk.kind = ast::KeyKind::foreign;
                fk.offset = offset(x);
                fk.columns = {col.name};
                fk.references = references(x->referencesClause());
                col.references = std::move(fk);
                break;
            }
            case MySqlLexer::ENGINE_ATTRIBUTE:
            case MySqlLexer::SECONDARY_ENGINE_ATTRIBUTE:
                col.engine_attribute = string_value(static_cast<P::EngineAttributeContext*>(a)->stringLiteral());
                break;
            default: break;
        }
    }
    return col;
}

ast::DataType AstBuilder::data_type(P::DataTypeContext* ctx) {
    ast::DataType t;
    t.offset = offset(ctx);
    P::TypeNameContext* n = ctx->typeName();
    if (n->LONG() != nullptr) {
        t.name = "long";
        if (n->VARBINARY() != nullptr) {
            t.name += " varbinary";
        } else if (n->VARCHAR() != nullptr) {
            t.name += " varchar";
        } else if (n->VARCHARACTER() != nullptr) {
            t.name += " varcharacter";
        }
    } else {
        P::TypeWordContext* w = n->typeWord();
        std::string word = w->BACKQUOTED_ID() != nullptr ? unquote_identifier(w->getText()) : w->getText();
        t.name = (n->NATIONAL() != nullptr ? "national " : "") + lower(word);
        if (n->VARYING() != nullptr) {
            t.name += " varying";
        } else if (n->PRECISION() != nullptr) {
            t.name += " precision";
        }
    }
    if (auto* args = ctx->typeArguments()) {
        for (auto* arg : args->typeArgument()) {
            if (arg->stringLiteral() != nullptr) {
                t.labels = true;
                t.args.push_back(string_value(arg->stringLiteral()));
            } else {
                t.args.push_back(arg->getText());
            }
        }
    }
    for (auto* flag : ctx->typeFlag()) {
        if (flag->UNSIGNED() != nullptr) {
            t.is_unsigned = true;
        } else if (flag->ZEROFILL() != nullptr) {
            t.zerofill = true;
        } else if (flag->BINARY() != nullptr) {
            t.binary = true;
        } else if (flag->ASCII() != nullptr) {
            t.ascii = true;
        } else if (flag->UNICODE() != nullptr) {
            t.unicode = true;
        } else if (flag->BYTE() != nullptr) {
            t.byte = true;
        } else if (auto* cs = flag->charsetName()) {
            t.charset = lower(cs->stringToken() != nullptr ? token_string(cs->stringToken())
                              : cs->identifier() != nullptr  ? identifier(cs->identifier())
                                                             : cs->getText());
        }
    }
    return t;
}

ast::DataType AstBuilder::return_type(P::ReturnTypeContext* ctx) {
    ast::DataType t;
    t.offset = offset(ctx);
    P::ReturnTypeNameContext* n = ctx->returnTypeName();
    if (n->LONG() != nullptr) {
        t.name = "long";
        if (n->VARBINARY() != nullptr) {
            t.name += " varbinary";
        } else if (n->VARCHAR() != nullptr) {
            t.name += " varchar";
        } else if (n->VARCHARACTER() != nullptr) {
            t.name += " varcharacter";
        }
    } else {
        P::TypeWordContext* w = n->typeWord();
        std::string word = w->BACKQUOTED_ID() != nullptr ? unquote_identifier(w->getText()) : w->getText();
        t.name = (n->NATIONAL() != nullptr ? "national " : "") + lower(word);
        if (n->VARYING() != nullptr) {
            t.name += " varying";
        } else if (n->PRECISION() != nullptr) {
            t.name += " precision";
        }
    }
    for (auto* arg : ctx->typeArgument()) {
        if (arg->stringLiteral() != nullptr) {
            t.labels = true;
            t.args.push_back(string_value(arg->stringLiteral()));
        } else {
            t.args.push_back(arg->getText());
        }
    }
    for (auto* flag : ctx->returnTypeFlag()) {
        if (flag->UNSIGNED() != nullptr) {
            t.is_unsigned = true;
        } else if (flag->ZEROFILL() != nullptr) {
            t.zerofill = true;
        } else if (flag->BINARY() != nullptr) {
            t.binary = true;
        } else if (flag->ASCII() != nullptr) {
            t.ascii = true;
        } else if (flag->UNICODE() != nullptr) {
            t.unicode = true;
        } else if (flag->BYTE() != nullptr) {
            t.byte = true;
        } else if (auto* cs = flag->charsetName()) {
            t.charset = lower(cs->stringToken() != nullptr ? token_string(cs->stringToken())
                              : cs->identifier() != nullptr  ? identifier(cs->identifier())
                                                             : cs->getText());
        }
    }
    return t;
}

ast::DefaultValue AstBuilder::current_timestamp(P::CurrentTimestampContext* ctx) {
    ast::DefaultValue v;
    v.offset = offset(ctx);
    if (ctx->identifier() != nullptr && lower(identifier(ctx->identifier())) != "now") {
        // name() / name(n) of another function (uuid(), curdate()): a function default.
        v.kind = ast::DefaultValue::Kind::function;
        v.name = lower(identifier(ctx->identifier()));
        if (ctx->INTEGER_NUM() != nullptr) {
            v.expr.tokens = tokens(ctx->INTEGER_NUM()->getSymbol()->getTokenIndex(),
                                   ctx->INTEGER_NUM()->getSymbol()->getTokenIndex());
        }
        return v;
    }
    v.kind = ast::DefaultValue::Kind::now;
    v.name = lower(ctx->getStart()->getText());
    if (ctx->INTEGER_NUM() != nullptr) {
        v.text = ctx->INTEGER_NUM()->getText();
    }
    return v;
}

ast::DefaultValue AstBuilder::default_value(P::DefaultValueContext* ctx) {
    ast::DefaultValue v;
    v.offset = offset(ctx);
    using Kind = ast::DefaultValue::Kind;
    if (ctx->NULL_SYM() != nullptr) {
        v.kind = Kind::null;
    } else if (ctx->TRUE_SYM() != nullptr || ctx->FALSE_SYM() != nullptr) {
        v.kind = Kind::boolean;
        v.text = ctx->TRUE_SYM() != nullptr ? "1" : "0";
    } else if (ctx->number() != nullptr) {
        v.kind = Kind::number;
        v.text = (ctx->MINUS() != nullptr ? "-" : "") + ctx->number()->getText();
    } else if (ctx->stringLiteral() != nullptr) {
        v.kind = Kind::string;
        v.text = string_value(ctx->stringLiteral(), &v.introducer);
    } else if (ctx->HEX_STRING() != nullptr) {
        v.kind = Kind::hex;
        v.text = literal_digits(ctx->HEX_STRING()->getText());
    } else if (ctx->BIT_STRING() != nullptr) {
        v.kind = Kind::bit;
        v.text = literal_digits(ctx->BIT_STRING()->getText());
    } else if (ctx->currentTimestamp() != nullptr) {
        return current_timestamp(ctx->currentTimestamp());
    } else if (ctx->builtinValue() != nullptr) {
        v.kind = Kind::builtin;
        v.name = lower(ctx->builtinValue()->getText());
    } else if (ctx->identifier() != nullptr) {
        v.kind = Kind::function;
        v.name = lower(identifier(ctx->identifier()));
        v.expr = inner(ctx->parenthesized());
    } else if (ctx->parenthesized() != nullptr) {
        v.kind = Kind::expression;
        v.expr = inner(ctx->parenthesized());
    }
    return v;
}

std::vector<ast::KeyPart> AstBuilder::key_parts(P::KeyPartListContext* ctx) {
    std::vector<ast::KeyPart> parts;
    for (auto* p : ctx->keyPart()) {
        ast::KeyPart part;
        part.offset = offset(p);
        if (p->identifier() != nullptr) {
            part.column = identifier(p->identifier());
            if (p->INTEGER_NUM() != nullptr) {
                part.length = std::stoll(p->INTEGER_NUM()->getText());
            }
        } else {
            part.expression = inner(p->parenthesized());
        }
        part.desc = p->DESC() != nullptr;
        parts.push_back(std::move(part));
    }
    return parts;
}

void AstBuilder::index_options(ast::KeyDef& key, const std::vector<P::IndexOptionContext*>& options) {
    for (auto* o : options) {
        if (o->KEY_BLOCK_SIZE() != nullptr) {
            key.key_block_size = std::stoll(o->INTEGER_NUM()->getText());
        } else if (o->indexType() != nullptr) {
            key.method = upper(o->indexType()->getStop()->getText());
        } else if (o->PARSER() != nullptr) {
            key.parser = lower(identifier(o->identifier()));
        } else if (o->COMMENT() != nullptr) {
            key.comment = string_value(o->stringLiteral());
        } else if (o->VISIBLE() != nullptr) {
            key.invisible = false;
        } else if (o->INVISIBLE() != nullptr) {
            key.invisible = true;
        } else if (o->IGNORED() != nullptr) {
            key.ignored = o->NOT() == nullptr;
        } else if (o->ENGINE_ATTRIBUTE() != nullptr) {
            key.engine_attribute = string_value(o->stringLiteral());
        }
    }
}

ast::ForeignKeyTarget AstBuilder::references(P::ReferencesClauseContext* ctx) {
    ast::ForeignKeyTarget r;
    r.offset = offset(ctx);
    r.table = name(ctx->tableName());
    r.columns = identifiers(ctx->columnList());
    if (ctx->MATCH() != nullptr) {
        r.match = ctx->FULL() != nullptr ? "FULL" : ctx->PARTIAL() != nullptr ? "PARTIAL" : "SIMPLE";
    }
    for (auto* action : ctx->referentialAction()) {
        std::string what = action->RESTRICT() != nullptr  ? "RESTRICT"
                           : action->CASCADE() != nullptr ? "CASCADE"
                           : action->NULL_SYM() != nullptr ? "SET NULL"
                           : action->SET() != nullptr      ? "SET DEFAULT"
                                                           : "NO ACTION";
        (action->DELETE() != nullptr ? r.on_delete : r.on_update) = what;
    }
    return r;
}

ast::KeyDef AstBuilder::key(P::KeyDefinitionContext* ctx) {
    ast::KeyDef k;
    k.offset = offset(ctx);
    auto constraint = [&](P::ConstraintNameContext* c) {
        if (c != nullptr) {
            k.has_constraint = true;
            k.constraint_name = identifier(c->identifier());
            k.if_not_exists = k.if_not_exists || c->ifNotExists() != nullptr;
        }
    };
    auto method = [&](P::IndexTypeContext* t) {
        if (t != nullptr) {
            k.method = upper(t->getStop()->getText());
        }
    };
    if (auto* x = as<P::PrimaryKeyDefinitionContext>(ctx)) {
        k.kind = ast::KeyKind::primary;
        constraint(x->constraintName());
        method(x->indexType());
        k.parts = key_parts(x->keyPartList());
        index_options(k, x->indexOption());
    } else if (auto* x = as<P::UniqueKeyDefinitionContext>(ctx)) {
        k.kind = ast::KeyKind::unique;
        constraint(x->constraintName());
        k.if_not_exists = k.if_not_exists || x->ifNotExists() != nullptr;
        k.index_name = identifier(x->identifier());
        method(x->indexType());
        k.parts = key_parts(x->keyPartList());
        index_options(k, x->indexOption());
    } else if (auto* x = as<P::IndexDefinitionContext>(ctx)) {
        k.kind = ast::KeyKind::index;
        k.if_not_exists = x->ifNotExists() != nullptr;
        k.index_name = identifier(x->identifier());
        method(x->indexType());
        k.parts = key_parts(x->keyPartList());
        index_options(k, x->indexOption());
    } else if (auto* x = as<P::SpecialIndexDefinitionContext>(ctx)) {
        k.kind = x->FULLTEXT() != nullptr ? ast::KeyKind::fulltext : ast::KeyKind::spatial;
        k.if_not_exists = x->ifNotExists() != nullptr;
        k.index_name = identifier(x->identifier());
        k.parts = key_parts(x->keyPartList());
        index_options(k, x->indexOption());
    } else if (auto* x = as<P::ForeignKeyDefinitionContext>(ctx)) {
        k.kind = ast::KeyKind::foreign;
        constraint(x->constraintName());
        k.if_not_exists = k.if_not_exists || x->ifNotExists() != nullptr;
        k.index_name = identifier(x->identifier());
        k.columns = identifiers(x->columnList());
        k.references = references(x->referencesClause());
    } else if (auto* x = as<P::CheckDefinitionContext>(ctx)) {
        k.kind = ast::KeyKind::check;
        constraint(x->constraintName());
        k.check = inner(x->parenthesized());
        if (x->ENFORCED() != nullptr) {
            k.enforced = x->NOT() == nullptr;
        }
    }
    return k;
}

ast::TableOption AstBuilder::table_option(P::TableOptionContext* ctx) {
    ast::TableOption o;
    o.offset = offset(ctx);
    auto word_or_string = [&](P::IdentifierContext* id, P::StringLiteralContext* s) {
        return s != nullptr ? string_value(s) : identifier(id);
    };
    if (auto* x = as<P::EngineOptionContext>(ctx)) {
        o.name = "engine";
        o.value = word_or_string(x->identifier(), x->stringLiteral());
    } else if (auto* x = as<P::CharsetOptionContext>(ctx)) {
        o.name = "charset";
        P::CharsetNameContext* n = x->charsetName();
        o.value = lower(n->stringToken() != nullptr ? token_string(n->stringToken())
                        : n->identifier() != nullptr  ? identifier(n->identifier())
                                                      : n->getText());
    } else if (auto* x = as<P::CollateOptionContext>(ctx)) {
        o.name = "collate";
        P::CollationNameContext* n = x->collationName();
        o.value = lower(n->stringToken() != nullptr ? token_string(n->stringToken())
                        : n->identifier() != nullptr  ? identifier(n->identifier())
                                                      : n->getText());
    } else if (auto* x = as<P::AutoIncrementOptionContext>(ctx)) {
        o.name = "auto_increment";
        o.value = x->INTEGER_NUM()->getText();
    } else if (auto* x = as<P::CommentOptionContext>(ctx)) {
        o.name = "comment";
        o.value = string_value(x->stringLiteral());
    } else if (auto* x = as<P::RowFormatOptionContext>(ctx)) {
        o.name = "row_format";
        o.value = x->identifier() != nullptr ? identifier(x->identifier()) : "DEFAULT";
    } else if (auto* x = as<P::KeyBlockSizeOptionContext>(ctx)) {
        o.name = "key_block_size";
        o.value = x->INTEGER_NUM()->getText();
    } else if (auto* x = as<P::NumericOptionContext>(ctx)) {
        o.name = lower(x->getStart()->getText());
        o.value = x->INTEGER_NUM() != nullptr ? x->INTEGER_NUM()->getText() : "DEFAULT";
    } else if (auto* x = as<P::StringOptionContext>(ctx)) {
        o.name = lower(x->getStart()->getText());
        o.value = string_value(x->stringLiteral());
    } else if (auto* x = as<P::DirectoryOptionContext>(ctx)) {
        o.name = x->DATA() != nullptr ? "data_directory" : "index_directory";
        o.value = string_value(x->stringLiteral());
    } else if (auto* x = as<P::InsertMethodOptionContext>(ctx)) {
        o.name = "insert_method";
        o.value = upper(identifier(x->identifier()));
    } else if (auto* x = as<P::TablespaceOptionContext>(ctx)) {
        o.name = "tablespace";
        o.value = identifier(x->identifier());
        if (x->STORAGE() != nullptr) {
            o.value += " STORAGE " + upper(x->getStop()->getText());
        }
    } else if (auto* x = as<P::UnionOptionContext>(ctx)) {
        o.name = "union";
        for (auto* n : x->tableName()) {
            ast::Name tn = name(n);
            o.value += (o.value.empty() ? "" : ",") + (tn.schema.empty() ? tn.name : tn.schema + "." + tn.name);
        }
    } else if (auto* x = as<P::GenericOptionContext>(ctx)) {
        o.name = lower(x->IDENTIFIER()->getText());
        if (x->stringLiteral() != nullptr) {
            o.value = string_value(x->stringLiteral());
        } else if (x->identifier() != nullptr) {
            o.value = identifier(x->identifier());
        } else if (x->number() != nullptr) {
            o.value = (x->MINUS() != nullptr ? "-" : "") + x->number()->getText();
        } else {
            o.value = "DEFAULT";
        }
    }
    return o;
}

// ---------------------------------------------------------------------------------------
// ALTER TABLE

ast::AlterTable AstBuilder::alter_table(P::AlterTableContext* ctx) {
    ast::AlterTable a;
    a.name = name(ctx->tableName());
    a.if_exists = ctx->ifExists() != nullptr;
    P::AlterTableBodyContext* body = ctx->alterTableBody();
    if (body == nullptr) {
        return a;
    }
    for (auto* item : body->alterItem()) {
        a.actions.push_back(alter_item(item));
        // ADD (a int, b int): one action per column, in order.
        for (auto& more : extra_) {
            a.actions.push_back(std::move(more));
        }
        extra_.clear();
    }
    if (auto* partition = body->partitionClause()) {
        a.partition = tokens_of(partition);
        a.partition_offset = offset(partition);
    }
    if (auto* op = body->partitionOperation()) {
        a.partition_operation = upper(op->getStart()->getText()) + " " +
                                upper(tokens_.get(op->getStart()->getTokenIndex() + 1)->getText());
        a.partition_offset = offset(op);
    }
    return a;
}

ast::AlterAction AstBuilder::alter_item(P::AlterItemContext* ctx) {
    using Kind = ast::AlterAction::Kind;
    ast::AlterAction a;
    a.offset = offset(ctx);
    auto position = [&](P::ColumnPositionContext* p) {
        if (p != nullptr) {
            a.first = p->FIRST() != nullptr;
            a.after = identifier(p->identifier());
        }
    };
    if (auto* x = as<P::AddColumnContext>(ctx)) {
        a.kind = Kind::add_column;
        a.if_not_exists = x->ifNotExists() != nullptr;
        a.column = column(x->columnDefinition());
        position(x->columnPosition());
    } else if (auto* x = as<P::AddColumnsContext>(ctx)) {
        a.kind = Kind::add_column;
        a.if_not_exists = x->ifNotExists() != nullptr;
        auto defs = x->columnDefinition();
        a.column = column(defs.front());
        for (std::size_t i = 1; i < defs.size(); ++i) {
            ast::AlterAction more;
            more.kind = Kind::add_column;
            more.offset = offset(defs[i]);
            more.if_not_exists = a.if_not_exists;
            more.column = column(defs[i]);
            extra_.push_back(std::move(more));
        }
    } else if (auto* x = as<P::AddKeyContext>(ctx)) {
        a.kind = Kind::add_key;
        a.key = key(x->keyDefinition());
        a.if_not_exists = a.key.if_not_exists;
    } else if (auto* x = as<P::DropColumnContext>(ctx)) {
        a.kind = Kind::drop_column;
        a.name = identifier(x->identifier());
        a.if_exists = x->ifExists() != nullptr;
    } else if (as<P::DropPrimaryKeyContext>(ctx) != nullptr) {
        a.kind = Kind::drop_primary_key;
    } else if (auto* x = as<P::DropKeyContext>(ctx)) {
        a.kind = Kind::drop_key;
        a.name = identifier(x->identifier());
        a.if_exists = x->ifExists() != nullptr;
    } else if (auto* x = as<P::DropForeignKeyContext>(ctx)) {
        a.kind = Kind::drop_foreign_key;
        a.name = identifier(x->identifier());
        a.if_exists = x->ifExists() != nullptr;
    } else if (auto* x = as<P::DropConstraintContext>(ctx)) {
        a.kind = Kind::drop_constraint;
        a.name = identifier(x->identifier());
        a.if_exists = x->ifExists() != nullptr;
        a.flag = x->CHECK() != nullptr;  // DROP CHECK: only a check constraint
    } else if (auto* x = as<P::AlterColumnContext>(ctx)) {
        a.name = identifier(x->identifier());
        if (x->defaultValue() != nullptr) {
            a.kind = Kind::set_default;
            a.default_value = default_value(x->defaultValue());
        } else if (x->DROP() != nullptr) {
            a.kind = Kind::drop_default;
        } else {
            a.kind = Kind::set_column_visibility;
            a.flag = x->INVISIBLE() != nullptr;
        }
    } else if (auto* x = as<P::AlterIndexVisibilityContext>(ctx)) {
        a.name = identifier(x->identifier());
        if (x->IGNORED() != nullptr) {
            a.kind = Kind::set_index_ignored;
            a.flag = x->NOT() == nullptr;
        } else {
            a.kind = Kind::set_index_visibility;
            a.flag = x->INVISIBLE() != nullptr;
        }
    } else if (auto* x = as<P::AlterCheckContext>(ctx)) {
        a.kind = Kind::set_check_enforced;
        a.name = identifier(x->identifier());
        a.flag = x->NOT() == nullptr;
    } else if (auto* x = as<P::ChangeColumnContext>(ctx)) {
        a.kind = Kind::change_column;
        a.name = identifier(x->identifier());
        a.if_exists = x->ifExists() != nullptr;
        a.column = column(x->columnDefinition());
        position(x->columnPosition());
    } else if (auto* x = as<P::ModifyColumnContext>(ctx)) {
        a.kind = Kind::modify_column;
        a.if_exists = x->ifExists() != nullptr;
        a.column = column(x->columnDefinition());
        a.name = a.column.name;
        position(x->columnPosition());
    } else if (auto* x = as<P::RenameColumnContext>(ctx)) {
        a.kind = Kind::rename_column;
        a.name = identifier(x->identifier(0));
        a.new_name = identifier(x->identifier(1));
    } else if (auto* x = as<P::RenameKeyContext>(ctx)) {
        a.kind = Kind::rename_key;
        a.name = identifier(x->identifier(0));
        a.new_name = identifier(x->identifier(1));
    } else if (auto* x = as<P::RenameToContext>(ctx)) {
        a.kind = Kind::rename_table;
        a.new_table = name(x->tableName());
    } else if (auto* x = as<P::ConvertCharsetContext>(ctx)) {
        a.kind = Kind::convert_charset;
        P::CharsetNameContext* n = x->charsetName();
        a.charset = lower(n->stringToken() != nullptr ? token_string(n->stringToken())
                          : n->identifier() != nullptr  ? identifier(n->identifier())
                                                        : n->getText());
        if (auto* c = x->collationName()) {
            a.collation = lower(c->stringToken() != nullptr ? token_string(c->stringToken())
                                : c->identifier() != nullptr  ? identifier(c->identifier())
                                                              : c->getText());
        }
    } else if (auto* x = as<P::AlterOptionsContext>(ctx)) {
        a.kind = Kind::options;
        for (auto* option : x->tableOption()) {
            a.options.push_back(table_option(option));
        }
    } else {
        a.kind = Kind::no_effect;
    }
    return a;
}

// ---------------------------------------------------------------------------------------
// Views and routines

ast::CreateView AstBuilder::create_view(P::ViewAttributesContext* attributes, P::TableNameContext* view_name,
                                        P::ColumnListContext* columns, P::ViewQueryContext* query) {
    ast::CreateView v;
    v.name = name(view_name);
    if (attributes != nullptr) {
        if (attributes->ALGORITHM() != nullptr) {
            v.algorithm = attributes->UNDEFINED() != nullptr ? "UNDEFINED"
                          : attributes->MERGE() != nullptr   ? "MERGE"
                                                             : "TEMPTABLE";
        }
        v.definer = user(attributes->definerClause());
        if (attributes->SECURITY() != nullptr) {
            v.sql_security = attributes->INVOKER() != nullptr ? "INVOKER" : "DEFINER";
        }
    }
    v.columns = identifiers(columns);
    v.query = tokens_of(query);
    // WITH [CASCADED | LOCAL] CHECK OPTION closes the statement (13.1.23).
    auto is = [&](std::size_t from_end, std::string_view word) {
        if (v.query.size() < from_end) {
            return false;
        }
        const ast::Token& t = v.query[v.query.size() - from_end];
        return t.kind != ast::TokenKind::quoted && upper(t.text) == word;
    };
    if (is(1, "OPTION") && is(2, "CHECK")) {
        if (is(3, "WITH")) {
            v.check_option = "CASCADED";
            v.query.resize(v.query.size() - 3);
        } else if ((is(3, "CASCADED") || is(3, "LOCAL")) && is(4, "WITH")) {
            v.check_option = upper(v.query[v.query.size() - 3].text);
            v.query.resize(v.query.size() - 4);
        }
    }
    return v;
}

ast::RoutineBody AstBuilder::routine_body(P::RoutineBodyContext* ctx) {
    ast::RoutineBody body;
    body.offset = offset(ctx);
    std::uint32_t stop = end(ctx->getStop());
    body.text = std::string(text_.substr(body.offset, stop - body.offset));
    body_statements(ctx->bodyStatement(), body.statements);
    return body;
}

void AstBuilder::body_statements(P::BodyStatementContext* ctx, std::vector<ast::Tokens>& out) {
    if (ctx == nullptr) {
        return;
    }
    auto lists = [&](const std::vector<P::BodyStatementListContext*>& statement_lists) {
        for (auto* list : statement_lists) {
            for (auto* st : list->bodyStatement()) {
                body_statements(st, out);
            }
        }
    };
    auto conditions = [&](const std::vector<P::BodyConditionContext*>& conds) {
        for (auto* c : conds) {
            out.push_back(tokens_of(c));
        }
    };
    if (auto* x = as<P::BeginEndBlockContext>(ctx)) {
        if (x->bodyStatementList() != nullptr) {
            lists({x->bodyStatementList()});
        }
    } else if (auto* x = as<P::IfStatementContext>(ctx)) {
        conditions(x->bodyCondition());
        lists(x->bodyStatementList());
    } else if (auto* x = as<P::CaseStatementContext>(ctx)) {
        conditions(x->bodyCondition());
        lists(x->bodyStatementList());
    } else if (auto* x = as<P::LoopStatementContext>(ctx)) {
        lists({x->bodyStatementList()});
    } else if (auto* x = as<P::WhileStatementContext>(ctx)) {
        conditions({x->bodyCondition()});
        lists({x->bodyStatementList()});
    } else if (auto* x = as<P::RepeatStatementContext>(ctx)) {
        conditions({x->bodyCondition()});
        lists({x->bodyStatementList()});
    } else {
        out.push_back(tokens_of(ctx));
    }
}

ast::Characteristics AstBuilder::characteristics(const std::vector<P::RoutineCharacteristicContext*>& list) {
    ast::Characteristics c;
    for (auto* x : list) {
        if (x->COMMENT() != nullptr) {
            c.comment = token_string(x->stringToken());
        } else if (x->DETERMINISTIC() != nullptr) {
            c.deterministic = x->NOT() == nullptr;
        } else if (x->CONTAINS() != nullptr) {
            c.data_access = "CONTAINS SQL";
        } else if (x->NO() != nullptr) {
            c.data_access = "NO SQL";
        } else if (x->READS() != nullptr) {
            c.data_access = "READS SQL DATA";
        } else if (x->MODIFIES() != nullptr) {
            c.data_access = "MODIFIES SQL DATA";
        } else if (x->SECURITY() != nullptr) {
            c.sql_security = x->INVOKER() != nullptr ? "INVOKER" : "DEFINER";
        }
    }
    return c;
}

ast::Database AstBuilder::database_options(const std::vector<P::DatabaseOptionContext*>& options) {
    ast::Database d;
    for (auto* o : options) {
        if (auto* n = o->charsetName()) {
            d.charset = lower(n->stringToken() != nullptr ? token_string(n->stringToken())
                              : n->identifier() != nullptr  ? identifier(n->identifier())
                                                            : n->getText());
        } else if (auto* n = o->collationName()) {
            d.collation = lower(n->stringToken() != nullptr ? token_string(n->stringToken())
                                : n->identifier() != nullptr  ? identifier(n->identifier())
                                                              : n->getText());
        } else if (o->COMMENT() != nullptr) {
            d.comment = string_value(o->stringLiteral());
        }
    }
    return d;
}

}  // namespace schemerge::parser::mysql
