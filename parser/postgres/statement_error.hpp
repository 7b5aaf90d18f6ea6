#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace schemerge::parser::postgres {

// Raised inside the interpreter when a statement cannot be applied; the front end
// turns it into a Diagnostic at the statement's location. It never crosses the
// libpg_query boundary (all C calls complete before it is thrown).
class StatementError : public std::runtime_error {
public:
    // offset: 0-based byte offset inside the statement text where the problem is, or -1.
    StatementError(int offset, const std::string& message) : std::runtime_error(message), offset_(offset) {}
    StatementError(int offset, const std::string& message, model::SourceLocation related, std::string related_note)
        : std::runtime_error(message), offset_(offset) {
        related_.push_back(std::move(related));
        related_notes_.push_back(std::move(related_note));
    }
    [[nodiscard]] int offset() const { return offset_; }
    [[nodiscard]] const std::vector<model::SourceLocation>& related() const { return related_; }
    [[nodiscard]] const std::vector<std::string>& related_notes() const { return related_notes_; }

private:
    int offset_;
    std::vector<model::SourceLocation> related_;
    std::vector<std::string> related_notes_;
};

}  // namespace schemerge::parser::postgres
