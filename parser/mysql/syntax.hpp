#pragma once
// The grammar's entry point: one chunk of text in, its statements as plain data (ast.hpp)
// or the first syntax error out. ANTLR stays behind this header.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/mysql/ast.hpp"

namespace schemerge::parser::mysql {

struct SyntaxError {
    std::size_t offset = 0;  // byte offset in the chunk
    std::string message;     // "syntax error at or near \"tabel\"", "unterminated quoted string", ...
};

struct ParsedChunk {
    std::vector<ast::Statement> statements;
    std::optional<SyntaxError> error;
    bool full_context = false;  // SLL prediction failed and the chunk was parsed again with full LL
};

// One lexer and parser, reused for every chunk (ANTLR's prediction cache is shared by all
// instances; each thread that parses needs its own ChunkParser). Chunks are parsed with
// SLL prediction first, which is enough for almost every statement, and again with full
// LL only when SLL fails, so a real error is reported exactly where LL finds it. No
// exception escapes: ANTLR's console error output is replaced by recording the first error.
class ChunkParser {
public:
    ChunkParser();
    ~ChunkParser();
    ChunkParser(const ChunkParser&) = delete;
    ChunkParser& operator=(const ChunkParser&) = delete;

    [[nodiscard]] ParsedChunk parse(std::string_view text);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// String literal helpers shared with the interpreter.
// 'it''s' / "a\nb" / N'x' / _utf8mb4'x' (and adjacent parts 'a' 'b'): the value, unescaped
// as MySQL reads it (9.1.1 String Literals, Table 9.1 Special Character Escape Sequences).
[[nodiscard]] std::string unescape_string(std::string_view literal);
// `a``b` -> a`b
[[nodiscard]] std::string unquote_identifier(std::string_view quoted);

}  // namespace schemerge::parser::mysql
