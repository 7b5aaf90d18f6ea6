#pragma once
#include <string>

#include "cli/live_engine.hpp"

namespace schemerge::cli::postgres {

// PostgreSQL's live adapter (Dialect::live): libpq connections; the live schema read by
// `pg_dump --schema-only` of the server's major version (from
// $SCHEMERGE_PG_BIN_ROOT/N/bin, default /usr/lib/postgresql/N/bin) fed to the same
// front end as any dump file, so a live source and its dump build the same model;
// branch databases made with CREATE DATABASE ... TEMPLATE and marked by a comment on
// the database; plans run in one transaction with lock_timeout/statement_timeout, the
// history in schemerge.history.
[[nodiscard]] const LiveEngine& live_engine();

// The bookkeeping schema live reads leave out.
inline constexpr const char* k_bookkeeping_schema = "schemerge";

}  // namespace schemerge::cli::postgres
