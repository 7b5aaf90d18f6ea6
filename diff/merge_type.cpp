// Types: enum labels merge as sequences (each side's new labels are placed by a neighbour,
// as an engine that adds labels in place needs), everything else about a type is one
// definition value.
#include <set>

#include "diff/merge_context.hpp"

namespace schemerge::diff::detail {

namespace {

// Labels a side inserted, grouped by the base label they follow (-1: before the first).
struct Insertions {
    std::map<long, std::vector<std::string>> after;
    bool reordered = false;  // the side's base labels are not in base order
};

Insertions insertions(const std::vector<std::string>& base, const std::vector<std::string>& side) {
    Insertions out;
    std::map<std::string, long> index;
    for (std::size_t i = 0; i < base.size(); ++i) {
        index[base[i]] = static_cast<long>(i);
    }
    long anchor = -1;
    for (const auto& label : side) {
        auto it = index.find(label);
        if (it != index.end()) {
            if (it->second < anchor) {
                out.reordered = true;
            }
            anchor = it->second;
        } else {
            out.after[anchor].push_back(label);
        }
    }
    return out;
}

std::optional<std::string> labels_text(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) {
        out += (out.empty() ? "'" : ", '") + l + "'";
    }
    return out;
}

std::vector<std::string> merge_labels(MergeContext& ctx, const model::ObjectKey& key, const model::TypeDef& b,
                                      const model::TypeDef& o, const model::TypeDef& t) {
    Insertions oi = insertions(b.enum_labels, o.enum_labels);
    Insertions ti = insertions(b.enum_labels, t.enum_labels);
    if (oi.reordered || ti.reordered) {
        return merge_attribute(ctx, key, "labels", b.enum_labels, o.enum_labels, t.enum_labels, o.meta.location,
                               t.meta.location, b.meta.location, labels_text);
    }
    std::set<std::string> ours_set(o.enum_labels.begin(), o.enum_labels.end());
    std::set<std::string> theirs_set(t.enum_labels.begin(), t.enum_labels.end());
    std::vector<std::string> out;
    std::set<std::string> emitted;
    bool ambiguous = false;
    auto emit = [&](const std::vector<std::string>& labels) {
        for (const auto& l : labels) {
            if (emitted.insert(l).second) {
                out.push_back(l);
            } else {
                ambiguous = true;  // the same new label placed in two different gaps
            }
        }
    };
    for (long i = -1; i < static_cast<long>(b.enum_labels.size()); ++i) {
        if (i >= 0) {
            const std::string& label = b.enum_labels[static_cast<std::size_t>(i)];
            // A label removed on either side is gone (the other side kept it unchanged).
            if (ours_set.contains(label) && theirs_set.contains(label)) {
                out.push_back(label);
                emitted.insert(label);
            }
        }
        auto oit = oi.after.find(i);
        auto tit = ti.after.find(i);
        const std::vector<std::string> none;
        const auto& ol = oit == oi.after.end() ? none : oit->second;
        const auto& tl = tit == ti.after.end() ? none : tit->second;
        if (!ol.empty() && !tl.empty() && ol != tl) {
            ambiguous = true;
        }
        emit(ol);
        if (ol != tl) {
            emit(tl);
        }
    }
    if (ambiguous) {
        Preference p = ctx.preference_for(key);
        if (p != Preference::none) {
            return p == Preference::ours ? o.enum_labels : t.enum_labels;
        }
        ctx.report(ConflictKind::order_ambiguous, key, "labels", side(labels_text(b.enum_labels), b.meta.location),
                   side(labels_text(o.enum_labels), o.meta.location), side(labels_text(t.enum_labels), t.meta.location),
                   "Both sides inserted enum values at the same place of type " + display_name(key) +
                       ", so their order is not decided.",
                   "Write the labels in the intended order on one side, or pick one with --resolve " +
                       display_name(key) + "=ours|theirs.");
    }
    return out;
}

}  // namespace

model::TypeDef merge_type(MergeContext& ctx, const model::TypeDef& b, const model::TypeDef& o, const model::TypeDef& t) {
    model::ObjectKey key = key_of(o);
    auto text = [](const model::TypeDef& v) { return value_text(v); };
    if (b.kind != model::TypeKind::enum_ || o.kind != model::TypeKind::enum_ || t.kind != model::TypeKind::enum_) {
        return merge_definition(ctx, key, b, o, t, text);
    }
    model::TypeDef out = o;
    out.enum_labels = merge_labels(ctx, key, b, o, t);
    return out;
}

}  // namespace schemerge::diff::detail
