#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "diff/change.hpp"
#include "model/object_key.hpp"
#include "model/schema.hpp"

namespace schemerge::diff {

// An explicit rename: `--rename table:public.old=new`, `--rename column:public.t.old=new`,
// `--rename index:public.old=new`, or the annotation `-- schemerge:renamed-from old`
// on the new definition (recorded by the parser in ObjectBase::renamed_from).
struct RenameHint {
    model::ObjectKind kind = model::ObjectKind::table;  // table, column, index, view, sequence, type, constraint
    model::QualifiedName table;  // owning table for column/constraint renames
    std::string schema;          // schema of the object (tables, indexes, ...)
    std::string from;            // old name (unqualified)
    std::string to;              // new name (unqualified)
};

// A likely rename (same shape, new name) that is NOT applied: reported only.
struct RenameSuggestion {
    model::ObjectKind kind = model::ObjectKind::table;
    model::QualifiedName table;  // owning table for columns
    std::string schema;
    std::string from;
    std::string to;
    std::string reason;  // "same columns and constraints", "same type, default and position"
};

// Suggestions also carry notes on rename hints that could not be applied (reason
// "rename hint: old name not found", ...): those are not likely renames.
[[nodiscard]] inline bool is_rejected_hint(const RenameSuggestion& suggestion) {
    return suggestion.reason.starts_with("rename hint:");
}

// Whether owners / privileges are compared. Inputs that say nothing about them (a dump
// taken with -O / -x, hand-written DDL) do not track them: comparing such an input with
// one that does would plan to take every grant away.
enum class MetaTracking : std::uint8_t {
    when_both_carry,  // compared when both schemas carry some (model::carries_privileges / carries_owners)
    never,            // --no-privileges / --no-owners, [ignore] privileges / owners
};

struct DiffOptions {
    std::vector<RenameHint> renames;  // in addition to renamed_from annotations in `to`
    MetaTracking privileges = MetaTracking::when_both_carry;
    MetaTracking owners = MetaTracking::when_both_carry;
};

struct DiffResult {
    ChangeSet changes;
    std::vector<RenameSuggestion> suggestions;
    bool privileges_compared = false;  // set_privileges changes were looked for
    bool owners_compared = false;      // set_owner changes were looked for
};

// What DiffOptions decide for two schemas (the three-way merge asks the same question).
[[nodiscard]] bool compares_privileges(const model::Schema& from, const model::Schema& to, const DiffOptions& options);
[[nodiscard]] bool compares_owners(const model::Schema& from, const model::Schema& to, const DiffOptions& options);

// Compares two models by identity key and attribute and returns typed changes that
// turn `from` into `to`. Pure: no I/O, no printing.
//
// Order: changes are sorted by ChangeKind in its declaration order (create_schema,
// drop_schema, ..., create_opaque, drop_opaque), then by ObjectKey; except that
// add_column keeps the declaration order of the columns within each table,
// add_enum_value keeps the order the values must be added in within each type, and
// create_opaque / drop_opaque keep source order. This is a stable presentation
// order, not an execution order (the planner's job).
//
// Conventions the planner and reports rely on:
// - Keys: ObjectKey with raw (unquoted) names. Columns: kind column, table = owning
//   table (or view, for comments on view columns). Constraints: kind constraint,
//   table = owning table. Triggers/policies: table = their table. Routines: args =
//   canonical input types. Views: kind view or materialized_view. Opaque statements:
//   kind other, name = the statement text. add_enum_value: args = the new label.
// - A created object carries its parts: create_table includes its columns, all its
//   constraints (FKs too: split them out to order them) and the comments on it, its
//   columns and constraints; add_column / add_constraint / create_* carry the new
//   object's comment. Indexes, triggers and policies of a new table are separate
//   create_* changes. Drops of indexes/triggers/policies on a dropped table are
//   reported too (DROP TABLE would take them: the planner may elide them).
// - set_comment is emitted only for objects that exist on both sides (also beside
//   replace_view / replace_function / recreate_type / alter_*), detail empty; the
//   new comment is the `after` object's meta.comment (nullopt => COMMENT ... IS NULL;
//   for view columns `after` may be monostate, meaning no comment).
// - set_attribute (a dialect-only attribute, model/attributes.hpp) follows set_comment's
//   rule: emitted only for objects on both sides whose attribute differs (a recreated
//   object carries its attributes), one change per attribute, in the dialect's row order;
//   Change::attribute holds the row and the typed values (nullopt: unset on that side).
//   Which statement changes an attribute is the dialect planner's choice.
// - A changed constraint / index / trigger / policy (beyond what ALTER can do) is a
//   drop_* + create_* (add_constraint) pair under the same key.
// - Renames (from hints only) are rename_table / rename_column / rename_index /
//   rename_constraint keyed by the NEW name, detail = old unqualified name,
//   before/after = the old and new objects. Every other change on a renamed object
//   or inside a renamed table uses the new names (the rename runs first), and
//   compares as if the names matched: a renamed column whose type changed gives
//   rename_column + alter_column_type. Inside a renamed table, a constraint whose
//   definition is unchanged but whose (generated) name differs is renamed too.
// - Hints that cannot apply are reported in DiffResult::suggestions with a reason
//   starting "rename hint: " (old name not found, new name not found, ...); hints
//   for views, sequences and types are reported as not supported (no change kind).
// - Owners and privileges are compared only when both schemas carry them (MetaTracking):
//   set_privileges when an object on both sides has different effective ACLs (an ACL no
//   statement touched is the dialect's default, DialectTraits::default_privileges; column
//   privileges are in the table's ACL), set_owner when both sides name an owner and they
//   differ. Created objects carry their grants and owner; dropped ones need nothing.
//   Default privileges likewise: set_default_privileges for an entry (role, schema, kind of
//   objects) whose ACL differs, a missing entry being where it starts
//   (model::default_privileges_start); none for a schema the diff drops (they go with it).
// - Dump-version noise that the model keeps distinct is ignored here, as the schemas'
//   dialect traits say: an always-installed extension present on one side only, and a
//   data type present on one side only for a sequence OWNED BY a column on both sides.
[[nodiscard]] DiffResult diff(const model::Schema& from, const model::Schema& to, const DiffOptions& options = {});

// Sorts changes into diff()'s order (see Order above), keeping the relative order of
// changes that order does not decide: for a planner that rewrites some changes into others
// (synth/mysql turns set_attribute into the statement-level kinds).
void sort_changes(std::vector<Change>& changes);

}  // namespace schemerge::diff
