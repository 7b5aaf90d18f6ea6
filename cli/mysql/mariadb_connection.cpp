#include "cli/mysql/mariadb_connection.hpp"

#include <fmt/format.h>
#include <mysql.h>

namespace schemerge::cli::mysql {

std::string ServerError::render() const {
    if (code == 0) {
        return message;
    }
    return fmt::format("ERROR {} ({}): {}", code, sqlstate, message);
}

void MariadbConnection::Close::operator()(st_mysql* handle) const { mysql_close(handle); }

MariadbConnection::~MariadbConnection() = default;

ServerError MariadbConnection::error() const {
    return ServerError{mysql_errno(handle_.get()), mysql_sqlstate(handle_.get()), mysql_error(handle_.get())};
}

std::expected<MariadbConnection, ServerError> MariadbConnection::connect(const MysqlDsn& dsn,
                                                                       const std::string& database) {
    MYSQL* handle = mysql_init(nullptr);
    if (handle == nullptr) {
        return std::unexpected(ServerError{0, {}, "out of memory (mysql_init)"});
    }
    MariadbConnection connection(handle);
    // Scripts hold several statements per piece (a DELIMITER // block); the server splits
    // them, as it does for the mysql client.
    unsigned long flags = CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS;
    const char* password = dsn.has_password ? dsn.password.c_str() : nullptr;
    const std::string& db = database.empty() ? dsn.database : database;
    if (mysql_real_connect(handle, dsn.host.c_str(), dsn.user.c_str(), password, db.empty() ? nullptr : db.c_str(),
                           dsn.port, dsn.socket.empty() ? nullptr : dsn.socket.c_str(), flags) == nullptr) {
        return std::unexpected(connection.error());
    }
    if (mysql_set_character_set(handle, "utf8mb4") != 0) {
        return std::unexpected(connection.error());
    }
    return connection;
}

std::expected<void, ServerError> MariadbConnection::exec(std::string_view sql) {
    MYSQL* handle = handle_.get();
    if (mysql_real_query(handle, sql.data(), sql.size()) != 0) {
        return std::unexpected(error());
    }
    for (;;) {
        if (MYSQL_RES* result = mysql_store_result(handle); result != nullptr) {
            mysql_free_result(result);
        } else if (mysql_field_count(handle) != 0) {
            return std::unexpected(error());
        }
        int next = mysql_next_result(handle);
        if (next < 0) {
            return {};
        }
        if (next > 0) {
            return std::unexpected(error());
        }
    }
}

std::expected<std::string, ServerError> MariadbConnection::query_text(std::string_view sql) {
    MYSQL* handle = handle_.get();
    if (mysql_real_query(handle, sql.data(), sql.size()) != 0) {
        return std::unexpected(error());
    }
    std::string out;
    for (;;) {
        MYSQL_RES* result = mysql_store_result(handle);
        if (result != nullptr) {
            unsigned columns = mysql_num_fields(result);
            while (MYSQL_ROW row = mysql_fetch_row(result)) {
                unsigned long* lengths = mysql_fetch_lengths(result);
                for (unsigned i = 0; i < columns; ++i) {
                    if (i > 0) {
                        out += '\t';
                    }
                    if (row[i] == nullptr) {
                        out += "NULL";
                    } else {
                        out.append(row[i], lengths[i]);
                    }
                }
                out += '\n';
            }
            mysql_free_result(result);
        } else if (mysql_field_count(handle) != 0) {
            return std::unexpected(error());
        }
        int next = mysql_next_result(handle);
        if (next < 0) {
            return out;
        }
        if (next > 0) {
            return std::unexpected(error());
        }
    }
}

std::expected<std::vector<MariadbConnection::Row>, ServerError> MariadbConnection::query_rows(std::string_view sql) {
    MYSQL* handle = handle_.get();
    if (mysql_real_query(handle, sql.data(), sql.size()) != 0) {
        return std::unexpected(error());
    }
    std::vector<Row> out;
    bool first = true;
    for (;;) {
        MYSQL_RES* result = mysql_store_result(handle);
        if (result != nullptr) {
            const unsigned columns = mysql_num_fields(result);
            while (MYSQL_ROW row = mysql_fetch_row(result)) {
                if (!first) {
                    continue;  // the rows of the first result only
                }
                unsigned long* lengths = mysql_fetch_lengths(result);
                Row values;
                values.reserve(columns);
                for (unsigned i = 0; i < columns; ++i) {
                    if (row[i] == nullptr) {
                        values.emplace_back(std::nullopt);
                    } else {
                        values.emplace_back(std::string(row[i], lengths[i]));
                    }
                }
                out.push_back(std::move(values));
            }
            mysql_free_result(result);
            first = false;
        } else if (mysql_field_count(handle) != 0) {
            return std::unexpected(error());
        }
        int next = mysql_next_result(handle);
        if (next < 0) {
            return out;
        }
        if (next > 0) {
            return std::unexpected(error());
        }
    }
}

unsigned long MariadbConnection::thread_id() const { return mysql_thread_id(handle_.get()); }

std::string MariadbConnection::quote(std::string_view name) {
    std::string out = "`";
    for (char c : name) {
        out += c;
        if (c == '`') {
            out += '`';
        }
    }
    return out + "`";
}

}  // namespace schemerge::cli::mysql
