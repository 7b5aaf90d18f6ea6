#pragma once
// The first steps of reading a PostgreSQL file, shared by the DDL loader (frontend.cpp)
// and by readers that only look for some statements (dump_rows.cpp): blank what is not
// SQL, then split the text into statements with libpg_query's scanner.
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

namespace schemerge::parser::postgres {

// A file's text after removing what is not SQL (psql meta-commands, COPY data),
// with every removed character replaced by a space so offsets and lines still match
// the file the user has open.
struct PreparedFile {
    const SourceFile* source = nullptr;
    std::string text;
    std::vector<std::size_t> line_starts;

    [[nodiscard]] model::SourceLocation location(std::size_t offset) const {
        auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
        std::size_t line_index = static_cast<std::size_t>(it - line_starts.begin()) - 1;
        std::size_t start = line_starts[line_index];
        std::uint32_t column = 1;
        for (std::size_t i = start; i < offset && i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return {source->name, static_cast<std::uint32_t>(line_index + 1), column};
    }
    [[nodiscard]] std::string line_text(std::size_t offset) const {
        auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
        std::size_t start = *(it - 1);
        std::size_t end = source->text.find('\n', start);
        std::string line = source->text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        return line;
    }
};

// A diagnostic at a byte offset of the file, with its line for a caret display.
[[nodiscard]] model::Diagnostic diagnostic_at(model::Severity severity, const PreparedFile& file, std::size_t offset,
                                              std::string message);

// Blanks psql meta-commands and COPY ... FROM stdin data (a note counts the removed
// meta-command lines); an unresolved git conflict marker is an error.
[[nodiscard]] std::expected<PreparedFile, model::Error> prepare_file(const SourceFile& source,
                                                                     std::vector<model::Diagnostic>& notes,
                                                                     LoadStats& stats);

struct Statement {
    const PreparedFile* file = nullptr;
    std::size_t offset = 0;  // first token
    std::size_t length = 0;
    std::size_t distinct = 0;  // index into the distinct-text table
    std::size_t leading = 0;   // where the comments before the statement begin
};

// Appends the file's statements (comment-only pieces dropped); a scanner error is
// returned with its location.
[[nodiscard]] std::expected<void, model::Error> split_statements(const PreparedFile& file,
                                                                std::vector<Statement>& out);

// Converts libpg_query's cursor (1-based, in characters) to a byte offset.
[[nodiscard]] std::size_t cursor_to_offset(std::string_view text, int cursor);

}  // namespace schemerge::parser::postgres
