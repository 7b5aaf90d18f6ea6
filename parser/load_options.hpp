#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/schema.hpp"

namespace schemerge::parser {

enum class UnsupportedPolicy : unsigned char {
    warn,   // lenient: keep going, record a warning (and keep the statement verbatim when possible)
    error,  // strict: the first unsupported statement is an error
};

struct LoadOptions {
    UnsupportedPolicy unsupported = UnsupportedPolicy::warn;
    unsigned threads = 0;  // parse threads; 0 = hardware concurrency
};

struct LoadStats {
    std::size_t statements = 0;        // statements seen
    std::size_t applied = 0;           // statements that changed the model
    std::size_t skipped = 0;           // no schema effect: SET, BEGIN/COMMIT, data, set_config
    std::size_t unsupported = 0;       // kept verbatim or dropped with a warning
    std::size_t meta_commands = 0;     // psql backslash commands removed
    std::size_t distinct_parsed = 0;   // distinct statement texts parsed
};

struct LoadResult {
    model::Schema schema;
    std::vector<model::Diagnostic> diagnostics;  // warnings and notes
    LoadStats stats;
};

}  // namespace schemerge::parser
