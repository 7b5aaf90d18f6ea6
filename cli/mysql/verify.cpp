#include "cli/mysql/verify.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <expected>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <tuple>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/exit_codes.hpp"
#include "cli/mysql/dsn.hpp"
#include "cli/mysql/mariadb_connection.hpp"
#include "cli/mysql/script_pieces.hpp"
#include "synth/mysql/migration_planner.hpp"

namespace schemerge::cli::mysql {

namespace {

namespace fs = std::filesystem;

std::atomic<int> g_signal{0};
extern "C" void on_signal(int signal) { g_signal = signal; }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// `sh -c command`, waited for. Unlike std::system, SIGINT and SIGTERM stay ours while it
// runs: on one, the command is stopped and -1 returned (the caller cleans up).
int run_shell(const std::string& command) {
    pid_t pid = ::fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        std::_Exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return -1;
        }
        if (g_signal != 0) {
            ::kill(pid, SIGTERM);
            ::waitpid(pid, &status, 0);
            return -1;
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A program of Debian's MariaDB packages, on PATH or in /usr/sbin; "" when absent.
std::string find_tool(const std::string& name) {
    std::string path = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
    path += ":/usr/sbin:/usr/bin";
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (!dir.empty() && ::access((fs::path(dir) / name).c_str(), X_OK) == 0) {
            return (fs::path(dir) / name).string();
        }
    }
    return {};
}

// The throwaway server; the destructor stops it (by its own pid) and removes its directory.
class Server {
public:
    ~Server() { stop(); }

    std::string start() {
        install_db_ = find_tool("mariadb-install-db");
        mariadbd_ = find_tool("mariadbd");
        client_ = find_tool("mariadb");
        if (install_db_.empty() || mariadbd_.empty() || client_.empty()) {
            return "MariaDB is not installed (mariadb-install-db, mariadbd and mariadb are needed: apt-get install "
                   "mariadb-server)";
        }
        char pattern[] = "/tmp/schemerge-verify-mysql.XXXXXX";
        if (::mkdtemp(pattern) == nullptr) {
            return "cannot create a temporary directory";
        }
        dir_ = pattern;
        fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
        // The server's own tmpdir: a starting mariadbd deletes every `#sql*` file in its
        // tmpdir, so servers sharing /tmp delete each other's internal temporary tables.
        std::error_code made;
        fs::create_directory(dir_ / "tmp", made);
        as_root_ = ::geteuid() == 0;
        if (as_root_ && run_shell(fmt::format("chown mysql: '{}' '{}/tmp'", dir_.string(), dir_.string())) != 0) {
            return "cannot give the temporary directory to the mysql user (is mariadb-server installed?)";
        }
        std::string install = fmt::format("{}'{}' --datadir='{}/data' --tmpdir='{}/tmp' "
                                          "--auth-root-authentication-method=normal "
                                          "--skip-test-db >'{}/install.log' 2>&1",
                                          as_root_ ? "runuser -u mysql -- " : "", install_db_, dir_.string(),
                                          dir_.string(), dir_.string());
        if (run_shell(install) != 0) {
            return "mariadb-install-db failed: " + read_file(dir_ / "install.log");
        }
        pid_t pid = ::fork();
        if (pid < 0) {
            return "cannot start mariadbd";
        }
        if (pid == 0) {
            std::string log = (dir_ / "server.log").string();
            std::freopen(log.c_str(), "w", stdout);
            std::freopen(log.c_str(), "a", stderr);
            ::setpgid(0, 0);  // Ctrl-C in the terminal does not reach the server: we stop it
            std::string datadir = "--datadir=" + (dir_ / "data").string();
            std::string socket = "--socket=" + (dir_ / "sock").string();
            std::string pidfile = "--pid-file=" + (dir_ / "pid").string();
            std::string tmpdir = "--tmpdir=" + (dir_ / "tmp").string();
            if (as_root_) {
                ::execlp("runuser", "runuser", "-u", "mysql", "--", mariadbd_.c_str(), "--no-defaults",
                         datadir.c_str(), socket.c_str(), "--skip-networking", pidfile.c_str(), tmpdir.c_str(),
                         "--innodb-buffer-pool-size=64M", "--skip-log-bin", static_cast<char*>(nullptr));
            } else {
                ::execl(mariadbd_.c_str(), mariadbd_.c_str(), "--no-defaults", datadir.c_str(), socket.c_str(),
                        "--skip-networking", pidfile.c_str(), tmpdir.c_str(), "--innodb-buffer-pool-size=64M",
                        "--skip-log-bin", static_cast<char*>(nullptr));
            }
            std::_Exit(127);
        }
        wrapper_ = pid;
        for (int i = 0; i < 240; ++i) {
            if (g_signal != 0) {
                return "interrupted";
            }
            if (client("", "select 1", nullptr) == 0) {
                return {};
            }
            int status = 0;
            if (::waitpid(wrapper_, &status, WNOHANG) == wrapper_) {
                wrapper_ = -1;
                return "mariadbd stopped: " + read_file(dir_ / "server.log");
            }
            ::usleep(500000);
        }
        return "mariadbd did not answer within 2 minutes: " + read_file(dir_ / "server.log");
    }

    // Runs `sql` (text) in `database` through the client; its output goes to *output.
    int client(const std::string& database, const std::string& sql, std::string* output, bool raw = false) {
        fs::path in = dir_ / "in.sql";
        fs::path out = dir_ / "out.txt";
        write_file(in, sql);
        std::string command = fmt::format("'{}' --no-defaults --socket='{}' -u root {} {} <'{}' >'{}' 2>&1", client_,
                                          (dir_ / "sock").string(), raw ? "-N -B -r" : "", database, in.string(),
                                          out.string());
        int status = run_shell(command);
        if (output != nullptr) {
            *output = read_file(out);
        }
        return status;
    }

    void stop() {
        if (dir_.empty()) {
            return;
        }
        std::string pid_text = read_file(dir_ / "pid");
        pid_t server = pid_text.empty() ? -1 : static_cast<pid_t>(std::atoi(pid_text.c_str()));
        if (server > 0) {
            ::kill(server, SIGTERM);
        }
        if (wrapper_ > 0) {
            ::kill(wrapper_, SIGTERM);
            for (int i = 0; i < 240; ++i) {
                int status = 0;
                if (::waitpid(wrapper_, &status, WNOHANG) == wrapper_) {
                    wrapper_ = -1;
                    break;
                }
                ::usleep(250000);
            }
            if (wrapper_ > 0) {
                ::kill(wrapper_, SIGKILL);
                if (server > 0) {
                    ::kill(server, SIGKILL);
                }
                ::waitpid(wrapper_, nullptr, 0);
            }
        }
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
        dir_.clear();
    }

private:
    fs::path dir_;
    std::string install_db_, mariadbd_, client_;
    bool as_root_ = false;
    pid_t wrapper_ = -1;
};

// SHOW CREATE TABLE text with the AUTO_INCREMENT counter and USING BTREE out and the key
// and constraint lines sorted (InnoDB lists them in creation order: history, not schema).
std::string normalize_table(const std::string& text) {
    std::stringstream in(text);
    std::string line;
    std::string out;
    std::vector<std::string> keys;
    while (std::getline(in, line)) {
        if (auto at = line.find(" AUTO_INCREMENT="); at != std::string::npos && line.starts_with(")")) {
            auto end = line.find(' ', at + 1);
            line.erase(at, end == std::string::npos ? std::string::npos : end - at);
        }
        if (!line.empty() && line.back() == ',') {
            line.pop_back();
        }
        // MariaDB repeats USING BTREE (the default) only when a statement spelled it out.
        if (auto at = line.find(" USING BTREE"); at != std::string::npos) {
            line.erase(at, 12);
        }
        bool key = line.starts_with("  PRIMARY KEY ") || line.starts_with("  UNIQUE KEY ") ||
                   line.starts_with("  KEY ") || line.starts_with("  FULLTEXT KEY ") ||
                   line.starts_with("  SPATIAL KEY ") || line.starts_with("  CONSTRAINT ");
        if (key) {
            keys.push_back(line);
            continue;
        }
        if (line.starts_with(")")) {
            std::sort(keys.begin(), keys.end());
            for (const auto& k : keys) {
                out += k + "\n";
            }
            keys.clear();
        }
        out += line + "\n";
    }
    return out;
}

// A query's rows as `mariadb -N -B -r` prints them (tab-separated, one row a line), run in
// `database`: by the client program on the throwaway server, by libmariadb with --dsn.
using QueryText = std::function<std::expected<std::string, std::string>(const std::string& database,
                                                                        const std::string& sql)>;

// The catalog of `database` as text, one object after another (see verify.hpp).
std::expected<std::string, std::string> catalog(const QueryText& query, const std::string& database) {
    std::string tables;
    std::string q = fmt::format(
        "select table_name from information_schema.tables where table_schema = '{}' and table_type = 'BASE TABLE' "
        "order by binary table_name",
        database);
    if (auto rows = query(database, q); rows) {
        tables = *rows;
    } else {
        return std::unexpected(rows.error());
    }
    std::string out;
    std::stringstream names(tables);
    std::string name;
    while (std::getline(names, name)) {
        std::string quoted = "`" + name + "`";
        auto shown = query(database, "show create table " + quoted);
        if (!shown) {
            return std::unexpected(shown.error());
        }
        std::string text = *shown;
        auto tab = text.find('\t');
        out += "== table " + name + "\n" + normalize_table(tab == std::string::npos ? text : text.substr(tab + 1));
    }
    std::string rest;
    std::string queries = fmt::format(
        "select concat('== view ', table_name, char(10), replace(view_definition, '`{0}`.', ''), char(10), "
        "'check_option=', check_option, ' security=', security_type, ' algorithm=', algorithm) from "
        "information_schema.views where table_schema = '{0}' order by binary table_name;\n"
        "select concat('== view column ', table_name, '.', column_name, ' ', column_type, ' ', is_nullable) from "
        "information_schema.columns where table_schema = '{0}' and table_name in (select table_name from "
        "information_schema.views where table_schema = '{0}') order by binary table_name, ordinal_position;\n"
        "select concat('== trigger ', trigger_name, ' ', action_timing, ' ', event_manipulation, ' on ', "
        "event_object_table, ' order ', action_order, char(10), action_statement) from information_schema.triggers "
        "where trigger_schema = '{0}' order by binary trigger_name;\n"
        "select concat('== routine ', routine_type, ' ', routine_name, ' returns ', coalesce(dtd_identifier, '-'), "
        "' deterministic=', is_deterministic, ' access=', sql_data_access, ' security=', security_type, ' comment=', "
        "routine_comment, char(10), routine_definition) from information_schema.routines where routine_schema = "
        "'{0}' order by binary routine_name;\n"
        "select concat('== parameter ', specific_name, ' ', ordinal_position, ' ', coalesce(parameter_mode, '-'), "
        "' ', coalesce(parameter_name, '-'), ' ', dtd_identifier) from information_schema.parameters where "
        "specific_schema = '{0}' order by binary specific_name, ordinal_position;\n"
        // Events: STARTS and an AT time are left out (the server stores them evaluated when
        // the event is created, so two loads of one schema differ there).
        "select concat('== event ', event_name, ' ', event_type, ' every ', coalesce(interval_value, '-'), ' ', "
        "coalesce(interval_field, '-'), ' ends=', if(ends is null, 'no', 'yes'), ' ', on_completion, ' ', status, "
        "' comment=', event_comment, char(10), event_definition) from information_schema.events where "
        "event_schema = '{0}' order by binary event_name;\n",
        database);
    if (auto rows = query(database, queries); rows) {
        rest = *rows;
    } else {
        return std::unexpected(rows.error());
    }
    return out + rest;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        out.push_back(line);
    }
    return out;
}

std::string joined(const std::vector<parser::SourceFile>& files) {
    std::string out;
    for (const auto& f : files) {
        out += f.text;
        if (!out.empty() && out.back() != '\n') {
            out += '\n';
        }
    }
    return out;
}

// The verdict: equal catalogs, or the lines only one has.
int report_verdict(const VerifyJob& job, const std::string& actual, const std::string& expected,
                   std::string_view engine) {
    if (actual == expected) {
        auto lines = lines_of(expected);
        auto objects =
            std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("== "); });
        std::cout << fmt::format("verified: {} -> {} ({} objects compared on {})\n", job.from_name, job.to_name,
                                 objects, engine);
        return k_exit_ok;
    }
    auto a = lines_of(actual);
    auto e = lines_of(expected);
    std::cout << fmt::format("different: {} -> {}: the plan's result is not {}\n", job.from_name, job.to_name,
                             job.to_name);
    for (const auto& l : e) {
        if (std::find(a.begin(), a.end(), l) == a.end()) {
            std::cout << "  only in target:      " << l << '\n';
        }
    }
    for (const auto& l : a) {
        if (std::find(e.begin(), e.end(), l) == e.end()) {
            std::cout << "  only in plan result: " << l << '\n';
        }
    }
    return k_exit_different;
}

// The plan as text: the one made (rendered), or --plan FILE; nullopt (message printed)
// when the file cannot be read.
std::optional<std::string> plan_text(const VerifyJob& job) {
    if (job.plan != nullptr) {
        return synth::mysql::render_sql(*job.plan);
    }
    std::ifstream in(job.plan_file, std::ios::binary);
    if (!in) {
        std::cerr << "error: cannot read " << job.plan_file << '\n';
        return std::nullopt;
    }
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Reads both scratch databases' catalogs through `query` and reports the verdict (the
// throwaway server and a user's server differ only in how they are queried and cleaned
// up on a signal: `interrupted` does that and gives the exit code).
int compare_catalogs(const VerifyJob& job, const QueryText& query, const std::string& from_db,
                     const std::string& to_db, std::string_view engine, const std::function<int()>& interrupted) {
    auto actual = catalog(query, from_db);
    auto expected = catalog(query, to_db);
    if (g_signal != 0) {
        return interrupted();
    }
    if (!actual || !expected) {
        std::cerr << "schemerge: internal error: catalog query failed: "
                  << (actual ? expected.error() : actual.error()) << '\n';
        return k_exit_internal;
    }
    return report_verdict(job, *actual, *expected, engine);
}

// `verify --dsn`: the user's MySQL or MariaDB, through libmariadb. Two scratch databases
// (schemerge_verify_<pid>_from / _to) are created there and dropped afterwards, unless
// --keep. Interrupts are checked between statements.
int verify_on_dsn(const VerifyJob& job) {
    auto dsn = parse_dsn(job.dsn);
    if (!dsn) {
        std::cerr << "error: " << dsn.error() << '\n';
        return k_exit_input_error;
    }
    auto plan = plan_text(job);
    if (!plan) {
        return k_exit_input_error;
    }
    // Every script is split before anything touches the server.
    std::vector<Piece> from_pieces, to_pieces, plan_pieces;
    for (auto [files, out] : {std::pair{job.from_files, &from_pieces}, std::pair{job.to_files, &to_pieces}}) {
        for (const auto& file : *files) {
            auto pieces = split_script(file);
            if (!pieces) {
                std::cerr << pieces.error().render() << '\n';
                return k_exit_input_error;
            }
            out->insert(out->end(), pieces->begin(), pieces->end());
        }
    }
    {
        auto source = parser::make_source(job.plan != nullptr ? std::string("the plan") : job.plan_file, *plan);
        auto pieces = split_script(source);
        if (!pieces) {
            std::cerr << pieces.error().render() << '\n';
            return k_exit_input_error;
        }
        plan_pieces = std::move(*pieces);
    }
    auto admin = MariadbConnection::connect(*dsn);
    if (!admin) {
        std::cerr << "error: cannot connect to " << dsn->redacted() << " (--dsn): " << admin.error().render() << '\n';
        return k_exit_input_error;
    }
    std::string engine = "MySQL";
    if (auto version = admin->query_text("select version()"); version && version->find("MariaDB") != std::string::npos) {
        engine = "MariaDB";
    }
    const auto pid = static_cast<long>(::getpid());
    const std::string from_db = fmt::format("schemerge_verify_{}_from", pid);
    const std::string to_db = fmt::format("schemerge_verify_{}_to", pid);
    for (const auto& db : {from_db, to_db}) {
        auto q = MariadbConnection::quote(db);
        if (auto made = admin->exec("DROP DATABASE IF EXISTS " + q + "; CREATE DATABASE " + q); !made) {
            std::cerr << "error: cannot create the scratch database " << db << " on " << dsn->redacted() << ": "
                      << made.error().render() << '\n';
            (void)admin->exec("DROP DATABASE IF EXISTS " + MariadbConnection::quote(from_db));
            return k_exit_input_error;
        }
    }
    // Dropped (or reported, with --keep) on every way out.
    struct Scratch {
        MariadbConnection& admin;
        const VerifyJob& job;
        const MysqlDsn& dsn;
        const std::string& from_db;
        const std::string& to_db;
        ~Scratch() {
            if (job.keep) {
                std::cout << "kept: FROM + plan in database " << from_db << ", TO in database " << to_db << " on "
                          << dsn.redacted() << "\n  drop them with: DROP DATABASE " << from_db << "; DROP DATABASE "
                          << to_db << ";\n";
                std::cout.flush();
                return;
            }
            (void)admin.exec("DROP DATABASE IF EXISTS " + MariadbConnection::quote(from_db));
            (void)admin.exec("DROP DATABASE IF EXISTS " + MariadbConnection::quote(to_db));
        }
    } scratch{*admin, job, *dsn, from_db, to_db};
    auto interrupted = [&]() {
        std::cerr << "schemerge verify: interrupted; cleaned up\n";
        return 128 + g_signal.load();
    };

    // Runs a script's pieces in a fresh session on `db`; returns the failing piece's index.
    auto run = [&](const std::string& db, const std::vector<Piece>& pieces, std::size_t& failed,
                   ServerError& error) -> bool {
        auto session = MariadbConnection::connect(*dsn, db);
        if (!session) {
            failed = pieces.size();
            error = session.error();
            return false;
        }
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (g_signal != 0) {
                return true;
            }
            if (auto done = session->exec(pieces[i].sql); !done) {
                failed = i;
                error = done.error();
                return false;
            }
        }
        return true;
    };
    std::size_t failed = 0;
    ServerError error;
    for (auto [db, pieces, label, name] : {std::tuple{&from_db, &from_pieces, "FROM", &job.from_name},
                                          std::tuple{&to_db, &to_pieces, "TO", &job.to_name}}) {
        if (!run(*db, *pieces, failed, error)) {
            std::cerr << "error: " << engine << " rejected " << label << " (" << *name << ")"
                      << (failed < pieces->size() ? " at " + (*pieces)[failed].where : std::string{}) << ": "
                      << error.render() << '\n';
            return k_exit_input_error;
        }
        if (g_signal != 0) {
            return interrupted();
        }
    }
    if (!run(from_db, plan_pieces, failed, error)) {
        if (failed < plan_pieces.size()) {
            std::cout << fmt::format("plan failed: statement {} of {} ({}): {}\n", failed + 1, plan_pieces.size(),
                                     plan_pieces[failed].where, error.render())
                      << "    " << first_line(plan_pieces[failed].sql) << '\n';
        } else {
            std::cout << "plan failed: " << error.render() << '\n';
        }
        return k_exit_different;
    }
    if (g_signal != 0) {
        return interrupted();
    }
    auto session = MariadbConnection::connect(*dsn);
    if (!session) {
        std::cerr << "error: cannot connect to " << dsn->redacted() << ": " << session.error().render() << '\n';
        return k_exit_input_error;
    }
    QueryText query = [&](const std::string& database, const std::string& sql)
        -> std::expected<std::string, std::string> {
        if (auto used = session->exec("USE " + MariadbConnection::quote(database)); !used) {
            return std::unexpected(used.error().render());
        }
        auto rows = session->query_text(sql);
        if (!rows) {
            return std::unexpected(rows.error().render());
        }
        return *rows;
    };
    return compare_catalogs(job, query, from_db, to_db, engine, interrupted);
}

}  // namespace

int verify(const VerifyJob& job) {
    g_signal = 0;
    struct sigaction action {};
    action.sa_handler = on_signal;
    struct sigaction old_int {};
    struct sigaction old_term {};
    ::sigaction(SIGINT, &action, &old_int);
    ::sigaction(SIGTERM, &action, &old_term);
    struct Restore {
        struct sigaction a, b;
        ~Restore() {
            ::sigaction(SIGINT, &a, nullptr);
            ::sigaction(SIGTERM, &b, nullptr);
        }
    } restore{old_int, old_term};
    if (!job.dsn.empty()) {
        return verify_on_dsn(job);
    }

    Server server;
    auto interrupted = [&]() {
        server.stop();
        std::cerr << "schemerge verify: interrupted; cleaned up\n";
        return 128 + g_signal.load();
    };
    if (std::string error = server.start(); !error.empty()) {
        if (g_signal != 0) {
            return interrupted();
        }
        std::cerr << "error: cannot start a throwaway MariaDB: " << error << '\n';
        return k_exit_input_error;
    }
    std::string output;
    server.client("", "create database schemerge_from; create database schemerge_to", &output);
    if (server.client("schemerge_from", joined(*job.from_files), &output) != 0) {
        if (g_signal != 0) {
            return interrupted();
        }
        std::cerr << "error: MariaDB rejected " << job.from_name << ": " << output;
        return k_exit_input_error;
    }
    auto plan = plan_text(job);
    if (!plan) {
        return k_exit_input_error;
    }
    if (server.client("schemerge_from", *plan, &output) != 0) {
        if (g_signal != 0) {
            return interrupted();
        }
        std::cout << "plan failed: " << output;
        return k_exit_different;
    }
    if (server.client("schemerge_to", joined(*job.to_files), &output) != 0) {
        if (g_signal != 0) {
            return interrupted();
        }
        std::cerr << "error: MariaDB rejected " << job.to_name << ": " << output;
        return k_exit_input_error;
    }
    QueryText query = [&](const std::string& database,
                          const std::string& sql) -> std::expected<std::string, std::string> {
        std::string rows;
        if (server.client(database, sql, &rows, true) != 0) {
            return std::unexpected(rows);
        }
        return rows;
    };
    return compare_catalogs(job, query, "schemerge_from", "schemerge_to", "MariaDB", interrupted);
}

}  // namespace schemerge::cli::mysql
