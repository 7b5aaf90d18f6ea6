// Tables: columns, constraints and table-level attributes, each to the most
// specific change kind so that the planner can pick the cheapest statement.
#include <string>
#include <vector>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

model::Constraint renamed_constraint(const Context& ctx, const model::QualifiedName& old_table,
                                     const model::Constraint& constraint) {
    model::Constraint out = constraint;
    for (auto& column : out.columns) {
        column = ctx.renames.new_column(old_table, column);
    }
    for (auto& column : out.include) {
        column = ctx.renames.new_column(old_table, column);
    }
    for (auto& column : out.on_delete_columns) {
        column = ctx.renames.new_column(old_table, column);
    }
    for (auto& element : out.exclusion) {
        if (!element.column.empty()) {
            element.column = ctx.renames.new_column(old_table, element.column);
        }
    }
    if (out.kind == model::ConstraintKind::foreign_key) {
        for (auto& column : out.ref_columns) {
            column = ctx.renames.new_column(out.ref_table, column);
        }
        out.ref_table = ctx.renames.new_table(out.ref_table);
    }
    return out;
}

namespace {

// Changing the partitioning of a table is impossible in place: the engine only
// lets a table be created partitioned.
bool partitioning_changed(const model::Table& before, const model::Table& after) {
    return before.partition_strategy != after.partition_strategy || before.partition_key != after.partition_key;
}

// Everything alter_table covers: the table without its name, columns, constraints
// and comment, with `from` references renamed; its dialect's attributes reported with it
// (AttributeDiff::with_object) are compared by alter_table_attributes_differ.
model::Table table_attributes(const Context& ctx, const model::Table& table, bool is_before) {
    model::Table out;
    out.inherits = table.inherits;
    out.persistence = table.persistence;
    out.partition_strategy = table.partition_strategy;
    out.partition_key = table.partition_key;
    out.partition_of = table.partition_of;
    out.partition_bound = table.partition_bound;
    out.tablespace = table.tablespace;
    if (is_before) {
        for (auto& parent : out.inherits) {
            parent = ctx.renames.new_table(parent);
        }
        if (out.partition_of) {
            out.partition_of = ctx.renames.new_table(*out.partition_of);
        }
    }
    return out;
}

// The table's attributes that alter_table reports (AttributeDiff::with_object) differ,
// once the `from` values naming a hinted renamed index name it as `to` does.
bool alter_table_attributes_differ(const Context& ctx, const model::Table& before, const model::Table& after) {
    const model::AttributeSet& a = after.meta.attributes;
    if (!before.meta.attributes.differs(a, model::AttributeDiff::with_object)) {
        return false;
    }
    model::AttributeSet b = before.meta.attributes;
    for (const auto& [old_name, new_name] : ctx.renames.index_to_new) {
        if (old_name.schema == before.name.schema) {
            b.rename_index(old_name.name, new_name.name);
        }
    }
    return b.differs(a, model::AttributeDiff::with_object);
}

void diff_column(Context& ctx, const model::QualifiedName& table, const model::Column& before,
                 const model::Column& after) {
    if (before == after) {
        return;
    }
    model::ObjectKey key = column_key(table, after.name);
    ObjectRef b = &before;
    ObjectRef a = &after;
    if (before.type != after.type || before.collation != after.collation) {
        ctx.emit(ChangeKind::alter_column_type, key, b, a);
    }
    if (before.default_value != after.default_value) {
        ctx.emit(after.default_value ? ChangeKind::set_default : ChangeKind::drop_default, key, b, a);
    }
    if (before.not_null != after.not_null) {
        ctx.emit(after.not_null ? ChangeKind::set_not_null : ChangeKind::drop_not_null, key, b, a);
    }
    if (before.identity != after.identity || before.identity_options != after.identity_options ||
        before.identity_sequence != after.identity_sequence) {
        ctx.emit(ChangeKind::alter_identity, key, b, a);
    }
    if (before.generated != after.generated || before.generation != after.generation) {
        ctx.emit(ChangeKind::alter_generated, key, b, a);
    }
    // The dialect's column attributes reported with the column (PostgreSQL's storage,
    // compression, statistics target, attribute options).
    if (before.meta.attributes.differs(after.meta.attributes, model::AttributeDiff::with_object)) {
        ctx.emit(ChangeKind::alter_column_options, key, b, a);
    }
    // is_local (declared here as well as inherited) follows from INHERITS, which
    // alter_table reports.
    diff_meta(ctx, key, b, a, before.meta, after.meta);
}

void diff_columns(Context& ctx, const model::Table& before, const model::Table& after) {
    for (const auto& column : after.columns) {
        const model::Column* old = before.find_column(ctx.renames.old_column(after.name, column.name));
        if (old == nullptr) {
            ctx.emit(ChangeKind::add_column, column_key(after.name, column.name), {}, &column);
        } else {
            diff_column(ctx, after.name, *old, column);
        }
    }
    for (const auto& column : before.columns) {
        if (after.find_column(ctx.renames.new_column(before.name, column.name)) == nullptr) {
            // Keyed by the table's new name: renames run before column changes.
            ctx.emit(ChangeKind::drop_column, column_key(after.name, column.name), &column, {});
        }
    }
}

std::string old_constraint_name(const Context& ctx, const model::QualifiedName& new_table, const std::string& name) {
    auto it = ctx.renames.constraint_to_old.find({new_table, name});
    return it == ctx.renames.constraint_to_old.end() ? name : it->second;
}

std::string new_constraint_name(const Context& ctx, const model::QualifiedName& old_table, const std::string& name) {
    auto it = ctx.renames.constraint_to_new.find({old_table, name});
    return it == ctx.renames.constraint_to_new.end() ? name : it->second;
}

// A constraint's with_object rows are part of its definition (no ALTER CONSTRAINT changes
// them): the normalized == comparisons below leave meta out, so they are compared here.
bool same_attributes(const model::Constraint& before, const model::Constraint& after) {
    return !before.meta.attributes.differs(after.meta.attributes, model::AttributeDiff::with_object);
}

void diff_constraints(Context& ctx, const model::Table& before, const model::Table& after) {
    std::vector<const model::Constraint*> dropped;
    std::vector<const model::Constraint*> added;
    for (const auto& constraint : after.constraints) {
        const model::Constraint* old = before.find_constraint(old_constraint_name(ctx, after.name, constraint.name));
        if (old == nullptr) {
            added.push_back(&constraint);
            continue;
        }
        model::ObjectKey key = constraint_key(after.name, constraint.name);
        model::Constraint normalized = renamed_constraint(ctx, before.name, *old);
        normalized.name = constraint.name;
        normalized.meta = constraint.meta;
        // is_local (declared here as well as inherited) follows from INHERITS, which
        // alter_table reports.
        normalized.is_local = constraint.is_local;
        const bool same_storage = same_attributes(*old, constraint);
        if (normalized == constraint && same_storage) {
            diff_meta(ctx, key, old, &constraint, old->meta, constraint.meta);
            continue;
        }
        normalized.not_valid = constraint.not_valid;
        if (normalized == constraint && same_storage && old->not_valid && !constraint.not_valid) {
            ctx.emit(ChangeKind::validate_constraint, key, old, &constraint);
            diff_meta(ctx, key, old, &constraint, old->meta, constraint.meta);
            continue;
        }
        // No ALTER CONSTRAINT covers a changed definition: drop and add (the new
        // one carries its comment).
        ctx.emit(ChangeKind::drop_constraint, key, old, {});
        ctx.emit(ChangeKind::add_constraint, key, {}, &constraint);
    }
    for (const auto& constraint : before.constraints) {
        if (after.find_constraint(new_constraint_name(ctx, before.name, constraint.name)) == nullptr) {
            dropped.push_back(&constraint);
        }
    }
    // In a renamed table, a constraint whose definition is unchanged but whose name
    // is (the engine generates names from the table name: t_pkey) follows the
    // explicit table rename: rename it rather than rebuild it.
    if (before.name != after.name) {
        for (auto& old : dropped) {
            model::Constraint normalized = renamed_constraint(ctx, before.name, *old);
            for (auto& fresh : added) {
                if (fresh == nullptr) {
                    continue;
                }
                normalized.name = fresh->name;
                normalized.meta = fresh->meta;
                normalized.is_local = fresh->is_local;
                if (normalized == *fresh && same_attributes(*old, *fresh)) {
                    model::ObjectKey key = constraint_key(after.name, fresh->name);
                    ctx.emit(ChangeKind::rename_constraint, key, old, fresh).old_name = old->name;
                    diff_meta(ctx, key, old, fresh, old->meta, fresh->meta);
                    old = nullptr;
                    fresh = nullptr;
                    break;
                }
            }
        }
    }
    for (const auto* old : dropped) {
        if (old != nullptr) {
            ctx.emit(ChangeKind::drop_constraint, constraint_key(after.name, old->name), old, {});
        }
    }
    for (const auto* fresh : added) {
        if (fresh != nullptr) {
            ctx.emit(ChangeKind::add_constraint, constraint_key(after.name, fresh->name), {}, fresh);
        }
    }
}

void diff_table(Context& ctx, const model::Table& before, const model::Table& after) {
    if (unchanged(ctx, before, after)) {
        return;
    }
    if (partitioning_changed(before, after)) {
        ctx.emit(ChangeKind::drop_table, key_of(before), &before, {});
        ctx.emit(ChangeKind::create_table, key_of(after), {}, &after);
        return;
    }
    if (!(table_attributes(ctx, before, true) == table_attributes(ctx, after, false)) ||
        alter_table_attributes_differ(ctx, before, after)) {
        ctx.emit(ChangeKind::alter_table, key_of(after), &before, &after);
    }
    diff_columns(ctx, before, after);
    diff_constraints(ctx, before, after);
    diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
}

}  // namespace

void diff_tables(Context& ctx) {
    for (const auto& [name, after] : ctx.to.tables) {
        auto it = ctx.from.tables.find(ctx.renames.old_table(name));
        if (it == ctx.from.tables.end()) {
            // The table's columns, constraints and comments come with it.
            ctx.emit(ChangeKind::create_table, key_of(after), {}, &after);
        } else {
            diff_table(ctx, it->second, after);
        }
    }
    for (const auto& [name, before] : ctx.from.tables) {
        if (!ctx.to.tables.contains(ctx.renames.new_table(name))) {
            ctx.emit(ChangeKind::drop_table, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
