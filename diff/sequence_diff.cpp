// Sequences: every option and OWNED BY can be changed with ALTER SEQUENCE.
#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

void diff_sequences(Context& ctx) {
    for (const auto& [name, after] : ctx.to.sequences) {
        auto it = ctx.from.sequences.find(name);
        if (it == ctx.from.sequences.end()) {
            ctx.emit(ChangeKind::create_sequence, key_of(after), {}, &after);
            continue;
        }
        const model::Sequence& before = it->second;
        if (before == after) {
            continue;
        }
        // OWNED BY follows hinted renames of its table and column in the engine.
        model::Sequence normalized = before;
        normalized.meta = after.meta;
        if (normalized.owned_by) {
            normalized.owned_by->column = ctx.renames.new_column(normalized.owned_by->table, normalized.owned_by->column);
            normalized.owned_by->table = ctx.renames.new_table(normalized.owned_by->table);
        }
        if (!(normalized == after)) {
            ctx.emit(ChangeKind::alter_sequence, key_of(after), &before, &after);
        }
        diff_comment(ctx, key_of(after), &before, &after, before.meta, after.meta);
    }
    for (const auto& [name, before] : ctx.from.sequences) {
        if (!ctx.to.sequences.contains(name)) {
            ctx.emit(ChangeKind::drop_sequence, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
