#pragma once
// GRANT / REVOKE as set operations on an object's ACL (model/acl.hpp): which privileges
// each object kind has, what ALL means, what REVOKE takes away.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/acl.hpp"
#include "model/table.hpp"

struct PgQuery__GrantStmt;

namespace schemerge::model {
struct Schema;
}

namespace schemerge::parser::postgres {

// The privileges an object of `kind` can hold, in the order PostgreSQL lists them (docs:
// "Privileges", Table 5.2); empty for kinds without an ACL of their own (indexes, ...).
// Views, materialized views and foreign tables are relations: a table's privileges.
[[nodiscard]] std::span<const std::string_view> privileges_of(model::ObjectKind kind);
// What a column can hold (GRANT SELECT (c) ON t ...).
[[nodiscard]] std::span<const std::string_view> column_privileges();

// One GRANT or REVOKE, read from its statement.
struct PrivilegeChange {
    bool grant = true;          // GRANT; false: REVOKE
    bool grant_option = false;  // GRANT ... WITH GRANT OPTION / REVOKE GRANT OPTION FOR ...
    struct Item {
        std::string privilege;             // upper case; empty: ALL [PRIVILEGES]
        std::vector<std::string> columns;  // empty: the whole object
    };
    std::vector<Item> items;              // empty: ALL [PRIVILEGES] on the whole object
    std::vector<std::string> grantees;    // role names; model::k_every_role for PUBLIC
};

// Reads the privileges and grantees of a GRANT / REVOKE (transform_misc.cpp); also the action
// of an ALTER DEFAULT PRIVILEGES.
[[nodiscard]] PrivilegeChange privilege_change(const PgQuery__GrantStmt* stmt);

// Applies `change` to the ACL of an object of `kind` called `name` (its default ACL first
// when nothing was said about it yet). `table`: the object when it is a table (column
// privileges name its columns). An error is the message PostgreSQL gives (invalid privilege
// for the kind, unknown column); the ACL is then unchanged.
[[nodiscard]] std::string apply_privileges(model::Acl& acl, model::ObjectKind kind, std::string_view name,
                                           const PrivilegeChange& change, const model::Table* table);

// ALTER DEFAULT PRIVILEGES ... GRANT / REVOKE on the ACL of the entry for `objects` (table,
// sequence, function, type, schema: model/default_privileges.hpp); `acl` is the entry, or
// where it starts. An error is the message PostgreSQL 15 gives (aclchk.c
// ExecAlterDefaultPrivilegesStmt: a privilege the objects cannot take, column lists, a grant
// option for PUBLIC); the ACL is then unchanged.
[[nodiscard]] std::string apply_default_privileges(model::Acl& acl, model::ObjectKind objects,
                                                   const PrivilegeChange& change);

// A new object's ACL as the default privileges in effect in `schema` give it
// (model::new_object_acl): the entries of the role running the statements (""), or of
// `creator` when the statement names the owner (CREATE SCHEMA … AUTHORIZATION r). Entries
// FOR ROLE another role never apply: the front end does not follow SET ROLE. Sets
// meta.acl only when that differs from the built-in default.
void start_acl(const model::Schema& schema, model::ObjectBase& meta, model::ObjectKind kind,
               const model::QualifiedName& name, std::string_view creator = {});

}  // namespace schemerge::parser::postgres
