// CREATE OPERATOR CLASS, CREATE OPERATOR FAMILY, ALTER OPERATOR FAMILY … ADD / DROP, and
// their identity in DROP / COMMENT ON / ALTER … OWNER TO. Both are routines of kind
// operator_class / operator_family in Schema::functions: name + access method
// (model::opclass_identity_args), their definition and members in
// Function::operator_options. A class created without FAMILY creates (or joins) the
// family of its own name, as PostgreSQL does, so both spellings give the same model.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "model/dependency_graph.hpp"
#include "model/signature_text.hpp"
#include "parser/postgres/ascii.hpp"
#include "parser/postgres/interpreter.hpp"

namespace schemerge::parser::postgres {

namespace {

// The index access methods of PostgreSQL 15, and whether each stores another type than
// the indexed one (pg_am.amstorage: STORAGE allowed).
std::optional<bool> builtin_method_storage(const std::string& am) {
    if (am == "btree" || am == "hash") {
        return false;
    }
    if (am == "gist" || am == "gin" || am == "spgist" || am == "brin") {
        return true;
    }
    return std::nullopt;
}

// The support-function number of the opclass options function (amoptsprocnum).
int options_proc_number(const std::string& am) {
    if (am == "btree") {
        return 5;
    }
    if (am == "hash") {
        return 3;
    }
    if (am == "gist") {
        return 10;
    }
    if (am == "gin") {
        return 7;
    }
    if (am == "spgist") {
        return 7;
    }
    if (am == "brin") {
        return 5;
    }
    return 0;
}

std::string quoted(const model::QualifiedName& name) {
    return name.schema.empty() ? quote_ident(name.name) : quote_ident(name.schema) + "." + quote_ident(name.name);
}

// Member keys sort as pg_dump lists members: operators, then functions, each by number,
// then types.
struct MemberOrder {
    bool operator()(const std::pair<std::string, std::string>& a, const std::pair<std::string, std::string>& b) const {
        return rank(a.first) < rank(b.first);
    }
    static std::tuple<int, int, std::string> rank(const std::string& key) {
        if (key.starts_with("operator ") || key.starts_with("function ")) {
            int kind = key.starts_with("operator ") ? 1 : 2;
            std::size_t end = key.find(' ', 9);
            int number = std::atoi(key.substr(9, end - 9).c_str());
            return {kind, number, key.substr(end)};
        }
        return {0, 0, ""};
    }
};

std::string method_of(const char* amname) { return lower(amname != nullptr ? amname : ""); }

// Where an item is in its statement (CreateOpClassItem has no location): its first type
// name's, else the statement's start.
int item_offset(const PgQuery__CreateOpClassItem* item) {
    auto at = [](Node* const* nodes, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            if (nodes[i] != nullptr && nodes[i]->node_case == PG_QUERY__NODE__NODE_TYPE_NAME &&
                nodes[i]->type_name->location > 0) {
                return nodes[i]->type_name->location;
            }
        }
        return 0;
    };
    if (item->n_class_args > 0) {
        if (int o = at(item->class_args, item->n_class_args); o > 0) {
            return o;
        }
    }
    if (item->name != nullptr) {
        if (int o = at(item->name->objargs, item->name->n_objargs); o > 0) {
            return o;
        }
    }
    if (item->storedtype != nullptr && item->storedtype->location > 0) {
        return item->storedtype->location;
    }
    return 0;
}

}  // namespace

const model::Function* Interpreter::find_opclass(model::RoutineKind kind, Node* const* names, std::size_t n,
                                                 const std::string& am, model::RoutineName* key) const {
    auto parts = string_list(names, n);
    const std::string args = model::opclass_identity_args(kind, am);
    if (parts.size() == 1) {
        for (const auto& schema_name : search_path_) {
            model::RoutineName candidate{{schema_name, parts[0]}, args};
            if (auto it = schema_.functions.find(candidate); it != schema_.functions.end()) {
                *key = candidate;
                return &it->second;
            }
        }
    }
    *key = model::RoutineName{qualify(names, n), args};
    auto it = schema_.functions.find(*key);
    return it == schema_.functions.end() ? nullptr : &it->second;
}

void Interpreter::require_method(const std::string& am) const {
    if (!builtin_method_storage(am) && schema_.extensions.empty()) {
        throw StatementError(0, fmt::format("access method \"{}\" does not exist", am));
    }
}

std::string Interpreter::opclass_description(model::RoutineKind kind, const model::QualifiedName& name,
                                             const std::string& am) {
    return fmt::format("operator {} \"{}\" for access method \"{}\"",
                       kind == model::RoutineKind::operator_class ? "class" : "family", name.to_string(), am);
}

// One OPERATOR / FUNCTION item as a member (key, value). `type` is the class's type
// (empty in ALTER OPERATOR FAMILY, where the types must be given or inferable).
std::pair<std::string, std::string> Interpreter::opclass_member(const PgQuery__CreateOpClassItem* item,
                                                                const std::string& am, const std::string& type) const {
    const std::string number = std::to_string(item->number);
    const int offset = item_offset(item);
    if (item->number <= 0) {
        throw StatementError(offset, fmt::format("invalid {} number {}, must be between 1 and 32767",
                                            item->itemtype == 1 ? "operator" : "function", item->number));
    }
    std::vector<std::string> class_types;
    for (std::size_t i = 0; i < item->n_class_args; ++i) {
        const Node* arg = item->class_args[i];
        class_types.push_back(arg != nullptr && arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME
                                  ? model::signature_type_text(this->type(arg->type_name))
                                  : "NONE");
    }
    const PgQuery__ObjectWithArgs* owa = item->name;
    if (owa == nullptr) {
        throw StatementError(offset, "operator class item without a name");
    }
    auto parts = string_list(owa->objname, owa->n_objname);
    std::vector<std::string> args;  // the operator's / function's own argument types
    for (std::size_t i = 0; i < owa->n_objargs; ++i) {
        const Node* arg = owa->objargs[i];
        args.push_back(arg != nullptr && arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME
                           ? model::signature_type_text(this->type(arg->type_name))
                           : "NONE");
    }
    auto join = [](const std::vector<std::string>& types, bool skip_none) {
        std::string out;
        for (const auto& t : types) {
            if (!(skip_none && t == "NONE")) {
                out += (out.empty() ? "" : ", ") + t;
            }
        }
        return out;
    };
    // A name of ours (on the search path when unqualified) is written qualified, a
    // built-in's as written (pg_catalog left out).
    auto resolve = [&](model::RoutineKind kind, const std::string& identity) -> std::string {
        if (parts.size() >= 2) {
            if (parts[parts.size() - 2] == "pg_catalog") {
                return quote_ident(parts.back());
            }
            return quoted({parts[parts.size() - 2], parts.back()});
        }
        for (const auto& schema_name : search_path_) {
            auto it = schema_.functions.find(model::RoutineName{{schema_name, parts[0]}, identity});
            if (it != schema_.functions.end() && (it->second.kind == kind || (kind == model::RoutineKind::function &&
                                                                             it->second.kind == model::RoutineKind::procedure))) {
                return quoted({schema_name, parts[0]});
            }
        }
        return quote_ident(parts[0]);
    };
    if (parts.empty() || parts.size() > 2) {
        throw StatementError(offset, "operator class item names an improper qualified name");
    }
    if (item->itemtype == 1) {  // OPERATOR n op [(lt, rt)] [FOR SEARCH | FOR ORDER BY family]
        if (args.empty()) {
            if (type.empty()) {
                throw StatementError(offset, "operator argument types must be specified in ALTER OPERATOR FAMILY");
            }
            args = {type, type};
        }
        if (args.size() != 2) {
            throw StatementError(offset, "operator class item must name an operator with its two argument types");
        }
        if (!class_types.empty()) {
            throw StatementError(offset, "operator class item: types in parentheses belong to FUNCTION items only");
        }
        // An operator's name: its symbol is not an identifier (not quoted).
        std::string value;
        if (parts.size() == 2) {
            value = parts[0] == "pg_catalog" ? parts[1] : parts[0] + "." + parts[1];
        } else {
            value = parts[0];
            for (const auto& schema_name : search_path_) {
                auto it = schema_.functions.find(model::RoutineName{{schema_name, parts[0]}, join(args, true)});
                if (it != schema_.functions.end() && it->second.kind == model::RoutineKind::operator_) {
                    value = schema_name + "." + parts[0];
                    break;
                }
            }
        }
        if (item->n_order_family > 0) {
            model::RoutineName family_key;
            const model::Function* family =
                find_opclass(model::RoutineKind::operator_family, item->order_family, item->n_order_family, "btree",
                             &family_key);
            auto fparts = string_list(item->order_family, item->n_order_family);
            std::string family_name = family != nullptr ? quoted(family_key.name)
                                      : fparts.size() >= 2 && fparts[fparts.size() - 2] == "pg_catalog"
                                          ? quote_ident(fparts.back())
                                      : fparts.size() >= 2 ? quoted({fparts[fparts.size() - 2], fparts.back()})
                                                           : quote_ident(fparts.back());
            value += " FOR ORDER BY " + family_name;
        }
        return {"operator " + number + " (" + join(args, false) + ")", value};
    }
    // FUNCTION n [(lt [, rt])] f(argtypes)
    if (owa->args_unspecified) {
        // PostgreSQL looks the name up; only a unique function of ours can be named so here.
        std::optional<std::string> found;
        for (const auto& [k, f] : schema_.functions) {
            bool named = parts.size() == 2 ? k.name == model::QualifiedName{parts[0], parts[1]}
                                           : k.name.name == parts[0] &&
                                                 std::find(search_path_.begin(), search_path_.end(), k.name.schema) !=
                                                     search_path_.end();
            if (named && f.kind == model::RoutineKind::function) {
                if (found) {
                    throw StatementError(offset, fmt::format("function name \"{}\" is not unique", parts.back()));
                }
                found = k.args;
            }
        }
        if (!found) {
            throw StatementError(offset, fmt::format("support function {} must be written with its argument types",
                                                parts.back()));
        }
        args.clear();
        std::string rest = *found;
        while (!rest.empty()) {
            auto comma = rest.find(", ");
            args.push_back(rest.substr(0, comma));
            rest = comma == std::string::npos ? "" : rest.substr(comma + 2);
        }
    }
    std::string lt = !class_types.empty() ? class_types[0] : "";
    std::string rt = class_types.size() >= 2 ? class_types[1] : lt;
    // PostgreSQL 15's assignProcTypes: what it infers when the types are not given.
    if (item->number == options_proc_number(am) && !type.empty()) {
        lt = rt = type;
    } else if (am == "btree" && (item->number == 1 || item->number == 3)) {
        std::size_t right = item->number == 1 ? 1 : 2;
        if (lt.empty() && !args.empty()) {
            lt = args[0];
        }
        if (class_types.empty() && args.size() > right) {
            rt = args[right];
        }
    } else if (am == "hash" && !args.empty()) {
        if (lt.empty()) {
            lt = args[0];
        }
        if (class_types.empty()) {
            rt = args[0];
        }
    }
    if (lt.empty()) {
        lt = type;
    }
    if (rt.empty()) {
        rt = type;
    }
    if (lt.empty() || rt.empty()) {
        throw StatementError(offset, "associated data types must be specified for index support function");
    }
    const std::string identity = join(args, false);
    return {"function " + number + " (" + lt + ", " + rt + ")",
            resolve(model::RoutineKind::function, identity) + "(" + identity + ")"};
}

void Interpreter::add_opclass_member(model::Function& target, std::pair<std::string, std::string> member,
                                     const std::string& family_text, int offset) {
    auto clash = [&](const model::Function& f) {
        return std::any_of(f.operator_options.begin(), f.operator_options.end(),
                           [&](const auto& o) { return o.first == member.first; });
    };
    bool taken = clash(target);
    // Members of a family are also those of its classes, and a class's those of its family.
    for (const auto& [k, f] : schema_.functions) {
        if (taken || !model::is_opclass_kind(f.kind) || &f == &target) {
            continue;
        }
        std::string f_family = f.kind == model::RoutineKind::operator_family ? quoted(f.name) : "";
        std::string f_using;
        for (const auto& [option, value] : f.operator_options) {
            f_family = option == "family" ? value : f_family;
            f_using = option == "using" ? value : f_using;
        }
        std::string t_using;
        for (const auto& [option, value] : target.operator_options) {
            t_using = option == "using" ? value : t_using;
        }
        if (f_family == family_text && f_using == t_using) {
            taken = clash(f);
        }
    }
    if (taken) {
        throw StatementError(offset, fmt::format("{} already exists in operator family {}", member.first, family_text));
    }
    target.operator_options.push_back(std::move(member));
}

// Where PostgreSQL 15 keeps a member (its access method's amadjustmembers): tied to an
// operator class (pg_dump writes it in CREATE OPERATOR CLASS), or loose in the family
// (ALTER OPERATOR FAMILY … ADD): nullptr. `creating`: the class being created, if any.
model::Function* Interpreter::member_owner(const std::string& am, const std::string& key, model::Function* creating,
                                           const std::string& family_text) {
    const bool is_function = key.starts_with("function ");
    const int number = std::atoi(key.substr(9, key.find(' ', 9) - 9).c_str());
    auto open = key.find('(');
    std::string types = key.substr(open + 1, key.size() - open - 2);
    auto comma = types.find(", ");
    std::string lt = types.substr(0, comma);
    std::string rt = comma == std::string::npos ? lt : types.substr(comma + 2);
    auto option = [](const model::Function& f, std::string_view name) {
        for (const auto& [k, v] : f.operator_options) {
            if (k == name) {
                return v;
            }
        }
        return std::string();
    };
    if (am == "btree" || am == "hash") {
        // Optional support functions and cross-type members are loose; the others belong
        // to the family's class for their type, when there is one.
        if ((is_function && number != 1) || lt != rt) {
            return nullptr;
        }
        if (creating != nullptr && option(*creating, "type") == lt) {
            return creating;
        }
        for (auto& [k, f] : schema_.functions) {
            if (f.kind == model::RoutineKind::operator_class && option(f, "using") == am &&
                option(f, "family") == family_text && option(f, "type") == lt) {
                return &f;
            }
        }
        return nullptr;
    }
    if (am == "gist" || am == "gin" || am == "spgist") {
        // Operators are always loose; required support functions belong to the class.
        if (!is_function) {
            return nullptr;
        }
        bool required = am == "gist"  ? (number == 1 || number == 2 || (number >= 5 && number <= 7))
                        : am == "gin" ? (number == 2 || number == 3)
                                      : (number >= 1 && number <= 5);
        return required ? creating : nullptr;
    }
    return creating;  // no amadjustmembers: the class's in CREATE, loose in ALTER
}

void Interpreter::create_opclass(PgQuery__CreateOpClassStmt* stmt) {
    const std::string am = method_of(stmt->amname);
    require_method(am);
    model::Function opclass;
    opclass.kind = model::RoutineKind::operator_class;
    opclass.name = qualify(stmt->opclassname, stmt->n_opclassname);
    opclass.meta = meta();
    const std::string args = model::opclass_identity_args(opclass.kind, am);
    model::RoutineName key{opclass.name, args};
    if (auto it = schema_.functions.find(key); it != schema_.functions.end()) {
        duplicate(opclass_description(opclass.kind, opclass.name, am), it->second.meta.location);
    }
    if (stmt->datatype == nullptr) {
        throw StatementError(0, "operator class needs FOR TYPE");
    }
    const std::string type = model::signature_type_text(this->type(stmt->datatype));
    // Its family: the one named, else the one of its own name (created when missing).
    model::RoutineName family_key;
    if (stmt->n_opfamilyname > 0) {
        if (find_opclass(model::RoutineKind::operator_family, stmt->opfamilyname, stmt->n_opfamilyname, am,
                         &family_key) == nullptr) {
            throw StatementError(0, fmt::format("{} does not exist",
                                                opclass_description(model::RoutineKind::operator_family,
                                                                    family_key.name, am)));
        }
    } else {
        family_key = {opclass.name, model::opclass_identity_args(model::RoutineKind::operator_family, am)};
        if (!schema_.functions.contains(family_key)) {
            model::Function family;
            family.kind = model::RoutineKind::operator_family;
            family.name = opclass.name;
            family.meta = meta();
            family.operator_options.emplace_back("using", am);
            schema_.functions.emplace(family_key, std::move(family));
        }
    }
    const std::string family_text = quoted(family_key.name);
    opclass.operator_options.emplace_back("using", am);
    if (stmt->is_default) {
        // One default class per type and method (PostgreSQL checks it too).
        for (const auto& [k, f] : schema_.functions) {
            if (f.kind != model::RoutineKind::operator_class || model::access_method(k.args) != am) {
                continue;
            }
            bool same_type = std::any_of(f.operator_options.begin(), f.operator_options.end(),
                                         [&](const auto& o) { return o.first == "type" && o.second == type; });
            bool is_default = std::any_of(f.operator_options.begin(), f.operator_options.end(),
                                          [](const auto& o) { return o.first == "default"; });
            if (same_type && is_default) {
                throw StatementError(0, fmt::format("could not make operator class \"{}\" be default for type {}: "
                                                    "operator class \"{}\" already is the default",
                                                    opclass.name.name, type, k.name.name));
            }
        }
        opclass.operator_options.emplace_back("default", "");
    }
    opclass.operator_options.emplace_back("type", type);
    opclass.operator_options.emplace_back("family", family_text);
    std::optional<std::string> storage;
    int storage_offset = 0;
    for (std::size_t i = 0; i < stmt->n_items; ++i) {
        const auto* item = stmt->items[i]->create_op_class_item;
        if (item->itemtype == 3) {  // STORAGE
            if (storage) {
                throw StatementError(item_offset(item), "storage type specified more than once");
            }
            storage = model::signature_type_text(this->type(item->storedtype));
            storage_offset = item_offset(item);
            continue;
        }
        if (item->itemtype != 1 && item->itemtype != 2) {
            throw StatementError(0, "unknown operator class item");
        }
        auto member = opclass_member(item, am, type);
        model::Function* owner = member_owner(am, member.first, &opclass, family_text);
        add_opclass_member(owner != nullptr ? *owner : schema_.functions.at(family_key), std::move(member), family_text,
                           item_offset(item));
    }
    if (storage && *storage != type) {
        if (builtin_method_storage(am) == false) {
            throw StatementError(storage_offset, fmt::format("storage type cannot be different from data type for access method "
                                                "\"{}\"",
                                                am));
        }
        opclass.operator_options.emplace_back("storage", *storage);
    }
    std::stable_sort(opclass.operator_options.begin(), opclass.operator_options.end(), MemberOrder{});
    model::Function& family = schema_.functions.at(family_key);
    std::stable_sort(family.operator_options.begin(), family.operator_options.end(), MemberOrder{});
    schema_.functions.emplace(key, std::move(opclass));
}

void Interpreter::create_opfamily(PgQuery__CreateOpFamilyStmt* stmt) {
    const std::string am = method_of(stmt->amname);
    require_method(am);
    model::Function family;
    family.kind = model::RoutineKind::operator_family;
    family.name = qualify(stmt->opfamilyname, stmt->n_opfamilyname);
    family.meta = meta();
    family.operator_options.emplace_back("using", am);
    model::RoutineName key{family.name, model::opclass_identity_args(family.kind, am)};
    if (auto it = schema_.functions.find(key); it != schema_.functions.end()) {
        duplicate(opclass_description(family.kind, family.name, am), it->second.meta.location);
    }
    schema_.functions.emplace(key, std::move(family));
}

void Interpreter::alter_opfamily(PgQuery__AlterOpFamilyStmt* stmt) {
    const std::string am = method_of(stmt->amname);
    model::RoutineName key;
    if (find_opclass(model::RoutineKind::operator_family, stmt->opfamilyname, stmt->n_opfamilyname, am, &key) ==
        nullptr) {
        throw StatementError(0, fmt::format("{} does not exist",
                                            opclass_description(model::RoutineKind::operator_family, key.name, am)));
    }
    model::Function& family = schema_.functions.at(key);
    const std::string family_text = quoted(key.name);
    for (std::size_t i = 0; i < stmt->n_items; ++i) {
        const auto* item = stmt->items[i]->create_op_class_item;
        if (item->itemtype == 3) {
            throw StatementError(0, "STORAGE cannot be specified in ALTER OPERATOR FAMILY");
        }
        if (!stmt->is_drop) {
            auto member = opclass_member(item, am, "");
            model::Function* owner = member_owner(am, member.first, nullptr, family_text);
            model::Function& target = owner != nullptr ? *owner : family;
            add_opclass_member(target, std::move(member), family_text, item_offset(item));
            std::stable_sort(target.operator_options.begin(), target.operator_options.end(), MemberOrder{});
            continue;
        }
        // DROP OPERATOR n (lt, rt) / DROP FUNCTION n (lt, rt)
        std::string types;
        for (std::size_t t = 0; t < item->n_class_args; ++t) {
            const Node* arg = item->class_args[t];
            types += (types.empty() ? "" : ", ") + (arg != nullptr && arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME
                                                        ? model::signature_type_text(this->type(arg->type_name))
                                                        : std::string("NONE"));
        }
        if (item->n_class_args == 1) {
            types += ", " + types;  // one type given: both
        }
        std::string member = (item->itemtype == 1 ? "operator " : "function ") + std::to_string(item->number) + " (" +
                             types + ")";
        auto erased = std::erase_if(family.operator_options, [&](const auto& o) { return o.first == member; });
        if (erased == 0) {
            throw StatementError(item_offset(item), fmt::format("{} {}({}) does not exist in operator family \"{}\"",
                                                item->itemtype == 1 ? "operator" : "function", item->number, types,
                                                key.name.to_string()));
        }
    }
    std::stable_sort(family.operator_options.begin(), family.operator_options.end(), MemberOrder{});
}

// DROP OPERATOR CLASS / FAMILY name USING am: `object` is the list (am, name parts…).
void Interpreter::drop_opclass(model::RoutineKind kind, Node* object, bool cascade, bool missing_ok) {
    if (object == nullptr || object->node_case != PG_QUERY__NODE__NODE_LIST || object->list->n_items < 2) {
        throw StatementError(0, "DROP OPERATOR CLASS / FAMILY needs a name and USING");
    }
    const std::string am = method_of(std::string(node_string(object->list->items[0])).c_str());
    model::RoutineName key;
    if (find_opclass(kind, object->list->items + 1, object->list->n_items - 1, am, &key) == nullptr) {
        if (missing_ok) {
            return;
        }
        throw StatementError(0, fmt::format("{} does not exist", opclass_description(kind, key.name, am)));
    }
    // A family takes its classes along; indexes using a dropped class need CASCADE.
    std::vector<model::RoutineName> classes;
    if (kind == model::RoutineKind::operator_class) {
        classes.push_back(key);
    } else {
        const std::string family_text = quoted(key.name);
        for (const auto& [k, f] : schema_.functions) {
            if (f.kind == model::RoutineKind::operator_class && model::access_method(k.args) == am &&
                std::any_of(f.operator_options.begin(), f.operator_options.end(),
                            [&](const auto& o) { return o.first == "family" && o.second == family_text; })) {
                classes.push_back(k);
            }
        }
    }
    std::vector<model::QualifiedName> indexes;
    for (const auto& c : classes) {
        const model::Function& f = schema_.functions.at(c);
        bool is_default = false;
        std::string type;
        for (const auto& [option, value] : f.operator_options) {
            is_default = is_default || option == "default";
            type = option == "type" ? value : type;
        }
        for (const auto& [name, index] : schema_.indexes) {
            if (index.method != am) {
                continue;
            }
            const model::Table* table = nullptr;
            if (auto t = schema_.tables.find(index.table); t != schema_.tables.end()) {
                table = &t->second;
            }
            for (const auto& element : index.elements) {
                const model::Column* column =
                    table != nullptr && !element.column.empty() ? table->find_column(element.column) : nullptr;
                bool by_default = is_default && element.opclass.empty() && column != nullptr &&
                                  model::signature_type_text(column->type) == type;
                if (element.opclass == quoted(c.name) || by_default) {
                    indexes.push_back(name);
                    break;
                }
            }
        }
    }
    if (!indexes.empty() && !cascade) {
        throw StatementError(0, fmt::format("cannot drop {} because other objects depend on it: index {} (use DROP ... "
                                            "CASCADE)",
                                            opclass_description(kind, key.name, am), indexes.front().to_string()));
    }
    for (const auto& name : indexes) {
        schema_.indexes.erase(name);
    }
    for (const auto& c : classes) {
        schema_.functions.erase(c);
    }
    schema_.functions.erase(key);
}

void Interpreter::move_opclass(model::RoutineKind kind, Node* object, const std::string& new_schema,
                               const std::string& new_name) {
    if (object == nullptr || object->node_case != PG_QUERY__NODE__NODE_LIST || object->list->n_items < 2) {
        throw StatementError(0, "ALTER OPERATOR CLASS / FAMILY needs a name and USING");
    }
    const std::string am = method_of(std::string(node_string(object->list->items[0])).c_str());
    model::RoutineName key;
    if (find_opclass(kind, object->list->items + 1, object->list->n_items - 1, am, &key) == nullptr) {
        throw StatementError(0, fmt::format("{} does not exist", opclass_description(kind, key.name, am)));
    }
    model::RoutineName to{{new_schema.empty() ? key.name.schema : new_schema, new_name.empty() ? key.name.name : new_name},
                          key.args};
    if (to == key) {
        return;
    }
    if (schema_.functions.contains(to)) {
        throw StatementError(0, fmt::format("{} already exists in schema \"{}\"", opclass_description(kind, to.name, am),
                                            to.name.schema));
    }
    auto node = schema_.functions.extract(key);
    node.key() = to;
    node.mapped().name = to.name;
    schema_.functions.insert(std::move(node));
    // What names it follows: a family's classes, a class's indexes.
    const std::string was = quoted(key.name);
    const std::string now = quoted(to.name);
    if (kind == model::RoutineKind::operator_family) {
        for (auto& [k, f] : schema_.functions) {
            if (f.kind == model::RoutineKind::operator_class && model::access_method(k.args) == am) {
                for (auto& [option, value] : f.operator_options) {
                    if (option == "family" && value == was) {
                        value = now;
                    }
                }
            }
        }
        return;
    }
    for (auto& [name, index] : schema_.indexes) {
        if (index.method != am) {
            continue;
        }
        for (auto& element : index.elements) {
            if (element.opclass == was) {
                element.opclass = now;
            }
        }
    }
}

// An index element naming an operator class of ours: qualified, and left out when it is
// the default class of the column's type for the method (pg_dump prints none then).
void Interpreter::canonical_index_opclass(model::IndexElement& element, const std::string& method,
                                          const model::Table* table) const {
    (void)canonical_opclass(element.opclass, element.column, method, table);
}

bool Interpreter::canonical_opclass(std::string& opclass, const std::string& column_name, const std::string& method,
                                    const model::Table* table) const {
    if (opclass.empty()) {
        return false;
    }
    model::QualifiedName name = model::ObjectResolver::parse_name(opclass);
    const std::string args = model::opclass_identity_args(model::RoutineKind::operator_class, method);
    const model::Function* found = nullptr;
    if (name.schema.empty()) {
        for (const auto& schema_name : search_path_) {
            if (auto it = schema_.functions.find(model::RoutineName{{schema_name, name.name}, args});
                it != schema_.functions.end()) {
                found = &it->second;
                name.schema = schema_name;
                break;
            }
        }
    } else if (auto it = schema_.functions.find(model::RoutineName{name, args}); it != schema_.functions.end()) {
        found = &it->second;
    }
    if (found == nullptr) {
        return false;  // a built-in's or an extension's: as written
    }
    opclass = quoted(name);
    if (table == nullptr || column_name.empty()) {
        return true;
    }
    const model::Column* column = table->find_column(column_name);
    bool is_default = false;
    std::string type;
    for (const auto& [option, value] : found->operator_options) {
        is_default = is_default || option == "default";
        type = option == "type" ? value : type;
    }
    if (column != nullptr && is_default && model::signature_type_text(column->type) == type) {
        opclass.clear();
    }
    return true;
}

}  // namespace schemerge::parser::postgres
