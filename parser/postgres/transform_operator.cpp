// CREATE OPERATOR (a DefineStmt), ALTER OPERATOR … SET (RESTRICT / JOIN), and the
// operator's identity in DROP / COMMENT ON / ALTER … OWNER TO. An operator is a routine
// of kind operator_ in Schema::functions: name + argument types (left, right; a prefix
// operator has only its right one), its definition in Function::operator_options.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "model/signature_text.hpp"
#include "parser/postgres/builtin_functions.hpp"
#include "parser/postgres/ascii.hpp"
#include "parser/postgres/interpreter.hpp"

namespace schemerge::parser::postgres {

namespace {

// The parts of a qualified name written as a List of String nodes (operator names) or as
// a TypeName (function names in a definition: `FUNCTION = public.f`).
std::vector<std::string> name_parts(const Node* arg) {
    if (arg == nullptr) {
        return {};
    }
    if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        return string_list(arg->type_name->names, arg->type_name->n_names);
    }
    if (arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        return string_list(arg->list->items, arg->list->n_items);
    }
    if (arg->node_case == PG_QUERY__NODE__NODE_STRING) {
        return {arg->string->sval};
    }
    return {};
}

// Canonical order: the order pg_dump's CREATE OPERATOR lists them in.
void sort_options(std::vector<std::pair<std::string, std::string>>& options) {
    static constexpr std::string_view k_order[] = {"function", "commutator", "negator", "restrict",
                                                   "join",     "hashes",     "merges"};
    auto rank = [](const std::string& o) { return std::find(std::begin(k_order), std::end(k_order), o) - std::begin(k_order); };
    std::stable_sort(options.begin(), options.end(), [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
}

std::string join_parts(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        out += (out.empty() ? "" : ".") + part;
    }
    return out;
}

// A routine's name as an option value: each part quoted where PostgreSQL would quote it,
// so that readers splitting it (ObjectResolver::parse_name) get the same parts back
// ("CiEq" stays "CiEq").
std::string routine_text(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        out += (out.empty() ? "" : ".") + quote_ident(part);
    }
    return out;
}

std::string routine_text(const model::QualifiedName& name) {
    return name.schema.empty() ? routine_text(std::vector<std::string>{name.name})
                               : routine_text(std::vector<std::string>{name.schema, name.name});
}

}  // namespace

std::string Interpreter::operator_function(const Node* arg, const std::string& args, std::string_view what,
                                           int offset) const {
    std::vector<std::string> parts = name_parts(arg);
    if (parts.empty() || parts.size() > 2) {
        throw StatementError(offset, fmt::format("operator {} must be a function name", what));
    }
    auto ours = [&](const model::QualifiedName& name) {
        auto it = schema_.functions.find(model::RoutineName{name, args});
        return it != schema_.functions.end() && it->second.kind == model::RoutineKind::function;
    };
    auto missing = [&](const std::string& name) {
        return StatementError(offset, fmt::format("function {}({}) does not exist", name, args));
    };
    if (parts.size() == 2) {
        model::QualifiedName name{parts[0], parts[1]};
        if (ours(name)) {
            return routine_text(name);
        }
        if (parts[0] == "pg_catalog") {
            if (builtin_functions(parts[1]).empty()) {
                throw missing(name.to_string());
            }
            return routine_text(std::vector<std::string>{parts[1]});  // a built-in: as pg_dump prints it
        }
        // An extension's function is not modeled: only an input without extensions can
        // tell that the function is missing.
        if (schema_.extensions.empty()) {
            throw missing(name.to_string());
        }
        return routine_text(name);
    }
    for (const auto& schema_name : search_path_) {
        if (ours({schema_name, parts[0]})) {
            return routine_text(model::QualifiedName{schema_name, parts[0]});
        }
    }
    if (!builtin_functions(parts[0]).empty() || !schema_.extensions.empty()) {
        return routine_text(parts);  // built-in (or possibly an extension's): kept as written
    }
    throw missing(parts[0]);
}

// COMMUTATOR / NEGATOR: another operator, which PostgreSQL creates as a shell when it does
// not exist yet. Qualified: as written; unqualified: the schema of a modeled operator of
// that name on the search path with the expected argument types, else kept as written.
std::string Interpreter::operator_reference(const Node* arg, const std::string& args, int offset) const {
    std::vector<std::string> parts = name_parts(arg);
    if (parts.empty() || parts.size() > 2) {
        throw StatementError(offset, "operator reference must be an operator name");
    }
    if (parts.size() == 2) {
        return join_parts(parts);
    }
    for (const auto& schema_name : search_path_) {
        auto it = schema_.functions.find(model::RoutineName{{schema_name, parts[0]}, args});
        if (it != schema_.functions.end() && it->second.kind == model::RoutineKind::operator_) {
            return schema_name + "." + parts[0];
        }
    }
    return parts[0];
}

// COMMUTATOR / NEGATOR written unqualified and naming an operator defined later in the
// operator's own schema (PostgreSQL created a shell there, filled by that later CREATE
// OPERATOR): qualified once the whole input is read, as pg_dump prints it.
void Interpreter::qualify_operator_references() {
    for (auto& [key, op] : schema_.functions) {
        if (op.kind != model::RoutineKind::operator_ || op.args.size() != 2) {
            continue;
        }
        for (auto& [option, value] : op.operator_options) {
            if ((option != "commutator" && option != "negator") || value.find('.') != std::string::npos) {
                continue;
            }
            std::string args = option == "commutator" ? model::signature_type_text(op.args[1].type) + ", " + model::signature_type_text(op.args[0].type)
                                                      : key.args;
            auto it = schema_.functions.find(model::RoutineName{{op.name.schema, value}, args});
            if (it != schema_.functions.end() && it->second.kind == model::RoutineKind::operator_) {
                value = op.name.schema + "." + value;
            }
        }
    }
}

void Interpreter::define_operator(PgQuery__DefineStmt* stmt) {
    model::Function op;
    op.kind = model::RoutineKind::operator_;
    op.name = qualify(stmt->defnames, stmt->n_defnames);
    op.meta = meta();
    std::optional<model::TypeRef> left;
    std::optional<model::TypeRef> right;
    const Node* function = nullptr;
    int function_offset = 0;
    struct Pending {
        std::string option;
        const Node* arg;
        int offset;
    };
    std::vector<Pending> pending;  // resolved once the argument types are known
    bool hashes = false;
    bool merges = false;
    for (std::size_t i = 0; i < stmt->n_definition; ++i) {
        const auto* d = stmt->definition[i]->def_elem;
        const std::string option = lower(d->defname != nullptr ? d->defname : "");
        const int offset = d->location > 0 ? d->location : 0;
        if (option == "leftarg" || option == "rightarg") {
            if (d->arg == nullptr || d->arg->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) {
                throw StatementError(offset, fmt::format("operator {} must be a type name", option));
            }
            (option == "leftarg" ? left : right) = type(d->arg->type_name);
        } else if (option == "function" || option == "procedure") {
            function = d->arg;
            function_offset = offset;
        } else if (option == "commutator" || option == "negator" || option == "restrict" || option == "join") {
            pending.push_back({option, d->arg, offset});
        } else if (option == "hashes" || option == "merges" || option == "sort1" || option == "sort2" ||
                   option == "ltcmp" || option == "gtcmp") {
            // A bare HASHES / MERGES is true; the old sort operators imply MERGES.
            bool on = d->arg == nullptr || def_value(d->arg) != "false";
            (option == "hashes" ? hashes : merges) = (option == "hashes" ? hashes : merges) || on;
        } else {
            warn_at(offset, fmt::format("operator attribute \"{}\" not recognized (ignored, as PostgreSQL does)", option));
        }
    }
    if (!left && !right) {
        throw StatementError(0, "operator argument types must be specified");
    }
    if (!right) {
        throw StatementError(0, "operator right argument type must be specified (postfix operators are not supported)");
    }
    if (function == nullptr) {
        throw StatementError(0, "operator function must be specified");
    }
    if (left) {
        op.args.push_back(model::FunctionArg{model::ArgMode::in, "", *left, std::nullopt});
    }
    op.args.push_back(model::FunctionArg{model::ArgMode::in, "", *right, std::nullopt});
    const std::string args = op.identity_args();
    op.operator_options.emplace_back("function", operator_function(function, args, "function", function_offset));
    const std::string swapped = left ? model::signature_type_text(*right) + ", " + model::signature_type_text(*left) : args;
    for (const auto& p : pending) {
        if (p.option == "commutator" || p.option == "negator") {
            if (!left) {
                throw StatementError(p.offset, fmt::format("only binary operators can have {}s", p.option));
            }
            op.operator_options.emplace_back(p.option,
                                             operator_reference(p.arg, p.option == "commutator" ? swapped : args,
                                                                p.offset));
        } else {
            // Selectivity estimators: restrict(internal, oid, internal, integer), join(…);
            // nearly always built-ins (eqsel, scalarltjoinsel, …).
            std::vector<std::string> parts = name_parts(p.arg);
            if (parts.empty() || parts.size() > 2) {
                throw StatementError(p.offset, fmt::format("operator {} must be a function name", p.option));
            }
            op.operator_options.emplace_back(p.option, routine_text(parts));
        }
    }
    if (hashes) {
        op.operator_options.emplace_back("hashes", "");
    }
    if (merges) {
        op.operator_options.emplace_back("merges", "");
    }
    sort_options(op.operator_options);
    model::RoutineName key{op.name, args};
    if (auto it = schema_.functions.find(key); it != schema_.functions.end()) {
        duplicate(fmt::format("operator {}({})", op.name.to_string(), args), it->second.meta.location);
    }
    schema_.functions.emplace(key, std::move(op));
}

model::RoutineName operator_key(const Interpreter& in, const PgQuery__ObjectWithArgs* owa, const model::Schema& schema,
                                const std::vector<std::string>& search_path, bool* found) {
    model::RoutineName key;
    std::string args;
    for (std::size_t i = 0; i < owa->n_objargs; ++i) {
        const Node* arg = owa->objargs[i];
        if (arg == nullptr || arg->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) {
            continue;  // NONE: a prefix operator's missing left argument
        }
        args += (args.empty() ? "" : ", ") + model::signature_type_text(in.type(arg->type_name));
    }
    key.args = args;
    auto parts = string_list(owa->objname, owa->n_objname);
    if (parts.size() == 1) {
        for (const auto& schema_name : search_path) {
            model::RoutineName candidate{{schema_name, parts[0]}, args};
            auto it = schema.functions.find(candidate);
            if (it != schema.functions.end() && it->second.kind == model::RoutineKind::operator_) {
                *found = true;
                return candidate;
            }
        }
    }
    key.name = in.qualify(owa->objname, owa->n_objname);
    auto it = schema.functions.find(key);
    *found = it != schema.functions.end() && it->second.kind == model::RoutineKind::operator_;
    return key;
}

void Interpreter::alter_operator(PgQuery__AlterOperatorStmt* stmt) {
    bool found = false;
    model::RoutineName key = operator_key(*this, stmt->opername, schema_, search_path_, &found);
    if (!found) {
        throw StatementError(0, fmt::format("operator does not exist: {}({})", key.name.to_string(), key.args));
    }
    model::Function& op = schema_.functions.at(key);
    for (std::size_t i = 0; i < stmt->n_options; ++i) {
        const auto* d = stmt->options[i]->def_elem;
        const std::string option = lower(d->defname != nullptr ? d->defname : "");
        const int offset = d->location > 0 ? d->location : 0;
        if (option != "restrict" && option != "join") {
            // PostgreSQL 15 alters only the selectivity estimators.
            throw StatementError(offset, fmt::format("operator attribute \"{}\" cannot be changed", option));
        }
        std::erase_if(op.operator_options, [&](const auto& o) { return o.first == option; });
        std::vector<std::string> parts = name_parts(d->arg);
        if (!parts.empty() && !(parts.size() == 1 && lower(parts[0]) == "none")) {
            op.operator_options.emplace_back(option, routine_text(parts));
        }
    }
    sort_options(op.operator_options);
}

}  // namespace schemerge::parser::postgres
