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

// Reads a file, or a directory's .sql files in replay order (see parser/migrations.hpp:
// the directory's layout is detected: Flyway, golang-migrate, dbmate, numbered files, or
// plain schema files in version-aware name order, V2 before V10), checking that each is
// UTF-8 text. The layout's notes (ignored undo/down files) are dropped; callers that
// report them use read_source_set.
// Errors: missing path, unreadable file, binary or non-UTF-8 content, a directory
// without .sql files, a migration directory with a malformed or duplicate version.
[[nodiscard]] std::expected<std::vector<SourceFile>, model::Error> read_sources(const std::string& path);

// Builds a SourceFile from memory (tests, benchmarks), trusting the text.
[[nodiscard]] SourceFile make_source(std::string name, std::string text);

// Builds a SourceFile from bytes that came from outside (a git blob, a file read by the
// caller): drops a UTF-8 byte order mark and rejects a NUL byte or invalid UTF-8 with
// `name:line:col`, the same errors read_sources gives for a file on disk.
[[nodiscard]] std::expected<SourceFile, model::Error> make_checked_source(std::string name, std::string text);

}  // namespace schemerge::parser
