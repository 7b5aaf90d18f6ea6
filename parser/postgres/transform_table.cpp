// CREATE TABLE, column definitions and table constraints.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/privileges.hpp"

namespace schemerge::parser::postgres {

namespace {

model::ReferentialAction action(const char* c) {
    switch (c != nullptr ? c[0] : 'a') {
        case 'r': return model::ReferentialAction::restrict;
        case 'c': return model::ReferentialAction::cascade;
        case 'n': return model::ReferentialAction::set_null;
        case 'd': return model::ReferentialAction::set_default;
        default: return model::ReferentialAction::no_action;
    }
}

std::vector<std::pair<std::string, std::string>> def_options(Node* const* items, std::size_t n) {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < n; ++i) {
        if (items[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) {
            continue;
        }
        const auto* d = items[i]->def_elem;
        std::string name = d->defnamespace != nullptr && d->defnamespace[0] != '\0'
                               ? std::string{d->defnamespace} + "." + d->defname
                               : std::string{d->defname};
        // A bare word (autovacuum_enabled = off, check_option = local) reaches us as a type
        // name; PostgreSQL stores the word itself (defGetString), never a schema-qualified type.
        if (d->arg != nullptr && d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
            const auto* tn = d->arg->type_name;
            std::string word;
            for (const auto& part : string_list(tn->names, tn->n_names)) {
                word += (word.empty() ? "" : ".") + part;
            }
            out.emplace_back(name, word);
            continue;
        }
        out.emplace_back(name, def_value(d->arg));
    }
    // Reloptions are a set: WITH (a=1, b=2) and WITH (b=2, a=1) store the same.
    std::sort(out.begin(), out.end());
    return out;
}

// ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: column names
// joined with "_", cut at NAMEDATALEN-1 bytes.
std::string name_addition(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) {
        if (!out.empty()) {
            out += "_";
        }
        out += c.empty() ? "expr" : c;
        if (out.size() >= 63) {
            out.resize(63);
            break;
        }
    }
    return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> reloptions(Node* const* items, std::size_t n) {
    return def_options(items, n);
}

// "FOR VALUES IN (...)", "FOR VALUES FROM (...) TO (...)", "FOR VALUES WITH (modulus m,
// remainder r)" or "DEFAULT", with canonical datums (CREATE TABLE ... PARTITION OF and
// ALTER TABLE ... ATTACH PARTITION must give the same text).
std::string Interpreter::partition_bound_text(const PgQuery__PartitionBoundSpec* bound) const {
    auto datums = [&](Node* const* items, std::size_t n) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i) {
            if (!out.empty()) {
                out += ", ";
            }
            out += expr(items[i]).text;
        }
        return out;
    };
    if (bound->is_default) {
        return "DEFAULT";
    }
    if (bound->n_listdatums > 0) {
        return "FOR VALUES IN (" + datums(bound->listdatums, bound->n_listdatums) + ")";
    }
    if (bound->n_lowerdatums > 0) {
        return "FOR VALUES FROM (" + datums(bound->lowerdatums, bound->n_lowerdatums) + ") TO (" +
               datums(bound->upperdatums, bound->n_upperdatums) + ")";
    }
    return fmt::format("FOR VALUES WITH (modulus {}, remainder {})", bound->modulus, bound->remainder);
}

void Interpreter::create_table(PgQuery__CreateStmt* stmt) {
    model::QualifiedName name = qualify(stmt->relation);
    if (stmt->relation->relpersistence != nullptr && stmt->relation->relpersistence[0] == 't') {
        unsupported(current_, "temporary table");
        return;
    }
    if (schema_.relation_exists(name)) {
        if (stmt->if_not_exists) {
            return;
        }
        const model::SourceLocation* previous = nullptr;
        if (auto it = schema_.tables.find(name); it != schema_.tables.end()) {
            previous = &it->second.meta.location;
        }
        throw StatementError(stmt->relation->location, fmt::format("relation \"{}\" already exists", name.to_string()),
                             previous != nullptr ? *previous : model::SourceLocation{}, "first defined here");
    }
    model::Table table;
    ColumnContext columns(*this, &table);
    table.name = name;
    table.meta = meta();
    table.meta.renamed_from = statement_rename_annotation();
    if (stmt->relation->relpersistence != nullptr && stmt->relation->relpersistence[0] == 'u') {
        table.persistence = model::Persistence::unlogged;
    }
    if (stmt->of_typename != nullptr) {
        throw StatementError(0, "typed tables (CREATE TABLE ... OF type) are not supported yet");
    }
    if (stmt->partbound != nullptr) {
        if (stmt->n_inh_relations != 1) {
            throw StatementError(0, "a partition needs exactly one parent");
        }
        model::QualifiedName parent = resolve_relation(stmt->inh_relations[0]->range_var);
        const model::Table& parent_table = require_table(parent, stmt->inh_relations[0]->range_var->location);
        table.partition_of = parent;
        // A partition has its parent's columns; PARTITION OF and CREATE TABLE + ATTACH
        // PARTITION (pg_dump's form) must build the same model.
        for (const auto& column : parent_table.columns) {
            model::Column copy;
            copy.name = column.name;
            copy.type = column.type;
            copy.collation = column.collation;
            copy.not_null = column.not_null;
            copy.meta.location = table.meta.location;
            table.columns.push_back(std::move(copy));
        }
        table.partition_bound = partition_bound_text(stmt->partbound);
    } else if (stmt->n_inh_relations > 0) {
        inherit_at_create(table, stmt);
    }
    if (stmt->partspec != nullptr) {
        std::string strategy = stmt->partspec->strategy != nullptr ? stmt->partspec->strategy : "";
        table.partition_strategy = strategy == "list"    ? model::PartitionStrategy::list
                                   : strategy == "hash" ? model::PartitionStrategy::hash
                                                        : model::PartitionStrategy::range;
        for (std::size_t i = 0; i < stmt->partspec->n_part_params; ++i) {
            const auto* elem = stmt->partspec->part_params[i]->partition_elem;
            model::PartitionKeyElement key;
            if (elem->name != nullptr && elem->name[0] != '\0') {
                key.column = elem->name;
            } else {
                key.expression = expr(elem->expr);
            }
            if (elem->n_collation > 0) {
                key.collation = resolve_collation(elem->collation, elem->n_collation);
            }
            if (elem->n_opclass > 0) {
                key.opclass = qualify(elem->opclass, elem->n_opclass).to_string();
            }
            table.partition_key.push_back(std::move(key));
        }
    }
    table.meta.attributes.set(attr::table_options, def_options(stmt->options, stmt->n_options));
    if (stmt->access_method != nullptr && std::string_view{stmt->access_method} != "heap") {
        table.meta.attributes.set(attr::access_method, std::string{stmt->access_method});
    }
    if (stmt->tablespacename != nullptr) {
        table.tablespace = stmt->tablespacename;
    }
    start_acl(schema_, table.meta, model::ObjectKind::table, name);
    auto [it, inserted] = schema_.tables.emplace(name, std::move(table));
    model::Table& t = it->second;
    t.columns.reserve(t.columns.size() + stmt->n_table_elts);
    for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
        Node* elt = stmt->table_elts[i];
        switch (elt->node_case) {
            case PG_QUERY__NODE__NODE_COLUMN_DEF: add_column(t, elt->column_def, false); break;
            case PG_QUERY__NODE__NODE_CONSTRAINT: add_table_constraint(t, elt->constraint, {}); break;
            default:
                schema_.tables.erase(it);
                throw StatementError(0, fmt::format("{} in CREATE TABLE is not supported yet", node_kind_name(elt)));
        }
    }
}

void Interpreter::add_column(model::Table& table, PgQuery__ColumnDef* def, bool from_alter) {
    std::string name = def->colname != nullptr ? def->colname : "";
    model::Column* existing = table.find_column(name);
    if (existing != nullptr && !existing->is_local && !table.inherits.empty() && !from_alter) {
        // CREATE TABLE … INHERITS declaring a column a parent has: one column.
        model::Table scratch;
        scratch.name = table.name;
        add_column(scratch, def, true);
        merge_local_column(*table.find_column(name), scratch.columns.front(), def->location);
        for (auto& c : scratch.constraints) {
            if (table.find_constraint(c.name) != nullptr) {
                throw StatementError(def->location, fmt::format("constraint \"{}\" for relation \"{}\" already exists",
                                                                c.name, table.name.to_string()));
            }
            table.constraints.push_back(std::move(c));
        }
        return;
    }
    if (existing != nullptr && !(table.partition_of && !from_alter)) {
        throw StatementError(def->location, fmt::format("column \"{}\" of relation \"{}\" already exists", name,
                                                        table.name.to_string()),
                             existing->meta.location, "first defined here");
    }
    model::Column fresh;
    model::Column& column = existing != nullptr ? *existing : fresh;
    column.name = name;
    column.meta = meta_at(def->location);
    column.meta.renamed_from = line_rename_annotation(def->location);
    if (def->type_name != nullptr) {
        column.type = type(def->type_name);
    }
    // serial is not a type: it is an integer column with a sequence it owns, a
    // nextval() default and NOT NULL (docs: "Serial Types").
    if (column.type.name.schema.empty() && column.type.array_dims == 0) {
        std::string_view base;
        const std::string& n = column.type.name.name;
        if (n == "serial" || n == "serial4") {
            base = "integer";
        } else if (n == "bigserial" || n == "serial8") {
            base = "bigint";
        } else if (n == "smallserial" || n == "serial2") {
            base = "smallint";
        }
        if (!base.empty()) {
            column.type = model::TypeRef{{"", std::string{base}}, {}, 0, false};
            model::Sequence seq;
            seq.name = {table.name.schema, choose_relation_name(table.name.name, name, "seq", table.name.schema)};
            if (base != "bigint") {
                seq.options.data_type = column.type;
            }
            seq.owned_by = model::SequenceOwner{table.name, name};
            seq.meta = meta();
            std::string literal = quote_qualified(seq.name);
            std::string escaped;
            for (char c : literal) {
                escaped += c;
                if (c == '\'') {
                    escaped += '\'';
                }
            }
            model::Expression dflt;
            dflt.text = "nextval('" + escaped + "'::regclass)";
            dflt.relations.push_back(seq.name);
            column.default_value = dflt;
            column.not_null = true;
            start_acl(schema_, seq.meta, model::ObjectKind::sequence, seq.name);
            schema_.sequences.emplace(seq.name, std::move(seq));
        }
    }
    if (def->coll_clause != nullptr) {
        column.collation = resolve_collation(def->coll_clause->collname, def->coll_clause->n_collname);
    }
    if (def->storage != nullptr && def->storage[0] != '\0') {
        column.meta.attributes.set(attr::column_storage, std::string{def->storage});
    }
    if (def->compression != nullptr && def->compression[0] != '\0') {
        column.meta.attributes.set(attr::column_compression, std::string{def->compression});
    }
    std::vector<PgQuery__Constraint*> table_level;
    for (std::size_t i = 0; i < def->n_constraints; ++i) {
        auto* c = def->constraints[i]->constraint;
        switch (c->contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: column.not_null = false; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: column.not_null = true; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: column.default_value = expr(c->raw_expr, &column.type); break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY: {
                column.identity = (c->generated_when != nullptr && c->generated_when[0] == 'a')
                                      ? model::IdentityKind::always
                                      : model::IdentityKind::by_default;
                column.not_null = true;
                std::string seq_name;
                apply_sequence_options(column.identity_options.mut(), c->options, c->n_options, nullptr, &seq_name);
                if (column.identity_options->data_type && *column.identity_options->data_type == column.type) {
                    column.identity_options.mut().data_type.reset();
                }
                column.identity_sequence =
                    seq_name.empty() ? choose_relation_name(table.name.name, name, "seq", table.name.schema) : seq_name;
                break;
            }
            case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
                column.generated = model::GeneratedKind::stored;
                column.generation = expr(c->raw_expr);
                break;
            default: table_level.push_back(c); break;
        }
    }
    if (model::Column* stored = table.find_column(name); stored != nullptr) {
        *stored = column;
    } else {
        table.columns.push_back(std::move(column));
    }
    // PRIMARY KEY / UNIQUE / REFERENCES / CHECK written on the column are table
    // constraints on that column; DEFERRABLE and INITIALLY arrive as separate
    // nodes that modify the constraint before them.
    model::Constraint* last = nullptr;
    for (auto* c : table_level) {
        switch (c->contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
                if (last == nullptr) {
                    throw StatementError(c->location, "misplaced DEFERRABLE/INITIALLY clause");
                }
                if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE) {
                    last->deferrable = true;
                } else if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE) {
                    last->deferrable = false;
                } else if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED) {
                    last->initially_deferred = true;
                    last->deferrable = true;
                } else {
                    last->initially_deferred = false;
                }
                break;
            default:
                add_table_constraint(table, c, name);
                last = table.constraints.empty() ? nullptr : &table.constraints.back();
                break;
        }
    }
}

void Interpreter::add_table_constraint(model::Table& table, PgQuery__Constraint* c, const std::string& column_hint) {
    if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) {
        if (auto* column = table.find_column(column_hint)) {
            column->not_null = true;
        }
        return;
    }
    model::Constraint constraint = build_constraint(table, c, column_hint);
    if (auto* existing = table.find_constraint(constraint.name); existing != nullptr && !existing->is_local) {
        // A CHECK the table also inherits: the same expression merges (now local too).
        if (constraint.kind == model::ConstraintKind::check && constraint.no_inherit) {
            throw StatementError(c->location, fmt::format("constraint \"{}\" conflicts with inherited constraint on "
                                                          "relation \"{}\"",
                                                          constraint.name, table.name.to_string()));
        }
        if (constraint.kind == model::ConstraintKind::check && existing->kind == model::ConstraintKind::check &&
            constraint.check.text == existing->check.text) {
            *existing = std::move(constraint);
            return;
        }
    }
    if (const auto* existing = table.find_constraint(constraint.name)) {
        throw StatementError(c->location,
                             fmt::format("constraint \"{}\" for relation \"{}\" already exists", constraint.name,
                                         table.name.to_string()),
                             existing->meta.location, "first defined here");
    }
    table.constraints.push_back(std::move(constraint));
}

model::Constraint Interpreter::build_constraint(model::Table& table, PgQuery__Constraint* c,
                                                const std::string& column_hint) {
    model::Constraint out;
    out.meta = meta();
    if (column_hint.empty()) {
        // A column's annotation shares its line with the column's inline constraints:
        // only table constraints take one of their own.
        out.meta.renamed_from = line_rename_annotation(c->location);
    }
    out.deferrable = c->deferrable;
    out.initially_deferred = c->initdeferred;
    if (out.initially_deferred) {
        out.deferrable = true;
    }
    auto columns_or_hint = [&](Node* const* items, std::size_t n) {
        std::vector<std::string> cols = string_list(items, n);
        if (cols.empty() && !column_hint.empty()) {
            cols.push_back(column_hint);
        }
        return cols;
    };
    std::string label;
    std::string addition;
    switch (c->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            out.kind = model::ConstraintKind::primary_key;
            out.columns = columns_or_hint(c->keys, c->n_keys);
            label = "pkey";
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
            out.kind = model::ConstraintKind::unique;
            out.columns = columns_or_hint(c->keys, c->n_keys);
            out.nulls_not_distinct = c->nulls_not_distinct;
            label = "key";
            addition = name_addition(out.columns);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
            out.kind = model::ConstraintKind::foreign_key;
            out.columns = columns_or_hint(c->fk_attrs, c->n_fk_attrs);
            out.ref_table = resolve_relation(c->pktable);
            out.ref_columns = string_list(c->pk_attrs, c->n_pk_attrs);
            if (!schema_.tables.contains(out.ref_table)) {
                throw StatementError(c->pktable->location,
                                     fmt::format("relation \"{}\" does not exist", out.ref_table.to_string()));
            }
            if (out.ref_columns.empty()) {
                // REFERENCES t means t's primary key; the catalog stores the columns.
                auto ref = schema_.tables.find(out.ref_table);
                if (ref == schema_.tables.end() && out.ref_table == table.name) {
                    ref = schema_.tables.find(table.name);
                }
                if (ref != schema_.tables.end()) {
                    for (const auto& k : ref->second.constraints) {
                        if (k.kind == model::ConstraintKind::primary_key) {
                            out.ref_columns = k.columns;
                        }
                    }
                }
                if (out.ref_columns.empty()) {
                    throw StatementError(c->location, fmt::format("there is no primary key for referenced table \"{}\"",
                                                                  out.ref_table.to_string()));
                }
            }
            {
                // The referenced columns need a unique key (tablecmds.c
                // transformFkeyCheckAttrs): a PK, a UNIQUE constraint or a unique index.
                const model::Table& ref = schema_.tables.at(out.ref_table);
                std::vector<std::string> wanted = out.ref_columns;
                std::sort(wanted.begin(), wanted.end());
                auto same = [&](std::vector<std::string> cols) {
                    std::sort(cols.begin(), cols.end());
                    return cols == wanted;
                };
                bool ok = false;
                for (const auto& k : ref.constraints) {
                    if ((k.kind == model::ConstraintKind::primary_key || k.kind == model::ConstraintKind::unique) &&
                        same(k.columns)) {
                        ok = true;
                    }
                }
                // Rarely reached (most keys are constraints); indexes are keyed by name, so
                // this is a scan.
                for (auto it = schema_.indexes.begin(); !ok && it != schema_.indexes.end(); ++it) {
                    const model::Index& index = it->second;
                    if (index.table != out.ref_table || !index.unique || !index.predicate.empty()) {
                        continue;
                    }
                    std::vector<std::string> cols;
                    for (const auto& e : index.elements) {
                        cols.push_back(e.column);
                    }
                    ok = same(cols);
                }
                // Partitions and inheritance children take their keys from the parent.
                if (!ok && (ref.partition_of || !ref.inherits.empty())) {
                    ok = true;
                }
                // A table referencing itself may declare its key later in the same CREATE TABLE.
                if (!ok && out.ref_table != table.name) {
                    throw StatementError(c->location,
                                         fmt::format("there is no unique constraint matching given keys for "
                                                     "referenced table \"{}\"",
                                                     out.ref_table.to_string()));
                }
            }
            char match = c->fk_matchtype != nullptr ? c->fk_matchtype[0] : 's';
            out.match = match == 'f' ? model::MatchType::full
                        : match == 'p' ? model::MatchType::partial
                                       : model::MatchType::simple;
            out.on_update = action(c->fk_upd_action);
            out.on_delete = action(c->fk_del_action);
            out.on_delete_columns = string_list(c->fk_del_set_cols, c->n_fk_del_set_cols);
            out.not_valid = c->skip_validation;
            label = "fkey";
            addition = name_addition(out.columns);
            break;
        }
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
            out.kind = model::ConstraintKind::check;
            out.check = expr(c->raw_expr);
            out.no_inherit = c->is_no_inherit;
            out.not_valid = c->skip_validation;
            label = "check";
            // heap.c: "tab_col_check" when the expression uses exactly one column.
            std::set<std::string> distinct(out.check.columns.begin(), out.check.columns.end());
            std::erase_if(distinct, [&](const std::string& col) { return table.find_column(col) == nullptr; });
            if (distinct.size() == 1) {
                addition = *distinct.begin();
            }
            break;
        }
        case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
            out.kind = model::ConstraintKind::exclude;
            out.using_method = c->access_method != nullptr && c->access_method[0] != '\0' ? c->access_method : "btree";
            std::vector<std::string> cols;
            for (std::size_t i = 0; i < c->n_exclusions; ++i) {
                const auto* pair = c->exclusions[i]->list;
                auto* elem = pair->items[0]->index_elem;
                model::ExclusionElement e;
                if (elem->name != nullptr && elem->name[0] != '\0') {
                    e.column = elem->name;
                } else {
                    e.expression = expr(elem->expr);
                }
                if (elem->n_opclass > 0) {
                    // Ours: qualified (or left out when the column type's default), as
                    // pg_dump prints it; another's: by its name, as before.
                    auto parts = string_list(elem->opclass, elem->n_opclass);
                    e.opclass = parts.size() >= 2 ? quote_ident(parts[parts.size() - 2]) + "." + quote_ident(parts.back())
                                                  : quote_ident(parts.back());
                    if (!canonical_opclass(e.opclass, e.column, out.using_method, &table)) {
                        e.opclass = qualify(elem->opclass, elem->n_opclass).name;
                    }
                }
                auto ops = string_list(pair->items[1]->list->items, pair->items[1]->list->n_items);
                e.op = ops.empty() ? "" : ops.back();
                cols.push_back(e.column);
                out.exclusion.push_back(std::move(e));
            }
            if (c->where_clause != nullptr) {
                out.where = expr(c->where_clause);
            }
            label = "excl";
            addition = name_addition(cols);
            break;
        }
        default:
            throw StatementError(c->location, "unsupported constraint kind");
    }
    out.include = string_list(c->including, c->n_including);
    out.meta.attributes.set(attr::constraint_index_options, def_options(c->options, c->n_options));
    if (c->indexspace != nullptr) {
        out.index_tablespace = c->indexspace;
    }
    if (c->indexname != nullptr && c->indexname[0] != '\0') {
        throw StatementError(c->location, "ADD CONSTRAINT ... USING INDEX is not supported yet");
    }
    if (c->conname != nullptr && c->conname[0] != '\0') {
        out.name = c->conname;
    } else if (out.kind == model::ConstraintKind::primary_key || out.kind == model::ConstraintKind::unique ||
               out.kind == model::ConstraintKind::exclude) {
        // Index-backed constraints are named like their index (ChooseRelationName).
        out.name = choose_relation_name(table.name.name, addition, label, table.name.schema);
        while (table.find_constraint(out.name) != nullptr) {
            out.name += "1";
        }
    } else {
        out.name = choose_constraint_name(table, addition, label);
    }
    return out;
}

void Interpreter::create_table_as(PgQuery__CreateTableAsStmt* stmt) {
    if (stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
        throw StatementError(0, "CREATE TABLE ... AS SELECT is not supported: the columns depend on the query's "
                                "result types; declare the table with CREATE TABLE");
    }
    model::View view;
    view.name = qualify(stmt->into->rel);
    view.materialized = true;
    view.meta = meta();
    if (schema_.relation_exists(view.name)) {
        if (stmt->if_not_exists) {
            return;
        }
        throw StatementError(stmt->into->rel->location,
                             fmt::format("relation \"{}\" already exists", view.name.to_string()));
    }
    view.column_names = string_list(stmt->into->col_names, stmt->into->n_col_names);
    view.query = deparse_statement(stmt->query, names_, true);
    view.meta.attributes.set(attr::view_options, def_options(stmt->into->options, stmt->into->n_options));
    if (stmt->into->access_method != nullptr && std::string_view{stmt->into->access_method} != "heap") {
        view.meta.attributes.set(attr::view_access_method, std::string{stmt->into->access_method});
    }
    if (stmt->into->table_space_name != nullptr) {
        view.tablespace = stmt->into->table_space_name;
    }
    start_acl(schema_, view.meta, model::ObjectKind::materialized_view, view.name);
    schema_.views.emplace(view.name, std::move(view));
}

}  // namespace schemerge::parser::postgres
