#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/acl.hpp"
#include "model/attributes.hpp"
#include "model/source_location.hpp"

namespace schemerge::model {

// What every model object carries besides its definition. Owner and grants are
// recorded so a dump can reproduce them, but ObjectCompare ignores them unless
// asked (they differ between environments far more often than schemas do).
struct ObjectBase {
    SourceLocation location;
    std::optional<std::string> comment;
    std::string owner;
    SourceLocation owner_at;  // the ALTER ... OWNER TO that set it (merge conflicts); not part of the value
    std::vector<std::string> grants;  // canonical GRANT/REVOKE statements, in order (what a dump writes)
    // What those statements leave, as a set (model/acl.hpp): what diff and merge compare.
    // Column privileges are in their table's ACL (AclKey::column).
    Acl acl;
    // `-- schemerge:renamed-from old_name` written next to the definition: the object
    // was renamed, not dropped and recreated. A hint for diff, not part of the definition.
    std::string renamed_from;
    // Where a later statement last changed it (ALTER TABLE … ALTER COLUMN for a column, DROP
    // COLUMN for its table): in a migration directory, the migration that made it what it
    // is. Unknown when only its definition shaped it. Not part of the definition.
    SourceLocation changed_at;
    // The dialect-only attributes (model/attributes.hpp): one AttributeDef row each in the
    // dialect's table (DialectTraits::attributes). Part of the definition, except rows
    // declared not compared. Diff, merge and JSON handle them generically (set_attribute,
    // a conflict per attribute, "attributes").
    AttributeSet attributes;

    // Definitions compare by what the engine would store as the object; location,
    // owner and grants are not part of it (see privileges_equal for those).
    bool operator==(const ObjectBase& other) const { return comment == other.comment && attributes == other.attributes; }
    [[nodiscard]] bool privileges_equal(const ObjectBase& other) const {
        return owner == other.owner && grants == other.grants && acl == other.acl;
    }
};

}  // namespace schemerge::model
