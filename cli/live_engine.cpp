#include "cli/live_engine.hpp"

#include <cctype>
#include <iostream>

#include <fmt/format.h>

#include "cli/dialect.hpp"
#include "cli/dialect_registry.hpp"
#include "cli/sources.hpp"

namespace schemerge::cli {

std::uint64_t name_hash(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : text) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

std::string safe_database_name(std::string_view raw, std::size_t max_length) {
    std::string out;
    for (char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        char mapped = std::isalnum(u) != 0 && u < 128 ? static_cast<char>(std::tolower(u)) : '_';
        if (mapped == '_' && !out.empty() && out.back() == '_') {
            continue;
        }
        out += mapped;
    }
    while (!out.empty() && out.back() == '_') {
        out.pop_back();
    }
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front())) != 0) {
        out = "db_" + out;
    }
    if (out.size() > max_length) {
        const std::uint64_t h = name_hash(raw);
        out = fmt::format("{}_{:08x}", out.substr(0, max_length - 9), static_cast<std::uint32_t>(h ^ (h >> 32)));
    }
    return out;
}

const Dialect* live_dialect_for(std::string_view source) {
    for (const Dialect* dialect : dialects()) {
        if (dialect->live == nullptr) {
            continue;
        }
        for (std::string_view scheme : dialect->live->schemes) {
            if (source.starts_with(scheme)) {
                return dialect;
            }
        }
    }
    return nullptr;
}

const Dialect& live_dialect_for_dsn(std::string_view dsn) {
    if (const Dialect* dialect = live_dialect_for(dsn)) {
        return *dialect;
    }
    // A plain connection string ("host=/tmp dbname=app") names no engine: the default
    // dialect's adapter reads it.
    return default_dialect();
}

std::expected<std::vector<parser::SourceFile>, LiveError> read_live_source(const Dialect& dialect,
                                                                           const std::string& dsn) {
    auto server = dialect.live->connect(dsn);
    if (!server) {
        return std::unexpected(server.error());
    }
    auto database = (*server)->open("");
    if (!database) {
        return std::unexpected(database.error());
    }
    return (*database)->read_schema(dialect.live->redact(dsn));
}

std::expected<parser::OrderedSources, model::Error> read_live(const Dialect& dialect, const std::string& dsn) {
    auto files = read_live_source(dialect, dsn);
    if (!files) {
        return std::unexpected(plain_error(files.error().message));
    }
    parser::OrderedSources out;
    out.files = std::move(*files);
    out.layout = parser::DirectoryLayout::files;
    return out;
}

void match_live_stored_forms(const Dialect& dialect, const std::vector<std::string>& sources,
                             const std::vector<model::Schema*>& schemas, bool quiet) {
    const std::string* live = nullptr;
    bool has_files = false;
    for (std::size_t i = 0; i < sources.size() && i < schemas.size(); ++i) {
        if (live_dialect_for(sources[i]) == &dialect) {
            live = live == nullptr ? &sources[i] : live;
        } else {
            has_files = true;
        }
    }
    if (live == nullptr || !has_files || dialect.live == nullptr) {
        return;
    }
    auto note = [&](const std::string& text) {
        if (!quiet) {
            std::cerr << "note: " << text << '\n';
        }
    };
    auto server = dialect.live->connect(*live);
    if (!server) {
        note(server.error().message);
        return;
    }
    auto database = (*server)->open("");
    if (!database) {
        note(database.error().message);
        return;
    }
    for (std::size_t i = 0; i < sources.size() && i < schemas.size(); ++i) {
        if (schemas[i] == nullptr || live_dialect_for(sources[i]) == &dialect) {
            continue;
        }
        if (auto said = (*database)->match_stored_form(*schemas[i], dialect)) {
            note(*said);
        }
    }
}

}  // namespace schemerge::cli
