#pragma once
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

enum class PrivilegePolicy : unsigned char { ignore, compare };

struct DiffOptions {
    std::vector<RenameHint> renames;  // in addition to renamed_from annotations in `to`
    PrivilegePolicy privileges = PrivilegePolicy::ignore;
};

struct DiffResult {
    ChangeSet changes;
    std::vector<RenameSuggestion> suggestions;
};

// Compares two models by identity key and attribute and returns typed changes that
// turn `from` into `to`. Pure: no I/O, no printing.
[[nodiscard]] DiffResult diff(const model::Schema& from, const model::Schema& to, const DiffOptions& options = {});

}  // namespace schemerge::diff
