#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace schemerge::parser::mysql {

// Raised inside the interpreter when a statement cannot apply (MySQL would reject it);
// the front end turns it into a located Diagnostic. `offset` is a byte offset in the
// chunk the statement came from.
class StatementError : public std::runtime_error {
public:
    StatementError(std::uint32_t offset, const std::string& message) : std::runtime_error(message), offset_(offset) {}
    StatementError(std::uint32_t offset, const std::string& message, model::SourceLocation related,
                   std::string related_note)
        : std::runtime_error(message), offset_(offset) {
        related_.push_back(std::move(related));
        related_notes_.push_back(std::move(related_note));
    }
    [[nodiscard]] std::uint32_t offset() const { return offset_; }
    [[nodiscard]] const std::vector<model::SourceLocation>& related() const { return related_; }
    [[nodiscard]] const std::vector<std::string>& related_notes() const { return related_notes_; }

private:
    std::uint32_t offset_;
    std::vector<model::SourceLocation> related_;
    std::vector<std::string> related_notes_;
};

}  // namespace schemerge::parser::mysql
