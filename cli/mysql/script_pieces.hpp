#pragma once
#include <expected>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/source_file.hpp"

namespace schemerge::cli::mysql {

// One piece of a script as the mysql client sends it to the server, with where it starts.
struct Piece {
    std::string sql;
    std::string where;  // "file:line:col"
    unsigned line = 0;  // 1-based line of its first character
};

// Splits a script as the mysql client does (DELIMITER, client commands, versioned
// comments: parser/mysql/script_split.hpp); located errors for what the client rejects.
// Shared by `verify --dsn` and the live adapter's `db migrate --apply`.
[[nodiscard]] std::expected<std::vector<Piece>, model::Error> split_script(const parser::SourceFile& file);

// The first non-blank line of a piece, cut at 120 characters (for reports).
[[nodiscard]] std::string first_line(const std::string& text);

}  // namespace schemerge::cli::mysql
