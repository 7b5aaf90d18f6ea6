#include "cli/sources.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <utility>

#include <fmt/format.h>

#include "cli/exit_codes.hpp"

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
}

std::expected<InputContext, int> InputContext::create(const SourceOptions& options) {
    InputContext ctx;
    ctx.options_ = options;
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
                                                                        const std::string& path) {
    auto repo = repository();
    if (!repo) {
        return std::unexpected(plain_error(repo.error()));
    }
    auto content = (*repo)->read(commit, path);
    if (!content) {
        return std::unexpected(plain_error(content.error()));
    }
    std::string clean_path = path;
    while (clean_path.starts_with("./")) {
        clean_path.erase(0, 2);
    }
    while (clean_path.ends_with('/')) {
        clean_path.pop_back();
    }
    if (!content->is_directory) {
        if (layout_ != parser::DirectoryLayout::detect && layout_ != parser::DirectoryLayout::files) {
            return std::unexpected(plain_error(fmt::format("{}:{} is a file, but layout '{}' needs a migration directory",
                                                           label, clean_path, parser::layout_name(layout_))));
        }
        auto file = parser::make_checked_source(label + ":" + content->files.front().path,
                                                std::move(content->files.front().content));
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
    const std::string prefix = label + ":" + (clean_path.empty() || clean_path == "." ? "" : clean_path + "/");
    return parser::order_directory(prefix, std::move(entries), layout_);
}

std::expected<parser::OrderedSources, model::Error> InputContext::read(const std::string& source) {
    std::error_code ec;
    const auto colon = source.find(':');
    if (fs::exists(source, ec) || colon == std::string::npos) {
        return parser::read_source_set(source, layout_);
    }
    const std::string revision = source.substr(0, colon);
    const std::string path = source.substr(colon + 1);
    auto repo = repository();
    if (!repo) {
        return std::unexpected(plain_error(
            fmt::format("'{}' is not a file, and as REF:PATH it needs a git repository: {}", source, repo.error())));
    }
    auto commit = resolve(revision);
    if (!commit) {
        return std::unexpected(commit.error());
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

void apply_ignore(model::Schema& schema, const Config& config) {
    if (config.ignore_schemas.empty() && config.ignore_objects.empty()) {
        return;
    }
    auto ignored = [&](const model::QualifiedName& name) {
        if (std::ranges::find(config.ignore_schemas, name.schema) != config.ignore_schemas.end()) {
            return true;
        }
        const std::string full = name.schema.empty() ? "public." + name.name : name.schema + "." + name.name;
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
