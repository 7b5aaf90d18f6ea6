#pragma once
#include <expected>
#include <string>

namespace schemerge::cli {

// Writes `content` to `path` atomically (temporary file + rename), so a failed run
// never leaves a half-written or truncated file; "-" or empty means stdout.
[[nodiscard]] std::expected<void, std::string> write_output(const std::string& path, const std::string& content);

// A whole file's bytes; the error is "cannot read 'PATH'".
[[nodiscard]] std::expected<std::string, std::string> read_file(const std::string& path);

}  // namespace schemerge::cli
