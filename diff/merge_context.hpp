#pragma once
// Internal to diff/: the state one three-way merge shares between the per-concept
// files (merge_object.cpp, merge_table.cpp, merge_type.cpp, merge_validation.cpp, ...).
// Not part of the public contract (that is three_way_merge.hpp).
#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "diff/diff_context.hpp"
#include "diff/three_way_merge.hpp"
#include "model/schema.hpp"

namespace schemerge::diff::detail {

struct MergeContext {
    const MergeOptions& options;
    std::vector<Conflict> conflicts;
    // Commutation check: the merge runs a second time with the sides swapped; its
    // conflicts are not reported (they mirror the first run's).
    bool swapped = false;
    // The engine's rules (DialectTraits) of the schemas being merged; null: neutral.
    const model::DialectTraits* dialect = nullptr;

    [[nodiscard]] const model::DialectTraits& traits() const {
        return dialect != nullptr ? *dialect : model::DialectTraits::neutral();
    }

    // The side a resolution (--resolve for this object or its table, else --prefer)
    // picks for a conflict of a resolvable kind; none = report the conflict.
    [[nodiscard]] Preference preference_for(const model::ObjectKey& key) const;

    void report(ConflictKind kind, const model::ObjectKey& key, std::string attribute, SideValue base, SideValue ours,
                SideValue theirs, std::string explanation, std::string resolution);

    // A context for work run beside this one, on another thread: the same options, dialect
    // and swapped flag, conflicts of its own (added back in order with adopt).
    [[nodiscard]] MergeContext beside() const {
        MergeContext part{options, {}, swapped};
        part.dialect = dialect;
        return part;
    }
    // Appends conflicts found beside this context, after its own.
    void adopt(std::vector<Conflict> more) {
        conflicts.insert(conflicts.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
};

// One side's location and value text.
[[nodiscard]] SideValue side(std::optional<std::string> value, const model::SourceLocation& location);

// Canonical texts of values for conflict reports (merge_values.cpp).
[[nodiscard]] std::string value_text(const model::TypeRef& type);
[[nodiscard]] std::string value_text(const model::Column& column);
[[nodiscard]] std::string value_text(const model::Constraint& constraint);
[[nodiscard]] std::string value_text(const model::Index& index);
[[nodiscard]] std::string value_text(const model::View& view);
// A routine in its dialect's words (DialectTraits::routine_body_open / _close).
[[nodiscard]] std::string value_text(const model::Function& function, const model::DialectTraits& traits);
[[nodiscard]] std::string value_text(const model::Table& table);
[[nodiscard]] std::string value_text(const model::TypeDef& type);
[[nodiscard]] std::string value_text(const model::Sequence& sequence);
[[nodiscard]] std::string value_text(const model::Trigger& trigger);
[[nodiscard]] std::string value_text(const model::Policy& policy);
[[nodiscard]] std::string value_text(const model::Namespace& ns);
[[nodiscard]] std::string value_text(const model::Extension& extension);
[[nodiscard]] std::string value_text(const model::OptionObject& object);
[[nodiscard]] std::string options_text(const std::vector<std::pair<std::string, std::string>>& options);

// Three-way merge of one attribute value: a change on one side is taken, the same
// change on both sides once, different changes are a both-modified conflict (or the
// side a resolution picks; ours is kept in the merged model otherwise).
template <typename T, typename Text>
T merge_attribute(MergeContext& ctx, const model::ObjectKey& key, const std::string& attribute, const T& base,
                  const T& ours, const T& theirs, const model::SourceLocation& ours_loc,
                  const model::SourceLocation& theirs_loc, const model::SourceLocation& base_loc, Text&& text) {
    if (ours == base) {
        return theirs;
    }
    if (theirs == base || ours == theirs) {
        return ours;
    }
    Preference p = ctx.preference_for(key);
    if (p == Preference::theirs) {
        return theirs;
    }
    if (p == Preference::ours) {
        return ours;
    }
    ctx.report(ConflictKind::both_modified, key, attribute, side(text(base), base_loc), side(text(ours), ours_loc),
               side(text(theirs), theirs_loc),
               "Both sides changed the " + attribute + " of " + model::to_string(key.kind).data() + " " +
                   display_name(key) + " differently.",
               "Pick one value with --resolve " + display_name(key) + "=ours|theirs, or edit one side to match the other.");
    return ours;
}

// The dialect-only attributes, one by one (merge_values.cpp): each attribute is one
// merge_attribute named after its row, so both sides changing one attribute differently is
// a both-modified conflict naming it, with both sides' lines (`line` picks an object's
// line). Attributes that are not part of the definition (AttributeDef::compared false)
// never conflict: the side that changed one wins, ours when both did.
[[nodiscard]] model::AttributeSet merge_attributes(MergeContext& ctx, const model::ObjectKey& key,
                                                   const model::ObjectBase& base, const model::ObjectBase& ours,
                                                   const model::ObjectBase& theirs);

// Owner and privileges (merge_object.cpp). Without a base (both sides added the object
// alike): ours. Otherwise the owner is one value (both sides changing it differently is a
// both-modified conflict on "owner"), and the ACL merges grantee by grantee: a grantee whose
// privileges only one side changed gets that side's, both sides changing one grantee's
// differently is a both-modified conflict on "privileges of GRANTEE" with each side's GRANT /
// REVOKE line. An ACL combined from both sides is Acl::derived (no statement wrote it).
void merge_privileges(MergeContext& ctx, const model::ObjectKey& key, model::ObjectBase& out,
                      const model::ObjectBase* base, const model::ObjectBase* ours, const model::ObjectBase* theirs);

// The object-level three-way merge: presence on each side decides (added on one side,
// added on both, dropped, modify/delete); objects present on all three sides are
// merged by `merge_both`, which gets (base, ours, theirs) and returns the merged object.
// Returns the merged object, or nullopt when it is absent from the merge.
template <typename V, typename Text, typename Both>
std::optional<V> merge_object(MergeContext& ctx, const model::ObjectKey& key, const V* base, const V* ours,
                              const V* theirs, Text&& text, Both&& merge_both) {
    auto loc = [](const V* v) { return v != nullptr ? v->meta.location : model::SourceLocation{}; };
    auto val = [&](const V* v) { return v != nullptr ? std::optional<std::string>(text(*v)) : std::nullopt; };
    auto conflict = [&](ConflictKind kind, std::string explanation, std::string resolution) {
        ctx.report(kind, key, "", side(val(base), loc(base)), side(val(ours), loc(ours)), side(val(theirs), loc(theirs)),
                   std::move(explanation), std::move(resolution));
    };
    // Most objects of a large merge are untouched on at least one side: take the other
    // side as it is (definition, comment, attributes, owner and grants all unchanged on
    // this one; attributes that are not compared too).
    auto untouched = [&](const V& side) {
        return side == *base && side.meta.privileges_equal(base->meta) &&
               side.meta.attributes.identical(base->meta.attributes);
    };
    if (base != nullptr && ours != nullptr && theirs != nullptr) {
        if (untouched(*ours)) {
            return *theirs;
        }
        if (untouched(*theirs)) {
            return *ours;
        }
    }
    const std::string what = std::string(model::to_string(key.kind)) + " " + display_name(key);
    if (base == nullptr) {
        if (ours != nullptr && theirs != nullptr) {
            if (*ours == *theirs) {
                V out = *ours;
                merge_privileges(ctx, key, out.meta, nullptr, &ours->meta, &theirs->meta);
                return out;
            }
            Preference p = ctx.preference_for(key);
            if (p != Preference::none) {
                return p == Preference::ours ? *ours : *theirs;
            }
            conflict(ConflictKind::add_add, "Both sides added " + what + " with different definitions.",
                     "Make the two definitions identical, or pick one with --resolve " + display_name(key) +
                         "=ours|theirs.");
            return *ours;
        }
        if (ours != nullptr) {
            return *ours;
        }
        if (theirs != nullptr) {
            return *theirs;
        }
        return std::nullopt;
    }
    if (ours == nullptr && theirs == nullptr) {
        return std::nullopt;
    }
    if (ours == nullptr || theirs == nullptr) {
        const V* kept = ours != nullptr ? ours : theirs;
        if (*kept == *base) {
            return std::nullopt;  // dropped on one side, untouched on the other
        }
        Preference p = ctx.preference_for(key);
        if (p != Preference::none) {
            const V* chosen = p == Preference::ours ? ours : theirs;
            return chosen != nullptr ? std::optional<V>(*chosen) : std::nullopt;
        }
        bool ours_dropped = ours == nullptr;
        conflict(ConflictKind::modify_delete,
                 std::string(ours_dropped ? "Ours" : "Theirs") + " dropped " + what + " which " +
                     (ours_dropped ? "theirs" : "ours") + " modified.",
                 "Keep the modified object with --resolve " + display_name(key) + "=" +
                     (ours_dropped ? "theirs" : "ours") + ", or drop it with --resolve " + display_name(key) + "=" +
                     (ours_dropped ? "ours" : "theirs") + ".");
        return *kept;
    }
    V out = merge_both(*base, *ours, *theirs);
    out.meta.comment = merge_attribute(ctx, key, "comment", base->meta.comment, ours->meta.comment,
                                       theirs->meta.comment, ours->meta.location, theirs->meta.location,
                                       base->meta.location, [](const std::optional<std::string>& c) { return c; });
    out.meta.attributes = merge_attributes(ctx, key, base->meta, ours->meta, theirs->meta);
    merge_privileges(ctx, key, out.meta, &base->meta, &ours->meta, &theirs->meta);
    return out;
}

// The whole definition (without the comment) is one value: the default merge_both.
template <typename V, typename Text>
V merge_definition(MergeContext& ctx, const model::ObjectKey& key, const V& base, const V& ours, const V& theirs,
                   Text&& text) {
    if (same_definition(ours, base)) {
        return theirs;
    }
    if (same_definition(theirs, base) || same_definition(ours, theirs)) {
        return ours;
    }
    Preference p = ctx.preference_for(key);
    if (p != Preference::none) {
        return p == Preference::ours ? ours : theirs;
    }
    ctx.report(ConflictKind::both_modified, key, "definition", side(text(base), base.meta.location),
               side(text(ours), ours.meta.location), side(text(theirs), theirs.meta.location),
               "Both sides changed the definition of " + std::string(model::to_string(key.kind)) + " " +
                   display_name(key) + " differently.",
               "Combine the two definitions on one side, or pick one with --resolve " + display_name(key) +
                   "=ours|theirs.");
    return ours;
}

// Union of the keys of three maps, in key order: one pass over the three (already
// ordered) maps, no sort.
template <typename K, typename V>
std::vector<K> union_keys(const std::map<K, V>& a, const std::map<K, V>& b, const std::map<K, V>& c) {
    std::vector<K> keys;
    keys.reserve(std::max({a.size(), b.size(), c.size()}));
    using It = typename std::map<K, V>::const_iterator;
    std::pair<It, It> ranges[] = {{a.begin(), a.end()}, {b.begin(), b.end()}, {c.begin(), c.end()}};
    std::less<K> less;
    while (true) {
        const K* least = nullptr;
        for (const auto& [it, end] : ranges) {
            if (it != end && (least == nullptr || less(it->first, *least))) {
                least = &it->first;
            }
        }
        if (least == nullptr) {
            return keys;
        }
        keys.push_back(*least);
        for (auto& [it, end] : ranges) {
            if (it != end && !less(keys.back(), it->first)) {
                ++it;
            }
        }
    }
}

template <typename K, typename V>
const V* find_in(const std::map<K, V>& m, const K& k) {
    auto it = m.find(k);
    return it == m.end() ? nullptr : &it->second;
}

// The core merge without validation (merge_object.cpp, merge_table.cpp, merge_type.cpp,
// merge_sequence.cpp).
[[nodiscard]] model::Schema merge_schemas(MergeContext& ctx, const model::Schema& base, const model::Schema& ours,
                                          const model::Schema& theirs);
[[nodiscard]] model::Table merge_table(MergeContext& ctx, const model::Table& base, const model::Table& ours,
                                       const model::Table& theirs);
// Option by option (merge_sequence.cpp).
[[nodiscard]] model::Sequence merge_sequence(MergeContext& ctx, const model::Sequence& base, const model::Sequence& ours,
                                             const model::Sequence& theirs);
[[nodiscard]] model::TypeDef merge_type(MergeContext& ctx, const model::TypeDef& base, const model::TypeDef& ours,
                                        const model::TypeDef& theirs);
// The merge of an object present on all three sides, per kind: tables, types and
// sequences attribute by attribute, everything else as one definition.
inline model::Table merge_both(MergeContext& ctx, const model::ObjectKey&, const model::Table& b, const model::Table& o,
                               const model::Table& t) {
    return merge_table(ctx, b, o, t);
}
inline model::TypeDef merge_both(MergeContext& ctx, const model::ObjectKey&, const model::TypeDef& b,
                                 const model::TypeDef& o, const model::TypeDef& t) {
    return merge_type(ctx, b, o, t);
}
inline model::Sequence merge_both(MergeContext& ctx, const model::ObjectKey&, const model::Sequence& b,
                                  const model::Sequence& o, const model::Sequence& t) {
    return merge_sequence(ctx, b, o, t);
}
// A value's text in a conflict report, in the merged schemas' dialect where it has a say.
template <typename V>
[[nodiscard]] std::string value_text(const MergeContext& ctx, const V& v) {
    if constexpr (std::is_same_v<V, model::Function>) {
        return value_text(v, ctx.traits());
    } else {
        return value_text(v);
    }
}
template <typename V>
V merge_both(MergeContext& ctx, const model::ObjectKey& key, const V& b, const V& o, const V& t) {
    return merge_definition(ctx, key, b, o, t, [&ctx](const V& v) { return value_text(ctx, v); });
}
// Add-add of a column: the same column except NOT NULL on one side, with no default on the
// other, is constraint-invalidated (the other side's rows hold NULLs); merge_table.cpp.

// Renames (merge_rename.cpp): each side's hinted renames applied to the base and the other
// side, so a rename on one side and a change on the other meet under one identity.
struct SideRenames {
    std::vector<std::pair<model::QualifiedName, model::QualifiedName>> tables;   // old -> new
    std::vector<std::pair<model::QualifiedName, model::QualifiedName>> indexes;  // old -> new
    // (base table name, old column) -> new column
    std::vector<std::pair<std::pair<model::QualifiedName, std::string>, std::string>> columns;
    std::vector<std::pair<std::pair<model::QualifiedName, std::string>, std::string>> constraints;
};
[[nodiscard]] SideRenames collect_renames(const model::Schema& base, const model::Schema& side,
                                          const DiffOptions& options);
// Applies renames (names as in base) to a schema whose objects still carry base names.
void apply_renames(model::Schema& schema, const SideRenames& renames);
// A rename on one side to a name the other side gives a new object of its own (a table,
// index, column or constraint the base does not have): name-collision, with the renaming
// line and the adding line. Such a rename is then dropped from its side's set, so the
// merge sees the renaming side's object as dropped and added (an add-add of the two new
// objects where they differ) instead of a rename the other side's names cannot take.
// Likewise a name one side renames away and the other side renames another object to
// (ours a -> b, theirs c -> a): name-collision, both renames dropped.
void check_rename_collisions(MergeContext& ctx, const model::Schema& base, const model::Schema& ours,
                             SideRenames& ours_renames, const model::Schema& theirs, SideRenames& theirs_renames);
// Renames of one object to different names on the two sides: both-modified on "name";
// those renames are dropped from both sets.
void reconcile_renames(MergeContext& ctx, SideRenames& ours, SideRenames& theirs);

// Validation of the merged model (merge_validation.cpp), routine bodies included: what
// a body reads and writes comes from the model (model::Function::body_dependencies, made
// by the dialect's front end while loading).
struct Sides {
    const model::Schema& base;
    const model::Schema& ours;
    const model::Schema& theirs;
};
// `loaded`: the inputs as given (references resolve there); `renamed`: with both sides'
// renames applied (the merged objects' locations are looked up there).
void validate(MergeContext& ctx, const model::Schema& merged, const Sides& loaded, const Sides& renamed);

// Commutation (merge_commutation.cpp): merged vs the merge with the sides swapped, on the
// inputs with renames applied. In two steps, so that the first (the costly one: a second
// merge) can run while the merged model is validated: find_non_commuting reports every
// object whose swapped merge differs into `found` (a context beside the merge's:
// MergeContext::beside) and returns those conflicts; report_non_commuting adds them to
// `ctx`, leaving out objects that already have a conflict there (their merged value is
// provisional).
[[nodiscard]] std::vector<Conflict> find_non_commuting(MergeContext found, const model::Schema& merged,
                                                       const model::Schema& base, const model::Schema& ours,
                                                       const model::Schema& theirs);
void report_non_commuting(MergeContext& ctx, std::vector<Conflict> found);
// A view one side wrote with `*` over a table whose columns the other side changed: the
// engine expands `*` at creation, so applying the two sides in either order differs.
void check_star_views(MergeContext& ctx, const model::Schema& merged, const model::Schema& base,
                      const model::Schema& ours, const model::Schema& theirs);

}  // namespace schemerge::diff::detail
