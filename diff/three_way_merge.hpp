#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/two_way_diff.hpp"
#include "model/object_key.hpp"
#include "model/schema.hpp"
#include "model/source_location.hpp"

namespace schemerge::diff {

// Stable conflict kind ids (reports, SARIF rules and CI key on them).
enum class ConflictKind : std::uint8_t {
    both_modified,          // both sides changed the same attribute differently
    modify_delete,          // one side changed an object the other side dropped
    add_add,                // both sides added an object of the same identity, differently
    dangling_reference,     // the merged schema references something one side dropped or renamed
    name_collision,         // two different objects end up with one name in one namespace
    constraint_invalidated, // e.g. an FK whose referenced key lost its uniqueness; NOT NULL vs new rows
    order_ambiguous,        // both sides inserted enum values at the same place
    non_commuting,          // ours-then-theirs differs from theirs-then-ours
};

// "both-modified", "modify-delete", ...
[[nodiscard]] std::string_view to_string(ConflictKind kind);

// One side's value of the conflicting attribute: canonical text (absent = the object or
// attribute does not exist on that side) and where that side defines it.
struct SideValue {
    std::optional<std::string> value;
    model::SourceLocation location;
};

struct Conflict {
    ConflictKind kind = ConflictKind::both_modified;
    model::ObjectKey object;
    std::string attribute;  // "type", "default", "not null", "definition", "labels", ...; empty = whole object
    SideValue base;
    SideValue ours;
    SideValue theirs;
    std::string explanation;  // one sentence
    std::string resolution;   // a suggested resolution
};

enum class Preference : std::uint8_t { none, ours, theirs };

struct MergeOptions {
    Preference prefer = Preference::none;  // --prefer ours|theirs: resolves every conflict of kinds
                                           // both-modified / modify-delete / add-add that way
    // --resolve <object>=ours|theirs, keyed by the object's display name
    // ("public.orders", "public.orders.total", "public.orders_pkey", "public.f(integer)").
    std::map<std::string, Preference> resolve;
    DiffOptions renames_ours;    // rename hints for base -> ours (annotations in ours are read too)
    DiffOptions renames_theirs;  // rename hints for base -> theirs
};

struct MergeResult {
    model::Schema merged;  // meaningful when clean(); with conflicts, the unconflicted part merged
    std::vector<Conflict> conflicts;  // deterministic order: by object, then attribute, then kind
    [[nodiscard]] bool clean() const { return conflicts.empty(); }
};

// Three-way merge: per object and attribute, a change on one side is taken, the same change
// on both sides is taken once (equality on canonical model values), different changes are a
// conflict; then the merged model is validated as its engine would (the schemas' dialect
// traits: namespaces, ...) and the two sides are
// checked to commute. Pure: no I/O.
[[nodiscard]] MergeResult merge(const model::Schema& base, const model::Schema& ours, const model::Schema& theirs,
                                const MergeOptions& options = {});

// The display name used by --resolve and reports for an object key.
[[nodiscard]] std::string display_name(const model::ObjectKey& key);

}  // namespace schemerge::diff
