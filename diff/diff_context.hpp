#pragma once
// Internal to diff/: the state one two-way diff run shares between the per-concept
// files (table_diff.cpp, type_diff.cpp, ...). Not part of the public contract.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "diff/change.hpp"
#include "diff/two_way_diff.hpp"
#include "model/schema.hpp"

namespace schemerge::diff::detail {

// Renames accepted from hints, keyed both ways so either side can be looked up.
struct RenameMap {
    std::map<model::QualifiedName, model::QualifiedName> table_to_new;  // old -> new
    std::map<model::QualifiedName, model::QualifiedName> table_to_old;  // new -> old
    // (new table name, new column) -> old column, and (old table, old column) -> new column
    std::map<std::pair<model::QualifiedName, std::string>, std::string> column_to_old;
    std::map<std::pair<model::QualifiedName, std::string>, std::string> column_to_new;
    std::map<model::QualifiedName, model::QualifiedName> index_to_new;
    std::map<model::QualifiedName, model::QualifiedName> index_to_old;
    // (new table, new constraint) -> old constraint and the reverse on old names
    std::map<std::pair<model::QualifiedName, std::string>, std::string> constraint_to_old;
    std::map<std::pair<model::QualifiedName, std::string>, std::string> constraint_to_new;

    // A `from` table's name as it is called in `to` (itself when not renamed).
    [[nodiscard]] model::QualifiedName new_table(const model::QualifiedName& old_name) const;
    [[nodiscard]] model::QualifiedName old_table(const model::QualifiedName& new_name) const;
    // Column names are looked up with the table's `from` name / `to` name respectively.
    [[nodiscard]] std::string new_column(const model::QualifiedName& old_table, const std::string& old_column) const;
    [[nodiscard]] std::string old_column(const model::QualifiedName& new_table, const std::string& new_column) const;
};

struct Context {
    const model::Schema& from;
    const model::Schema& to;
    const DiffOptions& options;
    RenameMap renames;
    std::vector<Change> changes;
    std::vector<RenameSuggestion> suggestions;
    bool privileges = false;  // compares_privileges(from, to, options)
    bool owners = false;      // compares_owners(from, to, options)

    // The engine's rules (DialectTraits): the dialect that built `from`, else `to`'s.
    [[nodiscard]] const model::DialectTraits& traits() const { return model::dialect_of({&from, &to}); }

    // The new change, for the caller to fill its kind's payload (old_name, enum_position).
    Change& emit(ChangeKind kind, model::ObjectKey key, ObjectRef before, ObjectRef after) {
        changes.push_back(Change{kind, std::move(key), before, after});
        return changes.back();
    }
};

// Keys, one way to build each so that every file agrees.
[[nodiscard]] model::ObjectKey key_of(const model::Namespace& ns);
[[nodiscard]] model::ObjectKey key_of(const model::Extension& extension);
[[nodiscard]] model::ObjectKey key_of(const model::TypeDef& type);
[[nodiscard]] model::ObjectKey key_of(const model::Sequence& sequence);
[[nodiscard]] model::ObjectKey key_of(const model::Table& table);
[[nodiscard]] model::ObjectKey key_of(const model::Index& index);
[[nodiscard]] model::ObjectKey key_of(const model::View& view);
[[nodiscard]] model::ObjectKey key_of(const model::Function& function);
[[nodiscard]] model::ObjectKey key_of(const model::Trigger& trigger);
[[nodiscard]] model::ObjectKey key_of(const model::Policy& policy);
[[nodiscard]] model::ObjectKey column_key(const model::QualifiedName& table, const std::string& column);
[[nodiscard]] model::ObjectKey constraint_key(const model::QualifiedName& table, const std::string& constraint);

// Equality of two definitions ignoring ObjectBase (comment, attributes, owner, grants,
// rename hint): the comment and the attributes are diffed separately (diff_meta).
template <typename T>
[[nodiscard]] bool same_definition(const T& a, const T& b) {
    if (a == b) {
        return true;
    }
    T copy = b;
    copy.meta = a.meta;
    return a == copy;
}

// The object is unchanged, its owner and ACL included when the run compares them (the
// objects' == leaves them out).
template <typename T>
[[nodiscard]] bool unchanged(const Context& ctx, const T& before, const T& after) {
    return before == after && (!(ctx.privileges || ctx.owners) ||
                               (before.meta.acl == after.meta.acl && before.meta.owner == after.meta.owner));
}

// set_comment when the comments differ (detail empty: the planner builds the
// COMMENT ON target from the key; the new text is the `after` object's comment).
inline void diff_comment(Context& ctx, const model::ObjectKey& key, ObjectRef before, ObjectRef after,
                         const model::ObjectBase& before_meta, const model::ObjectBase& after_meta) {
    if (before_meta.comment != after_meta.comment) {
        ctx.emit(ChangeKind::set_comment, key, before, after);
    }
}

// One set_attribute per dialect-only attribute whose value differs (compared attributes
// only), in the dialect's row order. Every object kind goes through here (diff_meta): an
// attribute added to a dialect's table needs no code in diff/.
void diff_attributes(Context& ctx, const model::ObjectKey& key, ObjectRef before, ObjectRef after,
                     const model::AttributeSet& before_attributes, const model::AttributeSet& after_attributes);

// set_privileges when the effective ACLs differ, set_owner when both sides name different
// owners; each only when the run compares them (Context::privileges / owners).
void diff_privileges(Context& ctx, const model::ObjectKey& key, ObjectRef before, ObjectRef after,
                     const model::ObjectBase& before_meta, const model::ObjectBase& after_meta);

// What ObjectBase carries besides the object's own fields: the comment (set_comment), the
// dialect-only attributes (set_attribute), privileges and owner (set_privileges, set_owner).
// Called wherever an object stays (a recreated object carries them all).
inline void diff_meta(Context& ctx, const model::ObjectKey& key, ObjectRef before, ObjectRef after,
                      const model::ObjectBase& before_meta, const model::ObjectBase& after_meta) {
    diff_comment(ctx, key, before, after, before_meta, after_meta);
    diff_attributes(ctx, key, before, after, before_meta.attributes, after_meta.attributes);
    diff_privileges(ctx, key, before, after, before_meta, after_meta);
}

// A `from` constraint rewritten to the names it has in `to` (table and column renames
// carry over in the engine: constraints follow their columns and tables).
[[nodiscard]] model::Constraint renamed_constraint(const Context& ctx, const model::QualifiedName& old_table,
                                                   const model::Constraint& constraint);

// rename.cpp: turns options.renames and renamed_from annotations into ctx.renames,
// emitting the rename_* changes and notes for hints that cannot apply.
void resolve_renames(Context& ctx);
// The rename hints a diff into `to` follows: the options' and the renamed_from annotations
// in `to`. No hint, no rename_* change.
[[nodiscard]] std::vector<RenameHint> rename_hints(const model::Schema& to, const DiffOptions& options);
// rename.cpp: likely renames among what is left dropped/created (never applied).
void suggest_renames(Context& ctx);

// One file each.
void diff_namespaces_and_extensions(Context& ctx);  // object_diff.cpp: schemas, extensions, collations, text search, opaque
void diff_types(Context& ctx);                      // type_diff.cpp
void diff_sequences(Context& ctx);                  // sequence_diff.cpp
void diff_tables(Context& ctx);                     // table_diff.cpp
void diff_indexes(Context& ctx);                    // index_diff.cpp
void diff_views(Context& ctx);                      // view_diff.cpp
void diff_routines(Context& ctx);                   // routine_diff.cpp
void diff_triggers_and_policies(Context& ctx);      // trigger_policy_diff.cpp
void diff_default_privileges(Context& ctx);         // default_privileges_diff.cpp

}  // namespace schemerge::diff::detail
