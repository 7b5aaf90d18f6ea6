#include "cli/schema_input.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"
#include "parser/postgres/frontend.hpp"

namespace schemerge::cli {

void print_diagnostics(const std::vector<model::Diagnostic>& diagnostics, bool quiet) {
    if (quiet) {
        return;
    }
    for (const auto& d : diagnostics) {
        std::cerr << d.render() << '\n';
    }
}

std::expected<SchemaInput, int> load_schema_input(const std::string& path, bool strict, bool quiet) {
    auto sources = parser::read_sources(path);
    if (!sources) {
        std::cerr << sources.error().render() << '\n';
        return std::unexpected(k_exit_input_error);
    }
    parser::LoadOptions options;
    options.unsupported = strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    auto loaded = parser::postgres::load(*sources, options);
    if (!loaded) {
        std::cerr << loaded.error().render() << '\n';
        return std::unexpected(k_exit_input_error);
    }
    print_diagnostics(loaded->diagnostics, quiet);
    return SchemaInput{std::move(*sources), std::move(*loaded)};
}

}  // namespace schemerge::cli
