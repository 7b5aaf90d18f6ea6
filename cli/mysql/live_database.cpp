#include "cli/mysql/live_database.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/mysql/dsn.hpp"
#include "cli/mysql/mariadb_connection.hpp"
#include "cli/mysql/script_pieces.hpp"
#include "cli/dialect.hpp"
#include "model/schema.hpp"
#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::cli::mysql {

namespace {

// A string literal for any sql_mode (quote and backslash escaped; NO_BACKSLASH_ESCAPES
// is not set in schemerge's sessions).
std::string literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') {
            out += c == '\'' ? '\'' : '\\';
        }
        out += c;
    }
    return out + "'";
}

std::string q(std::string_view name) { return MariadbConnection::quote(name); }

// The DSN as typed with the password replaced by "***" (the scheme kept).
std::string redact(const std::string& dsn) {
    std::string out = dsn;
    auto scheme = out.find("://");
    if (scheme == std::string::npos) {
        return out;
    }
    const std::size_t start = scheme + 3;
    std::size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) {
        end = out.size();
    }
    const std::size_t at = out.rfind('@', end);
    if (at == std::string::npos || at < start) {
        return out;
    }
    const std::size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
    }
    return out;
}

bool is_bookkeeping(std::string_view table) { return table == k_history_table || table == k_branch_table; }

// Whether a piece of a script holds only comments and blanks (the server rejects it as
// an empty query). Versioned comments (/*! ... */) are statements.
bool only_comments(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
        } else if (c == '#' || (sql.substr(i, 2) == "--" && (i + 2 >= sql.size() || std::isspace(static_cast<unsigned char>(sql[i + 2])) != 0))) {
            const auto nl = sql.find('\n', i);
            i = nl == std::string_view::npos ? sql.size() : nl + 1;
        } else if (sql.substr(i, 2) == "/*" && sql.substr(i, 3) != "/*!") {
            const auto close = sql.find("*/", i + 2);
            if (close == std::string_view::npos) {
                return false;
            }
            i = close + 2;
        } else if (c == ';') {
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

// "5s", "500ms", "1min", "2h", "10" (seconds) as seconds; nullopt when unreadable.
std::optional<double> seconds_of(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) != 0 || text[i] == '.')) {
        ++i;
    }
    if (i == 0) {
        return std::nullopt;
    }
    double value = 0;
    try {
        value = std::stod(std::string(text.substr(0, i)));
    } catch (...) {
        return std::nullopt;
    }
    std::string unit(text.substr(i));
    while (!unit.empty() && unit.front() == ' ') {
        unit.erase(0, 1);
    }
    if (unit.empty() || unit == "s") {
        return value;
    }
    if (unit == "ms") {
        return value / 1000;
    }
    if (unit == "min") {
        return value * 60;
    }
    if (unit == "h") {
        return value * 3600;
    }
    return std::nullopt;
}

// A delimiter that occurs in none of `bodies`, for DELIMITER lines around them.
std::string delimiter_for(const std::vector<std::string>& bodies) {
    for (std::string candidate : {";;", "$$", "//", "@@", ";;;;", "$$$$"}) {
        if (std::none_of(bodies.begin(), bodies.end(),
                         [&](const std::string& b) { return b.find(candidate) != std::string::npos; })) {
            return candidate;
        }
    }
    return "$$schemerge$$";
}

// The value of column `i` of a row ("" for NULL).
std::string at(const MariadbConnection::Row& row, std::size_t i) {
    return i < row.size() && row[i] ? *row[i] : std::string();
}

// `db`. taken out of a view definition: MySQL 8 qualifies the view's own tables with its
// database; a file (and another database's copy) names them without.
std::string strip_database(std::string text, const std::string& database) {
    const std::string prefix = q(database) + ".";
    for (auto pos = text.find(prefix); pos != std::string::npos; pos = text.find(prefix, pos)) {
        text.erase(pos, prefix.size());
    }
    return text;
}

// The `DEFINER=user@host ` clause out of a SHOW CREATE text: a copy is defined by the
// account that makes it (naming another account needs SET USER / SUPER).
std::string strip_definer(std::string text) {
    const auto pos = text.find(" DEFINER=");
    const auto create = text.find("CREATE");
    if (pos == std::string::npos || create == std::string::npos || pos > create + 64) {
        return text;
    }
    std::size_t i = pos + 9;
    bool quoted = false;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '`') {
            quoted = !quoted;
        } else if (!quoted && c == ' ') {
            break;
        }
        ++i;
    }
    text.erase(pos, i - pos);
    return text;
}

// A table's `DEFAULT CHARSET=cs COLLATE=coll` taken out of its SHOW CREATE TABLE when they
// are its database's defaults: the table follows its database, as a CREATE TABLE that
// names no character set does (SHOW CREATE cannot tell the two apart, and the server's
// default differs between MariaDB and MySQL).
std::string strip_default_charset(std::string text, const std::string& charset, const std::string& collation) {
    const auto last = text.rfind("\n)");
    if (last == std::string::npos || charset.empty()) {
        return text;
    }
    const std::string cs = " DEFAULT CHARSET=" + charset;
    auto at_cs = text.find(cs, last);
    if (at_cs == std::string::npos) {
        return text;
    }
    std::size_t end = at_cs + cs.size();
    if (end < text.size() && text[end] != ' ') {
        return text;  // a longer name (latin1 vs latin1x)
    }
    const std::string coll = " COLLATE=";
    if (text.compare(end, coll.size(), coll) == 0) {
        std::size_t name_end = text.find(' ', end + coll.size());
        if (name_end == std::string::npos) {
            name_end = text.size();
        }
        if (text.substr(end + coll.size(), name_end - end - coll.size()) != collation) {
            return text;  // the database's character set with another collation: the table's own
        }
        end = name_end;
    }
    text.erase(at_cs, end - at_cs);
    return text;
}

// SHOW CREATE EVENT with what the server adds to every event taken out: the definer, a
// STARTS that is the creation time (the server's default for EVERY), and the default
// ON COMPLETION NOT PRESERVE and ENABLE.
std::string normalize_event(std::string text, bool default_start) {
    const auto body = text.find(" DO ");
    std::string head = strip_definer(text.substr(0, body == std::string::npos ? text.size() : body));
    const std::string tail = body == std::string::npos ? std::string() : text.substr(body);
    auto erase = [&](const std::string& what) {
        if (auto pos = head.find(what); pos != std::string::npos) {
            head.erase(pos, what.size());
        }
    };
    if (default_start) {
        if (auto pos = head.find(" STARTS '"); pos != std::string::npos) {
            auto close = head.find('\'', pos + 9);
            if (close != std::string::npos) {
                head.erase(pos, close + 1 - pos);
            }
        }
    }
    erase(" ON COMPLETION NOT PRESERVE");
    if (head.ends_with(" ENABLE")) {
        head.resize(head.size() - 7);
    }
    return head + tail;
}

// A database's default character set and collation (`database` empty: the session's
// current database); none when there is no such database.
struct Defaults {
    std::string charset;
    std::string collation;
};
std::expected<std::optional<Defaults>, ServerError> database_defaults(MariadbConnection& connection,
                                                                      const std::string& database) {
    auto rows = connection.query_rows(fmt::format(
        "SELECT default_character_set_name, default_collation_name FROM information_schema.schemata WHERE "
        "schema_name = {}",
        database.empty() ? std::string("DATABASE()") : literal(database)));
    if (!rows) {
        return std::unexpected(rows.error());
    }
    if (rows->empty()) {
        return std::nullopt;
    }
    return Defaults{at(rows->front(), 0), at(rows->front(), 1)};
}

// The catalog of one database, as SHOW CREATE gives it.
struct Catalog {
    struct Object {
        std::string name;
        std::string sql;
    };
    std::vector<Object> tables;     // base tables (and sequences), by name
    std::vector<Object> routines;   // functions then procedures, by name
    std::vector<Object> views;      // in dependency order
    std::vector<Object> triggers;   // by table, then their order
    std::vector<Object> events;     // by name
};

class Reader {
public:
    Reader(MariadbConnection& connection, std::string database)
        : connection_(connection), database_(std::move(database)) {}

    std::expected<Catalog, ServerError> read() {
        Catalog out;
        const std::string db = literal(database_);
        auto defaults = database_defaults(connection_, database_);
        if (!defaults) {
            return std::unexpected(defaults.error());
        }
        if (!*defaults) {
            return std::unexpected(ServerError{0, {}, fmt::format("no database {}", database_)});
        }
        const std::string charset = (*defaults)->charset;
        const std::string collation = (*defaults)->collation;
        auto tables = connection_.query_rows(fmt::format(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = {} AND "
            "table_type <> 'VIEW' ORDER BY BINARY table_name",
            db));
        if (!tables) {
            return std::unexpected(tables.error());
        }
        for (const auto& row : *tables) {
            const std::string name = at(row, 0);
            if (is_bookkeeping(name) || at(row, 1) == "TEMPORARY") {
                continue;
            }
            const bool sequence = at(row, 1) == "SEQUENCE";
            auto shown = show(fmt::format("SHOW CREATE {} {}.{}", sequence ? "SEQUENCE" : "TABLE", q(database_), q(name)), 1);
            if (!shown) {
                return std::unexpected(shown.error());
            }
            out.tables.push_back({name, sequence ? std::move(*shown) : strip_default_charset(std::move(*shown), charset, collation)});
        }
        auto routines = connection_.query_rows(fmt::format(
            "SELECT routine_name, routine_type FROM information_schema.routines WHERE routine_schema = {} "
            "ORDER BY routine_type, BINARY routine_name",
            db));
        if (!routines) {
            return std::unexpected(routines.error());
        }
        for (const auto& row : *routines) {
            const std::string type = at(row, 1);
            if (type != "FUNCTION" && type != "PROCEDURE") {
                continue;  // MariaDB's PACKAGE / PACKAGE BODY (Oracle mode): not read
            }
            auto shown = show(fmt::format("SHOW CREATE {} {}.{}", type, q(database_), q(at(row, 0))), 2);
            if (!shown) {
                return std::unexpected(shown.error());
            }
            out.routines.push_back({at(row, 0), std::move(*shown)});
        }
        auto views = connection_.query_rows(fmt::format(
            "SELECT table_name FROM information_schema.views WHERE table_schema = {} ORDER BY BINARY table_name", db));
        if (!views) {
            return std::unexpected(views.error());
        }
        std::vector<Catalog::Object> unordered;
        for (const auto& row : *views) {
            auto shown = show(fmt::format("SHOW CREATE VIEW {}.{}", q(database_), q(at(row, 0))), 1);
            if (!shown) {
                return std::unexpected(shown.error());
            }
            unordered.push_back({at(row, 0), strip_database(std::move(*shown), database_)});
        }
        out.views = in_dependency_order(std::move(unordered));
        auto triggers = connection_.query_rows(fmt::format(
            "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = {} "
            "ORDER BY BINARY event_object_table, action_timing, event_manipulation, action_order",
            db));
        if (!triggers) {
            return std::unexpected(triggers.error());
        }
        for (const auto& row : *triggers) {
            auto shown = show(fmt::format("SHOW CREATE TRIGGER {}.{}", q(database_), q(at(row, 0))), 2);
            if (!shown) {
                return std::unexpected(shown.error());
            }
            out.triggers.push_back({at(row, 0), std::move(*shown)});
        }
        auto events = connection_.query_rows(fmt::format(
            "SELECT event_name, starts IS NOT NULL AND starts = created FROM information_schema.events WHERE "
            "event_schema = {} ORDER BY BINARY event_name",
            db));
        if (!events) {
            return std::unexpected(events.error());
        }
        for (const auto& row : *events) {
            auto shown = show(fmt::format("SHOW CREATE EVENT {}.{}", q(database_), q(at(row, 0))), 3);
            if (!shown) {
                return std::unexpected(shown.error());
            }
            out.events.push_back({at(row, 0), normalize_event(std::move(*shown), at(row, 1) == "1")});
        }
        return out;
    }

private:
    // Column `column` of a SHOW CREATE statement's one row.
    std::expected<std::string, ServerError> show(const std::string& sql, std::size_t column) {
        auto rows = connection_.query_rows(sql);
        if (!rows) {
            return std::unexpected(rows.error());
        }
        if (rows->empty() || rows->front().size() <= column || !rows->front()[column]) {
            return std::unexpected(ServerError{0, {}, sql + " gave no definition (does the user lack privileges on it?)"});
        }
        return *rows->front()[column];
    }

    // A view after the views it reads (a `name` quoted in its definition).
    static std::vector<Catalog::Object> in_dependency_order(std::vector<Catalog::Object> views) {
        std::vector<Catalog::Object> out;
        std::set<std::string> placed;
        std::vector<bool> done(views.size(), false);
        while (out.size() < views.size()) {
            bool progress = false;
            for (std::size_t i = 0; i < views.size(); ++i) {
                if (done[i]) {
                    continue;
                }
                const auto body = views[i].sql.find(" AS ");
                const std::string_view definition =
                    body == std::string::npos ? std::string_view(views[i].sql) : std::string_view(views[i].sql).substr(body);
                bool ready = true;
                for (std::size_t j = 0; j < views.size() && ready; ++j) {
                    if (j != i && !done[j] && definition.find(q(views[j].name)) != std::string_view::npos) {
                        ready = false;
                    }
                }
                if (ready) {
                    done[i] = true;
                    out.push_back(std::move(views[i]));
                    progress = true;
                }
            }
            if (!progress) {  // a cycle cannot exist; keep the rest in name order
                for (std::size_t i = 0; i < views.size(); ++i) {
                    if (!done[i]) {
                        done[i] = true;
                        out.push_back(std::move(views[i]));
                    }
                }
            }
        }
        return out;
    }

    MariadbConnection& connection_;
    std::string database_;
};

// The catalog as a script the MySQL front end (and the mysql client) reads.
std::string render_catalog(const Catalog& catalog, const std::string& database, const std::string& target) {
    std::string out = fmt::format("-- the live schema of database {} on {} (read by schemerge)\n", q(database), target);
    out += "SET FOREIGN_KEY_CHECKS = 0;\n";
    for (const auto& t : catalog.tables) {
        out += "\n" + t.sql + ";\n";
    }
    auto bodies = [&](const std::vector<Catalog::Object>& objects) {
        if (objects.empty()) {
            return;
        }
        std::vector<std::string> texts;
        for (const auto& o : objects) {
            texts.push_back(o.sql);
        }
        const std::string delimiter = delimiter_for(texts);
        out += "\nDELIMITER " + delimiter + "\n";
        for (const auto& o : objects) {
            out += o.sql + delimiter + "\n";
        }
        out += "DELIMITER ;\n";
    };
    bodies(catalog.routines);
    for (const auto& v : catalog.views) {
        out += "\n" + v.sql + ";\n";
    }
    bodies(catalog.triggers);
    bodies(catalog.events);
    out += "\nSET FOREIGN_KEY_CHECKS = 1;\n";
    return out;
}

class MysqlDatabase final : public LiveDatabase {
public:
    MysqlDatabase(std::string name, std::string target, MariadbConnection connection)
        : name_(std::move(name)), target_(std::move(target)), connection_(std::move(connection)) {}

    [[nodiscard]] const std::string& name() const override { return name_; }

    std::expected<std::vector<parser::SourceFile>, LiveError> read_schema(const std::string& label) override {
        auto file = read_database(name_, label);
        if (!file) {
            return std::unexpected(file.error());
        }
        std::vector<parser::SourceFile> files;
        files.push_back(std::move(*file));
        return files;
    }

    // MariaDB stores a view's query in its own form (names qualified, every column aliased,
    // its parentheses) and a table whose character set is its database's default as one
    // naming none; a file's text compares with read_schema's only once it went through the
    // same server. The schema (its canonical dump, definers left out) is loaded into a
    // scratch database made with this database's defaults, read back, and each view's
    // definition and each table's character set and collation are taken from there; the
    // scratch database is dropped whatever happens.
    std::optional<std::string> match_stored_form(model::Schema& schema, const Dialect& dialect) override {
        if (schema.views.empty() && schema.tables.empty()) {
            return std::nullopt;
        }
        auto cannot = [&](const std::string& why) {
            return fmt::format("{}: views and table character sets are compared as the repository writes them, not as "
                               "the server stores them: {}",
                               target_, why);
        };
        auto defaults = database_defaults(connection_, "");
        if (!defaults || !*defaults) {
            return cannot(defaults ? "no current database" : defaults.error().render());
        }
        const std::string scratch =
            safe_database_name(fmt::format("schemerge_scratch_{:x}_{}", name_hash(name_), ::getpid()), 64);
        if (auto made = connection_.exec(fmt::format("CREATE DATABASE {} CHARACTER SET {} COLLATE {}", q(scratch),
                                                     (*defaults)->charset, (*defaults)->collation));
            !made) {
            return cannot(fmt::format("cannot create a scratch database: {}", made.error().render()));
        }
        struct Drop {
            MariadbConnection& connection;
            const std::string& scratch;
            const std::string& database;
            ~Drop() {
                (void)connection.exec(fmt::format("DROP DATABASE IF EXISTS {}", q(scratch)));
                (void)connection.exec(fmt::format("USE {}", q(database)));
            }
        } drop{connection_, scratch, name_};
        if (auto used = connection_.exec(fmt::format("USE {}", q(scratch))); !used) {
            return cannot(used.error().render());
        }
        model::Schema loadable = schema;
        for (auto& [_, view] : loadable.views) {
            view.meta.owner.clear();  // DEFINER= another account needs SET USER / SUPER
        }
        for (auto& [_, function] : loadable.functions) {
            function.meta.owner.clear();
        }
        for (auto& [_, trigger] : loadable.triggers) {
            trigger.meta.owner.clear();
        }
        const std::string script = dialect.emit_schema(loadable, {});
        auto pieces = split_script(parser::make_source("scratch.sql", script));
        if (!pieces) {
            return cannot(pieces.error().render());
        }
        for (const auto& piece : *pieces) {
            if (only_comments(piece.sql)) {
                continue;
            }
            if (auto done = connection_.exec(piece.sql); !done) {
                return cannot(fmt::format("the schema does not load in a scratch database: {}", done.error().render()));
            }
        }
        auto file = read_database(scratch, "scratch");
        if (!file) {
            return cannot(file.error().message);
        }
        auto stored = dialect.load({std::move(*file)}, {});
        if (!stored) {
            return cannot(stored.error().render());
        }
        for (auto& [key, view] : schema.views) {
            auto found = stored->schema.views.find(key);
            if (found == stored->schema.views.end()) {
                continue;
            }
            model::ObjectBase meta = std::move(view.meta);
            view = found->second;
            meta.comment = view.meta.comment;
            meta.attributes = view.meta.attributes;
            view.meta = std::move(meta);
        }
        for (auto& [key, table] : schema.tables) {
            auto found = stored->schema.tables.find(key);
            if (found == stored->schema.tables.end()) {
                continue;
            }
            for (const model::AttributeDef* def : {&parser::mysql::attr::table_charset, &parser::mysql::attr::table_collation}) {
                if (const model::AttributeValue* value = found->second.meta.attributes.find(*def)) {
                    table.meta.attributes.set(*def, *value);
                } else {
                    table.meta.attributes.erase(*def);
                }
            }
        }
        return std::nullopt;
    }

    // MySQL commits every DDL statement on its own: statements run one after the other,
    // the first failure stops the run and what ran stays; the history row is written
    // after the last statement succeeded.
    ApplyResult apply(const std::string& script, const std::string& script_name, const ApplyOptions& options) override {
        ApplyResult result;
        auto fail = [&](std::string message) {
            result.failed = true;
            result.error = std::move(message);
            return result;
        };
        auto pieces = split_script(parser::make_source(script_name, script));
        if (!pieces) {
            return fail(fmt::format("cannot split into statements: {}", pieces.error().render()));
        }
        if (!options.lock_timeout.empty()) {
            auto s = seconds_of(options.lock_timeout);
            if (!s || *s <= 0) {
                return fail(fmt::format("invalid lock_timeout '{}' (a duration: 5s, 500ms, 1min)", options.lock_timeout));
            }
            const long whole = std::max(1L, static_cast<long>(std::ceil(*s)));
            if (auto set = connection_.exec(fmt::format(
                    "SET SESSION lock_wait_timeout = {0}, SESSION innodb_lock_wait_timeout = {0}", whole));
                !set) {
                return fail(fmt::format("invalid lock_timeout '{}': {}", options.lock_timeout, set.error().render()));
            }
        }
        if (!options.statement_timeout.empty()) {
            auto s = seconds_of(options.statement_timeout);
            if (!s || *s <= 0) {
                return fail(fmt::format("invalid statement_timeout '{}' (a duration: 5s, 500ms, 1min)",
                                        options.statement_timeout));
            }
            if (auto set = connection_.exec(fmt::format("SET SESSION max_statement_time = {}", *s)); !set) {
                return fail(fmt::format("statement_timeout '{}': {} (MariaDB's max_statement_time; MySQL limits only "
                                        "SELECTs)",
                                        options.statement_timeout, set.error().render()));
            }
        }
        int number = 0;
        for (const auto& piece : *pieces) {
            if (only_comments(piece.sql)) {
                continue;
            }
            ++number;
            std::string sql = piece.sql;
            const auto start = sql.find_first_not_of(" \t\r\n");
            sql.erase(0, start);
            result.ran.push_back({fmt::format("statement {} ({}:{})", number, script_name, piece.line), sql, false});
            if (auto done = connection_.exec(piece.sql); !done) {
                return fail(done.error().render());
            }
            ++result.committed;
        }
        if (options.record) {
            if (auto done = connection_.exec(record_sql(*options.record)); !done) {
                result.ran.push_back({fmt::format("recording the migration in {}", k_history_table), "", false});
                return fail(done.error().render());
            }
        }
        return result;
    }

private:
    // One database's catalog (SHOW CREATE) as a script the MySQL front end reads.
    std::expected<parser::SourceFile, LiveError> read_database(const std::string& database, const std::string& label) {
        // SHOW CREATE quotes as sql_mode says (ANSI_QUOTES): read without it, and give the
        // session its mode back for the plan that may run next.
        if (auto set = connection_.exec("SET @schemerge_sql_mode = @@SESSION.sql_mode, SESSION sql_mode = '', "
                                        "SESSION sql_quote_show_create = 1");
            !set) {
            return std::unexpected(LiveError{fmt::format("{}: {}", target_, set.error().render())});
        }
        auto catalog = Reader(connection_, database).read();
        if (auto reset = connection_.exec("SET SESSION sql_mode = @schemerge_sql_mode"); !reset) {
            return std::unexpected(LiveError{fmt::format("{}: {}", target_, reset.error().render())});
        }
        if (!catalog) {
            return std::unexpected(LiveError{fmt::format("{}: cannot read the catalog: {}", target_, catalog.error().render())});
        }
        auto file = parser::make_checked_source(label, render_catalog(*catalog, database, label));
        if (!file) {
            return std::unexpected(LiveError{fmt::format("{}: {}", target_, file.error().diagnostics.front().message)});
        }
        return std::move(*file);
    }

    static std::string record_sql(const HistoryRecord& record) {
        return fmt::format(
            "CREATE TABLE IF NOT EXISTS {0} (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, branch varchar(255) NOT "
            "NULL, commit_id varchar(64) NOT NULL, schema_hash varchar(64) NOT NULL, applied_at datetime NOT NULL, "
            "applied_by varchar(300) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"
            "INSERT INTO {0} (branch, commit_id, schema_hash, applied_at, applied_by) VALUES ({1}, {2}, {3}, "
            "UTC_TIMESTAMP(), CURRENT_USER())",
            k_history_table, literal(record.branch), literal(record.commit), literal(record.schema_hash));
    }

    std::string name_;
    std::string target_;
    MariadbConnection connection_;
};

class MysqlServer final : public LiveServer {
public:
    MysqlServer(std::string dsn, MysqlDsn parsed, MariadbConnection admin)
        : dsn_(std::move(dsn)), parsed_(std::move(parsed)), admin_(std::move(admin)) {}

    [[nodiscard]] const std::string& dsn_database() const override { return parsed_.database; }

    [[nodiscard]] std::string safe_name(const std::string& raw) const override {
        // MySQL database names are at most 64 characters.
        return safe_database_name(raw, 64);
    }

    std::expected<bool, LiveError> exists(const std::string& database) override {
        auto rows = query(fmt::format("SELECT 1 FROM information_schema.schemata WHERE schema_name = {}", literal(database)));
        if (!rows) {
            return std::unexpected(rows.error());
        }
        return !rows->empty();
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
        auto marked = query(fmt::format(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = {} AND table_type = 'BASE TABLE' "
            "ORDER BY BINARY table_schema",
            literal(k_branch_table)));
        if (!marked) {
            return std::unexpected(marked.error());
        }
        std::vector<BranchDatabase> out;
        for (const auto& row : *marked) {
            const std::string name = at(row, 0);
            // The row names the database it was written in: a restored dump of a branch
            // database under another name is not one.
            auto info = admin_.query_rows(fmt::format("SELECT database_name, branch, commit_id, updated FROM {}.{} LIMIT 1",
                                                      q(name), q(k_branch_table)));
            if (!info || info->empty() || at(info->front(), 0) != name) {
                continue;
            }
            out.push_back({name, at(info->front(), 1), at(info->front(), 2), at(info->front(), 3)});
        }
        return out;
    }

    std::expected<void, LiveError> lock_name(const std::string& name) override {
        // GET_LOCK names are at most 64 characters: a hash of the database name. Another
        // run holding it is waited for (up to an hour).
        auto got = query(fmt::format("SELECT GET_LOCK({}, 3600)", literal(lock_key(name))));
        if (!got) {
            return std::unexpected(got.error());
        }
        if (got->empty() || at(got->front(), 0) != "1") {
            return std::unexpected(LiveError{
                fmt::format("another schemerge run has held the lock on database name {} for an hour; retry later", name),
                true});
        }
        return {};
    }

    void release_lock(const std::string& name) override {
        (void)admin_.exec(fmt::format("DO RELEASE_LOCK({})", literal(lock_key(name))));
    }

    std::expected<void, LiveError> create_branch_database(const std::string& database, const std::string& branch,
                                                          const std::string& from) override {
        std::string charset;
        if (!from.empty()) {
            auto defaults = database_defaults(admin_, from);
            if (!defaults) {
                return std::unexpected(LiveError{fmt::format("{}: {}", redact(dsn_), defaults.error().render())});
            }
            if (!*defaults) {
                return std::unexpected(LiveError{fmt::format("cannot create {}: no database {} to copy (--from)", database, from)});
            }
            charset = fmt::format(" CHARACTER SET {} COLLATE {}", (*defaults)->charset, (*defaults)->collation);
        }
        if (auto made = admin_.exec(fmt::format("CREATE DATABASE {}{}", q(database), charset)); !made) {
            return std::unexpected(LiveError{fmt::format("cannot create database {}: {}", database, made.error().render())});
        }
        auto undo = [&](LiveError error) {
            (void)admin_.exec("DROP DATABASE IF EXISTS " + q(database));
            return std::unexpected(std::move(error));
        };
        if (!from.empty()) {
            if (auto copied = copy_database(from, database); !copied) {
                return undo(LiveError{
                    fmt::format("cannot copy database {} into {}: {}{}", from, database, copied.error().message,
                                copied.error().retryable ? " (it was in use; run the command again)" : ""),
                    copied.error().retryable});
            }
        }
        if (auto made = admin_.exec(fmt::format(
                "CREATE TABLE {}.{} (database_name varchar(64) NOT NULL PRIMARY KEY, branch varchar(1024) NOT NULL, "
                "commit_id varchar(64) NOT NULL, updated varchar(32) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                q(database), q(k_branch_table)));
            !made) {
            return undo(LiveError{fmt::format("cannot mark database {} as schemerge's: {}", database, made.error().render())});
        }
        BranchDatabase info;
        info.name = database;
        info.branch = branch;
        if (auto marked = mark(database, info); !marked) {
            return undo(marked.error());
        }
        return {};
    }

    std::expected<void, LiveError> mark(const std::string& database, const BranchDatabase& info) override {
        auto done = admin_.exec(fmt::format(
            "REPLACE INTO {}.{} (database_name, branch, commit_id, updated) VALUES ({}, {}, {}, "
            "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%dT%H:%i:%sZ'))",
            q(database), q(k_branch_table), literal(database), literal(info.branch), literal(info.commit)));
        if (!done) {
            return std::unexpected(LiveError{fmt::format("cannot mark database {}: {}", database, done.error().render())});
        }
        return {};
    }

    std::expected<void, LiveError> drop_database(const std::string& database, bool force) override {
        if (force) {
            // The sessions using it ended first (not this one).
            auto sessions = admin_.query_rows(fmt::format(
                "SELECT id FROM information_schema.processlist WHERE db = {} AND id <> CONNECTION_ID()", literal(database)));
            if (sessions) {
                for (const auto& row : *sessions) {
                    (void)admin_.exec("KILL CONNECTION " + at(row, 0));
                }
            }
        } else {
            // A session holding a lock on one of its tables would make DROP wait: give up
            // after a while instead, and say so.
            (void)admin_.exec("SET SESSION lock_wait_timeout = 10");
        }
        auto done = admin_.exec("DROP DATABASE " + q(database));
        if (!done) {
            const bool in_use = done.error().code == 1205;  // ER_LOCK_WAIT_TIMEOUT
            return std::unexpected(LiveError{fmt::format("cannot drop database {}: {}{}", database, done.error().render(),
                                                         in_use ? " (pass --force to end the sessions using it)" : ""),
                                             in_use});
        }
        return {};
    }

    std::expected<std::unique_ptr<LiveDatabase>, LiveError> open(const std::string& database) override {
        const std::string& name = database.empty() ? parsed_.database : database;
        if (name.empty()) {
            return std::unexpected(LiveError{fmt::format(
                "{}: names no database (mysql://USER@HOST/DATABASE)", redact(dsn_))});
        }
        const std::string target = fmt::format("database {} on {}", name, redact(dsn_));
        auto connection = MariadbConnection::connect(parsed_, name);
        if (!connection) {
            return std::unexpected(LiveError{fmt::format("cannot connect to {}: {}", target, connection.error().render())});
        }
        return std::make_unique<MysqlDatabase>(name, target, std::move(*connection));
    }

private:
    static std::string lock_key(const std::string& name) { return fmt::format("schemerge db {:016x}", name_hash(name)); }

    std::expected<std::vector<MariadbConnection::Row>, LiveError> query(const std::string& sql) {
        auto rows = admin_.query_rows(sql);
        if (!rows) {
            return std::unexpected(LiveError{fmt::format("{}: {}", redact(dsn_), rows.error().render())});
        }
        return std::move(*rows);
    }

    // The schema of `from` made in `to` from `from`'s catalog, its rows copied before the
    // triggers exist (they would fire on the copy) and with FOREIGN_KEY_CHECKS off (rows
    // arrive in table order, not in key order). A copy made while `from` is written to
    // is not one snapshot. Errors: the statement and the server's message.
    // Tables (their DDL ends any transaction: first), then every row in one REPEATABLE
    // READ transaction, then routines, views, triggers and events. InnoDB reads the rows
    // of an INSERT … SELECT with shared locks held to the COMMIT, so the copy is one
    // consistent state of the source even while it is written to (a writer waits, or a
    // deadlock ends the copy: retryable). Rows of non-transactional engines (MyISAM, Aria)
    // are copied table by table.
    std::expected<void, LiveError> copy_database(const std::string& from, const std::string& to) {
        auto session = MariadbConnection::connect(parsed_, to);
        if (!session) {
            return std::unexpected(LiveError{session.error().render()});
        }
        // NO_AUTO_VALUE_ON_ZERO: a row whose AUTO_INCREMENT column holds 0 keeps its 0.
        if (auto set = session->exec("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION', "
                                     "SESSION foreign_key_checks = 0, SESSION unique_checks = 0, "
                                     "SESSION sql_quote_show_create = 1");
            !set) {
            return std::unexpected(LiveError{set.error().render()});
        }
        if (auto set = session->exec("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ"); !set) {
            return std::unexpected(LiveError{set.error().render()});
        }
        auto catalog = Reader(*session, from).read();
        if (!catalog) {
            return std::unexpected(LiveError{catalog.error().render()});
        }
        auto run = [&](const std::string& sql) -> std::expected<void, LiveError> {
            if (auto done = session->exec(sql); !done) {
                // ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK: the source was busy.
                const bool busy = done.error().code == 1205 || done.error().code == 1213;
                return std::unexpected(LiveError{fmt::format("{}: {}", first_line(sql), done.error().render()), busy});
            }
            return {};
        };
        for (const auto& t : catalog->tables) {
            if (auto done = run(t.sql); !done) {
                return done;
            }
        }
        if (auto begun = run("START TRANSACTION"); !begun) {
            return begun;
        }
        for (const auto& t : catalog->tables) {
            // The stored columns: generated ones are computed again.
            auto columns = session->query_rows(fmt::format(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = {} AND table_name = {} AND "
                "COALESCE(generation_expression, '') = '' ORDER BY ordinal_position",
                literal(from), literal(t.name)));
            if (!columns) {
                return std::unexpected(LiveError{columns.error().render()});
            }
            if (columns->empty() || t.sql.starts_with("CREATE SEQUENCE")) {
                continue;
            }
            std::string list;
            for (const auto& c : *columns) {
                list += (list.empty() ? "" : ", ") + q(at(c, 0));
            }
            if (auto done = run(fmt::format("INSERT INTO {}.{} ({}) SELECT {} FROM {}.{}", q(to), q(t.name), list, list,
                                            q(from), q(t.name)));
                !done) {
                return done;
            }
        }
        if (auto committed = run("COMMIT"); !committed) {
            return committed;
        }
        for (const auto* group : {&catalog->routines, &catalog->views, &catalog->triggers, &catalog->events}) {
            for (const auto& o : *group) {
                if (auto done = run(strip_definer(strip_database(o.sql, from))); !done) {
                    return done;
                }
            }
        }
        return {};
    }

    std::string dsn_;
    MysqlDsn parsed_;
    MariadbConnection admin_;
};

std::expected<std::unique_ptr<LiveServer>, LiveError> connect(const std::string& dsn) {
    const std::string target = redact(dsn);
    auto parsed = parse_dsn(dsn);
    if (!parsed) {
        // parse_dsn's message starts "--dsn 'URI': ", the password in it.
        std::string why = parsed.error();
        if (auto cut = why.find("': "); why.starts_with("--dsn '") && cut != std::string::npos) {
            why = why.substr(cut + 3);
        }
        return std::unexpected(LiveError{fmt::format("{}: {}", target, why)});
    }
    auto admin = MariadbConnection::connect(*parsed);
    if (!admin) {
        return std::unexpected(LiveError{fmt::format("cannot connect to {}: {}", target, admin.error().render())});
    }
    return std::make_unique<MysqlServer>(dsn, std::move(*parsed), std::move(*admin));
}

}  // namespace

const LiveEngine& live_engine() {
    static const LiveEngine engine{{"mysql://", "mariadb://"}, connect, redact};
    return engine;
}

}  // namespace schemerge::cli::mysql
