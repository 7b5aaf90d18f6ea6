// Sequences: every option and OWNED BY can be changed with ALTER SEQUENCE.
#include <optional>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

namespace {

// Where the engine's dumps write a sequence's data type only in some versions
// (DialectTraits::owned_sequence_type_is_noise), the same serial dumps with and without
// it: for a sequence OWNED BY a column on both sides, a data type missing on one side is
// version noise, not a change (issue 3 lists it as such). A sequence without an owner
// keeps the strict reading: no type means the engine's default.
bool serial_as_noise(const Context& ctx, const model::Sequence& before, const model::Sequence& after) {
    return ctx.traits().owned_sequence_type_is_noise &&
           before.options.data_type.has_value() != after.options.data_type.has_value() && before.owned_by &&
           after.owned_by;
}

}  // namespace

void diff_sequences(Context& ctx) {
    for (const auto& [name, after] : ctx.to.sequences) {
        auto it = ctx.from.sequences.find(name);
        if (it == ctx.from.sequences.end()) {
            ctx.emit(ChangeKind::create_sequence, key_of(after), {}, &after);
            continue;
        }
        const model::Sequence& before = it->second;
        if (unchanged(ctx, before, after)) {
            continue;
        }
        // OWNED BY follows hinted renames of its table and column in the engine.
        model::Sequence normalized = before;
        normalized.meta = after.meta;
        if (normalized.owned_by) {
            normalized.owned_by->column = ctx.renames.new_column(normalized.owned_by->table, normalized.owned_by->column);
            normalized.owned_by->table = ctx.renames.new_table(normalized.owned_by->table);
        }
        if (serial_as_noise(ctx, before, after)) {
            normalized.options.data_type = after.options.data_type;
        }
        if (!(normalized == after)) {
            ctx.emit(ChangeKind::alter_sequence, key_of(after), &before, &after);
        }
        diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
    }
    for (const auto& [name, before] : ctx.from.sequences) {
        if (!ctx.to.sequences.contains(name)) {
            ctx.emit(ChangeKind::drop_sequence, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
