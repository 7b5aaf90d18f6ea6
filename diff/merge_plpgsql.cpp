// PL/pgSQL bodies are opaque text to the model; the merge still checks that the tables
// their SQL statements name survive it. libpg_query compiles the body
// (pg_query_parse_plpgsql), each embedded query is parsed on its own and its RangeVars
// collected. Best effort: a body or query that does not parse is skipped.
#include <pg_query.h>

#include <nlohmann/json.hpp>
#include <set>

#include "diff/merge_context.hpp"

namespace schemerge::diff::detail {

namespace {

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

void collect_queries(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (k == "query" && v.is_string()) {
                out.push_back(v.get<std::string>());
            } else {
                collect_queries(v, out);
            }
        }
    } else if (j.is_array()) {
        for (const auto& v : j) {
            collect_queries(v, out);
        }
    }
}

// RangeVars appear wrapped ({"RangeVar": {...}}) where the field is a generic node and
// bare where the field is typed (UpdateStmt.relation): an object with "relname" is one.
void collect_relations(const nlohmann::json& j, std::vector<model::QualifiedName>& out, std::set<std::string>& ctes) {
    if (j.is_object()) {
        if (j.contains("relname") && j["relname"].is_string()) {
            out.push_back({j.value("schemaname", std::string{}), j["relname"].get<std::string>()});
        }
        if (j.contains("ctename") && j["ctename"].is_string()) {
            ctes.insert(j["ctename"].get<std::string>());
        }
        for (const auto& [k, v] : j.items()) {
            collect_relations(v, out, ctes);
        }
    } else if (j.is_array()) {
        for (const auto& v : j) {
            collect_relations(v, out, ctes);
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

}  // namespace

std::optional<std::vector<model::QualifiedName>> plpgsql_relations(const model::Function& function) {
    std::string args;
    for (const auto& a : function.args) {
        if (a.mode == model::ArgMode::out || a.mode == model::ArgMode::table) {
            continue;
        }
        args += (args.empty() ? "" : ", ") + (a.name.empty() ? "" : "\"" + a.name + "\" ") + value_text(a.type);
    }
    std::string returns = function.returns ? value_text(*function.returns) : "void";
    std::string sql = "CREATE FUNCTION f(" + args + ") RETURNS " + returns + " LANGUAGE plpgsql AS " +
                      dollar_quote(function.body);
    auto text = plpgsql_json(sql);
    if (!text) {
        return std::nullopt;
    }
    auto tree = nlohmann::json::parse(*text, nullptr, false);
    if (tree.is_discarded()) {
        return std::nullopt;
    }
    std::vector<std::string> queries;
    collect_queries(tree, queries);
    std::vector<model::QualifiedName> relations;
    for (const auto& q : queries) {
        auto parsed = parse_json(q);
        if (!parsed) {
            continue;
        }
        auto j = nlohmann::json::parse(*parsed, nullptr, false);
        if (j.is_discarded()) {
            continue;
        }
        std::vector<model::QualifiedName> found;
        std::set<std::string> ctes;
        collect_relations(j, found, ctes);
        for (auto& r : found) {
            if (r.schema.empty()) {
                if (ctes.contains(r.name) || r.name == "new" || r.name == "old") {
                    continue;
                }
                // Unqualified names resolve on the default search path, like the front end's.
                r.schema = "public";
            }
            relations.push_back(r);
        }
    }
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    return relations;
}

}  // namespace schemerge::diff::detail
