#pragma once
#include <expected>
#include <string>

namespace schemerge::cli {

// Writes `content` to `path` atomically (temporary file + rename), so a failed run
// never leaves a half-written or truncated file; "-" or empty means stdout.
[[nodiscard]] std::expected<void, std::string> write_output(const std::string& path, const std::string& content);

}  // namespace schemerge::cli
