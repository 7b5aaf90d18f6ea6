#pragma once
#include "cli/dialect.hpp"

namespace schemerge::cli::postgres {

// PostgreSQL's engine for `schemerge verify` (Dialect::verify): two scratch databases on
// --dsn or in a throwaway local cluster (postgres_cluster.hpp); FROM's files, then the
// plan (its sections as render_sql prints them, or the --plan file split by PostgreSQL's
// own scanner), run into one, TO's files into the other; their catalogs
// (catalog_snapshot.hpp) must be equal. Prints the verdict; returns the exit code.
[[nodiscard]] int verify(const VerifyJob& job);

}  // namespace schemerge::cli::postgres
