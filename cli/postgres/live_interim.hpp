#pragma once
#include "cli/dialect.hpp"

namespace schemerge::cli::postgres {

// PostgreSQL's Dialect row for the live commands until the dialect registry is in this
// branch (then the registry's row carries Dialect::live and this file goes).
[[nodiscard]] const Dialect& interim_dialect();

}  // namespace schemerge::cli::postgres
