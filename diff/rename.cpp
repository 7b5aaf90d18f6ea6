// Renames: explicit hints become rename_* changes; likely renames become
// suggestions only. A rename is never guessed into a plan: dropping a column and
// adding one with the same shape is indistinguishable from a rename by the schema
// alone, and guessing wrong would silently keep or lose data.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

model::QualifiedName RenameMap::new_table(const model::QualifiedName& old_name) const {
    auto it = table_to_new.find(old_name);
    return it == table_to_new.end() ? old_name : it->second;
}

model::QualifiedName RenameMap::old_table(const model::QualifiedName& new_name) const {
    auto it = table_to_old.find(new_name);
    return it == table_to_old.end() ? new_name : it->second;
}

std::string RenameMap::new_column(const model::QualifiedName& old_table_name, const std::string& old_column_name) const {
    auto it = column_to_new.find({old_table_name, old_column_name});
    return it == column_to_new.end() ? old_column_name : it->second;
}

std::string RenameMap::old_column(const model::QualifiedName& new_table_name, const std::string& new_column_name) const {
    auto it = column_to_old.find({new_table_name, new_column_name});
    return it == column_to_old.end() ? new_column_name : it->second;
}

namespace {

// The parser and the command line leave the schema empty when the user did not
// write one; unqualified names resolve to the dialect's default schema like the front
// end does.
std::string schema_or_default(const Context& ctx, const std::string& schema) {
    return ctx.traits().schema_or_default(schema);
}

void note(Context& ctx, const RenameHint& hint, const std::string& reason) {
    ctx.suggestions.push_back(RenameSuggestion{hint.kind, hint.table, hint.schema, hint.from, hint.to, reason});
}

// Outcome of checking a hint against both schemas.
enum class HintState { apply, already_applied, rejected };

// old/new presence in from/to decides whether a hint applies. A hint that was
// already applied (the new name exists on both sides, the old one on neither) is
// silent: annotations stay in the source long after the migration ran.
HintState check(Context& ctx, const RenameHint& hint, bool old_in_from, bool new_in_from, bool old_in_to,
                bool new_in_to) {
    if (hint.from == hint.to) {
        return HintState::already_applied;
    }
    if (!old_in_from && new_in_from && new_in_to && !old_in_to) {
        return HintState::already_applied;
    }
    if (!old_in_from) {
        note(ctx, hint, "rename hint: old name not found");
        return HintState::rejected;
    }
    if (!new_in_to) {
        note(ctx, hint, "rename hint: new name not found");
        return HintState::rejected;
    }
    if (old_in_to) {
        note(ctx, hint, "rename hint: old name still exists in the target");
        return HintState::rejected;
    }
    if (new_in_from) {
        note(ctx, hint, "rename hint: new name already exists in the source");
        return HintState::rejected;
    }
    return HintState::apply;
}

void apply_table_hint(Context& ctx, RenameHint hint) {
    hint.schema = schema_or_default(ctx, hint.schema);
    model::QualifiedName old_name{hint.schema, hint.from};
    model::QualifiedName new_name{hint.schema, hint.to};
    if (ctx.renames.table_to_new.contains(old_name) || ctx.renames.table_to_old.contains(new_name)) {
        return;  // the first hint for a name wins (command line before annotations)
    }
    auto state = check(ctx, hint, ctx.from.tables.contains(old_name), ctx.from.tables.contains(new_name),
                       ctx.to.tables.contains(old_name), ctx.to.tables.contains(new_name));
    if (state != HintState::apply) {
        return;
    }
    ctx.renames.table_to_new[old_name] = new_name;
    ctx.renames.table_to_old[new_name] = old_name;
    const model::Table& before = ctx.from.tables.at(old_name);
    const model::Table& after = ctx.to.tables.at(new_name);
    ctx.emit(ChangeKind::rename_table, key_of(after), &before, &after).old_name = hint.from;
}

void apply_index_hint(Context& ctx, RenameHint hint) {
    hint.schema = schema_or_default(ctx, hint.schema);
    model::QualifiedName old_name{hint.schema, hint.from};
    model::QualifiedName new_name{hint.schema, hint.to};
    if (ctx.renames.index_to_new.contains(old_name) || ctx.renames.index_to_old.contains(new_name)) {
        return;
    }
    auto state = check(ctx, hint, ctx.from.indexes.contains(old_name), ctx.from.indexes.contains(new_name),
                       ctx.to.indexes.contains(old_name), ctx.to.indexes.contains(new_name));
    if (state != HintState::apply) {
        return;
    }
    ctx.renames.index_to_new[old_name] = new_name;
    ctx.renames.index_to_old[new_name] = old_name;
    const model::Index& before = ctx.from.indexes.at(old_name);
    const model::Index& after = ctx.to.indexes.at(new_name);
    ctx.emit(ChangeKind::rename_index, key_of(after), &before, &after).old_name = hint.from;
}

// Column and constraint hints name the table as it is called in `to` or in `from`.
struct TablePair {
    const model::Table* before = nullptr;
    const model::Table* after = nullptr;
};

TablePair table_pair(Context& ctx, model::QualifiedName table) {
    table.schema = schema_or_default(ctx, table.schema);
    model::QualifiedName new_name = ctx.to.tables.contains(table) ? table : ctx.renames.new_table(table);
    model::QualifiedName old_name = ctx.renames.old_table(new_name);
    TablePair pair;
    if (auto it = ctx.from.tables.find(old_name); it != ctx.from.tables.end()) {
        pair.before = &it->second;
    }
    if (auto it = ctx.to.tables.find(new_name); it != ctx.to.tables.end()) {
        pair.after = &it->second;
    }
    return pair;
}

void apply_column_hint(Context& ctx, RenameHint hint) {
    TablePair pair = table_pair(ctx, hint.table);
    if (pair.before == nullptr || pair.after == nullptr) {
        note(ctx, hint, "rename hint: table not found");
        return;
    }
    const model::QualifiedName& old_table = pair.before->name;
    const model::QualifiedName& new_table = pair.after->name;
    if (ctx.renames.column_to_new.contains({old_table, hint.from}) ||
        ctx.renames.column_to_old.contains({new_table, hint.to})) {
        return;
    }
    const model::Column* before = pair.before->find_column(hint.from);
    const model::Column* after = pair.after->find_column(hint.to);
    auto state = check(ctx, hint, before != nullptr, pair.before->find_column(hint.to) != nullptr,
                       pair.after->find_column(hint.from) != nullptr, after != nullptr);
    if (state != HintState::apply) {
        return;
    }
    ctx.renames.column_to_new[{old_table, hint.from}] = hint.to;
    ctx.renames.column_to_old[{new_table, hint.to}] = hint.from;
    ctx.emit(ChangeKind::rename_column, column_key(new_table, hint.to), before, after).old_name = hint.from;
}

void apply_constraint_hint(Context& ctx, RenameHint hint) {
    TablePair pair = table_pair(ctx, hint.table);
    if (pair.before == nullptr || pair.after == nullptr) {
        note(ctx, hint, "rename hint: table not found");
        return;
    }
    const model::QualifiedName& old_table = pair.before->name;
    const model::QualifiedName& new_table = pair.after->name;
    if (ctx.renames.constraint_to_new.contains({old_table, hint.from}) ||
        ctx.renames.constraint_to_old.contains({new_table, hint.to})) {
        return;
    }
    const model::Constraint* before = pair.before->find_constraint(hint.from);
    const model::Constraint* after = pair.after->find_constraint(hint.to);
    auto state = check(ctx, hint, before != nullptr, pair.before->find_constraint(hint.to) != nullptr,
                       pair.after->find_constraint(hint.from) != nullptr, after != nullptr);
    if (state != HintState::apply) {
        return;
    }
    ctx.renames.constraint_to_new[{old_table, hint.from}] = hint.to;
    ctx.renames.constraint_to_old[{new_table, hint.to}] = hint.from;
    ctx.emit(ChangeKind::rename_constraint, constraint_key(new_table, hint.to), before, after).old_name = hint.from;
}

// Renames of views, sequences and types have no change kind yet: the object is
// dropped and created. Say so when the hint would have mattered.
template <typename Map>
void unsupported_hint(Context& ctx, RenameHint hint, const Map& from_objects) {
    hint.schema = schema_or_default(ctx, hint.schema);
    if (from_objects.contains(model::QualifiedName{hint.schema, hint.to})) {
        return;  // already applied
    }
    note(ctx, hint, "rename hint: renaming a " + std::string(model::to_string(hint.kind)) +
                        " is not supported; it is dropped and created");
}

}  // namespace

std::vector<RenameHint> rename_hints(const model::Schema& to, const DiffOptions& options) {
    std::vector<RenameHint> hints = options.renames;
    for (const auto& [name, table] : to.tables) {
        if (!table.meta.renamed_from.empty()) {
            hints.push_back({model::ObjectKind::table, {}, name.schema, table.meta.renamed_from, name.name});
        }
        for (const auto& column : table.columns) {
            if (!column.meta.renamed_from.empty()) {
                hints.push_back({model::ObjectKind::column, name, name.schema, column.meta.renamed_from, column.name});
            }
        }
        for (const auto& constraint : table.constraints) {
            if (!constraint.meta.renamed_from.empty()) {
                hints.push_back(
                    {model::ObjectKind::constraint, name, name.schema, constraint.meta.renamed_from, constraint.name});
            }
        }
    }
    for (const auto& [name, index] : to.indexes) {
        if (!index.meta.renamed_from.empty()) {
            hints.push_back({model::ObjectKind::index, {}, name.schema, index.meta.renamed_from, name.name});
        }
    }
    for (const auto& [name, view] : to.views) {
        if (!view.meta.renamed_from.empty()) {
            hints.push_back({view.materialized ? model::ObjectKind::materialized_view : model::ObjectKind::view, {},
                             name.schema, view.meta.renamed_from, name.name});
        }
    }
    for (const auto& [name, sequence] : to.sequences) {
        if (!sequence.meta.renamed_from.empty()) {
            hints.push_back({model::ObjectKind::sequence, {}, name.schema, sequence.meta.renamed_from, name.name});
        }
    }
    for (const auto& [name, type] : to.types) {
        if (!type.meta.renamed_from.empty()) {
            hints.push_back({model::ObjectKind::type, {}, name.schema, type.meta.renamed_from, name.name});
        }
    }
    return hints;
}

void resolve_renames(Context& ctx) {
    std::vector<RenameHint> hints = rename_hints(ctx.to, ctx.options);
    // Tables first: column and constraint hints may name a renamed table.
    for (const auto& hint : hints) {
        if (hint.kind == model::ObjectKind::table) {
            apply_table_hint(ctx, hint);
        }
    }
    for (const auto& hint : hints) {
        switch (hint.kind) {
            case model::ObjectKind::table: break;
            case model::ObjectKind::column: apply_column_hint(ctx, hint); break;
            case model::ObjectKind::constraint: apply_constraint_hint(ctx, hint); break;
            case model::ObjectKind::index: apply_index_hint(ctx, hint); break;
            case model::ObjectKind::view:
            case model::ObjectKind::materialized_view: unsupported_hint(ctx, hint, ctx.from.views); break;
            case model::ObjectKind::sequence: unsupported_hint(ctx, hint, ctx.from.sequences); break;
            case model::ObjectKind::type: unsupported_hint(ctx, hint, ctx.from.types); break;
            default: note(ctx, hint, "rename hint: unsupported object kind"); break;
        }
    }
}

namespace {

// A constraint's shape: its definition without its name (names often embed the
// table name, which is what changed).
model::Constraint shape_of(const model::Constraint& constraint) {
    model::Constraint shape = constraint;
    shape.name.clear();
    shape.meta = {};
    return shape;
}

bool same_shape(const model::Table& a, const model::Table& b) {
    if (a.columns.size() != b.columns.size() || a.constraints.size() != b.constraints.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.columns.size(); ++i) {
        if (a.columns[i].name != b.columns[i].name || a.columns[i].type != b.columns[i].type) {
            return false;
        }
    }
    // Constraints as multisets of shapes (their order is by name, which may differ).
    std::vector<bool> used(b.constraints.size(), false);
    for (const auto& ca : a.constraints) {
        model::Constraint sa = shape_of(ca);
        bool found = false;
        for (std::size_t j = 0; j < b.constraints.size() && !found; ++j) {
            if (!used[j] && shape_of(b.constraints[j]) == sa) {
                used[j] = true;
                found = true;
            }
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

bool same_column_shape(const model::Column& a, const model::Column& b) {
    return a.type == b.type && a.default_value == b.default_value && a.not_null == b.not_null;
}

template <typename T>
const T* ref_as(const ObjectRef& ref) {
    const T* const* p = std::get_if<const T*>(&ref);
    return p == nullptr ? nullptr : *p;
}

}  // namespace

void suggest_renames(Context& ctx) {
    std::vector<const model::Table*> dropped_tables;
    std::vector<const model::Table*> created_tables;
    std::vector<const Change*> dropped_columns;
    std::vector<const Change*> added_columns;
    for (const auto& change : ctx.changes) {
        switch (change.kind) {
            case ChangeKind::drop_table: dropped_tables.push_back(ref_as<model::Table>(change.before)); break;
            case ChangeKind::create_table: created_tables.push_back(ref_as<model::Table>(change.after)); break;
            case ChangeKind::drop_column: dropped_columns.push_back(&change); break;
            case ChangeKind::add_column: added_columns.push_back(&change); break;
            default: break;
        }
    }
    std::set<const model::Table*> taken_tables;
    for (const model::Table* dropped : dropped_tables) {
        for (const model::Table* created : created_tables) {
            if (dropped == nullptr || created == nullptr || taken_tables.contains(created) ||
                dropped->name.schema != created->name.schema || !same_shape(*dropped, *created)) {
                continue;
            }
            taken_tables.insert(created);
            ctx.suggestions.push_back(RenameSuggestion{model::ObjectKind::table, {}, dropped->name.schema,
                                                       dropped->name.name, created->name.name,
                                                       "same columns and constraints"});
            break;
        }
    }
    std::set<const Change*> taken_columns;
    for (const Change* dropped : dropped_columns) {
        const auto* before = ref_as<model::Column>(dropped->before);
        for (const Change* added : added_columns) {
            const auto* after = ref_as<model::Column>(added->after);
            if (before == nullptr || after == nullptr || taken_columns.contains(added) ||
                dropped->key.schema != added->key.schema || dropped->key.table != added->key.table ||
                !same_column_shape(*before, *after)) {
                continue;
            }
            taken_columns.insert(added);
            ctx.suggestions.push_back(RenameSuggestion{model::ObjectKind::column,
                                                       {added->key.schema, added->key.table}, added->key.schema,
                                                       before->name, after->name, "same type, default and not-null"});
            break;
        }
    }
}

}  // namespace schemerge::diff::detail
