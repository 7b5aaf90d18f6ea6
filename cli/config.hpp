#pragma once
#include <expected>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace schemerge::cli {

// schemerge.toml: the repository's defaults for every command (flags override them).
//
//   [schema]        path, layout, dialect
//   [ignore]        schemas, objects, privileges, owners
//   [merge]         prefer
//   [check]         fail_on
//   [merge-driver]  union_rows
//   [db]            name_template
//
// Unknown sections and keys, wrong types and bad values are errors located at the key.
struct Config {
    std::string file;                        // where it was read from; "" = no config
    std::vector<std::string> schema_paths;   // [schema] path / paths: files or directories in the
                                             // repository, read in this order as one schema
    std::string layout = "auto";             // [schema] layout: auto|files|flyway|golang-migrate|dbmate|numbered
    std::string dialect;                     // [schema] dialect: a registered name or alias; "" = not set
    std::vector<std::string> ignore_schemas; // [ignore] schemas
    std::vector<std::string> ignore_objects; // [ignore] objects: globs on schema-qualified names
    bool ignore_privileges = false;          // [ignore] privileges / --no-privileges: GRANT / REVOKE left out
    bool ignore_owners = false;              // [ignore] owners / --no-owners: OWNER TO left out
    std::string prefer;                      // [merge] prefer: "" (none), "ours", "theirs"
    std::vector<std::string> fail_on;        // [check] fail_on: hazard ids
    std::vector<std::string> union_rows{"schema_migrations"};  // [merge-driver] union_rows
    std::string db_name_template = "<db>_<branch>";  // [db] name_template: a branch database's name
};

// The layouts `--layout` and [schema] layout accept.
[[nodiscard]] const std::vector<std::string>& layout_names();
// The hazard ids [check] fail_on and `--fail-on` accept: the neutral ones and every
// registered dialect's (dialect_registry.hpp).
[[nodiscard]] std::vector<std::string> hazard_ids();

// Parses the text of a schemerge.toml; `name` is what diagnostics print.
[[nodiscard]] std::expected<Config, model::Error> parse_config(const std::string& text, const std::string& name);

// Reads `explicit_path` when given (missing = error); otherwise `schemerge.toml` in
// `repository_root` when that is not empty and the file exists; otherwise the defaults.
[[nodiscard]] std::expected<Config, model::Error> load_config(const std::string& explicit_path,
                                                              const std::string& repository_root);

}  // namespace schemerge::cli
