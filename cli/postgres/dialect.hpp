#pragma once
#include "cli/dialect.hpp"

namespace schemerge::cli::postgres {

// PostgreSQL's row in the registry: the front end (parser/postgres), the emitter and
// planner (synth/postgres), its lock hazards, the verify engine (a real PostgreSQL 15)
// and the rows of Rails' schema_migrations for the merge driver.
[[nodiscard]] const Dialect& dialect();

}  // namespace schemerge::cli::postgres
