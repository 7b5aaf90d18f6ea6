#include "parser/postgres/privileges.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/new_object_acl.hpp"
#include "model/schema.hpp"
#include "parser/postgres/dialect_traits.hpp"

namespace schemerge::parser::postgres {

namespace {

// docs: "Privileges", Table 5.2 (PostgreSQL 15: no MAINTAIN yet).
constexpr std::string_view k_relation[] = {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
                                           "TRIGGER"};
constexpr std::string_view k_column[] = {"SELECT", "INSERT", "UPDATE", "REFERENCES"};
constexpr std::string_view k_sequence[] = {"USAGE", "SELECT", "UPDATE"};
constexpr std::string_view k_routine[] = {"EXECUTE"};
constexpr std::string_view k_schema[] = {"USAGE", "CREATE"};
constexpr std::string_view k_type[] = {"USAGE"};

// The noun of PostgreSQL's "invalid privilege type X for <noun>" (aclchk.c).
std::string_view noun(model::ObjectKind kind) {
    switch (kind) {
        case model::ObjectKind::sequence: return "sequence";
        case model::ObjectKind::function:
        case model::ObjectKind::aggregate: return "function";
        case model::ObjectKind::procedure: return "procedure";
        case model::ObjectKind::schema: return "schema";
        case model::ObjectKind::type: return "type";
        default: return "relation";
    }
}

bool has(std::span<const std::string_view> set, std::string_view privilege) {
    return std::find(set.begin(), set.end(), privilege) != set.end();
}

}  // namespace

std::span<const std::string_view> privileges_of(model::ObjectKind kind) {
    switch (kind) {
        case model::ObjectKind::table:
        case model::ObjectKind::view:
        case model::ObjectKind::materialized_view: return k_relation;
        case model::ObjectKind::sequence: return k_sequence;
        case model::ObjectKind::function:
        case model::ObjectKind::procedure:
        case model::ObjectKind::aggregate: return k_routine;
        case model::ObjectKind::schema: return k_schema;
        case model::ObjectKind::type: return k_type;
        default: return {};
    }
}

std::span<const std::string_view> column_privileges() { return k_column; }

std::string apply_privileges(model::Acl& acl, model::ObjectKind kind, std::string_view name,
                             const PrivilegeChange& change, const model::Table* table) {
    auto whole = privileges_of(kind);
    // (column, privilege) pairs the statement names.
    std::vector<std::pair<std::string, std::string>> targets;
    auto add_whole = [&](std::string_view privilege) -> std::string {
        if (!has(whole, privilege)) {
            // GRANT ... ON TABLE on a sequence: PostgreSQL warns and skips what a sequence
            // cannot hold (aclchk.c ExecGrant_Relation); other kinds are errors.
            if (kind == model::ObjectKind::sequence && has(k_relation, privilege)) {
                return {};
            }
            return fmt::format("invalid privilege type {} for {}", privilege, noun(kind));
        }
        targets.emplace_back("", std::string(privilege));
        return {};
    };
    if (change.items.empty()) {
        for (auto privilege : whole) {
            targets.emplace_back("", std::string(privilege));
        }
    }
    for (const auto& item : change.items) {
        if (item.columns.empty()) {
            if (item.privilege.empty()) {
                for (auto privilege : whole) {
                    targets.emplace_back("", std::string(privilege));
                }
            } else if (auto error = add_whole(item.privilege); !error.empty()) {
                return error;
            }
            continue;
        }
        if (kind != model::ObjectKind::table && kind != model::ObjectKind::view &&
            kind != model::ObjectKind::materialized_view) {
            return fmt::format("column privileges are only valid for relations, not for {} \"{}\"", noun(kind), name);
        }
        for (const auto& column : item.columns) {
            if (table != nullptr && table->find_column(column) == nullptr) {
                return fmt::format("column \"{}\" of relation \"{}\" does not exist", column, name);
            }
            if (item.privilege.empty()) {
                for (auto privilege : k_column) {
                    targets.emplace_back(column, std::string(privilege));
                }
            } else if (!has(k_column, item.privilege)) {
                return fmt::format("invalid privilege type {} for column", item.privilege);
            } else {
                targets.emplace_back(column, item.privilege);
            }
        }
    }
    if (!acl.tracked) {
        acl = traits().default_acl(kind, name);
    }
    for (const auto& grantee : change.grantees) {
        for (const auto& [column, privilege] : targets) {
            model::AclKey key{grantee, column, privilege};
            if (change.grant) {
                bool& option = acl.entries[key];
                option = option || change.grant_option;
                continue;
            }
            // Revoking a privilege on a table revokes it on each of its columns as well
            // (docs: REVOKE, "Notes").
            for (auto it = acl.entries.begin(); it != acl.entries.end();) {
                bool hit = it->first.grantee == grantee && it->first.privilege == privilege &&
                           (it->first.column == column || column.empty());
                if (!hit) {
                    ++it;
                } else if (change.grant_option) {
                    it->second = false;
                    ++it;
                } else {
                    it = acl.entries.erase(it);
                }
            }
        }
    }
    return {};
}

void start_acl(const model::Schema& schema, model::ObjectBase& meta, model::ObjectKind kind,
               const model::QualifiedName& name, std::string_view creator) {
    if (schema.default_privileges.empty()) {
        return;
    }
    model::Acl acl = model::new_object_acl(traits(), schema.default_privileges, kind, name.schema, name.name, creator);
    if (acl.tracked) {
        meta.acl = std::move(acl);
    }
}

std::string apply_default_privileges(model::Acl& acl, model::ObjectKind objects, const PrivilegeChange& change) {
    auto whole = privileges_of(objects);
    for (const auto& item : change.items) {
        if (!item.columns.empty()) {
            return "default privileges cannot be set for columns";
        }
        if (!item.privilege.empty() && !has(whole, item.privilege)) {
            return fmt::format("invalid privilege type {} for {}", item.privilege, noun(objects));
        }
    }
    if (change.grant && change.grant_option &&
        std::find(change.grantees.begin(), change.grantees.end(), model::k_every_role) != change.grantees.end()) {
        return "grant options can only be granted to roles";
    }
    model::Acl out = acl;
    out.tracked = true;
    if (std::string error = apply_privileges(out, objects, "", change, nullptr); !error.empty()) {
        return error;
    }
    acl = std::move(out);
    return {};
}

}  // namespace schemerge::parser::postgres
