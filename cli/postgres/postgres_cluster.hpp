#pragma once
#include <expected>
#include <memory>
#include <string>

namespace schemerge::cli::postgres {

// A throwaway PostgreSQL cluster: initdb in a fresh temporary directory, listening only
// on a Unix socket inside it, trust authentication for the `postgres` user. The
// destructor stops the server (pg_ctl stop -m fast) and removes the directory, unless
// keep() was called. As root, the directory belongs to the `postgres` system user and
// the server tools run through `runuser -u postgres --` (PostgreSQL refuses root).
class TemporaryCluster {
public:
    // Finds initdb/pg_ctl (pg_config --bindir, /usr/lib/postgresql/15/bin, PATH),
    // creates, starts and waits for the cluster. The error is one line.
    [[nodiscard]] static std::expected<std::unique_ptr<TemporaryCluster>, std::string> start();

    TemporaryCluster(const TemporaryCluster&) = delete;
    TemporaryCluster& operator=(const TemporaryCluster&) = delete;
    ~TemporaryCluster();

    // "host=DIR user=postgres dbname=postgres"
    [[nodiscard]] std::string conninfo() const;
    [[nodiscard]] const std::string& directory() const { return directory_; }
    // How to stop and remove a kept cluster by hand.
    [[nodiscard]] std::string stop_command() const;
    void keep() { keep_ = true; }

private:
    TemporaryCluster(std::string bindir, std::string directory) : bindir_(std::move(bindir)), directory_(std::move(directory)) {}
    void stop_and_remove();

    std::string bindir_;
    std::string directory_;
    bool started_ = false;
    bool keep_ = false;
};

}  // namespace schemerge::cli::postgres
