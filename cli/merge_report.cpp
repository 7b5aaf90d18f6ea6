#include "cli/merge_report.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/plan_report.hpp"
#include "cli/sarif.hpp"
#include "cli/dialect_registry.hpp"

namespace schemerge::cli {

namespace {

using json = nlohmann::ordered_json;

struct RuleText {
    std::string_view id;
    std::string_view description;
};

// Every conflict kind, in declaration order (SARIF lists all rules so rule indexes
// stay stable from run to run).
constexpr std::array<diff::ConflictKind, 8> k_conflict_kinds = {
    diff::ConflictKind::both_modified,   diff::ConflictKind::modify_delete,
    diff::ConflictKind::add_add,         diff::ConflictKind::dangling_reference,
    diff::ConflictKind::name_collision,  diff::ConflictKind::constraint_invalidated,
    diff::ConflictKind::order_ambiguous, diff::ConflictKind::non_commuting,
};

std::string_view conflict_description(diff::ConflictKind kind) {
    switch (kind) {
        case diff::ConflictKind::both_modified: return "Both sides changed the same attribute differently.";
        case diff::ConflictKind::modify_delete: return "One side changed an object the other side dropped.";
        case diff::ConflictKind::add_add: return "Both sides added an object of the same identity, differently.";
        case diff::ConflictKind::dangling_reference:
            return "The merged schema references an object or column one side dropped or renamed.";
        case diff::ConflictKind::name_collision: return "Two different objects end up with one name in one namespace.";
        case diff::ConflictKind::constraint_invalidated:
            return "A constraint no longer holds in the merged schema (e.g. an FK target lost its unique key).";
        case diff::ConflictKind::order_ambiguous:
            return "Both sides placed enum values at the same position, in different orders.";
        case diff::ConflictKind::non_commuting:
            return "Applying ours then theirs gives a different schema than theirs then ours.";
    }
    return "Merge conflict.";
}



std::string_view hazard_description(std::string_view id) {
    for (const auto& h : hazard_catalog()) {
        if (h.id == id) {
            return h.text;
        }
    }
    return "Migration hazard.";
}

std::optional<model::SourceLocation> location_of(const diff::ObjectRef& ref) {
    return std::visit(
        [](const auto& object) -> std::optional<model::SourceLocation> {
            if constexpr (std::is_same_v<std::decay_t<decltype(object)>, std::monostate>) {
                return std::nullopt;
            } else {
                if (object == nullptr || !object->meta.location.known()) {
                    return std::nullopt;
                }
                return object->meta.location;
            }
        },
        ref);
}

// Where `key` is defined in `schema`: the object's own line, else its table's.
std::optional<model::SourceLocation> locate_object(const model::Schema& schema, const model::ObjectKey& key) {
    using K = model::ObjectKind;
    // The object's last change when a later statement made one, else its definition.
    auto known = [](const model::SourceLocation& l) {
        return l.known() ? std::optional<model::SourceLocation>(l) : std::nullopt;
    };
    auto at = [](const model::ObjectBase& meta) {
        const auto& l = meta.changed_at.known() ? meta.changed_at : meta.location;
        return l.known() ? std::optional<model::SourceLocation>(l) : std::nullopt;
    };
    const model::QualifiedName name{key.schema, key.name};
    const model::QualifiedName table{key.schema, key.table};
    auto table_location = [&]() -> std::optional<model::SourceLocation> {
        if (auto it = schema.tables.find(table); it != schema.tables.end()) {
            return at(it->second.meta);
        }
        if (auto it = schema.views.find(table); it != schema.views.end()) {
            return at(it->second.meta);
        }
        return std::nullopt;
    };
    switch (key.kind) {
        case K::table:
            // The table's own line: its changed_at marks a DROP COLUMN, which is where a
            // dropped column is located, not a table-level change.
            if (auto it = schema.tables.find(name); it != schema.tables.end()) {
                return known(it->second.meta.location);
            }
            return std::nullopt;
        case K::column:
            if (auto it = schema.tables.find(table); it != schema.tables.end()) {
                if (const auto* column = it->second.find_column(key.name); column != nullptr) {
                    if (auto l = at(column->meta)) {
                        return l;
                    }
                }
            }
            return table_location();
        case K::constraint:
            if (auto it = schema.tables.find(table); it != schema.tables.end()) {
                for (const auto& c : it->second.constraints) {
                    if (c.name == key.name && at(c.meta)) {
                        return at(c.meta);
                    }
                }
            }
            return table_location();
        case K::index:
            if (auto it = schema.indexes.find(name); it != schema.indexes.end()) {
                return at(it->second.meta);
            }
            return std::nullopt;
        case K::view:
        case K::materialized_view:
            if (auto it = schema.views.find(name); it != schema.views.end()) {
                return at(it->second.meta);
            }
            return std::nullopt;
        case K::sequence:
            if (auto it = schema.sequences.find(name); it != schema.sequences.end()) {
                return at(it->second.meta);
            }
            return std::nullopt;
        case K::type:
            if (auto it = schema.types.find(name); it != schema.types.end()) {
                return at(it->second.meta);
            }
            return std::nullopt;
        case K::function:
        case K::procedure:
        case K::aggregate:
        case K::operator_:
        case K::operator_class:
        case K::operator_family:
            if (auto it = schema.functions.find(model::RoutineName{name, key.args}); it != schema.functions.end()) {
                return at(it->second.meta);
            }
            return std::nullopt;
        case K::trigger:
            if (auto it = schema.triggers.find(model::TableScopedName{table, key.name}); it != schema.triggers.end()) {
                return at(it->second.meta);
            }
            return table_location();
        case K::policy:
            if (auto it = schema.policies.find(model::TableScopedName{table, key.name}); it != schema.policies.end()) {
                return at(it->second.meta);
            }
            return table_location();
        default:
            return std::nullopt;
    }
}

// Where the object a step changes is defined: the new definition when there is one (its
// file is the side that introduced it), the old one for drops.
std::map<std::string, model::SourceLocation> step_locations(const SidePlan& side,
                                                            const model::Schema* annotate_in = nullptr) {
    std::map<std::string, model::SourceLocation> out;
    for (const auto& change : side.diff->changes.changes) {
        if (annotate_in != nullptr) {
            if (auto location = locate_object(*annotate_in, change.key)) {
                out.emplace(change.describe(), *location);
            }
            continue;
        }
        auto location = location_of(change.after);
        if (!location) {
            location = location_of(change.before);
        }
        if (location) {
            out.emplace(change.describe(), *location);
        }
    }
    return out;
}

std::string file_line(const model::SourceLocation& location) {
    if (!location.known()) {
        return "unknown location";
    }
    return fmt::format("{}:{}", *location.file, location.line);
}

// "file:line", or which input lacks the definition.
std::string where(const model::SourceLocation& location, const std::string& input) {
    return location.known() ? file_line(location) : "not in " + input;
}

std::string value_text(const std::optional<std::string>& value) {
    return value ? *value : "(absent)";
}

// Multi-line values (view queries, function bodies) keep their shape under the label.
std::string indent_continuation(const std::string& text, std::size_t width) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') {
            out.append(width, ' ');
        }
    }
    return out;
}

std::string conflict_heading(const diff::Conflict& c) {
    std::string out = fmt::format("CONFLICT ({}) {}", diff::to_string(c.kind), diff::display_name(c.object));
    if (!c.attribute.empty()) {
        out += fmt::format(" [{}]", c.attribute);
    }
    return out;
}

std::size_t hazard_count(const synth::Plan& plan) {
    std::size_t n = 0;
    for (const auto& step : plan.steps) {
        n += step.hazards.size();
    }
    return n;
}

// "add column public.t.c: ALTER TABLE public.t ADD COLUMN c text" — the change and the
// first line of its statement, shortened.
std::string step_summary(const synth::Step& step) {
    constexpr std::size_t k_width = 100;
    std::string sql = step.sql.substr(0, step.sql.find('\n'));
    if (sql.size() > k_width) {
        sql = sql.substr(0, k_width) + "…";
    }
    if (step.change.empty()) {
        return sql;
    }
    return sql.empty() ? step.change : step.change + ": " + sql;
}

void text_plan(std::string& out, const char* side_label, const SidePlan& side) {
    const auto& plan = *side.plan;
    if (!side.label.empty()) {
        side_label = side.label.c_str();
    }
    out += fmt::format("\nPlan for {} → merged ({}): {} statement{}, {} hazard{}\n", side_label, side.name,
                       plan.steps.size(), plan.steps.size() == 1 ? "" : "s", hazard_count(plan),
                       hazard_count(plan) == 1 ? "" : "s");
    if (plan.empty()) {
        out += fmt::format("  nothing to do: {} already matches the merged schema\n", side_label);
    }
    for (const auto& step : plan.steps) {
        out += fmt::format("  - {}{}\n", step_summary(step), step.transactional ? "" : " (outside the transaction)");
        for (const auto& hazard : step.hazards) {
            out += fmt::format("      ! {}: {}\n", hazard.id, hazard.message);
        }
    }
    for (const auto& note : plan.notes) {
        out += fmt::format("  note: {}\n", note);
    }
}

json location_json(const model::SourceLocation& location) {
    if (!location.known()) {
        return nullptr;
    }
    return json{{"file", *location.file}, {"line", location.line}, {"column", location.column}};
}

json side_json(const diff::SideValue& side) {
    json out;
    out["value"] = side.value ? json(*side.value) : json(nullptr);
    out["location"] = location_json(side.location);
    return out;
}

json plan_json(const SidePlan& side) {
    json out;
    out["input"] = side.name;
    out["steps"] = plan_steps_json(*side.plan);
    out["notes"] = side.plan->notes;
    return out;
}

// A markdown table cell: no line breaks, no column separators.
std::string cell(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n') {
            out += "<br>";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out;
}

// An inline code span that survives backticks in the value.
std::string code(const std::string& text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string ticks(longest + 1, '`');
    const char* pad = (longest > 0) ? " " : "";
    return ticks + pad + text + pad + ticks;
}

std::string markdown_side(const diff::SideValue& side) {
    std::string out = side.value ? code(*side.value) : "*(absent)*";
    if (side.location.known()) {
        out += " — " + code(file_line(side.location));
    }
    return cell(out);
}

void markdown_plan(std::string& out, const char* side_label, const SidePlan& side, const Dialect& dialect) {
    const auto& plan = *side.plan;
    out += fmt::format("\n### Plan for {} → merged\n\n", side.label.empty() ? std::string(side_label) : side.label);
    if (plan.empty()) {
        out += fmt::format("Nothing to do: `{}` already matches the merged schema.\n", side.name);
        return;
    }
    out += fmt::format("**{} statement{}** from `{}`", plan.steps.size(), plan.steps.size() == 1 ? "" : "s", side.name);
    auto hazards = hazard_count(plan);
    out += hazards == 0 ? " · no hazards\n\n"
                        : fmt::format(" · ⚠️ {} hazard{}\n\n", hazards, hazards == 1 ? "" : "s");
    for (const auto& step : plan.steps) {
        for (const auto& hazard : step.hazards) {
            out += fmt::format("- ⚠️ **{}** — {}: {}\n", hazard.id, step.change, hazard.message);
        }
    }
    if (hazards > 0) {
        out += "\n";
    }
    for (const auto& note : plan.notes) {
        out += "> " + note + "\n";
    }
    if (!plan.notes.empty()) {
        out += "\n";
    }
    out += sql_block(dialect.render_plan(plan));
}

}  // namespace

std::string render_merge_text(const MergeReport& report) {
    const auto& conflicts = report.result->conflicts;
    std::string out;
    for (const auto& c : conflicts) {
        out += conflict_heading(c) + ": " + c.explanation + "\n";
        out += "  base:   " + indent_continuation(value_text(c.base.value), 10) + "\n";
        out += "  ours:   " + indent_continuation(value_text(c.ours.value), 10) + "  (" +
               where(c.ours.location, report.ours.name) + ")\n";
        out += "  theirs: " + indent_continuation(value_text(c.theirs.value), 10) + "  (" +
               where(c.theirs.location, report.theirs.name) + ")\n";
        out += "  resolve: " + c.resolution + "\n";
    }
    if (conflicts.empty()) {
        out += "merged cleanly\n";
    } else {
        out += fmt::format("{} conflict{}\n", conflicts.size(), conflicts.size() == 1 ? "" : "s");
    }
    text_plan(out, "ours", report.ours);
    text_plan(out, "theirs", report.theirs);
    return out;
}

std::string render_merge_json(const MergeReport& report) {
    json out;
    out["conflicts"] = json::array();
    for (const auto& c : report.result->conflicts) {
        json j;
        j["kind"] = std::string(diff::to_string(c.kind));
        j["object"] = diff::display_name(c.object);
        j["object_kind"] = std::string(model::to_string(c.object.kind));
        j["attribute"] = c.attribute;
        j["base"] = side_json(c.base);
        j["ours"] = side_json(c.ours);
        j["theirs"] = side_json(c.theirs);
        j["explanation"] = c.explanation;
        j["resolution"] = c.resolution;
        out["conflicts"].push_back(std::move(j));
    }
    out["clean"] = report.result->clean();
    out["plans"] = {{"ours", plan_json(report.ours)}, {"theirs", plan_json(report.theirs)}};
    return out.dump(2) + "\n";
}

std::string render_merge_markdown(const MergeReport& report) {
    const auto& conflicts = report.result->conflicts;
    std::string out = fmt::format("## schemerge merge: `{}` + `{}` (base `{}`)\n\n", report.ours.name,
                                  report.theirs.name, report.base_name);
    if (conflicts.empty()) {
        out += "✅ **Merged cleanly.**\n";
    } else {
        out +=
            fmt::format("❌ **{} conflict{}** — resolve them (or pass `--prefer` / `--resolve OBJECT=ours|theirs`).\n",
                        conflicts.size(), conflicts.size() == 1 ? "" : "s");
        out += "\n### Conflicts\n\n";
        out += "| Kind | Object | Base | Ours | Theirs | Why / resolution |\n";
        out += "|---|---|---|---|---|---|\n";
        for (const auto& c : conflicts) {
            std::string object = code(diff::display_name(c.object));
            if (!c.attribute.empty()) {
                object += " (" + c.attribute + ")";
            }
            out += fmt::format("| **{}** | {} | {} | {} | {} | {} |\n", diff::to_string(c.kind), cell(object),
                               cell(c.base.value ? code(*c.base.value) : "*(absent)*"), markdown_side(c.ours),
                               markdown_side(c.theirs), cell(c.explanation + " ➜ " + c.resolution));
        }
    }
    const Dialect& dialect = report.dialect != nullptr ? *report.dialect : default_dialect();
    markdown_plan(out, "ours", report.ours, dialect);
    markdown_plan(out, "theirs", report.theirs, dialect);
    return out;
}

std::string render_merge_sarif(const MergeReport& report) {
    SarifLog log;
    for (auto kind : k_conflict_kinds) {
        log.rules.push_back({std::string(diff::to_string(kind)), std::string(conflict_description(kind))});
    }
    for (const auto& hazard : hazard_catalog()) {
        log.rules.push_back({std::string(hazard.id), std::string(hazard.text)});
    }
    auto sarif_location = [&report](const model::SourceLocation& location) {
        return SarifLocation{report.uri_for ? sarif_encode(report.uri_for(*location.file)) : sarif_uri(*location.file),
                             location.line, location.column};
    };
    for (const auto& c : report.result->conflicts) {
        SarifResult result;
        result.rule_id = std::string(diff::to_string(c.kind));
        result.level = "error";
        result.message = fmt::format("{}: {} Ours: {}; theirs: {}. {}", conflict_heading(c), c.explanation,
                                     value_text(c.ours.value), value_text(c.theirs.value), c.resolution);
        for (const auto* side : {&c.ours, &c.theirs}) {
            // With annotate_in (theirs' schema), only theirs' lines are locations: where
            // theirs last changed the object.
            if (!side->location.known()) {
                continue;
            }
            if (report.annotate_in == nullptr) {
                result.locations.push_back(sarif_location(side->location));
            } else if (side == &c.theirs) {
                auto relocated = locate_object(*report.annotate_in, c.object);
                result.locations.push_back(sarif_location(relocated ? *relocated : side->location));
            }
        }
        if (result.locations.empty() && report.fallback_location) {
            result.locations.push_back(sarif_location(*report.fallback_location));
        }
        log.results.push_back(std::move(result));
    }
    for (const auto* side : {&report.ours, &report.theirs}) {
        if (side == &report.theirs && !report.annotate_theirs_plan) {
            continue;
        }
        const std::string label = !side->label.empty() ? side->label : side == &report.ours ? "ours" : "theirs";
        auto locations = step_locations(*side, report.annotate_in);
        for (const auto& step : side->plan->steps) {
            for (const auto& hazard : step.hazards) {
                SarifResult result;
                result.rule_id = hazard.id;
                result.level = std::ranges::find(report.failing_hazards, hazard.id) != report.failing_hazards.end()
                                   ? "error"
                                   : "warning";
                result.message = fmt::format("Plan for {} → merged: {}: {}", label, step.change, hazard.message);
                if (auto it = locations.find(step.change); it != locations.end()) {
                    result.locations.push_back(sarif_location(it->second));
                }
                if (result.locations.empty() && report.fallback_location) {
                    result.locations.push_back(sarif_location(*report.fallback_location));
                }
                log.results.push_back(std::move(result));
            }
        }
    }
    // Hazard ids the planner may add later still get a rule.
    for (const auto& result : log.results) {
        bool known = false;
        for (const auto& rule : log.rules) {
            known = known || rule.id == result.rule_id;
        }
        if (!known) {
            log.rules.push_back({result.rule_id, std::string(hazard_description(result.rule_id))});
        }
    }
    return render_sarif(log);
}

namespace {

// Workflow command escaping: data (the message) and property values (file, title).
std::string github_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            default: out += c;
        }
    }
    return out;
}

std::string github_property(std::string_view text) {
    std::string out;
    for (char c : github_data(text)) {
        switch (c) {
            case ':': out += "%3A"; break;
            case ',': out += "%2C"; break;
            default: out += c;
        }
    }
    return out;
}

std::string github_command(const char* level, const model::SourceLocation* location,
                           const std::function<std::string(const std::string&)>& uri_for, const std::string& title,
                           const std::string& message) {
    std::string out = std::string("::") + level;
    std::string properties;
    if (location != nullptr && location->known()) {
        const std::string file = uri_for ? uri_for(*location->file) : *location->file;
        properties = fmt::format("file={},line={}", github_property(file), location->line);
        if (location->column != 0) {
            properties += fmt::format(",col={}", location->column);
        }
    }
    properties += (properties.empty() ? "" : ",") + ("title=" + github_property(title));
    return out + " " + properties + "::" + github_data(message) + "\n";
}

}  // namespace

std::string render_github_message(const char* level, const std::string& title, const std::string& message) {
    return github_command(level, nullptr, {}, title, message);
}

std::string render_merge_github(const MergeReport& report) {
    std::string out;
    for (const auto& c : report.result->conflicts) {
        std::optional<model::SourceLocation> relocated;
        if (report.annotate_in != nullptr && c.theirs.location.known()) {
            relocated = locate_object(*report.annotate_in, c.object);
        }
        const model::SourceLocation* at = relocated                                               ? &*relocated
                                          : c.theirs.location.known()                                ? &c.theirs.location
                                          : c.ours.location.known() && report.annotate_in == nullptr ? &c.ours.location
                                                                                                     : nullptr;
        out += github_command("error", at, report.uri_for, fmt::format("schemerge {}", diff::to_string(c.kind)),
                              fmt::format("{}: {} {}: {}; {}: {}. {}", conflict_heading(c), c.explanation,
                                          report.ours.label.empty() ? "ours" : report.ours.label,
                                          value_text(c.ours.value),
                                          report.theirs.label.empty() ? "theirs" : report.theirs.label,
                                          value_text(c.theirs.value), c.resolution));
    }
    for (const auto* side : {&report.ours, &report.theirs}) {
        if (side == &report.theirs && !report.annotate_theirs_plan) {
            continue;
        }
        const std::string label = !side->label.empty() ? side->label : side == &report.ours ? "ours" : "theirs";
        auto locations = step_locations(*side, report.annotate_in);
        for (const auto& step : side->plan->steps) {
            for (const auto& hazard : step.hazards) {
                const bool failing =
                    std::ranges::find(report.failing_hazards, hazard.id) != report.failing_hazards.end();
                auto it = locations.find(step.change);
                out += github_command(failing ? "error" : "warning", it == locations.end() ? nullptr : &it->second,
                                      report.uri_for, fmt::format("schemerge {}", hazard.id),
                                      fmt::format("Migration for {} → merged: {}: {}", label, step.change,
                                                  hazard.message));
            }
        }
    }
    return out;
}

}  // namespace schemerge::cli
