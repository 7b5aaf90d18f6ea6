// CREATE FUNCTION / PROCEDURE, ALTER FUNCTION, CREATE TRIGGER, CREATE/ALTER POLICY.
#include <algorithm>

#include <fmt/format.h>

#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/ascii.hpp"
#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/privileges.hpp"
#include "parser/postgres/routine_body.hpp"

namespace schemerge::parser::postgres {

namespace {

std::string literal(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    return out + "'";
}

// SET configuration_parameter TO value: the catalog keeps the value as text, so
// `= public` and `TO 'public'` are the same setting.
std::pair<std::string, std::string> set_option(const PgQuery__VariableSetStmt* set) {
    std::string value;
    if (set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT) {
        value = "FROM CURRENT";
    } else {
        for (std::size_t i = 0; i < set->n_args; ++i) {
            if (!value.empty()) {
                value += ", ";
            }
            const Node* a = set->args[i];
            if (a->node_case == PG_QUERY__NODE__NODE_A_CONST && a->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
                value += literal(a->a_const->sval->sval);
            } else {
                value += def_value(a);
            }
        }
    }
    return {set->name != nullptr ? set->name : "", value};
}

std::uint32_t count_newlines(std::string_view text) {
    return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

// The source line of the first character of the AS string (prosrc): after the AS keyword
// at `as_offset`, past blanks and comments, the opening quote ('...', E'...', $tag$).
// 0 when the statement text does not show it.
std::uint32_t body_line(const StatementSite* site, int as_offset) {
    if (site == nullptr || !site->location.known() || as_offset < 0) {
        return 0;
    }
    std::string_view text = site->text;
    std::size_t i = static_cast<std::size_t>(as_offset);
    if (i + 2 > text.size()) {
        return 0;
    }
    i += 2;  // AS
    while (i < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[i])) != 0) {
            ++i;
        } else if (text.substr(i, 2) == "--") {
            i = text.find('\n', i);
            if (i == std::string_view::npos) {
                return 0;
            }
        } else if (text.substr(i, 2) == "/*") {
            i = text.find("*/", i);
            if (i == std::string_view::npos) {
                return 0;
            }
            i += 2;
        } else {
            break;
        }
    }
    if (i < text.size() && (text[i] == 'E' || text[i] == 'e') && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
    }
    if (i >= text.size()) {
        return 0;
    }
    if (text[i] == '\'') {
        ++i;
    } else if (text[i] == '$') {
        std::size_t close = text.find('$', i + 1);
        if (close == std::string_view::npos) {
            return 0;
        }
        i = close + 1;
    } else {
        return 0;
    }
    return site->location.line + count_newlines(text.substr(0, i));
}

double number(const Node* n) {
    std::string v = def_value(n);
    try {
        return std::stod(v);
    } catch (...) {
        return 0;
    }
}

}  // namespace

namespace {
void apply_routine_option(Interpreter& in, model::Function& f, const PgQuery__DefElem* d, const StatementSite* site) {
    (void)in;
    (void)site;
    std::string_view name = d->defname;
    if (name == "language") {
        f.language = lower(def_value(d->arg));
    } else if (name == "volatility") {
        std::string v = lower(def_value(d->arg));
        f.volatility = v == "immutable" ? model::Volatility::immutable
                       : v == "stable"  ? model::Volatility::stable
                                        : model::Volatility::volatile_;
    } else if (name == "strict") {
        f.strict = d->arg->boolean->boolval;
    } else if (name == "security") {
        f.security_definer = d->arg->boolean->boolval;
    } else if (name == "leakproof") {
        f.leakproof = d->arg->boolean->boolval;
    } else if (name == "window") {
        f.window = d->arg->boolean->boolval;
    } else if (name == "parallel") {
        std::string v = lower(def_value(d->arg));
        f.parallel = v == "safe" ? model::Parallel::safe : v == "restricted" ? model::Parallel::restricted : model::Parallel::unsafe;
    } else if (name == "cost") {
        f.cost = number(d->arg);
    } else if (name == "rows") {
        f.rows = number(d->arg);
    } else if (name == "support") {
        f.support = def_value(d->arg);
    } else if (name == "set") {
        const auto* set = d->arg->variable_set_stmt;
        if (set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET) {
            std::erase_if(f.set_options, [&](const auto& kv) { return kv.first == set->name; });
        } else if (set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL) {
            f.set_options.clear();
        } else {
            auto kv = set_option(set);
            std::erase_if(f.set_options, [&](const auto& x) { return x.first == kv.first; });
            f.set_options.push_back(kv);
            std::sort(f.set_options.begin(), f.set_options.end());
        }
    } else if (name == "as") {
        const auto* list = d->arg->list;
        if (list->n_items >= 1) {
            f.body = node_string(list->items[0]);
        }
        if (list->n_items >= 2) {
            f.link_symbol = node_string(list->items[1]);
        }
    } else {
        throw StatementError(d->location, fmt::format("unknown routine option \"{}\"", name));
    }
}

// Engine defaults are stored as unset (pg_proc: procost 100 for SQL/PL functions,
// 1 for C/internal; prorows 1000 for set-returning functions, else 0).
void canonicalize_routine(model::Function& f) {
    bool c_like = f.language == "c" || f.language == "internal";
    if (f.cost && *f.cost == (c_like ? 1.0 : 100.0)) {
        f.cost.reset();
    }
    bool returns_set = f.returns && f.returns->setof;
    bool table_result = std::any_of(f.args.begin(), f.args.end(), [](const auto& a) { return a.mode == model::ArgMode::table; });
    if (f.rows && ((returns_set || table_result) ? *f.rows == 1000.0 : *f.rows == 0.0)) {
        f.rows.reset();
    }
}
}  // namespace

void Interpreter::create_function(PgQuery__CreateFunctionStmt* stmt) {
    model::Function f;
    f.name = qualify(stmt->funcname, stmt->n_funcname);
    f.kind = stmt->is_procedure ? model::RoutineKind::procedure : model::RoutineKind::function;
    f.meta = meta();
    for (std::size_t i = 0; i < stmt->n_parameters; ++i) {
        const auto* p = stmt->parameters[i]->function_parameter;
        model::FunctionArg a;
        a.name = p->name != nullptr ? p->name : "";
        a.type = type(p->arg_type);
        switch (p->mode) {
            case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT: a.mode = model::ArgMode::out; break;
            case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT: a.mode = model::ArgMode::inout; break;
            case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC: a.mode = model::ArgMode::variadic; break;
            case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE: a.mode = model::ArgMode::table; break;
            default: a.mode = model::ArgMode::in; break;
        }
        if (p->defexpr != nullptr) {
            a.default_value = expr(p->defexpr, &a.type);
        }
        f.args.push_back(std::move(a));
    }
    bool table_result = std::any_of(f.args.begin(), f.args.end(), [](const auto& a) { return a.mode == model::ArgMode::table; });
    if (stmt->return_type != nullptr && !table_result) {
        f.returns = type(stmt->return_type);
    }
    BodyLines lines;
    for (std::size_t i = 0; i < stmt->n_options; ++i) {
        const auto* d = stmt->options[i]->def_elem;
        apply_routine_option(*this, f, d, site_);
        if (std::string_view(d->defname) == "as") {
            lines.body = body_line(site_, d->location);
        }
    }
    if (stmt->sql_body != nullptr) {
        f.body_references = references_of(stmt->sql_body, names_);
        // SQL-standard bodies (BEGIN ATOMIC ... END, RETURN expr) are parsed by the engine;
        // keep the source text from the body keyword on.
        std::string text{site_->text};
        std::string low = lower(text);
        std::size_t pos = low.find("begin atomic");
        if (pos == std::string::npos) {
            pos = low.rfind("return");
        }
        if (pos != std::string::npos) {
            if (site_->location.known()) {
                lines.sql_body = site_->location.line + count_newlines(std::string_view(text).substr(0, pos));
            }
            f.sql_body = text.substr(pos);
            while (!f.sql_body.empty() && (f.sql_body.back() == ';' || std::isspace(static_cast<unsigned char>(f.sql_body.back())))) {
                f.sql_body.pop_back();
            }
            if (low.find("begin atomic") != std::string::npos && !lower(f.sql_body).ends_with("end")) {
                f.sql_body += ";\nEND";
            }
        }
    }
    canonicalize_routine(f);
    // What the body reads and writes, for the merge's checks (routine_body.hpp).
    f.body_dependencies = analyse_routine_body(f, traits().default_schema, lines);
    model::RoutineName key{f.name, f.identity_args()};
    if (auto it = schema_.functions.find(key); it != schema_.functions.end()) {
        if (!stmt->replace) {
            duplicate(fmt::format("function {}({})", f.name.to_string(), key.args), it->second.meta.location);
        }
        f.meta.comment = it->second.meta.comment;  // CREATE OR REPLACE keeps comment, owner and grants
        f.meta.owner = it->second.meta.owner;
        f.meta.grants = it->second.meta.grants;
        f.meta.acl = it->second.meta.acl;
    } else {
        start_acl(schema_, f.meta, model::object_kind(f.kind), f.name);
    }
    schema_.functions.insert_or_assign(key, std::move(f));
}

model::RoutineName routine_key(const Interpreter& in, const PgQuery__ObjectWithArgs* owa, const model::Schema& schema,
                               bool* found) {
    model::RoutineName key;
    key.name = in.qualify(owa->objname, owa->n_objname);
    if (owa->args_unspecified) {
        // Name without an argument list: must be unique.
        for (const auto& [k, _] : schema.functions) {
            if (k.name == key.name) {
                key.args = k.args;
                *found = true;
                return key;
            }
        }
        *found = false;
        return key;
    }
    std::string args;
    for (std::size_t i = 0; i < owa->n_objargs; ++i) {
        if (!args.empty()) {
            args += ", ";
        }
        model::TypeRef t = in.type(owa->objargs[i]->type_name);
        args += t.name.to_string();
        for (int k = 0; k < t.array_dims; ++k) {
            args += "[]";
        }
    }
    key.args = args;
    *found = schema.functions.contains(key);
    return key;
}

void Interpreter::alter_function(PgQuery__AlterFunctionStmt* stmt) {
    bool found = false;
    model::RoutineName key = routine_key(*this, stmt->func, schema_, &found);
    if (!found) {
        throw StatementError(0, fmt::format("function {}({}) does not exist", key.name.to_string(), key.args));
    }
    model::Function& f = schema_.functions.at(key);
    for (std::size_t i = 0; i < stmt->n_actions; ++i) {
        apply_routine_option(*this, f, stmt->actions[i]->def_elem, site_);
    }
    canonicalize_routine(f);
}

void Interpreter::create_trigger(PgQuery__CreateTrigStmt* stmt) {
    model::Trigger t;
    t.name = stmt->trigname;
    t.table = resolve_relation(stmt->relation);
    if (!schema_.tables.contains(t.table) && !schema_.views.contains(t.table)) {
        throw StatementError(stmt->relation->location, fmt::format("relation \"{}\" does not exist", t.table.to_string()));
    }
    // Trigger type bits: pg_trigger.h TRIGGER_TYPE_BEFORE (1<<1), INSTEAD (1<<6);
    // events INSERT (1<<2), DELETE (1<<3), UPDATE (1<<4), TRUNCATE (1<<5).
    t.timing = (stmt->timing & (1 << 1)) != 0   ? model::TriggerTiming::before
               : (stmt->timing & (1 << 6)) != 0 ? model::TriggerTiming::instead_of
                                                : model::TriggerTiming::after;
    t.events.insert = (stmt->events & (1 << 2)) != 0;
    t.events.delete_ = (stmt->events & (1 << 3)) != 0;
    t.events.update = (stmt->events & (1 << 4)) != 0;
    t.events.truncate = (stmt->events & (1 << 5)) != 0;
    t.events.update_columns = string_list(stmt->columns, stmt->n_columns);
    t.for_each_row = stmt->row;
    if (stmt->when_clause != nullptr) {
        t.when = expr(stmt->when_clause);
    }
    t.function = qualify(stmt->funcname, stmt->n_funcname);
    if (stmt->n_funcname == 1) {
        t.function.schema = names_.function_schema(t.function.name).value_or(t.function.schema);
    }
    for (std::size_t i = 0; i < stmt->n_args; ++i) {
        t.function_args.push_back(def_value(stmt->args[i]));
    }
    t.constraint = stmt->isconstraint;
    t.deferrable = stmt->deferrable || stmt->initdeferred;
    t.initially_deferred = stmt->initdeferred;
    if (stmt->constrrel != nullptr) {
        t.from_table = resolve_relation(stmt->constrrel);
    }
    for (std::size_t i = 0; i < stmt->n_transition_rels; ++i) {
        const auto* tr = stmt->transition_rels[i]->trigger_transition;
        (tr->is_new ? t.new_table : t.old_table) = tr->name;
    }
    t.meta = meta();
    model::TableScopedName key{t.table, t.name};
    if (auto it = schema_.triggers.find(key); it != schema_.triggers.end()) {
        if (!stmt->replace) {
            duplicate(fmt::format("trigger \"{}\" for relation \"{}\"", t.name, t.table.to_string()),
                      it->second.meta.location);
        }
        t.meta.comment = it->second.meta.comment;
    }
    schema_.triggers.insert_or_assign(key, std::move(t));
}

namespace {
std::vector<std::string> policy_roles(Node* const* roles, std::size_t n) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(owner_name(roles[i]->role_spec));
    }
    if (out.empty()) {
        out.emplace_back("public");  // TO PUBLIC is the default (docs: CREATE POLICY)
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}
}  // namespace

void Interpreter::create_policy(PgQuery__CreatePolicyStmt* stmt) {
    model::Policy p;
    p.name = stmt->policy_name;
    p.table = resolve_relation(stmt->table);
    ColumnContext columns(*this, &require_table(p.table, stmt->table->location));
    p.permissive = stmt->permissive;
    std::string cmd = stmt->cmd_name != nullptr ? stmt->cmd_name : "all";
    for (char& c : cmd) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    p.command = cmd;
    p.roles = policy_roles(stmt->roles, stmt->n_roles);
    if (stmt->qual != nullptr) {
        p.using_expr = expr(stmt->qual);
    }
    if (stmt->with_check != nullptr) {
        p.check_expr = expr(stmt->with_check);
    }
    p.meta = meta();
    model::TableScopedName key{p.table, p.name};
    if (auto it = schema_.policies.find(key); it != schema_.policies.end()) {
        duplicate(fmt::format("policy \"{}\" for table \"{}\"", p.name, p.table.to_string()), it->second.meta.location);
    }
    schema_.policies.emplace(key, std::move(p));
}

void Interpreter::alter_policy(PgQuery__AlterPolicyStmt* stmt) {
    model::TableScopedName key{resolve_relation(stmt->table), stmt->policy_name};
    auto it = schema_.policies.find(key);
    if (it == schema_.policies.end()) {
        throw StatementError(0, fmt::format("policy \"{}\" for table \"{}\" does not exist", key.name, key.table.to_string()));
    }
    if (stmt->n_roles > 0) {
        it->second.roles = policy_roles(stmt->roles, stmt->n_roles);
    }
    const model::Table* table = nullptr;
    if (auto t = schema_.tables.find(key.table); t != schema_.tables.end()) {
        table = &t->second;
    }
    ColumnContext columns(*this, table);
    if (stmt->qual != nullptr) {
        it->second.using_expr = expr(stmt->qual);
    }
    if (stmt->with_check != nullptr) {
        it->second.check_expr = expr(stmt->with_check);
    }
}

}  // namespace schemerge::parser::postgres
