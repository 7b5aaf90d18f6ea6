#include "cli/mysql/dsn.hpp"

#include <charconv>

#include <fmt/format.h>

namespace schemerge::cli::mysql {

namespace {

constexpr std::string_view k_form = "mysql://USER[:PASSWORD]@HOST[:PORT][/DATABASE][?socket=PATH]";

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// RFC 3986 percent-decoding; an error on a broken escape.
std::expected<std::string, std::string> decode(std::string_view part, std::string_view what) {
    std::string out;
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (part[i] != '%') {
            out += part[i];
            continue;
        }
        int hi = i + 1 < part.size() ? hex_value(part[i + 1]) : -1;
        int lo = i + 2 < part.size() ? hex_value(part[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            return std::unexpected(fmt::format("a broken %-escape in the {}", what));
        }
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

}  // namespace

std::string MysqlDsn::redacted() const {
    std::string out = "mysql://" + user + (has_password ? ":***" : "") + "@" + host;
    if (port != 0) {
        out += ":" + std::to_string(port);
    }
    if (!database.empty()) {
        out += "/" + database;
    }
    if (!socket.empty()) {
        out += "?socket=" + socket;
    }
    return out;
}

std::expected<MysqlDsn, std::string> parse_dsn(std::string_view uri) {
    auto fail = [&](std::string_view why) {
        return std::unexpected(fmt::format("--dsn '{}': {} (expected {})", uri, why, k_form));
    };
    std::string_view rest = uri;
    if (rest.starts_with("mysql://")) {
        rest.remove_prefix(8);
    } else if (rest.starts_with("mariadb://")) {
        rest.remove_prefix(10);
    } else {
        return fail("not a mysql:// or mariadb:// URI");
    }
    MysqlDsn dsn;
    std::string_view query;
    if (auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string_view path;
    if (auto slash = rest.find('/'); slash != std::string_view::npos) {
        path = rest.substr(slash + 1);
        rest = rest.substr(0, slash);
    }
    auto at = rest.rfind('@');
    if (at == std::string_view::npos) {
        return fail("no USER@");
    }
    std::string_view userinfo = rest.substr(0, at);
    std::string_view hostport = rest.substr(at + 1);
    std::string_view user = userinfo;
    if (auto colon = userinfo.find(':'); colon != std::string_view::npos) {
        user = userinfo.substr(0, colon);
        auto password = decode(userinfo.substr(colon + 1), "password");
        if (!password) {
            return fail(password.error());
        }
        dsn.password = *password;
        dsn.has_password = true;
    }
    auto decoded_user = decode(user, "user");
    if (!decoded_user) {
        return fail(decoded_user.error());
    }
    if (decoded_user->empty()) {
        return fail("the user is empty");
    }
    dsn.user = *decoded_user;
    std::string_view host = hostport;
    if (auto colon = hostport.rfind(':'); colon != std::string_view::npos && !hostport.starts_with('[')) {
        host = hostport.substr(0, colon);
        std::string_view port = hostport.substr(colon + 1);
        unsigned value = 0;
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) {
            return fail(fmt::format("port '{}' is not a number from 1 to 65535", port));
        }
        dsn.port = value;
    }
    auto decoded_host = decode(host, "host");
    if (!decoded_host) {
        return fail(decoded_host.error());
    }
    dsn.host = *decoded_host;
    auto database = decode(path, "database");
    if (!database) {
        return fail(database.error());
    }
    if (database->find('/') != std::string::npos) {
        return fail("the database name holds a '/'");
    }
    dsn.database = *database;
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        auto eq = item.find('=');
        std::string_view key = item.substr(0, eq);
        std::string_view value = eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1);
        if (key == "socket") {
            auto socket = decode(value, "socket path");
            if (!socket) {
                return fail(socket.error());
            }
            if (socket->empty()) {
                return fail("socket= without a path");
            }
            dsn.socket = *socket;
        } else {
            return fail(fmt::format("unknown parameter '{}' (only socket= is known)", key));
        }
    }
    if (dsn.host.empty()) {
        if (dsn.socket.empty()) {
            return fail("no host (and no ?socket=PATH)");
        }
        dsn.host = "localhost";
    }
    return dsn;
}

}  // namespace schemerge::cli::mysql
