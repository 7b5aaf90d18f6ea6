#include "cli/schema_input.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"

namespace schemerge::cli {

void print_diagnostics(const std::vector<model::Diagnostic>& diagnostics, bool quiet) {
    if (quiet) {
        return;
    }
    for (const auto& d : diagnostics) {
        std::cerr << d.render() << '\n';
    }
}

std::expected<SchemaInput, int> load_schema_input(InputContext& context, const std::string& source, bool strict,
                                                bool quiet, bool ignore) {
    auto sources = context.read(source);
    if (!sources) {
        std::cerr << sources.error().render() << '\n';
        return std::unexpected(k_exit_input_error);
    }
    print_notes(sources->notes, quiet);
    parser::LoadOptions options;
    options.unsupported = strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    auto loaded = context.dialect().load(sources->files, options);
    if (!loaded) {
        std::cerr << loaded.error().render() << '\n';
        return std::unexpected(k_exit_input_error);
    }
    print_diagnostics(loaded->diagnostics, quiet);
    if (ignore) {
        apply_ignore(loaded->schema, context.config(), *context.dialect().traits);
    }
    return SchemaInput{std::move(sources->files), std::move(*loaded)};
}

}  // namespace schemerge::cli
