// Table inheritance (CREATE TABLE … INHERITS, ALTER TABLE [ONLY] reaching children,
// ALTER TABLE … INHERIT / NO INHERIT), the way PostgreSQL's tablecmds.c does it:
// a child holds its parents' columns (merged by name with its own: `is_local` says it
// also declares one, the inherit count is how many parents have it) and their CHECK
// constraints that are not NO INHERIT (a copy with `is_local` false).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/interpreter.hpp"

namespace schemerge::parser::postgres {

namespace {

// format_type's spelling, for "integer versus text".
std::string type_display(const model::TypeRef& t) {
    std::string out = t.name.schema.empty() ? t.name.name : t.name.to_string();
    if (!t.modifiers.empty()) {
        out += "(";
        for (std::size_t i = 0; i < t.modifiers.size(); ++i) {
            out += (i > 0 ? "," : "") + t.modifiers[i];
        }
        out += ")";
    }
    for (int i = 0; i < t.array_dims; ++i) {
        out += "[]";
    }
    return out;
}

bool inheritable_check(const model::Constraint& c) { return c.kind == model::ConstraintKind::check && !c.no_inherit; }

// Two CHECKs PostgreSQL would merge: same expression, both inheritable.
bool same_check(const model::Constraint& a, const model::Constraint& b) {
    return a.kind == model::ConstraintKind::check && b.kind == model::ConstraintKind::check && a.check.text == b.check.text;
}

// The copy of a parent's column a child gets: what MergeAttributes copies (type,
// collation, NOT NULL, default or generation expression, storage, compression), not the
// identity, statistics or options.
model::Column inherited_copy(const model::Column& column, const model::SourceLocation& where) {
    model::Column copy;
    copy.name = column.name;
    copy.type = column.type;
    copy.collation = column.collation;
    copy.not_null = column.not_null || column.identity != model::IdentityKind::none;
    copy.default_value = column.default_value;
    copy.generated = column.generated;
    copy.generation = column.generation;
    for (const auto* def : {&attr::column_storage, &attr::column_compression}) {
        if (const auto* value = column.meta.attributes.find(*def)) {
            copy.meta.attributes.set(*def, *value);
        }
    }
    copy.is_local = false;
    copy.meta.location = where;
    return copy;
}

model::Constraint inherited_constraint(const model::Constraint& constraint, const model::SourceLocation& where) {
    model::Constraint copy = constraint;
    copy.is_local = false;
    copy.meta = {};
    copy.meta.location = where;
    return copy;
}

}  // namespace

std::vector<model::Table*> Interpreter::inheritance_children(const model::QualifiedName& parent) {
    std::vector<model::Table*> out;
    for (auto& [_, table] : schema_.tables) {
        if (std::find(table.inherits.begin(), table.inherits.end(), parent) != table.inherits.end()) {
            out.push_back(&table);
        }
    }
    return out;
}

int Interpreter::inherited_count(const model::Table& table, std::string_view column) const {
    int count = 0;
    for (const auto& parent : table.inherits) {
        auto it = schema_.tables.find(parent);
        if (it != schema_.tables.end() && it->second.find_column(column) != nullptr) {
            ++count;
        }
    }
    return count;
}

int Interpreter::inherited_constraint_count(const model::Table& table, std::string_view name) const {
    int count = 0;
    for (const auto& parent : table.inherits) {
        auto it = schema_.tables.find(parent);
        if (it == schema_.tables.end()) {
            continue;
        }
        const auto* c = it->second.find_constraint(name);
        if (c != nullptr && inheritable_check(*c)) {
            ++count;
        }
    }
    return count;
}

bool Interpreter::has_inheritance(const model::Table& table) const {
    if (!table.inherits.empty()) {
        return true;
    }
    if (!any_inherits_) {
        return false;
    }
    return std::any_of(schema_.tables.begin(), schema_.tables.end(), [&](const auto& entry) {
        const auto& parents = entry.second.inherits;
        return std::find(parents.begin(), parents.end(), table.name) != parents.end();
    });
}

// CREATE TABLE … INHERITS (p, …): the parents' columns first, in parent order, merged by
// name (types must agree; NOT NULL if any parent's is; a default every parent that has one
// agrees on, unless the child declares its own), then their inheritable CHECKs.
void Interpreter::inherit_at_create(model::Table& table, PgQuery__CreateStmt* stmt) {
    std::set<std::string> local_defaults;
    for (std::size_t i = 0; i < stmt->n_table_elts; ++i) {
        const Node* elt = stmt->table_elts[i];
        if (elt->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF || elt->column_def->colname == nullptr) {
            continue;
        }
        const auto* def = elt->column_def;
        for (std::size_t k = 0; k < def->n_constraints; ++k) {
            if (def->constraints[k]->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) {
                local_defaults.insert(def->colname);
            }
        }
    }
    std::set<std::string> conflicting_defaults;
    for (std::size_t i = 0; i < stmt->n_inh_relations; ++i) {
        const auto* rv = stmt->inh_relations[i]->range_var;
        model::QualifiedName parent_name = resolve_relation(rv);
        const model::Table& parent = require_table(parent_name, rv->location);
        if (parent.partition_strategy != model::PartitionStrategy::none) {
            throw StatementError(rv->location,
                                 fmt::format("cannot inherit from partitioned table \"{}\"", parent_name.to_string()));
        }
        if (parent.partition_of) {
            throw StatementError(rv->location, fmt::format("cannot inherit from partition \"{}\"", parent_name.to_string()));
        }
        if (std::find(table.inherits.begin(), table.inherits.end(), parent_name) != table.inherits.end()) {
            throw StatementError(rv->location, fmt::format("relation \"{}\" would be inherited from more than once",
                                                           parent_name.to_string()));
        }
        table.inherits.push_back(parent_name);
        any_inherits_ = true;
        for (const auto& column : parent.columns) {
            model::Column* existing = table.find_column(column.name);
            if (existing == nullptr) {
                table.columns.push_back(inherited_copy(column, table.meta.location));
                continue;
            }
            if (existing->type != column.type) {
                throw StatementError(rv->location,
                                     fmt::format("inherited column \"{}\" has a type conflict: {} versus {}",
                                                 column.name, type_display(existing->type), type_display(column.type)));
            }
            if (existing->collation != column.collation) {
                throw StatementError(rv->location,
                                     fmt::format("inherited column \"{}\" has a collation conflict", column.name));
            }
            existing->not_null = existing->not_null || column.not_null;
            if (column.default_value) {
                if (!existing->default_value) {
                    existing->default_value = column.default_value;
                } else if (existing->default_value->text != column.default_value->text) {
                    conflicting_defaults.insert(column.name);
                }
            }
        }
        for (const auto& constraint : parent.constraints) {
            if (!inheritable_check(constraint)) {
                continue;
            }
            if (const auto* existing = table.find_constraint(constraint.name)) {
                if (!same_check(*existing, constraint)) {
                    throw StatementError(rv->location,
                                         fmt::format("check constraint name \"{}\" appears multiple times but with "
                                                     "different expressions",
                                                     constraint.name));
                }
                continue;
            }
            table.constraints.push_back(inherited_constraint(constraint, table.meta.location));
        }
    }
    for (const auto& name : conflicting_defaults) {
        if (!local_defaults.contains(name)) {
            throw StatementError(stmt->relation->location,
                                 fmt::format("column \"{}\" inherits conflicting default values (declare a default "
                                             "for it in the child)",
                                             name));
        }
    }
}

// A column the child declares that it also inherits: one column, at the inherited
// position, local from now on (attislocal).
void Interpreter::merge_local_column(model::Column& inherited, model::Column local, int offset) {
    if (local.type != inherited.type) {
        throw StatementError(offset, fmt::format("column \"{}\" has a type conflict: {} versus {}", local.name,
                                                 type_display(inherited.type), type_display(local.type)));
    }
    if (local.collation && local.collation != inherited.collation) {
        throw StatementError(offset, fmt::format("column \"{}\" has a collation conflict", local.name));
    }
    local.collation = inherited.collation;
    local.not_null = local.not_null || inherited.not_null;
    if (!local.default_value && local.generated == model::GeneratedKind::none) {
        local.default_value = inherited.default_value;
    }
    if (local.generated == model::GeneratedKind::none) {
        local.generated = inherited.generated;
        local.generation = inherited.generation;
    }
    for (const auto* def : {&attr::column_storage, &attr::column_compression}) {
        const auto* value = inherited.meta.attributes.find(*def);
        if (value != nullptr && !local.meta.attributes.has(*def)) {
            local.meta.attributes.set(*def, *value);
        }
    }
    local.is_local = true;
    inherited = std::move(local);
}

// ALTER TABLE steps that reach inheritance children, or that a child's inherited column
// or constraint refuses. Returns false when the step is not about inheritance (the
// caller applies it to `table` alone).
bool Interpreter::alter_inheritance(model::Table& table, PgQuery__AlterTableCmd* cmd, bool only) {
    const int where = 0;
    switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit: {
            const auto* rv = cmd->def->range_var;
            model::QualifiedName parent_name = resolve_relation(rv);
            const model::Table& parent = require_table(parent_name, rv->location);
            if (std::find(table.inherits.begin(), table.inherits.end(), parent_name) != table.inherits.end()) {
                throw StatementError(rv->location, fmt::format("relation \"{}\" would be inherited from more than once",
                                                               parent_name.to_string()));
            }
            if (parent_name == table.name || is_descendant(parent_name, table.name)) {
                throw StatementError(rv->location, fmt::format("circular inheritance not allowed: \"{}\" is already a "
                                                               "child of \"{}\"",
                                                               parent_name.name, table.name.name));
            }
            if (parent.partition_strategy != model::PartitionStrategy::none) {
                throw StatementError(rv->location,
                                     fmt::format("cannot inherit from partitioned table \"{}\"", parent_name.to_string()));
            }
            for (const auto& column : parent.columns) {
                const model::Column* mine = table.find_column(column.name);
                if (mine == nullptr) {
                    throw StatementError(rv->location, fmt::format("child table is missing column \"{}\"", column.name));
                }
                if (mine->type != column.type || mine->collation != column.collation) {
                    throw StatementError(rv->location,
                                         fmt::format("child table \"{}\" has different type for column \"{}\"",
                                                     table.name.name, column.name));
                }
                if (column.not_null && !mine->not_null) {
                    throw StatementError(rv->location, fmt::format("column \"{}\" in child table must be marked NOT NULL",
                                                                   column.name));
                }
            }
            for (const auto& constraint : parent.constraints) {
                if (!inheritable_check(constraint)) {
                    continue;
                }
                const model::Constraint* mine = table.find_constraint(constraint.name);
                if (mine == nullptr) {
                    throw StatementError(rv->location,
                                         fmt::format("child table is missing constraint \"{}\"", constraint.name));
                }
                if (!same_check(*mine, constraint)) {
                    throw StatementError(rv->location,
                                         fmt::format("child table \"{}\" has different definition for check constraint "
                                                     "\"{}\"",
                                                     table.name.name, constraint.name));
                }
                if (mine->no_inherit) {
                    throw StatementError(rv->location,
                                         fmt::format("constraint \"{}\" conflicts with non-inherited constraint on "
                                                     "child table \"{}\"",
                                                     constraint.name, table.name.name));
                }
            }
            table.inherits.push_back(parent_name);
            any_inherits_ = true;
            return true;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit: {
            const auto* rv = cmd->def->range_var;
            model::QualifiedName parent_name = resolve_relation(rv);
            if (std::find(table.inherits.begin(), table.inherits.end(), parent_name) == table.inherits.end()) {
                throw StatementError(rv->location, fmt::format("relation \"{}\" is not a parent of relation \"{}\"",
                                                               parent_name.name, table.name.name));
            }
            std::erase(table.inherits, parent_name);
            settle_inherited(table);
            return true;
        }
        default: break;
    }
    if (!has_inheritance(table)) {
        return false;
    }
    const std::string column_name = cmd->name != nullptr ? cmd->name : "";
    switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse: {
            auto children = inheritance_children(table.name);
            const std::string name = cmd->def->column_def->colname != nullptr ? cmd->def->column_def->colname : "";
            if (cmd->missing_ok && table.find_column(name) != nullptr) {
                return true;
            }
            if (only && !children.empty()) {
                throw StatementError(where, fmt::format("column \"{}\" must be added to child tables too (ALTER TABLE "
                                                        "ONLY on a table with inheritance children)",
                                                        name));
            }
            std::set<std::string> before;
            for (const auto& c : table.constraints) {
                before.insert(c.name);
            }
            alter_table_cmd_on(table, cmd);
            const model::Column column = *table.find_column(name);
            std::vector<model::Constraint> checks;
            for (const auto& c : table.constraints) {
                if (!before.contains(c.name) && inheritable_check(c)) {
                    checks.push_back(c);
                }
            }
            for (model::Table* child : children) {
                add_inherited_column(*child, column, checks);
            }
            return true;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse: {
            if (table.find_column(column_name) != nullptr && inherited_count(table, column_name) > 0) {
                throw StatementError(where, fmt::format("cannot drop inherited column \"{}\"", column_name));
            }
            drop_column_recursive(table, cmd, only);
            return true;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: {
            alter_table_cmd_on(table, cmd);
            if (!only) {
                for (model::Table* child : descendants(table.name)) {
                    alter_table_cmd_on(*child, cmd);
                }
            }
            return true;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
            if (table.find_column(column_name) != nullptr && inherited_count(table, column_name) > 0) {
                throw StatementError(where, fmt::format("cannot alter inherited column \"{}\"", column_name));
            }
            auto all = descendants(table.name);
            if (only && !all.empty()) {
                throw StatementError(where, fmt::format("type of inherited column \"{}\" must be changed in child "
                                                        "tables too",
                                                        column_name));
            }
            alter_table_cmd_on(table, cmd);
            for (model::Table* child : all) {
                alter_table_cmd_on(*child, cmd);
            }
            return true;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse: {
            const auto* def = cmd->def->constraint;
            if (def->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK || def->is_no_inherit) {
                return false;
            }
            auto children = inheritance_children(table.name);
            if (only && !children.empty()) {
                throw StatementError(where, "constraint must be added to child tables too (ALTER TABLE ONLY on a table "
                                            "with inheritance children)");
            }
            std::set<std::string> before;
            for (const auto& c : table.constraints) {
                before.insert(c.name);
            }
            alter_table_cmd_on(table, cmd);
            for (const auto& c : table.constraints) {
                if (!before.contains(c.name)) {
                    const model::Constraint added = c;
                    for (model::Table* child : children) {
                        add_inherited_column(*child, std::nullopt, {added});
                    }
                    break;
                }
            }
            return true;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse: {
            const model::Constraint* c = table.find_constraint(column_name);
            if (c == nullptr) {
                return false;
            }
            if (c->kind == model::ConstraintKind::check && inherited_constraint_count(table, column_name) > 0) {
                throw StatementError(where, fmt::format("cannot drop inherited constraint \"{}\" of relation \"{}\"",
                                                        column_name, table.name.to_string()));
            }
            bool reaches_children = inheritable_check(*c);
            auto children = inheritance_children(table.name);
            alter_table_cmd_on(table, cmd);
            if (!reaches_children) {
                return true;
            }
            for (model::Table* child : children) {
                model::Constraint* copy = child->find_constraint(column_name);
                if (copy == nullptr) {
                    continue;
                }
                if (only || copy->is_local || inherited_constraint_count(*child, column_name) > 0) {
                    copy->is_local = only || copy->is_local || inherited_constraint_count(*child, column_name) == 0;
                    continue;
                }
                alter_inheritance(*child, cmd, false);
            }
            return true;
        }
        default: return false;
    }
}

// A parent's new column (and new inheritable CHECKs) reaching a child: merged with the
// child's own column of that name (same type required; the grandchildren already have it),
// else added as inherited and passed on.
void Interpreter::add_inherited_column(model::Table& child, const std::optional<model::Column>& column,
                                       const std::vector<model::Constraint>& checks) {
    bool pass_on = false;
    if (column) {
        if (const model::Column* mine = child.find_column(column->name)) {
            if (mine->type != column->type || mine->collation != column->collation) {
                throw StatementError(0, fmt::format("child table \"{}\" has different type for column \"{}\"",
                                                    child.name.name, column->name));
            }
        } else {
            child.columns.push_back(inherited_copy(*column, meta().location));
            pass_on = true;
        }
    }
    std::vector<model::Constraint> new_checks;
    for (const auto& check : checks) {
        if (const model::Constraint* mine = child.find_constraint(check.name)) {
            if (!same_check(*mine, check) || mine->no_inherit) {
                throw StatementError(0, fmt::format("constraint \"{}\" for relation \"{}\" already exists", check.name,
                                                    child.name.to_string()));
            }
            continue;
        }
        child.constraints.push_back(inherited_constraint(check, meta().location));
        new_checks.push_back(check);
    }
    if (!pass_on && new_checks.empty()) {
        return;
    }
    for (model::Table* grandchild : inheritance_children(child.name)) {
        add_inherited_column(*grandchild, pass_on ? column : std::nullopt, new_checks);
    }
}

// DROP COLUMN on a table with children: without ONLY a child's copy goes too when this
// was its only source and the child does not declare it; with ONLY (or when it stays)
// the child's column becomes its own.
void Interpreter::drop_column_recursive(model::Table& table, PgQuery__AlterTableCmd* cmd, bool only) {
    const std::string name = cmd->name != nullptr ? cmd->name : "";
    const bool present = table.find_column(name) != nullptr;
    auto children = inheritance_children(table.name);
    alter_table_cmd_on(table, cmd);
    if (!present) {
        return;
    }
    for (model::Table* child : children) {
        model::Column* copy = child->find_column(name);
        if (copy == nullptr) {
            continue;
        }
        if (only || copy->is_local || inherited_count(*child, name) > 0) {
            copy->is_local = only || copy->is_local || inherited_count(*child, name) == 0;
            settle_inherited(*child);
            continue;
        }
        drop_column_recursive(*child, cmd, false);
    }
}

// Columns and CHECKs of `table` no parent supplies any more are its own.
void Interpreter::settle_inherited(model::Table& table) const {
    for (auto& column : table.columns) {
        if (!column.is_local && inherited_count(table, column.name) == 0) {
            column.is_local = true;
        }
    }
    for (auto& constraint : table.constraints) {
        if (!constraint.is_local && inherited_constraint_count(table, constraint.name) == 0) {
            constraint.is_local = true;
        }
    }
}

bool Interpreter::is_descendant(const model::QualifiedName& table, const model::QualifiedName& ancestor) {
    for (model::Table* child : descendants(ancestor)) {
        if (child->name == table) {
            return true;
        }
    }
    return false;
}

// Every table below `parent` (children, their children, …), each once.
std::vector<model::Table*> Interpreter::descendants(const model::QualifiedName& parent) {
    std::vector<model::Table*> out;
    std::set<model::QualifiedName> seen{parent};
    std::vector<model::QualifiedName> queue{parent};
    while (!queue.empty()) {
        model::QualifiedName next = queue.back();
        queue.pop_back();
        for (model::Table* child : inheritance_children(next)) {
            if (seen.insert(child->name).second) {
                out.push_back(child);
                queue.push_back(child->name);
            }
        }
    }
    return out;
}

}  // namespace schemerge::parser::postgres
