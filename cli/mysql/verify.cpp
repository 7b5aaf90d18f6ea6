#include "cli/mysql/verify.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <expected>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/exit_codes.hpp"
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
        as_root_ = ::geteuid() == 0;
        if (as_root_ && std::system(fmt::format("chown mysql: '{}'", dir_.string()).c_str()) != 0) {
            return "cannot give the temporary directory to the mysql user (is mariadb-server installed?)";
        }
        std::string install = fmt::format("{}'{}' --datadir='{}/data' --auth-root-authentication-method=normal "
                                          "--skip-test-db >'{}/install.log' 2>&1",
                                          as_root_ ? "runuser -u mysql -- " : "", install_db_, dir_.string(),
                                          dir_.string());
        if (std::system(install.c_str()) != 0) {
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
            if (as_root_) {
                ::execlp("runuser", "runuser", "-u", "mysql", "--", mariadbd_.c_str(), "--no-defaults",
                         datadir.c_str(), socket.c_str(), "--skip-networking", pidfile.c_str(),
                         "--innodb-buffer-pool-size=64M", "--skip-log-bin", static_cast<char*>(nullptr));
            } else {
                ::execl(mariadbd_.c_str(), mariadbd_.c_str(), "--no-defaults", datadir.c_str(), socket.c_str(),
                        "--skip-networking", pidfile.c_str(), "--innodb-buffer-pool-size=64M", "--skip-log-bin",
                        static_cast<char*>(nullptr));
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
        int status = std::system(command.c_str());
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

// The catalog of `database` as text, one object after another (see verify.hpp).
std::expected<std::string, std::string> catalog(Server& server, const std::string& database) {
    std::string tables;
    std::string q = fmt::format(
        "select table_name from information_schema.tables where table_schema = '{}' and table_type = 'BASE TABLE' "
        "order by binary table_name",
        database);
    if (server.client(database, q, &tables, true) != 0) {
        return std::unexpected(tables);
    }
    std::string out;
    std::stringstream names(tables);
    std::string name;
    while (std::getline(names, name)) {
        std::string text;
        std::string quoted = "`" + name + "`";
        if (server.client(database, "show create table " + quoted, &text, true) != 0) {
            return std::unexpected(text);
        }
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
        "specific_schema = '{0}' order by binary specific_name, ordinal_position;\n",
        database);
    if (server.client(database, queries, &rest, true) != 0) {
        return std::unexpected(rest);
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

}  // namespace

int verify(const VerifyJob& job) {
    if (!job.dsn.empty()) {
        std::cerr << "error: verify --dialect mysql takes no --dsn yet: it proves plans on a throwaway MariaDB only\n";
        return k_exit_input_error;
    }
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
    std::string plan = job.plan != nullptr ? synth::mysql::render_sql(*job.plan) : std::string{};
    if (job.plan == nullptr) {
        std::ifstream in(job.plan_file, std::ios::binary);
        if (!in) {
            std::cerr << "error: cannot read " << job.plan_file << '\n';
            return k_exit_input_error;
        }
        std::stringstream s;
        s << in.rdbuf();
        plan = s.str();
    }
    if (server.client("schemerge_from", plan, &output) != 0) {
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
    auto actual = catalog(server, "schemerge_from");
    auto expected = catalog(server, "schemerge_to");
    if (g_signal != 0) {
        return interrupted();
    }
    if (!actual || !expected) {
        std::cerr << "schemerge: internal error: catalog query failed: "
                  << (actual ? expected.error() : actual.error()) << '\n';
        return k_exit_internal;
    }
    if (*actual == *expected) {
        auto lines = lines_of(*expected);
        auto objects = std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("== "); });
        std::cout << fmt::format("verified: {} -> {} ({} objects compared on MariaDB)\n", job.from_name, job.to_name,
                                 objects);
        return k_exit_ok;
    }
    auto a = lines_of(*actual);
    auto e = lines_of(*expected);
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

}  // namespace schemerge::cli::mysql
