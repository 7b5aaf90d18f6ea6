#pragma once
// An object's access control list as a set: who holds which privilege, on the whole object
// or on one of its columns, and whether they may grant it on. The statements that built it
// (GRANT / REVOKE, in any order and grouping) are the front end's business; two ACLs compare
// as sets, so statement order and grouping are noise. What a privilege is called and which
// privileges an object kind has are the dialect's (its front end fills the set, its planner
// writes the statements); this file only holds names.
#include <compare>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/object_key.hpp"
#include "model/source_location.hpp"

namespace schemerge::model {

// The grantee meaning "every role" (SQL's PUBLIC): no role can be called "".
inline constexpr std::string_view k_every_role = "";

struct AclKey {
    std::string grantee;    // a role name, or k_every_role
    std::string column;     // empty: the whole object; else a column of it (column privileges)
    std::string privilege;  // upper-case keyword as SQL writes it: "SELECT", "USAGE", ...

    auto operator<=>(const AclKey&) const = default;
    bool operator==(const AclKey&) const = default;
};

struct Acl {
    // false: nothing was said about the object's privileges; it has the engine's default
    // (DialectTraits::default_privileges). true: `entries` is the whole ACL.
    bool tracked = false;
    std::map<AclKey, bool> entries;  // value: WITH GRANT OPTION
    // No statement of the inputs wrote all of it (a merge combined both sides' changes; default
    // privileges started it: model/new_object_acl.hpp): ObjectBase::grants is empty and an
    // emitter writes the ACL from `entries` (from where its target starts). Not the value.
    bool derived = false;
    // Where each grantee's privileges were last changed (the GRANT / REVOKE), for merge
    // conflicts. Not part of the value.
    std::map<std::string, SourceLocation> lines;

    bool operator==(const Acl& other) const { return tracked == other.tracked && entries == other.entries; }

    // The entries of one grantee (the unit a three-way merge decides on).
    [[nodiscard]] std::map<AclKey, bool> of_grantee(std::string_view grantee) const {
        std::map<AclKey, bool> out;
        for (const auto& [key, option] : entries) {
            if (key.grantee == grantee) {
                out.emplace(key, option);
            }
        }
        return out;
    }
    [[nodiscard]] std::vector<std::string> grantees() const {
        std::vector<std::string> out;
        for (const auto& [key, option] : entries) {
            if (out.empty() || out.back() != key.grantee) {
                out.push_back(key.grantee);
            }
        }
        return out;
    }
};

// A privilege an object holds when no statement said otherwise (besides its owner's, which
// are implicit and never in an ACL): PostgreSQL gives PUBLIC EXECUTE on functions, USAGE on
// types. `name` empty: every object of the kind; else only the one of that name (a
// database's default schema).
struct DefaultPrivilege {
    ObjectKind kind = ObjectKind::other;
    std::string_view name;
    std::string_view grantee;
    std::string_view privilege;
};

// "PUBLIC" for k_every_role, else the role name (reports and conflicts).
[[nodiscard]] inline std::string grantee_label(std::string_view grantee) {
    return grantee.empty() ? std::string("PUBLIC") : std::string(grantee);
}

}  // namespace schemerge::model
