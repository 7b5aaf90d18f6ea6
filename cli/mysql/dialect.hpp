#pragma once
#include "cli/dialect.hpp"

namespace schemerge::cli::mysql {

// MySQL 8 / MariaDB 10.11 as the commands see it (registry name "mysql", alias
// "mariadb"): the MySQL front end (parser/mysql), its canonical dump and migration planner
// (synth/mysql), MySQL's hazard ids and `verify` on a throwaway MariaDB (verify.hpp). No
// dump rows for the merge driver's union_rows yet.
[[nodiscard]] const Dialect& dialect();

}  // namespace schemerge::cli::mysql
