#pragma once
#include <cstdint>
#include <memory>
#include <string>

namespace schemerge::model {

// Where a definition came from. The file name is shared by every object of a
// file, so a 10,000-table dump does not hold 10,000 copies of its path.
struct SourceLocation {
    std::shared_ptr<const std::string> file;
    std::uint32_t line = 0;    // 1-based; 0 = unknown
    std::uint32_t column = 0;  // 1-based, in characters of the line

    [[nodiscard]] std::string to_string() const;
    [[nodiscard]] bool known() const { return file != nullptr && line != 0; }
};

}  // namespace schemerge::model
