#pragma once
#include "cli/dialect.hpp"

namespace schemerge::cli::mysql {

// `schemerge verify --dialect mysql FROM TO`: a throwaway MariaDB (Debian's mariadb-server:
// mariadb-install-db into a temporary directory, mariadbd on a socket there, no TCP, run as
// `mysql` when schemerge runs as root, stopped by its pid and removed afterwards, also on
// failure and Ctrl-C) loads FROM and applies the plan (or --plan FILE) in one database,
// loads TO in another, and compares the catalogs: SHOW CREATE TABLE (key order and the
// AUTO_INCREMENT counter left out), views, triggers, routines and their parameters.
// With --dsn (mysql://USER[:PASSWORD]@HOST[:PORT][/DB], or ?socket=PATH: dsn.hpp), the
// user's MySQL or MariaDB through libmariadb instead: scripts are split as the client splits
// them (DELIMITER), two scratch databases schemerge_verify_<pid>_from / _to are created
// there and dropped afterwards (--keep: kept and named).
// 0 verified, 1 the plan failed or the result differs, 2 input or server error (MariaDB
// not installed, a malformed --dsn, a server that cannot be reached or rejects FROM or
// TO), 128+signal interrupted.
[[nodiscard]] int verify(const VerifyJob& job);

}  // namespace schemerge::cli::mysql
