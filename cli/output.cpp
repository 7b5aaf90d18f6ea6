#include "cli/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace schemerge::cli {

std::expected<std::string, std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::unexpected("cannot read '" + path + "'");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::expected<void, std::string> write_output(const std::string& path, const std::string& content) {
    if (path.empty() || path == "-") {
        std::cout << content;
        std::cout.flush();
        if (!std::cout) {
            return std::unexpected("cannot write to standard output");
        }
        return {};
    }
    std::filesystem::path target(path);
    std::error_code status_ec;
    // Write through a symlink to its target, and into FIFOs and devices directly:
    // only a regular file (or a new one) is replaced atomically.
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(target, status_ec))) {
        target = std::filesystem::weakly_canonical(target, status_ec);
    }
    auto status = std::filesystem::status(target, status_ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        if (std::filesystem::is_directory(status)) {
            return std::unexpected("cannot write '" + path + "': it is a directory");
        }
        std::ofstream out(target, std::ios::binary);
        if (!out) {
            return std::unexpected("cannot write '" + path + "': " + std::strerror(errno));
        }
        out << content;
        out.flush();
        if (!out) {
            return std::unexpected("cannot write '" + path + "'");
        }
        return {};
    }
    std::filesystem::path temp = target;
    temp += ".schemerge-tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            return std::unexpected("cannot write '" + path + "': " + std::strerror(errno));
        }
        out << content;
        out.close();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(temp, ec);
            return std::unexpected("cannot write '" + path + "'");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        return std::unexpected("cannot write '" + path + "': " + ec.message());
    }
    return {};
}

}  // namespace schemerge::cli
