#include "cli/schema_input.hpp"

#include <iostream>

#include "cli/exit_codes.hpp"
#include "cli/live_engine.hpp"

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

std::expected<std::vector<SchemaInput>, int> load_schema_inputs(InputContext& context,
                                                               const std::vector<std::string>& sources, bool strict,
                                                               bool quiet, bool ignore) {
    // The slow path, and the reference for what is printed: one SOURCE after the other.
    // Files compared with a live database take its stored form (cli/live_engine.cpp).
    auto matched = [&](std::vector<SchemaInput> inputs) {
        std::vector<model::Schema*> schemas;
        for (auto& input : inputs) {
            schemas.push_back(&input.loaded.schema);
        }
        match_live_stored_forms(context.dialect(), sources, schemas, quiet);
        return inputs;
    };
    auto one_by_one = [&]() -> std::expected<std::vector<SchemaInput>, int> {
        std::vector<SchemaInput> inputs;
        for (const auto& source : sources) {
            auto input = load_schema_input(context, source, strict, quiet, ignore);
            if (!input) {
                return std::unexpected(input.error());
            }
            inputs.push_back(std::move(*input));
        }
        return matched(std::move(inputs));
    };
    std::vector<parser::OrderedSources> read;
    std::vector<std::vector<parser::SourceFile>> files;
    for (const auto& source : sources) {
        auto r = context.read(source);
        if (!r) {
            return one_by_one();  // an earlier input's own error comes first
        }
        files.push_back(std::move(r->files));
        read.push_back(std::move(*r));
    }
    parser::LoadOptions options;
    options.unsupported = strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    auto loaded = context.dialect().load_many(files, options);
    if (!loaded) {
        return one_by_one();
    }
    std::vector<SchemaInput> inputs;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        print_notes(read[i].notes, quiet);
        print_diagnostics((*loaded)[i].diagnostics, quiet);
        if (ignore) {
            apply_ignore((*loaded)[i].schema, context.config(), *context.dialect().traits);
        }
        inputs.push_back(SchemaInput{std::move(files[i]), std::move((*loaded)[i])});
    }
    return matched(std::move(inputs));
}

}  // namespace schemerge::cli
