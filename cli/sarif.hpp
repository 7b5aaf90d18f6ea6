#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schemerge::cli {

// A minimal SARIF 2.1.0 log: one run of one tool. Independent of what is reported, so
// any command can produce SARIF by filling these in.
struct SarifRule {
    std::string id;                 // stable: "both-modified", "data-loss", ...
    std::string short_description;  // one sentence
};

struct SarifLocation {
    std::string uri;           // relative to the working directory, '/' separated (see sarif_uri)
    std::uint32_t line = 0;    // 1-based; 0 = no region
    std::uint32_t column = 0;  // 1-based; 0 = no column
};

struct SarifResult {
    std::string rule_id;  // one of the rules' ids
    std::string level;    // "error", "warning", "note"
    std::string message;
    std::vector<SarifLocation> locations;
};

struct SarifLog {
    std::vector<SarifRule> rules;
    std::vector<SarifResult> results;
};

// A file name as a SARIF artifact URI: relative to the current directory when it lies
// inside it, '/' separated, characters outside the URI set percent-encoded.
[[nodiscard]] std::string sarif_uri(const std::string& path);

// Percent-encodes the characters outside the URI set of a relative, '/'-separated path.
[[nodiscard]] std::string sarif_encode(std::string_view path);

// The log as SARIF 2.1.0 JSON (tool "schemerge"), newline-terminated.
[[nodiscard]] std::string render_sarif(const SarifLog& log);

}  // namespace schemerge::cli
