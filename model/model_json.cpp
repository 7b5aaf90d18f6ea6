#include "model/model_json.hpp"

#include <type_traits>
#include <variant>

#include <nlohmann/json.hpp>

namespace schemerge::model {

namespace {

using Json = nlohmann::ordered_json;
using Options = std::vector<std::pair<std::string, std::string>>;

// Field writers that skip empty and default values.
void put(Json& j, const char* key, const std::string& value) {
    if (!value.empty()) {
        j[key] = value;
    }
}
void put(Json& j, const char* key, bool value) {
    if (value) {
        j[key] = true;
    }
}
void put(Json& j, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) {
        j[key] = values;
    }
}
template <typename T>
void put(Json& j, const char* key, const std::optional<T>& value) {
    if (value) {
        j[key] = *value;
    }
}
void put(Json& j, const char* key, const Options& options) {
    if (options.empty()) {
        return;
    }
    // An object keeps the canonical order (ordered_json) and reads naturally; a
    // list of pairs only when a name repeats, which an object could not hold.
    Json object = Json::object();
    for (const auto& [name, value] : options) {
        if (object.contains(name)) {
            Json list = Json::array();
            for (const auto& [n, v] : options) {
                list.push_back(Json::array({n, v}));
            }
            j[key] = std::move(list);
            return;
        }
        object[name] = value;
    }
    j[key] = std::move(object);
}
void put_enum(Json& j, const char* key, const char* value, bool is_default) {
    if (!is_default) {
        j[key] = value;
    }
}

Json name_json(const QualifiedName& name) { return name.to_string(); }
void put(Json& j, const char* key, const QualifiedName& name) {
    if (!name.name.empty()) {
        j[key] = name_json(name);
    }
}
void put(Json& j, const char* key, const std::optional<QualifiedName>& name) {
    if (name) {
        j[key] = name_json(*name);
    }
}

Json type_json(const TypeRef& type) {
    Json j = Json::object();
    j["name"] = type.name.to_string();
    put(j, "modifiers", type.modifiers);
    if (type.array_dims != 0) {
        j["array_dims"] = type.array_dims;
    }
    put(j, "setof", type.setof);
    return j;
}
void put(Json& j, const char* key, const TypeRef& type) {
    if (!type.empty()) {
        j[key] = type_json(type);
    }
}

void put(Json& j, const char* key, const Expression& expr) {
    if (expr.empty()) {
        return;
    }
    Json e = Json::object();
    e["text"] = expr.text;
    if (!expr.relations.empty()) {
        Json list = Json::array();
        for (const auto& rel : expr.relations) {
            list.push_back(name_json(rel));
        }
        e["relations"] = std::move(list);
    }
    if (!expr.functions.empty()) {
        Json list = Json::array();
        for (const auto& fn : expr.functions) {
            list.push_back(name_json(fn));
        }
        e["functions"] = std::move(list);
    }
    put(e, "columns", expr.columns);
    j[key] = std::move(e);
}
void put(Json& j, const char* key, const std::optional<Expression>& expr) {
    if (expr) {
        put(j, key, *expr);
    }
}

// The dialect-only attributes as one object, each under its row's name with its typed
// value (true, a number, a string, an object of options), in the dialect's row order.
// Attributes that are not part of the definition (AttributeDef::compared false) are left
// out like source locations: equal JSON stays an equal model. Omitted when empty, so a
// dialect without attributes writes what it always wrote.
void put(Json& j, const char* key, const AttributeSet& attributes) {
    Json object = Json::object();
    for (const auto& entry : attributes) {
        if (!entry.def->compared) {
            continue;
        }
        std::string name(entry.def->name);
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, AttributeOptions>) {
                    put(object, name.c_str(), v);
                } else {
                    object[name] = v;
                }
            },
            entry.value);
    }
    if (!object.empty()) {
        j[key] = std::move(object);
    }
}

void put_meta(Json& j, const ObjectBase& meta) {
    put(j, "attributes", meta.attributes);
    put(j, "comment", meta.comment);
    put(j, "owner", meta.owner);
    put(j, "grants", meta.grants);
}

Json sequence_options_json(const SequenceOptions& options) {
    Json j = Json::object();
    if (options.data_type) {
        j["data_type"] = type_json(*options.data_type);
    }
    put(j, "start", options.start);
    put(j, "increment", options.increment);
    put(j, "min_value", options.min_value);
    put(j, "max_value", options.max_value);
    put(j, "cache", options.cache);
    put(j, "cycle", options.cycle);
    return j;
}

Json column_json(const Column& column) {
    Json j = Json::object();
    j["name"] = column.name;
    put(j, "type", column.type);
    put(j, "collation", column.collation);
    put(j, "default", column.default_value);
    put(j, "not_null", column.not_null);
    if (column.identity != IdentityKind::none) {
        j["identity"] = column.identity == IdentityKind::always ? "always" : "by_default";
        Json options = sequence_options_json(column.identity_options);
        if (!options.empty()) {
            j["identity_options"] = std::move(options);
        }
        put(j, "identity_sequence", column.identity_sequence);
    }
    if (column.generated == GeneratedKind::stored) {
        j["generated"] = "stored";
        put(j, "generation", *column.generation);
    }
    if (!column.is_local) {
        j["is_local"] = false;
    }
    put_meta(j, column.meta);
    return j;
}

const char* action_name(ReferentialAction action) {
    switch (action) {
        case ReferentialAction::no_action: return "no_action";
        case ReferentialAction::restrict: return "restrict";
        case ReferentialAction::cascade: return "cascade";
        case ReferentialAction::set_null: return "set_null";
        case ReferentialAction::set_default: return "set_default";
    }
    return "no_action";
}

Json constraint_json(const Constraint& c) {
    static constexpr const char* k_kinds[] = {"primary_key", "unique", "foreign_key", "check", "exclude"};
    Json j = Json::object();
    j["name"] = c.name;
    j["kind"] = k_kinds[static_cast<int>(c.kind)];
    put(j, "columns", c.columns);
    put(j, "include", c.include);
    put(j, "nulls_not_distinct", c.nulls_not_distinct);
    put(j, "deferrable", c.deferrable);
    put(j, "initially_deferred", c.initially_deferred);
    put(j, "not_valid", c.not_valid);
    if (c.kind == ConstraintKind::foreign_key) {
        put(j, "ref_table", c.ref_table);
        put(j, "ref_columns", c.ref_columns);
        put_enum(j, "match", c.match == MatchType::full ? "full" : "partial", c.match == MatchType::simple);
        put_enum(j, "on_update", action_name(c.on_update), c.on_update == ReferentialAction::no_action);
        put_enum(j, "on_delete", action_name(c.on_delete), c.on_delete == ReferentialAction::no_action);
        put(j, "on_delete_columns", c.on_delete_columns);
    }
    put(j, "check", c.check);
    put(j, "no_inherit", c.no_inherit);
    if (!c.is_local) {
        j["is_local"] = false;
    }
    put(j, "using_method", c.using_method);
    if (!c.exclusion.empty()) {
        Json list = Json::array();
        for (const auto& e : c.exclusion) {
            Json element = Json::object();
            put(element, "column", e.column);
            put(element, "expression", e.expression);
            put(element, "opclass", e.opclass);
            put(element, "operator", e.op);
            list.push_back(std::move(element));
        }
        j["exclusion"] = std::move(list);
    }
    put(j, "where", c.where);
    put(j, "index_tablespace", c.index_tablespace);
    put_meta(j, c.meta);
    return j;
}

Json table_json(const Table& t) {
    static constexpr const char* k_strategies[] = {"none", "range", "list", "hash"};
    Json j = Json::object();
    j["name"] = name_json(t.name);
    Json columns = Json::array();
    for (const auto& column : t.columns) {
        columns.push_back(column_json(column));
    }
    j["columns"] = std::move(columns);
    if (!t.constraints.empty()) {
        Json list = Json::array();
        for (const auto& c : t.constraints) {
            list.push_back(constraint_json(c));
        }
        j["constraints"] = std::move(list);
    }
    if (!t.inherits.empty()) {
        Json list = Json::array();
        for (const auto& parent : t.inherits) {
            list.push_back(name_json(parent));
        }
        j["inherits"] = std::move(list);
    }
    put_enum(j, "persistence", "unlogged", t.persistence == Persistence::permanent);
    if (t.partition_strategy != PartitionStrategy::none) {
        j["partition_strategy"] = k_strategies[static_cast<int>(t.partition_strategy)];
        Json list = Json::array();
        for (const auto& element : t.partition_key) {
            Json e = Json::object();
            put(e, "column", element.column);
            put(e, "expression", element.expression);
            put(e, "collation", element.collation);
            put(e, "opclass", element.opclass);
            list.push_back(std::move(e));
        }
        j["partition_key"] = std::move(list);
    }
    put(j, "partition_of", t.partition_of);
    put(j, "partition_bound", t.partition_bound);
    put(j, "tablespace", t.tablespace);
    put_meta(j, t.meta);
    return j;
}

Json type_def_json(const TypeDef& t) {
    static constexpr const char* k_kinds[] = {"enum", "composite", "domain", "range", "base", "shell"};
    Json j = Json::object();
    j["name"] = name_json(t.name);
    j["kind"] = k_kinds[static_cast<int>(t.kind)];
    put(j, "labels", t.enum_labels);
    if (!t.attributes.empty()) {
        Json list = Json::array();
        for (const auto& a : t.attributes) {
            Json e = Json::object();
            e["name"] = a.name;
            put(e, "type", a.type);
            put(e, "collation", a.collation);
            list.push_back(std::move(e));
        }
        j["attributes"] = std::move(list);
    }
    put(j, "base_type", t.base_type);
    put(j, "collation", t.collation);
    put(j, "default", t.default_value);
    put(j, "not_null", t.not_null);
    if (!t.constraints.empty()) {
        Json list = Json::array();
        for (const auto& c : t.constraints) {
            Json e = Json::object();
            e["name"] = c.name;
            put(e, "check", c.check);
            put(e, "not_valid", c.not_valid);
            list.push_back(std::move(e));
        }
        j["constraints"] = std::move(list);
    }
    put(j, "options", t.options);
    put_meta(j, t.meta);
    return j;
}

Json function_json(const Function& f) {
    static constexpr const char* k_kinds[] = {"function", "procedure",      "aggregate",      "event",
                                              "operator", "operator class", "operator family"};
    static constexpr const char* k_modes[] = {"in", "out", "inout", "variadic", "table"};
    static constexpr const char* k_volatility[] = {"volatile", "stable", "immutable"};
    static constexpr const char* k_parallel[] = {"unsafe", "restricted", "safe"};
    Json j = Json::object();
    j["name"] = name_json(f.name);
    j["kind"] = k_kinds[static_cast<int>(f.kind)];
    j["identity_args"] = f.identity_args();
    if (!f.args.empty()) {
        Json list = Json::array();
        for (const auto& a : f.args) {
            Json e = Json::object();
            put_enum(e, "mode", k_modes[static_cast<int>(a.mode)], a.mode == ArgMode::in);
            put(e, "name", a.name);
            put(e, "type", a.type);
            put(e, "default", a.default_value);
            list.push_back(std::move(e));
        }
        j["args"] = std::move(list);
    }
    if (f.returns) {
        j["returns"] = type_json(*f.returns);
    }
    put(j, "language", f.language);
    put(j, "body", f.body);
    put(j, "link_symbol", f.link_symbol);
    put(j, "sql_body", f.sql_body);
    put_enum(j, "volatility", k_volatility[static_cast<int>(f.volatility)], f.volatility == Volatility::volatile_);
    put(j, "strict", f.strict);
    put(j, "security_definer", f.security_definer);
    put(j, "leakproof", f.leakproof);
    put(j, "window", f.window);
    put_enum(j, "parallel", k_parallel[static_cast<int>(f.parallel)], f.parallel == Parallel::unsafe);
    put(j, "cost", f.cost);
    put(j, "rows", f.rows);
    put(j, "support", f.support);
    put(j, "set_options", f.set_options);
    put(j, "aggregate_options", f.aggregate_options);
    put(j, "operator_options", f.operator_options);
    if (!f.aggregate_order_args.empty()) {
        Json list = Json::array();
        for (const auto& t : f.aggregate_order_args) {
            list.push_back(type_json(t));
        }
        j["aggregate_order_args"] = std::move(list);
    }
    put_meta(j, f.meta);
    return j;
}

Json index_json(const Index& index) {
    Json j = Json::object();
    j["name"] = name_json(index.name);
    j["table"] = name_json(index.table);
    put(j, "unique", index.unique);
    put(j, "nulls_not_distinct", index.nulls_not_distinct);
    put(j, "only", index.only);
    j["method"] = index.method;
    Json list = Json::array();
    for (const auto& e : index.elements) {
        Json element = Json::object();
        put(element, "column", e.column);
        put(element, "expression", e.expression);
        put(element, "collation", e.collation);
        put(element, "opclass", e.opclass);
        put(element, "opclass_options", e.opclass_options);
        put_enum(element, "order", "desc", e.order == SortOrder::asc);
        put_enum(element, "nulls", e.nulls == NullsOrder::first ? "first" : "last",
                 e.nulls == NullsOrder::default_order);
        list.push_back(std::move(element));
    }
    j["elements"] = std::move(list);
    put(j, "include", index.include);
    put(j, "predicate", index.predicate);
    put(j, "tablespace", index.tablespace);
    put(j, "attached_to", index.attached_to);
    put_meta(j, index.meta);
    return j;
}

Json view_json(const View& v) {
    Json j = Json::object();
    j["name"] = name_json(v.name);
    put(j, "materialized", v.materialized);
    put(j, "column_names", v.column_names);
    put(j, "query", v.query);
    put(j, "check_option", v.check_option);
    put(j, "recursive", v.recursive);
    put(j, "tablespace", v.tablespace);
    if (!v.column_details.empty()) {
        Json list = Json::array();
        for (const auto& c : v.column_details) {
            list.push_back(column_json(c));
        }
        j["column_details"] = std::move(list);
    }
    put_meta(j, v.meta);
    return j;
}

Json sequence_json(const Sequence& s) {
    Json j = Json::object();
    j["name"] = name_json(s.name);
    Json options = sequence_options_json(s.options);
    if (!options.empty()) {
        j["options"] = std::move(options);
    }
    if (s.owned_by) {
        j["owned_by"] = s.owned_by->table.to_string() + "." + s.owned_by->column;
    }
    put(j, "unlogged", s.unlogged);
    put_meta(j, s.meta);
    return j;
}

Json trigger_json(const Trigger& t) {
    static constexpr const char* k_timing[] = {"before", "after", "instead_of"};
    Json j = Json::object();
    j["name"] = t.name;
    j["table"] = name_json(t.table);
    j["timing"] = k_timing[static_cast<int>(t.timing)];
    Json events = Json::array();
    if (t.events.insert) {
        events.push_back("insert");
    }
    if (t.events.update) {
        events.push_back("update");
    }
    if (t.events.delete_) {
        events.push_back("delete");
    }
    if (t.events.truncate) {
        events.push_back("truncate");
    }
    j["events"] = std::move(events);
    put(j, "update_columns", t.events.update_columns);
    j["level"] = t.for_each_row ? "row" : "statement";
    put(j, "when", t.when);
    j["function"] = name_json(t.function);
    put(j, "function_args", t.function_args);
    put(j, "constraint", t.constraint);
    put(j, "deferrable", t.deferrable);
    put(j, "initially_deferred", t.initially_deferred);
    put(j, "from_table", t.from_table);
    put(j, "old_table", t.old_table);
    put(j, "new_table", t.new_table);
    put(j, "enabled", t.enabled);
    put_meta(j, t.meta);
    return j;
}

Json policy_json(const Policy& p) {
    Json j = Json::object();
    j["name"] = p.name;
    j["table"] = name_json(p.table);
    if (!p.permissive) {
        j["permissive"] = false;
    }
    j["command"] = p.command;
    put(j, "roles", p.roles);
    put(j, "using", p.using_expr);
    put(j, "with_check", p.check_expr);
    put_meta(j, p.meta);
    return j;
}

Json option_object_json(const OptionObject& o) {
    Json j = Json::object();
    j["name"] = name_json(o.name);
    put(j, "options", o.options);
    put(j, "mappings", o.mappings);
    put_meta(j, o.meta);
    return j;
}

template <typename Map, typename Fn>
Json list_of(const Map& map, Fn&& fn) {
    Json list = Json::array();
    for (const auto& [key, value] : map) {
        list.push_back(fn(value));
    }
    return list;
}

}  // namespace

std::string to_json(const Schema& schema) {
    Json j = Json::object();
    j["namespaces"] = list_of(schema.namespaces, [](const Namespace& ns) {
        Json e = Json::object();
        e["name"] = ns.name;
        put_meta(e, ns.meta);
        return e;
    });
    j["extensions"] = list_of(schema.extensions, [](const Extension& ext) {
        Json e = Json::object();
        e["name"] = ext.name;
        put(e, "schema", ext.schema);
        put(e, "version", ext.version);
        put_meta(e, ext.meta);
        return e;
    });
    j["collations"] = list_of(schema.collations, option_object_json);
    j["types"] = list_of(schema.types, type_def_json);
    j["sequences"] = list_of(schema.sequences, sequence_json);
    j["tables"] = list_of(schema.tables, table_json);
    j["views"] = list_of(schema.views, view_json);
    j["indexes"] = list_of(schema.indexes, index_json);
    j["functions"] = list_of(schema.functions, function_json);
    j["triggers"] = list_of(schema.triggers, trigger_json);
    j["policies"] = list_of(schema.policies, policy_json);
    j["text_search_configurations"] = list_of(schema.text_search_configurations, option_object_json);
    j["text_search_dictionaries"] = list_of(schema.text_search_dictionaries, option_object_json);
    Json opaque = Json::array();
    for (const auto& statement : schema.opaque) {
        Json e = Json::object();
        e["statement_kind"] = statement.statement_kind;
        e["sql"] = statement.sql;
        put_meta(e, statement.meta);
        opaque.push_back(std::move(e));
    }
    j["opaque"] = std::move(opaque);
    // Left out when empty, so a schema without any writes what it always wrote.
    if (!schema.default_privileges.empty()) {
        Json list = Json::array();
        for (const auto& [key, entry] : schema.default_privileges) {
            Json e = Json::object();
            put(e, "role", key.role);
            put(e, "schema", key.schema);
            e["objects"] = std::string(objects_word(key.objects));
            Json acl = Json::array();
            for (const auto& [acl_key, option] : entry.meta.acl.entries) {
                Json a = Json::object();
                a["grantee"] = grantee_label(acl_key.grantee);
                a["privilege"] = acl_key.privilege;
                if (option) {
                    a["grant_option"] = true;
                }
                acl.push_back(std::move(a));
            }
            e["acl"] = std::move(acl);
            list.push_back(std::move(e));
        }
        j["default_privileges"] = std::move(list);
    }
    return j.dump(2) + "\n";
}

}  // namespace schemerge::model
