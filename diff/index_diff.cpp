// Indexes: there is no ALTER INDEX for a changed definition, so a change is a
// drop + create (statistics targets and the dialect's rows reported with the index,
// AttributeDiff::with_object, alone change in place: alter_index); renames come from
// hints only.
#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

namespace {

model::QualifiedName old_index_name(const Context& ctx, const model::QualifiedName& name) {
    auto it = ctx.renames.index_to_old.find(name);
    return it == ctx.renames.index_to_old.end() ? name : it->second;
}

model::QualifiedName new_index_name(const Context& ctx, const model::QualifiedName& name) {
    auto it = ctx.renames.index_to_new.find(name);
    return it == ctx.renames.index_to_new.end() ? name : it->second;
}

// A `from` index as it reads after the hinted renames of its table, columns and
// parent index (the engine carries those along).
model::Index renamed_index(const Context& ctx, const model::Index& index) {
    model::Index out = index;
    for (auto& element : out.elements) {
        if (!element.column.empty()) {
            element.column = ctx.renames.new_column(index.table, element.column);
        }
    }
    for (auto& column : out.include) {
        column = ctx.renames.new_column(index.table, column);
    }
    out.table = ctx.renames.new_table(index.table);
    if (out.attached_to) {
        out.attached_to = new_index_name(ctx, *out.attached_to);
    }
    return out;
}

}  // namespace

void diff_indexes(Context& ctx) {
    for (const auto& [name, after] : ctx.to.indexes) {
        auto it = ctx.from.indexes.find(old_index_name(ctx, name));
        if (it == ctx.from.indexes.end()) {
            ctx.emit(ChangeKind::create_index, key_of(after), {}, &after);
            continue;
        }
        const model::Index& before = it->second;
        model::Index normalized = renamed_index(ctx, before);
        normalized.name = after.name;
        normalized.meta = after.meta;
        if (normalized == after) {
            if (before.meta.attributes.differs(after.meta.attributes, model::AttributeDiff::with_object)) {
                // Only the dialect's with_object rows changed (storage parameters,
                // statistics targets): altered in place, the index is not rebuilt.
                ctx.emit(ChangeKind::alter_index, key_of(after), &before, &after);
            }
            diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
            continue;
        }
        // Keyed by the new name: a hinted rename runs first.
        ctx.emit(ChangeKind::drop_index, key_of(after), &before, {});
        ctx.emit(ChangeKind::create_index, key_of(after), {}, &after);
    }
    for (const auto& [name, before] : ctx.from.indexes) {
        // Indexes of dropped tables are reported too: the planner may let DROP TABLE take them.
        if (!ctx.to.indexes.contains(new_index_name(ctx, name))) {
            ctx.emit(ChangeKind::drop_index, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
