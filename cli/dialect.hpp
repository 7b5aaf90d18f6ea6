#pragma once
#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/change.hpp"
#include "model/diagnostic.hpp"
#include "model/dialect_traits.hpp"
#include "model/schema.hpp"
#include "parser/load_options.hpp"
#include "parser/source_file.hpp"
#include "synth/emit_options.hpp"
#include "synth/plan.hpp"

namespace schemerge::cli {

struct LiveEngine;  // cli/live_engine.hpp

// ---------------------------------------------------------------------------------------
// Optional adapters: what a dialect can offer beyond its front and back ends.

// `schemerge verify`: prove a plan on a real engine. The command has loaded both inputs
// (their files are kept: the engine runs the original text) and, without --plan, made
// the plan as `diff` would; the engine does the rest and prints its verdict.
struct VerifyJob {
    std::string from_name;  // FROM and TO as given on the command line
    std::string to_name;
    const std::vector<parser::SourceFile>* from_files = nullptr;
    const std::vector<parser::SourceFile>* to_files = nullptr;
    const synth::Plan* plan = nullptr;  // the plan to prove; null when plan_file is given
    std::string plan_file;              // --plan FILE: a migration script to split and run instead
    std::string dsn;                    // --dsn: a server to use; empty = start a throwaway one
    bool keep = false;                  // --keep
    bool quiet = false;
    bool compare_privileges = false;    // the diff compares privileges: so does the engine
    bool compare_owners = false;        // the diff compares owners: so does the engine
};
// Returns the exit code: 0 verified, 1 plan failed or results differ, 2 input or server
// error, 128+signal when interrupted.
using VerifyEngine = std::function<int(const VerifyJob& job)>;

// The rows a schema dump carries besides the schema (Rails' schema_migrations INSERT at
// the end of db/structure.sql), for the merge driver's [merge-driver] union_rows.
struct RowsStatement {
    std::size_t begin = 0, end = 0;              // byte range of the whole statement, incl. its terminator
    std::uint32_t line = 0;                      // 1-based line of its first character
    std::vector<std::vector<std::string>> rows;  // each row's values as canonical literal text
    std::vector<std::string> columns;            // the column list as written (empty if none)
    std::string table_as_written;                // the table as the statement writes it ("schema_migrations" quoted)
};
struct DataStatement {
    std::string kind;   // "insert", "copy", "update", "delete", "merge", "setval", ...
    std::string table;  // "schema.name" or "name", folded; empty when there is none
    std::uint32_t line = 0;
};
struct DumpRows {
    // The statements filling `table` ("name" or "schema.name", quotes allowed), in file
    // order; located errors for what cannot be read as a plain list of rows.
    std::function<std::expected<std::vector<RowsStatement>, model::Error>(const parser::SourceFile& file,
                                                                          std::string_view table)>
        find_table_rows;
    // Every statement of the file that writes rows rather than schema.
    std::function<std::expected<std::vector<DataStatement>, model::Error>(const parser::SourceFile& file)>
        data_statements;
    // One statement inserting `rows` into `table` (written as given), newline-terminated;
    // "" without rows.
    std::function<std::string(std::string_view table, const std::vector<std::string>& columns,
                              const std::vector<std::vector<std::string>>& rows)>
        render_rows_insert;
};

// One SQL engine, as the commands see it: its traits (data), its front end (files ->
// model), its back ends (model -> canonical script, changes -> plan -> script), and
// optional adapters (a real engine for `verify`, the rows a dump carries for the merge
// driver). The neutral code in cli/ reaches a dialect only through this struct; each
// dialect builds its own in cli/<dialect>/ and the registry (dialect_registry.cpp) lists
// them, one row each.
struct Dialect {
    const model::DialectTraits* traits = nullptr;  // name, display name, rules
    // Extra names accepted by --dialect and [schema] dialect ("mariadb" for mysql).
    std::vector<std::string_view> aliases;

    // Front end. Loads several inputs (a merge's base, ours, theirs), one result each;
    // statements the inputs share may be parsed once. The schemas' `dialect` is `traits`.
    std::function<std::expected<std::vector<parser::LoadResult>, model::Error>(
        const std::vector<std::vector<parser::SourceFile>>& inputs, const parser::LoadOptions& options)>
        load_many;
    // Optional: loads one input (cheaper than load_many of one when the front end shares
    // parses between inputs). Null: load() calls load_many.
    std::function<std::expected<parser::LoadResult, model::Error>(const std::vector<parser::SourceFile>& files,
                                                                  const parser::LoadOptions& options)>
        load_one;

    // Back ends.
    std::function<std::string(const model::Schema& schema, const synth::EmitOptions& options)> emit_schema;
    std::function<synth::Plan(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                              const synth::PlanOptions& options)>
        plan_migration;
    std::function<std::string(const synth::Plan& plan)> render_plan;
    // The hazard ids this dialect's planner can put on steps beyond the neutral ones
    // (synth/plan.hpp), with their descriptions: reports, SARIF rules and [check] fail_on
    // read the neutral list plus every registered dialect's.
    std::vector<synth::hazard::Description> hazards;
    // Adapters; null / empty when the dialect has none (`verify` then says so).
    VerifyEngine verify;
    std::optional<DumpRows> dump_rows;
    // Live databases as SOURCEs and the `db` commands (cli/live_engine.hpp); null: none.
    const LiveEngine* live = nullptr;

    [[nodiscard]] std::string_view name() const { return traits->name; }
    // "PostgreSQL"; the registry name when the traits have no display name.
    [[nodiscard]] std::string_view display_name() const {
        return traits->display_name.empty() ? traits->name : traits->display_name;
    }
    // One input, for commands that read one source at a time.
    [[nodiscard]] std::expected<parser::LoadResult, model::Error> load(const std::vector<parser::SourceFile>& files,
                                                                       const parser::LoadOptions& options) const;
};

}  // namespace schemerge::cli
