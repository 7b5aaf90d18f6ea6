// schemerge-gen: writes a generated PostgreSQL schema to stdout (benchmark and test input).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "benchmarks/schema_generator.hpp"

int main(int argc, char** argv) {
    schemerge::benchmarks::GeneratorOptions options;
    std::string style = "pgdump";

    CLI::App app{"Write a deterministic, realistic PostgreSQL 15 schema to stdout."};
    app.add_option("--tables", options.tables, "Number of tables")->required()->check(CLI::NonNegativeNumber);
    app.add_option("--seed", options.seed, "PRNG seed; the same seed gives the same bytes")->capture_default_str();
    app.add_option("--style", style,
                   "pgdump: pg_dump --schema-only output; handwritten: the same catalog as people write it")
        ->check(CLI::IsMember({"pgdump", "handwritten"}))
        ->capture_default_str();
    app.add_option("--variant", options.variant,
                   "0 = base schema; N > 0 = a sibling where --changed tables gain a column and an index")
        ->capture_default_str();
    app.add_option("--changed", options.changed_tables, "Tables changed by a non-zero --variant")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    options.style = style == "handwritten" ? schemerge::benchmarks::SchemaStyle::handwritten
                                           : schemerge::benchmarks::SchemaStyle::pg_dump;
    const std::string sql = schemerge::benchmarks::generate_schema(options);
    if (std::fwrite(sql.data(), 1, sql.size(), stdout) != sql.size() || std::fflush(stdout) != 0) {
        std::perror("schemerge-gen: writing stdout");
        return 1;
    }
    return 0;
}
