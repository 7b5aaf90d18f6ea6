#pragma once
// The first step of reading a MySQL script: what the mysql client does before the server
// sees any SQL. It follows DELIMITER, ends statements at the delimiter (and at \g / \G),
// runs nothing for client commands (source, \. , other backslash commands: reported),
// and removes the markers of versioned comments (`/*!40101 ... */`, `/*M!100100 ... */`),
// whose text the server executes as SQL. What is removed is replaced by spaces, so every
// offset, line and column still matches the file the user has open.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/load_options.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::mysql {

// One piece of a script the client sends to the server at once: the text between two
// delimiters. It can hold several `;`-separated statements (a chunk ended by `//` after
// DELIMITER //), which the grammar separates.
struct Chunk {
    std::size_t offset = 0;   // first character of its first token
    std::size_t length = 0;   // up to the delimiter, excluded
    std::size_t leading = 0;  // where the comments and blank lines before it begin
};

struct PreparedScript {
    const SourceFile* source = nullptr;
    std::string text;  // the file with client commands and versioned-comment markers blanked
    std::vector<std::size_t> line_starts;
    std::vector<Chunk> chunks;

    [[nodiscard]] std::string_view text_of(const Chunk& chunk) const {
        return std::string_view{text}.substr(chunk.offset, chunk.length);
    }

    // Line and column (1-based, in characters) of a byte offset.
    [[nodiscard]] model::SourceLocation location(std::size_t offset) const;
    // The line holding `offset`, as the user wrote it (for a caret display).
    [[nodiscard]] std::string line_text(std::size_t offset) const;
};

// A diagnostic at a byte offset of the file, with its line for a caret display.
[[nodiscard]] model::Diagnostic diagnostic_at(model::Severity severity, const PreparedScript& file, std::size_t offset,
                                              std::string message);

// Splits one file. Client commands are counted in stats.meta_commands and reported (a
// `source` warning, or an error with UnsupportedPolicy::error: the sourced file is not
// read); DELIMITER lasts until the end of the file. An unterminated string, identifier or
// comment makes the rest of the file one chunk, as the client sends it (the grammar then
// reports the first error in it). Errors: DELIMITER without a delimiter or with a
// backslash (as the client rejects them), an unterminated versioned comment, and git
// conflict markers.
[[nodiscard]] std::expected<PreparedScript, model::Error> prepare_script(const SourceFile& source,
                                                                         std::vector<model::Diagnostic>& diagnostics,
                                                                         LoadStats& stats,
                                                                         const LoadOptions& options);

}  // namespace schemerge::parser::mysql
