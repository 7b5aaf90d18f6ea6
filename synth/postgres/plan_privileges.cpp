// Owners and privileges of objects that stay: ALTER ... OWNER TO, and the REVOKEs and
// GRANTs between the two ACLs. Objects the plan creates carry both already (their grants
// from the ACL the from side's default privileges give them: created_acl).
#include "model/new_object_acl.hpp"
#include "model/schema_privileges.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/planner.hpp"

namespace schemerge::synth::postgres {

namespace {

bool has_own_acl(ObjectKind kind) {
    switch (kind) {
        case ObjectKind::schema:
        case ObjectKind::type:
        case ObjectKind::sequence:
        case ObjectKind::table:
        case ObjectKind::view:
        case ObjectKind::materialized_view:
        case ObjectKind::function:
        case ObjectKind::procedure:
        case ObjectKind::aggregate: return true;
        default: return false;
    }
}

}  // namespace

model::Acl Planner::created_acl(ObjectKind kind, const QualifiedName& name) const {
    if (from_.default_privileges.empty()) {
        return {};
    }
    if (!to_carries_privileges_) {
        to_carries_privileges_ = model::carries_privileges(to_);
    }
    if (!*to_carries_privileges_) {
        return {};
    }
    return model::new_object_acl(model::dialect_of({&from_, &to_}), from_.default_privileges, kind, name.schema,
                                 name.name);
}

void Planner::set_privileges(const Change& change, const std::string& text) {
    const ObjectKey& key = change.key;
    if (!has_own_acl(key.kind) || created_with_comment(key)) {
        return;
    }
    // Routines and types name their target from the `to` object; the default schema's
    // ACL going back to its default has only the `from` one.
    Change named = change;
    if (std::holds_alternative<std::monostate>(named.after)) {
        named.after = named.before;
    }
    std::string target = comment_target(named);
    if (target.empty()) {
        return;
    }
    const model::DialectTraits& traits = model::dialect_of({&from_, &to_});
    const auto* before = meta_of(change.before);
    const auto* after = meta_of(change.after);
    model::Acl from_acl = traits.effective_acl(before != nullptr ? before->acl : model::Acl{}, key.kind, key.name);
    model::Acl to_acl = traits.effective_acl(after != nullptr ? after->acl : model::Acl{}, key.kind, key.name);
    std::vector<std::string> sql = privilege_statements(grant_target(target), from_acl, to_acl);
    if (sql.empty()) {
        return;
    }
    std::size_t a = add(k_privileges, key, sql, text);
    after_providers(a, key);
    for (const auto& [entry, _] : to_acl.entries) {
        if (!entry.column.empty()) {
            after_providers(a, model::ObjectKey{ObjectKind::column, key.schema, entry.column, key.name, ""});
        }
    }
}

void Planner::set_owner(const Change& change, const std::string& text) {
    const ObjectKey& key = change.key;
    if (created_with_comment(key) || change.owner.empty()) {
        return;
    }
    switch (key.kind) {
        case ObjectKind::column:
        case ObjectKind::constraint:
        case ObjectKind::index:
        case ObjectKind::trigger:
        case ObjectKind::policy:
        case ObjectKind::extension:
        case ObjectKind::other: return;  // owned with their table, or no owner of their own
        default: break;
    }
    std::string target = comment_target(change);
    if (target.empty()) {
        return;
    }
    std::size_t a = add(k_owner, key, {"ALTER " + target + " OWNER TO " + quote_identifier(change.owner)}, text);
    after_providers(a, key);
}

void Planner::set_default_privileges(const Change& change, const std::string& text) {
    const model::DialectTraits& traits = model::dialect_of({&from_, &to_});
    model::DefaultPrivilegesKey key = model::default_privileges_key(change.key);
    const auto* before = as<model::DefaultPrivileges>(change.before);
    const auto* after = as<model::DefaultPrivileges>(change.after);
    std::vector<std::string> sql =
        default_privilege_statements(key, model::effective_default_privileges(traits, key, before),
                                     model::effective_default_privileges(traits, key, after));
    if (sql.empty()) {
        return;
    }
    std::size_t a = add(k_default_privileges, change.key, sql, text);
    if (!key.schema.empty()) {
        after_providers(a, model::schema_key(key.schema));
    }
}

}  // namespace schemerge::synth::postgres
