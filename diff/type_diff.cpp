// User-defined types: enums grow in place when the engine allows it, domains are
// altered, everything else is recreated (the planner handles the dependents).
#include <algorithm>
#include <string>
#include <vector>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

namespace {

// ALTER TYPE ... ADD VALUE can only add: every old label must keep its relative
// order in the new list (pg_enum sort order cannot be changed or removed).
bool only_additions(const std::vector<std::string>& before, const std::vector<std::string>& after) {
    std::size_t i = 0;
    for (const auto& label : after) {
        if (i < before.size() && before[i] == label) {
            ++i;
        }
    }
    if (i != before.size()) {
        return false;
    }
    // A label appearing twice would make the subsequence match ambiguous; the
    // engine rejects duplicates anyway.
    std::vector<std::string> sorted = after;
    std::sort(sorted.begin(), sorted.end());
    return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

void add_enum_values(Context& ctx, const model::TypeDef& before, const model::TypeDef& after) {
    const auto& old_labels = before.enum_labels;
    const auto& new_labels = after.enum_labels;
    auto is_old = [&](const std::string& label) {
        return std::find(old_labels.begin(), old_labels.end(), label) != old_labels.end();
    };
    for (std::size_t i = 0; i < new_labels.size(); ++i) {
        if (is_old(new_labels[i])) {
            continue;
        }
        // Appended at the end when no old label follows it; otherwise placed after
        // its predecessor, which exists by then (old, or added by an earlier change),
        // or before the first old label when it leads the list.
        bool old_follows = std::any_of(new_labels.begin() + static_cast<std::ptrdiff_t>(i) + 1, new_labels.end(), is_old);
        EnumPosition position;
        if (old_follows) {
            position = i > 0 ? EnumPosition{EnumPosition::Place::after, new_labels[i - 1]}
                             : EnumPosition{EnumPosition::Place::before, old_labels.front()};
        }
        model::ObjectKey key = key_of(after);
        key.args = new_labels[i];
        ctx.emit(ChangeKind::add_enum_value, key, &before, &after).enum_position = std::move(position);
    }
}

void diff_type(Context& ctx, const model::TypeDef& before, const model::TypeDef& after) {
    if (unchanged(ctx, before, after)) {
        return;
    }
    model::ObjectKey key = key_of(after);
    if (!same_definition(before, after)) {
        if (before.kind != after.kind) {
            ctx.emit(ChangeKind::recreate_type, key, &before, &after);
        } else if (after.kind == model::TypeKind::enum_) {
            // Labels added in place where the engine can (DialectTraits::enum_values_append_only);
            // anything else recreates the type.
            if (ctx.traits().enum_values_append_only && only_additions(before.enum_labels, after.enum_labels)) {
                add_enum_values(ctx, before, after);
            } else {
                ctx.emit(ChangeKind::recreate_type, key, &before, &after);
            }
        } else if (after.kind == model::TypeKind::domain) {
            // ALTER DOMAIN covers default, NOT NULL and constraints; the underlying
            // type and collation are fixed at creation.
            if (before.base_type != after.base_type || before.collation != after.collation) {
                ctx.emit(ChangeKind::recreate_type, key, &before, &after);
            } else {
                ctx.emit(ChangeKind::alter_domain, key, &before, &after);
            }
        } else if (after.kind == model::TypeKind::composite && after.attributes.size() > before.attributes.size() &&
                   std::equal(before.attributes.begin(), before.attributes.end(), after.attributes.begin()) &&
                   before.collation == after.collation) {
            // New attributes at the end, the others untouched: ALTER TYPE ... ADD ATTRIBUTE keeps
            // every stored value (the new attributes are NULL in them) and every dependent.
            ctx.emit(ChangeKind::add_type_attributes, key, &before, &after);
        } else {
            ctx.emit(ChangeKind::recreate_type, key, &before, &after);
        }
    }
    diff_meta(ctx, key, &before, &after, before.meta, after.meta);
}

}  // namespace

void diff_types(Context& ctx) {
    for (const auto& [name, after] : ctx.to.types) {
        auto it = ctx.from.types.find(name);
        if (it == ctx.from.types.end()) {
            ctx.emit(ChangeKind::create_type, key_of(after), {}, &after);
        } else {
            diff_type(ctx, it->second, after);
        }
    }
    for (const auto& [name, before] : ctx.from.types) {
        if (!ctx.to.types.contains(name)) {
            ctx.emit(ChangeKind::drop_type, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
