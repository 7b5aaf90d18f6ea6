// Views and materialized views: a changed definition is replaced (the planner
// decides between CREATE OR REPLACE and drop + create); turning a view into a
// materialized view or back is a drop + create.
#include <algorithm>
#include <string>
#include <vector>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

namespace {

// column_details without comments, and without entries that only held a comment:
// comments are diffed separately as set_comment. The columns' dialect attributes (a
// materialized view's column statistics targets) stay part of the view's definition.
std::vector<model::Column> details_without_comments(const std::vector<model::Column>& details) {
    std::vector<model::Column> out;
    for (const auto& column : details) {
        model::Column copy = column;
        copy.meta = {};
        copy.meta.attributes = column.meta.attributes;
        model::Column bare;
        bare.name = copy.name;
        if (!(copy == bare)) {
            out.push_back(std::move(copy));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

const model::Column* find_detail(const model::View& view, const std::string& name) {
    auto it = std::find_if(view.column_details.begin(), view.column_details.end(),
                           [&](const auto& column) { return column.name == name; });
    return it == view.column_details.end() ? nullptr : &*it;
}

void diff_column_comments(Context& ctx, const model::View& before, const model::View& after) {
    // Comments on view columns: key kind column with the view as its table.
    std::vector<std::string> names;
    for (const auto& column : before.column_details) {
        names.push_back(column.name);
    }
    for (const auto& column : after.column_details) {
        names.push_back(column.name);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const auto& name : names) {
        const model::Column* b = find_detail(before, name);
        const model::Column* a = find_detail(after, name);
        model::ObjectBase none;
        const model::ObjectBase& bm = b != nullptr ? b->meta : none;
        const model::ObjectBase& am = a != nullptr ? a->meta : none;
        ObjectRef bref = b != nullptr ? ObjectRef{b} : ObjectRef{};
        ObjectRef aref = a != nullptr ? ObjectRef{a} : ObjectRef{};
        diff_meta(ctx, column_key(after.name, name), bref, aref, bm, am);
    }
}

void diff_view(Context& ctx, const model::View& before, const model::View& after) {
    if (unchanged(ctx, before, after)) {
        return;
    }
    if (before.materialized != after.materialized) {
        ctx.emit(ChangeKind::drop_view, key_of(before), &before, {});
        ctx.emit(ChangeKind::create_view, key_of(after), {}, &after);
        return;
    }
    model::View b = before;
    model::View a = after;
    b.meta = {};
    a.meta = {};
    b.column_details = details_without_comments(before.column_details);
    a.column_details = details_without_comments(after.column_details);
    // The view's rows reported with it (AttributeDiff::with_object) are part of its definition.
    if (!(a == b) || before.meta.attributes.differs(after.meta.attributes, model::AttributeDiff::with_object)) {
        ctx.emit(ChangeKind::replace_view, key_of(after), &before, &after);
    }
    diff_meta(ctx, key_of(after), &before, &after, before.meta, after.meta);
    diff_column_comments(ctx, before, after);
}

}  // namespace

void diff_views(Context& ctx) {
    for (const auto& [name, after] : ctx.to.views) {
        auto it = ctx.from.views.find(name);
        if (it == ctx.from.views.end()) {
            ctx.emit(ChangeKind::create_view, key_of(after), {}, &after);
        } else {
            diff_view(ctx, it->second, after);
        }
    }
    for (const auto& [name, before] : ctx.from.views) {
        if (!ctx.to.views.contains(name)) {
            ctx.emit(ChangeKind::drop_view, key_of(before), &before, {});
        }
    }
}

}  // namespace schemerge::diff::detail
