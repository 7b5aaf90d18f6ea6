// Commutation: the merge is also run with the sides swapped (theirs' changes first) and
// the two results compared, object by object (no second merged model is built). Column
// order may differ (each order puts the first side's new columns first: merge_table.cpp,
// so that is expected) and so may the order of verbatim statements; anything else that differs is a non-commuting conflict,
// unless the object already has a conflict (its merged value is then provisional): that
// filter is applied afterwards (report_non_commuting), so the comparison can run while
// the merged model is validated.
#include <set>
#include <vector>

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

// Streams the swapped merge of one container object by object, comparing each result
// with the merged object and keeping nothing. An object present on all three sides and
// untouched on one of them (definition, comment, owner and grants) is the other side's
// in either order (merge_object takes it as it is), so only objects both sides touched,
// added or dropped are merged again: a large merge never holds a second merged model.
template <typename K, typename V, typename KeyOf>
void compare(MergeContext& ctx, MergeContext& swapped, const std::map<K, V>& merged, const std::map<K, V>& b,
             const std::map<K, V>& o, const std::map<K, V>& t, KeyOf key_of_value) {
    auto untouched = [](const V& side, const V& base) {
        return side == base && side.meta.privileges_equal(base.meta);
    };
    for (const auto& k : union_keys(b, o, t)) {
        const V* bv = find_in(b, k);
        const V* ov = find_in(o, k);
        const V* tv = find_in(t, k);
        if (bv != nullptr && ov != nullptr && tv != nullptr && (untouched(*ov, *bv) || untouched(*tv, *bv))) {
            continue;
        }
        const V* any = ov != nullptr ? ov : (tv != nullptr ? tv : bv);
        model::ObjectKey key = key_of_value(*any);
        // Theirs' changes first: theirs in ours' place (the swapped context mirrors --prefer).
        std::optional<V> second = merge_object(
            swapped, key, bv, tv, ov, [&ctx](const V& v) { return value_text(ctx, v); },
            [&](const V& x, const V& y, const V& z) { return merge_both(swapped, key, x, y, z); });
        const V* a = find_in(merged, k);
        const V* c = second ? &*second : nullptr;
        if ((a == nullptr && c == nullptr) || (a != nullptr && c != nullptr && same(*a, *c))) {
            continue;
        }
        auto text = [&ctx](const V* v) {
            return v != nullptr ? std::optional<std::string>(value_text(ctx, *v)) : std::nullopt;
        };
        auto loc = [](const V* v) { return v != nullptr ? v->meta.location : model::SourceLocation{}; };
        ctx.report(ConflictKind::non_commuting, key, "", side(std::nullopt, {}), side(text(a), loc(a)),
                   side(text(c), loc(c)),
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
                               " changed: " + std::string(ctx.traits().engine_name()) +
                               " expands * when the view is created, so the order of the two "
                               "changes decides the view's columns.",
                           "List the view's columns explicitly.");
                break;
            }
        }
    }
}

std::vector<Conflict> find_non_commuting(MergeContext found, const model::Schema& merged, const model::Schema& b,
                                         const model::Schema& o, const model::Schema& t) {
    MergeContext swapped = found.beside();
    swapped.swapped = true;
    compare(found, swapped, merged.types, b.types, o.types, t.types, [](const model::TypeDef& v) { return key_of(v); });
    compare(found, swapped, merged.sequences, b.sequences, o.sequences, t.sequences,
            [](const model::Sequence& v) { return key_of(v); });
    compare(found, swapped, merged.tables, b.tables, o.tables, t.tables, [](const model::Table& v) { return key_of(v); });
    compare(found, swapped, merged.views, b.views, o.views, t.views, [](const model::View& v) { return key_of(v); });
    compare(found, swapped, merged.indexes, b.indexes, o.indexes, t.indexes,
            [](const model::Index& v) { return key_of(v); });
    compare(found, swapped, merged.functions, b.functions, o.functions, t.functions,
            [](const model::Function& v) { return key_of(v); });
    compare(found, swapped, merged.triggers, b.triggers, o.triggers, t.triggers,
            [](const model::Trigger& v) { return key_of(v); });
    compare(found, swapped, merged.policies, b.policies, o.policies, t.policies,
            [](const model::Policy& v) { return key_of(v); });
    return std::move(found.conflicts);
}

void report_non_commuting(MergeContext& ctx, std::vector<Conflict> found) {
    // (schema, name of the object or of its table) of every conflict so far.
    std::set<std::pair<std::string, std::string>> conflicted;
    for (const auto& c : ctx.conflicts) {
        conflicted.insert({c.object.schema, c.object.table.empty() ? c.object.name : c.object.table});
    }
    for (auto& c : found) {
        const model::ObjectKey& key = c.object;
        const std::string& owner = key.table.empty() ? key.name : key.table;
        if (!conflicted.contains({key.schema, owner}) && !conflicted.contains({key.schema, key.name})) {
            ctx.conflicts.push_back(std::move(c));
        }
    }
}

}  // namespace schemerge::diff::detail
