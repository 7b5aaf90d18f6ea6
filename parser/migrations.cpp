#include "parser/migrations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>
#include <utility>

#include <fmt/format.h>

namespace schemerge::parser {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<DirectoryLayout, std::string_view>, 6> k_layout_names{{
    {DirectoryLayout::detect, "auto"},
    {DirectoryLayout::files, "files"},
    {DirectoryLayout::flyway, "flyway"},
    {DirectoryLayout::golang_migrate, "golang-migrate"},
    {DirectoryLayout::dbmate, "dbmate"},
    {DirectoryLayout::numbered, "numbered"},
}};

model::Diagnostic make_diag(model::Severity severity, const std::string& file, std::uint32_t line,
                            std::string message) {
    model::Diagnostic d;
    d.severity = severity;
    if (!file.empty()) {
        d.location.file = std::make_shared<const std::string>(file);
        d.location.line = line;
        d.location.column = line == 0 ? 0 : 1;
    }
    d.message = std::move(message);
    return d;
}

model::Error error_at(const std::string& file, std::string message, std::uint32_t line = 0) {
    return model::Error{{make_diag(model::Severity::error, file, line, std::move(message))}};
}

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Natural order so that schema files named V2 and V10 replay V2 first.
bool natural_less(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t i2 = i;
            std::size_t j2 = j;
            while (i2 < a.size() && is_digit(a[i2])) {
                ++i2;
            }
            while (j2 < b.size() && is_digit(b[j2])) {
                ++j2;
            }
            std::string_view na = std::string_view{a}.substr(i, i2 - i);
            std::string_view nb = std::string_view{b}.substr(j, j2 - j);
            while (na.size() > 1 && na[0] == '0') {
                na.remove_prefix(1);
            }
            while (nb.size() > 1 && nb[0] == '0') {
                nb.remove_prefix(1);
            }
            if (na.size() != nb.size()) {
                return na.size() < nb.size();
            }
            if (na != nb) {
                return na < nb;
            }
            i = i2;
            j = j2;
        } else {
            if (a[i] != b[j]) {
                return a[i] < b[j];
            }
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

// A migration version: its numeric parts without leading zeros. Parts are compared as
// numbers of any length (a 14-digit timestamp and a 30-digit one compare correctly).
using Version = std::vector<std::string>;

std::string without_leading_zeros(std::string_view digits) {
    while (digits.size() > 1 && digits[0] == '0') {
        digits.remove_prefix(1);
    }
    return std::string{digits};
}

int compare_numbers(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) {
        return a.size() < b.size() ? -1 : 1;
    }
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

// Missing parts count as 0, as Flyway's MigrationVersion compares them: 1 = 1.0 and
// 1.1 < 1.1.1 < 1.2.
int compare_versions(const Version& a, const Version& b) {
    static const std::string zero = "0";
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        int c = compare_numbers(i < a.size() ? a[i] : zero, i < b.size() ? b[i] : zero);
        if (c != 0) {
            return c;
        }
    }
    return 0;
}

// Flyway versions are numbers separated by '.' or '_' (V1_1__x.sql is version 1.1).
std::optional<Version> parse_flyway_version(std::string_view text) {
    Version out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find_first_of("._", start);
        std::string_view part =
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (part.empty() || !std::ranges::all_of(part, is_digit)) {
            return std::nullopt;
        }
        out.push_back(without_leading_zeros(part));
        if (end == std::string_view::npos) {
            return out;
        }
        start = end + 1;
    }
}

std::string_view basename(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool top_level(const DirectoryEntry& e) {
    return e.relative_path.find('/') == std::string::npos;
}

// Hidden entries (.git, editor swap directories) are never migrations.
bool hidden(std::string_view path) {
    std::size_t start = 0;
    while (start < path.size()) {
        if (path[start] == '.') {
            return true;
        }
        auto slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            return false;
        }
        start = slash + 1;
    }
    return false;
}

bool flyway_versioned_shape(std::string_view base) {
    return base.size() > 2 && base[0] == 'V' && is_digit(base[1]) && base.find("__", 1) != std::string_view::npos &&
           base.ends_with(".sql");
}

// V1__x.sql, U1__x.sql, R__x.sql. Only the first character after V/U is looked at, so
// a malformed version (V1.a__x.sql) still counts as meant-to-be Flyway and gets its error.
bool flyway_shape(std::string_view base) {
    if (!base.ends_with(".sql")) {
        return false;
    }
    if (base.starts_with("R__")) {
        return true;
    }
    return base.size() > 2 && (base[0] == 'V' || base[0] == 'U') && is_digit(base[1]) &&
           base.find("__", 1) != std::string_view::npos;
}

bool golang_shape(std::string_view base) {
    return base.ends_with(".up.sql") || base.ends_with(".down.sql");
}

bool digit_shape(std::string_view base) {
    return !base.empty() && is_digit(base[0]);
}

// Offset of the first dbmate marker line `-- migrate:<which>`. dbmate accepts spaces after
// `--` and options after the marker (`-- migrate:up transaction:false`).
std::size_t find_marker(std::string_view text, std::string_view which) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = text.size();
        }
        std::string_view line = text.substr(pos, eol - pos);
        if (line.starts_with("--")) {
            line.remove_prefix(2);
            while (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
                line.remove_prefix(1);
            }
            if (line.starts_with("migrate:") && line.substr(8).starts_with(which)) {
                std::string_view after = line.substr(8 + which.size());
                if (after.empty() || after[0] == ' ' || after[0] == '\t' || after[0] == '\r') {
                    return pos;
                }
            }
        }
        if (eol == text.size()) {
            break;
        }
        pos = eol + 1;
    }
    return std::string_view::npos;
}

std::uint32_t line_of(std::string_view text, std::size_t offset) {
    return static_cast<std::uint32_t>(
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Every character but line breaks becomes a space, so later text keeps its line:col.
void blank(std::string& text, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end && i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') {
            text[i] = ' ';
        }
    }
}

// The digits of `<n>_<name>.sql`, `<n>-<name>.sql` or `<n>.sql`, or why the name is not one.
std::expected<std::string, std::string> numbered_version(std::string_view base) {
    std::size_t n = 0;
    while (n < base.size() && is_digit(base[n])) {
        ++n;
    }
    if (n == 0) {
        return std::unexpected(std::string{"has no version number: expected <number>_<name>.sql"});
    }
    std::string_view rest = base.substr(n);
    if (rest != ".sql" && !rest.starts_with('_') && !rest.starts_with('-')) {
        return std::unexpected(
            fmt::format("has a malformed version '{}': expected <number>_<name>.sql or <number>-<name>.sql",
                        base.substr(0, base.find_first_of("_-"))));
    }
    return std::string{base.substr(0, n)};
}

struct Migration {
    Version version;
    std::string version_text;  // as written, for messages
    const DirectoryEntry* entry = nullptr;
    std::string text;
};

// One directory being ordered: its .sql entries in natural path order.
struct Directory {
    std::string prefix;
    std::vector<DirectoryEntry> sql;

    [[nodiscard]] std::string display(const DirectoryEntry& e) const { return prefix + e.relative_path; }
    [[nodiscard]] std::string name() const {
        std::string n = prefix;
        while (n.size() > 1 && n.back() == '/') {
            n.pop_back();
        }
        return n.empty() ? std::string{"."} : n;
    }
    [[nodiscard]] std::vector<const DirectoryEntry*> top() const {
        std::vector<const DirectoryEntry*> out;
        for (const auto& e : sql) {
            if (top_level(e)) {
                out.push_back(&e);
            }
        }
        return out;
    }
};

std::expected<void, model::Error> add_replayed(const Directory& dir, const DirectoryEntry& entry, std::string text,
                                               OrderedSources& out) {
    auto source = make_checked_source(dir.display(entry), std::move(text));
    if (!source) {
        return std::unexpected(source.error());
    }
    out.files.push_back(std::move(*source));
    return {};
}

// Layouts other than Flyway read the top level only (as their tools do); .sql files
// below it are reported, not replayed.
std::expected<std::vector<const DirectoryEntry*>, model::Error> top_files(const Directory& dir, DirectoryLayout layout,
                                                                          OrderedSources& out) {
    std::size_t nested = 0;
    const DirectoryEntry* first = nullptr;
    for (const auto& e : dir.sql) {
        if (!top_level(e)) {
            first = first == nullptr ? &e : first;
            ++nested;
        }
    }
    if (nested > 0) {
        out.notes.push_back(make_diag(
            model::Severity::note, dir.display(*first), 0,
            fmt::format("ignoring {} .sql file{} in sub-directories (first: {}): the {} layout reads the top level "
                        "of the directory only",
                        nested, nested == 1 ? "" : "s", first->relative_path, layout_name(layout))));
    }
    auto top = dir.top();
    if (top.empty()) {
        return std::unexpected(error_at(
            dir.name(), fmt::format("no .sql files at the top level of directory '{}' (the {} layout does not read "
                                    "sub-directories)",
                                    dir.name(), layout_name(layout))));
    }
    return top;
}

// Sorts by version and rejects two files with one version: their order would be a guess.
std::expected<void, model::Error> sort_by_version(const Directory& dir, std::vector<Migration>& migrations) {
    std::ranges::stable_sort(
        migrations, [](const Migration& a, const Migration& b) { return compare_versions(a.version, b.version) < 0; });
    for (std::size_t i = 1; i < migrations.size(); ++i) {
        const Migration& a = migrations[i - 1];
        const Migration& b = migrations[i];
        if (compare_versions(a.version, b.version) == 0) {
            model::Diagnostic d =
                make_diag(model::Severity::error, dir.display(*b.entry), 0,
                          fmt::format("two migrations have version {}: {} and {}; their replay order would be a guess",
                                      b.version_text, a.entry->relative_path, b.entry->relative_path));
            d.related.push_back(
                model::SourceLocation{std::make_shared<const std::string>(dir.display(*a.entry)), 0, 0});
            d.related_notes.push_back(fmt::format("the other migration with version {}", a.version_text));
            return std::unexpected(model::Error{{std::move(d)}});
        }
    }
    return {};
}

std::expected<void, model::Error> replay(const Directory& dir, std::vector<Migration>& migrations,
                                         OrderedSources& out) {
    if (auto sorted = sort_by_version(dir, migrations); !sorted) {
        return sorted;
    }
    for (auto& m : migrations) {
        if (auto added = add_replayed(dir, *m.entry, std::move(m.text), out); !added) {
            return added;
        }
    }
    return {};
}

std::expected<void, model::Error> order_files(const Directory& dir, OrderedSources& out) {
    auto top = top_files(dir, DirectoryLayout::files, out);
    if (!top) {
        return std::unexpected(top.error());
    }
    for (const DirectoryEntry* e : *top) {
        if (auto added = add_replayed(dir, *e, e->text, out); !added) {
            return added;
        }
    }
    return {};
}

// https://documentation.red-gate.com/fd/migrations-184127470.html: versioned V, undo U,
// repeatable R; locations are scanned recursively, and only the version orders.
std::expected<void, model::Error> order_flyway(const Directory& dir, OrderedSources& out) {
    std::vector<Migration> migrations;
    for (const auto& e : dir.sql) {
        std::string_view base = basename(e.relative_path);
        if (base.starts_with("R__")) {
            out.notes.push_back(make_diag(
                model::Severity::note, dir.display(e), 0,
                fmt::format("ignoring repeatable migration {} (Flyway re-runs R files after the versioned ones "
                            "whenever they change; they have no version to replay them by)",
                            e.relative_path)));
            continue;
        }
        std::size_t sep = base.find("__", 1);
        if (base.size() < 2 || (base[0] != 'V' && base[0] != 'U') || sep == std::string_view::npos ||
            !base.ends_with(".sql")) {
            return std::unexpected(error_at(
                dir.display(e), fmt::format("'{}' is not a Flyway migration name (V<version>__<description>.sql, "
                                            "U<version>__<description>.sql or R__<description>.sql)",
                                            e.relative_path)));
        }
        if (base[0] == 'U') {
            out.notes.push_back(make_diag(
                model::Severity::note, dir.display(e), 0,
                fmt::format("ignoring undo migration {} (Flyway U files revert a versioned migration; they are not "
                            "replayed to compute the schema)",
                            e.relative_path)));
            continue;
        }
        std::string_view version_text = base.substr(1, sep - 1);
        auto version = parse_flyway_version(version_text);
        if (!version) {
            return std::unexpected(error_at(
                dir.display(e), fmt::format("the version '{}' of '{}' is not a number (Flyway versions are numbers "
                                            "separated by '.' or '_', e.g. V1.2__add_email.sql)",
                                            version_text, e.relative_path)));
        }
        migrations.push_back(Migration{std::move(*version), std::string{version_text}, &e, e.text});
    }
    if (migrations.empty()) {
        return std::unexpected(error_at(
            dir.name(), fmt::format("no Flyway versioned migrations (V<version>__<description>.sql) in directory '{}'",
                                    dir.name())));
    }
    return replay(dir, migrations, out);
}

// https://github.com/golang-migrate/migrate/blob/master/MIGRATIONS.md:
// {version}_{title}.up.{extension} / .down.{extension}, version an unsigned integer.
std::expected<void, model::Error> order_golang_migrate(const Directory& dir, OrderedSources& out) {
    auto top = top_files(dir, DirectoryLayout::golang_migrate, out);
    if (!top) {
        return std::unexpected(top.error());
    }
    std::vector<Migration> migrations;
    std::size_t downs = 0;
    const DirectoryEntry* first_down = nullptr;
    for (const DirectoryEntry* e : *top) {
        std::string_view base = e->relative_path;
        std::size_t n = 0;
        while (n < base.size() && is_digit(base[n])) {
            ++n;
        }
        bool up = base.ends_with(".up.sql");
        bool down = base.ends_with(".down.sql");
        std::size_t suffix = up ? 7 : 9;
        if (n == 0 || (!up && !down) || n >= base.size() || base[n] != '_' || base.size() < n + 1 + suffix) {
            std::string why = golang_shape(base) && (n == 0 || n >= base.size() || base[n] != '_')
                                  ? "its version is not a number"
                                  : "it is not a golang-migrate migration name";
            return std::unexpected(
                error_at(dir.display(*e),
                         fmt::format("'{}': {} (expected <version>_<title>.up.sql or <version>_<title>.down.sql)",
                                     e->relative_path, why)));
        }
        if (down) {
            first_down = first_down == nullptr ? e : first_down;
            ++downs;
            continue;
        }
        std::string digits{base.substr(0, n)};
        migrations.push_back(Migration{{without_leading_zeros(digits)}, digits, e, e->text});
    }
    if (downs > 0) {
        out.notes.push_back(make_diag(
            model::Severity::note, dir.display(*first_down), 0,
            fmt::format("ignoring {} down migration{} (*.down.sql): they revert up migrations and are not replayed "
                        "to compute the schema",
                        downs, downs == 1 ? "" : "s")));
    }
    if (migrations.empty()) {
        return std::unexpected(error_at(
            dir.name(),
            fmt::format("no golang-migrate up migrations (<version>_<title>.up.sql) in directory '{}'", dir.name())));
    }
    return replay(dir, migrations, out);
}

// https://github.com/amacneil/dbmate#creating-migrations: one file per version holds an
// up section (`-- migrate:up`) and an optional down section (`-- migrate:down`) after it.
std::expected<void, model::Error> order_dbmate(const Directory& dir, OrderedSources& out) {
    auto top = top_files(dir, DirectoryLayout::dbmate, out);
    if (!top) {
        return std::unexpected(top.error());
    }
    std::vector<Migration> migrations;
    for (const DirectoryEntry* e : *top) {
        auto digits = numbered_version(e->relative_path);
        if (!digits) {
            return std::unexpected(
                error_at(dir.display(*e), fmt::format("dbmate migration '{}' {}", e->relative_path, digits.error())));
        }
        std::string text = e->text;
        if (text.starts_with("\xEF\xBB\xBF")) {
            text.erase(0, 3);  // dropped before blanking, so it is not turned into spaces
        }
        std::size_t up = find_marker(text, "up");
        if (up == std::string::npos) {
            return std::unexpected(error_at(
                dir.display(*e), fmt::format("dbmate migration '{}' has no '-- migrate:up' line (dbmate replays "
                                             "only the section after it)",
                                             e->relative_path)));
        }
        std::size_t down = find_marker(text, "down");
        if (down != std::string::npos && down < up) {
            return std::unexpected(error_at(dir.display(*e),
                                            fmt::format("'-- migrate:down' comes before '-- migrate:up' in '{}'; "
                                                        "dbmate expects the up section first",
                                                        e->relative_path),
                                            line_of(text, down)));
        }
        std::size_t up_end = text.find('\n', up);
        blank(text, 0, up_end == std::string::npos ? text.size() : up_end);
        if (down != std::string::npos) {
            blank(text, down, text.size());
        }
        migrations.push_back(Migration{{without_leading_zeros(*digits)}, *digits, e, std::move(text)});
    }
    return replay(dir, migrations, out);
}

std::expected<void, model::Error> order_numbered(const Directory& dir, OrderedSources& out) {
    auto top = top_files(dir, DirectoryLayout::numbered, out);
    if (!top) {
        return std::unexpected(top.error());
    }
    std::vector<Migration> migrations;
    for (const DirectoryEntry* e : *top) {
        auto digits = numbered_version(e->relative_path);
        if (!digits) {
            return std::unexpected(
                error_at(dir.display(*e), fmt::format("migration '{}' {}", e->relative_path, digits.error())));
        }
        migrations.push_back(Migration{{without_leading_zeros(*digits)}, *digits, e, e->text});
    }
    return replay(dir, migrations, out);
}

std::expected<DirectoryLayout, model::Error> detect(const Directory& dir) {
    auto top = dir.top();
    bool any_versioned = std::ranges::any_of(
        dir.sql, [](const DirectoryEntry& e) { return flyway_versioned_shape(basename(e.relative_path)); });
    auto all_top = [&](auto pred) {
        return std::ranges::all_of(top, [&](const DirectoryEntry* e) { return pred(e->relative_path); });
    };
    auto any_top = [&](auto pred) {
        return std::ranges::any_of(top, [&](const DirectoryEntry* e) { return pred(e->relative_path); });
    };
    if (any_versioned && all_top(flyway_shape)) {
        return DirectoryLayout::flyway;
    }
    if (top.empty()) {
        return std::unexpected(error_at(
            dir.name(), fmt::format("no .sql files at the top level of directory '{}' (only the Flyway layout reads "
                                    "sub-directories)",
                                    dir.name())));
    }
    if (any_top(golang_shape)) {
        return DirectoryLayout::golang_migrate;
    }
    if (std::ranges::any_of(top,
                            [](const DirectoryEntry* e) { return find_marker(e->text, "up") != std::string::npos; })) {
        return DirectoryLayout::dbmate;
    }
    if (all_top(digit_shape)) {
        return DirectoryLayout::numbered;
    }
    auto flyway_count =
        std::ranges::count_if(top, [](const DirectoryEntry* e) { return flyway_shape(e->relative_path); });
    auto numbered_count =
        std::ranges::count_if(top, [](const DirectoryEntry* e) { return digit_shape(e->relative_path); });
    if (flyway_count == 0 && numbered_count == 0) {
        return DirectoryLayout::files;
    }
    bool flyway = flyway_count >= numbered_count;
    for (const DirectoryEntry* e : top) {
        if (flyway ? !flyway_shape(e->relative_path) : !digit_shape(e->relative_path)) {
            return std::unexpected(error_at(
                dir.display(*e),
                fmt::format("'{}' does not look like the other migrations in '{}' ({}): a mistyped migration name "
                            "would be replayed out of order. Rename it or move it out of the directory, or set the "
                            "layout to 'files' to replay every file in name order",
                            e->relative_path, dir.name(),
                            flyway ? "Flyway V<version>__<description>.sql" : "<number>_<name>.sql")));
        }
    }
    return DirectoryLayout::flyway;  // only U and R files: order_flyway says there is nothing to replay
}

}  // namespace

std::optional<DirectoryLayout> layout_from_name(std::string_view name) {
    for (const auto& [layout, text] : k_layout_names) {
        if (text == name) {
            return layout;
        }
    }
    return std::nullopt;
}

std::string_view layout_name(DirectoryLayout layout) {
    for (const auto& [l, text] : k_layout_names) {
        if (l == layout) {
            return text;
        }
    }
    return "unknown";
}

std::expected<OrderedSources, model::Error> order_directory(std::string display_prefix,
                                                            std::vector<DirectoryEntry> entries,
                                                            DirectoryLayout layout) {
    Directory dir;
    dir.prefix = std::move(display_prefix);
    for (auto& e : entries) {
        if (e.relative_path.ends_with(".sql") && !hidden(e.relative_path)) {
            dir.sql.push_back(std::move(e));
        }
    }
    // Inputs come in any order (directory iteration order is unspecified); the result
    // and its notes must not depend on it.
    std::ranges::sort(dir.sql, [](const DirectoryEntry& a, const DirectoryEntry& b) {
        return natural_less(a.relative_path, b.relative_path);
    });
    if (dir.sql.empty()) {
        return std::unexpected(error_at(dir.name(), fmt::format("directory '{}' contains no .sql files", dir.name())));
    }
    if (layout == DirectoryLayout::detect) {
        auto detected = detect(dir);
        if (!detected) {
            return std::unexpected(detected.error());
        }
        layout = *detected;
    }
    OrderedSources out;
    out.layout = layout;
    std::expected<void, model::Error> done;
    switch (layout) {
        case DirectoryLayout::files: done = order_files(dir, out); break;
        case DirectoryLayout::flyway: done = order_flyway(dir, out); break;
        case DirectoryLayout::golang_migrate: done = order_golang_migrate(dir, out); break;
        case DirectoryLayout::dbmate: done = order_dbmate(dir, out); break;
        case DirectoryLayout::numbered: done = order_numbered(dir, out); break;
        case DirectoryLayout::detect:
        default: return std::unexpected(error_at(dir.name(), "internal error: no directory layout chosen"));
    }
    if (!done) {
        return std::unexpected(done.error());
    }
    return out;
}

namespace {

std::expected<std::string, model::Error> read_bytes(const fs::path& path) {
    auto cannot_read = [&path] {
        return std::unexpected(
            model::Error{{make_diag(model::Severity::error, {}, 0,
                                    fmt::format("cannot read '{}': {}", path.string(),
                                                std::error_code(errno, std::generic_category()).message()))}});
    };
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return cannot_read();
    }
    // Read straight into the string (a 27 MB file through an ostringstream was copied
    // twice, growing by doubling): the size first, then whatever a growing file adds.
    std::string bytes;
    std::error_code size_error;
    const auto size = fs::file_size(path, size_error);
    if (!size_error) {
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (in.good()) {
        char chunk[65536];
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
            bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        }
    }
    if (in.bad()) {
        return cannot_read();
    }
    return bytes;
}

}  // namespace

std::expected<OrderedSources, model::Error> read_source_set(const std::string& path, DirectoryLayout layout) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        return std::unexpected(error_at({}, fmt::format("cannot read '{}': no such file or directory", path)));
    }
    if (!fs::is_directory(status)) {
        if (layout != DirectoryLayout::detect && layout != DirectoryLayout::files) {
            return std::unexpected(
                error_at(path, fmt::format("'{}' is a file; the {} layout reads a directory of migrations", path,
                                           layout_name(layout))));
        }
        auto bytes = read_bytes(path);
        if (!bytes) {
            return std::unexpected(bytes.error());
        }
        auto source = make_checked_source(path, std::move(*bytes));
        if (!source) {
            return std::unexpected(source.error());
        }
        OrderedSources out;
        out.files.push_back(std::move(*source));
        return out;
    }
    std::vector<DirectoryEntry> entries;
    const fs::path root(path);
    fs::recursive_directory_iterator it(root, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.filename().string().starts_with('.')) {
            if (it->is_directory()) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (!it->is_regular_file() || p.extension() != ".sql") {
            continue;
        }
        auto bytes = read_bytes(p);
        if (!bytes) {
            return std::unexpected(bytes.error());
        }
        entries.push_back(DirectoryEntry{p.lexically_relative(root).generic_string(), std::move(*bytes)});
    }
    if (ec) {
        return std::unexpected(error_at({}, fmt::format("cannot list '{}': {}", path, ec.message())));
    }
    std::string prefix = path;
    if (!prefix.ends_with('/')) {
        prefix += '/';
    }
    return order_directory(std::move(prefix), std::move(entries), layout);
}

}  // namespace schemerge::parser
