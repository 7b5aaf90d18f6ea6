// The benchmark schema generator (benchmarks/mysql_schema_generator) writes one catalog in
// two spellings, mariadb-dump's and a hand-written one, which MariaDB 10.11 loads to the
// same SHOW CREATE TABLE. Both must build the same model, except what the front end keeps
// verbatim on purpose: routine and trigger bodies, and view queries (MariaDB rewrites a
// view's SELECT, qualified and aliased).
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "mysql_load.hpp"
#include "parser/mysql/attribute_access.hpp"
#include "parser/mysql/dialect_traits.hpp"

#ifdef SCHEMERGE_HAVE_MYSQL_GENERATOR
#include "benchmarks/mysql_schema_generator.hpp"
#endif

namespace schemerge::test::mysql {
namespace {

#ifdef SCHEMERGE_HAVE_MYSQL_GENERATOR

namespace gen = benchmarks::mysql;

model::Schema generated(gen::SchemaStyle style, std::uint64_t seed, std::size_t tables) {
    gen::GeneratorOptions options;
    options.tables = tables;
    options.seed = seed;
    options.style = style;
    return schema_of(gen::generate_schema(options));
}

// Bodies and view queries cleared, so the rest compares; definers too (the dump names
// root@localhost, the hand-written file nobody), though the model does not compare them.
void clear_verbatim(model::Schema& s) {
    for (auto& [name, view] : s.views) {
        view.query = {};
        view.meta.owner.clear();
    }
    for (auto& [name, f] : s.functions) {
        f.body.clear();
        f.body_references = {};
        f.meta.owner.clear();
    }
    for (auto& [key, t] : s.triggers) {
        t.when = {};
        t.meta.owner.clear();
        parser::mysql::erase_attribute(t, parser::mysql::attr::trigger_body);
    }
}

TEST(GeneratedSchema, BothSpellingsBuildOneModel) {
    for (std::uint64_t seed : {1U, 7U, 23U}) {
        SCOPED_TRACE(seed);
        model::Schema dump = generated(gen::SchemaStyle::mysqldump, seed, 120);
        model::Schema hand = generated(gen::SchemaStyle::handwritten, seed, 120);
        EXPECT_EQ(dump.tables.size(), 120U);
        clear_verbatim(dump);
        clear_verbatim(hand);
        EXPECT_TRUE(dump == hand);
        // The first line where the JSON forms differ (gtest's own string diff is quadratic).
        std::string a = model::to_json(dump);
        std::string b = model::to_json(hand);
        if (a != b) {
            std::size_t at = std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin();
            std::size_t line = a.rfind('\n', at);
            line = line == std::string::npos ? 0 : line + 1;
            ADD_FAILURE() << "dump:\n" << a.substr(line, 400) << "\nhand-written:\n" << b.substr(line, 400);
        }
    }
}

#else

TEST(GeneratedSchema, BothSpellingsBuildOneModel) {
    GTEST_SKIP() << "SKIPPED: built without the benchmark schema generator (SCHEMERGE_BUILD_BENCHMARKS=OFF)";
}

#endif

}  // namespace
}  // namespace schemerge::test::mysql
