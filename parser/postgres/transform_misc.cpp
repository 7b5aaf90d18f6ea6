// CREATE SCHEMA / EXTENSION, COMMENT ON, GRANT, OWNER TO, DROP, RENAME, SET SCHEMA,
// search_path, text search configuration mappings, and the final canonical pass.
#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "model/schema_edits.hpp"
#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/privileges.hpp"

namespace schemerge::parser::postgres {


namespace {

model::QualifiedName names_of(const Interpreter& in, const Node* object) {
    if (object == nullptr) {
        return {};
    }
    if (object->node_case == PG_QUERY__NODE__NODE_LIST) {
        return in.qualify(object->list->items, object->list->n_items);
    }
    if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        return in.qualify(object->type_name->names, object->type_name->n_names);
    }
    if (object->node_case == PG_QUERY__NODE__NODE_STRING) {
        return {"", object->string->sval};
    }
    return {};
}

// [schema.]table.name for columns, constraints, triggers, policies.
std::pair<model::QualifiedName, std::string> table_and_name(const Interpreter& in, const Node* object) {
    auto parts = string_list(object->list->items, object->list->n_items);
    if (parts.size() < 2) {
        return {};
    }
    std::string name = parts.back();
    parts.pop_back();
    model::QualifiedName table = parts.size() >= 2 ? model::QualifiedName{parts[parts.size() - 2], parts.back()}
                                                   : in.qualify(object->list->items, 1);
    return {table, name};
}

}  // namespace

void Interpreter::create_schema(PgQuery__CreateSchemaStmt* stmt) {
    std::string name = stmt->schemaname != nullptr ? stmt->schemaname : owner_name(stmt->authrole);
    if (auto it = schema_.namespaces.find(name); it != schema_.namespaces.end() || name == "public") {
        if (stmt->if_not_exists || name == "public") {
            if (name == "public" && it == schema_.namespaces.end() && !stmt->if_not_exists) {
                // `public` exists in every new database; pg_dump of a database that recreated
                // it still says CREATE SCHEMA public.
                schema_.namespaces.emplace(name, model::Namespace{name, meta()});
            }
            return;
        }
        duplicate(fmt::format("schema \"{}\"", name), it->second.meta.location);
    }
    model::Namespace ns{name, meta()};
    std::string creator;  // the role running the statements
    if (stmt->authrole != nullptr) {
        ns.meta.owner = owner_name(stmt->authrole);
        // The new owner's default privileges apply (PostgreSQL: NamespaceCreate).
        if (stmt->authrole->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING) {
            creator = ns.meta.owner;
        }
    }
    start_acl(schema_, ns.meta, model::ObjectKind::schema, {"", name}, creator);
    schema_.namespaces.emplace(name, std::move(ns));
    if (stmt->n_schema_elts > 0) {
        std::string saved = names_.default_schema;
        names_.default_schema = name;
        for (std::size_t i = 0; i < stmt->n_schema_elts; ++i) {
            apply(stmt->schema_elts[i], *site_);
        }
        names_.default_schema = saved;
    }
}

void Interpreter::create_extension(PgQuery__CreateExtensionStmt* stmt) {
    model::Extension ext;
    ext.name = stmt->extname;
    ext.meta = meta();
    for (std::size_t i = 0; i < stmt->n_options; ++i) {
        const auto* d = stmt->options[i]->def_elem;
        std::string_view opt = d->defname;
        if (opt == "schema") {
            ext.schema = def_value(d->arg);
        } else if (opt == "new_version") {
            ext.version = def_value(d->arg);
        }
    }
    if (auto it = schema_.extensions.find(ext.name); it != schema_.extensions.end()) {
        if (stmt->if_not_exists) {
            return;
        }
        duplicate(fmt::format("extension \"{}\"", ext.name), it->second.meta.location);
    }
    schema_.extensions.emplace(ext.name, std::move(ext));
}

namespace {
// Finds the ObjectBase an object-addressing statement names, or nullptr.
struct Target {
    model::ObjectBase* meta = nullptr;
    std::string description;
    // What was found, for GRANT / REVOKE (which privileges it has, its default ACL).
    model::ObjectKind kind = model::ObjectKind::other;
    std::string name;                // unqualified
    model::Table* table = nullptr;   // when it is a table: its columns
};
}  // namespace

static Target find_target(Interpreter& in, model::Schema& schema, PgQuery__ObjectType type, Node* object,
                          const std::vector<std::string>& search_path) {
    Target t;
    auto relation = [&](const model::QualifiedName& given, bool qualified) -> model::QualifiedName {
        if (qualified) {
            return given;
        }
        for (const auto& s : search_path) {
            if (schema.relation_exists({s, given.name})) {
                return {s, given.name};
            }
        }
        return given;
    };
    auto is_qualified = [&](const Node* o) {
        return o != nullptr && o->node_case == PG_QUERY__NODE__NODE_LIST && o->list->n_items >= 2;
    };
    switch (type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
            model::QualifiedName n = relation(names_of(in, object), is_qualified(object));
            t.description = n.to_string();
            t.name = n.name;
            if (auto it = schema.tables.find(n); it != schema.tables.end()) {
                t.meta = &it->second.meta;
                t.kind = model::ObjectKind::table;
                t.table = &it->second;
            } else if (auto v = schema.views.find(n); v != schema.views.end()) {
                t.meta = &v->second.meta;
                t.kind = v->second.materialized ? model::ObjectKind::materialized_view : model::ObjectKind::view;
            } else if (auto s = schema.sequences.find(n); s != schema.sequences.end()) {
                t.meta = &s->second.meta;
                t.kind = model::ObjectKind::sequence;
            } else if (auto x = schema.indexes.find(n); x != schema.indexes.end()) {
                t.meta = &x->second.meta;
                t.kind = model::ObjectKind::index;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
            auto [table, column] = table_and_name(in, object);
            table = relation(table, object->list->n_items >= 3);
            t.description = table.to_string() + "." + column;
            if (auto it = schema.tables.find(table); it != schema.tables.end()) {
                if (auto* c = it->second.find_column(column)) {
                    t.meta = &c->meta;
                }
            } else if (auto v = schema.views.find(table); v != schema.views.end()) {
                auto& details = v->second.column_details;
                auto c = std::find_if(details.begin(), details.end(), [&](const auto& x) { return x.name == column; });
                if (c == details.end()) {
                    details.push_back(model::Column{});
                    details.back().name = column;
                    c = details.end() - 1;
                }
                t.meta = &c->meta;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
            auto [table, name] = table_and_name(in, object);
            table = relation(table, object->list->n_items >= 3);
            t.description = fmt::format("constraint {} on {}", name, table.to_string());
            if (auto it = schema.tables.find(table); it != schema.tables.end()) {
                if (auto* c = it->second.find_constraint(name)) {
                    t.meta = &c->meta;
                }
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
            auto [table, name] = table_and_name(in, object);
            table = relation(table, object->list->n_items >= 3);
            t.description = fmt::format("{} on {}", name, table.to_string());
            if (type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER) {
                if (auto it = schema.triggers.find({table, name}); it != schema.triggers.end()) {
                    t.meta = &it->second.meta;
                }
            } else if (auto it = schema.policies.find({table, name}); it != schema.policies.end()) {
                t.meta = &it->second.meta;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
            bool found = false;
            model::RoutineName key = routine_key(in, object->object_with_args, schema, &found);
            t.description = fmt::format("{}({})", key.name.to_string(), key.args);
            if (found) {
                auto& function = schema.functions.at(key);
                t.meta = &function.meta;
                t.kind = model::object_kind(function.kind);
                t.name = key.name.name;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR: {
            bool found = false;
            model::RoutineName key = operator_key(in, object->object_with_args, schema, search_path, &found);
            t.description = fmt::format("operator {}({})", key.name.to_string(), key.args);
            if (found) {
                t.meta = &schema.functions.at(key).meta;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS:
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY: {
            if (object == nullptr || object->node_case != PG_QUERY__NODE__NODE_LIST || object->list->n_items < 2) {
                return t;
            }
            auto kind = type == PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS ? model::RoutineKind::operator_class
                                                                      : model::RoutineKind::operator_family;
            std::string am{node_string(object->list->items[0])};
            model::RoutineName key;
            const model::Function* found =
                in.find_opclass(kind, object->list->items + 1, object->list->n_items - 1, am, &key);
            t.description = fmt::format("operator {} {} USING {}",
                                        kind == model::RoutineKind::operator_class ? "class" : "family",
                                        key.name.to_string(), am);
            if (found != nullptr) {
                t.meta = &schema.functions.at(key).meta;
                t.kind = model::object_kind(kind);
                t.name = key.name.name;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
            model::QualifiedName n = names_of(in, object);
            if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME && object->type_name->n_names == 1) {
                n = in.resolve_type(object->type_name->names, 1);
            }
            t.description = n.to_string();
            if (auto it = schema.types.find(n); it != schema.types.end()) {
                t.meta = &it->second.meta;
                t.kind = model::ObjectKind::type;
                t.name = n.name;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
            std::string n{node_string(object)};
            t.description = n;
            auto it = schema.namespaces.find(n);
            if (it == schema.namespaces.end() && n == "public") {
                it = schema.namespaces.emplace(n, model::Namespace{n, {}}).first;
            }
            if (it != schema.namespaces.end()) {
                t.meta = &it->second.meta;
                t.kind = model::ObjectKind::schema;
                t.name = n;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
            std::string n{node_string(object)};
            t.description = n;
            if (auto it = schema.extensions.find(n); it != schema.extensions.end()) {
                t.meta = &it->second.meta;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY: {
            model::QualifiedName n = names_of(in, object);
            t.description = n.to_string();
            auto& map = type == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION         ? schema.collations
                        : type == PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION ? schema.text_search_configurations
                                                                                : schema.text_search_dictionaries;
            if (auto it = map.find(n); it != map.end()) {
                t.meta = &it->second.meta;
            }
            return t;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT:
        default: return t;
    }
}

void Interpreter::comment(PgQuery__CommentStmt* stmt) {
    Target t = find_target(*this, schema_, stmt->objtype, stmt->object, search_path_);
    if (t.meta == nullptr) {
        if (t.description.empty()) {
            keep_opaque(current_);
            return;
        }
        throw StatementError(0, fmt::format("COMMENT ON an object that does not exist: {}", t.description));
    }
    if (stmt->comment == nullptr || stmt->comment[0] == '\0') {
        t.meta->comment.reset();  // COMMENT ... IS NULL (or '') removes the comment
    } else {
        t.meta->comment = stmt->comment;
    }
}

// Reads the privileges and grantees of a GRANT / REVOKE (privileges.hpp).
PrivilegeChange privilege_change(const PgQuery__GrantStmt* stmt) {
    PrivilegeChange change;
    change.grant = stmt->is_grant;
    change.grant_option = stmt->grant_option;
    for (std::size_t i = 0; i < stmt->n_privileges; ++i) {
        const Node* node = stmt->privileges[i];
        if (node->node_case != PG_QUERY__NODE__NODE_ACCESS_PRIV) {
            continue;
        }
        const auto* priv = node->access_priv;
        PrivilegeChange::Item item;
        if (priv->priv_name != nullptr) {
            item.privilege = priv->priv_name;
            std::transform(item.privilege.begin(), item.privilege.end(), item.privilege.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        }
        for (std::size_t c = 0; c < priv->n_cols; ++c) {
            item.columns.emplace_back(node_string(priv->cols[c]));
        }
        change.items.push_back(std::move(item));
    }
    for (std::size_t i = 0; i < stmt->n_grantees; ++i) {
        const Node* node = stmt->grantees[i];
        if (node->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) {
            continue;
        }
        const auto* role = node->role_spec;
        change.grantees.push_back(role->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC
                                      ? std::string(model::k_every_role)
                                      : owner_name(role));
    }
    return change;
}

void Interpreter::grant(PgQuery__GrantStmt* stmt, Node* node) {
    if (stmt->targtype != PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_OBJECT || stmt->n_objects < 1) {
        keep_opaque(node);
        return;
    }
    // The statement's text is kept with its first object (what a dump writes; see below for
    // ACLs default privileges started); its effect goes into the ACL of every object it names.
    std::vector<Target> targets;
    for (std::size_t i = 0; i < stmt->n_objects; ++i) {
        Node* object = stmt->objects[i];
        Node list_node = PG_QUERY__NODE__INIT;
        PgQuery__List list = PG_QUERY__LIST__INIT;
        std::vector<Node*> items;
        std::vector<std::unique_ptr<Node>> name_nodes;
        std::vector<std::unique_ptr<PgQuery__String>> strings;
        if (object->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
            // GRANT ... ON TABLE names a RangeVar; address it like COMMENT does.
            const auto* rv = object->range_var;
            for (const char* part : {rv->schemaname, rv->relname}) {
                if (part == nullptr || part[0] == '\0') {
                    continue;
                }
                strings.push_back(std::make_unique<PgQuery__String>(PgQuery__String(PG_QUERY__STRING__INIT)));
                strings.back()->sval = const_cast<char*>(part);
                name_nodes.push_back(std::make_unique<Node>(Node(PG_QUERY__NODE__INIT)));
                name_nodes.back()->node_case = PG_QUERY__NODE__NODE_STRING;
                name_nodes.back()->string = strings.back().get();
                items.push_back(name_nodes.back().get());
            }
            list.n_items = items.size();
            list.items = items.data();
            list_node.node_case = PG_QUERY__NODE__NODE_LIST;
            list_node.list = &list;
            object = &list_node;
        }
        Target t = find_target(*this, schema_, stmt->objtype, object, search_path_);
        if (i == 0 && t.meta == nullptr) {
            keep_opaque(node);
            return;
        }
        if (t.meta != nullptr) {
            targets.push_back(std::move(t));
        }
    }
    PrivilegeChange change = privilege_change(stmt);
    for (auto& t : targets) {
        if (privileges_of(t.kind).empty()) {
            continue;  // no ACL of its own (an index): the statement is only kept
        }
        model::Acl acl = t.meta->acl;
        if (std::string error = apply_privileges(acl, t.kind, t.name, change, t.table); !error.empty()) {
            throw StatementError(0, fmt::format("{} (on {})", error, t.description));
        }
        for (const auto& grantee : change.grantees) {
            acl.lines[grantee] = meta().location;
        }
        t.meta->acl = std::move(acl);
    }
    // An ACL default privileges started is written from its entries (model::Acl::derived):
    // the text goes with the first object whose ACL its statements write.
    for (auto& t : targets) {
        if (!t.meta->acl.derived) {
            t.meta->grants.push_back(deparse_statement(node, names_, true).text);
            break;
        }
    }
}

void Interpreter::alter_owner(PgQuery__AlterOwnerStmt* stmt) {
    Target t = find_target(*this, schema_, stmt->object_type, stmt->object, search_path_);
    if (t.meta == nullptr) {
        if (t.description.empty()) {
            keep_opaque(current_);
            return;
        }
        throw StatementError(0, fmt::format("ALTER ... OWNER TO on an object that does not exist: {}", t.description));
    }
    t.meta->owner = owner_name(stmt->newowner);
    t.meta->owner_at = meta().location;
}

void Interpreter::drop(PgQuery__DropStmt* stmt) {
    bool cascade = stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    model::DropBehavior behavior = cascade ? model::DropBehavior::cascade : model::DropBehavior::restrict;
    for (std::size_t i = 0; i < stmt->n_objects; ++i) {
        Node* object = stmt->objects[i];
        switch (stmt->remove_type) {
            case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
            case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
            case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
            case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
                model::QualifiedName n = names_of(*this, object);
                if (object->list->n_items == 1) {
                    for (const auto& s : search_path_) {
                        if (schema_.relation_exists({s, n.name})) {
                            n.schema = s;
                            break;
                        }
                    }
                }
                bool exists = stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ? schema_.tables.contains(n)
                              : stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE
                                  ? schema_.sequences.contains(n)
                              : stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX ? schema_.indexes.contains(n)
                                                                                        : schema_.views.contains(n);
                if (!exists) {
                    if (stmt->missing_ok) {
                        continue;
                    }
                    throw StatementError(0, fmt::format("relation \"{}\" does not exist", n.to_string()));
                }
                if (stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE) {
                    schema_.sequences.erase(n);
                    break;
                }
                if (stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) {
                    schema_.indexes.erase(n);
                    break;
                }
                try {
                    model::drop_relation(schema_, n, behavior);
                } catch (const model::EditError& e) {
                    throw StatementError(0, fmt::format("cannot drop {} because other objects depend on it: {} "
                                                        "(use DROP ... CASCADE)",
                                                        n.to_string(), e.dependent));
                }
                break;
            }
            case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
            case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
                model::QualifiedName n = in_type(object);
                if (schema_.types.erase(n) == 0 && !stmt->missing_ok) {
                    throw StatementError(0, fmt::format("type \"{}\" does not exist", n.to_string()));
                }
                break;
            }
            case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
            case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
            case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
            case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
                bool found = false;
                model::RoutineName key = routine_key(*this, object->object_with_args, schema_, &found);
                if (!found) {
                    if (stmt->missing_ok) {
                        continue;
                    }
                    throw StatementError(0, fmt::format("function {}({}) does not exist", key.name.to_string(), key.args));
                }
                try {
                    model::drop_routine(schema_, key, behavior);
                } catch (const model::EditError& e) {
                    throw StatementError(0, fmt::format("cannot drop function {}({}) because other objects depend on "
                                                        "it: {} (use DROP ... CASCADE)",
                                                        key.name.to_string(), key.args, e.dependent));
                }
                break;
            }
            case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR: {
                bool found = false;
                model::RoutineName key = operator_key(*this, object->object_with_args, schema_, search_path_, &found);
                if (!found) {
                    if (stmt->missing_ok) {
                        continue;
                    }
                    throw StatementError(0, fmt::format("operator does not exist: {}({})", key.name.to_string(), key.args));
                }
                try {
                    model::drop_routine(schema_, key, behavior);
                } catch (const model::EditError& e) {
                    throw StatementError(0, fmt::format("cannot drop operator {}({}) because other objects depend on "
                                                        "it: {} (use DROP ... CASCADE)",
                                                        key.name.to_string(), key.args, e.dependent));
                }
                break;
            }
            case PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS:
            case PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY:
                drop_opclass(stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS
                                 ? model::RoutineKind::operator_class
                                 : model::RoutineKind::operator_family,
                             object, cascade, stmt->missing_ok);
                break;
            case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
                std::string n{node_string(object)};
                try {
                    model::drop_namespace(schema_, n, behavior);
                } catch (const model::EditError& e) {
                    if (e.reason == model::EditError::Reason::not_found) {
                        if (stmt->missing_ok) {
                            continue;
                        }
                        throw StatementError(0, fmt::format("schema \"{}\" does not exist", n));
                    }
                    throw StatementError(0, fmt::format("cannot drop schema {} because other objects depend on it: "
                                                        "{} (use DROP ... CASCADE)",
                                                        n, e.dependent));
                }
                break;
            }
            case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
                std::string n{node_string(object)};
                if (schema_.extensions.erase(n) == 0 && !stmt->missing_ok) {
                    throw StatementError(0, fmt::format("extension \"{}\" does not exist", n));
                }
                break;
            }
            case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
            case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
                auto [table, name] = table_and_name(*this, object);
                if (object->list->n_items == 2) {
                    PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
                    rv.relname = table.name.data();
                    table = resolve_relation(&rv);
                }
                bool erased = stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER
                                  ? schema_.triggers.erase({table, name}) > 0
                                  : schema_.policies.erase({table, name}) > 0;
                if (!erased && !stmt->missing_ok) {
                    throw StatementError(0, fmt::format("\"{}\" on \"{}\" does not exist", name, table.to_string()));
                }
                break;
            }
            case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
            case PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION:
            case PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY: {
                model::QualifiedName n = names_of(*this, object);
                auto& map = stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION ? schema_.collations
                            : stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION
                                ? schema_.text_search_configurations
                                : schema_.text_search_dictionaries;
                if (map.erase(n) == 0 && !stmt->missing_ok) {
                    throw StatementError(0, fmt::format("\"{}\" does not exist", n.to_string()));
                }
                break;
            }
            default: unsupported(current_, "DROP"); return;
        }
    }
}

model::QualifiedName Interpreter::in_type(const Node* object) const {
    if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        return resolve_type(object->type_name->names, object->type_name->n_names);
    }
    return names_of(*this, object);
}

void Interpreter::rename_relation(const model::QualifiedName& from, const model::QualifiedName& to) {
    try {
        model::rename_relation(schema_, from, to);
    } catch (const model::EditError& e) {
        if (e.reason == model::EditError::Reason::already_exists) {
            throw StatementError(0, fmt::format("relation \"{}\" already exists", to.to_string()));
        }
        throw StatementError(0, fmt::format("relation \"{}\" does not exist", from.to_string()));
    }
}

void Interpreter::rename(PgQuery__RenameStmt* stmt) {
    std::string new_name = stmt->newname != nullptr ? stmt->newname : "";
    switch (stmt->rename_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
            model::QualifiedName from = resolve_relation(stmt->relation);
            if (!schema_.relation_exists(from) && stmt->missing_ok) {
                return;
            }
            rename_relation(from, {from.schema, new_name});
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
            model::QualifiedName tn = resolve_relation(stmt->relation);
            model::Table& renamed = require_table(tn, stmt->relation->location);
            // Inheritance: a child's inherited column is renamed through its parent, which
            // renames it in every child (ONLY cannot).
            std::vector<model::QualifiedName> children;
            if (const model::Column* col = renamed.find_column(stmt->subname); col != nullptr) {
                if (inherited_count(renamed, stmt->subname) > 0) {
                    throw StatementError(0, fmt::format("cannot rename inherited column \"{}\"", stmt->subname));
                }
                for (model::Table* child : descendants(tn)) {
                    if (child->find_column(stmt->subname) != nullptr) {
                        children.push_back(child->name);
                    }
                }
                if (!children.empty() && !stmt->relation->inh) {
                    throw StatementError(0, fmt::format("inherited column \"{}\" must be renamed in child tables too",
                                                        stmt->subname));
                }
            }
            try {
                model::rename_column(schema_, tn, stmt->subname, new_name);
                for (const auto& child : children) {
                    model::rename_column(schema_, child, stmt->subname, new_name);
                }
            } catch (const model::EditError& e) {
                bool exists = e.reason == model::EditError::Reason::already_exists;
                throw StatementError(0, fmt::format("column \"{}\" of relation \"{}\" {}",
                                                    exists ? new_name : std::string(stmt->subname), tn.to_string(),
                                                    exists ? "already exists" : "does not exist"));
            }
            warn("RENAME COLUMN: expressions that mention the column (CHECK, defaults, views) keep the old "
                 "name's text in this version");
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
            model::Table& table = require_table(resolve_relation(stmt->relation), stmt->relation->location);
            try {
                model::rename_constraint(schema_, table.name, stmt->subname, new_name);
            } catch (const model::EditError& e) {
                bool exists = e.reason == model::EditError::Reason::already_exists;
                throw StatementError(0, fmt::format("constraint \"{}\" {}", exists ? new_name : std::string(stmt->subname),
                                                    exists ? "already exists" : "does not exist"));
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
            model::QualifiedName tn = resolve_relation(stmt->relation);
            try {
                model::rename_trigger(schema_, tn, stmt->subname, new_name);
            } catch (const model::EditError& e) {
                bool exists = e.reason == model::EditError::Reason::already_exists;
                throw StatementError(0, fmt::format("trigger \"{}\" {}", exists ? new_name : std::string(stmt->subname),
                                                    exists ? "already exists" : "does not exist"));
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
            model::QualifiedName tn = resolve_relation(stmt->relation);
            try {
                model::rename_policy(schema_, tn, stmt->subname, new_name);
            } catch (const model::EditError& e) {
                bool exists = e.reason == model::EditError::Reason::already_exists;
                throw StatementError(0, fmt::format("policy \"{}\" {}", exists ? new_name : std::string(stmt->subname),
                                                    exists ? "already exists" : "does not exist"));
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
            model::QualifiedName from = in_type(stmt->object);
            try {
                model::rename_type(schema_, from, new_name);
            } catch (const model::EditError& e) {
                bool exists = e.reason == model::EditError::Reason::already_exists;
                throw StatementError(0, fmt::format("type \"{}\" {}",
                                                    exists ? model::QualifiedName{from.schema, new_name}.to_string()
                                                           : from.to_string(),
                                                    exists ? "already exists" : "does not exist"));
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
            bool found = false;
            model::RoutineName key = routine_key(*this, stmt->object->object_with_args, schema_, &found);
            if (!found) {
                throw StatementError(0, fmt::format("function {}({}) does not exist", key.name.to_string(), key.args));
            }
            try {
                model::rename_routine(schema_, key, new_name);
            } catch (const model::EditError&) {
                throw StatementError(0, fmt::format("function {}({}) already exists in schema \"{}\"", new_name,
                                                    key.args, key.name.schema));
            }
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS:
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY:
            move_opclass(stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS ? model::RoutineKind::operator_class
                                                                                   : model::RoutineKind::operator_family,
                         stmt->object, "", new_name);
            return;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
            unsupported(current_, "ALTER SCHEMA ... RENAME");
            return;
        }
        default: unsupported(current_, "RENAME"); return;
    }
}

void Interpreter::alter_object_schema(PgQuery__AlterObjectSchemaStmt* stmt) {
    std::string target = stmt->newschema;
    switch (stmt->object_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
            model::QualifiedName from = resolve_relation(stmt->relation);
            rename_relation(from, {target, from.name});
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS:
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY:
            move_opclass(stmt->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS ? model::RoutineKind::operator_class
                                                                                   : model::RoutineKind::operator_family,
                         stmt->object, target, "");
            return;
        default: unsupported(current_, "ALTER ... SET SCHEMA"); return;
    }
}

void Interpreter::variable_set(PgQuery__VariableSetStmt* stmt) {
    std::string_view name = stmt->name != nullptr ? stmt->name : "";
    if (name == "search_path" && stmt->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE) {
        search_path_.clear();
        int catalog = -1;
        for (std::size_t i = 0; i < stmt->n_args; ++i) {
            std::string s{node_string(stmt->args[i])};
            if (s == "pg_catalog" && catalog < 0) {
                catalog = static_cast<int>(search_path_.size());
            }
            if (!s.empty() && s != "$user" && s != "pg_catalog") {
                search_path_.push_back(s);
            }
        }
        note_search_path(std::max(catalog, 0), search_path_.empty());
        names_.default_schema = search_path_.empty() ? "public" : search_path_.front();
        if (search_path_.empty()) {
            search_path_.push_back("public");
        }
    } else if (name == "search_path") {
        search_path_ = {"public"};
        names_.default_schema = "public";
        note_search_path(0, false);
    }
    --stats_.applied;
    ++stats_.skipped;
}

void Interpreter::note_search_path(int catalog_position, bool empty) {
    names_.catalog_position = catalog_position;
    names_.empty_path = empty;
}

// SELECT pg_catalog.set_config('search_path', '', false) is how pg_dump empties the
// search path; other SELECTs (setval, data checks) have no schema effect.
bool Interpreter::select_has_schema_effect(PgQuery__SelectStmt* stmt) {
    if (stmt->n_target_list == 1) {
        const auto* target = stmt->target_list[0]->res_target;
        if (target->val != nullptr && target->val->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
            const auto* fc = target->val->func_call;
            auto names = string_list(fc->funcname, fc->n_funcname);
            if (!names.empty() && names.back() == "set_config" && fc->n_args >= 2 &&
                node_string(fc->args[0]) == "search_path") {
                std::string value{node_string(fc->args[1])};
                search_path_.clear();
                int catalog = -1;
                std::size_t start = 0;
                while (start <= value.size()) {
                    std::size_t comma = value.find(',', start);
                    std::string part = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                    part.erase(0, part.find_first_not_of(" \""));
                    while (!part.empty() && (part.back() == ' ' || part.back() == '"')) {
                        part.pop_back();
                    }
                    if (part == "pg_catalog" && catalog < 0) {
                        catalog = static_cast<int>(search_path_.size());
                    }
                    if (!part.empty() && part != "$user" && part != "pg_catalog") {
                        search_path_.push_back(part);
                    }
                    if (comma == std::string::npos) {
                        break;
                    }
                    start = comma + 1;
                }
                note_search_path(std::max(catalog, 0), search_path_.empty());
                names_.default_schema = search_path_.empty() ? "public" : search_path_.front();
                if (search_path_.empty()) {
                    search_path_.push_back("public");
                }
            }
        }
    }
    return false;
}

void Interpreter::text_search_configuration(PgQuery__AlterTSConfigurationStmt* stmt) {
    model::QualifiedName name = qualify(stmt->cfgname, stmt->n_cfgname);
    auto it = schema_.text_search_configurations.find(name);
    if (it == schema_.text_search_configurations.end()) {
        throw StatementError(0, fmt::format("text search configuration \"{}\" does not exist", name.to_string()));
    }
    auto& mappings = it->second.mappings;
    auto tokens = string_list(stmt->tokentype, stmt->n_tokentype);
    std::string dicts;
    for (std::size_t i = 0; i < stmt->n_dicts; ++i) {
        if (!dicts.empty()) {
            dicts += ", ";
        }
        model::QualifiedName d = stmt->dicts[i]->node_case == PG_QUERY__NODE__NODE_LIST
                                     ? qualify(stmt->dicts[i]->list->items, stmt->dicts[i]->list->n_items)
                                     : model::QualifiedName{"", std::string{node_string(stmt->dicts[i])}};
        if (stmt->dicts[i]->node_case == PG_QUERY__NODE__NODE_LIST && stmt->dicts[i]->list->n_items == 1) {
            d.schema = "pg_catalog";  // built-in dictionaries (simple, english_stem) live in pg_catalog
        }
        dicts += quote_qualified(d);
    }
    switch (stmt->kind) {
        case PG_QUERY__ALTER_TSCONFIG_TYPE__ALTER_TSCONFIG_ADD_MAPPING:
        case PG_QUERY__ALTER_TSCONFIG_TYPE__ALTER_TSCONFIG_ALTER_MAPPING_FOR_TOKEN:
            for (const auto& token : tokens) {
                std::erase_if(mappings, [&](const auto& kv) { return kv.first == token; });
                mappings.emplace_back(token, dicts);
            }
            break;
        case PG_QUERY__ALTER_TSCONFIG_TYPE__ALTER_TSCONFIG_DROP_MAPPING:
            for (const auto& token : tokens) {
                std::erase_if(mappings, [&](const auto& kv) { return kv.first == token; });
            }
            break;
        default: unsupported(current_, "ALTER TEXT SEARCH CONFIGURATION action"); return;
    }
    std::sort(mappings.begin(), mappings.end());
}

void Interpreter::finish() {
    qualify_operator_references();
    for (auto& [_, table] : schema_.tables) {
        // A primary key makes its columns NOT NULL (docs: "Primary Keys").
        for (const auto& c : table.constraints) {
            if (c.kind == model::ConstraintKind::primary_key) {
                for (const auto& col : c.columns) {
                    if (auto* column = table.find_column(col)) {
                        column->not_null = true;
                    }
                }
            }
        }
        std::sort(table.constraints.begin(), table.constraints.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
        // Tables grow one ALTER at a time; give back the growth slack before the
        // model is used (a 10,000-table dump holds ~30,000 constraints).
        table.constraints.shrink_to_fit();
        table.columns.shrink_to_fit();
    }
    for (auto& [_, type] : schema_.types) {
        std::sort(type.constraints.begin(), type.constraints.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
    }
    for (auto& [_, view] : schema_.views) {
        std::sort(view.column_details.begin(), view.column_details.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
    }
    // The public schema exists in every database; it only matters when something was
    // said about it. Its stock comment is the engine's default, not a choice.
    if (auto it = schema_.namespaces.find("public"); it != schema_.namespaces.end()) {
        auto& meta = it->second.meta;
        if (meta.comment == "standard public schema") {
            meta.comment.reset();
        }
        if (!meta.comment && meta.owner.empty() && meta.grants.empty()) {
            schema_.namespaces.erase(it);
        }
    }
}

}  // namespace schemerge::parser::postgres
