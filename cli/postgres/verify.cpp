#include "cli/postgres/verify.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/exit_codes.hpp"
#include "cli/postgres/catalog_snapshot.hpp"
#include "cli/postgres/pg_connection.hpp"
#include "cli/postgres/postgres_cluster.hpp"
#include "parser/postgres/statement_split.hpp"

namespace schemerge::cli::postgres {

namespace {

// One statement of the plan to run, with what to call it when it fails.
struct PlanStatement {
    std::string sql;
    std::string label;
};

// psql meta-commands (\connect, \restrict, ...) are not SQL: blank them out, keeping
// the line structure so that server error positions still map to the file's lines.
std::string strip_meta_commands(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    std::istringstream in(text);
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (!first) {
            out += '\n';
        }
        first = false;
        auto start = line.find_first_not_of(" \t");
        if (start != std::string::npos && line[start] == '\\') {
            continue;
        }
        out += line;
    }
    return out;
}

// "line:col" of a 1-based character (not byte) position in UTF-8 text.
std::string line_column(const std::string& text, int position) {
    int line = 1;
    int column = 1;
    int characters = 1;
    for (std::size_t i = 0; i < text.size() && characters < position; ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) == 0x80) {
            continue;  // continuation byte: same character
        }
        if (byte == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        ++characters;
    }
    return fmt::format("{}:{}", line, column);
}

std::string indent(const std::string& text, std::string_view prefix) {
    std::string out{prefix};
    for (char c : text) {
        out += c;
        if (c == '\n') {
            out += prefix;
        }
    }
    return out;
}

// Splits a plan file into statements the way the loader does: PostgreSQL's own scanner
// (quotes, dollar quotes and comments handled as the server would), BEGIN ATOMIC bodies
// kept whole, psql meta-commands blanked.
std::expected<std::vector<PlanStatement>, std::string> split_plan_file(const std::string& name,
                                                                       const std::string& raw) {
    const auto source = parser::make_source(name, raw);
    std::vector<model::Diagnostic> notes;
    parser::LoadStats stats;
    auto prepared = parser::postgres::prepare_file(source, notes, stats);
    if (!prepared) {
        return std::unexpected(fmt::format("{}: cannot split into statements: {}", name,
                                           prepared.error().diagnostics.front().message));
    }
    std::vector<parser::postgres::Statement> split;
    if (auto ok = parser::postgres::split_statements(*prepared, split); !ok) {
        return std::unexpected(fmt::format("{}: cannot split into statements: {}", name,
                                           ok.error().diagnostics.front().message));
    }
    const std::string& text = prepared->text;
    std::vector<PlanStatement> statements;
    for (const auto& st : split) {
        std::string sql = text.substr(st.offset, st.length);
        auto end = sql.find_last_not_of(" \t\r\n;");
        if (end == std::string::npos) {
            continue;
        }
        // The line of the statement's first character, not of the comments before it.
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(st.offset), '\n'));
        statements.push_back({sql.substr(0, end + 1), fmt::format("{}:{}", name, line)});
    }
    return statements;
}

// The same three sections render_sql prints (synth/plan.hpp): non-transactional steps
// that come before the first transactional one run before BEGIN (enum ADD VALUE: the
// transaction may use the new label), then the transaction, then the remaining
// non-transactional steps (CREATE INDEX CONCURRENTLY, VALIDATE). Steps without SQL (a
// dropped verbatim statement) only carry a note.
std::vector<PlanStatement> plan_statements(const synth::Plan& plan) {
    std::vector<PlanStatement> statements;
    std::size_t first_transactional = plan.steps.size();
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        if (plan.steps[i].transactional) {
            first_transactional = i;
            break;
        }
    }
    for (std::size_t i = 0; i < first_transactional; ++i) {
        if (!plan.steps[i].sql.empty()) {
            statements.push_back({plan.steps[i].sql, plan.steps[i].change + ", before the transaction"});
        }
    }
    if (first_transactional < plan.steps.size()) {
        statements.push_back({"BEGIN", "begin the plan's transaction"});
        for (const auto& step : plan.steps) {
            if (step.transactional && !step.sql.empty()) {
                statements.push_back({step.sql, step.change});
            }
        }
        statements.push_back({"COMMIT", "commit the plan's transaction"});
    }
    for (std::size_t i = first_transactional; i < plan.steps.size(); ++i) {
        const auto& step = plan.steps[i];
        if (!step.transactional && !step.sql.empty()) {
            statements.push_back({step.sql, step.change + ", outside the transaction"});
        }
    }
    return statements;
}

int interrupted_exit() {
    std::cerr << "schemerge verify: interrupted; cleaned up\n";
    return 128 + interrupted_by();
}

// The two scratch databases: created on construction, dropped by the destructor
// unless kept. Connections to them must be closed before (DROP ... WITH (FORCE) ends
// stragglers anyway).
class ScratchDatabases {
public:
    ScratchDatabases(PgConnection& admin, std::string from, std::string to)
        : admin_(admin), from_(std::move(from)), to_(std::move(to)) {}
    ScratchDatabases(const ScratchDatabases&) = delete;
    ScratchDatabases& operator=(const ScratchDatabases&) = delete;
    ~ScratchDatabases() {
        if (!keep_) {
            for (const auto* name : {&from_, &to_}) {
                if (created_) {
                    (void)admin_.exec("DROP DATABASE IF EXISTS " + quote_pg_identifier(*name) + " WITH (FORCE)");
                }
            }
        }
    }
    std::expected<void, PgError> create() {
        for (const auto* name : {&from_, &to_}) {
            created_ = true;
            if (auto dropped = admin_.exec("DROP DATABASE IF EXISTS " + quote_pg_identifier(*name) + " WITH (FORCE)");
                !dropped) {
                return std::unexpected(dropped.error());
            }
            // template0: a clean database, whatever someone installed into template1.
            if (auto made = admin_.exec("CREATE DATABASE " + quote_pg_identifier(*name) +
                                        " TEMPLATE template0 ENCODING 'UTF8'");
                !made) {
                return std::unexpected(made.error());
            }
        }
        return {};
    }
    void keep() { keep_ = true; }
    [[nodiscard]] const std::string& from() const { return from_; }
    [[nodiscard]] const std::string& to() const { return to_; }

private:
    PgConnection& admin_;
    std::string from_;
    std::string to_;
    bool created_ = false;
    bool keep_ = false;
};

// Runs a schema's original files into `database` in one transaction. In a throwaway
// cluster, roles the files name (OWNER TO, GRANT) are created on demand: they are
// cluster-wide and not what is being verified. Returns the message on rejection.
std::expected<void, std::string> load_schema_text(const std::string& conninfo, const std::string& database,
                                                  const std::vector<parser::SourceFile>& sources, bool create_roles,
                                                  bool quiet) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        auto connection = PgConnection::connect(conninfo, database);
        if (!connection) {
            return std::unexpected("cannot connect to database " + database + ": " + connection.error());
        }
        if (auto begun = connection->exec("BEGIN"); !begun) {
            return std::unexpected(begun.error().message);
        }
        std::optional<std::string> missing_role;
        for (const auto& source : sources) {
            const std::string text = strip_meta_commands(source.text);
            auto done = connection->exec(text);
            if (done) {
                continue;
            }
            const auto& error = done.error();
            constexpr std::string_view k_prefix = "role \"";
            if (create_roles && error.sqlstate == "42704" && error.message.starts_with(k_prefix)) {
                auto end = error.message.find("\" does not exist");
                if (end != std::string::npos) {
                    missing_role = error.message.substr(k_prefix.size(), end - k_prefix.size());
                    break;
                }
            }
            std::string where = *source.name;
            if (error.position) {
                where += ":" + line_column(text, *error.position);
            }
            return std::unexpected(where + ": " + error.message);
        }
        if (!missing_role) {
            if (auto committed = connection->exec("COMMIT"); !committed) {
                return std::unexpected(committed.error().message);
            }
            return {};
        }
        (void)connection->exec("ROLLBACK");
        if (auto made = connection->exec("CREATE ROLE " + quote_pg_identifier(*missing_role)); !made) {
            return std::unexpected("cannot create role " + *missing_role + ": " + made.error().message);
        }
        if (!quiet) {
            std::cerr << "note: created role " << *missing_role << " in the throwaway cluster\n";
        }
    }
    return std::unexpected("too many missing roles");
}

std::string show_entry(const CatalogEntry& entry) {
    return entry.object + ": " + indent(entry.attribute, "      ").substr(6);
}

}  // namespace

int verify(const VerifyJob& job) {
    std::vector<PlanStatement> statements;
    if (!job.plan_file.empty()) {
        auto plan_sources = parser::read_sources(job.plan_file);
        if (!plan_sources) {
            std::cerr << plan_sources.error().render() << '\n';
            return k_exit_input_error;
        }
        for (const auto& source : *plan_sources) {
            auto split = split_plan_file(*source.name, source.text);
            if (!split) {
                std::cerr << "error: " << split.error() << '\n';
                return k_exit_input_error;
            }
            statements.insert(statements.end(), split->begin(), split->end());
        }
    } else {
        statements = plan_statements(*job.plan);
    }

    install_interrupt_handlers();
    std::unique_ptr<TemporaryCluster> cluster;
    std::string conninfo = job.dsn;
    if (job.dsn.empty()) {
        auto started = TemporaryCluster::start();
        if (!started) {
            if (interrupted_by() != 0) {
                return interrupted_exit();
            }
            std::cerr << "error: cannot start a throwaway PostgreSQL cluster: " << started.error() << '\n';
            return k_exit_input_error;
        }
        cluster = std::move(*started);
        conninfo = cluster->conninfo();
    }
    auto admin = PgConnection::connect(conninfo);
    if (!admin) {
        std::cerr << "error: cannot connect to PostgreSQL" << (job.dsn.empty() ? "" : " (--dsn)") << ": "
                  << admin.error() << '\n';
        return k_exit_input_error;
    }
    const auto pid = static_cast<long>(::getpid());
    ScratchDatabases databases(*admin, fmt::format("schemerge_verify_{}_from", pid),
                               fmt::format("schemerge_verify_{}_to", pid));
    if (auto created = databases.create(); !created) {
        if (interrupted_by() != 0) {
            return interrupted_exit();
        }
        std::cerr << "error: cannot create the scratch databases: " << created.error().message << '\n';
        return k_exit_input_error;
    }
    // Kept or not, say where things are once the verdict is out.
    struct KeepReport {
        bool keep;
        ScratchDatabases& databases;
        TemporaryCluster* cluster;
        ~KeepReport() {
            if (!keep) {
                return;
            }
            databases.keep();
            std::cout << "kept: FROM + plan in database " << databases.from() << ", TO in database "
                      << databases.to() << '\n';
            if (cluster != nullptr) {
                cluster->keep();
                std::cout << "  connect: psql \"host=" << cluster->directory() << " user=postgres dbname="
                          << databases.from() << "\"\n";
                std::cout << "  stop and remove the cluster: " << cluster->stop_command() << '\n';
            } else {
                std::cout << "  on the --dsn server; drop them with: DROP DATABASE " << databases.from()
                          << "; DROP DATABASE " << databases.to() << ";\n";
            }
            std::cout.flush();
        }
    } keep_report{job.keep, databases, cluster.get()};

    const bool create_roles = cluster != nullptr;
    for (const auto& [input, database, label] :
         {std::tuple{job.from_files, databases.from(), "FROM"}, std::tuple{job.to_files, databases.to(), "TO"}}) {
        auto loaded = load_schema_text(conninfo, database, *input, create_roles, job.quiet);
        if (interrupted_by() != 0) {
            return interrupted_exit();
        }
        if (!loaded) {
            std::cerr << "error: PostgreSQL rejected " << label << ": " << loaded.error() << '\n';
            return k_exit_input_error;
        }
    }

    {
        auto connection = PgConnection::connect(conninfo, databases.from());
        if (!connection) {
            std::cerr << "error: cannot connect to database " << databases.from() << ": " << connection.error()
                      << '\n';
            return k_exit_input_error;
        }
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const auto& statement = statements[i];
            auto done = connection->exec(statement.sql);
            if (interrupted_by() != 0) {
                return interrupted_exit();
            }
            if (!done) {
                std::cout << fmt::format("plan failed: statement {} of {} ({}): {}\n", i + 1, statements.size(),
                                         statement.label, done.error().message)
                          << indent(statement.sql, "    ") << '\n';
                return k_exit_different;
            }
        }
    }

    std::optional<CatalogSnapshot> actual;
    std::optional<CatalogSnapshot> expected;
    for (auto [database, slot] : {std::pair{databases.from(), &actual}, std::pair{databases.to(), &expected}}) {
        auto connection = PgConnection::connect(conninfo, database);
        if (!connection) {
            std::cerr << "error: cannot connect to database " << database << ": " << connection.error() << '\n';
            return k_exit_input_error;
        }
        auto snapshot = take_snapshot(*connection, SnapshotOptions{job.compare_privileges, job.compare_owners});
        if (interrupted_by() != 0) {
            return interrupted_exit();
        }
        if (!snapshot) {
            std::cerr << "schemerge: internal error: catalog query failed: " << snapshot.error().message << '\n';
            return k_exit_internal;
        }
        *slot = std::move(*snapshot);
    }

    auto difference = compare(*actual, *expected);
    if (difference.empty()) {
        std::cout << fmt::format("verified: {} -> {} ({} objects compared)\n", job.from_name, job.to_name,
                                 expected->object_count());
        return k_exit_ok;
    }
    // Merged by object so that the two sides of one attribute sit together.
    std::vector<std::pair<const CatalogEntry*, bool>> lines;
    for (const auto& entry : difference.only_in_actual) {
        lines.emplace_back(&entry, true);
    }
    for (const auto& entry : difference.only_in_expected) {
        lines.emplace_back(&entry, false);
    }
    std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first->object, a.first->attribute) < std::tie(b.first->object, b.first->attribute);
    });
    std::cout << fmt::format("different: {} -> {}: the plan's result is not {} ({} difference{})\n", job.from_name,
                             job.to_name, job.to_name, lines.size(), lines.size() == 1 ? "" : "s");
    for (const auto& [entry, in_actual] : lines) {
        std::cout << (in_actual ? "  only in plan result: " : "  only in target:      ") << show_entry(*entry)
                  << '\n';
    }
    return k_exit_different;
}

}  // namespace schemerge::cli::postgres
