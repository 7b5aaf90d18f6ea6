// CREATE INDEX.
#include <fmt/format.h>

#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/interpreter.hpp"

namespace schemerge::parser::postgres {

model::IndexElement Interpreter::index_element(PgQuery__IndexElem* elem, const model::Table*) {
    model::IndexElement out;
    if (elem->name != nullptr && elem->name[0] != '\0') {
        out.column = elem->name;
    } else {
        out.expression = expr(elem->expr);
    }
    if (elem->n_collation > 0) {
        out.collation = resolve_collation(elem->collation, elem->n_collation);
    }
    if (elem->n_opclass > 0) {
        auto parts = string_list(elem->opclass, elem->n_opclass);
        // Built-in operator classes are always visible; pg_dump prints them bare.
        if (parts.size() >= 2 && parts[parts.size() - 2] != "pg_catalog") {
            out.opclass = quote_ident(parts[parts.size() - 2]) + "." + quote_ident(parts.back());
        } else {
            out.opclass = quote_ident(parts.back());
        }
    }
    out.opclass_options = reloptions(elem->opclassopts, elem->n_opclassopts);
    out.order = elem->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC ? model::SortOrder::desc : model::SortOrder::asc;
    // NULLS LAST is the default for ASC and NULLS FIRST for DESC (docs: "Indexes and ORDER BY").
    if (elem->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST) {
        out.nulls = out.order == model::SortOrder::desc ? model::NullsOrder::default_order : model::NullsOrder::first;
    } else if (elem->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST) {
        out.nulls = out.order == model::SortOrder::asc ? model::NullsOrder::default_order : model::NullsOrder::last;
    }
    return out;
}

void Interpreter::create_index(PgQuery__IndexStmt* stmt) {
    model::QualifiedName table_name = resolve_relation(stmt->relation);
    const model::Table* table = nullptr;
    if (auto it = schema_.tables.find(table_name); it != schema_.tables.end()) {
        table = &it->second;
    } else if (!schema_.views.contains(table_name) || !schema_.views.at(table_name).materialized) {
        throw StatementError(stmt->relation->location,
                             fmt::format("relation \"{}\" does not exist", table_name.to_string()));
    }
    ColumnContext columns(*this, table);
    model::Index index;
    index.table = table_name;
    index.unique = stmt->unique;
    index.nulls_not_distinct = stmt->nulls_not_distinct;
    index.only = !stmt->relation->inh;
    index.method = stmt->access_method != nullptr && stmt->access_method[0] != '\0' ? stmt->access_method : "btree";
    std::vector<std::string> cols;
    for (std::size_t i = 0; i < stmt->n_index_params; ++i) {
        index.elements.push_back(index_element(stmt->index_params[i]->index_elem, table));
        canonical_index_opclass(index.elements.back(), index.method, table);
        cols.push_back(index.elements.back().column);
    }
    // INCLUDE items arrive as IndexElem nodes.
    for (std::size_t i = 0; i < stmt->n_index_including_params; ++i) {
        const auto* e = stmt->index_including_params[i]->index_elem;
        index.include.emplace_back(e != nullptr && e->name != nullptr ? e->name : "");
    }
    if (table != nullptr) {
        std::vector<std::string> used = cols;
        used.insert(used.end(), index.include.begin(), index.include.end());
        for (const auto& c : used) {
            if (!c.empty() && table->find_column(c) == nullptr) {
                throw StatementError(0, fmt::format("column \"{}\" does not exist in relation \"{}\"", c,
                                                    table_name.to_string()));
            }
        }
    }
    if (stmt->where_clause != nullptr) {
        index.predicate = expr(stmt->where_clause);
    }
    if (stmt->table_space != nullptr) {
        index.tablespace = stmt->table_space;
    }
    index.meta = meta();
    index.meta.attributes.set(attr::index_options, reloptions(stmt->options, stmt->n_options));
    index.meta.renamed_from = statement_rename_annotation();
    if (stmt->idxname != nullptr && stmt->idxname[0] != '\0') {
        index.name = {table_name.schema, stmt->idxname};
    } else {
        // ChooseIndexName: <table>_<columns>_idx, "expr" for expression columns.
        std::string addition;
        for (const auto& c : cols) {
            if (!addition.empty()) {
                addition += "_";
            }
            addition += c.empty() ? "expr" : c;
        }
        if (addition.size() > 63) {
            addition.resize(63);
        }
        index.name = {table_name.schema, choose_relation_name(table_name.name, addition, "idx", table_name.schema)};
    }
    if (schema_.relation_exists(index.name)) {
        if (stmt->if_not_exists) {
            return;
        }
        const auto existing = schema_.indexes.find(index.name);
        throw StatementError(0, fmt::format("relation \"{}\" already exists", index.name.to_string()),
                             existing != schema_.indexes.end() ? existing->second.meta.location : model::SourceLocation{},
                             "first defined here");
    }
    schema_.indexes.emplace(index.name, std::move(index));
}

}  // namespace schemerge::parser::postgres
