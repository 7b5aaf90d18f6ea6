#include "parser/source_file.hpp"

#include <fmt/format.h>

#include "parser/migrations.hpp"

namespace schemerge::parser {

namespace {

model::Error one_error(std::string file, std::uint32_t line, std::uint32_t column, std::string message,
                       std::string source_line = {}) {
    model::Diagnostic d;
    d.severity = model::Severity::error;
    if (!file.empty()) {
        d.location.file = std::make_shared<const std::string>(std::move(file));
        d.location.line = line;
        d.location.column = column;
    }
    d.message = std::move(message);
    d.source_line = std::move(source_line);
    return model::Error{{std::move(d)}};
}

std::string line_at(const std::string& text, std::size_t offset) {
    std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    start = (start == std::string::npos || offset == 0) ? 0 : start + 1;
    std::size_t end = text.find('\n', offset);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    // Do not echo binary garbage back to the terminal.
    for (char& c : line) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            c = '?';
        }
    }
    return line;
}

// Returns the offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            n = 1;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            n = 3;
        } else {
            return i;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
                return i;
            }
        }
        i += n + 1;
    }
    return std::string::npos;
}

std::pair<std::uint32_t, std::uint32_t> line_col(const std::string& text, std::size_t offset) {
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    std::uint32_t column = 1;
    for (std::size_t i = line_start; i < offset && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // columns count characters, not bytes
        }
    }
    return {line, column};
}

}  // namespace

SourceFile make_source(std::string name, std::string text) {
    return SourceFile{std::make_shared<const std::string>(std::move(name)), std::move(text)};
}

std::expected<SourceFile, model::Error> make_checked_source(std::string name, std::string text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);  // a UTF-8 byte order mark carries no SQL
    }
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        auto [line, col] = line_col(text, nul);
        return std::unexpected(
            one_error(std::move(name), line, col, "binary file: NUL byte in input; expected SQL text"));
    }
    if (auto bad = invalid_utf8(text); bad != std::string::npos) {
        auto [line, col] = line_col(text, bad);
        return std::unexpected(one_error(std::move(name), line, col,
                                         fmt::format("invalid UTF-8 byte 0x{:02X}; schemerge reads SQL files as UTF-8",
                                                     static_cast<unsigned>(static_cast<unsigned char>(text[bad]))),
                                         line_at(text, bad)));
    }
    return make_source(std::move(name), std::move(text));
}

std::expected<std::vector<SourceFile>, model::Error> read_sources(const std::string& path) {
    auto set = read_source_set(path);
    if (!set) {
        return std::unexpected(set.error());
    }
    return std::move(set->files);
}

}  // namespace schemerge::parser
