// Sequences: every option and OWNED BY can be changed with ALTER SEQUENCE.
#include <optional>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

namespace {

const model::Column* owning_column(const model::Schema& schema, const std::optional<model::SequenceOwner>& owner) {
    if (!owner) {
        return nullptr;
    }
    auto it = schema.tables.find(owner->table);
    return it == schema.tables.end() ? nullptr : it->second.find_column(owner->column);
}

// pg_dump before version 10 never wrote `AS type` for sequences (they were all
// bigint then), so the same serial column dumps with `AS integer` from pg_dump 10+
// and without it from older versions. A sequence written without AS on one side
// and with AS <type of the column that owns it> on the other is the same serial:
// version noise, not a change.
bool serial_as_noise(const Context& ctx, const model::Sequence& before, const model::Sequence& after) {
    const auto& b = before.options.data_type;
    const auto& a = after.options.data_type;
    if (b.has_value() == a.has_value()) {
        return false;
    }
    const model::TypeRef& declared = b ? *b : *a;
    const model::Column* column = owning_column(ctx.to, after.owned_by);
    if (column == nullptr) {
        column = owning_column(ctx.from, before.owned_by);
    }
    return column != nullptr && column->type == declared;
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
        if (serial_as_noise(ctx, before, after)) {
            normalized.options.data_type = after.options.data_type;
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
