#pragma once
#include <expected>
#include <string>
#include <string_view>

namespace schemerge::cli::mysql {

// Where `verify --dsn` connects for MySQL / MariaDB, read from a URI:
//   mysql://USER[:PASSWORD]@HOST[:PORT][/DATABASE][?socket=PATH]
//   mysql://USER@localhost[/DATABASE]?socket=/run/mysqld/mysqld.sock   (a Unix socket)
//   mysql://USER@/DATABASE?socket=PATH                                   (the same; no host)
// `mariadb://` is the same scheme. User, password and path are percent-decoded (a `@` or
// `:` in a password is written %40 / %3A). Without a password, Connector/C's own rules
// apply (MYSQL_PWD, then none). The database, when given, is only where the session
// starts: verify creates its own scratch databases beside it.
struct MysqlDsn {
    std::string user;
    std::string password;
    bool has_password = false;
    std::string host;  // empty with a socket: "localhost"
    unsigned port = 0;  // 0: the default (3306)
    std::string database;
    std::string socket;

    // The URI without the password, for messages.
    [[nodiscard]] std::string redacted() const;
};

// Errors name the part that is wrong: "--dsn 'x': expected mysql://USER@HOST[:PORT][/DATABASE]".
[[nodiscard]] std::expected<MysqlDsn, std::string> parse_dsn(std::string_view uri);

}  // namespace schemerge::cli::mysql
