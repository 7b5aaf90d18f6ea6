#include "cli/postgres/pg_connection.hpp"

#include <atomic>
#include <csignal>
#include <cstdlib>

#include <libpq-fe.h>

namespace schemerge::cli::postgres {

namespace {

volatile std::sig_atomic_t g_signal = 0;
// The cancel handle of the statement now running. The program is single-threaded, so
// the handler runs while the main flow is suspended; PQcancel is documented as safe to
// call from a signal handler.
std::atomic<PGcancel*> g_cancel{nullptr};

extern "C" void on_interrupt(int signal) {
    g_signal = signal;
    if (PGcancel* cancel = g_cancel.load()) {
        char buffer[256];
        PQcancel(cancel, buffer, sizeof buffer);
    }
}

extern "C" void ignore_notice(void*, const char*) {}

std::string trim_trailing_newlines(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

}  // namespace

void PgResult::Free::operator()(pg_result* result) const { PQclear(result); }

int PgResult::rows() const { return PQntuples(result_.get()); }
int PgResult::columns() const { return PQnfields(result_.get()); }
std::string PgResult::column_name(int column) const { return PQfname(result_.get(), column); }
bool PgResult::is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
std::string PgResult::value(int row, int column) const {
    return {PQgetvalue(result_.get(), row, column),
            static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

void PgConnection::Close::operator()(pg_conn* conn) const { PQfinish(conn); }

std::expected<PgConnection, std::string> PgConnection::connect(const std::string& conninfo,
                                                               const std::string& dbname) {
    std::vector<const char*> keywords{"dbname", "fallback_application_name"};
    std::vector<const char*> values{conninfo.c_str(), "schemerge"};
    if (!dbname.empty()) {
        keywords.push_back("dbname");
        values.push_back(dbname.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    PgConnection connection(PQconnectdbParams(keywords.data(), values.data(), 1));
    if (!connection.conn_) {
        return std::unexpected("out of memory");
    }
    if (PQstatus(connection.conn_.get()) != CONNECTION_OK) {
        std::string message = trim_trailing_newlines(PQerrorMessage(connection.conn_.get()));
        // libpq may report one line per address tried; the first says enough.
        if (auto newline = message.find('\n'); newline != std::string::npos) {
            message = trim_trailing_newlines(message.substr(0, newline));
        }
        return std::unexpected(message);
    }
    PQsetNoticeProcessor(connection.conn_.get(), ignore_notice, nullptr);
    return connection;
}

std::expected<PgResult, PgError> PgConnection::exec(const std::string& sql) {
    if (g_signal != 0) {
        return std::unexpected(PgError{"interrupted", {}, std::nullopt});
    }
    PGcancel* cancel = PQgetCancel(conn_.get());
    g_cancel.store(cancel);
    PGresult* raw = PQexec(conn_.get(), sql.c_str());
    g_cancel.store(nullptr);
    if (cancel != nullptr) {
        PQfreeCancel(cancel);
    }
    PgResult result(raw);  // owned from here on, whatever happens next
    if (raw == nullptr) {
        return std::unexpected(PgError{trim_trailing_newlines(PQerrorMessage(conn_.get())), {}, std::nullopt});
    }
    auto status = PQresultStatus(raw);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        return result;
    }
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
        // COPY data is not part of a schema; end the copy so the connection stays usable.
        PQputCopyEnd(conn_.get(), "COPY is not supported here");
        while (PGresult* rest = PQgetResult(conn_.get())) {
            PQclear(rest);
        }
        return std::unexpected(PgError{"COPY statements are not supported", {}, std::nullopt});
    }
    PgError error;
    const char* primary = PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY);
    error.message = primary != nullptr ? primary : trim_trailing_newlines(PQresultErrorMessage(raw));
    if (const char* detail = PQresultErrorField(raw, PG_DIAG_MESSAGE_DETAIL)) {
        error.message += std::string(" (") + detail + ")";
    }
    if (const char* hint = PQresultErrorField(raw, PG_DIAG_MESSAGE_HINT)) {
        error.message += std::string(" hint: ") + hint;
    }
    if (const char* state = PQresultErrorField(raw, PG_DIAG_SQLSTATE)) {
        error.sqlstate = state;
    }
    if (const char* position = PQresultErrorField(raw, PG_DIAG_STATEMENT_POSITION)) {
        error.position = std::atoi(position);
    }
    if (error.message.empty()) {
        error.message = PQresStatus(status);
    }
    return std::unexpected(std::move(error));
}

std::string quote_pg_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

void install_interrupt_handlers() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int interrupted_by() { return g_signal; }

}  // namespace schemerge::cli::postgres
