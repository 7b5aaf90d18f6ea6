#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace schemerge::model {

enum class Severity : std::uint8_t { note, warning, error };

// A message about the input, tied to where in the input it is. Libraries return
// these; only the CLI prints them.
struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation location;
    std::string message;
    std::string source_line;  // the offending line, for a caret display
    std::vector<SourceLocation> related;  // e.g. the earlier definition of a duplicate
    std::vector<std::string> related_notes;

    // "file:line:col: error: message"
    [[nodiscard]] std::string headline() const;
    // headline + the source line + a caret under the column
    [[nodiscard]] std::string render() const;
};

struct Error {
    std::vector<Diagnostic> diagnostics;  // at least one with severity error
    [[nodiscard]] std::string render() const;
};

}  // namespace schemerge::model
