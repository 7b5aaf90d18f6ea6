#pragma once
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/mysql/dsn.hpp"

struct st_mysql;  // <mysql.h>'s MYSQL, kept out of the header

namespace schemerge::cli::mysql {

// A server's answer to a statement that failed: its error number, SQLSTATE and message.
struct ServerError {
    unsigned code = 0;
    std::string sqlstate;
    std::string message;
    [[nodiscard]] std::string render() const;  // "ERROR 1064 (42000): You have an error ..."
};

// One session on a MySQL / MariaDB server through Debian's MariaDB Connector/C
// (libmariadb): the handle has one owner and is closed by the destructor. Nothing here
// throws; the library is C and no exception crosses it.
class MariadbConnection {
public:
    [[nodiscard]] static std::expected<MariadbConnection, ServerError> connect(const MysqlDsn& dsn,
                                                                             const std::string& database = {});
    MariadbConnection(MariadbConnection&&) noexcept = default;
    MariadbConnection& operator=(MariadbConnection&&) noexcept = default;
    ~MariadbConnection();

    // Sends one piece of a script as the client would (it may hold several statements:
    // they run in order, and every result is read and discarded). Stops at the first error.
    std::expected<void, ServerError> exec(std::string_view sql);
    // The rows of a query as text, columns separated by a tab and rows ended by a newline
    // (`mariadb -N -B -r`'s output; NULL as "NULL").
    std::expected<std::string, ServerError> query_text(std::string_view sql);
    // The rows of one query, each column's text as sent (NULL as nullopt): for values that
    // may hold tabs and newlines (SHOW CREATE ... bodies).
    using Row = std::vector<std::optional<std::string>>;
    std::expected<std::vector<Row>, ServerError> query_rows(std::string_view sql);
    // The server's thread id of this session (CONNECTION_ID()).
    [[nodiscard]] unsigned long thread_id() const;
    // An identifier in backquotes, as MySQL writes one.
    [[nodiscard]] static std::string quote(std::string_view name);

private:
    struct Close {
        void operator()(st_mysql* handle) const;
    };
    explicit MariadbConnection(st_mysql* handle) : handle_(handle) {}
    [[nodiscard]] ServerError error() const;
    std::unique_ptr<st_mysql, Close> handle_;
};

}  // namespace schemerge::cli::mysql
