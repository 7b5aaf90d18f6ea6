// schemerge-mysql-plan: the MySQL pipeline without the CLI, for the engine tests.
//   schemerge-mysql-plan plan OLD.sql NEW.sql   the migration script (render_sql)
//   schemerge-mysql-plan online OLD.sql NEW.sql the same with LockStrategy::online
//   schemerge-mysql-plan dump FILE.sql          the canonical schema (emit_schema)
// Exit 0 on success, 1 with the rendered error when a file does not load, 2 on usage.
#include <cstdio>
#include <iostream>
#include <string>

#include "diff/two_way_diff.hpp"
#include "parser/mysql/frontend.hpp"
#include "parser/source_file.hpp"
#include "synth/mysql/migration_planner.hpp"
#include "synth/mysql/schema_emitter.hpp"

namespace {

using namespace schemerge;

std::optional<model::Schema> load(const std::string& path) {
    auto files = parser::read_sources(path);
    if (!files) {
        std::cerr << files.error().render() << "\n";
        return std::nullopt;
    }
    auto result = parser::mysql::load(*files);
    if (!result) {
        std::cerr << result.error().render() << "\n";
        return std::nullopt;
    }
    return std::move(result->schema);
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "";
    if ((mode == "plan" || mode == "online") && argc == 4) {
        auto from = load(argv[2]);
        auto to = load(argv[3]);
        if (!from || !to) {
            return 1;
        }
        auto result = diff::diff(*from, *to);
        synth::PlanOptions options;
        if (mode == "online") {
            options.locks = synth::LockStrategy::online;
        }
        std::cout << synth::mysql::render_sql(synth::mysql::plan_migration(*from, *to, result.changes, options));
        return 0;
    }
    if (mode == "dump" && argc == 3) {
        auto schema = load(argv[2]);
        if (!schema) {
            return 1;
        }
        std::cout << synth::mysql::emit_schema(*schema);
        return 0;
    }
    std::cerr << "usage: schemerge-mysql-plan plan|online OLD.sql NEW.sql | dump FILE.sql\n";
    return 2;
}
