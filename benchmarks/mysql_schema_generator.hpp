#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

// The MySQL/MariaDB counterpart of schema_generator.hpp: a deterministic, realistic
// schema of any size for benchmarks and tests of the MySQL dialect.
namespace schemerge::benchmarks::mysql {

// How the generated schema is spelled. Both spellings describe the same catalog:
// loading either into MariaDB 10.11 gives the same `SHOW CREATE TABLE` for every table
// (and the same views, triggers and routines), which makes the pair a canonicalization
// test as well as a load.
enum class SchemaStyle : unsigned char {
    mysqldump,    // what `mariadb-dump --no-data --routines` (MariaDB 10.11) prints: versioned
                  // comments, backquoted names, display widths, tables and views in name order,
                  // the catalog's canonical spelling of every column, key and option
    handwritten,  // what people write: lower case, bare names, `int`/`bool`/`json`/`utf8`,
                  // `index` for `key`, inline primary keys and uniques, unnamed checks and
                  // foreign keys, `delimiter //` blocks, tables in dependency order
};

struct GeneratorOptions {
    std::size_t tables = 100;
    std::uint64_t seed = 1;
    SchemaStyle style = SchemaStyle::mysqldump;
    // 0 is the base schema. Any other value gives a sibling schema in which
    // `changed_tables` tables (picked from the variant number) gain a column `note_vN` and
    // an index on it; every other statement is byte-identical to the base. Two variants
    // and the base model a three-way merge input.
    std::uint64_t variant = 0;
    std::size_t changed_tables = 5;
    // With a non-zero variant: about this percentage of the tables (each decided from its
    // own stream) also get "many changes": a column widened, a column dropped and an index
    // redefined (each when the table has a candidate), so a diff has thousands of changes.
    unsigned churn_percent = 0;
    // Rails' `structure.sql` for MySQL: a `schema_migrations` table and, after the dump,
    // `INSERT INTO schema_migrations` with one version per table (a variant adds one more).
    bool schema_migrations = false;
};

// A deterministic MariaDB 10.11 schema with `options.tables` tables (plus
// `schema_migrations` when asked): the same options give the same bytes on every platform
// (own PRNG, no std distributions). Each table draws from its own stream.
[[nodiscard]] std::string generate_schema(const GeneratorOptions& options);

}  // namespace schemerge::benchmarks::mysql
