#include "model/dependency_graph.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <string_view>

#include "model/schema.hpp"
#include "model/signature_text.hpp"

namespace schemerge::model {

ObjectKey schema_key(const std::string& name) {
    ObjectKey key;
    key.kind = ObjectKind::schema;
    key.name = name;
    return key;
}

ObjectKey object_key(ObjectKind kind, const QualifiedName& name, std::string args) {
    ObjectKey key;
    key.kind = kind;
    key.schema = name.schema;
    key.name = name.name;
    key.args = std::move(args);
    return key;
}

ObjectKey table_scoped_key(ObjectKind kind, const QualifiedName& table, const std::string& name) {
    ObjectKey key;
    key.kind = kind;
    key.schema = table.schema;
    key.table = table.name;
    key.name = name;
    return key;
}

std::size_t DependencyGraph::hash_key(const ObjectKey& key) {
    std::size_t h = static_cast<std::size_t>(key.kind);
    for (const std::string* part : {&key.schema, &key.name, &key.table, &key.args}) {
        h = h * 1000003U ^ std::hash<std::string_view>{}(*part);
    }
    return h;
}

namespace {
// Orders edges (sorted by `from` first) against an object id: std::equal_range's comparator.
struct EdgeFrom {
    template <typename E>
    bool operator()(const E& e, std::uint32_t id) const { return e.from < id; }
    template <typename E>
    bool operator()(std::uint32_t id, const E& e) const { return id < e.from; }
};
}  // namespace

void DependencyGraph::index_keys() {
    ids_ = IdIndex(keys_.size(), IdHash{&keys_}, IdEqual{&keys_});
    for (std::uint32_t i = 0; i < keys_.size(); ++i) {
        ids_.insert(i);
    }
}

std::uint32_t DependencyGraph::intern(const ObjectKey& key) {
    if (auto it = ids_.find(key); it != ids_.end()) {
        return *it;
    }
    auto id = static_cast<std::uint32_t>(keys_.size());
    keys_.push_back(key);
    ids_.insert(id);
    return id;
}

std::optional<std::uint32_t> DependencyGraph::find_id(const ObjectKey& key) const {
    auto it = ids_.find(key);
    if (it == ids_.end()) {
        return std::nullopt;
    }
    return *it;
}

void DependencyGraph::add_node(const ObjectKey& key) { intern(key); }

void DependencyGraph::add_edge(const ObjectKey& from, const ObjectKey& to, DependencyKind kind) {
    if (from == to) {
        return;
    }
    edges_.push_back(Edge{intern(from), intern(to), kind});
    sorted_ = false;
}

std::vector<Dependency> DependencyGraph::dependencies_of(const ObjectKey& key) const {
    std::vector<Dependency> out;
    auto id = find_id(key);
    if (!id) {
        return out;
    }
    if (sorted_) {
        auto [first, last] = std::equal_range(edges_.begin(), edges_.end(), *id, EdgeFrom{});
        for (auto it = first; it != last; ++it) {
            out.push_back(Dependency{keys_[it->from], keys_[it->to], it->kind});
        }
    } else {
        for (const auto& e : edges_) {
            if (e.from == *id) {
                out.push_back(Dependency{keys_[e.from], keys_[e.to], e.kind});
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Dependency> DependencyGraph::dependents_of(const ObjectKey& key) const {
    std::vector<Dependency> out;
    auto id = find_id(key);
    if (!id) {
        return out;
    }
    if (sorted_) {
        auto to_of = [this](std::uint32_t index) { return edges_[index].to; };
        auto first = std::ranges::lower_bound(by_to_, *id, {}, to_of);
        for (auto it = first; it != by_to_.end() && edges_[*it].to == *id; ++it) {
            const Edge& e = edges_[*it];
            out.push_back(Dependency{keys_[e.from], keys_[e.to], e.kind});
        }
    } else {
        for (const auto& e : edges_) {
            if (e.to == *id) {
                out.push_back(Dependency{keys_[e.from], keys_[e.to], e.kind});
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// ---------------------------------------------------------------------------

ObjectResolver::ObjectResolver(const Schema& schema) : schema_(schema) {
    for (const auto& [name, function] : schema.functions) {
        if (function.kind == RoutineKind::event || is_opclass_kind(function.kind)) {
            continue;  // nothing calls an event, operator class or family by name
        }
        routines_by_name_[name.name].push_back(object_key(object_kind(function.kind), name.name, name.args));
    }
}

QualifiedName ObjectResolver::parse_name(const std::string& text) {
    // Split on dots outside double quotes; unquoted parts fold to lower case as
    // the server's identifier rules do.
    std::vector<std::string> parts;
    std::string current;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            if (quoted && i + 1 < text.size() && text[i + 1] == '"') {
                current += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == '.' && !quoted) {
            parts.push_back(current);
            current.clear();
        } else if (!quoted && c >= 'A' && c <= 'Z') {
            current += static_cast<char>(c - 'A' + 'a');
        } else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
            continue;
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    QualifiedName name;
    name.name = parts.back();
    if (parts.size() >= 2) {
        name.schema = parts[parts.size() - 2];
    }
    return name;
}

namespace {
// An unqualified reference is looked up in the dialect's default schema, the only
// schema the front end assumes for unqualified names.
QualifiedName with_default_schema(const Schema& schema, QualifiedName name) {
    if (name.schema.empty()) {
        name.schema = std::string(schema.dialect->default_schema);
    }
    return name;
}
}  // namespace

QualifiedName ObjectResolver::with_default_schema(QualifiedName name) const {
    return model::with_default_schema(schema_, std::move(name));
}

std::optional<ObjectKey> ObjectResolver::type_name(const QualifiedName& raw) const {
    // Built-in types carry no schema in the model (a built-in schema's names resolve to
    // nothing below). Array types spelled with a leading underscore resolve to their
    // element type.
    if (raw.schema.empty()) {
        return std::nullopt;
    }
    QualifiedName name = raw;
    if (schema_.types.contains(name)) {
        return object_key(ObjectKind::type, name);
    }
    if (schema_.tables.contains(name)) {
        return object_key(ObjectKind::table, name);
    }
    if (auto view = schema_.views.find(name); view != schema_.views.end()) {
        return object_key(view->second.materialized ? ObjectKind::materialized_view : ObjectKind::view, name);
    }
    if (name.name.starts_with("_")) {
        QualifiedName element{name.schema, name.name.substr(1)};
        if (schema_.types.contains(element)) {
            return object_key(ObjectKind::type, element);
        }
    }
    return std::nullopt;
}

std::optional<ObjectKey> ObjectResolver::type(const TypeRef& type) const { return type_name(type.name); }

std::optional<ObjectKey> ObjectResolver::relation(const QualifiedName& raw) const {
    QualifiedName name = with_default_schema(raw);
    if (schema_.tables.contains(name)) {
        return object_key(ObjectKind::table, name);
    }
    if (auto view = schema_.views.find(name); view != schema_.views.end()) {
        return object_key(view->second.materialized ? ObjectKind::materialized_view : ObjectKind::view, name);
    }
    if (schema_.sequences.contains(name)) {
        return object_key(ObjectKind::sequence, name);
    }
    if (schema_.types.contains(name)) {
        return object_key(ObjectKind::type, name);
    }
    return std::nullopt;
}

std::vector<ObjectKey> ObjectResolver::routines(const QualifiedName& raw) const {
    auto it = routines_by_name_.find(with_default_schema(raw));
    if (it == routines_by_name_.end()) {
        return {};
    }
    return it->second;
}

std::optional<ObjectKey> ObjectResolver::collation(const QualifiedName& raw) const {
    QualifiedName name = with_default_schema(raw);
    if (schema_.collations.contains(name)) {
        return object_key(ObjectKind::collation, name);
    }
    return std::nullopt;
}

std::optional<ObjectKey> ObjectResolver::namespace_of(const std::string& schema_name) const {
    if (schema_.namespaces.contains(schema_name)) {
        return schema_key(schema_name);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------

namespace {

// Collects the edges of one dependent object.
class EdgeCollector {
public:
    EdgeCollector(DependencyGraph& graph, const ObjectResolver& resolver) : graph_(graph), resolver_(resolver) {}

    void node(const ObjectKey& key) {
        graph_.add_node(key);
        if (!key.schema.empty()) {
            if (auto ns = resolver_.namespace_of(key.schema)) {
                graph_.add_edge(key, *ns);
            }
        }
    }
    void edge(const ObjectKey& from, const std::optional<ObjectKey>& to,
              DependencyKind kind = DependencyKind::normal) {
        if (to) {
            graph_.add_edge(from, *to, kind);
        }
    }
    void type(const ObjectKey& from, const TypeRef& type) {
        if (!type.empty()) {
            edge(from, resolver_.type(type));
        }
    }
    void collation(const ObjectKey& from, const std::optional<QualifiedName>& name) {
        if (name) {
            edge(from, resolver_.collation(*name));
        }
    }
    void routines(const ObjectKey& from, const QualifiedName& name) {
        for (const auto& key : resolver_.routines(name)) {
            graph_.add_edge(from, key);
        }
    }
    void expression(const ObjectKey& from, const Expression& expr) {
        for (const auto& rel : expr.relations) {
            edge(from, resolver_.relation(rel));
        }
        for (const auto& fn : expr.functions) {
            routines(from, fn);
        }
    }
    void expression(const ObjectKey& from, const std::optional<Expression>& expr) {
        if (expr) {
            expression(from, *expr);
        }
    }

private:
    DependencyGraph& graph_;
    const ObjectResolver& resolver_;
};

bool same_column_set(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

using UniqueIndexes = std::map<QualifiedName, std::vector<const Index*>>;

void add_table_edges(EdgeCollector& c, const Schema& schema, const Table& table, const UniqueIndexes& unique_indexes) {
    ObjectKey key = object_key(ObjectKind::table, table.name);
    c.node(key);
    for (const auto& column : table.columns) {
        // A column is a node only when it needs something besides its table (a user
        // type, a collation, a sequence or function in its default): a 10,000-table
        // schema has ~100,000 columns, most of them plain.
        auto refers = [](const Expression& e) { return !e.relations.empty() || !e.functions.empty(); };
        bool needs = !column.type.name.schema.empty() ||
                     (column.collation && !schema.dialect->is_builtin_schema(column.collation->schema)) ||
                     (column.default_value && refers(*column.default_value)) ||
                     (column.generated != GeneratedKind::none && refers(*column.generation));
        if (!needs) {
            continue;
        }
        ObjectKey col = table_scoped_key(ObjectKind::column, table.name, column.name);
        c.node(col);
        c.edge(col, key);
        c.type(col, column.type);
        c.collation(col, column.collation);
        c.expression(col, column.default_value);
        if (column.generated != GeneratedKind::none) {
            c.expression(col, *column.generation);
        }
    }
    for (const auto& parent : table.inherits) {
        c.edge(key, object_key(ObjectKind::table, parent));
    }
    if (table.partition_of) {
        c.edge(key, object_key(ObjectKind::table, *table.partition_of), DependencyKind::partition_of);
    }
    for (const auto& element : table.partition_key) {
        c.expression(key, element.expression);
        c.collation(key, element.collation);
    }
    for (const auto& constraint : table.constraints) {
        ObjectKey con = table_scoped_key(ObjectKind::constraint, table.name, constraint.name);
        c.node(con);
        c.edge(con, key);
        c.expression(con, constraint.check);
        c.expression(con, constraint.where);
        for (const auto& element : constraint.exclusion) {
            c.expression(con, element.expression);
        }
        if (constraint.kind != ConstraintKind::foreign_key) {
            continue;
        }
        ObjectKey ref = object_key(ObjectKind::table, constraint.ref_table);
        c.edge(con, ref);
        // The referenced columns need a unique constraint or index before the FK.
        if (auto target = schema.tables.find(constraint.ref_table); target != schema.tables.end()) {
            for (const auto& other : target->second.constraints) {
                bool unique = other.kind == ConstraintKind::primary_key || other.kind == ConstraintKind::unique;
                bool pk_default = constraint.ref_columns.empty() && other.kind == ConstraintKind::primary_key;
                if (unique && (pk_default || same_column_set(other.columns, constraint.ref_columns))) {
                    c.edge(con, table_scoped_key(ObjectKind::constraint, constraint.ref_table, other.name));
                }
            }
        }
        auto candidates = unique_indexes.find(constraint.ref_table);
        if (candidates == unique_indexes.end()) {
            continue;
        }
        for (const Index* index_ptr : candidates->second) {
            const Index& index = *index_ptr;
            const QualifiedName& index_name = index.name;
            std::vector<std::string> columns;
            for (const auto& element : index.elements) {
                columns.push_back(element.column);
            }
            if (same_column_set(columns, constraint.ref_columns)) {
                c.edge(con, object_key(ObjectKind::index, index_name));
            }
        }
    }
}

void add_type_edges(EdgeCollector& c, const ObjectResolver& resolver, const TypeDef& type) {
    ObjectKey key = object_key(ObjectKind::type, type.name);
    c.node(key);
    for (const auto& attribute : type.attributes) {
        c.type(key, attribute.type);
        c.collation(key, attribute.collation);
    }
    if (type.kind == TypeKind::domain) {
        c.type(key, type.base_type);
        c.collation(key, type.collation);
        c.expression(key, type.default_value);
        for (const auto& constraint : type.constraints) {
            c.expression(key, constraint.check);
        }
    }
    for (const auto& [option, value] : type.options) {
        QualifiedName name = ObjectResolver::parse_name(value);
        if (option == "subtype" || option == "element" || option == "like") {
            c.edge(key, resolver.type_name(resolver.with_default_schema(name)));
        } else if (option == "subtype_opclass" || option == "collation" || option == "category" ||
                   option == "preferred" || option == "default" || option == "delimiter" ||
                   option == "internallength" || option == "alignment" || option == "storage" ||
                   option == "passedbyvalue" || option == "multirange_type_name") {
            continue;
        } else {
            // canonical, subtype_diff, input, output, receive, send, typmod_in, ...
            c.routines(key, name);
        }
    }
}

// An operator class or family needs its types, its family, the operators and functions
// it names (the exact signatures), and a FOR ORDER BY family.
void add_opclass_edges(EdgeCollector& c, const ObjectResolver& resolver, const Schema& schema, const ObjectKey& key,
                       const Function& function) {
    auto family_edge = [&](const std::string& value, const std::string& am) {
        QualifiedName name = ObjectResolver::parse_name(value);
        std::string args = opclass_identity_args(RoutineKind::operator_family, am);
        if (schema.functions.contains(RoutineName{name, args})) {
            c.edge(key, object_key(ObjectKind::operator_family, name, args));
        }
    };
    auto routine_edge = [&](ObjectKind kind, const QualifiedName& name, const std::string& args) {
        if (schema.functions.contains(RoutineName{name, args})) {
            c.edge(key, object_key(kind, name, args));
        }
    };
    const std::string am = access_method(key.args);
    for (const auto& [option, value] : function.operator_options) {
        if (option == "type" || option == "storage") {
            c.edge(key, resolver.type_name(signature_type(value).name));
        } else if (option == "family") {
            family_edge(value, am);
        } else if (option.starts_with("operator ") || option.starts_with("function ")) {
            std::vector<std::string> types = signature_types(option);
            for (const auto& t : types) {
                c.edge(key, resolver.type_name(signature_type(t).name));
            }
            if (option.starts_with("operator ")) {
                std::string op = value;
                if (auto order = op.find(" FOR ORDER BY "); order != std::string::npos) {
                    family_edge(op.substr(order + 14), "btree");
                    op.resize(order);
                }
                std::string args;
                for (const auto& t : types) {
                    if (t != "NONE") {
                        args += (args.empty() ? "" : ", ") + t;
                    }
                }
                routine_edge(ObjectKind::operator_, ObjectResolver::parse_name(op), args);
            } else if (auto open = value.find('('); open != std::string::npos) {
                std::string args = value.substr(open + 1, value.size() - open - 2);
                for (const auto& t : signature_types("(" + args + ")")) {
                    c.edge(key, resolver.type_name(signature_type(t).name));
                }
                QualifiedName name = ObjectResolver::parse_name(value.substr(0, open));
                for (ObjectKind kind : {ObjectKind::function, ObjectKind::procedure}) {
                    routine_edge(kind, name, args);
                }
            }
        }
    }
}

void add_function_edges(EdgeCollector& c, const ObjectResolver& resolver, const Schema& schema, const RoutineName& id,
                        const Function& function) {
    ObjectKey key = object_key(object_kind(function.kind), id.name, id.args);
    c.node(key);
    for (const auto& arg : function.args) {
        c.type(key, arg.type);
        c.expression(key, arg.default_value);
    }
    if (function.returns) {
        c.type(key, *function.returns);
    }
    for (const auto& type : function.aggregate_order_args) {
        c.type(key, type);
    }
    if (!function.support.empty()) {
        c.routines(key, ObjectResolver::parse_name(function.support));
    }
    c.expression(key, function.body_references);
    for (const auto& [option, value] : function.aggregate_options) {
        QualifiedName name = ObjectResolver::parse_name(value);
        if (option.ends_with("func")) {
            c.routines(key, name);
        } else if (option == "stype" || option == "mstype") {
            c.edge(key, resolver.type_name(name));
        }
    }
    // An operator needs its function and selectivity estimators (any overload of the name:
    // the engine resolves them by argument types). Its commutator and negator are not
    // needed first: the engine creates a shell for an operator it does not know yet.
    if (is_opclass_kind(function.kind)) {
        add_opclass_edges(c, resolver, schema, key, function);
        return;
    }
    for (const auto& [option, value] : function.operator_options) {
        if (option == "function" || option == "restrict" || option == "join") {
            c.routines(key, ObjectResolver::parse_name(value));
        }
    }
}

// One element of a key that an access method indexes (an index, an exclusion constraint, a
// partition key): its column (empty for an expression) and the operator class it names.
struct OpclassUse {
    const std::string& column;
    const std::string& opclass;
};

// The column's type as operator classes and operator signatures spell it.
std::string column_type_text(const Column& column) {
    std::string type = column.type.name.to_string();
    for (int i = 0; i < column.type.array_dims; ++i) {
        type += "[]";
    }
    return type;
}

// The operator class of each element: the one it names, else the default class of its
// column's type for the access method (both only when the schema defines them).
void add_opclass_use_edges(EdgeCollector& c, const Schema& schema, const ObjectKey& key, const Table* table,
                           const std::string& method, const std::vector<OpclassUse>& elements,
                           const std::map<std::pair<std::string, std::string>, ObjectKey>& defaults) {
    for (const auto& element : elements) {
        if (!element.opclass.empty()) {
            QualifiedName name = ObjectResolver::parse_name(element.opclass);
            std::string args = opclass_identity_args(RoutineKind::operator_class, method);
            if (!name.schema.empty() && schema.functions.contains(RoutineName{name, args})) {
                c.edge(key, object_key(ObjectKind::operator_class, name, args));
            }
            continue;
        }
        if (table == nullptr || element.column.empty() || defaults.empty()) {
            continue;
        }
        if (const Column* column = table->find_column(element.column)) {
            if (auto d = defaults.find({column_type_text(*column), method}); d != defaults.end()) {
                c.edge(key, d->second);
            }
        }
    }
}

const Table* table_of(const Schema& schema, const QualifiedName& name) {
    auto it = schema.tables.find(name);
    return it == schema.tables.end() ? nullptr : &it->second;
}

void add_index_opclass_edges(EdgeCollector& c, const Schema& schema, const ObjectKey& key, const Index& index,
                             const std::map<std::pair<std::string, std::string>, ObjectKey>& defaults) {
    std::vector<OpclassUse> uses;
    uses.reserve(index.elements.size());
    for (const auto& element : index.elements) {
        uses.push_back({element.column, element.opclass});
    }
    add_opclass_use_edges(c, schema, key, table_of(schema, index.table), index.method, uses, defaults);
}

// A partition key is indexed by btree (range, list) or hash (hash) operator classes; an
// exclusion constraint by its USING method (btree when unnamed) and compares with the
// operators it names: a user-defined one, taking the column's type on both sides, comes
// first.
void add_table_opclass_edges(EdgeCollector& c, const ObjectResolver& resolver, const Schema& schema,
                             const Table& table,
                             const std::map<std::pair<std::string, std::string>, ObjectKey>& defaults) {
    if (!table.partition_key.empty()) {
        std::vector<OpclassUse> uses;
        for (const auto& element : table.partition_key) {
            uses.push_back({element.column, element.opclass});
        }
        const std::string method = table.partition_strategy == PartitionStrategy::hash ? "hash" : "btree";
        add_opclass_use_edges(c, schema, object_key(ObjectKind::table, table.name), &table, method, uses, defaults);
    }
    for (const auto& constraint : table.constraints) {
        if (constraint.exclusion.empty()) {
            continue;
        }
        ObjectKey con = table_scoped_key(ObjectKind::constraint, table.name, constraint.name);
        std::vector<OpclassUse> uses;
        for (const auto& element : constraint.exclusion) {
            uses.push_back({element.column, element.opclass});
            const Column* column = element.column.empty() ? nullptr : table.find_column(element.column);
            if (column == nullptr || element.op.empty()) {
                continue;
            }
            QualifiedName op = resolver.with_default_schema(ObjectResolver::parse_name(element.op));
            const std::string type = signature_type_text(column->type);
            if (schema.functions.contains(RoutineName{op, type + ", " + type})) {
                c.edge(con, object_key(ObjectKind::operator_, op, type + ", " + type));
            }
        }
        const std::string method = constraint.using_method.empty() ? "btree" : constraint.using_method;
        add_opclass_use_edges(c, schema, con, &table, method, uses, defaults);
    }
}

}  // namespace

DependencyGraph DependencyGraph::build(const Schema& schema) {
    DependencyGraph graph;
    ObjectResolver resolver(schema);
    EdgeCollector c(graph, resolver);

    for (const auto& [name, ns] : schema.namespaces) {
        c.node(schema_key(name));
    }
    for (const auto& [name, extension] : schema.extensions) {
        ObjectKey key;
        key.kind = ObjectKind::extension;
        key.name = name;
        c.node(key);
        if (!extension.schema.empty()) {
            c.edge(key, resolver.namespace_of(extension.schema));
        }
    }
    for (const auto& [name, collation] : schema.collations) {
        c.node(object_key(ObjectKind::collation, name));
    }
    for (const auto& [name, type] : schema.types) {
        add_type_edges(c, resolver, type);
    }
    for (const auto& [name, dictionary] : schema.text_search_dictionaries) {
        c.node(object_key(ObjectKind::text_search_dictionary, name));
    }
    for (const auto& [name, config] : schema.text_search_configurations) {
        ObjectKey key = object_key(ObjectKind::text_search_configuration, name);
        c.node(key);
        for (const auto& [option, value] : config.options) {
            if (option == "copy") {
                QualifiedName source = ObjectResolver::parse_name(value);
                if (schema.text_search_configurations.contains(source)) {
                    c.edge(key, object_key(ObjectKind::text_search_configuration, source));
                }
            }
        }
        for (const auto& [token, dictionaries] : config.mappings) {
            std::size_t start = 0;
            while (start <= dictionaries.size()) {
                std::size_t comma = dictionaries.find(',', start);
                std::string part = dictionaries.substr(start, comma == std::string::npos ? std::string::npos
                                                                                          : comma - start);
                QualifiedName dict = ObjectResolver::parse_name(part);
                dict = resolver.with_default_schema(dict);
                if (schema.text_search_dictionaries.contains(dict)) {
                    c.edge(key, object_key(ObjectKind::text_search_dictionary, dict));
                }
                if (comma == std::string::npos) {
                    break;
                }
                start = comma + 1;
            }
        }
    }
    for (const auto& [name, sequence] : schema.sequences) {
        ObjectKey key = object_key(ObjectKind::sequence, name);
        c.node(key);
        if (sequence.owned_by) {
            c.edge(key, object_key(ObjectKind::table, sequence.owned_by->table), DependencyKind::owned_by);
        }
    }
    // Operator classes the schema defines: an index names one, or uses the default one of
    // its column's type.
    std::map<std::pair<std::string, std::string>, ObjectKey> opclass_defaults;  // (type, method) -> class
    bool any_opclass = false;
    for (const auto& [id, function] : schema.functions) {
        if (function.kind != RoutineKind::operator_class) {
            continue;
        }
        any_opclass = true;
        bool is_default = false;
        std::string type;
        for (const auto& [option, value] : function.operator_options) {
            is_default = is_default || option == "default";
            type = option == "type" ? value : type;
        }
        if (is_default) {
            opclass_defaults.emplace(std::pair{type, access_method(id.args)},
                                     object_key(ObjectKind::operator_class, id.name, id.args));
        }
    }
    // Unique, non-partial indexes by table: FKs may reference them (looked up per FK).
    UniqueIndexes unique_indexes;
    for (const auto& [name, index] : schema.indexes) {
        if (index.unique && index.predicate.empty()) {
            unique_indexes[index.table].push_back(&index);
        }
    }
    const bool any_operator =
        any_opclass || std::ranges::any_of(schema.functions, [](const auto& entry) {
            return entry.second.kind == RoutineKind::operator_;
        });
    for (const auto& [name, table] : schema.tables) {
        add_table_edges(c, schema, table, unique_indexes);
        if (any_operator) {
            add_table_opclass_edges(c, resolver, schema, table, opclass_defaults);
        }
    }
    for (const auto& [name, view] : schema.views) {
        ObjectKey key = object_key(view.materialized ? ObjectKind::materialized_view : ObjectKind::view, name);
        c.node(key);
        c.expression(key, view.query);
        for (const auto& column : view.column_details) {
            c.expression(key, column.default_value);
        }
    }
    for (const auto& [name, index] : schema.indexes) {
        ObjectKey key = object_key(ObjectKind::index, name);
        c.node(key);
        c.edge(key, resolver.relation(index.table));
        for (const auto& element : index.elements) {
            c.expression(key, element.expression);
            c.collation(key, element.collation);
        }
        c.expression(key, index.predicate);
        if (index.attached_to) {
            c.edge(key, object_key(ObjectKind::index, *index.attached_to), DependencyKind::index_attach);
        }
        if (!opclass_defaults.empty() || any_opclass) {
            add_index_opclass_edges(c, schema, key, index, opclass_defaults);
        }
    }
    for (const auto& [id, function] : schema.functions) {
        add_function_edges(c, resolver, schema, id, function);
    }
    for (const auto& [id, trigger] : schema.triggers) {
        ObjectKey key = table_scoped_key(ObjectKind::trigger, trigger.table, trigger.name);
        c.node(key);
        c.edge(key, resolver.relation(trigger.table));
        c.routines(key, trigger.function);
        c.expression(key, trigger.when);
        if (trigger.from_table) {
            c.edge(key, resolver.relation(*trigger.from_table));
        }
    }
    for (const auto& [id, policy] : schema.policies) {
        ObjectKey key = table_scoped_key(ObjectKind::policy, policy.table, policy.name);
        c.node(key);
        c.edge(key, resolver.relation(policy.table));
        c.expression(key, policy.using_expr);
        c.expression(key, policy.check_expr);
    }
    graph.deduplicate();
    return graph;
}

void DependencyGraph::deduplicate() {
    std::sort(edges_.begin(), edges_.end());
    edges_.erase(std::unique(edges_.begin(), edges_.end()), edges_.end());
    edges_.shrink_to_fit();
    by_to_.resize(edges_.size());
    std::iota(by_to_.begin(), by_to_.end(), 0u);
    // edges_ is in (from, to, kind) order: a stable sort by `to` keeps the rest of it.
    std::ranges::stable_sort(by_to_, {}, [this](std::uint32_t index) { return edges_[index].to; });
    sorted_ = true;
}

}  // namespace schemerge::model
