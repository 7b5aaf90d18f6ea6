// What a routine body reads and writes (routine_body.hpp). Function bodies are opaque text
// to the model; the merge still checks that the tables and columns their SQL statements
// name survive it, from the record made here while loading. PL/pgSQL bodies are compiled
// by libpg_query (pg_query_parse_plpgsql) and each embedded query is parsed on its own;
// SQL-language bodies (AS '...' or BEGIN ATOMIC / RETURN) are parsed as SQL. Best effort:
// a body or query that does not parse is skipped.
//
// Columns are collected conservatively, because a body also names variables and
// parameters that look like columns: a column is attributed to a relation only when the
// statement says which one (a qualifier naming a FROM / UPDATE / INSERT / DELETE relation
// or its alias, a 3-part schema.table.column, INSERT column lists, UPDATE SET targets,
// ON CONFLICT targets) or when the statement level has a single relation and the name is
// no variable, parameter or output name of the statement. NEW.x / OLD.x are recorded as
// trigger-row columns: the merge knows which table's triggers run the function.
#include "parser/postgres/routine_body.hpp"

#include <pg_query.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace schemerge::parser::postgres {

namespace {

using nlohmann::json;

// RAII over the two C results (no exception may cross the C boundary: all parsing of
// their text happens after they are copied out).
std::optional<std::string> plpgsql_json(const std::string& sql) {
    PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(sql.c_str());
    std::optional<std::string> out;
    if (r.error == nullptr && r.plpgsql_funcs != nullptr) {
        out = std::string(r.plpgsql_funcs);
    }
    pg_query_free_plpgsql_parse_result(r);
    return out;
}

std::optional<std::string> parse_json(const std::string& sql) {
    PgQueryParseResult r = pg_query_parse(sql.c_str());
    std::optional<std::string> out;
    if (r.error == nullptr && r.parse_tree != nullptr) {
        out = std::string(r.parse_tree);
    }
    pg_query_free_parse_result(r);
    return out;
}

std::optional<json> parse_tree(const std::string& sql) {
    auto text = parse_json(sql);
    if (!text) {
        return std::nullopt;
    }
    auto j = json::parse(*text, nullptr, false);
    if (j.is_discarded()) {
        return std::nullopt;
    }
    return j;
}

std::uint32_t newlines(std::string_view text) {
    return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

// One parsed statement, with the text it was parsed from and the source line of that
// text's first character (0 = unknown): node locations are byte offsets into the text.
struct ParsedQuery {
    json tree;
    std::string text;
    std::uint32_t line = 0;

    // The source line of a node (its "location"; the text's first line without one).
    [[nodiscard]] std::uint32_t line_of(const json& node) const {
        if (line == 0) {
            return 0;
        }
        auto it = node.find("location");
        if (it == node.end() || !it->is_number_integer() || it->get<long long>() <= 0) {
            return line;
        }
        auto offset = std::min(static_cast<std::size_t>(it->get<long long>()), text.size());
        return line + newlines(std::string_view(text).substr(0, offset));
    }
};

std::optional<ParsedQuery> parse_query(std::string text, std::uint32_t line) {
    auto tree = parse_tree(text);
    if (!tree) {
        return std::nullopt;
    }
    return ParsedQuery{std::move(*tree), std::move(text), line};
}

// PL/pgSQL keeps expressions as query text without SELECT ("x > 0", "EXISTS (...)") and
// assignments as "target := expr" (PostgreSQL 14+): both are parsed as SELECT lists.
std::vector<ParsedQuery> parse_plpgsql_query(const std::string& q, std::uint32_t line) {
    if (auto j = parse_query(q, line)) {
        return {std::move(*j)};
    }
    if (auto j = parse_query("SELECT " + q, line)) {
        return {std::move(*j)};
    }
    std::vector<ParsedQuery> out;
    if (auto pos = q.find(":="); pos != std::string::npos) {
        std::uint32_t rhs_line = line == 0 ? 0 : line + newlines(std::string_view(q).substr(0, pos + 2));
        for (const auto& [part, part_line] : {std::pair{q.substr(0, pos), line}, std::pair{q.substr(pos + 2), rhs_line}}) {
            if (auto j = parse_query("SELECT " + part, part_line)) {
                out.push_back(std::move(*j));
            }
        }
    }
    return out;
}

// The embedded queries of a compiled PL/pgSQL function, each with the body line of the
// statement it belongs to (PL/pgSQL's lineno: 1 = the body's first line; 0 outside any
// statement, as DECLARE defaults are).
void collect_queries(const json& j, std::vector<std::pair<std::string, std::uint32_t>>& out, std::uint32_t lineno) {
    if (j.is_object()) {
        if (auto it = j.find("lineno"); it != j.end() && it->is_number_integer() && it->get<long long>() > 0) {
            lineno = static_cast<std::uint32_t>(it->get<long long>());
        }
        for (const auto& [k, v] : j.items()) {
            if (k == "query" && v.is_string()) {
                out.emplace_back(v.get<std::string>(), lineno);
            } else {
                collect_queries(v, out, lineno);
            }
        }
    } else if (j.is_array()) {
        for (const auto& v : j) {
            collect_queries(v, out, lineno);
        }
    }
}

// PL/pgSQL variables (parameters, DECLAREd names, loop records, FOUND, NEW/OLD): every
// datum's refname.
void collect_refnames(const json& j, std::set<std::string>& out) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (k == "refname" && v.is_string()) {
                out.insert(v.get<std::string>());
            } else {
                collect_refnames(v, out);
            }
        }
    } else if (j.is_array()) {
        for (const auto& v : j) {
            collect_refnames(v, out);
        }
    }
}

bool is_dml(const std::string& node) {
    return node == "InsertStmt" || node == "UpdateStmt" || node == "DeleteStmt" || node == "MergeStmt";
}

// RangeVars appear wrapped ({"RangeVar": {...}}) where the field is a generic node and
// bare where the field is typed (UpdateStmt.relation): an object with "relname" is one.
// `write`: `j` is the target relation of an INSERT / UPDATE / DELETE / MERGE.
void collect_relations(const ParsedQuery& q, const json& j, std::vector<model::BodyReference>& out,
                       std::set<std::string>& ctes, bool write) {
    if (j.is_object()) {
        if (j.contains("relname") && j["relname"].is_string()) {
            model::BodyReference r;
            r.relation = {j.value("schemaname", std::string{}), j["relname"].get<std::string>()};
            r.access = write ? model::BodyAccess::write : model::BodyAccess::read;
            r.line = q.line_of(j);
            out.push_back(std::move(r));
        }
        if (j.contains("ctename") && j["ctename"].is_string()) {
            ctes.insert(j["ctename"].get<std::string>());
        }
        for (const auto& [k, v] : j.items()) {
            if (is_dml(k) && v.is_object()) {
                for (const auto& [field, child] : v.items()) {
                    collect_relations(q, child, out, ctes, field == "relation");
                }
            } else {
                collect_relations(q, v, out, ctes, false);
            }
        }
    } else if (j.is_array()) {
        for (const auto& v : j) {
            collect_relations(q, v, out, ctes, false);
        }
    }
}

std::string dollar_quote(const std::string& body) {
    std::string tag = "$body$";
    for (int i = 0; body.find(tag) != std::string::npos; ++i) {
        tag = "$body" + std::to_string(i) + "$";
    }
    return tag + body + tag;
}

// The names visible at one level of a statement: FROM / target relations by alias (or
// name), each a known relation or opaque (subquery, function, CTE, VALUES).
struct Scope {
    std::map<std::string, std::optional<model::QualifiedName>> names;
    std::size_t items = 0;          // FROM items (and the target); a joined alias counts as ambiguous
    std::set<std::string> outputs;  // SELECT output names (ORDER BY / GROUP BY may use them)
    const Scope* outer = nullptr;

    // The one relation of this level, if there is exactly one and it is known.
    [[nodiscard]] std::optional<model::QualifiedName> single() const {
        if (items != 1 || names.size() != 1) {
            return std::nullopt;
        }
        return names.begin()->second;
    }
};

class ColumnCollector {
public:
    ColumnCollector(std::set<std::string> variables, std::string default_schema, std::set<std::string> ctes)
        : variables_(std::move(variables)), default_schema_(std::move(default_schema)), ctes_(std::move(ctes)) {}

    void walk_query(const ParsedQuery& q, const Scope& scope) {
        query_ = &q;
        walk(q.tree, scope);
        query_ = nullptr;
    }

    void walk(const json& j, const Scope& scope) {
        if (j.is_array()) {
            for (const auto& v : j) {
                walk(v, scope);
            }
            return;
        }
        if (!j.is_object()) {
            return;
        }
        for (const auto& [k, v] : j.items()) {
            if (k == "SelectStmt") {
                select(v, scope);
            } else if (k == "InsertStmt") {
                insert(v, scope);
            } else if (k == "UpdateStmt") {
                update(v, scope);
            } else if (k == "DeleteStmt") {
                remove(v, scope);
            } else if (k == "ColumnRef") {
                column_ref(v, scope);
            } else {
                walk(v, scope);
            }
        }
    }

    std::vector<model::BodyReference> take() { return std::move(found_); }

private:
    std::set<std::string> variables_;
    std::string default_schema_;
    std::set<std::string> ctes_;
    const ParsedQuery* query_ = nullptr;
    std::vector<model::BodyReference> found_;

    static const json& field(const json& j, const char* name) {
        static const json k_null;
        auto it = j.find(name);
        return it == j.end() ? k_null : *it;
    }

    std::optional<model::QualifiedName> relation_of(const json& range_var) const {
        std::string schema = range_var.value("schemaname", std::string{});
        std::string name = range_var.value("relname", std::string{});
        if (name.empty() || (schema.empty() && ctes_.contains(name))) {
            return std::nullopt;
        }
        // Unqualified names resolve on the default search path, like the front end's.
        return model::QualifiedName{schema.empty() ? default_schema_ : schema, name};
    }

    static std::string alias_of(const json& node) {
        const json& alias = field(node, "alias");
        return alias.is_object() ? alias.value("aliasname", std::string{}) : std::string{};
    }

    void add_range_var(const json& rv, Scope& scope) const {
        std::string alias = alias_of(rv);
        std::string name = alias.empty() ? rv.value("relname", std::string{}) : alias;
        scope.names[name] = relation_of(rv);
        ++scope.items;
    }

    // FROM items: relations by alias, joins recursively, anything else opaque.
    void add_from(const json& item, Scope& scope) const {
        if (!item.is_object() || item.empty()) {
            return;
        }
        const auto& [kind, node] = *item.items().begin();
        if (kind == "RangeVar") {
            add_range_var(node, scope);
        } else if (kind == "JoinExpr") {
            add_from(field(node, "larg"), scope);
            add_from(field(node, "rarg"), scope);
            if (!alias_of(node).empty()) {
                // A join alias hides its members' names: nothing here is unambiguous.
                scope.names[alias_of(node)] = std::nullopt;
                scope.items += 2;
            }
        } else {
            std::string alias = alias_of(node);
            if (!alias.empty()) {
                scope.names[alias] = std::nullopt;
            }
            scope.items += alias.empty() ? 2 : 1;  // an unnamed item: keep unqualified names ambiguous
        }
    }

    // WITH: every name first (a recursive CTE names itself), then each query.
    void add_ctes(const json& with, const Scope& outer) {
        for (const auto& cte : field(with, "ctes")) {
            const json& c = field(cte, "CommonTableExpr");
            if (c.is_object()) {
                ctes_.insert(c.value("ctename", std::string{}));
            }
        }
        for (const auto& cte : field(with, "ctes")) {
            walk(field(field(cte, "CommonTableExpr"), "ctequery"), outer);
        }
    }

    // `at`: the node whose location gives the line.
    void record(const model::QualifiedName& relation, const std::string& column, const json& at,
                model::BodyAccess access = model::BodyAccess::read, bool trigger_row = false) {
        if (!column.empty()) {
            model::BodyReference r;
            r.relation = relation;
            r.column = column;
            r.trigger_row = trigger_row;
            r.access = access;
            r.line = query_ != nullptr ? query_->line_of(at) : 0;
            found_.push_back(std::move(r));
        }
    }

    // ResTarget names of INSERT column lists / UPDATE SET / ON CONFLICT DO UPDATE SET.
    void targets(const json& list, const std::optional<model::QualifiedName>& target, const Scope& scope) {
        for (const auto& item : list) {
            const json& rt = field(item, "ResTarget");
            if (!rt.is_object()) {
                continue;
            }
            if (target) {
                record(*target, rt.value("name", std::string{}), rt, model::BodyAccess::write);
            }
            walk(field(rt, "val"), scope);
            walk(field(rt, "indirection"), scope);
        }
    }

    void select(const json& s, const Scope& outer) {
        add_ctes(field(s, "withClause"), outer);
        std::string op = s.value("op", std::string{"SETOP_NONE"});
        if (op != "SETOP_NONE") {
            select(field(s, "larg"), outer);
            select(field(s, "rarg"), outer);
            Scope none;
            none.outer = &outer;
            none.items = 2;  // output names of the set operation: not a relation's columns
            walk(field(s, "sortClause"), none);
            return;
        }
        Scope scope;
        scope.outer = &outer;
        for (const auto& item : field(s, "fromClause")) {
            add_from(item, scope);
        }
        for (const auto& t : field(s, "targetList")) {
            const json& rt = field(t, "ResTarget");
            if (rt.is_object() && rt.contains("name")) {
                scope.outputs.insert(rt.value("name", std::string{}));
            }
        }
        for (const char* part : {"fromClause", "targetList", "whereClause", "groupClause", "havingClause",
                                 "windowClause", "sortClause", "distinctClause", "valuesLists", "limitOffset",
                                 "limitCount"}) {
            walk(field(s, part), scope);
        }
    }

    void insert(const json& s, const Scope& outer) {
        add_ctes(field(s, "withClause"), outer);
        const json& rel = field(s, "relation");
        std::optional<model::QualifiedName> target = rel.is_object() ? relation_of(rel) : std::nullopt;
        // The SELECT / VALUES part cannot see the target table.
        walk(field(s, "selectStmt"), outer);
        Scope scope;
        scope.outer = &outer;
        if (rel.is_object()) {
            add_range_var(rel, scope);
            scope.names["excluded"] = target;  // ON CONFLICT ... DO UPDATE: the proposed row
        }
        targets(field(s, "cols"), target, scope);
        const json& on_conflict = field(s, "onConflictClause");
        if (on_conflict.is_object()) {
            for (const auto& elem : field(field(on_conflict, "infer"), "indexElems")) {
                const json& ie = field(elem, "IndexElem");
                if (ie.is_object() && target) {
                    record(*target, ie.value("name", std::string{}), ie);
                }
                walk(field(ie, "expr"), scope);
            }
            walk(field(field(on_conflict, "infer"), "whereClause"), scope);
            targets(field(on_conflict, "targetList"), target, scope);
            walk(field(on_conflict, "whereClause"), scope);
        }
        walk(field(s, "returningList"), scope);
    }

    void update(const json& s, const Scope& outer) {
        add_ctes(field(s, "withClause"), outer);
        const json& rel = field(s, "relation");
        Scope scope;
        scope.outer = &outer;
        std::optional<model::QualifiedName> target;
        if (rel.is_object()) {
            add_range_var(rel, scope);
            target = relation_of(rel);
        }
        for (const auto& item : field(s, "fromClause")) {
            add_from(item, scope);
        }
        targets(field(s, "targetList"), target, scope);
        for (const char* part : {"fromClause", "whereClause", "returningList"}) {
            walk(field(s, part), scope);
        }
    }

    void remove(const json& s, const Scope& outer) {
        add_ctes(field(s, "withClause"), outer);
        const json& rel = field(s, "relation");
        Scope scope;
        scope.outer = &outer;
        if (rel.is_object()) {
            add_range_var(rel, scope);
        }
        for (const auto& item : field(s, "usingClause")) {
            add_from(item, scope);
        }
        for (const char* part : {"usingClause", "whereClause", "returningList"}) {
            walk(field(s, part), scope);
        }
    }

    void column_ref(const json& ref, const Scope& scope) {
        std::vector<std::string> parts;
        for (const auto& f : field(ref, "fields")) {
            const json& str = field(f, "String");
            if (!str.is_object()) {
                return;  // `*`, `t.*`: no column named
            }
            parts.push_back(str.value("sval", std::string{}));
        }
        if (parts.size() == 1) {
            const std::string& column = parts[0];
            if (variables_.contains(column) || scope.outputs.contains(column)) {
                return;
            }
            if (auto r = scope.single()) {
                record(*r, column, ref);
            }
            return;
        }
        if (parts.size() == 2) {
            const std::string& qualifier = parts[0];
            for (const Scope* s = &scope; s != nullptr; s = s->outer) {
                if (auto it = s->names.find(qualifier); it != s->names.end()) {
                    if (it->second && !variables_.contains(qualifier)) {
                        record(*it->second, parts[1], ref);
                    }
                    return;
                }
            }
            // Trigger functions: NEW and OLD are rows of the trigger's table.
            if (qualifier == "new" || qualifier == "old") {
                record({}, parts[1], ref, model::BodyAccess::read, true);
            }
            return;
        }
        if (parts.size() == 3) {
            model::QualifiedName relation{parts[0], parts[1]};
            for (const Scope* s = &scope; s != nullptr; s = s->outer) {
                for (const auto& [name, r] : s->names) {
                    if (r && *r == relation && name == parts[1]) {
                        record(relation, parts[2], ref);
                        return;
                    }
                }
            }
        }
    }
};

// The type as the merge printed it when it compiled bodies itself (unquoted parts).
std::string type_text(const model::TypeRef& type) {
    std::string out = type.name.to_string();
    if (!type.modifiers.empty()) {
        std::string list;
        for (const auto& m : type.modifiers) {
            list += (list.empty() ? "" : ",") + m;
        }
        out += "(" + list + ")";
    }
    for (int i = 0; i < type.array_dims; ++i) {
        out += "[]";
    }
    return type.setof ? "SETOF " + out : out;
}

std::set<std::string> argument_names(const model::Function& function) {
    std::set<std::string> out;
    for (const auto& a : function.args) {
        if (!a.name.empty()) {
            out.insert(a.name);
        }
    }
    return out;
}

std::optional<std::vector<ParsedQuery>> plpgsql_queries(const model::Function& function,
                                                       std::set<std::string>& variables, std::uint32_t body_line) {
    // The body compiles against the routine's signature: OUT / INOUT parameters and RETURNS
    // TABLE columns are variables, and RETURN QUERY / RETURN NEXT need a set result.
    std::string args;
    std::string table_columns;
    bool out_args = false;
    for (const auto& a : function.args) {
        std::string name = a.name.empty() ? "" : "\"" + a.name + "\" ";
        if (a.mode == model::ArgMode::table) {
            table_columns += (table_columns.empty() ? "" : ", ") + name + type_text(a.type);
            continue;
        }
        const char* mode = a.mode == model::ArgMode::out      ? "OUT "
                           : a.mode == model::ArgMode::inout    ? "INOUT "
                           : a.mode == model::ArgMode::variadic ? "VARIADIC "
                                                                : "";
        out_args = out_args || a.mode == model::ArgMode::out || a.mode == model::ArgMode::inout;
        args += (args.empty() ? "" : ", ") + std::string(mode) + name + type_text(a.type);
    }
    std::string head;
    if (function.kind == model::RoutineKind::procedure) {
        head = "CREATE PROCEDURE f(" + args + ")";
    } else if (!table_columns.empty()) {
        head = "CREATE FUNCTION f(" + args + ") RETURNS TABLE (" + table_columns + ")";
    } else if (function.returns) {
        head = "CREATE FUNCTION f(" + args + ") RETURNS " + type_text(*function.returns);
    } else {
        head = "CREATE FUNCTION f(" + args + ")" + (out_args ? "" : " RETURNS void");
    }
    std::string sql = head + " LANGUAGE plpgsql AS " + dollar_quote(function.body);
    auto text = plpgsql_json(sql);
    if (!text) {
        return std::nullopt;
    }
    auto tree = json::parse(*text, nullptr, false);
    if (tree.is_discarded()) {
        return std::nullopt;
    }
    collect_refnames(tree, variables);
    std::vector<std::pair<std::string, std::uint32_t>> queries;
    collect_queries(tree, queries, 0);
    std::vector<ParsedQuery> out;
    for (const auto& [q, lineno] : queries) {
        std::uint32_t line = body_line == 0 || lineno == 0 ? 0 : body_line + lineno - 1;
        for (auto& j : parse_plpgsql_query(q, line)) {
            out.push_back(std::move(j));
        }
    }
    return out;
}

std::optional<std::vector<ParsedQuery>> sql_queries(const model::Function& function, const BodyLines& lines) {
    std::optional<ParsedQuery> query;
    if (!function.sql_body.empty()) {
        // BEGIN ATOMIC ... END / RETURN expr: only valid inside CREATE FUNCTION.
        query = parse_query("CREATE FUNCTION f() RETURNS void LANGUAGE sql " + function.sql_body, lines.sql_body);
    } else {
        query = parse_query(function.body, lines.body);
    }
    if (!query) {
        return std::nullopt;
    }
    std::vector<ParsedQuery> out;
    out.push_back(std::move(*query));
    return out;
}

}  // namespace

model::BodyDependencies analyse_routine_body(const model::Function& function, std::string_view default_schema,
                                             const BodyLines& lines) {
    model::BodyDependencies out;
    std::set<std::string> variables = argument_names(function);
    std::optional<std::vector<ParsedQuery>> queries;
    if (function.language == "plpgsql") {
        queries = plpgsql_queries(function, variables, lines.body);
    } else if (function.language == "sql") {
        queries = sql_queries(function, lines);
    }
    if (!queries) {
        return out;
    }
    out.analysed = true;
    std::set<std::string> ctes;
    for (const auto& q : *queries) {
        std::vector<model::BodyReference> found;
        std::set<std::string> query_ctes;
        collect_relations(q, q.tree, found, query_ctes, false);
        for (auto& r : found) {
            if (r.relation.schema.empty()) {
                if (query_ctes.contains(r.relation.name) || r.relation.name == "new" || r.relation.name == "old") {
                    continue;
                }
                // Unqualified names resolve on the default search path, like the front end's.
                r.relation.schema = std::string(default_schema);
            }
            out.references.push_back(std::move(r));
        }
        ctes.insert(query_ctes.begin(), query_ctes.end());
    }
    ColumnCollector columns(variables, std::string(default_schema), ctes);
    Scope top;
    for (const auto& q : *queries) {
        columns.walk_query(q, top);
    }
    for (auto& r : columns.take()) {
        out.references.push_back(std::move(r));
    }
    std::sort(out.references.begin(), out.references.end());
    out.references.erase(std::unique(out.references.begin(), out.references.end()), out.references.end());
    return out;
}

}  // namespace schemerge::parser::postgres
