// CREATE TYPE (enum, composite, range, base), CREATE DOMAIN, ALTER TYPE/DOMAIN, and
// the DefineStmt family (aggregates, collations, text search objects; operators are in
// transform_operator.cpp).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/privileges.hpp"

namespace schemerge::parser::postgres {

namespace {
std::string owner_label(const model::QualifiedName& n) { return n.to_string(); }
}  // namespace

void Interpreter::create_enum(PgQuery__CreateEnumStmt* stmt) {
    model::TypeDef t;
    t.name = qualify(stmt->type_name, stmt->n_type_name);
    if (auto it = schema_.types.find(t.name); it != schema_.types.end()) {
        duplicate(fmt::format("type \"{}\"", owner_label(t.name)), it->second.meta.location);
    }
    t.kind = model::TypeKind::enum_;
    t.enum_labels = string_list(stmt->vals, stmt->n_vals);
    t.meta = meta();
    start_acl(schema_, t.meta, model::ObjectKind::type, t.name);
    schema_.types.emplace(t.name, std::move(t));
}

void Interpreter::alter_enum(PgQuery__AlterEnumStmt* stmt) {
    model::QualifiedName name = resolve_type(stmt->type_name, stmt->n_type_name);
    auto it = schema_.types.find(name);
    if (it == schema_.types.end() || it->second.kind != model::TypeKind::enum_) {
        throw StatementError(0, fmt::format("enum type \"{}\" does not exist", name.to_string()));
    }
    auto& labels = it->second.enum_labels;
    if (stmt->old_val != nullptr && stmt->old_val[0] != '\0') {
        auto pos = std::find(labels.begin(), labels.end(), stmt->old_val);
        if (pos == labels.end()) {
            throw StatementError(0, fmt::format("\"{}\" is not an existing enum label", stmt->old_val));
        }
        *pos = stmt->new_val;
        return;
    }
    std::string value = stmt->new_val;
    if (std::find(labels.begin(), labels.end(), value) != labels.end()) {
        if (stmt->skip_if_new_val_exists) {
            return;
        }
        throw StatementError(0, fmt::format("enum label \"{}\" already exists", value));
    }
    if (stmt->new_val_neighbor != nullptr && stmt->new_val_neighbor[0] != '\0') {
        auto pos = std::find(labels.begin(), labels.end(), stmt->new_val_neighbor);
        if (pos == labels.end()) {
            throw StatementError(0, fmt::format("\"{}\" is not an existing enum label", stmt->new_val_neighbor));
        }
        labels.insert(stmt->new_val_is_after ? pos + 1 : pos, value);
    } else {
        labels.push_back(value);
    }
}

void Interpreter::create_composite(PgQuery__CompositeTypeStmt* stmt) {
    model::TypeDef t;
    t.name = qualify(stmt->typevar);
    if (auto it = schema_.types.find(t.name); it != schema_.types.end()) {
        if (it->second.kind != model::TypeKind::shell) {
            duplicate(fmt::format("type \"{}\"", owner_label(t.name)), it->second.meta.location);
        }
    }
    t.kind = model::TypeKind::composite;
    for (std::size_t i = 0; i < stmt->n_coldeflist; ++i) {
        const auto* def = stmt->coldeflist[i]->column_def;
        model::CompositeAttribute a;
        a.name = def->colname;
        a.type = type(def->type_name);
        if (def->coll_clause != nullptr) {
            a.collation = resolve_collation(def->coll_clause->collname, def->coll_clause->n_collname);
        }
        t.attributes.push_back(std::move(a));
    }
    t.meta = meta();
    start_acl(schema_, t.meta, model::ObjectKind::type, t.name);
    schema_.types.insert_or_assign(t.name, std::move(t));
}

void Interpreter::create_domain(PgQuery__CreateDomainStmt* stmt) {
    model::TypeDef t;
    t.name = qualify(stmt->domainname, stmt->n_domainname);
    if (auto it = schema_.types.find(t.name); it != schema_.types.end()) {
        duplicate(fmt::format("type \"{}\"", owner_label(t.name)), it->second.meta.location);
    }
    t.kind = model::TypeKind::domain;
    t.base_type = type(stmt->type_name);
    if (stmt->coll_clause != nullptr) {
        t.collation = resolve_collation(stmt->coll_clause->collname, stmt->coll_clause->n_collname);
    }
    t.meta = meta();
    for (std::size_t i = 0; i < stmt->n_constraints; ++i) {
        auto* c = stmt->constraints[i]->constraint;
        switch (c->contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: t.not_null = true; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: t.not_null = false; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: t.default_value = expr(c->raw_expr, &t.base_type); break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
                model::DomainConstraint dc;
                // domains.c: unnamed CHECKs are named <domain>_check (then _check1, ...).
                dc.name = c->conname != nullptr && c->conname[0] != '\0' ? c->conname : "";
                if (dc.name.empty()) {
                    std::string candidate = make_object_name(t.name.name, "", "check");
                    for (int pass = 1; std::any_of(t.constraints.begin(), t.constraints.end(),
                                                   [&](const auto& x) { return x.name == candidate; });
                         ++pass) {
                        candidate = make_object_name(t.name.name, "", "check" + std::to_string(pass));
                    }
                    dc.name = candidate;
                }
                dc.check = expr(c->raw_expr);
                dc.not_valid = c->skip_validation;
                t.constraints.push_back(std::move(dc));
                break;
            }
            default: throw StatementError(c->location, "unsupported domain constraint");
        }
    }
    start_acl(schema_, t.meta, model::ObjectKind::type, t.name);
    schema_.types.emplace(t.name, std::move(t));
}

void Interpreter::alter_domain(PgQuery__AlterDomainStmt* stmt) {
    model::QualifiedName name = resolve_type(stmt->type_name, stmt->n_type_name);
    auto it = schema_.types.find(name);
    if (it == schema_.types.end() || it->second.kind != model::TypeKind::domain) {
        throw StatementError(0, fmt::format("domain \"{}\" does not exist", name.to_string()));
    }
    model::TypeDef& t = it->second;
    char action = stmt->subtype != nullptr ? stmt->subtype[0] : ' ';
    switch (action) {
        case 'T':  // SET/DROP DEFAULT
            if (stmt->def == nullptr) {
                t.default_value.reset();
            } else {
                t.default_value = expr(stmt->def, &t.base_type);
            }
            return;
        case 'N': t.not_null = false; return;
        case 'O': t.not_null = true; return;
        case 'C': {  // ADD CONSTRAINT
            auto* c = stmt->def->constraint;
            if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) {
                t.not_null = true;
                return;
            }
            model::DomainConstraint dc;
            dc.name = c->conname != nullptr && c->conname[0] != '\0' ? c->conname : make_object_name(t.name.name, "", "check");
            dc.check = expr(c->raw_expr);
            dc.not_valid = c->skip_validation;
            t.constraints.push_back(std::move(dc));
            return;
        }
        case 'X':  // DROP CONSTRAINT
            std::erase_if(t.constraints, [&](const auto& c) { return c.name == stmt->name; });
            return;
        case 'V':  // VALIDATE CONSTRAINT
            for (auto& c : t.constraints) {
                if (c.name == stmt->name) {
                    c.not_valid = false;
                }
            }
            return;
        default: unsupported(current_, "ALTER DOMAIN action"); return;
    }
}

void Interpreter::create_range(PgQuery__CreateRangeStmt* stmt) {
    model::TypeDef t;
    t.name = qualify(stmt->type_name, stmt->n_type_name);
    if (auto it = schema_.types.find(t.name); it != schema_.types.end()) {
        duplicate(fmt::format("type \"{}\"", owner_label(t.name)), it->second.meta.location);
    }
    t.kind = model::TypeKind::range;
    for (std::size_t i = 0; i < stmt->n_params; ++i) {
        const auto* d = stmt->params[i]->def_elem;
        std::string value = def_value(d->arg);
        if (d->arg != nullptr && d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
            if (std::string_view{d->defname} == "subtype") {
                model::TypeRef tr = type(d->arg->type_name);
                value = tr.name.to_string();
            } else {
                // subtype_diff, canonical, subtype_opclass, collation, multirange_type_name
                // name other objects: keep them as written (built-ins resolve through
                // pg_catalog when the dump is loaded).
                value.clear();
                auto parts = string_list(d->arg->type_name->names, d->arg->type_name->n_names);
                for (const auto& part : parts) {
                    value += (value.empty() ? "" : ".") + part;
                }
            }
        }
        t.options.emplace_back(d->defname, value);
    }
    std::sort(t.options.begin(), t.options.end());
    t.meta = meta();
    start_acl(schema_, t.meta, model::ObjectKind::type, t.name);
    schema_.types.emplace(t.name, std::move(t));
}

void Interpreter::define(PgQuery__DefineStmt* stmt) {
    if (stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR) {
        define_operator(stmt);  // transform_operator.cpp
        return;
    }
    model::QualifiedName name = qualify(stmt->defnames, stmt->n_defnames);
    std::vector<std::pair<std::string, std::string>> options;
    for (std::size_t i = 0; i < stmt->n_definition; ++i) {
        const auto* d = stmt->definition[i]->def_elem;
        std::string value;
        // An aggregate's state types are types; its sfunc, finalfunc, combinefunc, ... are
        // function names, which resolve through the search path (pg_catalog's int4pl stays
        // unqualified; a function of ours gets its schema).
        std::string option = d->defname != nullptr ? d->defname : "";
        for (char& c : option) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        const bool aggregate_type_option = option == "stype" || option == "mstype" || option == "basetype";
        bool type_valued = (stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE && aggregate_type_option) ||
                           stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE;
        if (stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE && !aggregate_type_option && d->arg != nullptr &&
            d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
            auto parts = string_list(d->arg->type_name->names, d->arg->type_name->n_names);
            if (parts.size() == 1) {
                for (const auto& schema_name : search_path_) {
                    const bool ours = std::any_of(schema_.functions.begin(), schema_.functions.end(), [&](const auto& f) {
                        return f.first.name.schema == schema_name && f.first.name.name == parts[0];
                    });
                    if (ours) {
                        parts.insert(parts.begin(), schema_name);
                        break;
                    }
                }
            }
            for (const auto& part : parts) {
                value += (value.empty() ? "" : ".") + part;
            }
            options.emplace_back(d->defname, value);
            continue;
        }
        if (d->arg != nullptr && d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME && !type_valued) {
            // provider = icu, template = snowball, parser = pg_catalog."default": names, not types
            auto parts = string_list(d->arg->type_name->names, d->arg->type_name->n_names);
            for (const auto& part : parts) {
                value += (value.empty() ? "" : ".") + part;
            }
        } else if (d->arg != nullptr && d->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
            model::TypeRef tr = type(d->arg->type_name);
            value = tr.name.to_string();
            for (int k = 0; k < tr.array_dims; ++k) {
                value += "[]";
            }
        } else if (d->arg != nullptr && d->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                   d->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
            value = "'" + def_value(d->arg) + "'";  // a string literal stays a literal
        } else {
            value = def_value(d->arg);
        }
        options.emplace_back(d->defname, value);
    }
    switch (stmt->kind) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: {
            model::Function f;
            f.name = name;
            f.kind = model::RoutineKind::aggregate;
            f.meta = meta();
            // args: [List of FunctionParameter, Integer(number of direct args) ] in new-style syntax.
            if (stmt->n_args >= 1 && stmt->args[0] != nullptr && stmt->args[0]->node_case == PG_QUERY__NODE__NODE_LIST) {
                const auto* list = stmt->args[0]->list;
                for (std::size_t i = 0; i < list->n_items; ++i) {
                    const auto* p = list->items[i]->function_parameter;
                    model::FunctionArg a;
                    a.name = p->name != nullptr ? p->name : "";
                    a.type = type(p->arg_type);
                    if (p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC) {
                        a.mode = model::ArgMode::variadic;
                    }
                    f.args.push_back(std::move(a));
                }
            }
            for (auto& [k, v] : options) {
                for (char& c : k) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
            }
            std::sort(options.begin(), options.end());
            f.aggregate_options = std::move(options);
            model::RoutineName key{f.name, f.identity_args()};
            if (auto it = schema_.functions.find(key); it != schema_.functions.end() && !stmt->replace) {
                duplicate(fmt::format("aggregate \"{}({})\"", f.name.to_string(), key.args), it->second.meta.location);
            } else if (it == schema_.functions.end()) {
                start_acl(schema_, f.meta, model::ObjectKind::aggregate, f.name);
            }
            schema_.functions.insert_or_assign(key, std::move(f));
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION: {
            model::OptionObject o;
            o.name = name;
            o.meta = meta();
            if (stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION && stmt->n_args == 1 && stmt->n_definition == 0) {
                // CREATE COLLATION x FROM y
                o.options.emplace_back("from", def_value(stmt->args[0]));
            }
            for (auto& [k, v] : options) {
                for (char& c : k) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                o.options.emplace_back(k, v);
            }
            std::sort(o.options.begin(), o.options.end());
            auto& target = stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION       ? schema_.collations
                           : stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY ? schema_.text_search_dictionaries
                                                                                      : schema_.text_search_configurations;
            if (auto it = target.find(name); it != target.end()) {
                if (stmt->if_not_exists) {
                    return;
                }
                duplicate(fmt::format("{} \"{}\"", stmt->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION ? "collation" : "text search object",
                                      name.to_string()),
                          it->second.meta.location);
            }
            target.emplace(name, std::move(o));
            return;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
            model::TypeDef t;
            t.name = name;
            t.meta = meta();
            t.kind = stmt->n_definition == 0 ? model::TypeKind::shell : model::TypeKind::base;
            for (auto& [k, v] : options) {
                for (char& c : k) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                t.options.emplace_back(k, v);
            }
            std::sort(t.options.begin(), t.options.end());
            if (auto it = schema_.types.find(name); it != schema_.types.end() && it->second.kind != model::TypeKind::shell) {
                duplicate(fmt::format("type \"{}\"", name.to_string()), it->second.meta.location);
            }
            start_acl(schema_, t.meta, model::ObjectKind::type, name);
            schema_.types.insert_or_assign(name, std::move(t));
            return;
        }
        default: keep_opaque(current_); return;
    }
}

}  // namespace schemerge::parser::postgres
