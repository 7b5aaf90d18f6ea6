// Statement builders for schemas, extensions, collations, types, text search
// objects and routines.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "model/dependency_graph.hpp"
#include "model/signature_text.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/sql_format.hpp"

namespace schemerge::synth::postgres {

namespace {

bool is_quoted(const std::string& value) {
    return value.size() >= 2 && value.front() == '\'' && value.back() == '\'';
}

// Option values that are strings to the server (locales, stop-word files,
// initial states) must be literals: a bare word would be read as a type or name
// and case-folded.
std::string string_value(const std::string& value) { return is_quoted(value) ? value : quote_literal(value); }

// A bare word, number or qualified name can be printed as is; anything else
// becomes a literal.
std::string option_value(const std::string& value) {
    if (value.empty()) {
        return "''";
    }
    if (is_quoted(value)) {
        return value;
    }
    for (char c : value) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '.' || c == '"' || c == '-' || c == '$' || c == ' ' || c == '(' || c == ')' ||
                  c == ',' || c == '[' || c == ']';
        if (!ok) {
            return quote_literal(value);
        }
    }
    return value;
}

std::string format_number(double value) { return fmt::format("{}", value); }

std::string arg_mode_prefix(model::ArgMode mode) {
    switch (mode) {
        case model::ArgMode::in: return "";
        case model::ArgMode::out: return "OUT ";
        case model::ArgMode::inout: return "INOUT ";
        case model::ArgMode::variadic: return "VARIADIC ";
        case model::ArgMode::table: return "";
    }
    return "";
}

std::string format_arg(const model::FunctionArg& arg, bool with_default) {
    std::string out = arg_mode_prefix(arg.mode);
    if (!arg.name.empty()) {
        out += quote_identifier(arg.name) + " ";
    }
    out += format_type(arg.type);
    if (with_default && arg.default_value) {
        out += " DEFAULT " + arg.default_value->text;
    }
    return out;
}

// Aggregate argument list: "(*)" without inputs, "(direct ORDER BY aggregated)"
// for ordered-set aggregates.
std::string aggregate_args(const model::Function& function) {
    std::string out;
    for (const auto& arg : function.args) {
        if (arg.mode == model::ArgMode::out || arg.mode == model::ArgMode::table) {
            continue;
        }
        if (!out.empty()) {
            out += ", ";
        }
        out += format_arg(arg, false);
    }
    if (!function.aggregate_order_args.empty()) {
        std::string ordered;
        for (const auto& type : function.aggregate_order_args) {
            if (!ordered.empty()) {
                ordered += ", ";
            }
            ordered += format_type(type);
        }
        out += out.empty() ? "ORDER BY " + ordered : " ORDER BY " + ordered;
    }
    if (out.empty()) {
        out = "*";
    }
    return "(" + out + ")";
}

// An operator's name: its schema quoted like an identifier, the symbol as is.
std::string operator_name(const model::QualifiedName& name) {
    return name.schema.empty() ? name.name : quote_identifier(name.schema) + "." + name.name;
}

// "(integer, integer)", "(NONE, integer)" for a prefix operator.
std::string operator_args(const model::Function& function) {
    std::string out = function.args.size() == 1 ? "NONE" : "";
    for (const auto& arg : function.args) {
        out += (out.empty() ? "" : ", ") + format_type(arg.type);
    }
    return "(" + out + ")";
}

// COMMUTATOR / NEGATOR value: OPERATOR(schema.op) when qualified (pg_dump's form).
std::string operator_reference(const std::string& value) {
    auto dot = value.rfind('.');
    if (dot == std::string::npos) {
        return value;
    }
    return "OPERATOR(" + quote_identifier(value.substr(0, dot)) + "." + value.substr(dot + 1) + ")";
}

std::string create_operator(const model::Function& function) {
    std::string option_text;
    auto add = [&](const std::string& text) { option_text += (option_text.empty() ? "\n    " : ",\n    ") + text; };
    auto value = [&](std::string_view key) -> const std::string* {
        for (const auto& [k, v] : function.operator_options) {
            if (k == key) {
                return &v;
            }
        }
        return nullptr;
    };
    if (const auto* f = value("function")) {
        add("FUNCTION = " + format_name(model::ObjectResolver::parse_name(*f)));
    }
    if (function.args.size() == 2) {
        add("LEFTARG = " + format_type(function.args[0].type));
    }
    if (!function.args.empty()) {
        add("RIGHTARG = " + format_type(function.args.back().type));
    }
    for (const char* key : {"commutator", "negator"}) {
        if (const auto* v = value(key)) {
            add(std::string(key == std::string_view("commutator") ? "COMMUTATOR" : "NEGATOR") + " = " +
                operator_reference(*v));
        }
    }
    for (const char* key : {"restrict", "join"}) {
        if (const auto* v = value(key)) {
            add(std::string(key == std::string_view("restrict") ? "RESTRICT" : "JOIN") + " = " +
                format_name(model::ObjectResolver::parse_name(*v)));
        }
    }
    if (value("hashes") != nullptr) {
        add("HASHES");
    }
    if (value("merges") != nullptr) {
        add("MERGES");
    }
    return "CREATE OPERATOR " + operator_name(function.name) + " (" + option_text + "\n)";
}

// --- operator classes and families -----------------------------------------

std::string member_type(const std::string& text) { return text == "NONE" ? text : format_type(model::signature_type(text)); }

// "OPERATOR 1 public.<#(public.complex,public.complex)" / "FUNCTION 1 (lt, rt) s.f(t1,t2)":
// a member as pg_dump writes it (regoperator / regprocedure forms).
std::string member_text(const std::string& key, const std::string& value) {
    bool is_operator = key.starts_with("operator ");
    std::string number = key.substr(9, key.find(' ', 9) - 9);
    std::vector<std::string> types = model::signature_types(key);
    if (is_operator) {
        std::string op = value;
        std::string order;
        if (auto at = op.find(" FOR ORDER BY "); at != std::string::npos) {
            order = " FOR ORDER BY " + format_name(model::ObjectResolver::parse_name(op.substr(at + 14)));
            op.resize(at);
        }
        std::string out = "OPERATOR " + number + " " + operator_name(model::ObjectResolver::parse_name(op)) + "(";
        for (std::size_t i = 0; i < types.size(); ++i) {
            out += (i == 0 ? "" : ",") + member_type(types[i]);
        }
        return out + ")" + order;
    }
    std::string out = "FUNCTION " + number;
    if (types.size() == 2) {
        out += " (" + member_type(types[0]) + ", " + member_type(types[1]) + ")";
    }
    auto open = value.find('(');
    out += " " + format_name(model::ObjectResolver::parse_name(value.substr(0, open))) + "(";
    std::vector<std::string> args = model::signature_types(value.substr(open));
    for (std::size_t i = 0; i < args.size(); ++i) {
        out += (i == 0 ? "" : ",") + member_type(args[i]);
    }
    return out + ")";
}

// "OPERATOR 1 (lt, rt)" / "FUNCTION 1 (lt, rt)": a member as ALTER OPERATOR FAMILY … DROP names it.
std::string member_drop_text(const std::string& key) {
    bool is_operator = key.starts_with("operator ");
    std::string number = key.substr(9, key.find(' ', 9) - 9);
    std::string out = (is_operator ? "OPERATOR " : "FUNCTION ") + number + " (";
    std::vector<std::string> types = model::signature_types(key);
    for (std::size_t i = 0; i < types.size(); ++i) {
        out += (i == 0 ? "" : ", ") + member_type(types[i]);
    }
    return out + ")";
}

bool is_member(const std::string& key) { return key.starts_with("operator ") || key.starts_with("function "); }

const std::string* opclass_option(const model::Function& f, std::string_view key) {
    for (const auto& [k, v] : f.operator_options) {
        if (k == key) {
            return &v;
        }
    }
    return nullptr;
}

std::string opclass_keyword(const model::Function& f) {
    return f.kind == model::RoutineKind::operator_class ? "OPERATOR CLASS " : "OPERATOR FAMILY ";
}

std::string opclass_name_using(const model::Function& f) {
    const std::string* am = opclass_option(f, "using");
    return format_name(f.name) + " USING " + (am != nullptr ? quote_identifier(*am) : std::string());
}

// Members joined as pg_dump joins them: " ,\n    ".
std::string member_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : " ,\n    ") + items[i];
    }
    return out;
}

std::vector<std::string> create_opclass(const model::Function& f) {
    std::vector<std::string> members;
    for (const auto& [k, v] : f.operator_options) {
        if (is_member(k)) {
            members.push_back(member_text(k, v));
        }
    }
    if (f.kind == model::RoutineKind::operator_family) {
        std::vector<std::string> out{"CREATE " + opclass_keyword(f) + opclass_name_using(f)};
        if (!members.empty()) {
            out.push_back("ALTER " + opclass_keyword(f) + opclass_name_using(f) + " ADD\n    " + member_list(members));
        }
        return out;
    }
    const std::string* type = opclass_option(f, "type");
    const std::string* family = opclass_option(f, "family");
    const std::string* am = opclass_option(f, "using");
    std::string sql = "CREATE OPERATOR CLASS " + format_name(f.name) + "\n    ";
    if (opclass_option(f, "default") != nullptr) {
        sql += "DEFAULT ";
    }
    sql += "FOR TYPE " + (type != nullptr ? format_type(model::signature_type(*type)) : std::string()) + " USING " +
           (am != nullptr ? quote_identifier(*am) : std::string());
    if (family != nullptr) {
        sql += " FAMILY " + format_name(model::ObjectResolver::parse_name(*family));
    }
    sql += " AS\n    ";
    if (const std::string* storage = opclass_option(f, "storage")) {
        members.insert(members.begin(), "STORAGE " + format_type(model::signature_type(*storage)));
    }
    return {sql + member_list(members)};
}

}  // namespace

std::vector<std::string> alter_operator_estimators(const model::Function& before, const model::Function& after) {
    std::vector<std::string> parts;
    for (const char* key : {"restrict", "join"}) {
        auto find = [&](const model::Function& f) -> std::optional<std::string> {
            for (const auto& [k, v] : f.operator_options) {
                if (k == key) {
                    return v;
                }
            }
            return std::nullopt;
        };
        auto was = find(before);
        auto now = find(after);
        if (was != now) {
            std::string name = key == std::string_view("restrict") ? "RESTRICT" : "JOIN";
            parts.push_back(name + " = " + (now ? format_name(model::ObjectResolver::parse_name(*now)) : "NONE"));
        }
    }
    if (parts.empty()) {
        return {};
    }
    std::string sql = "ALTER OPERATOR " + operator_name(after.name) + " " + operator_args(after) + " SET (";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        sql += (i == 0 ? "" : ", ") + parts[i];
    }
    return {sql + ")"};
}

bool operator_estimators_only(const model::Function& before, const model::Function& after) {
    auto strip = [](model::Function f) {
        std::erase_if(f.operator_options, [](const auto& o) { return o.first == "restrict" || o.first == "join"; });
        f.meta = {};
        return f;
    };
    return before.kind == model::RoutineKind::operator_ && after.kind == model::RoutineKind::operator_ &&
           strip(before) == strip(after);
}

void append_metadata(std::vector<std::string>& out, const model::ObjectBase& meta, const std::string& comment_target,
                     const std::string& owner_target, const EmitOptions& options, const model::Acl& created_with) {
    if (options.comments && meta.comment && !comment_target.empty()) {
        out.push_back("COMMENT ON " + comment_target + " IS " + quote_literal(*meta.comment));
    }
    if (options.owners && !meta.owner.empty() && !owner_target.empty()) {
        out.push_back("ALTER " + owner_target + " OWNER TO " + quote_identifier(meta.owner));
    }
    if (!options.privileges) {
        return;
    }
    if (owner_target.empty()) {
        for (const auto& grant : meta.grants) {
            out.push_back(grant);
        }
        return;
    }
    std::string target = grant_target(owner_target);
    model::Acl builtin = default_acl_of_target(owner_target);
    auto append = [&](std::vector<std::string> statements) {
        for (auto& statement : statements) {
            out.push_back(std::move(statement));
        }
    };
    // Where the database starts the object.
    const model::Acl& database = created_with.tracked ? created_with : builtin;
    // The statements as written start from the built-in default; an ACL a three-way merge
    // combined or default privileges started has none: written from its entries.
    if ((meta.acl.derived && meta.grants.empty()) || database != builtin) {
        append(privilege_statements(target, database, meta.acl.tracked ? meta.acl : builtin));
        return;
    }
    for (const auto& grant : meta.grants) {
        out.push_back(grant);
    }
}

std::string create_schema(const model::Namespace& ns) { return "CREATE SCHEMA " + quote_identifier(ns.name); }

std::string create_extension(const model::Extension& extension) {
    std::string out = "CREATE EXTENSION IF NOT EXISTS " + quote_identifier(extension.name);
    if (!extension.schema.empty()) {
        out += " WITH SCHEMA " + quote_identifier(extension.schema);
    }
    return out;
}

std::string create_collation(const model::OptionObject& collation) {
    std::string out = "CREATE COLLATION " + format_name(collation.name);
    for (const auto& [key, value] : collation.options) {
        if (key == "from") {
            return out + " FROM " + format_name(model::ObjectResolver::parse_name(value));
        }
    }
    std::string list;
    for (const auto& [key, value] : collation.options) {
        if (!list.empty()) {
            list += ", ";
        }
        bool textual = key == "locale" || key == "lc_collate" || key == "lc_ctype" || key == "rules" ||
                       key == "version";
        list += key + " = " + (textual ? string_value(value) : option_value(value));
    }
    return out + " (" + list + ")";
}

std::string create_shell_type(const model::QualifiedName& name) { return "CREATE TYPE " + format_name(name); }

std::string type_keyword(const model::TypeDef& type) {
    return type.kind == model::TypeKind::domain ? "DOMAIN" : "TYPE";
}

std::vector<std::string> create_type(const model::TypeDef& type) {
    std::vector<std::string> out;
    std::string name = format_name(type.name);
    switch (type.kind) {
        case model::TypeKind::enum_: {
            std::string labels;
            for (const auto& label : type.enum_labels) {
                if (!labels.empty()) {
                    labels += ", ";
                }
                labels += quote_literal(label);
            }
            out.push_back("CREATE TYPE " + name + " AS ENUM (" + labels + ")");
            break;
        }
        case model::TypeKind::composite: {
            std::string sql = "CREATE TYPE " + name + " AS (";
            for (std::size_t i = 0; i < type.attributes.size(); ++i) {
                const auto& attribute = type.attributes[i];
                sql += i == 0 ? "\n    " : ",\n    ";
                sql += quote_identifier(attribute.name) + " " + format_type(attribute.type);
                if (attribute.collation) {
                    sql += " COLLATE " + format_name(*attribute.collation);
                }
            }
            sql += type.attributes.empty() ? ")" : "\n)";
            out.push_back(sql);
            break;
        }
        case model::TypeKind::domain: {
            std::string sql = "CREATE DOMAIN " + name + " AS " + format_type(type.base_type);
            if (type.collation) {
                sql += " COLLATE " + format_name(*type.collation);
            }
            if (type.default_value) {
                sql += " DEFAULT " + type.default_value->text;
            }
            if (type.not_null) {
                sql += " NOT NULL";
            }
            for (const auto& constraint : type.constraints) {
                std::string check =
                    "CONSTRAINT " + quote_identifier(constraint.name) + " CHECK (" + constraint.check.text + ")";
                if (constraint.not_valid) {
                    // Like pg_dump: a NOT VALID constraint is added after the
                    // domain exists, so existing data is not checked.
                    continue;
                }
                sql += "\n    " + check;
            }
            out.push_back(sql);
            for (const auto& constraint : type.constraints) {
                if (constraint.not_valid) {
                    out.push_back("ALTER DOMAIN " + name + " ADD CONSTRAINT " + quote_identifier(constraint.name) +
                                  " CHECK (" + constraint.check.text + ") NOT VALID");
                }
            }
            break;
        }
        case model::TypeKind::range:
        case model::TypeKind::base: {
            std::string sql = "CREATE TYPE " + name + (type.kind == model::TypeKind::range ? " AS RANGE (" : " (");
            for (std::size_t i = 0; i < type.options.size(); ++i) {
                const auto& [key, value] = type.options[i];
                bool textual = key == "category" || key == "delimiter" || key == "default";
                sql += i == 0 ? "\n    " : ",\n    ";
                sql += key + " = " + (textual ? string_value(value) : option_value(value));
            }
            sql += "\n)";
            out.push_back(sql);
            break;
        }
        case model::TypeKind::shell:
            out.push_back(create_shell_type(type.name));
            break;
    }
    return out;
}

std::string create_text_search_dictionary(const model::OptionObject& dictionary) {
    std::string sql = "CREATE TEXT SEARCH DICTIONARY " + format_name(dictionary.name) + " (";
    bool first = true;
    for (const auto& [key, value] : dictionary.options) {
        sql += first ? "\n    " : ",\n    ";
        first = false;
        if (key == "template") {
            sql += "template = " + format_name(model::ObjectResolver::parse_name(value));
        } else {
            sql += key + " = " + string_value(value);
        }
    }
    sql += "\n)";
    return sql;
}

std::vector<std::string> create_text_search_configuration(const model::OptionObject& config) {
    std::vector<std::string> out;
    std::string name = format_name(config.name);
    std::string sql = "CREATE TEXT SEARCH CONFIGURATION " + name + " (";
    bool first = true;
    for (const auto& [key, value] : config.options) {
        sql += first ? "\n    " : ",\n    ";
        first = false;
        sql += key + " = " + format_name(model::ObjectResolver::parse_name(value));
    }
    sql += "\n)";
    out.push_back(sql);
    for (const auto& [token, dictionaries] : config.mappings) {
        out.push_back("ALTER TEXT SEARCH CONFIGURATION " + name + " ADD MAPPING FOR " + token + " WITH " +
                      dictionaries);
    }
    return out;
}

std::vector<std::string> create_routine_statements(const model::Function& function, bool or_replace) {
    if (model::is_opclass_kind(function.kind)) {
        return create_opclass(function);
    }
    return {create_routine(function, or_replace)};
}

std::vector<std::string> alter_family_members(const model::Function& before, const model::Function& after, bool drop) {
    const model::Function& from = drop ? after : before;  // members of `to` missing from `from`
    const model::Function& to = drop ? before : after;
    std::vector<std::string> items;
    for (const auto& [k, v] : to.operator_options) {
        if (!is_member(k)) {
            continue;
        }
        bool kept = std::any_of(from.operator_options.begin(), from.operator_options.end(),
                                [&](const auto& o) { return o.first == k && o.second == v; });
        if (!kept) {
            items.push_back(drop ? member_drop_text(k) : member_text(k, v));
        }
    }
    if (items.empty()) {
        return {};
    }
    return {"ALTER OPERATOR FAMILY " + opclass_name_using(after) + (drop ? " DROP\n    " : " ADD\n    ") +
            member_list(items)};
}

std::string routine_target(const model::Function& function) {
    if (model::is_opclass_kind(function.kind)) {
        return opclass_keyword(function) + opclass_name_using(function);
    }
    if (function.kind == model::RoutineKind::operator_) {
        return "OPERATOR " + operator_name(function.name) + " " + operator_args(function);
    }
    std::string name = format_name(function.name);
    if (function.kind == model::RoutineKind::aggregate) {
        return "AGGREGATE " + name + aggregate_args(function);
    }
    std::string args;
    for (const auto& arg : function.args) {
        if (arg.mode == model::ArgMode::out || arg.mode == model::ArgMode::table) {
            continue;
        }
        if (!args.empty()) {
            args += ", ";
        }
        args += arg_mode_prefix(arg.mode) + format_type(arg.type);
    }
    std::string keyword = function.kind == model::RoutineKind::procedure ? "PROCEDURE " : "FUNCTION ";
    return keyword + name + "(" + args + ")";
}

std::string create_routine(const model::Function& function, bool or_replace) {
    if (function.kind == model::RoutineKind::operator_) {
        return create_operator(function);
    }
    if (model::is_opclass_kind(function.kind)) {
        return create_opclass(function).front();
    }
    std::string name = format_name(function.name);
    if (function.kind == model::RoutineKind::aggregate) {
        std::string sql = "CREATE AGGREGATE " + name + aggregate_args(function) + " (";
        for (std::size_t i = 0; i < function.aggregate_options.size(); ++i) {
            const auto& [key, value] = function.aggregate_options[i];
            bool textual = key == "initcond" || key == "minitcond";
            sql += i == 0 ? "\n    " : ",\n    ";
            sql += key + " = " + (textual ? string_value(value) : option_value(value));
        }
        sql += "\n)";
        return sql;
    }

    bool procedure = function.kind == model::RoutineKind::procedure;
    std::string args;
    std::string table_columns;
    for (const auto& arg : function.args) {
        if (arg.mode == model::ArgMode::table) {
            if (!table_columns.empty()) {
                table_columns += ", ";
            }
            table_columns += quote_identifier(arg.name) + " " + format_type(arg.type);
            continue;
        }
        if (!args.empty()) {
            args += ", ";
        }
        args += format_arg(arg, true);
    }
    std::string sql = std::string(or_replace ? "CREATE OR REPLACE " : "CREATE ") + (procedure ? "PROCEDURE " : "FUNCTION ") +
                      name + "(" + args + ")";
    if (!table_columns.empty()) {
        sql += " RETURNS TABLE(" + table_columns + ")";
    } else if (function.returns && !procedure) {
        sql += " RETURNS " + format_type(*function.returns);
    }
    sql += "\n    LANGUAGE " + quote_identifier(function.language.empty() ? "sql" : function.language);
    if (function.window) {
        sql += " WINDOW";
    }
    if (function.volatility == model::Volatility::immutable) {
        sql += " IMMUTABLE";
    } else if (function.volatility == model::Volatility::stable) {
        sql += " STABLE";
    }
    if (function.strict) {
        sql += " STRICT";
    }
    if (function.security_definer) {
        sql += " SECURITY DEFINER";
    }
    if (function.leakproof) {
        sql += " LEAKPROOF";
    }
    if (function.parallel == model::Parallel::safe) {
        sql += " PARALLEL SAFE";
    } else if (function.parallel == model::Parallel::restricted) {
        sql += " PARALLEL RESTRICTED";
    }
    if (function.cost) {
        sql += " COST " + format_number(*function.cost);
    }
    if (function.rows) {
        sql += " ROWS " + format_number(*function.rows);
    }
    if (!function.support.empty()) {
        sql += " SUPPORT " + format_name(model::ObjectResolver::parse_name(function.support));
    }
    for (const auto& [key, value] : function.set_options) {
        sql += "\n    SET " + key + " TO " + value;
    }
    if (!function.sql_body.empty()) {
        sql += "\n" + function.sql_body;
    } else if (!function.link_symbol.empty()) {
        sql += "\n    AS " + quote_literal(function.body) + ", " + quote_literal(function.link_symbol);
    } else {
        sql += "\n    AS " + dollar_quote(function.body);
    }
    return sql;
}

}  // namespace schemerge::synth::postgres
