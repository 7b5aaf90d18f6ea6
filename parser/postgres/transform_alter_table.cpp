// ALTER TABLE / VIEW / SEQUENCE / INDEX (one statement node in the grammar).
#include <algorithm>

#include <fmt/format.h>

#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/interpreter.hpp"

namespace schemerge::parser::postgres {

namespace {

std::string role_name(const PgQuery__RoleSpec* role) {
    if (role == nullptr) {
        return {};
    }
    switch (role->roletype) {
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER: return "CURRENT_USER";
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER: return "SESSION_USER";
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE: return "CURRENT_ROLE";
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC: return "public";
        default: return role->rolename != nullptr ? role->rolename : "";
    }
}

// SET (...) or RESET (...) of the options `cmd` lists, in an options row (a table's,
// column's, index's or view's): the others are kept, the result is sorted by name.
void merge_options(model::AttributeSet& attributes, const model::AttributeDef& row, const PgQuery__AlterTableCmd* cmd,
                   bool reset) {
    model::AttributeOptions target = attributes.options(row);
    for (const auto& [k, v] : reloptions(cmd->def->list->items, cmd->def->list->n_items)) {
        std::erase_if(target, [&](const auto& kv) { return kv.first == k; });
        if (!reset) {
            target.emplace_back(k, v);
        }
    }
    std::sort(target.begin(), target.end());
    attributes.set(row, std::move(target));
}

model::Column& require_column(model::Table& table, const char* name, int offset) {
    model::Column* column = table.find_column(name != nullptr ? name : "");
    if (column == nullptr) {
        throw StatementError(offset, fmt::format("column \"{}\" of relation \"{}\" does not exist",
                                                 name != nullptr ? name : "", table.name.to_string()));
    }
    return *column;
}

}  // namespace

std::string owner_name(const PgQuery__RoleSpec* role) { return role_name(role); }

void Interpreter::alter_table(PgQuery__AlterTableStmt* stmt) {
    model::QualifiedName name = resolve_relation(stmt->relation);
    const int where = stmt->relation->location;
    switch (stmt->objtype) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: {
            auto it = schema_.tables.find(name);
            if (it == schema_.tables.end()) {
                if (stmt->missing_ok) {
                    return;
                }
                // ALTER TABLE also works on views, sequences and indexes (pg_dump uses it for
                // ownership and defaults): dispatch on what the name is.
                if (auto v = schema_.views.find(name); v != schema_.views.end()) {
                    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                        alter_view_cmd(v->second, stmt->cmds[i]->alter_table_cmd);
                    }
                    return;
                }
                if (auto s = schema_.sequences.find(name); s != schema_.sequences.end()) {
                    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                        alter_sequence_cmd(s->second, stmt->cmds[i]->alter_table_cmd);
                    }
                    return;
                }
                if (auto x = schema_.indexes.find(name); x != schema_.indexes.end()) {
                    for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                        alter_index_cmd(x->second, stmt->cmds[i]->alter_table_cmd);
                    }
                    return;
                }
                throw StatementError(where, fmt::format("relation \"{}\" does not exist", name.to_string()));
            }
            ColumnContext columns(*this, &it->second);
            for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                auto* cmd = stmt->cmds[i]->alter_table_cmd;
                alter_table_cmd(it->second, cmd, !stmt->relation->inh);
                note_change(it->second, cmd, !stmt->relation->inh);
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
            auto it = schema_.views.find(name);
            if (it == schema_.views.end()) {
                if (stmt->missing_ok) {
                    return;
                }
                throw StatementError(where, fmt::format("view \"{}\" does not exist", name.to_string()));
            }
            for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                alter_view_cmd(it->second, stmt->cmds[i]->alter_table_cmd);
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
            auto it = schema_.sequences.find(name);
            if (it == schema_.sequences.end()) {
                if (stmt->missing_ok) {
                    return;
                }
                throw StatementError(where, fmt::format("sequence \"{}\" does not exist", name.to_string()));
            }
            for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                alter_sequence_cmd(it->second, stmt->cmds[i]->alter_table_cmd);
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
            auto it = schema_.indexes.find(name);
            if (it == schema_.indexes.end()) {
                if (stmt->missing_ok) {
                    return;
                }
                // The index behind a PRIMARY KEY/UNIQUE constraint: pg_dump attaches the
                // partitions' constraint indexes to it, which the constraints already imply.
                for (const auto& [_, table] : schema_.tables) {
                    if (table.name.schema == name.schema && table.find_constraint(name.name) != nullptr) {
                        return;
                    }
                }
                throw StatementError(where, fmt::format("index \"{}\" does not exist", name.to_string()));
            }
            for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                alter_index_cmd(it->second, stmt->cmds[i]->alter_table_cmd);
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
            // ALTER TYPE composite ADD/DROP/ALTER ATTRIBUTE, OWNER TO
            auto it = schema_.types.find(name);
            if (it == schema_.types.end()) {
                throw StatementError(where, fmt::format("type \"{}\" does not exist", name.to_string()));
            }
            for (std::size_t i = 0; i < stmt->n_cmds; ++i) {
                auto* cmd = stmt->cmds[i]->alter_table_cmd;
                auto& attrs = it->second.attributes;
                switch (cmd->subtype) {
                    case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
                        it->second.meta.owner = role_name(cmd->newowner);
                        it->second.meta.owner_at = meta().location;
                        break;
                    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
                        auto* def = cmd->def->column_def;
                        model::CompositeAttribute a;
                        a.name = def->colname;
                        a.type = type(def->type_name);
                        attrs.push_back(std::move(a));
                        break;
                    }
                    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
                        std::erase_if(attrs, [&](const auto& a) { return a.name == cmd->name; });
                        break;
                    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
                        for (auto& a : attrs) {
                            if (a.name == cmd->name) {
                                a.type = type(cmd->def->column_def->type_name);
                            }
                        }
                        break;
                    default: unsupported(current_, "ALTER TYPE action"); break;
                }
            }
            return;
        }
        default: unsupported(current_, "ALTER statement"); return;
    }
}

void Interpreter::note_change(model::Table& table, const PgQuery__AlterTableCmd* cmd, bool only) {
    const model::SourceLocation here = meta().location;
    // pg_dump writes every serial column's default as `ALTER TABLE ONLY … ALTER COLUMN …
    // SET DEFAULT nextval(…)` after the table: that is how the dump spells the column, not
    // a later change to it.
    if (only && cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault) {
        return;
    }
    switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
            table.meta.changed_at = here;
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
            if (cmd->name != nullptr) {
                if (model::Column* column = table.find_column(cmd->name); column != nullptr) {
                    column->meta.changed_at = here;
                }
            }
            return;
        default: return;
    }
}

void Interpreter::alter_table_cmd(model::Table& table, PgQuery__AlterTableCmd* cmd, bool only) {
    if (alter_inheritance(table, cmd, only)) {
        return;
    }
    alter_table_cmd_on(table, cmd);
}

void Interpreter::alter_table_cmd_on(model::Table& table, PgQuery__AlterTableCmd* cmd) {
    const int where = 0;
    switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
            if (cmd->missing_ok && table.find_column(cmd->def->column_def->colname) != nullptr) {
                return;
            }
            add_column(table, cmd->def->column_def, true);
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: {
            model::Column& column = require_column(table, cmd->name, where);
            if (cmd->def == nullptr) {
                column.default_value.reset();
            } else {
                column.default_value = expr(cmd->def, &column.type);
            }
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: require_column(table, cmd->name, where).not_null = false; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull: require_column(table, cmd->name, where).not_null = true; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression: {
            model::Column& column = require_column(table, cmd->name, where);
            column.generated = model::GeneratedKind::none;
            column.generation = model::Boxed<model::Expression>{};
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics: {
            model::Column& column = require_column(table, cmd->name, where);
            auto v = node_integer(cmd->def);
            if (v && *v == -1) {
                column.meta.attributes.erase(attr::column_statistics);  // -1 means "use the system default"
            } else if (v) {
                column.meta.attributes.set(attr::column_statistics, static_cast<std::int64_t>(static_cast<int>(*v)));
            }
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions: {
            model::Column& column = require_column(table, cmd->name, where);
            merge_options(column.meta.attributes, attr::column_options, cmd,
                          cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions);
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage: {
            std::string storage{node_string(cmd->def)};
            for (char& c : storage) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            require_column(table, cmd->name, where).meta.attributes.set(attr::column_storage, std::move(storage));
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
            require_column(table, cmd->name, where)
                .meta.attributes.set(attr::column_compression, std::string{node_string(cmd->def)});
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse: {
            std::string col = cmd->name;
            if (table.find_column(col) == nullptr) {
                if (cmd->missing_ok) {
                    return;
                }
                (void)require_column(table, cmd->name, where);
            }
            std::erase_if(table.columns, [&](const model::Column& c) { return c.name == col; });
            // Dropping a column drops the constraints and indexes that use it.
            auto uses = [&](const std::vector<std::string>& cols) {
                return std::find(cols.begin(), cols.end(), col) != cols.end();
            };
            std::erase_if(table.constraints, [&](const model::Constraint& c) {
                return uses(c.columns) || uses(c.include) || uses(c.check.columns);
            });
            std::erase_if(schema_.indexes, [&](const auto& entry) {
                const model::Index& index = entry.second;
                if (index.table != table.name) {
                    return false;
                }
                for (const auto& e : index.elements) {
                    if (e.column == col || uses(e.expression.columns)) {
                        return true;
                    }
                }
                return uses(index.include) || uses(index.predicate.columns);
            });
            std::erase_if(schema_.sequences, [&](const auto& entry) {
                return entry.second.owned_by && entry.second.owned_by->table == table.name &&
                       entry.second.owned_by->column == col;
            });
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
            add_table_constraint(table, cmd->def->constraint, {});
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse: {
            model::Constraint* c = table.find_constraint(cmd->name);
            if (c == nullptr) {
                throw StatementError(where, fmt::format("constraint \"{}\" of relation \"{}\" does not exist",
                                                        cmd->name, table.name.to_string()));
            }
            c->not_valid = false;
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint: {
            auto* def = cmd->def->constraint;
            model::Constraint* c = table.find_constraint(def->conname);
            if (c == nullptr) {
                throw StatementError(where, fmt::format("constraint \"{}\" of relation \"{}\" does not exist",
                                                        def->conname, table.name.to_string()));
            }
            c->deferrable = def->deferrable;
            c->initially_deferred = def->initdeferred;
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse: {
            if (table.find_constraint(cmd->name) == nullptr) {
                if (cmd->missing_ok) {
                    return;
                }
                throw StatementError(where, fmt::format("constraint \"{}\" of relation \"{}\" does not exist",
                                                        cmd->name, table.name.to_string()));
            }
            std::erase_if(table.constraints, [&](const model::Constraint& c) { return c.name == cmd->name; });
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
            model::Column& column = require_column(table, cmd->name, where);
            auto* def = cmd->def->column_def;
            column.type = type(def->type_name);
            if (def->coll_clause != nullptr) {
                column.collation = resolve_collation(def->coll_clause->collname, def->coll_clause->n_collname);
            }
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
            table.meta.owner = role_name(cmd->newowner);
            table.meta.owner_at = meta().location;
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
            table.meta.attributes.set(attr::cluster_on, std::string{cmd->name});
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster: table.meta.attributes.erase(attr::cluster_on); return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged: table.persistence = model::Persistence::permanent; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: table.persistence = model::Persistence::unlogged; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropOids: return;  // WITHOUT OIDS: the only choice since PostgreSQL 12
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
            table.meta.attributes.set(
                attr::access_method,
                std::string{cmd->name != nullptr && std::string_view{cmd->name} != "heap" ? cmd->name : ""});
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace: table.tablespace = cmd->name; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplaceRelOptions: {
            merge_options(table.meta.attributes, attr::table_options, cmd,
                          cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions);
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig: {
            auto it = schema_.triggers.find({table.name, cmd->name});
            if (it == schema_.triggers.end()) {
                throw StatementError(where, fmt::format("trigger \"{}\" for table \"{}\" does not exist", cmd->name,
                                                        table.name.to_string()));
            }
            it->second.enabled = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig         ? ""
                                 : cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig ? "ALWAYS"
                                 : cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig
                                     ? "REPLICA"
                                     : "DISABLE";
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity: table.meta.attributes.set(attr::row_security, true); return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity: table.meta.attributes.erase(attr::row_security); return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
            table.meta.attributes.set(attr::force_row_security, true);
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
            table.meta.attributes.erase(attr::force_row_security);
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity: {
            const auto* ri = cmd->def->replica_identity_stmt;
            char kind = ri->identity_type != nullptr ? ri->identity_type[0] : 'd';
            table.meta.attributes.set(attr::replica_identity, kind == 'f'   ? "FULL"
                                                              : kind == 'n' ? "NOTHING"
                                                              : kind == 'i' ? "USING INDEX " + std::string{ri->name}
                                                                            : std::string{});
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition: {
            const auto* pc = cmd->def->partition_cmd;
            model::QualifiedName child_name = resolve_relation(pc->name);
            model::Table& child = require_table(child_name, pc->name->location);
            child.partition_of = table.name;
            child.partition_bound = partition_bound_text(pc->bound);
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition: {
            model::Table& child = require_table(resolve_relation(cmd->def->partition_cmd->name), where);
            child.partition_of.reset();
            child.partition_bound.clear();
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
            model::Column& column = require_column(table, cmd->name, where);
            auto* c = cmd->def->constraint;
            column.identity = (c->generated_when != nullptr && c->generated_when[0] == 'a')
                                  ? model::IdentityKind::always
                                  : model::IdentityKind::by_default;
            column.not_null = true;
            std::string seq_name;
            apply_sequence_options(column.identity_options.mut(), c->options, c->n_options, nullptr, &seq_name);
            if (column.identity_options->data_type && *column.identity_options->data_type == column.type) {
                column.identity_options.mut().data_type.reset();
            }
            column.identity_sequence = seq_name.empty()
                                           ? choose_relation_name(table.name.name, column.name, "seq", table.name.schema)
                                           : seq_name;
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity: {
            model::Column& column = require_column(table, cmd->name, where);
            std::vector<Node*> seq_options;
            for (std::size_t i = 0; i < cmd->def->list->n_items; ++i) {
                auto* d = cmd->def->list->items[i]->def_elem;
                if (std::string_view{d->defname} == "generated") {
                    auto v = node_integer(d->arg);
                    column.identity = (v && *v == 'a') ? model::IdentityKind::always : model::IdentityKind::by_default;
                } else {
                    seq_options.push_back(cmd->def->list->items[i]);
                }
            }
            apply_sequence_options(column.identity_options.mut(), seq_options.data(), seq_options.size(), nullptr, nullptr);
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity: {
            model::Column* column = table.find_column(cmd->name);
            if (column == nullptr && cmd->missing_ok) {
                return;
            }
            column = &require_column(table, cmd->name, where);
            column->identity = model::IdentityKind::none;
            column->identity_options = model::Boxed<model::SequenceOptions>{};
            column->identity_sequence.clear();
            return;
        }
        default: unsupported(current_, fmt::format("ALTER TABLE action (subtype {})", static_cast<int>(cmd->subtype)));
    }
}

void Interpreter::alter_view_cmd(model::View& view, PgQuery__AlterTableCmd* cmd) {
    switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
            view.meta.owner = role_name(cmd->newowner);
            view.meta.owner_at = meta().location;
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
            merge_options(view.meta.attributes, attr::view_options, cmd,
                          cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions);
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: {
            auto it = std::find_if(view.column_details.begin(), view.column_details.end(),
                                   [&](const model::Column& c) { return c.name == cmd->name; });
            if (it == view.column_details.end()) {
                view.column_details.push_back(model::Column{});
                it = view.column_details.end() - 1;
                it->name = cmd->name;
            }
            if (cmd->def == nullptr) {
                it->default_value.reset();
            } else {
                it->default_value = expr(cmd->def);
            }
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace: view.tablespace = cmd->name; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions: {
            // Statistics targets and attribute options exist on a materialized view's columns
            // (pg_dump: ALTER TABLE ONLY mv ALTER COLUMN c SET STATISTICS n), not on a view's.
            if (!view.materialized) {
                throw StatementError(0, fmt::format("\"{}\" is not a table, materialized view, index, partitioned "
                                                    "index, or foreign table",
                                                    view.name.name));
            }
            std::string column = cmd->name != nullptr ? cmd->name : "";
            auto it = std::find_if(view.column_details.begin(), view.column_details.end(),
                                   [&](const model::Column& c) { return c.name == column; });
            if (it == view.column_details.end()) {
                view.column_details.push_back(model::Column{});
                it = view.column_details.end() - 1;
                it->name = column;
            }
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics) {
                auto v = node_integer(cmd->def);
                if (!v || *v < -1) {
                    throw StatementError(0, "statistics target must be -1 or between 0 and 10000");
                }
                if (*v == -1) {
                    it->meta.attributes.erase(attr::column_statistics);
                } else {
                    it->meta.attributes.set(attr::column_statistics, std::min<std::int64_t>(*v, 10000));
                }
            } else {
                merge_options(it->meta.attributes, attr::column_options, cmd,
                              cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions);
            }
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
        default: unsupported(current_, "ALTER VIEW action"); return;
    }
}

void Interpreter::alter_sequence_cmd(model::Sequence& seq, PgQuery__AlterTableCmd* cmd) {
    switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
            seq.meta.owner = role_name(cmd->newowner);
            seq.meta.owner_at = meta().location;
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged: seq.unlogged = false; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: seq.unlogged = true; return;
        default: unsupported(current_, "ALTER SEQUENCE action"); return;
    }
}

void Interpreter::alter_index_cmd(model::Index& index, PgQuery__AlterTableCmd* cmd) {
    switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner: return;  // indexes are owned by their table's owner
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
            merge_options(index.meta.attributes, attr::index_options, cmd,
                          cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions);
            return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace: index.tablespace = cmd->name; return;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition: {
            model::QualifiedName child = resolve_relation(cmd->def->partition_cmd->name);
            auto it = schema_.indexes.find(child);
            if (it == schema_.indexes.end()) {
                // pg_dump attaches the index of a partition's constraint (t_pkey) too; that
                // link is implied by the constraints themselves.
                return;
            }
            it->second.attached_to = index.name;
            return;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics: {
            // pg_dump: ALTER INDEX i ALTER COLUMN n SET STATISTICS m after the CREATE INDEX.
            // PostgreSQL also accepts the index column's generated name ("expr", "lower");
            // those names are not modeled, so that form stays a warning.
            if (cmd->name != nullptr && cmd->name[0] != '\0') {
                unsupported(current_, "ALTER INDEX … ALTER COLUMN name (by name; use the column number)");
                return;
            }
            const int number = cmd->num;
            const auto keys = static_cast<int>(index.elements.size());
            const auto columns = keys + static_cast<int>(index.include.size());
            if (number < 1 || number > columns) {
                throw StatementError(0, fmt::format("column number {} of relation \"{}\" does not exist", number,
                                                    index.name.name));
            }
            if (number > keys) {
                throw StatementError(0, fmt::format("cannot alter statistics on included column \"{}\" of index \"{}\"",
                                                    index.include[static_cast<std::size_t>(number - keys - 1)],
                                                    index.name.name));
            }
            const model::IndexElement& element = index.elements[static_cast<std::size_t>(number - 1)];
            if (!element.column.empty()) {
                throw StatementError(0, fmt::format("cannot alter statistics on non-expression column \"{}\" of index "
                                                    "\"{}\" (alter statistics on the table column instead)",
                                                    element.column, index.name.name));
            }
            auto v = node_integer(cmd->def);
            if (!v) {
                throw StatementError(0, "statistics target must be an integer");
            }
            if (*v < -1) {
                throw StatementError(0, fmt::format("statistics target {} is too low", *v));
            }
            // -1: the system default.
            set_index_statistics_target(index.meta.attributes, number,
                                        *v == -1 ? std::nullopt
                                                 : std::optional<int>(static_cast<int>(std::min<std::int64_t>(*v, 10000))));
            return;
        }
        default: unsupported(current_, "ALTER INDEX action"); return;
    }
}

}  // namespace schemerge::parser::postgres
