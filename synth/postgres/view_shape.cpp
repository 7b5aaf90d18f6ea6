#include "synth/postgres/view_shape.hpp"

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>
#include <pg_query.h>

namespace schemerge::synth::postgres {

namespace {

using nlohmann::json;

// Removes the "location" members (byte offsets) so that equal expressions at
// different places of the text compare equal.
void strip_locations(json& node) {
    if (node.is_object()) {
        node.erase("location");
        for (auto& [key, value] : node.items()) {
            strip_locations(value);
        }
    } else if (node.is_array()) {
        for (auto& value : node) {
            strip_locations(value);
        }
    }
}

bool contains_star(const json& node) {
    if (node.is_object()) {
        if (node.contains("A_Star")) {
            return true;
        }
        for (const auto& [key, value] : node.items()) {
            if (contains_star(value)) {
                return true;
            }
        }
    } else if (node.is_array()) {
        for (const auto& value : node) {
            if (contains_star(value)) {
                return true;
            }
        }
    }
    return false;
}

// The select list of a plain SELECT, one canonical JSON text per entry (alias
// included), or nothing when the shape cannot be compared.
std::optional<std::vector<std::string>> select_list(const std::string& query) {
    PgQueryParseResult result = pg_query_parse(query.c_str());
    std::optional<std::vector<std::string>> out;
    if (result.error == nullptr && result.parse_tree != nullptr) {
        json tree = json::parse(result.parse_tree, nullptr, false);
        if (!tree.is_discarded() && tree.contains("stmts") && tree["stmts"].size() == 1) {
            const json& stmt = tree["stmts"][0]["stmt"];
            if (stmt.contains("SelectStmt")) {
                const json& select = stmt["SelectStmt"];
                bool plain = select.value("op", "SETOP_NONE") == "SETOP_NONE" && !select.contains("valuesLists") &&
                             select.contains("targetList");
                if (plain) {
                    std::vector<std::string> entries;
                    for (json entry : select["targetList"]) {
                        if (contains_star(entry)) {
                            entries.clear();
                            plain = false;
                            break;
                        }
                        strip_locations(entry);
                        entries.push_back(entry.dump());
                    }
                    if (plain) {
                        out = std::move(entries);
                    }
                }
            }
        }
    }
    pg_query_free_parse_result(result);
    return out;
}

template <typename T>
bool is_prefix(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() > b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool view_replaceable_in_place(const model::View& before, const model::View& after) {
    if (before.materialized || after.materialized || before.recursive || after.recursive) {
        return false;
    }
    if (!is_prefix(before.column_names, after.column_names) ||
        (before.column_names.empty() && !after.column_names.empty())) {
        return false;
    }
    // Names given in a list override the select list's; a list that stops short
    // leaves the rest to the select list, so both must agree position by position.
    auto old_list = select_list(before.query.text);
    auto new_list = select_list(after.query.text);
    if (!old_list || !new_list) {
        return false;
    }
    return is_prefix(*old_list, *new_list);
}

}  // namespace schemerge::synth::postgres
