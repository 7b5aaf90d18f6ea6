#include "cli/mysql/script_pieces.hpp"

#include <fmt/format.h>

#include "parser/load_options.hpp"
#include "parser/mysql/script_split.hpp"

namespace schemerge::cli::mysql {

std::expected<std::vector<Piece>, model::Error> split_script(const parser::SourceFile& file) {
    std::vector<model::Diagnostic> diagnostics;
    parser::LoadStats stats;
    auto prepared = parser::mysql::prepare_script(file, diagnostics, stats, parser::LoadOptions{});
    if (!prepared) {
        return std::unexpected(prepared.error());
    }
    std::vector<Piece> pieces;
    for (const auto& chunk : prepared->chunks) {
        std::string_view text = prepared->text_of(chunk);
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            continue;
        }
        auto at = prepared->location(chunk.offset);
        pieces.push_back({std::string(text), fmt::format("{}:{}:{}", *file.name, at.line, at.column),
                          static_cast<unsigned>(at.line)});
    }
    return pieces;
}

std::string first_line(const std::string& text) {
    auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) {
        return {};
    }
    auto end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    return line.size() > 120 ? line.substr(0, 117) + "..." : line;
}

}  // namespace schemerge::cli::mysql
