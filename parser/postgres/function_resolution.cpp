#include "parser/postgres/function_resolution.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "model/schema.hpp"
#include "parser/postgres/builtin_functions.hpp"

namespace schemerge::parser::postgres {

namespace {

// An argument as the parser sees it before choosing a function.
struct ArgType {
    enum class Kind {
        typed,    // its type is known: `type`
        literal,  // an untyped literal ('x', NULL): PostgreSQL's `unknown`, coercible to anything
        opaque,   // an expression whose type we cannot compute offline
    };
    Kind kind = Kind::opaque;
    std::string type;
};

bool is_array(std::string_view t) { return t.ends_with("[]"); }
std::string element_of(std::string_view t) { return std::string{t.substr(0, t.size() - 2)}; }

// One function the call could reach, with its parameters as the call would bind them.
struct Candidate {
    std::string schema;  // empty: pg_catalog
    int rank = 0;        // position of its schema in the effective search path
    std::vector<std::string> params;
    std::string returns;
};

const model::TypeDef* user_type(const NameContext& ctx, std::string_view key) {
    if (ctx.schema == nullptr) {
        return nullptr;
    }
    auto dot = key.find('.');
    if (dot == std::string_view::npos || is_array(key)) {
        return nullptr;
    }
    auto it = ctx.schema->types.find(model::QualifiedName{std::string{key.substr(0, dot)}, std::string{key.substr(dot + 1)}});
    return it == ctx.schema->types.end() ? nullptr : &it->second;
}

// can_coerce_type (parse_coerce.c) for an implicit coercion, as far as data we have
// tells: same type, pg_cast's implicit casts, domains to their base type, arrays
// element-wise, and the polymorphic pseudo-types.
bool coercible(const NameContext& ctx, const std::string& from, const std::string& to, int depth = 0) {
    if (from == to || to == "\"any\"" || to == "anyelement" || to == "anycompatible") {
        return true;
    }
    if (depth > 8) {
        return false;
    }
    const bool array = is_array(from);
    if (to == "anyarray" || to == "anycompatiblearray") {
        return array;
    }
    if (to == "anynonarray" || to == "anycompatiblenonarray") {
        return !array;
    }
    const model::TypeDef* def = user_type(ctx, from);
    if (to == "anyenum") {
        return def != nullptr && def->kind == model::TypeKind::enum_;
    }
    if (to == "anyrange" || to == "anycompatiblerange") {
        return (def != nullptr && def->kind == model::TypeKind::range) ||
               (def == nullptr && !array && from.ends_with("range"));
    }
    if (to == "anymultirange" || to == "anycompatiblemultirange") {
        return def == nullptr && !array && from.ends_with("multirange");
    }
    if (to == "record") {
        return def != nullptr && def->kind == model::TypeKind::composite;
    }
    if (def != nullptr && def->kind == model::TypeKind::domain) {
        return coercible(ctx, type_key(def->base_type), to, depth + 1);
    }
    if (array && is_array(to)) {
        return coercible(ctx, element_of(from), element_of(to), depth + 1);
    }
    return implicit_cast_exists(from, to);
}

bool polymorphic(std::string_view t) {
    return t.starts_with("any") || t == "\"any\"" || t.starts_with("setof") || t == "record" || t == "void";
}

std::vector<std::string> split_args(std::string_view s) {
    std::vector<std::string> out;
    if (s.empty()) {
        return out;
    }
    std::size_t start = 0;
    while (true) {
        std::size_t comma = s.find(',', start);
        out.emplace_back(s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

// The parameters a call of `nargs` arguments binds to: declared ones, trailing ones
// with defaults left out, a VARIADIC array expanded to its elements (FuncnameGetCandidates).
std::optional<std::vector<std::string>> bind(std::vector<std::string> params, bool variadic, int defaults,
                                             std::size_t nargs) {
    if (variadic && !params.empty()) {
        std::string last = params.back();
        params.pop_back();
        std::string element = last == "\"any\"" ? last : (is_array(last) ? element_of(last) : last);
        if (last == "anyarray" || last == "anycompatiblearray") {
            element = last == "anyarray" ? "anyelement" : "anycompatible";
        }
        if (nargs < params.size()) {
            return std::nullopt;
        }
        while (params.size() < nargs) {
            params.push_back(element);
        }
        return params;
    }
    if (nargs == params.size()) {
        return params;
    }
    if (nargs < params.size() && nargs + static_cast<std::size_t>(defaults) >= params.size()) {
        params.resize(nargs);
        return params;
    }
    return std::nullopt;
}

class Resolver {
public:
    Resolver(const NameContext& ctx, const ColumnScope& scope) : ctx_(ctx), scope_(scope) {}

    CallResolution resolve(const PgQuery__FuncCall* fc) {
        CallResolution out;
        auto names = string_list(fc->funcname, fc->n_funcname);
        if (names.size() != 1) {
            return out;
        }
        const std::string& name = names.front();
        std::vector<Candidate> users = bind_users(user_candidates(name), fc->n_args);
        if (users.empty()) {
            // No user function of that name on the path: a built-in or an object we do not
            // know (an extension's); either way PostgreSQL finds it without our help.
            out.returns = builtin_result(fc, name);
            return out;
        }
        // VARIADIC arrays, named arguments and `*` bind in ways we do not model.
        bool plain = !fc->func_variadic && !fc->agg_star;
        std::vector<ArgType> args;
        for (std::size_t i = 0; i < fc->n_args && plain; ++i) {
            if (fc->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR) {
                plain = false;
            }
            args.push_back(infer(fc->args[i]));
        }
        std::vector<Candidate> candidates;
        for (auto& c : users) {
            candidates.push_back(std::move(c));
        }
        for (const auto& b : builtin_functions(name)) {
            if (auto params = bind(split_args(b.args), b.variadic, b.defaults, fc->n_args)) {
                candidates.push_back({"", ctx_.catalog_position, std::move(*params), std::string{b.returns}});
            }
        }
        if (!plain) {
            return decide(out, candidates, name);
        }
        hide_shadowed(candidates);
        const bool all_known = std::none_of(args.begin(), args.end(),
                                            [](const ArgType& a) { return a.kind == ArgType::Kind::opaque; });
        // An exact match on every argument wins outright.
        if (all_known) {
            for (const auto& c : candidates) {
                bool exact = std::all_of(args.begin(), args.end(), [&, i = std::size_t{0}](const ArgType& a) mutable {
                    return a.kind == ArgType::Kind::typed && a.type == c.params[i++];
                });
                if (exact) {
                    return decide(out, {c}, name);
                }
            }
        }
        // Keep the candidates every (known) argument can be coerced to.
        std::vector<Candidate> viable;
        for (const auto& c : candidates) {
            bool ok = true;
            for (std::size_t i = 0; i < args.size() && ok; ++i) {
                ok = args[i].kind != ArgType::Kind::typed || coercible(ctx_, args[i].type, c.params[i]);
            }
            if (ok) {
                viable.push_back(c);
            }
        }
        if (all_known && viable.size() > 1) {
            // func_select_candidate's first rule: most exact matches on typed arguments.
            std::size_t best = 0;
            std::vector<std::size_t> exact(viable.size(), 0);
            for (std::size_t k = 0; k < viable.size(); ++k) {
                for (std::size_t i = 0; i < args.size(); ++i) {
                    exact[k] += args[i].kind == ArgType::Kind::typed && args[i].type == viable[k].params[i] ? 1 : 0;
                }
                best = std::max(best, exact[k]);
            }
            std::vector<Candidate> kept;
            for (std::size_t k = 0; k < viable.size(); ++k) {
                if (exact[k] == best) {
                    kept.push_back(viable[k]);
                }
            }
            viable = std::move(kept);
        }
        return decide(out, viable, name);
    }

private:
    // The user functions (not procedures) of that name in the schemas of the search path.
    std::vector<Candidate> user_candidates(const std::string& name) const {
        std::vector<Candidate> out;
        if (ctx_.schema == nullptr || ctx_.search_path == nullptr || ctx_.empty_path) {
            return out;
        }
        int position = 0;
        for (const auto& s : *ctx_.search_path) {
            int rank = position < ctx_.catalog_position ? position : position + 1;
            ++position;
            model::RoutineName probe{{s, name}, ""};
            for (auto it = ctx_.schema->functions.lower_bound(probe);
                 it != ctx_.schema->functions.end() && it->first.name == probe.name; ++it) {
                const model::Function& f = it->second;
                if (f.kind == model::RoutineKind::procedure) {
                    continue;
                }
                Candidate c{s, rank, {}, {}};
                bool variadic = false;
                int defaults = 0;
                for (const auto& a : f.args) {
                    if (a.mode == model::ArgMode::out || a.mode == model::ArgMode::table) {
                        continue;
                    }
                    variadic = a.mode == model::ArgMode::variadic;
                    defaults = a.default_value ? defaults + 1 : 0;
                    c.params.push_back(type_key(a.type));
                }
                if (f.returns && !f.returns->setof) {
                    c.returns = type_key(*f.returns);
                }
                // Kept unbound: the count check happens once the call's arguments are known.
                c.params.push_back(variadic ? "\x01" : "");
                c.params.push_back(std::to_string(defaults));
                out.push_back(std::move(c));
            }
        }
        return out;
    }

    // Binds the user candidates to this call's argument count (see user_candidates).
    static std::vector<Candidate> bind_users(std::vector<Candidate> users, std::size_t nargs) {
        std::vector<Candidate> out;
        for (auto& c : users) {
            int defaults = std::stoi(c.params.back());
            c.params.pop_back();
            bool variadic = c.params.back() == "\x01";
            c.params.pop_back();
            if (auto params = bind(c.params, variadic, defaults, nargs)) {
                c.params = std::move(*params);
                out.push_back(std::move(c));
            }
        }
        return out;
    }

    // Among candidates with the same parameters, the one earlier on the path hides the
    // others (namespace.c: FuncnameGetCandidates).
    static void hide_shadowed(std::vector<Candidate>& candidates) {
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
        std::set<std::vector<std::string>> seen;
        std::vector<Candidate> kept;
        for (auto& c : candidates) {
            if (seen.insert(c.params).second) {
                kept.push_back(std::move(c));
            }
        }
        candidates = std::move(kept);
    }

    static CallResolution& decide(CallResolution& out, const std::vector<Candidate>& possible,
                                  const std::string& name) {
        std::set<std::string> schemas;
        bool builtin = false;
        for (const auto& c : possible) {
            if (c.schema.empty()) {
                builtin = true;
            } else {
                schemas.insert(c.schema);
            }
        }
        for (const auto& s : schemas) {
            out.reach.push_back({s, name});
        }
        if (schemas.empty()) {
            out.outcome = CallResolution::Outcome::builtin;
        } else if (!builtin && schemas.size() == 1) {
            out.outcome = CallResolution::Outcome::user;
            out.schema = *schemas.begin();
        } else {
            out.outcome = CallResolution::Outcome::undecided;
        }
        if (possible.size() == 1 && !polymorphic(possible.front().returns)) {
            out.returns = possible.front().returns;
        }
        return out;
    }

    std::string builtin_result(const PgQuery__FuncCall* fc, const std::string& name) const {
        std::string result;
        for (const auto& b : builtin_functions(name)) {
            if (bind(split_args(b.args), b.variadic, b.defaults, fc->n_args)) {
                if (!result.empty() && result != b.returns) {
                    return "";
                }
                result = b.returns;
            }
        }
        return polymorphic(result) ? "" : result;
    }

public:
    ArgType infer(const Node* n) {
        ArgType out;
        if (n == nullptr) {
            return out;
        }
        switch (n->node_case) {
            case PG_QUERY__NODE__NODE_TYPE_CAST:
                if (n->type_cast->type_name != nullptr && n->type_cast->type_name->n_names > 0) {
                    out.kind = ArgType::Kind::typed;
                    out.type = type_key(type_ref(n->type_cast->type_name, ctx_));
                }
                return out;
            case PG_QUERY__NODE__NODE_A_CONST: {
                const auto* c = n->a_const;
                if (c->isnull) {
                    out.kind = ArgType::Kind::literal;
                    return out;
                }
                out.kind = ArgType::Kind::typed;
                switch (c->val_case) {
                    case PG_QUERY__A__CONST__VAL_IVAL: out.type = "integer"; break;
                    case PG_QUERY__A__CONST__VAL_FVAL: {
                        // make_const: a digits-only literal too large for int4 is bigint or numeric.
                        std::string_view f = c->fval->fval != nullptr ? c->fval->fval : "";
                        bool digits = !f.empty() && f.find_first_not_of("-0123456789") == std::string_view::npos;
                        out.type = digits && f.size() < 19 ? "bigint" : "numeric";
                        break;
                    }
                    case PG_QUERY__A__CONST__VAL_BOOLVAL: out.type = "boolean"; break;
                    default: out.kind = ArgType::Kind::literal; break;
                }
                return out;
            }
            case PG_QUERY__NODE__NODE_BOOL_EXPR:
            case PG_QUERY__NODE__NODE_NULL_TEST:
            case PG_QUERY__NODE__NODE_BOOLEAN_TEST:
                out.kind = ArgType::Kind::typed;
                out.type = "boolean";
                return out;
            case PG_QUERY__NODE__NODE_COLUMN_REF: return column_type(n->column_ref);
            case PG_QUERY__NODE__NODE_FUNC_CALL: {
                const auto* fc = n->func_call;
                if (fc->n_funcname == 1) {
                    CallResolution r = resolve(fc);
                    if (!r.returns.empty()) {
                        out.kind = ArgType::Kind::typed;
                        out.type = r.returns;
                    }
                }
                return out;
            }
            default: return out;
        }
    }

private:
    ArgType column_type(const PgQuery__ColumnRef* cr) const {
        ArgType out;
        std::vector<std::string> fields;
        for (std::size_t i = 0; i < cr->n_fields; ++i) {
            if (cr->fields[i]->node_case != PG_QUERY__NODE__NODE_STRING) {
                return out;  // table.*
            }
            fields.emplace_back(node_string(cr->fields[i]));
        }
        if (fields.empty() || fields.size() > 3) {
            return out;
        }
        const model::Column* found = nullptr;
        auto find_in = [&](const model::Table* t) -> const model::Column* {
            if (t == nullptr) {
                return nullptr;
            }
            for (const auto& c : t->columns) {
                if (c.name == fields.back()) {
                    return &c;
                }
            }
            return nullptr;
        };
        if (fields.size() == 1) {
            if (ctx_.table != nullptr) {
                found = find_in(ctx_.table);
            } else if (!scope_.opaque_sources) {
                int hits = 0;
                for (const auto& [alias, table] : scope_.relations) {
                    if (table == nullptr) {
                        return out;
                    }
                    if (const auto* c = find_in(table)) {
                        found = c;
                        ++hits;
                    }
                }
                if (hits != 1) {
                    return out;
                }
            }
        } else {
            const std::string& qualifier = fields[fields.size() - 2];
            if (ctx_.table != nullptr && ctx_.table->name.name == qualifier) {
                found = find_in(ctx_.table);
            } else if (auto it = scope_.relations.find(qualifier); it != scope_.relations.end()) {
                found = find_in(it->second);
            }
        }
        if (found != nullptr) {
            out.kind = ArgType::Kind::typed;
            out.type = type_key(found->type);
        }
        return out;
    }

    const NameContext& ctx_;
    const ColumnScope& scope_;
};

}  // namespace

std::string type_key(const model::TypeRef& type) {
    std::string out = type.name.schema.empty() ? type.name.name : type.name.schema + "." + type.name.name;
    // serial columns are integer columns with a default (the grammar's shorthand).
    if (type.name.schema.empty()) {
        if (out == "serial" || out == "serial4") {
            out = "integer";
        } else if (out == "bigserial" || out == "serial8") {
            out = "bigint";
        } else if (out == "smallserial" || out == "serial2") {
            out = "smallint";
        }
    }
    if (type.array_dims > 0) {
        out += "[]";
    }
    return out;
}

CallResolution resolve_call(const PgQuery__FuncCall* fc, const NameContext& ctx, const ColumnScope& scope) {
    Resolver resolver(ctx, scope);
    return resolver.resolve(fc);
}

}  // namespace schemerge::parser::postgres
