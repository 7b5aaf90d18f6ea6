#include "cli/config.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "cli/dialect_registry.hpp"
#include "cli/output.hpp"

namespace schemerge::cli {

namespace fs = std::filesystem;

const std::vector<std::string>& layout_names() {
    static const std::vector<std::string> names{"auto", "files", "flyway", "golang-migrate", "dbmate", "numbered"};
    return names;
}

std::vector<std::string> hazard_ids() {
    std::vector<std::string> out;
    for (const auto& h : hazard_catalog()) {
        out.emplace_back(h.id);
    }
    return out;
}

namespace {

// Located one-line errors in the configuration file.
class ConfigErrors {
public:
    explicit ConfigErrors(std::string name) : name_(std::make_shared<const std::string>(std::move(name))) {}

    model::Error at(const toml::source_region& where, std::string message) const {
        model::Diagnostic d;
        d.severity = model::Severity::error;
        d.location.file = name_;
        d.location.line = where.begin.line;
        d.location.column = where.begin.column;
        // One line, like every input error: the key is named in the message.
        d.message = std::move(message);
        return model::Error{{std::move(d)}};
    }

private:
    std::shared_ptr<const std::string> name_;
};

std::expected<std::string, model::Error> get_string(const ConfigErrors& errors, const std::string& section,
                                                    const toml::key& key, const toml::node& value) {
    if (const auto* s = value.as_string()) {
        return s->get();
    }
    return std::unexpected(errors.at(value.source(), fmt::format("'{}' in [{}] must be a string", key.str(), section)));
}

std::expected<bool, model::Error> get_bool(const ConfigErrors& errors, const std::string& section,
                                           const toml::key& key, const toml::node& value) {
    if (const auto* b = value.as_boolean()) {
        return b->get();
    }
    return std::unexpected(
        errors.at(value.source(), fmt::format("'{}' in [{}] must be true or false", key.str(), section)));
}

std::expected<std::string, model::Error> get_choice(const ConfigErrors& errors, const std::string& section,
                                                    const toml::key& key, const toml::node& value,
                                                    const std::vector<std::string>& allowed) {
    auto s = get_string(errors, section, key, value);
    if (!s) {
        return s;
    }
    if (std::ranges::find(allowed, *s) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) {
            list += (list.empty() ? "" : ", ") + a;
        }
        return std::unexpected(
            errors.at(value.source(), fmt::format("invalid {} '{}' in [{}]: expected one of {}", key.str(), *s, section, list)));
    }
    return s;
}

std::expected<std::vector<std::string>, model::Error> get_string_list(const ConfigErrors& errors,
                                                                      const std::string& section,
                                                                      const toml::key& key, const toml::node& value) {
    const auto* array = value.as_array();
    if (array == nullptr) {
        return std::unexpected(
            errors.at(value.source(), fmt::format("'{}' in [{}] must be an array of strings", key.str(), section)));
    }
    std::vector<std::string> out;
    for (const auto& element : *array) {
        const auto* s = element.as_string();
        if (s == nullptr) {
            return std::unexpected(
                errors.at(element.source(), fmt::format("'{}' in [{}] must hold strings only", key.str(), section)));
        }
        out.push_back(s->get());
    }
    return out;
}

std::expected<void, model::Error> read_section(const ConfigErrors& errors, const std::string& section,
                                               const toml::table& table, Config& config) {
    for (const auto& [key, value] : table) {
        const std::string k(key.str());
        auto unknown = [&] {
            return std::unexpected(errors.at(key.source(), fmt::format("unknown key '{}' in [{}]", k, section)));
        };
        std::expected<void, model::Error> ok;
        auto assign = [&](auto got, auto& target) -> std::expected<void, model::Error> {
            if (!got) {
                return std::unexpected(got.error());
            }
            target = std::move(*got);
            return {};
        };
        if (section == "schema") {
            if (k == "path" || k == "paths") {
                if (!config.schema_paths.empty()) {
                    return std::unexpected(errors.at(key.source(), "[schema] has both 'path' and 'paths': use one"));
                }
                if (k == "path") {
                    std::string path;
                    ok = assign(get_string(errors, section, key, value), path);
                    config.schema_paths = {path};
                } else {
                    ok = assign(get_string_list(errors, section, key, value), config.schema_paths);
                    if (ok && config.schema_paths.empty()) {
                        return std::unexpected(errors.at(value.source(), "'paths' in [schema] is empty"));
                    }
                }
            } else if (k == "layout") {
                ok = assign(get_choice(errors, section, key, value, layout_names()), config.layout);
            } else if (k == "dialect") {
                ok = assign(get_string(errors, section, key, value), config.dialect);
                if (ok && !find_dialect(config.dialect)) {
                    return std::unexpected(errors.at(
                        value.source(), fmt::format("unknown dialect '{}' in [schema] (known dialects: {})",
                                                    config.dialect, known_dialects_text())));
                }
            } else {
                return unknown();
            }
        } else if (section == "ignore") {
            if (k == "schemas") {
                ok = assign(get_string_list(errors, section, key, value), config.ignore_schemas);
            } else if (k == "objects") {
                ok = assign(get_string_list(errors, section, key, value), config.ignore_objects);
            } else if (k == "privileges") {
                ok = assign(get_bool(errors, section, key, value), config.ignore_privileges);
            } else if (k == "owners") {
                ok = assign(get_bool(errors, section, key, value), config.ignore_owners);
            } else {
                return unknown();
            }
        } else if (section == "merge") {
            if (k == "prefer") {
                ok = assign(get_choice(errors, section, key, value, {"none", "ours", "theirs"}), config.prefer);
                if (config.prefer == "none") {
                    config.prefer.clear();
                }
            } else {
                return unknown();
            }
        } else if (section == "check") {
            if (k == "fail_on") {
                ok = assign(get_string_list(errors, section, key, value), config.fail_on);
                if (ok) {
                    const auto& array = *value.as_array();
                    const auto known = hazard_ids();
                    for (std::size_t i = 0; i < config.fail_on.size(); ++i) {
                        const auto& id = config.fail_on[i];
                        if (std::ranges::find(known, id) == known.end()) {
                            return std::unexpected(errors.at(array[i].source(),
                                                             fmt::format("unknown hazard id '{}' in [check] fail_on", id)));
                        }
                    }
                }
            } else {
                return unknown();
            }
        } else if (section == "db") {
            if (k == "name_template") {
                ok = assign(get_string(errors, section, key, value), config.db_name_template);
                if (ok && config.db_name_template.find("<branch>") == std::string::npos) {
                    return std::unexpected(errors.at(
                        value.source(), "'name_template' in [db] must contain <branch> (one database per branch)"));
                }
            } else {
                return unknown();
            }
        } else if (section == "merge-driver") {
            if (k == "union_rows") {
                ok = assign(get_string_list(errors, section, key, value), config.union_rows);
                if (ok) {
                    const auto& array = *value.as_array();
                    for (std::size_t i = 0; i < config.union_rows.size(); ++i) {
                        const auto& table = config.union_rows[i];
                        if (table.empty() || std::ranges::count(table, '.') > 1 || table.front() == '.' ||
                            table.back() == '.') {
                            return std::unexpected(errors.at(
                                array[i].source(),
                                fmt::format("invalid table '{}' in [merge-driver] union_rows: expected name or "
                                            "schema.name",
                                            table)));
                        }
                    }
                }
            } else {
                return unknown();
            }
        }
        if (!ok) {
            return ok;
        }
    }
    return {};
}

}  // namespace

std::expected<Config, model::Error> parse_config(const std::string& text, const std::string& name) {
    ConfigErrors errors(name);
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        return std::unexpected(errors.at(e.source(), std::string(e.description())));
    }
    Config config;
    config.file = name;
    static const std::vector<std::string> sections{"schema", "ignore", "merge", "check", "merge-driver", "db"};
    for (const auto& [key, value] : root) {
        const std::string k(key.str());
        if (std::ranges::find(sections, k) == sections.end()) {
            if (value.is_table()) {
                return std::unexpected(errors.at(key.source(), fmt::format("unknown section [{}]", k)));
            }
            return std::unexpected(
                errors.at(key.source(), fmt::format("unknown key '{}' (keys belong in a section: [schema], [ignore], "
                                                    "[merge], [check] or [merge-driver])",
                                                    k)));
        }
        const auto* table = value.as_table();
        if (table == nullptr) {
            return std::unexpected(errors.at(key.source(), fmt::format("'{}' must be a section ([{}])", k, k)));
        }
        if (auto ok = read_section(errors, k, *table, config); !ok) {
            return std::unexpected(ok.error());
        }
    }
    return config;
}

std::expected<Config, model::Error> load_config(const std::string& explicit_path, const std::string& repository_root) {
    std::string path = explicit_path;
    if (path.empty()) {
        if (repository_root.empty()) {
            return Config{};
        }
        fs::path candidate = fs::path(repository_root) / "schemerge.toml";
        std::error_code ec;
        if (!fs::is_regular_file(candidate, ec)) {
            return Config{};
        }
        path = candidate.lexically_normal().string();
        // Diagnostics name the file relative to the working directory when it is below it.
        auto relative = fs::relative(path, fs::current_path(ec), ec);
        if (!ec && !relative.empty() && !relative.string().starts_with("..")) {
            path = relative.string();
        }
    }
    auto text = read_file(path);
    if (!text) {
        model::Diagnostic d;
        d.message = fmt::format("cannot read config file '{}'", path);
        return std::unexpected(model::Error{{std::move(d)}});
    }
    return parse_config(*text, path);
}

}  // namespace schemerge::cli
