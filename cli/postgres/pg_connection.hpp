#pragma once
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// libpq's handles, declared here so that users of this header need not include libpq-fe.h.
struct pg_conn;
struct pg_result;

namespace schemerge::cli::postgres {

// An error reported by the server or by libpq, as one line (plus the server's detail
// and hint when it sent them), with the error position in the statement when known.
struct PgError {
    std::string message;
    std::string sqlstate;          // empty when the error did not come from the server
    std::optional<int> position;   // 1-based character offset into the statement text
};

// One result, owned from the moment libpq returns it.
class PgResult {
public:
    explicit PgResult(pg_result* result) : result_(result) {}
    [[nodiscard]] int rows() const;
    [[nodiscard]] int columns() const;
    [[nodiscard]] std::string column_name(int column) const;
    [[nodiscard]] bool is_null(int row, int column) const;
    [[nodiscard]] std::string value(int row, int column) const;

private:
    struct Free {
        void operator()(pg_result* result) const;
    };
    std::unique_ptr<pg_result, Free> result_;
};

// A connection, closed by its destructor. Notices (NOTICE: drop cascades to ...) are
// swallowed: the CLI reports outcomes, not the server's chatter. While a statement
// runs, SIGINT/SIGTERM (see install_interrupt_handlers) cancel it on the server.
class PgConnection {
public:
    // `conninfo` is a libpq connection string or URI; `dbname`, when given, overrides
    // the database it names (libpq: later dbname keywords override the expanded one).
    [[nodiscard]] static std::expected<PgConnection, std::string> connect(const std::string& conninfo,
                                                                          const std::string& dbname = {});
    // Runs one or more statements (a multi-statement string runs as PostgreSQL's simple
    // query protocol does: up to the first error).
    [[nodiscard]] std::expected<PgResult, PgError> exec(const std::string& sql);

private:
    struct Close {
        void operator()(pg_conn* conn) const;
    };
    explicit PgConnection(pg_conn* conn) : conn_(conn) {}
    std::unique_ptr<pg_conn, Close> conn_;
};

// Quotes an identifier for SQL text (always, so that any name is safe).
[[nodiscard]] std::string quote_pg_identifier(const std::string& name);

// SIGINT/SIGTERM: remember the signal and cancel the running statement, so that the
// command unwinds normally and its destructors stop servers and remove directories.
void install_interrupt_handlers();
// The signal number received (0 if none).
[[nodiscard]] int interrupted_by();

}  // namespace schemerge::cli::postgres
