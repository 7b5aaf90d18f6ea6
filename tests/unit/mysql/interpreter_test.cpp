// interpreter.cpp: databases, SET, statements kept verbatim or skipped, events, counts.
#include <string>

#include <gtest/gtest.h>

#include "mysql_load.hpp"

namespace schemerge::test::mysql {
namespace {

TEST(Interpreter, MysqldumpPreambleIsSkippedAndCounted) {
    auto r = load_ok("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!50503 SET NAMES utf8mb4 */;\n"
                     "/*!40103 SET TIME_ZONE='+00:00' */;\nCREATE TABLE t (a int);\nLOCK TABLES `t` WRITE;\n"
                     "/*!40000 ALTER TABLE `t` DISABLE KEYS */;\nINSERT INTO `t` VALUES (1),(2);\nUNLOCK TABLES;\n"
                     "START TRANSACTION;\nCOMMIT;");
    EXPECT_EQ(r.stats.statements, 10U);
    EXPECT_EQ(r.stats.applied, 2U);  // CREATE TABLE, and ALTER TABLE ... DISABLE KEYS (no effect)
    EXPECT_EQ(r.stats.skipped, 8U);
    EXPECT_EQ(r.stats.unsupported, 0U);
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Interpreter, UnmodeledStatementsAreKeptVerbatimAndReported) {
    auto r = load_ok("CREATE TABLE t (a int);\nGRANT SELECT ON t TO 'u'@'%';\nGRANT SELECT ON t TO 'u'@'%';\n"
                     "CREATE USER 'u'@'%';\nCREATE SEQUENCE s;");
    EXPECT_EQ(r.stats.unsupported, 4U);
    ASSERT_EQ(r.schema.opaque.size(), 3U);  // the repeated GRANT is kept once
    EXPECT_EQ(r.schema.opaque[0].statement_kind, "GRANT");
    EXPECT_EQ(r.schema.opaque[0].sql, "GRANT SELECT ON t TO 'u'@'%'");
    EXPECT_EQ(r.schema.opaque[1].statement_kind, "CREATE USER");
    EXPECT_EQ(r.diagnostics.size(), 3U);
    EXPECT_EQ(r.diagnostics[0].location.line, 2U);
}

TEST(Interpreter, EventsAreModeledUntilDropped) {
    auto r = load_ok("CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\n"
                     "CREATE EVENT keep ON SCHEDULE EVERY 1 HOUR DO BEGIN DELETE FROM u; END;\nDROP EVENT cleanup;\n"
                     "DROP EVENT IF EXISTS never;");
    EXPECT_TRUE(r.schema.opaque.empty());
    ASSERT_EQ(r.schema.functions.size(), 1U);
    EXPECT_EQ(r.schema.functions.begin()->second.name.name, "keep");
    EXPECT_EQ(r.schema.functions.begin()->second.kind, model::RoutineKind::event);
    EXPECT_EQ(r.stats.skipped, 1U);  // DROP EVENT IF EXISTS of an event that is not there
}

TEST(Interpreter, DatabasesAndUse) {
    auto r = load_ok("CREATE DATABASE IF NOT EXISTS app;\nCREATE DATABASE IF NOT EXISTS app;\nUSE app;\n"
                     "CREATE TABLE t (a int);\nCREATE DATABASE other COMMENT 'x';\nCREATE TABLE other.o (a int);\n"
                     "DROP DATABASE other;\nCREATE DATABASE third;");
    EXPECT_TRUE(r.schema.tables.contains({"", "t"}));
    EXPECT_FALSE(r.schema.tables.contains({"other", "o"}));
    ASSERT_EQ(r.schema.namespaces.size(), 1U);
    EXPECT_TRUE(r.schema.namespaces.contains("third"));
}

TEST(Interpreter, ClientCommandsAreReported) {
    auto r = load_ok("CREATE TABLE t (a int);\nsource /usr/share/zoneminder/db/triggers.sql\nCREATE TABLE u (a int);");
    EXPECT_EQ(r.schema.tables.size(), 2U);
    EXPECT_EQ(r.stats.meta_commands, 1U);
    EXPECT_EQ(r.stats.unsupported, 1U);
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].location.line, 2U);
}

TEST(Interpreter, CreateTableSelect) {
    auto r = load_ok("CREATE TABLE src (a int);\nCREATE TABLE copy SELECT a FROM src;\n"
                     "CREATE TABLE part (id int PRIMARY KEY) SELECT a FROM src;");
    EXPECT_FALSE(r.schema.tables.contains({"", "copy"}));  // only the query knows its columns: kept verbatim
    ASSERT_EQ(r.schema.opaque.size(), 1U);
    EXPECT_EQ(r.schema.opaque[0].sql, "CREATE TABLE copy SELECT a FROM src");
    EXPECT_EQ(r.schema.tables.at({"", "part"}).columns.size(), 1U);  // the declared columns are modeled
    EXPECT_EQ(r.stats.unsupported, 2U);
    EXPECT_EQ(r.diagnostics.size(), 2U);
}

TEST(Interpreter, AnsiQuotesIsReported) {
    auto r = load_ok("SET sql_mode = 'ANSI_QUOTES';\nSET SESSION sql_mode='STRICT_TRANS_TABLES';");
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_NE(r.diagnostics[0].message.find("ANSI_QUOTES"), std::string::npos);
}

TEST(Interpreter, EveryStatementOfAChunkIsApplied) {
    auto r = load_ok("CREATE TABLE t (a int);\nDELIMITER //\nDROP TRIGGER IF EXISTS x; CREATE TRIGGER x BEFORE INSERT ON t "
                     "FOR EACH ROW SET NEW.a = 1;//\nDELIMITER ;");
    EXPECT_EQ(r.schema.triggers.size(), 1U);
    EXPECT_EQ(r.stats.statements, 3U);
}

}  // namespace
}  // namespace schemerge::test::mysql
