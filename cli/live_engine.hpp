#pragma once
#include <expected>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/migrations.hpp"
#include "parser/source_file.hpp"

namespace schemerge::model {
struct Schema;
}

namespace schemerge::cli {

struct Dialect;

// A live database server, as the neutral commands (`db`, and live SOURCEs of `dump`,
// `diff`, `merge`, `verify`, `check`) see it. Each dialect that can talk to its engine
// implements these in cli/<dialect>/ and hangs a LiveEngine on its Dialect row.

// One-line errors; `retryable` when running the same command again later may succeed
// (a template database in use, a lock timeout).
struct LiveError {
    std::string message;
    bool retryable = false;
};

// What schemerge records in a database it migrates (a table in its own `schemerge`
// schema, which live reads leave out).
struct HistoryRecord {
    std::string branch;       // the ref the schema came from ("feature/x", "main")
    std::string commit;       // its commit id
    std::string schema_hash;  // fingerprint of the schema migrated to
};

struct ApplyOptions {
    std::string lock_timeout;       // engine syntax ("5s"); empty: the server's setting
    std::string statement_timeout;  // idem
    std::optional<HistoryRecord> record;  // written in the plan's transaction when set
};

// How running a plan script went: each statement reported as it ran.
struct ApplyResult {
    struct Ran {
        std::string label;  // "statement 3 (line 12)"
        std::string sql;
        bool in_transaction = false;
    };
    std::vector<Ran> ran;  // in order; the failed one last when `failed`
    bool failed = false;
    std::string error;              // the engine's message for the failed statement
    bool rolled_back = false;       // the failed statement was inside the transaction, which was rolled back
    std::size_t committed = 0;      // statements whose effect stays (outside the transaction, or committed)
};

// A database schemerge created for a branch (as `db list` shows it).
struct BranchDatabase {
    std::string name;
    std::string branch;
    std::string commit;
    std::string updated;  // when it was last migrated (server time)
};

// One database: read its schema, run a plan in it.
class LiveDatabase {
public:
    virtual ~LiveDatabase() = default;
    [[nodiscard]] virtual const std::string& name() const = 0;
    // The live schema as the dialect's front end reads it (e.g. a schema-only dump),
    // named `label`; schemerge's own bookkeeping is left out.
    [[nodiscard]] virtual std::expected<std::vector<parser::SourceFile>, LiveError> read_schema(
        const std::string& label) = 0;
    // Rewrites `schema` (read from files) where this engine rewrites what it stores, so
    // that it compares with read_schema's result like with like before a plan is made
    // against this database or a check done. Returns a note when it could not (those parts
    // are then compared as written). Default: nothing to do (the front end already writes
    // what the engine stores).
    [[nodiscard]] virtual std::optional<std::string> match_stored_form(model::Schema& schema, const Dialect& dialect) {
        (void)schema;
        (void)dialect;
        return std::nullopt;
    }
    // Runs a plan script written by the dialect's render_plan (or read from a plan file):
    // statements between BEGIN and COMMIT in one transaction (rolled back on failure,
    // with `record` written in it), the others each on its own.
    [[nodiscard]] virtual ApplyResult apply(const std::string& script, const std::string& script_name,
                                            const ApplyOptions& options) = 0;
};

// A server, through an administrative connection (the DSN's server, a maintenance
// database): databases are created, listed and dropped here.
class LiveServer {
public:
    virtual ~LiveServer() = default;
    // The database the DSN names (the server's default when it names none).
    [[nodiscard]] virtual const std::string& dsn_database() const = 0;
    // `raw` made a valid, unquoted-safe database name for this engine.
    [[nodiscard]] virtual std::string safe_name(const std::string& raw) const = 0;
    [[nodiscard]] virtual std::expected<bool, LiveError> exists(const std::string& database) = 0;
    // The branch a database was created for by schemerge; none when schemerge did not create it.
    [[nodiscard]] virtual std::expected<std::optional<BranchDatabase>, LiveError> branch_database(
        const std::string& database) = 0;
    [[nodiscard]] virtual std::expected<std::vector<BranchDatabase>, LiveError> branch_databases() = 0;
    // Holds an exclusive server-wide lock on `name` until release_lock or disconnection:
    // two runs on one name wait for each other instead of clobbering.
    [[nodiscard]] virtual std::expected<void, LiveError> lock_name(const std::string& name) = 0;
    virtual void release_lock(const std::string& name) = 0;
    // Creates `database` for `branch`: a copy of `from` (data included) or, with `from`
    // empty, an empty database; marked as schemerge's.
    [[nodiscard]] virtual std::expected<void, LiveError> create_branch_database(const std::string& database,
                                                                               const std::string& branch,
                                                                               const std::string& from) = 0;
    // Updates what `db list` shows for a branch database.
    [[nodiscard]] virtual std::expected<void, LiveError> mark(const std::string& database, const BranchDatabase& info) = 0;
    [[nodiscard]] virtual std::expected<void, LiveError> drop_database(const std::string& database, bool force) = 0;
    // A connection to one database of this server ("" = the DSN's).
    [[nodiscard]] virtual std::expected<std::unique_ptr<LiveDatabase>, LiveError> open(const std::string& database) = 0;
};

// A dialect's live adapter (Dialect::live).
struct LiveEngine {
    // URI schemes a SOURCE or --dsn starts with ("postgresql://", "postgres://").
    std::vector<std::string_view> schemes;
    // Connects to the DSN's server. Errors name the target and say what is wrong
    // (unreachable, authentication, no such database).
    std::function<std::expected<std::unique_ptr<LiveServer>, LiveError>(const std::string& dsn)> connect;
    // The DSN with any password replaced by "***", for messages and file names.
    std::function<std::string(const std::string& dsn)> redact;
};

// FNV-1a of `text` (names and lock keys; not a security measure).
[[nodiscard]] std::uint64_t name_hash(std::string_view text);
// `raw` (a branch name, a template) as a database name that needs no quoting anywhere:
// lower-case letters, digits and single '_', not starting with a digit ("db_" then), at
// most `max_length` bytes (longer: cut, with a hash of the whole name appended so that two
// long names cannot meet). LiveServer::safe_name with the engine's length limit.
[[nodiscard]] std::string safe_database_name(std::string_view raw, std::size_t max_length);

// The dialect whose live adapter accepts `source` as a DSN (its scheme); none for files and REF:PATH.
[[nodiscard]] const Dialect* live_dialect_for(std::string_view source);
// The dialect used for `--dsn DSN`: the one whose scheme it starts with, else the
// default dialect (plain connection strings such as "host=/tmp dbname=x").
[[nodiscard]] const Dialect& live_dialect_for_dsn(std::string_view dsn);
// Reads a live SOURCE's schema text (one file named by the redacted DSN); errors are one
// line naming the target.
[[nodiscard]] std::expected<std::vector<parser::SourceFile>, LiveError> read_live_source(const Dialect& dialect,
                                                                                     const std::string& dsn);
// A command comparing live databases with files (`diff mysql://… main:db/x.sql`,
// `merge`, `verify`): each schema read from files (`schemas[i]` where `sources[i]` is no
// DSN) is rewritten into the stored form of the first live SOURCE's server
// (LiveDatabase::match_stored_form), so that both compare like with like. Nothing happens
// when no SOURCE, or every SOURCE, is live. A note on stderr (unless `quiet`) when the
// server cannot be reached again or could not rewrite them.
void match_live_stored_forms(const Dialect& dialect, const std::vector<std::string>& sources,
                             const std::vector<model::Schema*>& schemas, bool quiet);
// The same as a SOURCE for InputContext::read: "error: <one line>" on failure.
[[nodiscard]] std::expected<parser::OrderedSources, model::Error> read_live(const Dialect& dialect,
                                                                          const std::string& dsn);

}  // namespace schemerge::cli
