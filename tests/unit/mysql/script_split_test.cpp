// What the mysql client does before the server sees SQL: delimiters, versioned comments,
// client commands, comment lines.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/mysql/script_split.hpp"
#include "parser/source_file.hpp"

namespace schemerge::test::mysql {
namespace {

using parser::mysql::prepare_script;

struct Split {
    std::vector<std::string> chunks;
    std::vector<model::Diagnostic> diagnostics;
    parser::LoadStats stats;
    std::string error;
};

Split split(const std::string& text, parser::UnsupportedPolicy policy = parser::UnsupportedPolicy::warn) {
    static std::vector<parser::SourceFile> keep;  // the prepared script points at its source
    keep.push_back(parser::make_source("s.sql", text));
    Split out;
    parser::LoadOptions options;
    options.unsupported = policy;
    auto script = prepare_script(keep.back(), out.diagnostics, out.stats, options);
    if (!script) {
        out.error = script.error().render();
        return out;
    }
    for (const auto& c : script->chunks) {
        out.chunks.emplace_back(script->text_of(c));
    }
    return out;
}

TEST(ScriptSplit, DefaultDelimiterOutsideStringsAndComments) {
    Split s = split("CREATE TABLE a (x varchar(3) DEFAULT ';');\n-- a; comment\n# another;\n"
                    "/* block; */ CREATE TABLE `b;` (y int);;\nSELECT 'it''s; \\'ok\\';'");
    ASSERT_EQ(s.chunks.size(), 3U) << s.error;
    EXPECT_EQ(s.chunks[0], "CREATE TABLE a (x varchar(3) DEFAULT ';')");
    EXPECT_EQ(s.chunks[1], "CREATE TABLE `b;` (y int)");
    EXPECT_EQ(s.chunks[2], "SELECT 'it''s; \\'ok\\';'");  // the last statement needs no delimiter
}

TEST(ScriptSplit, DelimiterCommandChangesAndRestores) {
    Split s = split("DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END ;;\n"
                    "DELIMITER ;\nSELECT 1;\ndelimiter //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\n");
    ASSERT_EQ(s.chunks.size(), 3U) << s.error;
    EXPECT_EQ(s.chunks[0], "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END");
    EXPECT_EQ(s.chunks[1], "SELECT 1");
    EXPECT_EQ(s.chunks[2], "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
    EXPECT_EQ(s.stats.meta_commands, 3U);
}

TEST(ScriptSplit, VersionedCommentsAreExecuted) {
    // The markers are blanked (offsets stay), the text inside is SQL.
    Split s = split("/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE ALGORITHM=UNDEFINED */\n"
                    "/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select 1 */;\n"
                    "/*M!100100 SET x=1 */;");
    ASSERT_EQ(s.chunks.size(), 3U) << s.error;
    EXPECT_EQ(s.chunks[0], "         SET NAMES utf8");
    EXPECT_NE(s.chunks[1].find("CREATE ALGORITHM=UNDEFINED"), std::string::npos);
    EXPECT_NE(s.chunks[1].find("VIEW `v` AS select 1"), std::string::npos);
    EXPECT_EQ(s.chunks[1].find("/*"), std::string::npos);
    EXPECT_EQ(s.chunks[1].find("*/"), std::string::npos);
    EXPECT_EQ(s.chunks[2].find("SET x=1"), 11U);
}

TEST(ScriptSplit, MysqldumpTriggerWithVersionedBody) {
    Split s = split("DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`%`*/ /*!50003 TRIGGER ins BEFORE INSERT "
                    "ON t FOR EACH ROW BEGIN\n  SET NEW.a = 1;\nEND */;;\nDELIMITER ;\n");
    ASSERT_EQ(s.chunks.size(), 1U) << s.error;
    EXPECT_NE(s.chunks[0].find("SET NEW.a = 1;"), std::string::npos);
    EXPECT_EQ(s.chunks[0].find("*/"), std::string::npos);
}

TEST(ScriptSplit, RoutineBodiesStayWholeAtTheDefaultDelimiter) {
    // Migration tools send a routine whole; the split keeps BEGIN ... END together.
    Split s = split("CREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN SELECT 1; END IF;\n  CASE WHEN 1 THEN SELECT 2; END CASE;\n"
                    "  SELECT IF(1, 2, 3); SELECT REPEAT('a', 2);\nEND;\nCREATE TABLE t (event int, `begin` int);\n"
                    "CREATE TRIGGER tr AFTER DELETE ON t FOR EACH ROW IF OLD.event THEN DELETE FROM u; END IF;\nSELECT 3;");
    ASSERT_EQ(s.chunks.size(), 4U) << s.error;
    EXPECT_TRUE(s.chunks[0].ends_with("END"));
    EXPECT_EQ(s.chunks[1], "CREATE TABLE t (event int, `begin` int)");
    EXPECT_TRUE(s.chunks[2].ends_with("END IF"));
    EXPECT_EQ(s.chunks[3], "SELECT 3");
}

TEST(ScriptSplit, ClientCommandsAreReportedNotRun) {
    Split s = split("source /usr/share/zoneminder/db/triggers.sql\n\\. other.sql\nSELECT 1\\G\nUSE db\nSELECT 2;");
    ASSERT_TRUE(s.error.empty()) << s.error;
    ASSERT_EQ(s.chunks.size(), 3U);
    EXPECT_EQ(s.chunks[0], "SELECT 1");
    EXPECT_EQ(s.chunks[1], "USE db");  // `use` ends at its line, as the client runs it
    EXPECT_EQ(s.chunks[2], "SELECT 2");
    ASSERT_EQ(s.diagnostics.size(), 2U);
    EXPECT_EQ(s.diagnostics[0].severity, model::Severity::warning);
    EXPECT_NE(s.diagnostics[0].message.find("triggers.sql"), std::string::npos);
    EXPECT_EQ(s.diagnostics[0].location.line, 1U);
    EXPECT_EQ(s.diagnostics[1].location.line, 2U);
    EXPECT_EQ(s.stats.meta_commands, 3U);  // source, \., \G
}

TEST(ScriptSplit, SourceIsAnErrorWhenStrict) {
    Split s = split("SELECT 1;\nsource x.sql\n", parser::UnsupportedPolicy::error);
    EXPECT_NE(s.error.find("s.sql:2:1: error:"), std::string::npos) << s.error;
    EXPECT_NE(s.error.find("source x.sql"), std::string::npos);
}

TEST(ScriptSplit, DashDashLinesBetweenStatementsAreDropped) {
    // The client drops "--Table structure ..." (no space) between statements; inside a
    // statement it is text the server sees.
    Split s = split("--Table structure\nCREATE TABLE a (x int);\nSELECT 1\n--x\n;");
    ASSERT_EQ(s.chunks.size(), 2U) << s.error;
    EXPECT_EQ(s.chunks[0], "CREATE TABLE a (x int)");
    EXPECT_EQ(s.chunks[1], "SELECT 1\n--x");
}

TEST(ScriptSplit, UnterminatedQuotesRunToTheEndOfTheFile) {
    Split s = split("SELECT 1;\nINSERT INTO t VALUES ('abc);\nSELECT 2;");
    ASSERT_EQ(s.chunks.size(), 2U) << s.error;
    EXPECT_EQ(s.chunks[1], "INSERT INTO t VALUES ('abc);\nSELECT 2;");
}

TEST(ScriptSplit, BadDelimiterCommands) {
    EXPECT_NE(split("DELIMITER\nSELECT 1;").error.find("s.sql:1:1: error: DELIMITER must be followed"), std::string::npos);
    EXPECT_NE(split("DELIMITER \\\\\n").error.find("cannot contain a backslash"), std::string::npos);
}

TEST(ScriptSplit, ConflictMarkersAreErrors) {
    std::string e = split("SELECT 1;\n<<<<<<< HEAD\nSELECT 2;\n=======\n>>>>>>> b\n").error;
    EXPECT_NE(e.find("s.sql:2:1: error: unresolved git merge conflict marker"), std::string::npos) << e;
}

TEST(ScriptSplit, EmptyAndCommentOnlyFiles) {
    EXPECT_TRUE(split("").chunks.empty());
    EXPECT_TRUE(split("-- nothing\n/* at all */\n;;\n").chunks.empty());
}

}  // namespace
}  // namespace schemerge::test::mysql
