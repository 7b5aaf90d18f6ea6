// read_sources: files and directories, with errors for what is not UTF-8 SQL text.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/migrations.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::test {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("schemerge_unit_" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const fs::path& path() const { return path_; }
    fs::path write(const std::string& name, const std::string& bytes) const {
        fs::path p = path_ / name;
        std::ofstream out(p, std::ios::binary);
        out << bytes;
        return p;
    }

private:
    fs::path path_;
};

TEST(ReadSources, SingleFile) {
    TempDir dir;
    auto p = dir.write("schema.sql", "CREATE TABLE t (a int);\n");
    auto r = parser::read_sources(p.string());
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->size(), 1U);
    EXPECT_EQ(*(*r)[0].name, p.string());
    EXPECT_EQ((*r)[0].text, "CREATE TABLE t (a int);\n");
}

TEST(ReadSources, ByteOrderMarkIsDropped) {
    TempDir dir;
    auto p = dir.write("bom.sql", "\xEF\xBB\xBF" "CREATE TABLE t (a int);");
    auto r = parser::read_sources(p.string());
    ASSERT_TRUE(r.has_value()) << r.error().render();
    EXPECT_EQ((*r)[0].text, "CREATE TABLE t (a int);");
}

TEST(ReadSources, MissingPath) {
    TempDir dir;
    std::string missing = (dir.path() / "nope.sql").string();
    auto r = parser::read_sources(missing);
    ASSERT_FALSE(r.has_value());
    const auto& d = r.error().diagnostics.at(0);
    EXPECT_EQ(d.severity, model::Severity::error);
    EXPECT_NE(d.message.find(missing), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("no such file"), std::string::npos) << d.message;
}

TEST(ReadSources, DirectoryWithoutSqlFiles) {
    TempDir dir;
    dir.write("README.md", "not sql");
    auto r = parser::read_sources(dir.path().string());
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().diagnostics.at(0).message.find("no .sql files"), std::string::npos)
        << r.error().render();
}

TEST(ReadSources, BinaryFileIsRejected) {
    TempDir dir;
    auto p = dir.write("bin.sql", std::string("CREATE TABLE t (a int);\nab\0cd", 29));
    auto r = parser::read_sources(p.string());
    ASSERT_FALSE(r.has_value());
    const auto& d = r.error().diagnostics.at(0);
    EXPECT_NE(d.message.find("NUL"), std::string::npos) << d.message;
    ASSERT_TRUE(d.location.file != nullptr);
    EXPECT_EQ(*d.location.file, p.string());
    EXPECT_EQ(d.location.line, 2U);
    EXPECT_EQ(d.location.column, 3U);
}

TEST(ReadSources, NonUtf8FileHasLineAndColumn) {
    TempDir dir;
    auto p = dir.write("latin1.sql", "CREATE TABLE t (a int);\n-- caf\xE9\n");
    auto r = parser::read_sources(p.string());
    ASSERT_FALSE(r.has_value());
    const auto& d = r.error().diagnostics.at(0);
    EXPECT_NE(d.message.find("UTF-8"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("0xE9"), std::string::npos) << d.message;
    ASSERT_TRUE(d.location.file != nullptr);
    EXPECT_EQ(*d.location.file, p.string());
    EXPECT_EQ(d.location.line, 2U);
    EXPECT_EQ(d.location.column, 7U);
    EXPECT_EQ(d.headline(), p.string() + ":2:7: error: " + d.message);
}

// SourceLocation columns count characters, not bytes.
TEST(ReadSources, NonUtf8ColumnCountsCharacters) {
    TempDir dir;
    auto p = dir.write("mixed.sql", "-- \xC3\xA9\xE9\n");  // "-- é" then a stray byte
    auto r = parser::read_sources(p.string());
    ASSERT_FALSE(r.has_value());
    const auto& d = r.error().diagnostics.at(0);
    EXPECT_EQ(d.location.line, 1U);
    if (d.location.column == 6U) {
        FAIL() << "regression: read_sources reports the invalid UTF-8 column in bytes (6), not characters (5)";
    }
    EXPECT_EQ(d.location.column, 5U);
}

TEST(ReadSources, DirectoryInNaturalOrder) {
    TempDir dir;
    dir.write("V10__drop.sql", "ALTER TABLE t DROP COLUMN b;\n");
    dir.write("V2__add.sql", "ALTER TABLE t ADD COLUMN b int;\n");
    dir.write("V1__init.sql", "CREATE TABLE t (a int);\n");
    dir.write("notes.txt", "ignored");
    auto r = parser::read_sources(dir.path().string());
    ASSERT_TRUE(r.has_value()) << r.error().render();
    ASSERT_EQ(r->size(), 3U);
    EXPECT_EQ(fs::path(*(*r)[0].name).filename(), "V1__init.sql");
    EXPECT_EQ(fs::path(*(*r)[1].name).filename(), "V2__add.sql");
    EXPECT_EQ(fs::path(*(*r)[2].name).filename(), "V10__drop.sql");
    // Applied in that order, V10 drops the column V2 added.
    auto loaded = parser::postgres::load(*r);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().render();
    const auto& t = loaded->schema.tables.at({"public", "t"});
    ASSERT_EQ(t.columns.size(), 1U);
    EXPECT_EQ(t.columns[0].name, "a");
}

// Numbered and unnumbered names mixed: read_sources refuses to guess (see
// migrations_test.cpp); the `files` layout replays them in natural name order.
TEST(ReadSources, NaturalOrderWithLeadingZerosAndPrefixes) {
    TempDir dir;
    for (const char* name : {"010_c.sql", "2_b.sql", "001_a.sql", "a.sql", "a10.sql", "a9.sql"}) {
        dir.write(name, "SELECT 1;\n");
    }
    auto r = parser::read_source_set(dir.path().string(), parser::DirectoryLayout::files);
    ASSERT_TRUE(r.has_value()) << r.error().render();
    std::vector<std::string> names;
    for (const auto& f : r->files) {
        names.push_back(fs::path(*f.name).filename().string());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"001_a.sql", "2_b.sql", "010_c.sql", "a.sql", "a9.sql", "a10.sql"}));
}

TEST(ReadSources, ErrorsInADirectoryNameTheFile) {
    TempDir dir;
    dir.write("1.sql", "CREATE TABLE t (a int);\n");
    auto second = dir.write("2.sql", "CREATE TABLE u (a int);\nCREATE TABLE t (a int);\n");
    auto r = parser::read_sources(dir.path().string());
    ASSERT_TRUE(r.has_value());
    auto loaded = parser::postgres::load(*r);
    ASSERT_FALSE(loaded.has_value());
    const auto& d = loaded.error().diagnostics.at(0);
    EXPECT_EQ(*d.location.file, second.string());
    EXPECT_EQ(d.location.line, 2U);
    ASSERT_EQ(d.related.size(), 1U);
    EXPECT_EQ(fs::path(*d.related[0].file).filename(), "1.sql");
}

}  // namespace
}  // namespace schemerge::test
