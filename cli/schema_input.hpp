#pragma once
#include <expected>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/load_options.hpp"
#include "parser/source_file.hpp"
#include "cli/sources.hpp"

namespace schemerge::cli {

// A loaded command-line input: its files (kept: `verify` sends the original text to
// the server) and the model built from them.
struct SchemaInput {
    std::vector<parser::SourceFile> sources;
    parser::LoadResult loaded;
};

// Prints warnings and notes to stderr unless quiet.
void print_diagnostics(const std::vector<model::Diagnostic>& diagnostics, bool quiet);

// Reads and interprets a SOURCE (a file, a directory, REF:PATH) in the context's dialect; with
// `ignore`, the configuration's [ignore] objects are left out of the model. On error the
// located message has been printed and the result is the exit code to return.
[[nodiscard]] std::expected<SchemaInput, int> load_schema_input(InputContext& context, const std::string& source,
                                                                bool strict, bool quiet, bool ignore = true);

// Loads several SOURCEs together, as the dialect's load_many does: statements the inputs
// share are parsed once and the inputs are interpreted concurrently (`diff` of two
// versions of one schema parses most statements once). What is printed, and the first
// error, are exactly what load_schema_input of each SOURCE in turn prints: notes and
// warnings input by input, and on any error the sources are loaded one at a time again
// so that the same error (the first input's before the second's) is the one reported.
[[nodiscard]] std::expected<std::vector<SchemaInput>, int> load_schema_inputs(InputContext& context,
                                                                              const std::vector<std::string>& sources,
                                                                              bool strict, bool quiet,
                                                                              bool ignore = true);

}  // namespace schemerge::cli
