// schemerge-gen: writes a generated PostgreSQL or MySQL/MariaDB schema to stdout (benchmark
// and test input).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "benchmarks/mysql_schema_generator.hpp"
#include "benchmarks/schema_generator.hpp"

int main(int argc, char** argv) {
    std::size_t tables = 0;
    std::uint64_t seed = 1;
    std::string dialect = "postgresql";
    std::string style;
    std::uint64_t variant = 0;
    std::size_t changed = 5;
    unsigned churn = 0;
    bool schema_migrations = false;

    CLI::App app{"Write a deterministic, realistic PostgreSQL 15 or MariaDB 10.11 schema to stdout."};
    app.add_option("--tables", tables, "Number of tables")->required()->check(CLI::NonNegativeNumber);
    app.add_option("--seed", seed, "PRNG seed; the same seed gives the same bytes")->capture_default_str();
    app.add_option("--dialect", dialect,
                   "postgresql, or mysql (= mariadb: spelled as MariaDB 10.11 prints it, checked on MariaDB 10.11)")
        ->check(CLI::IsMember({"postgresql", "mysql", "mariadb"}))
        ->capture_default_str();
    app.add_option("--style", style,
                   "postgresql: pgdump (default, pg_dump --schema-only output) or handwritten; mysql: mysqldump "
                   "(default, mariadb-dump --no-data --routines output) or handwritten. Both styles of a dialect "
                   "describe the same catalog")
        ->check(CLI::IsMember({"pgdump", "mysqldump", "handwritten"}));
    app.add_option("--variant", variant,
                   "0 = base schema; N > 0 = a sibling where --changed tables gain a column and an index")
        ->capture_default_str();
    app.add_option("--changed", changed, "Tables changed by a non-zero --variant")->capture_default_str();
    app.add_option("--churn", churn,
                   "With a non-zero --variant: percentage of tables that also get a column widened, a column "
                   "dropped and an index redefined (a diff with thousands of changes)")
        ->check(CLI::Range(0U, 100U))
        ->capture_default_str();
    app.add_flag("--schema-migrations", schema_migrations,
                 "mysql: Rails' structure.sql tail, a schema_migrations table and INSERT INTO schema_migrations "
                 "(one version per table; a variant adds one)");
    CLI11_PARSE(app, argc, argv);

    if (churn > 0 && variant == 0) {
        std::fputs("schemerge-gen: --churn needs a non-zero --variant (the base schema never churns)\n", stderr);
        return 2;
    }
    std::string sql;
    if (dialect == "mysql" || dialect == "mariadb") {
        if (style == "pgdump") {
            std::fputs("schemerge-gen: --style pgdump is PostgreSQL's; mysql has mysqldump and handwritten\n", stderr);
            return 2;
        }
        schemerge::benchmarks::mysql::GeneratorOptions options;
        options.tables = tables;
        options.seed = seed;
        options.style = style == "handwritten" ? schemerge::benchmarks::mysql::SchemaStyle::handwritten
                                               : schemerge::benchmarks::mysql::SchemaStyle::mysqldump;
        options.variant = variant;
        options.changed_tables = changed;
        options.churn_percent = churn;
        options.schema_migrations = schema_migrations;
        sql = schemerge::benchmarks::mysql::generate_schema(options);
    } else {
        if (style == "mysqldump") {
            std::fputs("schemerge-gen: --style mysqldump needs --dialect mysql\n", stderr);
            return 2;
        }
        if (schema_migrations) {
            std::fputs("schemerge-gen: --schema-migrations is for --dialect mysql\n", stderr);
            return 2;
        }
        schemerge::benchmarks::GeneratorOptions options;
        options.tables = tables;
        options.seed = seed;
        options.style = style == "handwritten" ? schemerge::benchmarks::SchemaStyle::handwritten
                                               : schemerge::benchmarks::SchemaStyle::pg_dump;
        options.variant = variant;
        options.changed_tables = changed;
        options.churn_percent = churn;
        sql = schemerge::benchmarks::generate_schema(options);
    }
    if (std::fwrite(sql.data(), 1, sql.size(), stdout) != sql.size() || std::fflush(stdout) != 0) {
        std::perror("schemerge-gen: writing stdout");
        return 1;
    }
    return 0;
}
