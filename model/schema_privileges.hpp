#pragma once
// Owners and privileges across a whole schema: does it carry any (a diff compares them
// only when both sides do), and leaving them out (--no-owners / --no-privileges,
// [ignore] owners / privileges).
#include "model/schema.hpp"

namespace schemerge::model {

// Some object has an ACL a GRANT / REVOKE wrote (Acl::tracked), or some default privileges
// differ from where they start.
[[nodiscard]] bool carries_privileges(const Schema& schema);
// Some object has an owner set.
[[nodiscard]] bool carries_owners(const Schema& schema);
// Every object's grants and ACL / owner forgotten, as if the input never said them (default
// privileges too).
void strip_privileges(Schema& schema);
void strip_owners(Schema& schema);

}  // namespace schemerge::model
