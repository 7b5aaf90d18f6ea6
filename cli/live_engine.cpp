#include "cli/live_engine.hpp"

#include <fmt/format.h>

#include "cli/dialect.hpp"
#include "cli/dialect_registry.hpp"
#include "cli/sources.hpp"

namespace schemerge::cli {

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

}  // namespace schemerge::cli
