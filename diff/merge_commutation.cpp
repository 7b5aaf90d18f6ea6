// Commutation: the merge is also run with the sides swapped (theirs' changes first) and
// the two results compared. Column order may differ (each order appends the first
// side's columns first: PostgreSQL appends, so that is expected) and so may the order
// of verbatim statements; anything else that differs is a non-commuting conflict,
// unless the object already has a conflict (its merged value is then provisional).
#include <set>

#include "diff/merge_context.hpp"

namespace schemerge::diff::detail {

namespace {

model::Table column_order_free(model::Table t) {
    std::sort(t.columns.begin(), t.columns.end(),
              [](const model::Column& a, const model::Column& b) { return a.name < b.name; });
    return t;
}

template <typename V>
bool same(const V& a, const V& b) {
    return a == b;
}
template <>
bool same(const model::Table& a, const model::Table& b) {
    return a == b || column_order_free(a) == column_order_free(b);
}

template <typename K, typename V, typename KeyOf>
void compare(MergeContext& ctx, const std::set<std::pair<std::string, std::string>>& conflicted,
             const std::map<K, V>& first, const std::map<K, V>& second, KeyOf key_of_value) {
    for (const auto& k : union_keys(first, second, first)) {
        const V* a = find_in(first, k);
        const V* b = find_in(second, k);
        if (a != nullptr && b != nullptr && same(*a, *b)) {
            continue;
        }
        model::ObjectKey key = key_of_value(a != nullptr ? *a : *b);
        std::string owner = key.table.empty() ? key.name : key.table;
        if (conflicted.contains({key.schema, owner}) || conflicted.contains({key.schema, key.name})) {
            continue;
        }
        auto text = [](const V* v) { return v != nullptr ? std::optional<std::string>(value_text(*v)) : std::nullopt; };
        auto loc = [](const V* v) { return v != nullptr ? v->meta.location : model::SourceLocation{}; };
        ctx.report(ConflictKind::non_commuting, key, "", side(std::nullopt, {}), side(text(a), loc(a)),
                   side(text(b), loc(b)),
                   "Applying ours' changes before theirs gives a different " + std::string(model::to_string(key.kind)) +
                       " " + display_name(key) + " than the other order.",
                   "Make the two sides' changes to " + display_name(key) + " independent, or pick one with --resolve " +
                       display_name(key) + "=ours|theirs.");
    }
}

// A `*` in a view's select list (the deparser prints A_Star as `*`, `t.*`).
bool selects_star(const std::string& query) {
    return query.find("SELECT *") != std::string::npos || query.find(".*") != std::string::npos ||
           query.find(", *") != std::string::npos;
}

std::vector<std::string> column_names(const model::Table& table) {
    std::vector<std::string> out;
    for (const auto& c : table.columns) {
        out.push_back(c.name);
    }
    return out;
}

}  // namespace

void check_star_views(MergeContext& ctx, const model::Schema& merged, const model::Schema& base,
                      const model::Schema& ours, const model::Schema& theirs) {
    for (const auto& [name, view] : merged.views) {
        if (!selects_star(view.query.text)) {
            continue;
        }
        const model::View* bv = find_in(base.views, name);
        for (int s = 0; s < 2; ++s) {
            const model::Schema& writer = s == 0 ? ours : theirs;
            const model::Schema& other = s == 0 ? theirs : ours;
            const model::View* wv = find_in(writer.views, name);
            if (wv == nullptr || !same_definition(*wv, view) || (bv != nullptr && same_definition(*bv, *wv))) {
                continue;  // this side did not write the merged definition
            }
            for (const auto& r : view.query.relations) {
                const model::Table* bt = find_in(base.tables, r);
                const model::Table* ot = find_in(other.tables, r);
                if (bt == nullptr || ot == nullptr || column_names(*bt) == column_names(*ot)) {
                    continue;
                }
                model::ObjectKey key = key_of(view);
                const char* writer_name = s == 0 ? "ours" : "theirs";
                const char* other_name = s == 0 ? "theirs" : "ours";
                ctx.report(ConflictKind::non_commuting, key, "columns",
                           side(bv != nullptr ? std::optional<std::string>(bv->query.text) : std::nullopt,
                                bv != nullptr ? bv->meta.location : model::SourceLocation{}),
                           side(s == 0 ? std::optional<std::string>(view.query.text) : std::nullopt,
                                s == 0 ? wv->meta.location : ot->meta.location),
                           side(s == 1 ? std::optional<std::string>(view.query.text) : std::nullopt,
                                s == 1 ? wv->meta.location : ot->meta.location),
                           "View " + display_name(key) + " from " + writer_name + " selects * from " + r.to_string() +
                               ", whose columns " + other_name +
                               " changed: PostgreSQL expands * when the view is created, so the order of the two "
                               "changes decides the view's columns.",
                           "List the view's columns explicitly.");
                break;
            }
        }
    }
}

void check_commutation(MergeContext& ctx, const model::Schema& merged, const model::Schema& swapped) {
    std::set<std::pair<std::string, std::string>> conflicted;
    for (const auto& c : ctx.conflicts) {
        conflicted.insert({c.object.schema, c.object.table.empty() ? c.object.name : c.object.table});
    }
    compare(ctx, conflicted, merged.types, swapped.types, [](const model::TypeDef& v) { return key_of(v); });
    compare(ctx, conflicted, merged.sequences, swapped.sequences, [](const model::Sequence& v) { return key_of(v); });
    compare(ctx, conflicted, merged.tables, swapped.tables, [](const model::Table& v) { return key_of(v); });
    compare(ctx, conflicted, merged.views, swapped.views, [](const model::View& v) { return key_of(v); });
    compare(ctx, conflicted, merged.indexes, swapped.indexes, [](const model::Index& v) { return key_of(v); });
    compare(ctx, conflicted, merged.functions, swapped.functions, [](const model::Function& v) { return key_of(v); });
    compare(ctx, conflicted, merged.triggers, swapped.triggers, [](const model::Trigger& v) { return key_of(v); });
    compare(ctx, conflicted, merged.policies, swapped.policies, [](const model::Policy& v) { return key_of(v); });
}

}  // namespace schemerge::diff::detail
