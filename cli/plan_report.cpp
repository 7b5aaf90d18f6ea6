#include "cli/plan_report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>


namespace schemerge::cli {

namespace {

bool is_routine(model::ObjectKind kind) {
    return kind == model::ObjectKind::function || kind == model::ObjectKind::procedure ||
           kind == model::ObjectKind::aggregate || kind == model::ObjectKind::operator_ ||
           model::is_opclass_kind(kind);
}

std::string qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? name : schema + "." + name;
}

// The object a change is listed under in the markdown report: a table for its columns,
// constraints, indexes, triggers and policies; the object itself otherwise.
std::string group_of(const diff::Change& change) {
    const auto& key = change.key;
    if (!key.table.empty()) {
        return "table " + qualified(key.schema, key.table);
    }
    if (key.kind == model::ObjectKind::index) {
        const model::Index* index = nullptr;
        if (const auto* after = std::get_if<const model::Index*>(&change.after)) {
            index = *after;
        } else if (const auto* before = std::get_if<const model::Index*>(&change.before)) {
            index = *before;
        }
        if (index != nullptr) {
            return "table " + index->table.to_string();
        }
    }
    return std::string(model::to_string(key.kind)) + " " + object_name(key);
}

std::string suggestion_name(const diff::RenameSuggestion& s, const std::string& name) {
    if (!s.table.name.empty()) {
        return s.table.to_string() + "." + name;
    }
    return qualified(s.schema, name);
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string object_name(const model::ObjectKey& key) {
    std::string out;
    if (!key.schema.empty()) {
        out += key.schema + ".";
    }
    if (!key.table.empty()) {
        out += key.table + ".";
    }
    out += key.name;
    if (is_routine(key.kind)) {
        out += "(" + key.args + ")";
    }
    return out;
}

std::string rename_argument(const diff::RenameSuggestion& s, const model::DialectTraits& dialect) {
    std::string old_name;
    if (!s.table.name.empty()) {
        old_name = dialect.quote_qualified(dialect.schema_or_default(s.table.schema), s.table.name) + "." +
                   dialect.quote_identifier(s.from);
    } else {
        old_name = dialect.quote_qualified(dialect.schema_or_default(s.schema), s.from);
    }
    return fmt::format("{}:{}={}", model::to_string(s.kind), old_name, dialect.quote_identifier(s.to));
}

std::string describe_suggestion(const diff::RenameSuggestion& s, const model::DialectTraits& dialect) {
    if (diff::is_rejected_hint(s)) {
        // A rename hint that could not apply is not a likely rename: say why it was ignored.
        return fmt::format("rename {} -> {} ignored: {}", suggestion_name(s, s.from), suggestion_name(s, s.to),
                           s.reason.substr(std::string_view{"rename hint: "}.size()));
    }
    return fmt::format("{} looks renamed to {}{}; pass --rename {} if so", suggestion_name(s, s.from),
                       suggestion_name(s, s.to), s.reason.empty() ? "" : " (" + s.reason + ")", rename_argument(s, dialect));
}

std::string render_json(const PlanReport& report) {
    nlohmann::ordered_json out;
    out["changes"] = nlohmann::ordered_json::array();
    for (const auto& change : report.diff->changes.changes) {
        nlohmann::ordered_json c;
        c["kind"] = std::string(diff::to_string(change.kind));
        c["object_kind"] = std::string(model::to_string(change.key.kind));
        c["object"] = object_name(change.key);
        c["detail"] = change.detail_text();
        out["changes"].push_back(std::move(c));
    }
    out["steps"] = plan_steps_json(*report.plan);
    out["notes"] = report.plan->notes;
    out["suggestions"] = nlohmann::ordered_json::array();
    for (const auto& suggestion : report.diff->suggestions) {
        nlohmann::ordered_json s;
        s["kind"] = std::string(model::to_string(suggestion.kind));
        s["from"] = suggestion_name(suggestion, suggestion.from);
        s["to"] = suggestion_name(suggestion, suggestion.to);
        s["reason"] = suggestion.reason;
        s["rename"] = rename_argument(suggestion, *report.dialect->traits);
        out["suggestions"].push_back(std::move(s));
    }
    return out.dump(2) + "\n";
}

std::string render_markdown(const PlanReport& report) {
    const auto& changes = report.diff->changes.changes;
    const auto& plan = *report.plan;
    std::string out = fmt::format("## schemerge: `{}` → `{}`\n\n", report.from_name, report.to_name);

    // Hazards per change text, in plan order; counts per hazard id.
    std::map<std::string, std::vector<std::string>> hazards_of_change;
    std::map<std::string, std::size_t> hazard_counts;
    std::size_t outside_transaction = 0;
    for (const auto& step : plan.steps) {
        if (!step.transactional) {
            ++outside_transaction;
        }
        for (const auto& hazard : step.hazards) {
            ++hazard_counts[hazard.id];
            auto& ids = hazards_of_change[step.change];
            if (std::find(ids.begin(), ids.end(), hazard.id) == ids.end()) {
                ids.push_back(hazard.id);
            }
        }
    }

    if (changes.empty() && plan.empty()) {
        out += "✅ **No changes**: the schemas are identical.\n";
    } else {
        out += fmt::format("**{}**, **{}**", plural(changes.size(), "change", "changes"),
                           plural(plan.steps.size(), "statement", "statements"));
        if (outside_transaction > 0) {
            out += fmt::format(" ({} outside the transaction)", outside_transaction);
        }
        if (hazard_counts.empty()) {
            out += " · no hazards\n";
        } else {
            out += " · hazards:";
            bool first = true;
            for (const auto& [id, count] : hazard_counts) {
                out += fmt::format("{} ⚠️ **{}** ×{}", first ? "" : ",", id, count);
                first = false;
            }
            out += "\n";
        }
    }

    bool any_hazard = false;
    for (const auto& step : plan.steps) {
        for (const auto& hazard : step.hazards) {
            if (!any_hazard) {
                out += "\n### Hazards\n\n";
                any_hazard = true;
            }
            out += fmt::format("- ⚠️ **{}** — {}: {}\n", hazard.id, step.change, hazard.message);
        }
    }

    if (!changes.empty()) {
        out += "\n### Changes\n\n";
        // Groups in order of first appearance (the diff's deterministic order).
        std::vector<std::string> order;
        std::map<std::string, std::vector<const diff::Change*>> groups;
        for (const auto& change : changes) {
            auto group = group_of(change);
            if (!groups.contains(group)) {
                order.push_back(group);
            }
            groups[group].push_back(&change);
        }
        for (const auto& group : order) {
            out += fmt::format("- **{}**\n", group);
            for (const auto* change : groups[group]) {
                auto text = change->describe();
                out += fmt::format("  - {}", text);
                if (auto it = hazards_of_change.find(text); it != hazards_of_change.end()) {
                    for (const auto& id : it->second) {
                        out += fmt::format(" ⚠️ **{}**", id);
                    }
                }
                out += "\n";
            }
        }
    }

    if (!report.diff->suggestions.empty()) {
        out += "\n### Possible renames (not applied)\n\n";
        for (const auto& s : report.diff->suggestions) {
            out += fmt::format("- `{}` looks renamed to `{}`{}: pass `--rename {}` if so\n", suggestion_name(s, s.from),
                               suggestion_name(s, s.to), s.reason.empty() ? "" : " (" + s.reason + ")",
                               rename_argument(s, *report.dialect->traits));
        }
    }
    if (!plan.notes.empty()) {
        out += "\n### Notes\n\n";
        for (const auto& note : plan.notes) {
            out += "- " + note + "\n";
        }
    }

    out += "\n### SQL\n\n" + sql_block(report.dialect->render_plan(plan));
    return out;
}

nlohmann::ordered_json plan_steps_json(const synth::Plan& plan) {
    auto steps = nlohmann::ordered_json::array();
    for (const auto& step : plan.steps) {
        nlohmann::ordered_json s;
        s["sql"] = step.sql;
        s["change"] = step.change;
        s["hazards"] = nlohmann::ordered_json::array();
        for (const auto& hazard : step.hazards) {
            s["hazards"].push_back({{"id", hazard.id}, {"message", hazard.message}});
        }
        s["transactional"] = step.transactional;
        steps.push_back(std::move(s));
    }
    return steps;
}

std::string sql_block(std::string sql) {
    if (!sql.empty() && sql.back() != '\n') {
        sql += '\n';
    }
    // A fence longer than any backtick run in the script keeps the block intact.
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : sql) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    return fence + "sql\n" + sql + fence + "\n";
}

}  // namespace schemerge::cli
