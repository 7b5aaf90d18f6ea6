// order_directory / read_source_set: migration directory layouts, detection, version
// order, notes for skipped files, and errors.
#include "parser/migrations.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "parser/postgres/frontend.hpp"

namespace schemerge::test {
namespace {

namespace fs = std::filesystem;
using parser::DirectoryEntry;
using parser::DirectoryLayout;

std::vector<DirectoryEntry> entries(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<DirectoryEntry> out;
    for (const auto& [path, text] : files) {
        out.push_back(DirectoryEntry{path, text});
    }
    return out;
}

// Same files, each with "SELECT 1;" as its text.
std::vector<DirectoryEntry> named(const std::vector<std::string>& paths) {
    std::vector<DirectoryEntry> out;
    for (const auto& path : paths) {
        out.push_back(DirectoryEntry{path, "SELECT 1;\n"});
    }
    return out;
}

std::expected<parser::OrderedSources, model::Error> order(std::vector<DirectoryEntry> e,
                                                          DirectoryLayout layout = DirectoryLayout::detect) {
    return parser::order_directory("m/", std::move(e), layout);
}

// Replay order as paths relative to the directory.
std::vector<std::string> replayed(const parser::OrderedSources& sources) {
    std::vector<std::string> out;
    for (const auto& f : sources.files) {
        EXPECT_TRUE(f.name->starts_with("m/")) << *f.name;
        out.push_back(f.name->substr(2));
    }
    return out;
}

std::string error_text(const std::expected<parser::OrderedSources, model::Error>& r) {
    return r ? std::string{} : r.error().render();
}

TEST(MigrationLayout, NamesRoundTrip) {
    for (auto layout : {DirectoryLayout::detect, DirectoryLayout::files, DirectoryLayout::flyway,
                        DirectoryLayout::golang_migrate, DirectoryLayout::dbmate, DirectoryLayout::numbered}) {
        EXPECT_EQ(parser::layout_from_name(parser::layout_name(layout)), layout) << parser::layout_name(layout);
    }
    EXPECT_EQ(parser::layout_from_name("auto"), DirectoryLayout::detect);
    EXPECT_EQ(parser::layout_from_name("golang-migrate"), DirectoryLayout::golang_migrate);
    EXPECT_EQ(parser::layout_from_name("golang_migrate"), std::nullopt);
    EXPECT_EQ(parser::layout_from_name("Flyway"), std::nullopt);
    EXPECT_EQ(parser::layout_from_name(""), std::nullopt);
}

struct DetectCase {
    const char* what;
    std::vector<std::pair<std::string, std::string>> files;
    DirectoryLayout expected;
};

TEST(MigrationLayout, Detection) {
    const std::string up = "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n";
    const std::vector<DetectCase> cases = {
        {"flyway V/U/R",
         {{"V1__a.sql", ""}, {"U1__a.sql", ""}, {"R__v.sql", ""}, {"README.md", ""}},
         DirectoryLayout::flyway},
        {"flyway in sub-directories only", {{"2023/V1__a.sql", ""}, {"2024/V2__b.sql", ""}}, DirectoryLayout::flyway},
        {"golang-migrate", {{"1_a.up.sql", ""}, {"1_a.down.sql", ""}}, DirectoryLayout::golang_migrate},
        {"dbmate", {{"20240101120000_a.sql", up}, {"20240102120000_b.sql", up}}, DirectoryLayout::dbmate},
        {"dbmate marker with options",
         {{"1_a.sql", "--   migrate:up transaction:false\nSELECT 1;\n"}},
         DirectoryLayout::dbmate},
        {"numbered with _ and -", {{"001_init.sql", ""}, {"0002-add.sql", ""}}, DirectoryLayout::numbered},
        {"numbered bare", {{"1.sql", ""}, {"2.sql", ""}}, DirectoryLayout::numbered},
        {"schema files", {{"tables.sql", ""}, {"views.sql", ""}, {"notes.txt", ""}}, DirectoryLayout::files},
        {"names starting with V but no version", {{"Views.sql", ""}, {"V_tables.sql", ""}}, DirectoryLayout::files},
        {"migrate:upgrade is not a marker", {{"a.sql", "-- migrate:upgrade\n"}}, DirectoryLayout::files},
    };
    for (const auto& c : cases) {
        auto r = order(entries(c.files));
        ASSERT_TRUE(r.has_value()) << c.what << ": " << error_text(r);
        EXPECT_EQ(r->layout, c.expected) << c.what << ": detected " << parser::layout_name(r->layout);
    }
}

struct OrderCase {
    const char* what;
    DirectoryLayout layout;
    std::vector<std::string> files;     // as listed (any order)
    std::vector<std::string> expected;  // replay order
};

TEST(MigrationOrder, ByVersion) {
    const std::vector<OrderCase> cases = {
        {"flyway: 1.10 after 1.9, 2 after 1.1",
         DirectoryLayout::flyway,
         {"V2__c.sql", "V1.10__b.sql", "V1.9__a.sql", "V1.1__x.sql", "V1__init.sql"},
         {"V1__init.sql", "V1.1__x.sql", "V1.9__a.sql", "V1.10__b.sql", "V2__c.sql"}},
        {"flyway: '_' separates version parts (V1_1 = 1.1)",
         DirectoryLayout::flyway,
         {"V1_10__b.sql", "V1_2__a.sql", "V1_1_5__z.sql"},
         {"V1_1_5__z.sql", "V1_2__a.sql", "V1_10__b.sql"}},
        {"flyway: a hotfix V3_1 replays between develop's V3 and V4",
         DirectoryLayout::detect,
         {"V4__develop.sql", "V3_1__hotfix.sql", "V3__develop.sql", "V5__develop.sql"},
         {"V3__develop.sql", "V3_1__hotfix.sql", "V4__develop.sql", "V5__develop.sql"}},
        {"flyway: sub-directories ordered by version, not by path",
         DirectoryLayout::detect,
         {"b/V1__first.sql", "a/V3__third.sql", "V2__second.sql", "a/deeper/V10__tenth.sql"},
         {"b/V1__first.sql", "V2__second.sql", "a/V3__third.sql", "a/deeper/V10__tenth.sql"}},
        {"flyway: leading zeros",
         DirectoryLayout::flyway,
         {"V010__c.sql", "V9__b.sql", "V001__a.sql"},
         {"V001__a.sql", "V9__b.sql", "V010__c.sql"}},
        {"numbered: timestamps",
         DirectoryLayout::detect,
         {"20240101120000_b.sql", "20231231235959_a.sql", "20240101120001_c.sql"},
         {"20231231235959_a.sql", "20240101120000_b.sql", "20240101120001_c.sql"}},
        {"numbered: numeric, not text order",
         DirectoryLayout::numbered,
         {"10_c.sql", "9-b.sql", "001_a.sql"},
         {"001_a.sql", "9-b.sql", "10_c.sql"}},
        {"golang-migrate: up files by version",
         DirectoryLayout::detect,
         {"10_c.up.sql", "2_b.up.sql", "2_b.down.sql", "1_a.up.sql", "10_c.down.sql"},
         {"1_a.up.sql", "2_b.up.sql", "10_c.up.sql"}},
        {"golang-migrate: a hotfix version between two development versions",
         DirectoryLayout::golang_migrate,
         {"20240301000000_dev.up.sql", "20240215000000_hotfix.up.sql", "20240201000000_dev.up.sql"},
         {"20240201000000_dev.up.sql", "20240215000000_hotfix.up.sql", "20240301000000_dev.up.sql"}},
        {"files: natural name order",
         DirectoryLayout::files,
         {"010_c.sql", "2_b.sql", "001_a.sql", "a.sql", "a10.sql", "a9.sql"},
         {"001_a.sql", "2_b.sql", "010_c.sql", "a.sql", "a9.sql", "a10.sql"}},
    };
    for (const auto& c : cases) {
        auto r = order(named(c.files), c.layout);
        ASSERT_TRUE(r.has_value()) << c.what << ": " << error_text(r);
        EXPECT_EQ(replayed(*r), c.expected) << c.what;
    }
}

TEST(MigrationOrder, InputOrderDoesNotMatter) {
    std::vector<std::string> files{"V3__c.sql", "U2__b.sql", "V1__a.sql", "R__v.sql", "V2__b.sql"};
    auto a = order(named(files));
    std::reverse(files.begin(), files.end());
    auto b = order(named(files));
    ASSERT_TRUE(a.has_value() && b.has_value());
    EXPECT_EQ(replayed(*a), replayed(*b));
    ASSERT_EQ(a->notes.size(), b->notes.size());
    for (std::size_t i = 0; i < a->notes.size(); ++i) {
        EXPECT_EQ(a->notes[i].message, b->notes[i].message);
    }
}

TEST(MigrationNotes, FlywayUndoAndRepeatable) {
    auto r = order(named({"V1__a.sql", "U1__a.sql", "R__views.sql", "V2__b.sql"}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    EXPECT_EQ(replayed(*r), (std::vector<std::string>{"V1__a.sql", "V2__b.sql"}));
    ASSERT_EQ(r->notes.size(), 2U);
    for (const auto& n : r->notes) {
        EXPECT_EQ(n.severity, model::Severity::note);
    }
    // Notes follow the files' name order: R__views.sql before U1__a.sql.
    EXPECT_EQ(*r->notes[0].location.file, "m/R__views.sql");
    EXPECT_NE(r->notes[0].message.find("ignoring repeatable migration R__views.sql"), std::string::npos)
        << r->notes[0].message;
    EXPECT_EQ(*r->notes[1].location.file, "m/U1__a.sql");
    EXPECT_NE(r->notes[1].message.find("ignoring undo migration U1__a.sql"), std::string::npos) << r->notes[1].message;
    EXPECT_NE(r->notes[1].message.find("not replayed"), std::string::npos) << r->notes[1].message;
    EXPECT_EQ(r->notes[1].headline().substr(0, 25), "m/U1__a.sql: note: ignori");
}

TEST(MigrationNotes, GolangDownFilesInOneNote) {
    auto r = order(named({"1_a.up.sql", "1_a.down.sql", "2_b.up.sql", "2_b.down.sql"}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    ASSERT_EQ(r->notes.size(), 1U);
    EXPECT_NE(r->notes[0].message.find("ignoring 2 down migrations"), std::string::npos) << r->notes[0].message;
    EXPECT_EQ(*r->notes[0].location.file, "m/1_a.down.sql");
}

TEST(MigrationNotes, SubDirectoriesOutsideFlyway) {
    auto r = order(named({"001_a.sql", "002_b.sql", "old/001_x.sql", "old/002_y.sql"}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    EXPECT_EQ(r->layout, DirectoryLayout::numbered);
    EXPECT_EQ(replayed(*r), (std::vector<std::string>{"001_a.sql", "002_b.sql"}));
    ASSERT_EQ(r->notes.size(), 1U);
    EXPECT_NE(r->notes[0].message.find("ignoring 2 .sql files in sub-directories (first: old/001_x.sql)"),
              std::string::npos)
        << r->notes[0].message;
}

TEST(MigrationNotes, NoneForPlainMigrations) {
    auto r = order(named({"V1__a.sql", "V2__b.sql"}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    EXPECT_TRUE(r->notes.empty());
}

struct ErrorCase {
    const char* what;
    DirectoryLayout layout;
    std::vector<std::string> files;
    std::string file;                    // expected location (relative), "" = the directory
    std::vector<std::string> fragments;  // each must appear in the message
};

TEST(MigrationErrors, Table) {
    const std::vector<ErrorCase> cases = {
        {"empty directory", DirectoryLayout::detect, {}, "", {"contains no .sql files"}},
        {"only non-SQL files", DirectoryLayout::detect, {"README.md", "notes.txt"}, "", {"contains no .sql files"}},
        {"flyway: same version twice",
         DirectoryLayout::detect,
         {"V1__a.sql", "V2__b.sql", "V2__c.sql"},
         "V2__c.sql",
         {"two migrations have version 2", "V2__b.sql", "V2__c.sql"}},
        {"flyway: 1.0 is version 1 (located at the later file in name order)",
         DirectoryLayout::flyway,
         {"V1__a.sql", "V1.0__b.sql"},
         "V1__a.sql",
         {"V1__a.sql", "V1.0__b.sql"}},
        {"flyway: same version in two sub-directories",
         DirectoryLayout::flyway,
         {"a/V3__x.sql", "b/V3__y.sql"},
         "b/V3__y.sql",
         {"a/V3__x.sql", "b/V3__y.sql"}},
        {"numbered: 001 and 1 are one version",
         DirectoryLayout::detect,
         {"001_a.sql", "1_b.sql"},
         "1_b.sql",
         {"version", "001_a.sql", "1_b.sql"}},
        {"golang-migrate: two up files with one version",
         DirectoryLayout::detect,
         {"5_a.up.sql", "5_b.up.sql"},
         "5_b.up.sql",
         {"5_a.up.sql", "5_b.up.sql"}},
        {"flyway: version not a number",
         DirectoryLayout::detect,
         {"V1__a.sql", "V1.a__b.sql"},
         "V1.a__b.sql",
         {"version '1.a'", "not a number"}},
        {"flyway: empty version part", DirectoryLayout::flyway, {"V1..2__a.sql"}, "V1..2__a.sql", {"not a number"}},
        {"golang-migrate: version not a number",
         DirectoryLayout::detect,
         {"1_a.up.sql", "1b_x.up.sql"},
         "1b_x.up.sql",
         {"version is not a number"}},
        {"numbered layout: a name without a number",
         DirectoryLayout::numbered,
         {"001_a.sql", "schema.sql"},
         "schema.sql",
         {"schema.sql", "no version number"}},
        {"numbered layout: malformed version",
         DirectoryLayout::numbered,
         {"1.5_a.sql"},
         "1.5_a.sql",
         {"malformed version"}},
        {"detect: a typo'd flyway name among flyway files",
         DirectoryLayout::detect,
         {"V1__init.sql", "V2_add.sql", "V3__more.sql"},
         "V2_add.sql",
         {"'V2_add.sql' does not look like the other migrations", "out of order"}},
        {"detect: a schema file among numbered migrations",
         DirectoryLayout::detect,
         {"001_a.sql", "002_b.sql", "seed.sql"},
         "seed.sql",
         {"seed.sql", "<number>_<name>.sql"}},
        {"detect: numbered file among flyway files",
         DirectoryLayout::detect,
         {"V1__a.sql", "V2__b.sql", "3_c.sql"},
         "3_c.sql",
         {"Flyway"}},
        {"detect: golang-migrate with a stray file",
         DirectoryLayout::detect,
         {"1_a.up.sql", "schema.sql"},
         "schema.sql",
         {"not a golang-migrate migration name"}},
        {"detect: flyway reads sub-directories, so an odd file there is an error too",
         DirectoryLayout::detect,
         {"V1__a.sql", "V2__b.sql", "old/schema.sql"},
         "old/schema.sql",
         {"not a Flyway migration name"}},
        {"flyway layout: a file that is not a flyway name",
         DirectoryLayout::flyway,
         {"V1__a.sql", "schema.sql"},
         "schema.sql",
         {"not a Flyway migration name"}},
        {"flyway: only undo and repeatable files",
         DirectoryLayout::detect,
         {"U1__a.sql", "R__v.sql"},
         "",
         {"no Flyway versioned migrations"}},
        {"golang-migrate: only down files",
         DirectoryLayout::golang_migrate,
         {"1_a.down.sql"},
         "",
         {"no golang-migrate up migrations"}},
        {"numbered layout: nothing at the top level",
         DirectoryLayout::numbered,
         {"sub/001_a.sql"},
         "",
         {"no .sql files at the top level"}},
        {"detect: non-flyway files only in sub-directories",
         DirectoryLayout::detect,
         {"sub/001_a.sql"},
         "",
         {"no .sql files at the top level"}},
    };
    for (const auto& c : cases) {
        auto r = order(named(c.files), c.layout);
        ASSERT_FALSE(r.has_value()) << c.what << ": ordered as " << ::testing::PrintToString(replayed(*r));
        const auto& d = r.error().diagnostics.at(0);
        EXPECT_EQ(d.severity, model::Severity::error) << c.what;
        ASSERT_NE(d.location.file, nullptr) << c.what;
        EXPECT_EQ(*d.location.file, c.file.empty() ? std::string{"m"} : "m/" + c.file) << c.what;
        for (const auto& f : c.fragments) {
            EXPECT_NE(d.message.find(f), std::string::npos) << c.what << ": '" << f << "' not in: " << d.message;
        }
    }
}

TEST(MigrationErrors, DuplicateNamesTheOtherFileAsRelated) {
    auto r = order(named({"V1__a.sql", "V1__b.sql"}));
    ASSERT_FALSE(r.has_value());
    const auto& d = r.error().diagnostics.at(0);
    ASSERT_EQ(d.related.size(), 1U);
    EXPECT_EQ(*d.related[0].file, "m/V1__a.sql");
}

TEST(MigrationText, CheckedLikeReadSources) {
    auto bad = order(entries({{"V1__a.sql", "SELECT 1;\n"}, {"V2__b.sql", "SELECT 1;\n-- caf\xE9\n"}}));
    ASSERT_FALSE(bad.has_value());
    const auto& d = bad.error().diagnostics.at(0);
    EXPECT_NE(d.message.find("UTF-8"), std::string::npos) << d.message;
    EXPECT_EQ(d.location.to_string(), "m/V2__b.sql:2:7");

    auto nul = order(entries({{"1_a.sql", std::string("SELECT 1;\0", 10)}}));
    ASSERT_FALSE(nul.has_value());
    EXPECT_NE(nul.error().diagnostics.at(0).message.find("NUL"), std::string::npos);

    // A file that is not replayed is not read as SQL: an undo file may hold anything.
    auto skipped = order(entries({{"V1__a.sql", "SELECT 1;\n"}, {"U1__a.sql", std::string("\0\xFF", 2)}}));
    ASSERT_TRUE(skipped.has_value()) << error_text(skipped);

    auto bom = order(entries({{"V1__a.sql", "\xEF\xBB\xBFSELECT 1;\n"}}));
    ASSERT_TRUE(bom.has_value()) << error_text(bom);
    EXPECT_EQ(bom->files.at(0).text, "SELECT 1;\n");
}

TEST(MigrationText, MakeCheckedSource) {
    auto ok = parser::make_checked_source("main:db/V1__a.sql",
                                          "\xEF\xBB\xBF"
                                          "CREATE TABLE t (a int);\n");
    ASSERT_TRUE(ok.has_value());
    EXPECT_EQ(*ok->name, "main:db/V1__a.sql");
    EXPECT_EQ(ok->text, "CREATE TABLE t (a int);\n");
    auto bad = parser::make_checked_source("blob.sql", "ok\n\x80");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().diagnostics.at(0).location.to_string(), "blob.sql:2:1");
}

// dbmate: only the up section is replayed; the rest is blanked so lines keep their numbers.
const char* const k_dbmate_users =
    "-- migrate:up\n"
    "CREATE TABLE users (id bigint PRIMARY KEY);\n"
    "\n"
    "-- migrate:down\n"
    "DROP TABLE users;\n";

TEST(MigrationDbmate, DownSectionBlanked) {
    auto r = order(entries({{"20240102000000_email.sql",
                             "-- migrate:up\nALTER TABLE users ADD COLUMN email text;\n-- migrate:down\n"
                             "ALTER TABLE users DROP COLUMN email;\n"},
                            {"20240101000000_users.sql", k_dbmate_users}}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    EXPECT_EQ(r->layout, DirectoryLayout::dbmate);
    ASSERT_EQ(r->files.size(), 2U);
    EXPECT_EQ(*r->files[0].name, "m/20240101000000_users.sql");
    const std::string& text = r->files[0].text;
    EXPECT_EQ(text.size(), std::string{k_dbmate_users}.size());
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 5);
    EXPECT_EQ(text.find("DROP"), std::string::npos);
    EXPECT_NE(text.find("\nCREATE TABLE users (id bigint PRIMARY KEY);\n"), std::string::npos) << text;

    auto loaded = parser::postgres::load(r->files);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().render();
    const auto& users = loaded->schema.tables.at({"public", "users"});
    ASSERT_EQ(users.columns.size(), 2U);
    EXPECT_EQ(users.columns[1].name, "email");
}

TEST(MigrationDbmate, SyntaxErrorInUpKeepsItsLine) {
    auto r = order(entries({{"1_a.sql",
                             "-- a comment before the marker\n"
                             "-- migrate:up\n"
                             "CREATE TABLE a (id int);\n"
                             "ALTER TABLE a ADD COLUM x int;\n"
                             "-- migrate:down\n"
                             "DROP TABLE a;\n"}}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    auto loaded = parser::postgres::load(r->files);
    ASSERT_FALSE(loaded.has_value());
    const auto& d = loaded.error().diagnostics.at(0);
    EXPECT_EQ(*d.location.file, "m/1_a.sql");
    EXPECT_EQ(d.location.line, 4U) << d.render();
    EXPECT_EQ(d.location.column, 27U)
        << d.render();  // "ADD COLUM x" adds a column "colum" of type x; "int" is the error
    EXPECT_EQ(d.source_line, "ALTER TABLE a ADD COLUM x int;");
}

TEST(MigrationDbmate, WindowsLineEnds) {
    auto r = order(entries({{"1_a.sql",
                             "-- migrate:up\r\nCREATE TABLE a (id int);\r\nCREATE TABLE b (id int;\r\n"
                             "-- migrate:down\r\nDROP TABLE a;\r\n"}}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    EXPECT_EQ(r->files.at(0).text.find("DROP"), std::string::npos);
    auto loaded = parser::postgres::load(r->files);
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().diagnostics.at(0).location.line, 3U) << loaded.error().render();
}

TEST(MigrationDbmate, UpOnlyAndWithBom) {
    auto r = order(entries({{"1_a.sql", "\xEF\xBB\xBF-- migrate:up\nCREATE TABLE a (id int);\n"}}));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    auto loaded = parser::postgres::load(r->files);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().render();
    EXPECT_TRUE(loaded->schema.tables.contains({"public", "a"}));
}

TEST(MigrationDbmate, Errors) {
    auto no_up = order(entries({{"1_a.sql", "-- migrate:up\nSELECT 1;\n"}, {"2_b.sql", "SELECT 2;\n"}}));
    ASSERT_FALSE(no_up.has_value());
    EXPECT_EQ(no_up.error().diagnostics.at(0).location.to_string(), "m/2_b.sql");
    EXPECT_NE(no_up.error().diagnostics.at(0).message.find("no '-- migrate:up' line"), std::string::npos);

    auto down_first =
        order(entries({{"1_a.sql", "\n-- migrate:down\nDROP TABLE a;\n-- migrate:up\nCREATE TABLE a (id int);\n"}}));
    ASSERT_FALSE(down_first.has_value());
    EXPECT_EQ(down_first.error().diagnostics.at(0).location.to_string(), "m/1_a.sql:2:1");

    auto bad_name = order(entries({{"1_a.sql", "-- migrate:up\n"}, {"init.sql", "-- migrate:up\n"}}));
    ASSERT_FALSE(bad_name.has_value());
    EXPECT_EQ(bad_name.error().diagnostics.at(0).location.to_string(), "m/init.sql");
}

// Loading a directory replays it: a hotfix between two development migrations sees the
// first and is seen by the second.
TEST(MigrationReplay, HotfixBetweenDevelopmentMigrations) {
    auto r = order(entries({
        {"V4__dev_index.sql", "CREATE INDEX users_email_idx ON users (email);\n"},
        {"V3_1__hotfix.sql", "ALTER TABLE users ADD COLUMN email text;\n"},
        {"V3__dev.sql", "CREATE TABLE users (id int);\n"},
    }));
    ASSERT_TRUE(r.has_value()) << error_text(r);
    auto loaded = parser::postgres::load(r->files);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().render();
    EXPECT_EQ(loaded->schema.tables.at({"public", "users"}).columns.size(), 2U);
}

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("schemerge_mig_" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] std::string str() const { return path_.string(); }
    void write(const std::string& relative, const std::string& bytes) const {
        fs::path p = path_ / relative;
        fs::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out << bytes;
    }

private:
    fs::path path_;
};

TEST(ReadSourceSet, FlywayDirectoryOnDisk) {
    TempDir dir;
    dir.write("V1__users.sql", "CREATE TABLE users (id int);\n");
    dir.write("2024/V3__orders.sql", "CREATE TABLE orders (id int, user_id int);\n");
    dir.write("V2__email.sql", "ALTER TABLE users ADD COLUMN email text;\n");
    dir.write("U2__email.sql", "ALTER TABLE users DROP COLUMN email;\n");
    dir.write("README.md", "# migrations\n");
    dir.write(".hidden/V9__not_mine.sql", "DROP TABLE users;\n");
    auto r = parser::read_source_set(dir.str());
    ASSERT_TRUE(r.has_value()) << r.error().render();
    EXPECT_EQ(r->layout, DirectoryLayout::flyway);
    ASSERT_EQ(r->files.size(), 3U);
    EXPECT_EQ(*r->files[0].name, dir.str() + "/V1__users.sql");
    EXPECT_EQ(*r->files[1].name, dir.str() + "/V2__email.sql");
    EXPECT_EQ(*r->files[2].name, dir.str() + "/2024/V3__orders.sql");
    ASSERT_EQ(r->notes.size(), 1U);
    EXPECT_EQ(*r->notes[0].location.file, dir.str() + "/U2__email.sql");

    // read_sources replays the same files, without the notes.
    auto plain = parser::read_sources(dir.str() + "/");
    ASSERT_TRUE(plain.has_value()) << plain.error().render();
    ASSERT_EQ(plain->size(), 3U);
    EXPECT_EQ(*(*plain)[2].name, dir.str() + "/2024/V3__orders.sql");
}

TEST(ReadSourceSet, LayoutGivenForADirectory) {
    TempDir dir;
    dir.write("001_a.sql", "CREATE TABLE a (id int);\n");
    dir.write("002_b.sql", "CREATE TABLE b (id int);\n");
    auto files = parser::read_source_set(dir.str(), DirectoryLayout::files);
    ASSERT_TRUE(files.has_value()) << files.error().render();
    EXPECT_EQ(files->layout, DirectoryLayout::files);
    auto flyway = parser::read_source_set(dir.str(), DirectoryLayout::flyway);
    ASSERT_FALSE(flyway.has_value());
    EXPECT_EQ(*flyway.error().diagnostics.at(0).location.file, dir.str() + "/001_a.sql");
}

TEST(ReadSourceSet, SingleFile) {
    TempDir dir;
    dir.write("schema.sql", "CREATE TABLE a (id int);\n");
    auto r = parser::read_source_set(dir.str() + "/schema.sql");
    ASSERT_TRUE(r.has_value()) << r.error().render();
    EXPECT_EQ(r->layout, DirectoryLayout::files);
    ASSERT_EQ(r->files.size(), 1U);
    auto as_flyway = parser::read_source_set(dir.str() + "/schema.sql", DirectoryLayout::flyway);
    ASSERT_FALSE(as_flyway.has_value());
    EXPECT_NE(as_flyway.error().diagnostics.at(0).message.find("is a file"), std::string::npos);
}

TEST(ReadSourceSet, MixedDirectoryIsAnErrorForReadSources) {
    TempDir dir;
    dir.write("001_init.sql", "CREATE TABLE a (id int);\n");
    dir.write("schema.sql", "CREATE TABLE b (id int);\n");
    auto r = parser::read_sources(dir.str());
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().diagnostics.at(0).location.to_string(), dir.str() + "/schema.sql");
}

TEST(ReadSourceSet, EmptyDirectory) {
    TempDir dir;
    auto r = parser::read_source_set(dir.str());
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().diagnostics.at(0).message.find("contains no .sql files"), std::string::npos);
    EXPECT_EQ(*r.error().diagnostics.at(0).location.file, dir.str());
}

}  // namespace
}  // namespace schemerge::test
