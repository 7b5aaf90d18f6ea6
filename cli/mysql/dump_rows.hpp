#pragma once
#include "cli/dialect.hpp"

namespace schemerge::cli::mysql {

// The rows a MySQL schema dump carries besides the schema, for the merge driver's
// [merge-driver] union_rows: Rails' MySQL db/structure.sql ends with
//   INSERT INTO `schema_migrations` (version) VALUES
//   ('20130101000000'),
//   ('20130102000000');
// Statements are found as the mysql client splits the file (DELIMITER, versioned
// comments: parser/mysql/script_split.hpp). Values are kept as canonical literal text
// ('...' with `'` doubled and `\` written `\\`, numbers as written, NULL, TRUE/FALSE,
// X'..'), so equal rows compare equal. Errors at file:line:col: a file the client could
// not split, and an INSERT into the table that is not a plain list of constant rows
// (INSERT ... SELECT, SET, DEFAULT or expressions, ON DUPLICATE KEY UPDATE, rows of
// different lengths).
[[nodiscard]] DumpRows dump_rows();

}  // namespace schemerge::cli::mysql
