#include "parser/mysql/syntax.hpp"

#include <fmt/format.h>

#include "MySqlLexer.h"
#include "MySqlParser.h"
#include "antlr4-runtime.h"
#include "parser/mysql/ast_builder.hpp"

namespace schemerge::parser::mysql {

using grammar::mysql::MySqlLexer;
using grammar::mysql::MySqlParser;

namespace {

// Records the first syntax error instead of printing it (ANTLR's ConsoleErrorListener is
// removed from both recognizers).
class FirstError : public antlr4::BaseErrorListener {
public:
    void syntaxError(antlr4::Recognizer* /*recognizer*/, antlr4::Token* offending, size_t /*line*/,
                     size_t char_position, const std::string& /*message*/, std::exception_ptr /*e*/) override {
        if (recorded) {
            return;
        }
        recorded = true;
        if (offending != nullptr) {
            type = offending->getType();
            start = offending->getStartIndex();
            text = offending->getText();
        } else {
            type = 0;
            start = char_position;
        }
    }
    void clear() {
        recorded = false;
        type = 0;
        start = 0;
        text.clear();
    }

    bool recorded = false;
    std::size_t type = 0;
    std::size_t start = 0;
    std::string text;
};

std::string near(std::string_view text) {
    // Like the server: the offending text, cut to a readable length.
    std::string shown(text.substr(0, 40));
    return fmt::format("syntax error at or near \"{}\"", shown);
}

}  // namespace

struct ChunkParser::Impl {
    antlr4::ANTLRInputStream input;
    MySqlLexer lexer{&input};
    antlr4::CommonTokenStream tokens{&lexer};
    MySqlParser parser{&tokens};
    FirstError errors;
    std::shared_ptr<antlr4::BailErrorStrategy> bail = std::make_shared<antlr4::BailErrorStrategy>();
    std::shared_ptr<antlr4::DefaultErrorStrategy> recover = std::make_shared<antlr4::DefaultErrorStrategy>();
    std::vector<std::uint32_t> cp_to_byte;

    Impl() {
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        parser.addErrorListener(&errors);
        // The lexer has a rule for every character (UNEXPECTED_CHARACTER and the
        // UNTERMINATED_* tokens), so it never reports errors of its own: the parser reports
        // those tokens where they stand.
    }
};

ChunkParser::ChunkParser() : impl_(std::make_unique<Impl>()) {}
ChunkParser::~ChunkParser() = default;

ParsedChunk ChunkParser::parse(std::string_view text) {
    Impl& m = *impl_;
    ParsedChunk out;
    // ANTLR indexes characters (code points); positions are reported in bytes.
    bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
    m.cp_to_byte.clear();
    if (!ascii) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                m.cp_to_byte.push_back(static_cast<std::uint32_t>(i));
            }
        }
        m.cp_to_byte.push_back(static_cast<std::uint32_t>(text.size()));
    }
    auto byte_at = [&](std::size_t char_index) -> std::size_t {
        if (ascii) {
            return std::min(char_index, text.size());
        }
        return char_index < m.cp_to_byte.size() ? m.cp_to_byte[char_index] : text.size();
    };

    m.input.load(std::string(text));
    m.lexer.setInputStream(&m.input);
    m.tokens.setTokenSource(&m.lexer);
    m.parser.setTokenStream(&m.tokens);
    m.errors.clear();

    MySqlParser::ScriptContext* tree = nullptr;
    // Stage 1: SLL prediction, bail out at the first error.
    m.parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    m.parser.setErrorHandler(m.bail);
    m.parser.removeErrorListeners();
    try {
        tree = m.parser.script();
    } catch (const antlr4::ParseCancellationException&) {
        tree = nullptr;
    } catch (const antlr4::RecognitionException&) {
        tree = nullptr;
    }
    if (tree == nullptr) {
        // Stage 2: full LL, reporting the first error.
        out.full_context = true;
        m.tokens.seek(0);
        m.parser.reset();
        m.parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
        m.parser.setErrorHandler(m.recover);
        m.parser.addErrorListener(&m.errors);
        try {
            tree = m.parser.script();
        } catch (const antlr4::RuntimeException& e) {
            if (!m.errors.recorded) {
                m.errors.recorded = true;
                m.errors.start = 0;
                m.errors.text = e.what();
            }
        }
        if (!m.errors.recorded) {
            // SLL failed where LL succeeds: a statement only full context tells apart.
            m.errors.clear();
        }
    }
    if (m.errors.recorded || tree == nullptr) {
        SyntaxError error;
        error.offset = byte_at(m.errors.start);
        switch (m.errors.type) {
            case MySqlLexer::UNTERMINATED_STRING: error.message = "unterminated quoted string"; break;
            case MySqlLexer::UNTERMINATED_BACKQUOTE: error.message = "unterminated quoted identifier"; break;
            case MySqlLexer::UNTERMINATED_COMMENT: error.message = "unterminated /* comment"; break;
            case MySqlLexer::UNEXPECTED_CHARACTER:
                error.message = fmt::format("unexpected character \"{}\"", m.errors.text);
                break;
            case antlr4::Token::EOF: error.message = "syntax error at end of statement"; break;
            default: error.message = m.errors.text.empty() ? "syntax error" : near(m.errors.text); break;
        }
        out.error = std::move(error);
    } else {
        AstBuilder builder(m.tokens, text, ascii ? nullptr : &m.cp_to_byte);
        out.statements = builder.build(tree);
    }
    // The tree's nodes belong to the parser: free them now, not at the next parse.
    m.parser.reset();
    m.parser.getTreeTracker().reset();
    return out;
}

std::string unescape_string(std::string_view literal) {
    std::string out;
    std::size_t i = 0;
    // Introducer (_utf8mb4'x') and national (N'x') prefixes.
    if (!literal.empty() && (literal[0] == '_' || literal[0] == 'n' || literal[0] == 'N')) {
        std::size_t q = literal.find_first_of("'\"");
        if (q == std::string_view::npos) {
            return std::string(literal);
        }
        i = q;
    }
    while (i < literal.size()) {
        while (i < literal.size() && literal[i] != '\'' && literal[i] != '"') {
            ++i;  // whitespace between adjacent parts
        }
        if (i >= literal.size()) {
            break;
        }
        char quote = literal[i++];
        while (i < literal.size()) {
            char c = literal[i];
            if (c == quote) {
                if (i + 1 < literal.size() && literal[i + 1] == quote) {
                    out += quote;
                    i += 2;
                    continue;
                }
                ++i;
                break;
            }
            if (c == '\\' && i + 1 < literal.size()) {
                char e = literal[i + 1];
                switch (e) {
                    case '0': out += '\0'; break;
                    case 'b': out += '\b'; break;
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'Z': out += '\x1a'; break;
                    // \% and \_ keep their backslash (they matter to LIKE patterns).
                    case '%':
                    case '_': out += '\\'; out += e; break;
                    default: out += e; break;
                }
                i += 2;
                continue;
            }
            out += c;
            ++i;
        }
    }
    return out;
}

std::string unquote_identifier(std::string_view quoted) {
    if (quoted.size() < 2 || quoted.front() != '`') {
        return std::string(quoted);
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        out += quoted[i];
        if (quoted[i] == '`' && i + 2 < quoted.size() && quoted[i + 1] == '`') {
            ++i;
        }
    }
    return out;
}

}  // namespace schemerge::parser::mysql
