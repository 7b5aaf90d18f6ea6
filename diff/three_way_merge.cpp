// The three-way merge: renames mapped, objects and attributes merged (merge_object.cpp,
// merge_table.cpp, merge_type.cpp), the result validated (merge_validation.cpp) and the
// two sides checked to commute (merge_commutation.cpp).
#include "diff/three_way_merge.hpp"

#include <future>
#include <tuple>

#include "diff/merge_context.hpp"
#include "model/concurrency.hpp"

namespace schemerge::diff {

std::string_view to_string(ConflictKind kind) {
    switch (kind) {
        case ConflictKind::both_modified: return "both-modified";
        case ConflictKind::modify_delete: return "modify-delete";
        case ConflictKind::add_add: return "add-add";
        case ConflictKind::dangling_reference: return "dangling-reference";
        case ConflictKind::name_collision: return "name-collision";
        case ConflictKind::constraint_invalidated: return "constraint-invalidated";
        case ConflictKind::order_ambiguous: return "order-ambiguous";
        case ConflictKind::non_commuting: return "non-commuting";
    }
    return "unknown";
}

std::string display_name(const model::ObjectKey& key) {
    if (key.kind == model::ObjectKind::default_privileges) {
        return key.to_string();  // "default privileges for role r in schema s on tables"
    }
    std::string out = key.schema.empty() ? "" : key.schema + ".";
    if (!key.table.empty()) {
        out += key.table + ".";
    }
    out += key.name;
    switch (key.kind) {
        case model::ObjectKind::function:
        case model::ObjectKind::procedure:
        case model::ObjectKind::aggregate:
        case model::ObjectKind::operator_: out += "(" + key.args + ")"; break;
        case model::ObjectKind::operator_class:
        case model::ObjectKind::operator_family: out += " USING " + model::access_method(key.args); break;
        default: break;
    }
    return out;
}

MergeResult merge(const model::Schema& base, const model::Schema& ours, const model::Schema& theirs,
                  const MergeOptions& options) {
    detail::MergeContext ctx{options, {}, false};
    ctx.dialect = &model::dialect_of({&base, &ours, &theirs});

    // Renames first: each side's hinted renames are applied to the other inputs, so
    // both sides' changes meet under the new names.
    detail::SideRenames ours_renames = detail::collect_renames(base, ours, options.renames_ours);
    detail::SideRenames theirs_renames = detail::collect_renames(base, theirs, options.renames_theirs);
    detail::check_rename_collisions(ctx, base, ours, ours_renames, theirs, theirs_renames);
    detail::reconcile_renames(ctx, ours_renames, theirs_renames);
    const bool renamed = !ours_renames.tables.empty() || !ours_renames.columns.empty() ||
                         !ours_renames.indexes.empty() || !ours_renames.constraints.empty() ||
                         !theirs_renames.tables.empty() || !theirs_renames.columns.empty() ||
                         !theirs_renames.indexes.empty() || !theirs_renames.constraints.empty();
    model::Schema b;
    model::Schema o;
    model::Schema t;
    if (renamed) {
        b = base;
        o = ours;
        t = theirs;
        for (auto* s : {&b, &o, &t}) {
            detail::apply_renames(*s, ours_renames);
            detail::apply_renames(*s, theirs_renames);
        }
    }
    const model::Schema& rb = renamed ? b : base;
    const model::Schema& ro = renamed ? o : ours;
    const model::Schema& rt = renamed ? t : theirs;

    MergeResult result;
    result.merged = detail::merge_schemas(ctx, rb, ro, rt);
    // The commutation check (the merge again with the sides swapped) only reads the inputs
    // and the merged model: it runs on a second thread while the merged model is validated.
    auto non_commuting = std::async(model::launch_policy(), [found = ctx.beside(), &result, &rb, &ro, &rt] {
        return detail::find_non_commuting(found, result.merged, rb, ro, rt);
    });
    detail::validate(ctx, result.merged, detail::Sides{base, ours, theirs}, detail::Sides{rb, ro, rt});
    detail::report_non_commuting(ctx, non_commuting.get());
    detail::check_star_views(ctx, result.merged, rb, ro, rt);

    result.conflicts = std::move(ctx.conflicts);
    std::stable_sort(result.conflicts.begin(), result.conflicts.end(), [](const Conflict& x, const Conflict& y) {
        return std::tie(x.object, x.attribute, x.kind) < std::tie(y.object, y.attribute, y.kind);
    });
    // One conflict per (object, attribute, kind, values): validation can reach one
    // reference from two paths.
    result.conflicts.erase(std::unique(result.conflicts.begin(), result.conflicts.end(),
                                       [](const Conflict& x, const Conflict& y) {
                                           return x.object == y.object && x.attribute == y.attribute &&
                                                  x.kind == y.kind && x.ours.value == y.ours.value &&
                                                  x.theirs.value == y.theirs.value;
                                       }),
                           result.conflicts.end());
    return result;
}

}  // namespace schemerge::diff
