// Functions, procedures, aggregates and operators. Identity is name + input argument types,
// so overloads are distinct objects and a signature change is a drop + create.
#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

void diff_routines(Context& ctx) {
    for (const auto& [name, after] : ctx.to.functions) {
        auto it = ctx.from.functions.find(name);
        if (it == ctx.from.functions.end()) {
            ctx.emit(ChangeKind::create_function, key_of(after), {}, &after);
            continue;
        }
        const model::Function& before = it->second;
        if (unchanged(ctx, before, after)) {
            continue;
        }
        // The planner decides between CREATE OR REPLACE (same return type, argument
        // names and kind) and drop + create with dependents.
        if (!same_definition(before, after)) {
            ctx.emit(ChangeKind::replace_function, key_of(after), &before, &after);
        }
        diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
    }
    for (const auto& [name, before] : ctx.from.functions) {
        if (!ctx.to.functions.contains(name)) {
            ctx.emit(ChangeKind::drop_function, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
