#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace schemerge::benchmarks {

// How the generated schema is spelled. Both spellings describe the same catalog:
// loading either into PostgreSQL gives the same `pg_dump --schema-only`, which makes
// the pair a canonicalization test as well as a load.
enum class SchemaStyle : unsigned char {
    pg_dump,      // what `pg_dump --schema-only --no-owner` prints: qualified names,
                  // sequences + OWNED BY + SET DEFAULT, constraints added after the data section
    handwritten,  // what people write: serial/bigserial, inline constraints, aliases, lower case
};

struct GeneratorOptions {
    std::size_t tables = 100;
    std::uint64_t seed = 1;
    SchemaStyle style = SchemaStyle::pg_dump;
    // 0 is the base schema. Any other value gives a sibling schema in which
    // `changed_tables` tables (picked from the variant number) gain a column and an
    // index; every other statement is byte-identical to the base. Two variants and the
    // base model a three-way merge input.
    std::uint64_t variant = 0;
    std::size_t changed_tables = 5;
    // With a non-zero variant: about this percentage of the tables (each decided from its
    // own stream) also get "many changes": a column widened (varchar doubled, integer to
    // bigint), a column dropped and an index redefined (`id` appended), each when the table
    // has a column or index nothing else depends on. 0 (the default) changes nothing.
    unsigned churn_percent = 0;
};

// A deterministic PostgreSQL 15 schema with `options.tables` tables: the same options
// give the same bytes on every platform (own PRNG, no std distributions).
[[nodiscard]] std::string generate_schema(const GeneratorOptions& options);

}  // namespace schemerge::benchmarks
