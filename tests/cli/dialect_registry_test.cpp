// The dialect registry as the commands use it: a toy dialect registered here (in tests
// only) runs through the real `schemerge` app (cli::run) with no change to cli/. Its
// traits differ from PostgreSQL's (no schemas, upper-case folding, [bracket] quoting, no
// transactional DDL), its front end reads a made-up line format, and it has its own
// hazard id and no verify engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/app.hpp"
#include "cli/config.hpp"
#include "cli/dialect_registry.hpp"
#include "cli/rename_option.hpp"

namespace schemerge::cli {
namespace {

namespace fs = std::filesystem;

// --- the toy dialect ----------------------------------------------------------------------

const model::DialectTraits& toy_traits() {
    static const model::DialectTraits t = [] {
        model::DialectTraits traits;
        traits.name = "toy";
        traits.display_name = "Toy";
        traits.identifier_case = model::IdentifierCase::fold_upper;
        traits.quote_open = "[";
        traits.quote_close = "]";
        traits.default_schema = "";  // no schemas: names are stored unqualified
        traits.transactional_ddl = false;
        traits.enum_values_append_only = false;
        return traits;
    }();
    return t;
}

constexpr std::string_view k_toy_lock = "toy-whole-file-lock";
constexpr synth::hazard::Description k_toy_hazards[] = {
    {k_toy_lock, "The toy engine locks the whole file.", synth::hazard::Group::locking},
};

model::Error located(const parser::SourceFile& file, std::uint32_t line, std::uint32_t column, std::string message) {
    model::Diagnostic d;
    d.severity = model::Severity::error;
    d.location.file = file.name;
    d.location.line = line;
    d.location.column = column;
    d.message = std::move(message);
    return model::Error{{std::move(d)}};
}

// One table per line: `table NAME COLUMN:TYPE ...`; blank lines and `#` comments skipped.
std::expected<parser::LoadResult, model::Error> toy_load(const std::vector<parser::SourceFile>& files,
                                                         const parser::LoadOptions&) {
    parser::LoadResult result;
    result.schema.dialect = toy_traits();
    for (const auto& file : files) {
        std::istringstream in(file.text);
        std::string line;
        std::uint32_t number = 0;
        while (std::getline(in, line)) {
            ++number;
            std::istringstream words(line);
            std::string word;
            if (!(words >> word) || word.starts_with("#")) {
                continue;
            }
            if (word != "table") {
                return std::unexpected(located(file, number, 1, "expected 'table', got '" + word + "'"));
            }
            std::string name;
            if (!(words >> name)) {
                return std::unexpected(located(file, number, 6, "a table needs a name"));
            }
            model::Table table;
            table.name = {"", toy_traits().fold_identifier(name)};
            table.meta.location.file = file.name;
            table.meta.location.line = number;
            table.meta.location.column = 1;
            while (words >> word) {
                auto colon = word.find(':');
                if (colon == std::string::npos) {
                    return std::unexpected(located(file, number, 1, "expected COLUMN:TYPE, got '" + word + "'"));
                }
                model::Column column;
                column.name = toy_traits().fold_identifier(word.substr(0, colon));
                column.type.name = {"", word.substr(colon + 1)};
                table.columns.push_back(std::move(column));
            }
            result.schema.tables.insert_or_assign(table.name, std::move(table));
        }
    }
    return result;
}

std::string toy_table_line(const model::Table& table) {
    std::string out = "table " + toy_traits().quote_identifier(table.name.name);
    for (const auto& c : table.columns) {
        out += " " + c.name + ":" + c.type.name.name;
    }
    return out;
}

Dialect make_toy() {
    Dialect d;
    d.traits = &toy_traits();
    d.aliases = {"toy-sql"};
    d.load_many = [](const std::vector<std::vector<parser::SourceFile>>& inputs, const parser::LoadOptions& options)
        -> std::expected<std::vector<parser::LoadResult>, model::Error> {
        std::vector<parser::LoadResult> out;
        for (const auto& files : inputs) {
            auto loaded = toy_load(files, options);
            if (!loaded) {
                return std::unexpected(loaded.error());
            }
            out.push_back(std::move(*loaded));
        }
        return out;
    };
    d.emit_schema = [](const model::Schema& schema, const synth::EmitOptions&) {
        std::string out = "# toy dump\n";
        for (const auto& [name, table] : schema.tables) {
            out += toy_table_line(table) + "\n";
        }
        return out;
    };
    d.plan_migration = [](const model::Schema&, const model::Schema& to, const diff::ChangeSet& changes,
                          const synth::PlanOptions&) {
        synth::Plan plan;
        plan.transactional_ddl = to.dialect->transactional_ddl;
        for (const auto& change : changes.changes) {
            synth::Step step;
            step.change = change.describe();
            step.transactional = false;
            if (change.kind == diff::ChangeKind::create_table) {
                step.sql = "CREATE " + toy_table_line(to.tables.at({"", change.key.name}));
            } else if (change.kind == diff::ChangeKind::drop_table) {
                step.sql = "DROP TABLE " + toy_traits().quote_identifier(change.key.name);
                step.hazards.push_back({std::string(synth::hazard::k_data_loss), "the table's rows are lost"});
                step.hazards.push_back({std::string(k_toy_lock), "the file is locked"});
            } else {
                step.sql = "TOY " + step.change;
            }
            plan.steps.push_back(std::move(step));
        }
        return plan;
    };
    d.render_plan = [](const synth::Plan& plan) {
        std::string out = "# toy plan\n";
        for (const auto& step : plan.steps) {
            out += step.sql + ";\n";
        }
        return out;
    };
    d.hazards.assign(std::begin(k_toy_hazards), std::end(k_toy_hazards));
    return d;  // no verify engine, no dump rows
}

// --- running the app ----------------------------------------------------------------------

struct Run {
    int rc = 0;
    std::string out;
    std::string err;
};

Run run_app(std::vector<std::string> args) {
    args.insert(args.begin(), "schemerge");
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    std::ostringstream out;
    std::ostringstream err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    Run r;
    r.rc = run(static_cast<int>(argv.size()), argv.data());
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

class ToyDialect : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ASSERT_TRUE(register_dialect(toy())); }
    static void TearDownTestSuite() { unregister_dialect(toy()); }
    static const Dialect& toy() {
        static const Dialect d = make_toy();
        return d;
    }

    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("schemerge-toy-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& text) {
        const auto path = (dir_ / name).string();
        std::ofstream(path) << text;
        return path;
    }
    std::string read(const std::string& path) {
        std::ifstream in(path);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

    fs::path dir_;
};

TEST_F(ToyDialect, RegistryFindsItByNameAndAliasIgnoringCase) {
    auto by_name = find_dialect("toy");
    ASSERT_TRUE(by_name.has_value());
    EXPECT_EQ(*by_name, &toy());
    auto by_alias = find_dialect("TOY-SQL");
    ASSERT_TRUE(by_alias.has_value());
    EXPECT_EQ(*by_alias, &toy());
    EXPECT_EQ(&default_dialect(), *find_dialect("postgresql"));
    // A second row with a taken name is refused.
    static const Dialect again = make_toy();
    EXPECT_FALSE(register_dialect(again));
    auto unknown = find_dialect("oracle");
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error(), "unknown dialect 'oracle' (known dialects: postgresql (also postgres, pg), mysql (also mariadb), toy "
              "(also toy-sql))");
}

TEST_F(ToyDialect, HazardIdsIncludeEveryRegisteredDialects) {
    const auto ids = hazard_ids();
    EXPECT_NE(std::ranges::find(ids, "data-loss"), ids.end());
    EXPECT_NE(std::ranges::find(ids, "access-exclusive-lock"), ids.end());
    EXPECT_NE(std::ranges::find(ids, std::string(k_toy_lock)), ids.end());
}

TEST_F(ToyDialect, DumpThroughTheApp) {
    const auto file = write("a.toy", "# two tables\ntable orders id:int total:num\ntable Customers id:int\n");
    auto r = run_app({"dump", "--dialect", "toy", file});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, "# toy dump\ntable [CUSTOMERS] ID:int\ntable [ORDERS] ID:int TOTAL:num\n");
    EXPECT_EQ(r.err, "");

    // JSON is the neutral model's: names as the toy front end folded them, no schema.
    r = run_app({"dump", "--dialect", "toy-sql", "--format", "json", file});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.out.find("\"ORDERS\""), std::string::npos) << r.out;
}

TEST_F(ToyDialect, BadInputIsLocatedByTheToyFrontEnd) {
    const auto file = write("bad.toy", "table a id:int\nview v\n");
    auto r = run_app({"dump", "--dialect", "toy", file});
    EXPECT_EQ(r.rc, 2);
    EXPECT_NE(r.err.find("bad.toy:2:1: error: expected 'table', got 'view'"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(ToyDialect, DiffThroughTheApp) {
    const auto from = write("from.toy", "table a id:int\ntable gone id:int\n");
    const auto to = write("to.toy", "table a id:int\ntable b id:int name:text\n");
    auto r = run_app({"diff", "--dialect", "toy", from, to});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, "# toy plan\nCREATE table [B] ID:int NAME:text;\nDROP TABLE [GONE];\n");

    r = run_app({"diff", "--dialect", "toy", "--format", "json", from, to});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.out.find("\"id\": \"toy-whole-file-lock\""), std::string::npos) << r.out;

    r = run_app({"diff", "--dialect", "toy", "--format", "markdown", from, to});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.out.find("```sql\n# toy plan\n"), std::string::npos) << r.out;

}

TEST_F(ToyDialect, RenameOptionFollowsTheDialectsTraits) {
    // Folded to upper case, quoted with [brackets], no default schema.
    auto hint = parse_rename("table:gone=b", *toy().traits);
    ASSERT_TRUE(hint.has_value()) << hint.error();
    EXPECT_EQ(hint->schema, "");
    EXPECT_EQ(hint->from, "GONE");
    EXPECT_EQ(hint->to, "B");
    hint = parse_rename("column:[Mixed.Case].x=[y]", *toy().traits);
    ASSERT_TRUE(hint.has_value()) << hint.error();
    EXPECT_EQ(hint->table.schema, "");
    EXPECT_EQ(hint->table.name, "Mixed.Case");
    EXPECT_EQ(hint->from, "X");
    EXPECT_EQ(hint->to, "y");
    auto bad = parse_rename("table", *toy().traits);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error(), "invalid --rename 'table': expected KIND:OLD=NEW, e.g. table:old=new");
    // PostgreSQL's: lower case, "public" by default.
    hint = parse_rename("table:Gone=B", *default_dialect().traits);
    ASSERT_TRUE(hint.has_value()) << hint.error();
    EXPECT_EQ(hint->schema, "public");
    EXPECT_EQ(hint->from, "gone");
    EXPECT_EQ(hint->to, "b");
}

TEST_F(ToyDialect, MergeThroughTheApp) {
    const auto base = write("base.toy", "table a id:int\n");
    const auto ours = write("ours.toy", "table a id:int\ntable o id:int\n");
    const auto theirs = write("theirs.toy", "table a id:int\ntable t id:int\n");
    const auto merged = (dir_ / "merged.toy").string();
    const auto plan = (dir_ / "plan.toy").string();
    auto r = run_app({"merge", "--dialect", "toy", base, ours, theirs, "--schema-out", merged, "--plan-ours", plan});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.out.find("merged cleanly"), std::string::npos) << r.out;
    EXPECT_EQ(read(merged), "# toy dump\ntable [A] ID:int\ntable [O] ID:int\ntable [T] ID:int\n");
    EXPECT_EQ(read(plan), "# toy plan\nCREATE table [T] ID:int;\n");
}

TEST_F(ToyDialect, ConfigNamesTheDialectAndTheCommandLineBeatsIt) {
    const auto toy_config = write("toy.toml", "[schema]\ndialect = \"toy\"\n");
    const auto pg_config = write("pg.toml", "[schema]\ndialect = \"postgresql\"\n");
    const auto toy_file = write("a.toy", "table a id:int\n");
    const auto sql_file = write("a.sql", "create table a (id int);\n");

    auto r = run_app({"dump", "--config", toy_config, toy_file});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, "# toy dump\ntable [A] ID:int\n");

    r = run_app({"dump", "--config", toy_config, "--dialect", "postgresql", sql_file});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(r.out.find("CREATE TABLE public.a"), std::string::npos) << r.out;

    r = run_app({"dump", "--config", pg_config, "--dialect", "toy", toy_file});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, "# toy dump\ntable [A] ID:int\n");

    // The toy's hazard is a valid [check] fail_on id.
    const auto fail_on = write("fail.toml", "[check]\nfail_on = [\"toy-whole-file-lock\"]\n");
    r = run_app({"dump", "--config", fail_on, "--dialect", "toy", toy_file});
    EXPECT_EQ(r.rc, 0) << r.err;
}

TEST_F(ToyDialect, UnknownDialectListsEveryRow) {
    const auto file = write("a.toy", "table a id:int\n");
    auto r = run_app({"dump", "--dialect", "oracle", file});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err,
              "error: --dialect: unknown dialect 'oracle' (known dialects: postgresql (also postgres, pg), mysql (also "
              "mariadb), toy (also toy-sql))\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(ToyDialect, VerifySaysThereIsNoEngine) {
    const auto from = write("from.toy", "table a id:int\n");
    const auto to = write("to.toy", "table b id:int\n");
    auto r = run_app({"verify", "--dialect", "toy", from, to});
    EXPECT_EQ(r.rc, 2);
    EXPECT_NE(r.err.find("none for the toy dialect"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace schemerge::cli
