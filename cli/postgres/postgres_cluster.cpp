#include "cli/postgres/postgres_cluster.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace schemerge::cli::postgres {

namespace {

namespace fs = std::filesystem;

bool executable(const fs::path& path) { return ::access(path.c_str(), X_OK) == 0; }

// Runs a program (no shell) with stdout/stderr appended to `log`; returns its exit
// status, or -1 when it could not be started or was killed by a signal.
int run_program(const std::vector<std::string>& argv, const std::string& log) {
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::close(fd);
        }
        int null_fd = ::open("/dev/null", O_RDONLY);
        if (null_fd >= 0) {
            ::dup2(null_fd, 0);
            ::close(null_fd);
        }
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// PostgreSQL's server tools refuse to run as root: run them as `postgres`.
std::vector<std::string> as_server_user(std::vector<std::string> argv) {
    if (::geteuid() == 0) {
        argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    }
    return argv;
}

std::optional<std::string> pg_config_bindir() {
    FILE* pipe = ::popen("pg_config --bindir 2>/dev/null", "r");
    if (pipe == nullptr) {
        return std::nullopt;
    }
    char buffer[4096];
    std::string out;
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        out += buffer;
    }
    ::pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
        out.pop_back();
    }
    if (out.empty()) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> find_bindir() {
    std::vector<std::string> candidates;
    if (auto bindir = pg_config_bindir()) {
        candidates.push_back(*bindir);
    }
    candidates.emplace_back("/usr/lib/postgresql/15/bin");
    if (const char* path = std::getenv("PATH")) {
        std::string all = path;
        std::size_t begin = 0;
        while (begin <= all.size()) {
            auto end = all.find(':', begin);
            if (end == std::string::npos) {
                end = all.size();
            }
            if (end > begin) {
                candidates.push_back(all.substr(begin, end - begin));
            }
            begin = end + 1;
        }
    }
    for (const auto& dir : candidates) {
        if (executable(fs::path(dir) / "initdb") && executable(fs::path(dir) / "pg_ctl") &&
            executable(fs::path(dir) / "postgres")) {
            return dir;
        }
    }
    return std::nullopt;
}

std::string last_lines(const std::string& path, std::size_t count) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    std::string out;
    for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i) {
        out += (out.empty() ? "" : " | ") + lines[i];
    }
    return out;
}

}  // namespace

std::expected<std::unique_ptr<TemporaryCluster>, std::string> TemporaryCluster::start() {
    auto bindir = find_bindir();
    if (!bindir) {
        return std::unexpected(
            "cannot find the PostgreSQL server programs (initdb, pg_ctl, postgres): not in pg_config --bindir, "
            "/usr/lib/postgresql/15/bin or PATH; install postgresql-15 or pass --dsn");
    }
    std::string base = "/tmp";
    if (const char* tmp = std::getenv("TMPDIR"); tmp != nullptr && *tmp != '\0') {
        base = tmp;
    }
    std::string pattern = base + "/schemerge-verify-XXXXXX";
    // Unix socket paths are limited to about 107 bytes, socket file name included.
    if (pattern.size() > 80) {
        pattern = "/tmp/schemerge-verify-XXXXXX";
    }
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
        return std::unexpected("cannot create a temporary directory in " + base + ": " + std::strerror(errno));
    }
    std::unique_ptr<TemporaryCluster> cluster(new TemporaryCluster(*bindir, buffer.data()));
    const std::string& dir = cluster->directory_;
    ::chmod(dir.c_str(), 0755);
    if (::geteuid() == 0) {
        struct passwd* user = ::getpwnam("postgres");
        if (user == nullptr) {
            return std::unexpected("running as root, but there is no `postgres` system user to run the server as");
        }
        if (::chown(dir.c_str(), user->pw_uid, user->pw_gid) != 0) {
            return std::unexpected("cannot give " + dir + " to the postgres user: " + std::strerror(errno));
        }
    }
    const std::string log = dir + "/setup.log";
    const std::string data = dir + "/data";
    if (int rc = run_program(as_server_user({*bindir + "/initdb", "-D", data, "--auth=trust", "-U", "postgres",
                                             "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"}),
                             log);
        rc != 0) {
        return std::unexpected("initdb failed (exit " + std::to_string(rc) + "): " + last_lines(log, 2));
    }
    cluster->started_ = true;  // from here on the destructor runs pg_ctl stop
    const std::string options = "-c listen_addresses='' -k " + dir +
                                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    if (int rc = run_program(as_server_user({*bindir + "/pg_ctl", "-D", data, "-l", dir + "/server.log", "-w", "-t",
                                             "60", "-o", options, "start"}),
                             log);
        rc != 0) {
        return std::unexpected("the PostgreSQL server did not start: " + last_lines(dir + "/server.log", 2));
    }
    return cluster;
}

TemporaryCluster::~TemporaryCluster() {
    if (!keep_) {
        stop_and_remove();
    }
}

void TemporaryCluster::stop_and_remove() {
    const std::string data = directory_ + "/data";
    if (started_ && fs::exists(data + "/postmaster.pid")) {
        // A signal that interrupted us must not also interrupt the shutdown.
        struct sigaction ignore {};
        struct sigaction old_int {};
        struct sigaction old_term {};
        ignore.sa_handler = SIG_IGN;
        ::sigaction(SIGINT, &ignore, &old_int);
        ::sigaction(SIGTERM, &ignore, &old_term);
        int rc = run_program(as_server_user({bindir_ + "/pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "30", "stop"}),
                             "/dev/null");
        if (rc != 0) {
            // pg_ctl failed: SIGQUIT (immediate shutdown) to the postmaster we started.
            std::ifstream pid_file(data + "/postmaster.pid");
            long pid = 0;
            if (pid_file >> pid && pid > 0) {
                ::kill(static_cast<pid_t>(pid), SIGQUIT);
                for (int i = 0; i < 20 && ::kill(static_cast<pid_t>(pid), 0) == 0; ++i) {
                    ::usleep(250'000);
                }
            }
        }
        ::sigaction(SIGINT, &old_int, nullptr);
        ::sigaction(SIGTERM, &old_term, nullptr);
    }
    std::error_code ec;
    fs::remove_all(directory_, ec);
}

std::string TemporaryCluster::conninfo() const { return "host=" + directory_ + " user=postgres dbname=postgres"; }

std::string TemporaryCluster::stop_command() const {
    std::string pg_ctl = bindir_ + "/pg_ctl -D " + directory_ + "/data -m fast stop";
    if (::geteuid() == 0) {
        pg_ctl = "runuser -u postgres -- " + pg_ctl;
    }
    return pg_ctl + " && rm -rf " + directory_;
}

}  // namespace schemerge::cli::postgres
