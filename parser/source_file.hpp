#pragma once
#include <expected>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace schemerge::parser {

// One input file, read whole. `name` is what diagnostics print.
struct SourceFile {
    std::shared_ptr<const std::string> name;
    std::string text;
};

// Reads a .sql file, or every .sql file of a directory (sorted by version-aware
// name order: V2 before V10), checking that each is UTF-8 text.
// Errors: missing path, unreadable file, binary or non-UTF-8 content, a directory
// without .sql files.
[[nodiscard]] std::expected<std::vector<SourceFile>, model::Error> read_sources(const std::string& path);

// Builds a SourceFile from memory (tests, benchmarks, git blobs).
[[nodiscard]] SourceFile make_source(std::string name, std::string text);

}  // namespace schemerge::parser
