#pragma once
#include <expected>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/config.hpp"
#include "cli/dialect.hpp"
#include "cli/git_repo.hpp"
#include "model/diagnostic.hpp"
#include "model/schema.hpp"
#include "parser/migrations.hpp"

namespace schemerge::cli {

// The options every command that reads schemas shares.
struct SourceOptions {
    std::string repo;    // --repo DIR: the repository REF:PATH sources and the config come from
    std::string layout;  // --layout: overrides [schema] layout
    std::string config;  // --config FILE: instead of <repository root>/schemerge.toml
    std::string dialect; // --dialect NAME: overrides [schema] dialect
    bool no_privileges = false;  // --no-privileges: as [ignore] privileges = true
    bool no_owners = false;      // --no-owners: as [ignore] owners = true
};

void add_source_options(CLI::App* cmd, SourceOptions& options);
// --no-privileges / --no-owners (commands that compare schemas: diff, verify, merge, fold,
// check; `dump` has its own, which only leave them out of what it writes).
void add_privilege_options(CLI::App* cmd, SourceOptions& options);
// --dialect alone (commands that take no other source option add it this way).
void add_dialect_option(CLI::App* cmd, SourceOptions& options);

// Where a command's inputs come from: the configuration and, when needed, the git
// repository. A SOURCE is a path on disk (a .sql file or a directory: schema files or a
// migration directory), or REF:PATH, read from the repository's object database at a
// commit, branch or tag (nothing is checked out). A path that exists on disk wins.
class InputContext {
public:
    // Loads the configuration: --config, else schemerge.toml at the root of the
    // repository found from --repo or the working directory (none when there is no
    // repository). Errors are printed; the result is then the exit code.
    [[nodiscard]] static std::expected<InputContext, int> create(const SourceOptions& options);

    [[nodiscard]] const Config& config() const { return config_; }
    [[nodiscard]] parser::DirectoryLayout layout() const { return layout_; }
    // The dialect inputs are read in: --dialect, else [schema] dialect, else the default.
    [[nodiscard]] const Dialect& dialect() const { return *dialect_; }

    // The repository (opened on first use); a one-line error when there is none.
    [[nodiscard]] std::expected<GitRepository*, std::string> repository();

    // Reads a SOURCE as above.
    [[nodiscard]] std::expected<parser::OrderedSources, model::Error> read(const std::string& source);
    // Reads PATH at a resolved commit; diagnostics name the files LABEL:PATH.
    [[nodiscard]] std::expected<parser::OrderedSources, model::Error> read_at(const GitCommit& commit,
                                                                            const std::string& label,
                                                                            const std::string& path);
    // Whether PATH names a file or directory at the commit.
    [[nodiscard]] bool exists_at(const GitCommit& commit, const std::string& path);
    // Resolves a revision in the repository.
    [[nodiscard]] std::expected<GitCommit, model::Error> resolve(const std::string& revision);

private:
    SourceOptions options_;
    Config config_;
    parser::DirectoryLayout layout_ = parser::DirectoryLayout::detect;
    const Dialect* dialect_ = nullptr;
    std::optional<GitRepository> repo_;
    std::string cwd_prefix_;  // the working directory inside the work tree ("" at the root)
    std::string repo_error_;
};

// Splits REF:PATH at the first ':' outside braces (main@{yesterday}:x.sql); none when
// there is no such ':' or it is the first character.
[[nodiscard]] std::optional<std::pair<std::string, std::string>> split_ref_path(const std::string& source);

// A message without a location as an Error ("error: ...").
[[nodiscard]] model::Error plain_error(std::string message);

// Leaves out of `schema` what [ignore] names: every object in the ignored schemas, and
// objects whose schema-qualified name matches one of the globs (`*` any run of
// characters, `?` one; an unqualified name is matched in the dialect's default schema);
// indexes, triggers and policies of ignored tables go with them.
void apply_ignore(model::Schema& schema, const Config& config, const model::DialectTraits& dialect);

// Prints notes (skipped migration files, ...) unless quiet.
void print_notes(const std::vector<model::Diagnostic>& notes, bool quiet);

}  // namespace schemerge::cli
