#pragma once
#include "cli/live_engine.hpp"

namespace schemerge::cli::mysql {

// MySQL's / MariaDB's live adapter (Dialect::live), through libmariadb
// (mariadb_connection.hpp), for `mysql://` and `mariadb://` DSNs (dsn.hpp):
// - the live schema is built from the server's catalog, as a dump file the MySQL front
//   end reads: SET FOREIGN_KEY_CHECKS = 0, SHOW CREATE TABLE of every base table,
//   routines (SHOW CREATE FUNCTION / PROCEDURE), views in dependency order (SHOW CREATE
//   VIEW, the database's own name taken out), triggers and events (SHOW CREATE TRIGGER /
//   EVENT), bodies between DELIMITER ;; lines; schemerge's tables left out;
// - plans run statement by statement as the mysql client splits them (MySQL's DDL is not
//   transactional: the first failure stops the run, what ran stays), then the history row
//   in the database's `schemerge_history` table;
// - a branch database is a new database with the schema of `--from` read from its catalog,
//   its rows copied (INSERT ... SELECT of the stored columns, FOREIGN_KEY_CHECKS = 0), then
//   its routines, views, triggers and events; it is marked by a `schemerge_branch` table
//   naming it; names are locked with GET_LOCK.
[[nodiscard]] const LiveEngine& live_engine();

// schemerge's own tables in a live database, which every read leaves out.
inline constexpr const char* k_history_table = "schemerge_history";
inline constexpr const char* k_branch_table = "schemerge_branch";

}  // namespace schemerge::cli::mysql
