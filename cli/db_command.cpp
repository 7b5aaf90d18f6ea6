#include "cli/db_command.hpp"

#include <algorithm>
#include <cstdint>
#include <expected>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/config.hpp"
#include "cli/dialect.hpp"
#include "cli/exit_codes.hpp"
#include "cli/live_engine.hpp"
#include "cli/output.hpp"
#include "cli/plan_report.hpp"
#include "cli/sarif.hpp"
#include "cli/schema_input.hpp"
#include "diff/two_way_diff.hpp"

namespace schemerge::cli {

namespace {

constexpr std::string_view k_plan_header = "-- schemerge-plan: ";

// ---------------------------------------------------------------------------------------
// Options

void add_dsn(CLI::App* cmd, DbArgs& args) {
    cmd->add_option("--dsn", args.dsn,
                    "the database: a connection URI (postgresql://user@host/db, mysql://user@host/db) or a libpq connection "
                    "string")
        ->required();
}

void add_common(CLI::App* cmd, DbArgs& args) {
    add_source_options(cmd, args.sources);
    cmd->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    cmd->add_flag("-q,--quiet", args.quiet, "do not print warnings and notes");
}

void add_timeouts(CLI::App* cmd, DbArgs& args) {
    cmd->add_option("--lock-timeout", args.lock_timeout,
                    "give up when a lock is not granted within this time (PostgreSQL syntax: 5s, 500ms; default: "
                    "the server's)");
    cmd->add_option("--statement-timeout", args.statement_timeout,
                    "give up when one statement runs longer than this (default: the server's)");
    cmd->add_flag("--online", args.online, "plan lock-friendly statements (as for `diff --online`)");
}

// ---------------------------------------------------------------------------------------
// Schemas

// A stable fingerprint of a schema: two 64-bit FNV-1a hashes of its canonical script.
// Not a security measure: it tells whether a database changed between two runs.
std::string fingerprint(const Dialect& dialect, const model::Schema& schema) {
    const std::string text = dialect.emit_schema(schema, synth::EmitOptions{});
    std::uint64_t a = 1469598103934665603ULL;
    std::uint64_t b = 0x84222325cbf29ce4ULL;
    for (unsigned char c : text) {
        a = (a ^ c) * 1099511628211ULL;
        b = (b ^ c) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
    }
    return fmt::format("{:016x}{:016x}", a, b);
}

std::expected<model::Schema, int> load_model(const Dialect& dialect, InputContext& context,
                                             std::vector<parser::SourceFile> files, bool strict, bool quiet) {
    parser::LoadOptions options;
    options.unsupported = strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    auto loaded = dialect.load(files, options);
    if (!loaded) {
        std::cerr << loaded.error().render() << '\n';
        return std::unexpected(k_exit_input_error);
    }
    print_diagnostics(loaded->diagnostics, quiet);
    apply_ignore(loaded->schema, context.config(), *dialect.traits);
    return std::move(loaded->schema);
}

// The repository's schema at a ref: REF:PATH, or REF with the configured [schema] path(s).
struct Target {
    std::string label;  // "main:db/structure.sql"
    std::vector<std::string> paths;  // repository paths
    GitCommit commit;
    model::Schema schema;
};

std::expected<Target, int> load_target(const Dialect& dialect, InputContext& context, const std::string& spec,
                                       const std::string& path_override, const DbArgs& args) {
    std::string ref = spec;
    std::vector<std::string> paths;
    if (path_override.empty()) {
        if (auto split = split_ref_path(spec)) {
            ref = split->first;
            paths = {split->second};
        }
    } else {
        paths = {path_override};
    }
    if (paths.empty()) {
        paths = context.config().schema_paths;
        if (paths.empty()) {
            std::cerr << fmt::format(
                "error: '{}' names no schema path: write REF:PATH, or set [schema] path in schemerge.toml\n", spec);
            return std::unexpected(k_exit_input_error);
        }
    }
    auto commit = context.resolve(ref);
    if (!commit) {
        std::cerr << "error: '" << ref << "' is not a ref: " << commit.error().diagnostics.front().message << '\n';
        return std::unexpected(k_exit_input_error);
    }
    std::vector<parser::SourceFile> files;
    std::string label;
    for (const auto& path : paths) {
        auto read = context.read_at(*commit, ref, path);
        if (!read) {
            std::cerr << read.error().render() << '\n';
            return std::unexpected(k_exit_input_error);
        }
        print_notes(read->notes, args.quiet);
        std::ranges::move(read->files, std::back_inserter(files));
        label += (label.empty() ? "" : ", ") + ref + ":" + path;
    }
    auto schema = load_model(dialect, context, std::move(files), args.strict, args.quiet);
    if (!schema) {
        return std::unexpected(schema.error());
    }
    return Target{label, paths, *commit, std::move(*schema)};
}

std::expected<model::Schema, int> read_live_model(const Dialect& dialect, InputContext& context, LiveDatabase& database,
                                                  const std::string& label, const DbArgs& args) {
    auto files = database.read_schema(label);
    if (!files) {
        std::cerr << "error: " << files.error().message << '\n';
        return std::unexpected(k_exit_input_error);
    }
    return load_model(dialect, context, std::move(*files), args.strict, args.quiet);
}

// The target rewritten where the engine rewrites what it stores (LiveDatabase::
// match_stored_form), so that it compares with the live schema like with like.
void match_stored_form(const Dialect& dialect, LiveDatabase& database, model::Schema& target, const DbArgs& args) {
    if (auto note = database.match_stored_form(target, dialect); note && !args.quiet) {
        std::cerr << "note: " << *note << '\n';
    }
}

struct Migration {
    diff::DiffResult diff;
    synth::Plan plan;
    std::string script;
};

Migration plan_between(const Dialect& dialect, const model::Schema& from, const model::Schema& to, bool online) {
    Migration m;
    m.diff = diff::diff(from, to, {});
    synth::PlanOptions options;
    options.locks = online ? synth::LockStrategy::online : synth::LockStrategy::plain;
    options.owners = m.diff.owners_compared;
    m.plan = dialect.plan_migration(from, to, m.diff.changes, options);
    m.script = dialect.render_plan(m.plan);
    return m;
}

std::vector<std::string> hazard_ids_of(const synth::Plan& plan) {
    std::vector<std::string> ids;
    for (const auto& step : plan.steps) {
        for (const auto& hazard : step.hazards) {
            if (std::ranges::find(ids, hazard.id) == ids.end()) {
                ids.push_back(hazard.id);
            }
        }
    }
    return ids;
}

std::string first_line_of(const std::string& sql) {
    auto newline = sql.find('\n');
    return newline == std::string::npos ? sql : sql.substr(0, newline) + " ...";
}

// Prints how applying went; returns whether it succeeded.
bool report_apply(const ApplyResult& result, const std::string& where) {
    std::cout << "applying to " << where << ":\n";
    for (std::size_t i = 0; i < result.ran.size(); ++i) {
        const auto& ran = result.ran[i];
        const bool failed = result.failed && i + 1 == result.ran.size();
        std::cout << (failed ? "  FAILED " : "  ok     ") << ran.label
                  << (ran.sql.empty() ? std::string() : ": " + first_line_of(ran.sql));
        if (failed) {
            std::cout << ": " << result.error;
        }
        std::cout << '\n';
    }
    if (result.failed) {
        if (result.ran.empty()) {
            std::cout << "  FAILED before any statement: " << result.error << '\n';
        }
        const bool transaction = std::any_of(result.ran.begin(), result.ran.end(),
                                             [](const ApplyResult::Ran& r) { return r.in_transaction; });
        if (result.rolled_back) {
            std::cout << "rolled back: the transaction's statements were undone";
        } else {
            std::cout << "stopped";
        }
        // An engine without transactional DDL (no statement ran in a transaction): each
        // statement committed on its own, so those before the failure stay.
        std::cout << "; " << result.committed
                  << (transaction ? " statement(s) outside the transaction stay applied\n"
                                  : " statement(s) before it stay applied (each committed on its own)\n");
    } else {
        std::cout << fmt::format("applied: {} statement(s)\n", result.committed);
    }
    return !result.failed;
}

// After applying: the live schema must now be the target.
int check_reached(const Dialect& dialect, InputContext& context, LiveDatabase& database, const std::string& label,
                  const Target& target, const DbArgs& args) {
    auto after = read_live_model(dialect, context, database, label, args);
    if (!after) {
        return after.error();
    }
    auto left = diff::diff(*after, target.schema, {});
    if (left.changes.empty()) {
        return k_exit_ok;
    }
    std::cout << fmt::format("error: after the migration, {} still differs from {} ({} change(s)):\n", label,
                             target.label, left.changes.changes.size());
    for (const auto& change : left.changes.changes) {
        std::cout << "  " << change.describe() << '\n';
    }
    return k_exit_different;
}

struct Live {
    const Dialect* dialect = nullptr;
    std::unique_ptr<LiveServer> server;
};

std::expected<Live, int> connect_live(const DbArgs& args) {
    const Dialect& dialect = live_dialect_for_dsn(args.dsn);
    if (dialect.live == nullptr) {
        std::cerr << "error: " << dialect.name() << " has no live database support\n";
        return std::unexpected(k_exit_input_error);
    }
    auto server = dialect.live->connect(args.dsn);
    if (!server) {
        std::cerr << "error: " << server.error().message << '\n';
        return std::unexpected(k_exit_input_error);
    }
    return Live{&dialect, std::move(*server)};
}

std::vector<std::string> failing_hazards(const InputContext& context, const DbArgs& args, int& rc) {
    std::vector<std::string> failing = context.config().fail_on;
    if (!args.fail_on.empty()) {
        failing.clear();
        std::ranges::copy_if(args.fail_on, std::back_inserter(failing), [](const std::string& id) { return !id.empty(); });
    }
    const auto known = hazard_ids();
    for (const std::vector<std::string>* list : {static_cast<const std::vector<std::string>*>(&failing), &args.allow}) {
        for (const auto& id : *list) {
            if (std::ranges::find(known, id) == known.end()) {
                std::cerr << "error: unknown hazard id '" << id << "' in " << (list == &failing ? "--fail-on" : "--allow")
                          << '\n';
                rc = k_exit_input_error;
            }
        }
    }
    std::erase_if(failing, [&](const std::string& id) { return std::ranges::find(args.allow, id) != args.allow.end(); });
    return failing;
}

// ---------------------------------------------------------------------------------------
// db migrate

int run_migrate(const DbArgs& args) {
    if (args.to.empty() && args.apply_file.empty()) {
        std::cerr << "error: db migrate needs --to REF[:PATH] (or --apply PLANFILE)\n";
        return k_exit_input_error;
    }
    if (!args.apply_file.empty() && !args.to.empty()) {
        std::cerr << "error: --apply PLANFILE runs the reviewed plan as written; --to cannot be combined with it\n";
        return k_exit_input_error;
    }
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    int rc = k_exit_ok;
    const auto failing = failing_hazards(*context, args, rc);
    if (rc != k_exit_ok) {
        return rc;
    }
    // A plan file is read before anything connects: a bad file creates nothing.
    std::string script;
    nlohmann::json header;
    if (!args.apply_file.empty()) {
        auto text = read_file(args.apply_file);
        if (!text) {
            std::cerr << "error: " << text.error() << '\n';
            return k_exit_input_error;
        }
        if (!text->starts_with(k_plan_header)) {
            std::cerr << fmt::format("{}:1:1: error: not a plan written by `schemerge db migrate --plan-out` (its "
                                     "first line must be '{}{{...}}')\n",
                                     args.apply_file, k_plan_header);
            return k_exit_input_error;
        }
        const auto end = text->find('\n');
        header = nlohmann::json::parse(text->substr(k_plan_header.size(), end - k_plan_header.size()), nullptr, false);
        if (header.is_discarded() || !header.is_object() || !header.contains("live_fingerprint")) {
            std::cerr << fmt::format("{}:1:{}: error: unreadable plan header\n", args.apply_file,
                                     k_plan_header.size() + 1);
            return k_exit_input_error;
        }
        script = *text;
    }
    std::optional<Target> target;
    const Dialect& dialect = live_dialect_for_dsn(args.dsn);
    if (!args.to.empty()) {
        auto loaded = load_target(dialect, *context, args.to, "", args);
        if (!loaded) {
            return loaded.error();
        }
        target = std::move(*loaded);
    }
    auto live = connect_live(args);
    if (!live) {
        return live.error();
    }
    auto database = live->server->open("");
    if (!database) {
        std::cerr << "error: " << database.error().message << '\n';
        return k_exit_input_error;
    }
    const std::string label = dialect.live->redact(args.dsn);
    auto current = read_live_model(dialect, *context, **database, label, args);
    if (!current) {
        return current.error();
    }
    const std::string live_fingerprint = fingerprint(dialect, *current);

    std::vector<std::string> hazards;
    HistoryRecord record;
    if (target) {
        // The fingerprint of the schema as the repository writes it (before the engine's form).
        record = {target->commit.revision, target->commit.sha, fingerprint(dialect, target->schema)};
        match_stored_form(dialect, **database, target->schema, args);
        auto migration = plan_between(dialect, *current, target->schema, args.online);
        hazards = hazard_ids_of(migration.plan);
        nlohmann::ordered_json h;
        h["live"] = label;
        h["live_fingerprint"] = live_fingerprint;
        h["to"] = target->label;
        h["commit"] = target->commit.sha;
        h["schema_fingerprint"] = record.schema_hash;
        h["hazards"] = hazards;
        script = std::string(k_plan_header) + h.dump() + "\n" + migration.script;
        if (!args.quiet) {
            for (const auto& note : migration.plan.notes) {
                std::cerr << "note: " << note << '\n';
            }
        }
        if (!args.plan_out.empty()) {
            if (auto written = write_output(args.plan_out, script); !written) {
                std::cerr << "error: " << written.error() << '\n';
                return k_exit_input_error;
            }
        }
        std::cout << migration.script;
        if (migration.plan.empty() && args.apply) {
            std::cout << "nothing to apply: " << label << " is at " << target->label << '\n';
        }
    } else {
        if (header.value("live_fingerprint", "") != live_fingerprint) {
            std::cerr << fmt::format("error: {} changed since {} was planned (live schema fingerprint {}, the plan was "
                                     "made for {}); plan again with --plan-out\n",
                                     label, args.apply_file, live_fingerprint,
                                     header.value("live_fingerprint", std::string("?")));
            return k_exit_different;
        }
        for (const auto& id : header.value("hazards", std::vector<std::string>{})) {
            hazards.push_back(id);
        }
        record = {header.value("to", std::string("plan file")), header.value("commit", std::string()),
                  header.value("schema_fingerprint", std::string())};
    }
    if (!args.apply) {
        for (const auto& id : hazards) {
            if (std::ranges::find(failing, id) != failing.end()) {
                std::cerr << fmt::format("warning: the plan has hazard {}, which stops --apply (pass --allow {} to "
                                         "run it anyway)\n",
                                         id, id);
            }
        }
        return k_exit_ok;
    }
    for (const auto& id : hazards) {
        if (std::ranges::find(failing, id) != failing.end()) {
            std::cerr << fmt::format("error: refused: the plan has hazard {} ([check] fail_on / --fail-on); nothing "
                                     "was applied (pass --allow {} to run it)\n",
                                     id, id);
            return k_exit_different;
        }
    }
    ApplyOptions options{args.lock_timeout, args.statement_timeout, record};
    auto result = (*database)->apply(script, args.apply_file.empty() ? std::string("plan") : args.apply_file, options);
    if (!report_apply(result, label)) {
        return k_exit_different;
    }
    if (target) {
        return check_reached(dialect, *context, **database, label, *target, args);
    }
    return k_exit_ok;
}

// ---------------------------------------------------------------------------------------
// db branch / drop / list

std::string database_name(const InputContext& context, LiveServer& server, const std::string& branch) {
    std::string name = context.config().db_name_template;
    for (const auto& [placeholder, value] :
         {std::pair<std::string, std::string>{"<db>", server.dsn_database()}, {"<branch>", branch}}) {
        for (auto pos = name.find(placeholder); pos != std::string::npos; pos = name.find(placeholder, pos + value.size())) {
            name.replace(pos, placeholder.size(), value);
        }
    }
    return server.safe_name(name);
}

// Unlocks the name when the command ends, whatever happens.
struct NameLock {
    LiveServer& server;
    std::string name;
    NameLock(LiveServer& s, std::string n) : server(s), name(std::move(n)) {}
    NameLock(const NameLock&) = delete;
    NameLock& operator=(const NameLock&) = delete;
    ~NameLock() { server.release_lock(name); }
};

// A branch's database name, locked against other schemerge runs, and whether it exists.
struct LockedDatabase {
    std::string name;
    std::unique_ptr<NameLock> lock;
    bool exists = false;
};

// Names BRANCH's database, takes its lock and asks whether it exists; an error is
// reported here (exit code returned).
std::expected<LockedDatabase, int> lock_branch_database(const InputContext& context, LiveServer& server,
                                                        const std::string& branch) {
    LockedDatabase db;
    db.name = database_name(context, server, branch);
    if (auto locked = server.lock_name(db.name); !locked) {
        std::cerr << "error: " << locked.error().message << '\n';
        return std::unexpected(k_exit_input_error);
    }
    db.lock = std::make_unique<NameLock>(server, db.name);
    auto exists = server.exists(db.name);
    if (!exists) {
        std::cerr << "error: " << exists.error().message << '\n';
        return std::unexpected(k_exit_input_error);
    }
    db.exists = *exists;
    return db;
}

int run_branch(const DbArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    const Dialect& dialect = live_dialect_for_dsn(args.dsn);
    // Everything that can be checked without the server is checked first: a bad branch
    // creates nothing.
    auto target = load_target(dialect, *context, args.branch, args.schema, args);
    if (!target) {
        return target.error();
    }
    auto live = connect_live(args);
    if (!live) {
        return live.error();
    }
    LiveServer& server = *live->server;
    auto locked = lock_branch_database(*context, server, args.branch);
    if (!locked) {
        return locked.error();
    }
    const std::string& name = locked->name;
    bool created = false;
    if (locked->exists) {
        auto marked = server.branch_database(name);
        if (!marked) {
            std::cerr << "error: " << marked.error().message << '\n';
            return k_exit_input_error;
        }
        if (!*marked) {
            std::cerr << fmt::format("error: database {} exists and schemerge did not create it; not touched (choose "
                                     "another [db] name_template)\n",
                                     name);
            return k_exit_input_error;
        }
        if ((*marked)->branch != args.branch) {
            std::cerr << fmt::format("error: database {} belongs to branch {}, not {}; not touched\n", name,
                                     (*marked)->branch, args.branch);
            return k_exit_input_error;
        }
    } else {
        if (!args.from.empty()) {
            auto from_exists = server.exists(args.from);
            if (!from_exists || !*from_exists) {
                std::cerr << fmt::format("error: --from {}: no such database on {}\n", args.from,
                                         dialect.live->redact(args.dsn));
                return k_exit_input_error;
            }
        }
        if (auto made = server.create_branch_database(name, args.branch, args.from); !made) {
            std::cerr << "error: " << made.error().message << '\n';
            return k_exit_input_error;
        }
        created = true;
        std::cout << (args.from.empty() ? fmt::format("created database {} (empty)\n", name)
                                        : fmt::format("created database {} from {}\n", name, args.from));
    }
    // From here on a database made by this run is dropped again on failure.
    struct DropOnFailure {
        LiveServer& server;
        const std::string& name;
        bool armed;
        ~DropOnFailure() {
            if (armed) {
                (void)server.drop_database(name, true);
                std::cout << "dropped database " << name << " again (created by this run)\n";
            }
        }
    } cleanup{server, name, created};

    auto database = server.open(name);
    if (!database) {
        std::cerr << "error: " << database.error().message << '\n';
        return k_exit_input_error;
    }
    const std::string label = "database " + name;
    auto current = read_live_model(dialect, *context, **database, label, args);
    if (!current) {
        return current.error();
    }
    HistoryRecord record{args.branch, target->commit.sha, fingerprint(dialect, target->schema)};
    match_stored_form(dialect, **database, target->schema, args);
    auto migration = plan_between(dialect, *current, target->schema, args.online);
    if (!migration.plan.empty()) {
        std::cout << migration.script;
    }
    ApplyOptions options{args.lock_timeout, args.statement_timeout, record};
    auto result = (*database)->apply(migration.script, "plan", options);
    if (!migration.plan.empty() || result.failed) {
        if (!report_apply(result, label)) {
            return k_exit_different;
        }
    }
    if (int reached = check_reached(dialect, *context, **database, label, *target, args); reached != k_exit_ok) {
        return reached;
    }
    BranchDatabase info{name, args.branch, target->commit.sha, {}};
    if (auto marked = server.mark(name, info); !marked) {
        std::cerr << "error: " << marked.error().message << '\n';
        return k_exit_input_error;
    }
    cleanup.armed = false;
    std::cout << fmt::format("database {} is at {} ({}){}\n", name, target->label, target->commit.short_sha(),
                             migration.plan.empty() ? (created ? "" : ": already up to date")
                                                    : fmt::format(": {} step(s) applied", migration.plan.steps.size()));
    return k_exit_ok;
}

int run_drop(const DbArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    auto live = connect_live(args);
    if (!live) {
        return live.error();
    }
    LiveServer& server = *live->server;
    auto locked = lock_branch_database(*context, server, args.branch);
    if (!locked) {
        return locked.error();
    }
    const std::string& name = locked->name;
    if (!locked->exists) {
        std::cerr << fmt::format("error: no database {} for branch {}\n", name, args.branch);
        return k_exit_input_error;
    }
    auto marked = server.branch_database(name);
    if (!marked) {
        std::cerr << "error: " << marked.error().message << '\n';
        return k_exit_input_error;
    }
    if (!*marked) {
        std::cerr << fmt::format("error: database {} was not created by schemerge; refusing to drop it\n", name);
        return k_exit_input_error;
    }
    if (auto dropped = server.drop_database(name, args.force); !dropped) {
        std::cerr << "error: " << dropped.error().message << '\n';
        return k_exit_input_error;
    }
    std::cout << "dropped database " << name << " (branch " << (*marked)->branch << ")\n";
    return k_exit_ok;
}

int run_list(const DbArgs& args) {
    auto live = connect_live(args);
    if (!live) {
        return live.error();
    }
    auto all = live->server->branch_databases();
    if (!all) {
        std::cerr << "error: " << all.error().message << '\n';
        return k_exit_input_error;
    }
    if (args.format == "json") {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& b : *all) {
            out.push_back({{"database", b.name}, {"branch", b.branch}, {"commit", b.commit}, {"updated", b.updated}});
        }
        std::cout << out.dump(2) << '\n';
        return k_exit_ok;
    }
    for (const auto& b : *all) {
        std::cout << fmt::format("{}\t{}\t{}\t{}\n", b.name, b.branch, b.commit.substr(0, 7), b.updated);
    }
    return k_exit_ok;
}

// ---------------------------------------------------------------------------------------
// db drift

int run_drift(const DbArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    const Dialect& dialect = live_dialect_for_dsn(args.dsn);
    auto target = load_target(dialect, *context, args.schema.empty() ? std::string("HEAD") : args.schema, "", args);
    if (!target) {
        return target.error();
    }
    auto live = connect_live(args);
    if (!live) {
        return live.error();
    }
    auto database = live->server->open("");
    if (!database) {
        std::cerr << "error: " << database.error().message << '\n';
        return k_exit_input_error;
    }
    const std::string label = dialect.live->redact(args.dsn);
    auto current = read_live_model(dialect, *context, **database, label, args);
    if (!current) {
        return current.error();
    }
    match_stored_form(dialect, **database, target->schema, args);
    auto forward = plan_between(dialect, *current, target->schema, args.online);  // database -> repository
    auto backward = plan_between(dialect, target->schema, *current, args.online);  // repository -> database
    const bool equal = forward.diff.changes.empty();
    std::string content;
    if (args.format == "json") {
        nlohmann::ordered_json out;
        out["database"] = label;
        out["schema"] = target->label;
        out["commit"] = target->commit.sha;
        out["drift"] = !equal;
        nlohmann::ordered_json changes = nlohmann::ordered_json::array();
        for (const auto& change : forward.diff.changes.changes) {
            changes.push_back(change.describe());
        }
        out["changes"] = changes;
        out["to_schema"] = {{"sql", forward.script}, {"steps", plan_steps_json(forward.plan)}};
        out["to_database"] = {{"sql", backward.script}, {"steps", plan_steps_json(backward.plan)}};
        content = out.dump(2) + "\n";
    } else if (args.format == "sarif") {
        SarifLog log;
        log.rules.push_back({"schema-drift", "The live database differs from the repository's schema."});
        for (const auto& change : forward.diff.changes.changes) {
            SarifResult result;
            result.rule_id = "schema-drift";
            result.level = "error";
            result.message = fmt::format("{} differs from {}: {} would bring it to the repository", label,
                                         target->label, change.describe());
            for (const auto& path : target->paths) {
                result.locations.push_back({sarif_uri(path), 0, 0});
            }
            log.results.push_back(std::move(result));
        }
        content = render_sarif(log);
    } else if (args.format == "markdown") {
        if (equal) {
            content = fmt::format("## schemerge drift: `{}` matches `{}`\n\n✅ No drift.\n", label, target->label);
        } else {
            content = fmt::format("## schemerge drift: `{}` differs from `{}`\n\n", label, target->label);
            content += "### Bring the database to the repository\n\n";
            content += render_markdown(PlanReport{label, target->label, &forward.diff, &forward.plan, &dialect});
            content += "\n### Bring the repository to the database\n\n";
            content += render_markdown(PlanReport{target->label, label, &backward.diff, &backward.plan, &dialect});
        }
    } else {
        if (equal) {
            content = fmt::format("no drift: {} matches {} ({})\n", label, target->label, target->commit.short_sha());
        } else {
            content = fmt::format("drift: {} differs from {} ({}): {} change(s) from the database to the "
                                  "repository\n",
                                  label, target->label, target->commit.short_sha(), forward.diff.changes.changes.size());
            for (const auto& change : forward.diff.changes.changes) {
                content += "  " + change.describe() + "\n";
            }
            content += "\n-- to bring the database to " + target->label + ":\n" + forward.script;
            content += "\n-- to bring " + target->label + " to the database:\n" + backward.script;
        }
    }
    std::cout << content;
    return equal ? k_exit_ok : k_exit_different;
}

}  // namespace

void add_db_command(CLI::App& app, DbArgs& args) {
    CLI::App* db = app.add_subcommand("db", "Live databases: migrate one, a database per branch, drift from the "
                                            "repository");
    db->require_subcommand(1);

    CLI::App* migrate = db->add_subcommand(
        "migrate", "Print the plan that brings a live database to REF[:PATH]; --apply runs it");
    add_dsn(migrate, args);
    migrate->add_option("--to", args.to, "the wanted schema: REF:PATH, or REF with [schema] path");
    args.apply_option = migrate->add_option("--apply", args.apply_file,
                        "run the plan (in one transaction, the non-transactional steps after it); with PLANFILE, run "
                        "that reviewed plan, refused when the database changed since it was written")
        ->expected(0, 1);
    migrate->add_option("--plan-out", args.plan_out,
                        "also write the plan to FILE, with the fingerprint of the live schema it was made from");
    migrate->add_option("--fail-on", args.fail_on,
                        "hazard ids that stop --apply, comma-separated (default: [check] fail_on; '' for none)")
        ->delimiter(',');
    migrate->add_option("--allow", args.allow, "run the plan despite this hazard id; repeatable")->delimiter(',');
    add_timeouts(migrate, args);
    add_common(migrate, args);

    CLI::App* branch = db->add_subcommand(
        "branch", "Create or bring forward BRANCH's database: a copy of --from (or empty), migrated to BRANCH's schema");
    branch->add_option("BRANCH", args.branch, "the git branch (any ref)")->required();
    add_dsn(branch, args);
    branch->add_option("--from", args.from, "copy this database, data included (PostgreSQL: CREATE DATABASE ... TEMPLATE; MySQL: from its "
                                      "catalog, rows copied)");
    branch->add_option("--schema", args.schema, "the schema path in the repository (default: [schema] path)");
    add_timeouts(branch, args);
    add_common(branch, args);

    CLI::App* drift = db->add_subcommand("drift", "Compare a live database with the repository's schema");
    add_dsn(drift, args);
    drift->add_option("--schema", args.schema, "REF:PATH, or REF with [schema] path (default: HEAD)");
    drift->add_option("--format", args.format, "report format")
        ->check(CLI::IsMember({"text", "markdown", "json", "sarif"}));
    drift->add_flag("--online", args.online, "plan lock-friendly statements");
    add_common(drift, args);

    CLI::App* list = db->add_subcommand("list", "List the databases schemerge created for branches");
    add_dsn(list, args);
    list->add_option("--format", args.format, "output format")->check(CLI::IsMember({"text", "json"}));

    CLI::App* drop = db->add_subcommand("drop", "Drop BRANCH's database (only one schemerge created)");
    drop->add_option("BRANCH", args.branch, "the branch whose database to drop")->required();
    add_dsn(drop, args);
    drop->add_flag("--force", args.force, "end the sessions connected to it first");
    add_source_options(drop, args.sources);
}

int run_db(CLI::App& app, DbArgs& args) {
    CLI::App* db = app.get_subcommand("db");
    args.apply = args.apply_option != nullptr && args.apply_option->count() > 0;
    if (db->got_subcommand("migrate")) {
        return run_migrate(args);
    }
    if (db->got_subcommand("branch")) {
        return run_branch(args);
    }
    if (db->got_subcommand("drift")) {
        return run_drift(args);
    }
    if (db->got_subcommand("list")) {
        return run_list(args);
    }
    if (db->got_subcommand("drop")) {
        return run_drop(args);
    }
    return k_exit_input_error;
}

}  // namespace schemerge::cli
