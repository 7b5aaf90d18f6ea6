#pragma once
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser {

// How a directory's .sql files are named and which of them are replayed, in what order.
// Every layout but `files` replays by version number only (never by file date or path):
// a hotfix migration numbered between two development migrations runs between them.
enum class DirectoryLayout : unsigned char {
    detect,          // choose from the file names and contents (see order_directory)
    files,           // schema files, version-aware name order (V2 before V10)
    flyway,          // V<version>__<desc>.sql, versions 1.2 / 1_2; U (undo) and R (repeatable) skipped
    golang_migrate,  // <version>_<title>.up.sql; .down.sql skipped
    dbmate,          // <version>_<name>.sql with `-- migrate:up` / `-- migrate:down` sections
    numbered,        // <n>_<anything>.sql or <n>-<anything>.sql
};

// "auto" | "files" | "flyway" | "golang-migrate" | "dbmate" | "numbered" (config and flags).
[[nodiscard]] std::optional<DirectoryLayout> layout_from_name(std::string_view name);
[[nodiscard]] std::string_view layout_name(DirectoryLayout layout);

// One file of a directory, from disk or from a git tree.
struct DirectoryEntry {
    std::string relative_path;  // '/'-separated, relative to the directory
    std::string text;           // raw bytes; checked only if the file is replayed
};

struct OrderedSources {
    std::vector<SourceFile> files;  // in replay order; SourceFile::name = display_prefix + relative_path
    DirectoryLayout layout = DirectoryLayout::files;  // the layout used (detected or given)
    std::vector<model::Diagnostic> notes;             // files skipped and why
};

// Orders and filters one directory's files. Only names ending in `.sql` are considered
// (README, notes.txt, ... are ignored); files under a directory whose name starts with
// '.' are ignored. Sub-directories are read only by the Flyway layout (Flyway scans its
// locations recursively); other layouts skip their .sql files with one note.
//
// Detection (layout == detect), on the top-level .sql files:
//   flyway          every name is V<version>__*.sql, U<version>__*.sql or R__*.sql, at least one V
//   golang_migrate  some name ends in .up.sql or .down.sql
//   dbmate          some file has a `-- migrate:up` line
//   numbered        every name starts with a digit
//   files           no name looks like a migration
// When some names look like migrations and others do not, that is an error naming the
// first odd file: a mistyped migration name must not be replayed out of order.
//
// Replayed files are checked like read_sources does (UTF-8, no NUL byte; a BOM is
// dropped). A dbmate file's text outside its up section is blanked (every character but
// line breaks becomes a space), so positions in the up section stay those of the file.
//
// Errors (located at the file, line 0, or at the line of the problem): no .sql file; a
// name that does not fit the layout; a version that is not a number; two files with the
// same version (both named); no replayable migration for the layout; a dbmate file
// without `-- migrate:up` or with `-- migrate:down` before it.
[[nodiscard]] std::expected<OrderedSources, model::Error> order_directory(
    std::string display_prefix, std::vector<DirectoryEntry> entries, DirectoryLayout layout = DirectoryLayout::detect);

// From disk: a file is one source (layout `files`; asking for a migration layout for a
// file is an error); a directory is read recursively (its .sql files only, hidden
// directories skipped) and ordered by order_directory with display prefix "path/".
[[nodiscard]] std::expected<OrderedSources, model::Error> read_source_set(
    const std::string& path, DirectoryLayout layout = DirectoryLayout::detect);

}  // namespace schemerge::parser
