// Triggers and row-level security policies: table-scoped objects that follow a
// hinted rename of their table.
#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

namespace {

void diff_trigger(Context& ctx, const model::Trigger& before, const model::Trigger& after) {
    model::Trigger normalized = before;
    normalized.table = after.table;
    normalized.meta = after.meta;
    if (normalized == after) {
        diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
        return;
    }
    normalized.enabled = after.enabled;
    if (normalized == after) {
        // ALTER TABLE ... ENABLE/DISABLE TRIGGER.
        ctx.emit(ChangeKind::alter_trigger_enabled, key_of(after), &before, &after);
        diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
        return;
    }
    // No ALTER TRIGGER changes a definition; the new trigger carries its comment.
    ctx.emit(ChangeKind::drop_trigger, key_of(after), &before, {});
    ctx.emit(ChangeKind::create_trigger, key_of(after), {}, &after);
}

void diff_policy(Context& ctx, const model::Policy& before, const model::Policy& after) {
    model::Policy normalized = before;
    normalized.table = after.table;
    normalized.meta = after.meta;
    if (normalized == after) {
        diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
        return;
    }
    // ALTER POLICY changes roles, USING and WITH CHECK; the command and
    // PERMISSIVE/RESTRICTIVE are fixed at creation.
    if (before.permissive == after.permissive && before.command == after.command) {
        ctx.emit(ChangeKind::alter_policy, key_of(after), &before, &after);
        diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
        return;
    }
    ctx.emit(ChangeKind::drop_policy, key_of(after), &before, {});
    ctx.emit(ChangeKind::create_policy, key_of(after), {}, &after);
}

}  // namespace

void diff_triggers_and_policies(Context& ctx) {
    for (const auto& [name, after] : ctx.to.triggers) {
        auto it = ctx.from.triggers.find({ctx.renames.old_table(name.table), name.name});
        if (it == ctx.from.triggers.end()) {
            ctx.emit(ChangeKind::create_trigger, key_of(after), {}, &after);
        } else {
            diff_trigger(ctx, it->second, after);
        }
    }
    for (const auto& [name, before] : ctx.from.triggers) {
        if (!ctx.to.triggers.contains({ctx.renames.new_table(name.table), name.name})) {
            ctx.emit(ChangeKind::drop_trigger, key_of(before), &before, {});
        }
    }
    for (const auto& [name, after] : ctx.to.policies) {
        auto it = ctx.from.policies.find({ctx.renames.old_table(name.table), name.name});
        if (it == ctx.from.policies.end()) {
            ctx.emit(ChangeKind::create_policy, key_of(after), {}, &after);
        } else {
            diff_policy(ctx, it->second, after);
        }
    }
    for (const auto& [name, before] : ctx.from.policies) {
        if (!ctx.to.policies.contains({ctx.renames.new_table(name.table), name.name})) {
            ctx.emit(ChangeKind::drop_policy, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
