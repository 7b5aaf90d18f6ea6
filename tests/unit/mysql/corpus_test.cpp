// Real schema histories (../shared/corpus/mysql, or $CORPUS_ROOT/mysql): every file loads,
// or is rejected with a located error where MariaDB 10.11 rejects it too. The files are
// read in place, never copied into the repository; without the corpus the tests say
// SKIPPED loudly.
#include <algorithm>
#include <cstdlib>
#include <expected>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/mysql/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::test::mysql {
namespace {

namespace fs = std::filesystem;

fs::path corpus_root() {
    if (const char* env = std::getenv("CORPUS_ROOT"); env != nullptr && *env != '\0') {
        return env;
    }
    return fs::path(SCHEMERGE_SOURCE_DIR) / ".." / "shared" / "corpus";
}

std::vector<fs::path> sql_files(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".sql") {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// ZoneMinder's db/zm_create.sql.in is a template its build fills with configure_file()
// (CMakeLists.txt / configure.ac): the database name, the storage engine and paths. The
// values are the build's defaults. A `source @PKGDATADIR@/db/triggers.sql` line stays: the
// front end reports that it does not follow it.
std::string fill_zoneminder_template(std::string text) {
    static const std::vector<std::pair<std::string, std::string>> k_values = {
        {"@ZM_DB_NAME@", "zm"},
        {"@ZM_MYSQL_ENGINE@", "InnoDB"},
        {"@ZM_DIR_EVENTS@", "/var/cache/zoneminder/events"},
        {"@ZM_PATH_DATA@", "/usr/share/zoneminder"},
        {"@PKGDATADIR@", "/usr/share/zoneminder"},
        {"@VERSION@", "1.36.0"},
    };
    for (const auto& [placeholder, value] : k_values) {
        for (std::size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at)) {
            text.replace(at, placeholder.size(), value);
            at += value.size();
        }
    }
    return text;
}

struct Tally {
    std::size_t files = 0;
    std::size_t distinct = 0;
    std::size_t loaded = 0;
    std::size_t rejected = 0;
    std::size_t tables = 0;
    std::size_t warnings = 0;
};

// Loads every file of `project` (identical contents once), checks each outcome against
// `rejected` (relative path -> a part of the error message; every other file must load)
// and prints the tally.
void check_project(const std::string& project, const std::map<std::string, std::string>& rejected,
                   std::string (*prepare)(std::string)) {
    fs::path dir = corpus_root() / "mysql" / project;
    if (!fs::is_directory(dir)) {
        std::cout << "SKIPPED: corpus not found at " << dir << " (set CORPUS_ROOT)" << std::endl;
        GTEST_SKIP() << "corpus not found at " << dir;
    }
    Tally tally;
    std::map<std::string, std::expected<parser::LoadResult, model::Error>> by_content;
    for (const auto& path : sql_files(dir)) {
        std::string relative = fs::relative(path, dir).generic_string();
        SCOPED_TRACE(relative);
        ++tally.files;
        std::string text = prepare != nullptr ? prepare(read(path)) : read(path);
        auto it = by_content.find(text);
        if (it == by_content.end()) {
            ++tally.distinct;
            auto result = parser::mysql::load({parser::make_source(relative, text)});
            it = by_content.emplace(text, std::move(result)).first;
        }
        const auto& result = it->second;
        auto expected = rejected.find(relative);
        if (result) {
            ++tally.loaded;
            tally.tables += result->schema.tables.size();
            tally.warnings += result->diagnostics.size();
            EXPECT_EQ(expected, rejected.end()) << "loads, but MariaDB rejects it: " << expected->second;
            continue;
        }
        ++tally.rejected;
        const model::Diagnostic& d = result.error().diagnostics.front();
        EXPECT_GT(d.location.line, 0U) << d.render();
        EXPECT_FALSE(d.source_line.empty()) << d.render();
        if (expected == rejected.end()) {
            ADD_FAILURE() << "rejected: " << result.error().render();
        } else {
            EXPECT_NE(d.message.find(expected->second), std::string::npos) << d.render();
        }
    }
    std::cout << "corpus mysql/" << project << ": " << tally.files << " files (" << tally.distinct
              << " distinct): " << tally.loaded << " loaded (" << tally.tables << " tables, " << tally.warnings
              << " warnings), " << tally.rejected << " rejected as MariaDB rejects them" << std::endl;
}

const char* k_conflict = "unresolved git merge conflict marker";

TEST(Corpus, Sharetribe) {
    // Rails' db/structure.sql (mysqldump 5.6 / 5.7 / 8.0 output). Rejected: committed merge
    // conflicts, git's own conflicted merges, and merges that left a broken
    // schema_migrations INSERT (`('…');` on its own: MariaDB rejects it too).
    std::map<std::string, std::string> rejected = {
        {"merges/001/merged.sql", k_conflict},
        {"pairs/025/new.sql", k_conflict},
        {"pairs/025/old.sql", k_conflict},
        {"merges/002/merged.sql", "syntax error at or near \"'20210108111345'\""},
        {"merges/003/merged.sql", "syntax error at or near \"'20200609150707'\""},
        {"merges/005/merged.sql", "syntax error at or near \"'20200312112018'\""},
        {"merges/005/ours.sql", "syntax error at or near \"'20200312112018'\""},
        {"merges/006/merged.sql", "syntax error at or near \"'20200312112018'\""},
    };
    for (const char* merge : {"001", "002", "003", "005", "006", "007", "008", "009", "012", "014", "015", "016",
                              "017", "018", "019", "020"}) {
        rejected[std::string("merges/") + merge + "/git_merge_file.sql"] = k_conflict;
    }
    check_project("sharetribe", rejected, nullptr);
}

TEST(Corpus, ZoneminderTemplates) {
    // db/zm_create.sql.in, filled as the build fills it. Rejected as MariaDB rejects them:
    // TYPE=MyISAM (2005-era), a missing `;` or comma, a backquote left open, a key on a
    // column the table lacks, a `/* ... Events_*/ ... */` comment closing early (2026),
    // ELSE IF without its END IF, and git's conflicted merges. Files MariaDB rejects only
    // for their seed INSERTs (strict mode, wrong value counts) load: data is skipped.
    std::map<std::string, std::string> rejected = {
        {"merges/005/git_merge_file.sql", k_conflict},
        {"merges/009/git_merge_file.sql", k_conflict},
        {"merges/015/git_merge_file.sql", k_conflict},
        {"merges/017/git_merge_file.sql", k_conflict},
        {"merges/011/base.sql", "syntax error at or near \"CREATE\""},
        {"merges/011/ours.sql", "syntax error at or near \"CREATE\""},
        {"merges/011/merged.sql", "key column \"GroupId\" does not exist"},
        {"merges/011/theirs.sql", "key column \"GroupId\" does not exist"},
        {"pairs/000/new.sql", "syntax error at or near \"Event_Summaries\""},
        {"pairs/000/old.sql", "syntax error at or near \"Event_Summaries\""},
        {"pairs/013/new.sql", "syntax error at or near \";\""},
        {"pairs/014/new.sql", "syntax error at or near \"KEY\""},
        {"pairs/014/old.sql", "syntax error at or near \"KEY\""},
        {"pairs/015/new.sql", "syntax error at or near \"`Id`\""},
        {"pairs/015/old.sql", "key column \"GroupId\" does not exist"},
        {"pairs/020/old.sql", "key column \"EventId ASC\" does not exist"},
        {"pairs/021/new.sql", "syntax error at or near \"` decimal(5,2)"},
        {"pairs/028/new.sql", "TYPE="},
        {"pairs/028/old.sql", "TYPE="},
        {"pairs/029/new.sql", "TYPE="},
        {"pairs/029/old.sql", "TYPE="},
    };
    check_project("zoneminder", rejected, fill_zoneminder_template);
}

TEST(Corpus, PairsShareTheirParses) {
    fs::path dir = corpus_root() / "mysql" / "sharetribe" / "pairs" / "040";
    if (!fs::is_directory(dir)) {
        std::cout << "SKIPPED: corpus not found at " << dir << std::endl;
        GTEST_SKIP();
    }
    auto results = parser::mysql::load_many({{parser::make_source("old.sql", read(dir / "old.sql"))},
                                             {parser::make_source("new.sql", read(dir / "new.sql"))}});
    ASSERT_TRUE(results.has_value()) << results.error().render();
    std::size_t statements = results->at(0).stats.statements + results->at(1).stats.statements;
    std::size_t parsed = results->at(0).stats.distinct_parsed + results->at(1).stats.distinct_parsed;
    EXPECT_LT(parsed, statements / 2 + 10);  // nearly every chunk parsed once for both
    auto old_alone = parser::mysql::load({parser::make_source("old.sql", read(dir / "old.sql"))});
    ASSERT_TRUE(old_alone.has_value());
    EXPECT_TRUE(old_alone->schema == results->at(0).schema);
}

}  // namespace
}  // namespace schemerge::test::mysql
