#include "cli/sources.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <utility>

#include <fmt/format.h>

#include "cli/dialect_registry.hpp"
#include "cli/exit_codes.hpp"
#include "cli/live_engine.hpp"
#include "model/schema_privileges.hpp"

namespace schemerge::cli {

namespace fs = std::filesystem;

model::Error plain_error(std::string message) {
    model::Diagnostic d;
    d.severity = model::Severity::error;
    d.message = std::move(message);
    return model::Error{{std::move(d)}};
}

void print_notes(const std::vector<model::Diagnostic>& notes, bool quiet) {
    if (quiet) {
        return;
    }
    for (const auto& n : notes) {
        std::cerr << n.render() << '\n';
    }
}

void add_source_options(CLI::App* cmd, SourceOptions& options) {
    cmd->add_option("--repo", options.repo,
                    "the git repository that REF:PATH sources and schemerge.toml come from (default: the one "
                    "containing the working directory)");
    cmd->add_option("--layout", options.layout,
                    "how a directory SOURCE is replayed (default: [schema] layout, else detected)")
        ->check(CLI::IsMember(layout_names()));
    cmd->add_option("--config", options.config,
                    "read this configuration file instead of schemerge.toml at the repository root");
    add_dialect_option(cmd, options);
}

void add_privilege_options(CLI::App* cmd, SourceOptions& options) {
    cmd->add_flag("--no-privileges", options.no_privileges,
                  "leave GRANT / REVOKE out: neither compared nor planned (as [ignore] privileges = true)");
    cmd->add_flag("--no-owners", options.no_owners,
                  "leave OWNER TO out: neither compared nor planned (as [ignore] owners = true)");
}

void add_dialect_option(CLI::App* cmd, SourceOptions& options) {
    cmd->add_option("--dialect", options.dialect,
                    "the SQL dialect of the inputs (default: [schema] dialect, else " + std::string(k_default_dialect) +
                        "); known: " + known_dialects_text());
}

std::expected<InputContext, int> InputContext::create(const SourceOptions& options) {
    InputContext ctx;
    ctx.options_ = options;
    // An unknown --dialect is reported before anything is read.
    if (!options.dialect.empty()) {
        auto dialect = find_dialect(options.dialect);
        if (!dialect) {
            std::cerr << "error: --dialect: " << dialect.error() << '\n';
            return std::unexpected(k_exit_input_error);
        }
        ctx.dialect_ = *dialect;
    }
    std::string root;
    const std::string start = options.repo.empty() ? std::string(".") : options.repo;
    if (!options.repo.empty()) {
        std::error_code ec;
        if (!fs::exists(options.repo, ec)) {
            std::cerr << "error: --repo '" << options.repo << "' does not exist\n";
            return std::unexpected(k_exit_input_error);
        }
    }
    auto repo = GitRepository::open(start);
    if (repo) {
        root = repo->workdir();
        if (!root.empty()) {
            // Where the working directory sits in the work tree: "./x" in REF:PATH is relative to it.
            std::error_code ec;
            auto rel = fs::weakly_canonical(fs::current_path(ec), ec).lexically_relative(fs::weakly_canonical(root, ec));
            if (!ec && !rel.empty() && *rel.begin() != ".." && rel != ".") {
                ctx.cwd_prefix_ = rel.generic_string();
            }
        }
        ctx.repo_.emplace(std::move(*repo));
    } else {
        ctx.repo_error_ = repo.error();
        if (!options.repo.empty()) {
            std::cerr << "error: --repo '" << options.repo << "': " << repo.error() << '\n';
            return std::unexpected(k_exit_input_error);
        }
    }
    auto config = load_config(options.config, root);
    if (!config) {
        std::cerr << config.error().render() << '\n';
        return std::unexpected(k_exit_input_error);
    }
    ctx.config_ = std::move(*config);
    ctx.config_.ignore_privileges = ctx.config_.ignore_privileges || options.no_privileges;
    ctx.config_.ignore_owners = ctx.config_.ignore_owners || options.no_owners;
    if (ctx.dialect_ == nullptr) {
        // [schema] dialect was checked against the registry when the file was read.
        auto dialect = find_dialect(ctx.config_.dialect.empty() ? k_default_dialect : ctx.config_.dialect);
        if (!dialect) {
            std::cerr << "error: " << dialect.error() << '\n';
            return std::unexpected(k_exit_input_error);
        }
        ctx.dialect_ = *dialect;
    }
    const std::string& layout = options.layout.empty() ? ctx.config_.layout : options.layout;
    if (auto l = parser::layout_from_name(layout)) {
        ctx.layout_ = *l;
    } else {
        std::cerr << "error: unknown layout '" << layout << "'\n";
        return std::unexpected(k_exit_input_error);
    }
    return ctx;
}

std::expected<GitRepository*, std::string> InputContext::repository() {
    if (!repo_) {
        return std::unexpected(repo_error_.empty() ? std::string("no git repository") : repo_error_);
    }
    return &*repo_;
}

std::expected<GitCommit, model::Error> InputContext::resolve(const std::string& revision) {
    auto repo = repository();
    if (!repo) {
        return std::unexpected(plain_error(fmt::format("cannot resolve '{}': {}", revision, repo.error())));
    }
    auto commit = (*repo)->resolve(revision);
    if (!commit) {
        return std::unexpected(plain_error(commit.error()));
    }
    return *commit;
}

std::expected<parser::OrderedSources, model::Error> InputContext::read_at(const GitCommit& commit, const std::string& label,
                                                                        const std::string& raw_path) {
    auto repo = repository();
    if (!repo) {
        return std::unexpected(plain_error(repo.error()));
    }
    auto path = repository_path(raw_path, cwd_prefix_);
    if (!path) {
        return std::unexpected(plain_error(path.error()));
    }
    auto content = (*repo)->read(commit, *path);
    if (!content) {
        return std::unexpected(plain_error(content.error()));
    }
    if (!content->is_directory) {
        if (layout_ != parser::DirectoryLayout::detect && layout_ != parser::DirectoryLayout::files) {
            return std::unexpected(plain_error(fmt::format("{}:{} is a file, but layout '{}' needs a migration directory",
                                                           label, *path, parser::layout_name(layout_))));
        }
        auto file = parser::make_checked_source(label + ":" + *path, std::move(content->files.front().content));
        if (!file) {
            return std::unexpected(file.error());
        }
        parser::OrderedSources out;
        out.files.push_back(std::move(*file));
        out.layout = parser::DirectoryLayout::files;
        return out;
    }
    std::vector<parser::DirectoryEntry> entries;
    entries.reserve(content->files.size());
    for (auto& f : content->files) {
        entries.push_back(parser::DirectoryEntry{std::move(f.path), std::move(f.content)});
    }
    const std::string prefix = label + ":" + (path->empty() ? "" : *path + "/");
    return parser::order_directory(prefix, std::move(entries), layout_);
}

bool InputContext::exists_at(const GitCommit& commit, const std::string& raw_path) {
    auto repo = repository();
    auto path = repository_path(raw_path, cwd_prefix_);
    return repo && path && (*repo)->read(commit, *path).has_value();
}

std::optional<std::pair<std::string, std::string>> split_ref_path(const std::string& source) {
    // The first ':' outside braces: "main@{2026-11-21 13:44}:db/x.sql" keeps its time,
    // "HEAD^{commit}:x.sql" its peel.
    int depth = 0;
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        if (c == '{') {
            ++depth;
        } else if (c == '}' && depth > 0) {
            --depth;
        } else if (c == ':' && depth == 0) {
            if (i == 0) {
                return std::nullopt;
            }
            return std::pair{source.substr(0, i), source.substr(i + 1)};
        }
    }
    return std::nullopt;
}

std::expected<parser::OrderedSources, model::Error> InputContext::read(const std::string& source) {
    if (const Dialect* live = live_dialect_for(source)) {
        if (live != dialect_) {
            // Read by one engine's adapter, loaded by another's front end: say so instead.
            return std::unexpected(plain_error(fmt::format(
                "{} is a {} database and the command reads {}: pass --dialect {} (or set [schema] dialect)",
                live->live->redact(source), live->display_name(), dialect_->display_name(), live->name())));
        }
        return read_live(*live, source);  // cli/live_engine.cpp
    }
    std::error_code ec;
    if (fs::exists(source, ec)) {
        return parser::read_source_set(source, layout_);
    }
    auto split = split_ref_path(source);
    if (!split) {
        if (source.starts_with(':')) {
            return std::unexpected(plain_error(fmt::format(
                "'{}': no such file, and as REF:PATH it needs a revision before ':' (e.g. main:{})", source,
                source.substr(1))));
        }
        return parser::read_source_set(source, layout_);
    }
    const auto& [revision, path] = *split;
    auto repo = repository();
    if (!repo) {
        return std::unexpected(plain_error(
            fmt::format("'{}' is not a file, and as REF:PATH it needs a git repository: {}", source, repo.error())));
    }
    auto commit = (*repo)->resolve(revision);
    if (!commit) {
        return std::unexpected(plain_error(fmt::format("{} (and no file '{}' exists)", commit.error(), source)));
    }
    return read_at(*commit, revision, path);
}

namespace {

// Shell-style glob: '*' any run of characters (dots included), '?' one character.
bool glob_match(std::string_view pattern, std::string_view text) {
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

}  // namespace

void apply_ignore(model::Schema& schema, const Config& config, const model::DialectTraits& dialect) {
    if (config.ignore_privileges) {
        model::strip_privileges(schema);
    }
    if (config.ignore_owners) {
        model::strip_owners(schema);
    }
    if (config.ignore_schemas.empty() && config.ignore_objects.empty()) {
        return;
    }
    auto ignored = [&](const model::QualifiedName& name) {
        if (std::ranges::find(config.ignore_schemas, name.schema) != config.ignore_schemas.end()) {
            return true;
        }
        const std::string schema_name = dialect.schema_or_default(name.schema);
        const std::string full = schema_name.empty() ? name.name : schema_name + "." + name.name;
        return std::ranges::any_of(config.ignore_objects, [&](const std::string& g) { return glob_match(g, full); });
    };
    auto erase_keyed = [&](auto& map) { std::erase_if(map, [&](const auto& item) { return ignored(item.first); }); };
    erase_keyed(schema.types);
    erase_keyed(schema.sequences);
    erase_keyed(schema.tables);
    erase_keyed(schema.views);
    erase_keyed(schema.collations);
    erase_keyed(schema.text_search_configurations);
    erase_keyed(schema.text_search_dictionaries);
    std::erase_if(schema.indexes, [&](const auto& item) { return ignored(item.first) || ignored(item.second.table); });
    std::erase_if(schema.functions, [&](const auto& item) { return ignored(item.first.name); });
    std::erase_if(schema.triggers, [&](const auto& item) { return ignored(item.first.table); });
    std::erase_if(schema.policies, [&](const auto& item) { return ignored(item.first.table); });
    std::erase_if(schema.namespaces, [&](const auto& item) {
        return std::ranges::find(config.ignore_schemas, item.first) != config.ignore_schemas.end();
    });
}

}  // namespace schemerge::cli
