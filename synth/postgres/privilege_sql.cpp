// GRANT / REVOKE from two ACLs (model/acl.hpp): what a migration runs to turn one into the
// other, and what a dump writes for an ACL no statement of the inputs wrote.
#include <algorithm>
#include <map>

#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/sql_format.hpp"

namespace schemerge::synth::postgres {

namespace {

// The order PostgreSQL lists privileges in (docs: "Privileges", Table 5.2); unknown
// ones after, by name.
int privilege_rank(const std::string& privilege) {
    static constexpr std::string_view k_order[] = {"SELECT",     "INSERT",  "UPDATE", "DELETE", "TRUNCATE",
                                                   "REFERENCES", "TRIGGER", "CREATE", "USAGE",  "EXECUTE"};
    auto it = std::find(std::begin(k_order), std::end(k_order), privilege);
    return it == std::end(k_order) ? 100 : static_cast<int>(it - std::begin(k_order));
}

std::string grantee_sql(const std::string& grantee) {
    if (grantee.empty()) {
        return "PUBLIC";
    }
    if (grantee == "CURRENT_USER" || grantee == "SESSION_USER" || grantee == "CURRENT_ROLE") {
        return grantee;
    }
    return quote_identifier(grantee);
}

// "SELECT, INSERT, UPDATE (a, b)" for a set of (column, privilege) of one grantee.
std::string privilege_list(const std::vector<model::AclKey>& keys) {
    std::map<std::string, std::vector<std::string>> columns;  // privilege -> columns ("" = whole object)
    for (const auto& key : keys) {
        columns[key.privilege].push_back(key.column);
    }
    std::vector<std::string> privileges;
    for (const auto& [privilege, _] : columns) {
        privileges.push_back(privilege);
    }
    std::stable_sort(privileges.begin(), privileges.end(), [](const std::string& a, const std::string& b) {
        return privilege_rank(a) < privilege_rank(b);
    });
    std::string out;
    auto append = [&](const std::string& item) { out += (out.empty() ? "" : ", ") + item; };
    for (const auto& privilege : privileges) {
        std::string cols;
        for (const auto& column : columns[privilege]) {
            if (column.empty()) {
                append(privilege);
            } else {
                cols += (cols.empty() ? "" : ", ") + quote_identifier(column);
            }
        }
        if (!cols.empty()) {
            append(privilege + " (" + cols + ")");
        }
    }
    return out;
}

}  // namespace

std::string grant_target(const std::string& owner_target) {
    // GRANT names every relation TABLE (docs: GRANT), and aggregates FUNCTION.
    for (std::string_view prefix : {"MATERIALIZED VIEW ", "VIEW ", "FOREIGN TABLE "}) {
        if (owner_target.starts_with(prefix)) {
            return "TABLE " + owner_target.substr(prefix.size());
        }
    }
    if (owner_target.starts_with("AGGREGATE ")) {
        return "FUNCTION " + owner_target.substr(10);
    }
    return owner_target;
}

model::Acl default_acl_of_target(const std::string& owner_target) {
    // parser/postgres/dialect_traits.cpp (default_privileges) says the same as data; a
    // dump has no schema's traits at hand.
    model::Acl acl;
    acl.tracked = true;
    auto grant = [&](std::string_view privilege) {
        acl.entries.emplace(model::AclKey{std::string(model::k_every_role), "", std::string(privilege)}, false);
    };
    for (std::string_view prefix : {"FUNCTION ", "PROCEDURE ", "AGGREGATE "}) {
        if (owner_target.starts_with(prefix)) {
            grant("EXECUTE");
        }
    }
    if (owner_target.starts_with("TYPE ") || owner_target.starts_with("DOMAIN ")) {
        grant("USAGE");
    }
    if (owner_target == "SCHEMA public") {
        grant("USAGE");
    }
    return acl;
}

std::vector<std::string> privilege_statements(const std::string& target, const model::Acl& before,
                                              const model::Acl& after) {
    std::vector<std::string> out;
    std::vector<std::string> grantees;
    for (const auto* acl : {&before, &after}) {
        for (const auto& grantee : acl->grantees()) {
            if (std::find(grantees.begin(), grantees.end(), grantee) == grantees.end()) {
                grantees.push_back(grantee);
            }
        }
    }
    std::sort(grantees.begin(), grantees.end());
    for (const auto& grantee : grantees) {
        auto b = before.of_grantee(grantee);
        auto a = after.of_grantee(grantee);
        std::vector<model::AclKey> revoke;         // gone
        std::vector<model::AclKey> revoke_option;  // kept without the grant option
        for (const auto& [key, option] : b) {
            auto it = a.find(key);
            if (it == a.end()) {
                revoke.push_back(key);
            } else if (option && !it->second) {
                revoke_option.push_back(key);
            }
        }
        // A privilege revoked on the whole table is revoked on its columns too (docs:
        // REVOKE, "Notes"): what `after` keeps on columns is granted again.
        auto cleared = [&](const model::AclKey& column_key, bool option_only) {
            for (const auto& key : revoke) {
                if (key.column.empty() && key.privilege == column_key.privilege) {
                    return true;
                }
            }
            if (option_only) {
                for (const auto& key : revoke_option) {
                    if (key.column.empty() && key.privilege == column_key.privilege) {
                        return true;
                    }
                }
            }
            return false;
        };
        std::vector<model::AclKey> grant;         // new, without the grant option
        std::vector<model::AclKey> grant_option;  // new or gaining the grant option
        for (const auto& [key, option] : a) {
            auto it = b.find(key);
            bool missing = it == b.end() || (!key.column.empty() && cleared(key, false));
            bool option_missing = option && (missing || !it->second || (!key.column.empty() && cleared(key, true)));
            if (option_missing) {
                grant_option.push_back(key);
            } else if (missing) {
                grant.push_back(key);
            }
        }
        std::string who = grantee_sql(grantee);
        if (!revoke.empty()) {
            out.push_back("REVOKE " + privilege_list(revoke) + " ON " + target + " FROM " + who);
        }
        if (!revoke_option.empty()) {
            out.push_back("REVOKE GRANT OPTION FOR " + privilege_list(revoke_option) + " ON " + target + " FROM " + who);
        }
        if (!grant.empty()) {
            out.push_back("GRANT " + privilege_list(grant) + " ON " + target + " TO " + who);
        }
        if (!grant_option.empty()) {
            out.push_back("GRANT " + privilege_list(grant_option) + " ON " + target + " TO " + who +
                          " WITH GRANT OPTION");
        }
    }
    return out;
}

std::vector<std::string> default_privilege_statements(const model::DefaultPrivilegesKey& key,
                                                      const model::Acl& before, const model::Acl& after) {
    std::string_view objects;
    switch (key.objects) {
        case model::ObjectKind::table: objects = "TABLES"; break;
        case model::ObjectKind::sequence: objects = "SEQUENCES"; break;
        case model::ObjectKind::function: objects = "FUNCTIONS"; break;
        case model::ObjectKind::type: objects = "TYPES"; break;
        case model::ObjectKind::schema: objects = "SCHEMAS"; break;
        default: return {};
    }
    std::string prefix = "ALTER DEFAULT PRIVILEGES ";
    if (!key.role.empty()) {
        prefix += "FOR ROLE " + quote_identifier(key.role) + " ";
    }
    if (!key.schema.empty()) {
        prefix += "IN SCHEMA " + quote_identifier(key.schema) + " ";
    }
    std::vector<std::string> out = privilege_statements(std::string(objects), before, after);
    for (auto& statement : out) {
        statement = prefix + statement;
    }
    return out;
}

}  // namespace schemerge::synth::postgres
