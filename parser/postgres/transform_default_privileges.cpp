// ALTER DEFAULT PRIVILEGES [FOR ROLE r, ...] [IN SCHEMA s, ...] GRANT / REVOKE ... ON
// TABLES | SEQUENCES | FUNCTIONS | ROUTINES | TYPES | SCHEMAS: one ACL per (role, schema,
// kind of objects), model/default_privileges.hpp. What PostgreSQL stores (pg_default_acl,
// aclchk.c SetDefaultACL): an entry for every schema starts from the kind's built-in ACL
// (acldefault: PUBLIC's EXECUTE on functions, USAGE on types); one for a schema starts empty;
// an entry back at its start is deleted.
#include <fmt/format.h>

#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/privileges.hpp"

namespace schemerge::parser::postgres {

namespace {

// The kind of objects an ON clause names (gram.y defacl_privilege_target; ROUTINES is
// FUNCTIONS).
std::optional<model::ObjectKind> objects_of(PgQuery__ObjectType type) {
    switch (type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return model::ObjectKind::table;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return model::ObjectKind::sequence;
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: return model::ObjectKind::function;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return model::ObjectKind::type;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return model::ObjectKind::schema;
        default: return std::nullopt;
    }
}

}  // namespace

void Interpreter::alter_default_privileges(PgQuery__AlterDefaultPrivilegesStmt* stmt) {
    const PgQuery__GrantStmt* action = stmt->action;
    std::optional<model::ObjectKind> objects = action != nullptr ? objects_of(action->objtype) : std::nullopt;
    if (!objects) {
        keep_opaque(current_);
        return;
    }
    // FOR ROLE / IN SCHEMA, each a list; absent: the current role, every schema.
    std::vector<std::string> roles;
    std::vector<std::pair<std::string, int>> schemas;  // name, where it is written
    for (std::size_t i = 0; i < stmt->n_options; ++i) {
        const Node* option = stmt->options[i];
        if (option->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || option->def_elem->arg == nullptr ||
            option->def_elem->arg->node_case != PG_QUERY__NODE__NODE_LIST) {
            continue;
        }
        const auto* def = option->def_elem;
        const auto* list = def->arg->list;
        std::string_view name = def->defname != nullptr ? def->defname : "";
        for (std::size_t j = 0; j < list->n_items; ++j) {
            const Node* item = list->items[j];
            if (name == "roles" && item->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC) {
                const auto* role = item->role_spec;
                // FOR ROLE CURRENT_USER is the role running the statements, as when absent.
                bool current = role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER ||
                               role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE ||
                               role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER;
                if (role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) {
                    throw StatementError(role->location, "role \"public\" does not exist");
                }
                roles.push_back(current ? std::string() : owner_name(role));
            } else if (name == "schemas") {
                schemas.emplace_back(std::string(node_string(item)), def->location);
            }
        }
    }
    if (roles.empty()) {
        roles.emplace_back();
    }
    if (*objects == model::ObjectKind::schema && !schemas.empty()) {
        throw StatementError(schemas.front().second,
                             "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
    }
    for (const auto& [name, where] : schemas) {
        if (!schema_.namespaces.contains(name) && name != traits().default_schema) {
            throw StatementError(where, fmt::format("schema \"{}\" does not exist", name));
        }
    }
    if (schemas.empty()) {
        schemas.emplace_back(std::string(), 0);
    }
    PrivilegeChange change = privilege_change(action);
    for (const auto& role : roles) {
        for (const auto& [schema, where] : schemas) {
            model::DefaultPrivilegesKey key{role, schema, *objects};
            auto it = schema_.default_privileges.find(key);
            model::Acl acl = it != schema_.default_privileges.end() ? it->second.meta.acl
                                                                      : model::default_privileges_start(traits(), key);
            if (std::string error = apply_default_privileges(acl, *objects, change); !error.empty()) {
                throw StatementError(0, error);
            }
            for (const auto& grantee : change.grantees) {
                acl.lines[grantee] = meta().location;
            }
            if (acl == model::default_privileges_start(traits(), key)) {
                // Back where it starts: PostgreSQL deletes the entry.
                if (it != schema_.default_privileges.end()) {
                    schema_.default_privileges.erase(it);
                }
                continue;
            }
            if (it == schema_.default_privileges.end()) {
                it = schema_.default_privileges.emplace(key, model::DefaultPrivileges{key, meta()}).first;
            }
            it->second.meta.acl = std::move(acl);
        }
    }
}

}  // namespace schemerge::parser::postgres
