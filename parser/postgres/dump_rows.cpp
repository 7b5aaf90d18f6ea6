#include "parser/postgres/dump_rows.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join

#include "parser/postgres/pg_ast.hpp"
#include "parser/postgres/statement_split.hpp"

namespace schemerge::parser::postgres {

namespace {

std::string lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// The table to look for, lower-cased; schema empty when the caller gave none.
struct TableName {
    std::string schema;
    std::string name;
};

std::string unquote(std::string_view part) {
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
        std::string out;
        for (std::size_t i = 1; i + 1 < part.size(); ++i) {
            out += part[i];
            if (part[i] == '"' && i + 2 < part.size() && part[i + 1] == '"') {
                ++i;  // "" inside a quoted identifier is one "
            }
        }
        return out;
    }
    return std::string{part};
}

TableName parse_table_name(std::string_view table) {
    bool quoted = false;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i] == '"') {
            quoted = !quoted;
        } else if (table[i] == '.' && !quoted) {
            return {lower(unquote(table.substr(0, i))), lower(unquote(table.substr(i + 1)))};
        }
    }
    return {{}, lower(unquote(table))};
}

bool matches(const PgQuery__RangeVar* relation, const TableName& wanted) {
    if (relation == nullptr || relation->relname == nullptr || lower(relation->relname) != wanted.name) {
        return false;
    }
    if (wanted.schema.empty()) {
        return true;
    }
    std::string_view schema = relation->schemaname != nullptr ? relation->schemaname : "";
    return lower(schema) == wanted.schema;
}

bool starts_with_insert(std::string_view text) {
    return text.size() > 6 && lower(text.substr(0, 6)) == "insert" &&
           (std::isspace(static_cast<unsigned char>(text[6])) != 0 || text[6] == '/' || text[6] == '-');
}

// The identifier token at `offset` as the file spells it: `version` or `"Version"`.
std::string identifier_as_written(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) {
        return {};
    }
    std::size_t end = offset;
    if (text[offset] == '"') {
        end = offset + 1;
        while (end < text.size()) {
            if (text[end] == '"') {
                if (end + 1 < text.size() && text[end + 1] == '"') {
                    end += 2;
                    continue;
                }
                ++end;
                break;
            }
            ++end;
        }
    } else {
        while (end < text.size()) {
            auto c = static_cast<unsigned char>(text[end]);
            if (std::isalnum(c) == 0 && c != '_' && c != '$' && c < 0x80) {
                break;
            }
            ++end;
        }
    }
    return std::string{text.substr(offset, end - offset)};
}

std::string quote_literal(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    out += '\'';
    return out;
}

// One VALUES item as canonical literal text, or nothing when it is not a constant.
std::optional<std::string> literal_text(const PgQuery__Node* node) {
    if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_A_CONST) {
        return std::nullopt;
    }
    const PgQuery__AConst* c = node->a_const;
    if (c->isnull) {
        return "NULL";
    }
    switch (c->val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL: return std::to_string(c->ival->ival);
        case PG_QUERY__A__CONST__VAL_FVAL: return std::string{c->fval->fval};  // also integers beyond int32
        case PG_QUERY__A__CONST__VAL_BOOLVAL: return std::string{c->boolval->boolval ? "true" : "false"};
        case PG_QUERY__A__CONST__VAL_SVAL: return quote_literal(c->sval->sval);
        case PG_QUERY__A__CONST__VAL_BSVAL: {
            // The parser keeps a bit string as "b0101" or "xFF".
            std::string_view bits = c->bsval->bsval;
            if (bits.empty()) {
                return std::nullopt;
            }
            return fmt::format("{}'{}'", static_cast<char>(std::toupper(static_cast<unsigned char>(bits[0]))),
                               bits.substr(1));
        }
        case PG_QUERY__A__CONST__VAL__NOT_SET:
        default: return std::nullopt;
    }
}

bool plain_values(const PgQuery__SelectStmt* s) {
    return s->n_values_lists > 0 && s->n_target_list == 0 && s->n_from_clause == 0 && s->where_clause == nullptr &&
           s->n_sort_clause == 0 && s->limit_count == nullptr && s->limit_offset == nullptr &&
           s->with_clause == nullptr && s->n_locking_clause == 0 && s->larg == nullptr && s->rarg == nullptr;
}

}  // namespace

std::expected<std::vector<TableRowsStatement>, model::Error> find_table_rows(const SourceFile& file,
                                                                             std::string_view table) {
    std::vector<model::Diagnostic> notes;
    LoadStats stats;
    auto prepared = prepare_file(file, notes, stats);
    if (!prepared) {
        return std::unexpected(prepared.error());
    }
    std::vector<Statement> statements;
    if (auto split = split_statements(*prepared, statements); !split) {
        return std::unexpected(split.error());
    }
    const TableName wanted = parse_table_name(table);
    std::vector<TableRowsStatement> out;
    std::string text;
    for (const Statement& st : statements) {
        std::string_view view{prepared->text.data() + st.offset, st.length};
        if (!starts_with_insert(view)) {
            continue;  // only INSERTs are parsed: a large dump's DDL costs nothing here
        }
        auto fail = [&](std::size_t at, std::string message) {
            return std::unexpected(
                model::Error{{diagnostic_at(model::Severity::error, *prepared, at, std::move(message))}});
        };
        text.assign(view);
        ParsedStatement parsed = parse_statement(text);
        if (!parsed.error.empty()) {
            return fail(st.offset + cursor_to_offset(view, parsed.error_cursor), parsed.error);
        }
        UnpackedTree tree = unpack(parsed.protobuf);
        if (tree.tree == nullptr || tree.tree->n_stmts != 1 || tree.tree->stmts[0]->stmt == nullptr) {
            return fail(st.offset, "internal error: cannot decode the parse tree");
        }
        const PgQuery__Node* node = tree.tree->stmts[0]->stmt;
        if (node->node_case != PG_QUERY__NODE__NODE_INSERT_STMT) {
            continue;
        }
        const PgQuery__InsertStmt* insert = node->insert_stmt;
        if (!matches(insert->relation, wanted)) {
            continue;
        }
        const std::string what = fmt::format("cannot merge rows of {}", insert->relation->relname);
        if (insert->with_clause != nullptr || insert->on_conflict_clause != nullptr || insert->n_returning_list > 0) {
            return fail(st.offset, what +
                                       ": the INSERT has a WITH, ON CONFLICT or RETURNING clause; only a plain "
                                       "INSERT ... VALUES list can be merged row by row");
        }
        const PgQuery__Node* select = insert->select_stmt;
        if (select == nullptr || select->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
            !plain_values(select->select_stmt)) {
            return fail(st.offset, what + ": not a VALUES list");
        }
        TableRowsStatement found;
        found.begin = st.offset;
        found.end = st.offset + st.length;
        if (found.end < prepared->text.size() && prepared->text[found.end] == ';') {
            ++found.end;
        }
        found.line = prepared->location(st.offset).line;
        for (std::size_t i = 0; i < insert->n_cols; ++i) {
            const PgQuery__Node* col = insert->cols[i];
            if (col->node_case != PG_QUERY__NODE__NODE_RES_TARGET || col->res_target->n_indirection > 0) {
                return fail(st.offset, what + ": the column list names a field or element of a column");
            }
            found.columns.push_back(identifier_as_written(view, static_cast<std::size_t>(col->res_target->location)));
        }
        const PgQuery__SelectStmt* values = select->select_stmt;
        for (std::size_t r = 0; r < values->n_values_lists; ++r) {
            const PgQuery__Node* list = values->values_lists[r];
            if (list->node_case != PG_QUERY__NODE__NODE_LIST) {
                return fail(st.offset, what + ": not a VALUES list");
            }
            std::vector<std::string> row;
            for (std::size_t k = 0; k < list->list->n_items; ++k) {
                auto literal = literal_text(list->list->items[k]);
                if (!literal) {
                    return fail(st.offset, fmt::format("{}: value {} of row {} is not a constant (only literal "
                                                       "values can be merged as rows)",
                                                       what, k + 1, r + 1));
                }
                row.push_back(std::move(*literal));
            }
            std::size_t expected =
                found.columns.empty() ? (found.rows.empty() ? row.size() : found.rows[0].size()) : found.columns.size();
            if (row.size() != expected) {
                return fail(st.offset,
                            fmt::format("{}: row {} has {} value{} where {} {} expected", what, r + 1, row.size(),
                                        row.size() == 1 ? "" : "s", expected, expected == 1 ? "is" : "are"));
            }
            found.rows.push_back(std::move(row));
        }
        out.push_back(std::move(found));
    }
    return out;
}

namespace {

// The first word of a statement, lower case ("insert", "with", "copy", ...).
std::string first_word(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) != 0) {
        ++end;
    }
    return lower(text.substr(0, end));
}

std::string relation_name(const PgQuery__RangeVar* relation) {
    if (relation == nullptr || relation->relname == nullptr) {
        return {};
    }
    std::string name = lower(relation->relname);
    if (relation->schemaname != nullptr && *relation->schemaname != '\0') {
        name = lower(relation->schemaname) + "." + name;
    }
    return name;
}

}  // namespace

std::expected<std::vector<DataStatement>, model::Error> data_statements(const SourceFile& file) {
    std::vector<model::Diagnostic> notes;
    LoadStats stats;
    auto prepared = prepare_file(file, notes, stats);
    if (!prepared) {
        return std::unexpected(prepared.error());
    }
    std::vector<Statement> statements;
    if (auto split = split_statements(*prepared, statements); !split) {
        return std::unexpected(split.error());
    }
    static const std::vector<std::string> k_data_words{"insert", "with", "copy", "update", "delete", "merge", "select"};
    std::vector<DataStatement> out;
    std::string text;
    for (const Statement& st : statements) {
        std::string_view view{prepared->text.data() + st.offset, st.length};
        const std::string word = first_word(view);
        if (std::find(k_data_words.begin(), k_data_words.end(), word) == k_data_words.end()) {
            continue;  // DDL is the loader's
        }
        text.assign(view);
        ParsedStatement parsed = parse_statement(text);
        if (!parsed.error.empty()) {
            return std::unexpected(model::Error{{diagnostic_at(model::Severity::error, *prepared,
                                                               st.offset + cursor_to_offset(view, parsed.error_cursor),
                                                               parsed.error)}});
        }
        UnpackedTree tree = unpack(parsed.protobuf);
        if (tree.tree == nullptr || tree.tree->n_stmts != 1 || tree.tree->stmts[0]->stmt == nullptr) {
            continue;
        }
        const PgQuery__Node* node = tree.tree->stmts[0]->stmt;
        DataStatement d;
        switch (node->node_case) {
            case PG_QUERY__NODE__NODE_INSERT_STMT:
                d = {"insert", relation_name(node->insert_stmt->relation)};
                break;
            case PG_QUERY__NODE__NODE_COPY_STMT:
                if (!node->copy_stmt->is_from) {
                    continue;  // COPY ... TO writes nothing into the database
                }
                d = {"copy", relation_name(node->copy_stmt->relation)};
                break;
            case PG_QUERY__NODE__NODE_UPDATE_STMT: d = {"update", relation_name(node->update_stmt->relation)}; break;
            case PG_QUERY__NODE__NODE_DELETE_STMT: d = {"delete", relation_name(node->delete_stmt->relation)}; break;
            case PG_QUERY__NODE__NODE_MERGE_STMT: d = {"merge", relation_name(node->merge_stmt->relation)}; break;
            case PG_QUERY__NODE__NODE_SELECT_STMT:
                // pg_dump's data sections set sequence values with SELECT pg_catalog.setval(...);
                // set_config and other SELECTs change nothing that is kept.
                if (lower(view).find("setval") == std::string::npos) {
                    continue;
                }
                d = {"setval", {}};
                break;
            default: continue;
        }
        d.line = diagnostic_at(model::Severity::note, *prepared, st.offset, {}).location.line;
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace schemerge::parser::postgres
