#include "cli/postgres/live_database.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/postgres/pg_connection.hpp"
#include "parser/postgres/statement_split.hpp"

namespace schemerge::cli::postgres {

namespace {

namespace fs = std::filesystem;

// The comment that marks a database as one schemerge created (COMMENT ON DATABASE is
// not copied by CREATE DATABASE ... TEMPLATE, so a copy of a branch database is not
// mistaken for one).
constexpr std::string_view k_marker = "schemerge branch database ";
// Advisory lock namespace for branch names ("SM").
constexpr int k_lock_class = 0x534d;

std::string quote_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += '\'';
        }
        out += c;
    }
    return out + "'";
}

std::string redact(const std::string& dsn) {
    std::string out = dsn;
    // URI: scheme://user:password@host
    if (auto scheme = out.find("://"); scheme != std::string::npos) {
        auto at = out.find('@', scheme + 3);
        auto slash = out.find('/', scheme + 3);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            auto colon = out.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at) {
                out.replace(colon + 1, at - colon - 1, "***");
            }
        }
    }
    // keyword=value strings and URI parameters: password=...
    for (std::size_t pos = out.find("password="); pos != std::string::npos; pos = out.find("password=", pos + 1)) {
        std::size_t start = pos + 9;
        std::size_t end = start;
        if (end < out.size() && out[end] == '\'') {
            ++end;
            while (end < out.size() && out[end] != '\'') {
                end += out[end] == '\\' ? 2 : 1;
            }
            end = std::min(end + 1, out.size());
        } else {
            while (end < out.size() && out[end] != ' ' && out[end] != '&') {
                ++end;
            }
        }
        out.replace(start, end - start, "***");
    }
    return out;
}

// A connection string for client programs (pg_dump): the DSN's parameters as
// keyword=value pairs, `dbname` replaced when given; the password goes in the
// environment (PGPASSWORD) rather than on a command line others can read.
struct ClientTarget {
    std::string conninfo;
    std::string password;
};

std::expected<ClientTarget, std::string> client_target(const std::string& dsn, const std::string& dbname) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
    if (options == nullptr) {
        std::string message = error != nullptr ? error : "out of memory";
        PQfreemem(error);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
            message.pop_back();
        }
        return std::unexpected(message);
    }
    ClientTarget target;
    auto quote = [](std::string_view value) {
        std::string out = "'";
        for (char c : value) {
            if (c == '\'' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        return out + "'";
    };
    for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        std::string keyword = option->keyword;
        if (keyword == "dbname" && !dbname.empty()) {
            continue;
        }
        if (option->val == nullptr || *option->val == '\0') {
            continue;
        }
        if (keyword == "password") {
            target.password = option->val;
            continue;
        }
        target.conninfo += (target.conninfo.empty() ? "" : " ") + keyword + "=" + quote(option->val);
    }
    PQconninfoFree(options);
    if (!dbname.empty()) {
        target.conninfo += (target.conninfo.empty() ? "" : " ") + std::string("dbname=") + quote(dbname);
    }
    return target;
}

struct ProcessOutput {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs a program without a shell, capturing stdout and stderr.
std::expected<ProcessOutput, std::string> run_program(const std::vector<std::string>& argv,
                                                      const std::vector<std::pair<std::string, std::string>>& env) {
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        return std::unexpected(std::string("pipe: ") + std::strerror(errno));
    }
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        return std::unexpected(std::string("pipe: ") + std::strerror(errno));
    }
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        return std::unexpected(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(err_pipe[1], STDERR_FILENO);
        for (const auto& [name, value] : env) {
            ::setenv(name.c_str(), value.c_str(), 1);
        }
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    ProcessOutput output;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&output.out, &output.err};
    int open = 2;
    char buffer[65536];
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return output;
}

std::string first_line(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    if (auto newline = text.find('\n'); newline != std::string::npos) {
        text = text.substr(0, newline);
    }
    return text;
}

std::string bin_root() {
    const char* root = std::getenv("SCHEMERGE_PG_BIN_ROOT");
    return root != nullptr && *root != '\0' ? std::string(root) : std::string("/usr/lib/postgresql");
}

class PostgresDatabase final : public LiveDatabase {
public:
    PostgresDatabase(std::string dsn, std::string name, std::string target, PgConnection connection)
        : dsn_(std::move(dsn)), name_(std::move(name)), target_(std::move(target)), connection_(std::move(connection)) {}

    [[nodiscard]] const std::string& name() const override { return name_; }

    std::expected<std::vector<parser::SourceFile>, LiveError> read_schema(const std::string& label) override {
        auto version = connection_.exec("SELECT current_setting('server_version_num')::int / 10000");
        if (!version) {
            return std::unexpected(LiveError{fmt::format("{}: cannot read the server version: {}", target_,
                                                         version.error().message)});
        }
        const std::string major = version->value(0, 0);
        const fs::path pg_dump = fs::path(bin_root()) / major / "bin" / "pg_dump";
        std::error_code ec;
        if (!fs::exists(pg_dump, ec)) {
            return std::unexpected(LiveError{fmt::format(
                "{}: the server runs PostgreSQL {} and there is no pg_dump {} ({} is missing; install "
                "postgresql-client-{})",
                target_, major, major, pg_dump.string(), major)});
        }
        auto client = client_target(dsn_, name_);
        if (!client) {
            return std::unexpected(LiveError{fmt::format("{}: {}", target_, client.error())});
        }
        std::vector<std::pair<std::string, std::string>> env;
        if (!client->password.empty()) {
            env.emplace_back("PGPASSWORD", client->password);
        }
        auto ran = run_program({pg_dump.string(), "--schema-only", "--no-password",
                                std::string("--exclude-schema=") + k_bookkeeping_schema,
                                "--dbname=" + client->conninfo},
                               env);
        if (!ran) {
            return std::unexpected(LiveError{fmt::format("{}: cannot run {}: {}", target_, pg_dump.string(), ran.error())});
        }
        if (ran->exit_code != 0) {
            return std::unexpected(LiveError{fmt::format("{}: pg_dump {} failed: {}", target_, major,
                                                         first_line(ran->err))});
        }
        // pg_dump 15.14+ frames its output in \restrict KEY ... \unrestrict KEY (psql
        // meta-commands against a malicious server); they are not SQL, and a live read
        // need not note them as a dump file's read does. Blanked, keeping line numbers.
        std::string& text = ran->out;
        for (std::size_t pos = 0; pos < text.size();) {
            const std::size_t end = std::min(text.find('\n', pos), text.size());
            const std::string_view line(text.data() + pos, end - pos);
            if (line.starts_with("\\restrict ") || line.starts_with("\\unrestrict ")) {
                text.replace(pos, end - pos, "");
                pos += 1;
            } else {
                pos = end + 1;
            }
        }
        auto file = parser::make_checked_source(label, std::move(text));
        if (!file) {
            return std::unexpected(LiveError{fmt::format("{}: {}", target_, file.error().diagnostics.front().message)});
        }
        std::vector<parser::SourceFile> files;
        files.push_back(std::move(*file));
        return files;
    }

    ApplyResult apply(const std::string& script, const std::string& script_name, const ApplyOptions& options) override {
        ApplyResult result;
        auto fail = [&](std::string message) {
            result.failed = true;
            result.error = std::move(message);
            return result;
        };
        const auto source = parser::make_source(script_name, script);
        std::vector<model::Diagnostic> notes;
        parser::LoadStats stats;
        auto prepared = parser::postgres::prepare_file(source, notes, stats);
        if (!prepared) {
            return fail(fmt::format("{}: cannot split into statements: {}", script_name,
                                    prepared.error().diagnostics.front().message));
        }
        std::vector<parser::postgres::Statement> split;
        if (auto ok = parser::postgres::split_statements(*prepared, split); !ok) {
            return fail(fmt::format("{}: cannot split into statements: {}", script_name,
                                    ok.error().diagnostics.front().message));
        }
        for (const auto& [setting, value] :
             {std::pair{"lock_timeout", &options.lock_timeout}, std::pair{"statement_timeout", &options.statement_timeout}}) {
            if (value->empty()) {
                continue;
            }
            if (auto set = connection_.exec(fmt::format("SET {} = {}", setting, quote_literal(*value))); !set) {
                return fail(fmt::format("invalid {} '{}': {}", setting, *value, set.error().message));
            }
        }
        const std::string& text = prepared->text;
        bool in_transaction = false;
        bool recorded = false;
        std::size_t pending = 0;  // statements run in the open transaction
        int number = 0;
        for (const auto& st : split) {
            std::string sql = text.substr(st.offset, st.length);
            auto end = sql.find_last_not_of(" \t\r\n;");
            if (end == std::string::npos) {
                continue;
            }
            sql.resize(end + 1);
            ++number;
            const int line =
                1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(st.offset), '\n'));
            std::string keyword;
            for (char c : sql) {
                if (std::isalpha(static_cast<unsigned char>(c)) == 0) {
                    break;
                }
                keyword += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            const bool begins = keyword == "BEGIN" || keyword == "START";
            const bool commits = keyword == "COMMIT" || keyword == "END";
            if (commits && in_transaction && options.record && !recorded) {
                if (auto done = connection_.exec(record_sql(*options.record)); !done) {
                    (void)connection_.exec("ROLLBACK");
                    result.rolled_back = true;
                    result.ran.push_back({"recording the migration in schemerge.history", "", true});
                    return fail(done.error().message);
                }
                recorded = true;
            }
            result.ran.push_back({fmt::format("statement {} ({}:{})", number, script_name, line), sql,
                                  in_transaction || begins});
            auto done = connection_.exec(sql);
            if (!done) {
                if (in_transaction) {
                    (void)connection_.exec("ROLLBACK");
                    result.rolled_back = true;
                }
                return fail(done.error().message);
            }
            if (begins) {
                in_transaction = true;
                pending = 0;
            } else if (commits) {
                in_transaction = false;
                result.committed += pending;
            } else if (in_transaction) {
                ++pending;
            } else {
                ++result.committed;
            }
        }
        if (in_transaction) {
            (void)connection_.exec("ROLLBACK");
            result.rolled_back = true;
            return fail("the script opens a transaction it never commits");
        }
        if (options.record && !recorded) {
            if (auto done = connection_.exec("BEGIN;" + record_sql(*options.record) + ";COMMIT"); !done) {
                (void)connection_.exec("ROLLBACK");
                result.ran.push_back({"recording the migration in schemerge.history", "", false});
                return fail(done.error().message);
            }
        }
        return result;
    }

private:
    static std::string record_sql(const HistoryRecord& record) {
        return fmt::format(
            "CREATE SCHEMA IF NOT EXISTS {0};"
            "CREATE TABLE IF NOT EXISTS {0}.history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            "branch text NOT NULL, commit text NOT NULL, schema_hash text NOT NULL, "
            "applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user);"
            "INSERT INTO {0}.history (branch, commit, schema_hash) VALUES ({1}, {2}, {3})",
            k_bookkeeping_schema, quote_literal(record.branch), quote_literal(record.commit),
            quote_literal(record.schema_hash));
    }

    std::string dsn_;
    std::string name_;
    std::string target_;
    PgConnection connection_;
};

class PostgresServer final : public LiveServer {
public:
    PostgresServer(std::string dsn, std::string database, PgConnection admin)
        : dsn_(std::move(dsn)), database_(std::move(database)), admin_(std::move(admin)) {}

    [[nodiscard]] const std::string& dsn_database() const override { return database_; }

    [[nodiscard]] std::string safe_name(const std::string& raw) const override {
        // NAMEDATALEN - 1 = 63 bytes: the server would truncate a longer name.
        return safe_database_name(raw, 63);
    }

    std::expected<bool, LiveError> exists(const std::string& database) override {
        auto found = query(fmt::format("SELECT 1 FROM pg_database WHERE datname = {}", quote_literal(database)));
        if (!found) {
            return std::unexpected(found.error());
        }
        return found->rows() > 0;
    }

    std::expected<std::optional<BranchDatabase>, LiveError> branch_database(const std::string& database) override {
        auto all = branch_databases();
        if (!all) {
            return std::unexpected(all.error());
        }
        for (auto& b : *all) {
            if (b.name == database) {
                return std::optional<BranchDatabase>(std::move(b));
            }
        }
        return std::optional<BranchDatabase>();
    }

    std::expected<std::vector<BranchDatabase>, LiveError> branch_databases() override {
        auto rows = query(
            "SELECT d.datname, shobj_description(d.oid, 'pg_database') FROM pg_database d "
            "WHERE shobj_description(d.oid, 'pg_database') LIKE 'schemerge branch database %' ORDER BY d.datname");
        if (!rows) {
            return std::unexpected(rows.error());
        }
        std::vector<BranchDatabase> out;
        for (int i = 0; i < rows->rows(); ++i) {
            const std::string comment = rows->value(i, 1);
            auto json = nlohmann::json::parse(comment.substr(k_marker.size()), nullptr, false);
            if (json.is_discarded() || !json.is_object()) {
                continue;
            }
            BranchDatabase b;
            b.name = rows->value(i, 0);
            b.branch = json.value("branch", "");
            b.commit = json.value("commit", "");
            b.updated = json.value("updated", "");
            out.push_back(std::move(b));
        }
        return out;
    }

    std::expected<void, LiveError> lock_name(const std::string& name) override {
        auto locked = query(fmt::format("SELECT pg_advisory_lock({}, hashtext({}))", k_lock_class, quote_literal(name)));
        if (!locked) {
            return std::unexpected(locked.error());
        }
        return {};
    }

    void release_lock(const std::string& name) override {
        (void)admin_.exec(fmt::format("SELECT pg_advisory_unlock({}, hashtext({}))", k_lock_class, quote_literal(name)));
    }

    std::expected<void, LiveError> create_branch_database(const std::string& database, const std::string& branch,
                                                          const std::string& from) override {
        const std::string sql = fmt::format("CREATE DATABASE {} TEMPLATE {}", quote_pg_identifier(database),
                                            from.empty() ? std::string("template0") : quote_pg_identifier(from));
        if (auto made = admin_.exec(sql); !made) {
            const auto& e = made.error();
            if (e.sqlstate == "55006") {
                // PostgreSQL copies a database only while nobody else is connected to it.
                auto sessions = admin_.exec(fmt::format(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = {}", quote_literal(from)));
                const std::string count = sessions ? sessions->value(0, 0) : std::string("some");
                return std::unexpected(LiveError{
                    fmt::format("cannot copy database {} into {}: {} other session(s) are connected to it "
                                "(PostgreSQL copies a template only when nobody is connected); retry when they "
                                "have disconnected",
                                from, database, count),
                    true});
            }
            if (e.sqlstate == "3D000") {
                return std::unexpected(LiveError{fmt::format("cannot create {}: no database {} to copy (--from)",
                                                             database, from)});
            }
            return std::unexpected(LiveError{fmt::format("cannot create database {}: {}", database, e.message)});
        }
        BranchDatabase info;
        info.name = database;
        info.branch = branch;
        if (auto marked = mark(database, info); !marked) {
            (void)admin_.exec("DROP DATABASE IF EXISTS " + quote_pg_identifier(database));
            return marked;
        }
        return {};
    }

    std::expected<void, LiveError> mark(const std::string& database, const BranchDatabase& info) override {
        auto now = query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
        if (!now) {
            return std::unexpected(now.error());
        }
        nlohmann::ordered_json json;
        json["branch"] = info.branch;
        json["commit"] = info.commit;
        json["updated"] = now->value(0, 0);
        auto done = query(fmt::format("COMMENT ON DATABASE {} IS {}", quote_pg_identifier(database),
                                      quote_literal(std::string(k_marker) + json.dump())));
        if (!done) {
            return std::unexpected(done.error());
        }
        return {};
    }

    std::expected<void, LiveError> drop_database(const std::string& database, bool force) override {
        auto done = admin_.exec(fmt::format("DROP DATABASE {}{}", quote_pg_identifier(database),
                                            force ? " WITH (FORCE)" : ""));
        if (!done) {
            const bool in_use = done.error().sqlstate == "55006";
            return std::unexpected(LiveError{
                fmt::format("cannot drop database {}: {}{}", database, done.error().message,
                            in_use ? " (pass --force to end those sessions)" : ""),
                in_use});
        }
        return {};
    }

    std::expected<std::unique_ptr<LiveDatabase>, LiveError> open(const std::string& database) override {
        const std::string& name = database.empty() ? database_ : database;
        const std::string target = fmt::format("database {} on {}", name, redact(dsn_));
        auto connection = PgConnection::connect(dsn_, name);
        if (!connection) {
            return std::unexpected(LiveError{fmt::format("cannot connect to {}: {}", target, connection.error())});
        }
        return std::make_unique<PostgresDatabase>(dsn_, name, target, std::move(*connection));
    }

private:
    std::expected<PgResult, LiveError> query(const std::string& sql) {
        auto result = admin_.exec(sql);
        if (!result) {
            return std::unexpected(LiveError{fmt::format("{}: {}", redact(dsn_), result.error().message)});
        }
        return std::move(*result);
    }

    std::string dsn_;
    std::string database_;
    PgConnection admin_;
};

std::expected<std::unique_ptr<LiveServer>, LiveError> connect(const std::string& dsn) {
    const std::string target = redact(dsn);
    std::string database;
    {
        // The DSN's own database first: bad credentials and a missing database are
        // reported against what the user typed. Closed before anything else, so that it
        // does not keep the database busy as a template.
        auto own = PgConnection::connect(dsn);
        if (!own) {
            return std::unexpected(LiveError{fmt::format("cannot connect to {}: {}", target, own.error())});
        }
        auto name = own->exec("SELECT current_database()");
        if (!name) {
            return std::unexpected(LiveError{fmt::format("{}: {}", target, name.error().message)});
        }
        database = name->value(0, 0);
    }
    // The administrative connection goes to a maintenance database, never to one that
    // may be copied or dropped.
    for (const char* maintenance : {"postgres", "template1"}) {
        if (database == maintenance) {
            continue;
        }
        if (auto admin = PgConnection::connect(dsn, maintenance)) {
            return std::make_unique<PostgresServer>(dsn, database, std::move(*admin));
        }
    }
    auto admin = PgConnection::connect(dsn);
    if (!admin) {
        return std::unexpected(LiveError{fmt::format("cannot connect to {}: {}", target, admin.error())});
    }
    return std::make_unique<PostgresServer>(dsn, database, std::move(*admin));
}

}  // namespace

const LiveEngine& live_engine() {
    static const LiveEngine engine{{"postgresql://", "postgres://"}, connect, redact};
    return engine;
}

}  // namespace schemerge::cli::postgres
