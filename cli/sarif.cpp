#include "cli/sarif.hpp"

#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace schemerge::cli {

namespace {

constexpr const char* k_schema_uri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* k_tool_version = "0.1.0";  // keep in step with `schemerge --version`
// Placeholder until the project has a public home (the lead decides; see README).
constexpr const char* k_information_uri = "https://github.com/schemerge/schemerge";

bool uri_safe(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '/';
}

}  // namespace

std::string sarif_encode(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (uri_safe(c)) {
            out += static_cast<char>(c);
        } else {
            out += fmt::format("%{:02X}", c);
        }
    }
    return out;
}

std::string sarif_uri(const std::string& path) {
    namespace fs = std::filesystem;
    fs::path p(path);
    std::error_code ec;
    if (p.is_absolute()) {
        // Code-scanning tools resolve URIs against the checkout: a path inside the
        // working directory is written relative to it; anything else stays absolute.
        auto cwd = fs::current_path(ec);
        if (!ec) {
            auto rel = p.lexically_normal().lexically_relative(cwd);
            if (!rel.empty() && *rel.begin() != "..") {
                p = rel;
            }
        }
    }
    std::string text = p.lexically_normal().generic_string();
    return (p.is_absolute() ? std::string("file://") : std::string()) + sarif_encode(text);
}

std::string render_sarif(const SarifLog& log) {
    using json = nlohmann::ordered_json;
    json rules = json::array();
    std::map<std::string, std::size_t> rule_index;
    for (const auto& rule : log.rules) {
        rule_index.emplace(rule.id, rules.size());
        rules.push_back({{"id", rule.id}, {"shortDescription", {{"text", rule.short_description}}}});
    }
    json results = json::array();
    for (const auto& result : log.results) {
        json r;
        r["ruleId"] = result.rule_id;
        if (auto it = rule_index.find(result.rule_id); it != rule_index.end()) {
            r["ruleIndex"] = it->second;
        }
        r["level"] = result.level;
        r["message"] = {{"text", result.message}};
        json locations = json::array();
        for (const auto& location : result.locations) {
            json physical;
            physical["artifactLocation"] = {{"uri", location.uri}};
            if (location.line > 0) {
                json region;
                region["startLine"] = location.line;
                if (location.column > 0) {
                    region["startColumn"] = location.column;
                }
                physical["region"] = std::move(region);
            }
            locations.push_back({{"physicalLocation", std::move(physical)}});
        }
        r["locations"] = std::move(locations);
        results.push_back(std::move(r));
    }
    json driver;
    driver["name"] = "schemerge";
    driver["version"] = k_tool_version;
    driver["informationUri"] = k_information_uri;
    driver["rules"] = std::move(rules);
    json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["results"] = std::move(results);
    json out;
    out["$schema"] = k_schema_uri;
    out["version"] = "2.1.0";
    out["runs"] = json::array({std::move(run)});
    return out.dump(2) + "\n";
}

}  // namespace schemerge::cli
