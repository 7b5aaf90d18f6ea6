// Input MySQL rejects: each error names the file, the exact line and column, shows the
// line with a caret, and says what is wrong. Nothing crashes.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mysql_load.hpp"

namespace schemerge::test::mysql {
namespace {

struct BadRow {
    std::string name;
    std::string sql;
    std::uint32_t line;
    std::uint32_t column;
    std::string message_part;
};

TEST(BadInput, ErrorsHaveExactLocationsAndMessages) {
    const std::vector<BadRow> rows = {
        {"syntax error", "CREATE TABLE a (id int);\ncreate tabel b (id int);", 2, 8, "syntax error at or near \"tabel\""},
        {"double comma", "CREATE TABLE t (a int,, b int);", 1, 23, "syntax error at or near \",\""},
        {"multi-byte characters before the error", "CREATE TABLE \xc3\xa9t\xc3\xa9 (a int,, b int);", 1, 25,
         "syntax error at or near \",\""},
        {"missing closing parenthesis", "CREATE TABLE t (a int;\nCREATE TABLE u (b int);", 1, 22, "syntax error"},
        {"unterminated string", "CREATE TABLE t (a varchar(3) DEFAULT 'abc);\nCREATE TABLE u (a int);", 1, 38,
         "unterminated quoted string"},
        {"unterminated quoted identifier", "CREATE TABLE `t (a int);", 1, 14, "unterminated quoted identifier"},
        {"unterminated comment", "CREATE TABLE t (a int);\n/* never closed\nCREATE TABLE u (a int);", 2, 1,
         "unterminated /* comment"},
        {"DELIMITER without a delimiter", "CREATE TABLE t (a int);\nDELIMITER\n", 2, 1, "DELIMITER must be followed"},
        {"a statement the new DELIMITER does not end (DELIMITER becomes part of it)",
         "DELIMITER //\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;\nDELIMITER ;\n", 3,
         1, "syntax error at or near \"DELIMITER\""},
        {"merge conflict markers", "CREATE TABLE t (a int);\n<<<<<<< HEAD\nCREATE TABLE u (a int);\n=======\n>>>>>>> b\n",
         2, 1, "conflict"},
        {"ALTER of a missing table", "CREATE TABLE t (a int);\nALTER TABLE missing ADD COLUMN b int;", 2, 13,
         "table \"missing\" does not exist"},
        {"duplicate CREATE TABLE", "CREATE TABLE t (a int);\n\nCREATE TABLE t (b int);", 3, 14,
         "table \"t\" already exists"},
        {"a view's name taken by a table", "CREATE TABLE t (a int);\nCREATE VIEW t AS SELECT 1;", 2, 13,
         "table \"t\" already exists"},
        {"duplicate column", "CREATE TABLE t (a int, b int, a text);", 1, 31, "duplicate column name \"a\""},
        {"duplicate column by ALTER", "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN A int;", 2, 26,
         "duplicate column name \"A\""},
        {"duplicate key name", "CREATE TABLE t (a int, KEY k (a), KEY K (a));", 1, 35, "duplicate key name \"K\""},
        {"two primary keys", "CREATE TABLE t (a int PRIMARY KEY, b int, PRIMARY KEY (b));", 1, 43,
         "multiple primary keys"},
        {"key on a missing column", "CREATE TABLE t (a int, KEY k (b));", 1, 31, "key column \"b\" does not exist"},
        {"TEXT key without a length", "CREATE TABLE t (a text, KEY k (a));", 1, 32, "without a key length"},
        {"a prefix longer than the column", "CREATE TABLE t (a varchar(5), KEY k (a(6)));", 1, 38,
         "prefix is longer"},
        {"unknown type", "CREATE TABLE t (a integr);", 1, 19, "unknown data type \"integr\""},
        {"VARCHAR without a length", "CREATE TABLE t (a varchar);", 1, 19, "needs a length"},
        {"invalid default", "CREATE TABLE t (a int DEFAULT 'abc');", 1, 31, "invalid default value for column \"a\""},
        {"DEFAULT NULL on NOT NULL", "CREATE TABLE t (a int NOT NULL DEFAULT NULL);", 1, 40, "DEFAULT NULL"},
        {"NULL in a primary key", "CREATE TABLE t (a int NULL, PRIMARY KEY (a));", 1, 42, "must be NOT NULL"},
        {"two AUTO_INCREMENT columns", "CREATE TABLE t (a int AUTO_INCREMENT KEY, b int AUTO_INCREMENT UNIQUE);", 1, 14,
         "only one AUTO_INCREMENT"},
        {"AUTO_INCREMENT without a key", "CREATE TABLE t (a int AUTO_INCREMENT);", 1, 14, "must be defined as a key"},
        {"COLLATE of another character set", "CREATE TABLE t (a varchar(3) CHARACTER SET latin1 COLLATE utf8mb4_bin);",
         1, 17, "not valid for CHARACTER SET latin1"},
        {"TYPE=MyISAM (removed in 5.5)", "CREATE TABLE t (a int) TYPE=MyISAM;", 1, 24, "TYPE="},
        {"an unknown table option", "CREATE TABLE t (a int) FOO=1;", 1, 24, "unknown table option \"foo\""},
        {"foreign key to a missing table", "CREATE TABLE t (a int, FOREIGN KEY (a) REFERENCES missing (id));", 1, 40,
         "\"missing\" does not exist"},
        {"foreign key to an unindexed column",
         "CREATE TABLE p (id int, x int);\nCREATE TABLE c (a int, FOREIGN KEY (a) REFERENCES p (x));", 2, 40,
         "no index of \"p\""},
        {"duplicate foreign key name in the database",
         "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE a (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p "
         "(id));\nCREATE TABLE b (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));",
         3, 24, "duplicate foreign key constraint name \"fk\""},
        {"dropping a table a foreign key references",
         "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (id));\nDROP TABLE p;",
         3, 1, "cannot drop table \"p\""},
        {"dropping an index a foreign key needs",
         "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (id));\nDROP INDEX x "
         "ON c;",
         3, 12, "foreign key \"c_ibfk_1\" needs it"},
        {"dropping a column a foreign key uses",
         "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (x int, y int, FOREIGN KEY (x) REFERENCES p "
         "(id));\nALTER TABLE c DROP COLUMN x;",
         3, 15, "cannot drop column \"x\""},
        {"DROP of a missing table", "CREATE TABLE t (a int);\nDROP TABLE missing;", 2, 12, "table \"missing\" does not exist"},
        {"DROP of a missing column", "CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN nope;", 2, 15,
         "column \"nope\""},
        {"dropping the last column", "CREATE TABLE t (a int);\nALTER TABLE t DROP a;", 2, 15, "last column"},
        {"trigger on a missing table", "CREATE TRIGGER tr BEFORE INSERT ON missing FOR EACH ROW SET @a = 1;", 1, 36,
         "does not exist"},
        {"duplicate trigger", "CREATE TABLE t (a int);\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET @a = "
                              "1;\nCREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW SET @a = 1;",
         3, 16, "trigger \"tr\" already exists"},
        {"duplicate procedure", "CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE P() SELECT 2;", 2, 18,
         "procedure \"P\" already exists"},
        {"a broken block in a trigger",
         "CREATE TABLE t (a int);\nDELIMITER //\nCREATE TRIGGER tr AFTER UPDATE ON t FOR EACH ROW BEGIN\n  IF NEW.a "
         "THEN SET @x = 1;\n  ELSE IF OLD.a THEN SET @x = 2;\n  END IF;\nEND;\n//\n",
         7, 4, "syntax error"},
        {"a broken INSERT list", "INSERT INTO t VALUES\n('1'),\n('2');\n('3');", 4, 2,
         "syntax error at or near \"'3'\""},
        {"unknown database", "DROP DATABASE nope;", 1, 15, "database \"nope\" does not exist"},
        {"an unclosed versioned comment", "/*!40101 SET NAMES utf8;", 1, 1, "unterminated versioned comment"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        auto r = try_load(row.sql, {}, "bad.sql");
        ASSERT_FALSE(r.has_value());
        ASSERT_FALSE(r.error().diagnostics.empty());
        const model::Diagnostic& d = r.error().diagnostics[0];
        EXPECT_EQ(d.severity, model::Severity::error);
        ASSERT_TRUE(d.location.file != nullptr);
        EXPECT_EQ(*d.location.file, "bad.sql");
        EXPECT_EQ(d.location.line, row.line) << d.render();
        EXPECT_EQ(d.location.column, row.column) << d.render();
        EXPECT_NE(d.message.find(row.message_part), std::string::npos) << d.render();
        EXPECT_FALSE(d.source_line.empty());
    }
}

TEST(BadInput, RenderedWithTheLineAndACaret) {
    std::string e = error_of("CREATE TABLE a (id int);\ncreate tabel b (id int);");
    EXPECT_EQ(e, "bad.sql:2:8: error: syntax error at or near \"tabel\"\n  create tabel b (id int);\n         ^");
    std::string dup = error_of("CREATE TABLE t (a int);\nCREATE TABLE t (b int);");
    EXPECT_NE(dup.find("bad.sql:1:1: note: first defined here"), std::string::npos) << dup;
}

TEST(BadInput, StrictTurnsWarningsIntoErrors) {
    parser::LoadOptions strict;
    strict.unsupported = parser::UnsupportedPolicy::error;
    EXPECT_NE(error_of("CREATE TABLE t (a int);\nGRANT SELECT ON t TO 'u'@'%';", strict)
                  .find("bad.sql:2:1: error: GRANT is not modeled by schemerge (--strict)"),
              std::string::npos);
    EXPECT_NE(error_of("source other.sql", strict).find("bad.sql:1:1: error:"), std::string::npos);
    EXPECT_NE(error_of("CREATE TABLE t (a int) PARTITION BY HASH (a);\nALTER TABLE t ADD PARTITION PARTITIONS 2;",
                       strict)
                  .find("bad.sql:2:15: error: ALTER TABLE ... ADD PARTITION"),
              std::string::npos);
    EXPECT_NE(error_of("CREATE TABLE t SELECT 1 AS a;", strict).find("CREATE TABLE ... SELECT"), std::string::npos);
    // The same inputs only warn without --strict.
    auto lenient = try_load("CREATE TABLE t (a int);\nGRANT SELECT ON t TO 'u'@'%';");
    ASSERT_TRUE(lenient.has_value());
    EXPECT_EQ(lenient->stats.unsupported, 1U);
    ASSERT_EQ(lenient->diagnostics.size(), 1U);
    EXPECT_EQ(lenient->diagnostics[0].severity, model::Severity::warning);
    EXPECT_EQ(lenient->schema.opaque.size(), 1U);
}

TEST(BadInput, GarbageNeverCrashes) {
    for (const char* sql : {"(((((", ")))", "CREATE", "CREATE TABLE", "ALTER TABLE t ADD", "DELIMITER ;;\n;;;;",
                            "/*!", "`", "'", "\"", "-- ", "#", "\\", "\\q", "CREATE TABLE t (a int) PARTITION BY",
                            "CREATE TRIGGER", "BEGIN", "END", "CREATE PROCEDURE p() BEGIN", "SET", "USE",
                            "CREATE TABLE t (a enum())", "CREATE TABLE t (a int DEFAULT)", "ALTER TABLE t RENAME",
                            "\x01\x02", "CREATE TABLE t (a int) ENGINE=", "CREATE VIEW v AS", "x"}) {
        auto r = try_load(sql);
        if (!r) {
            EXPECT_FALSE(r.error().diagnostics.empty()) << sql;
        }
    }
}

TEST(BadInput, Events) {
    // Each clause of CREATE / ALTER EVENT is checked; the error points at the clause.
    EXPECT_EQ(error_of("CREATE EVENT e ON SCHEDULE SOMETIMES DO SELECT 1;"),
              "bad.sql:1:28: error: ON SCHEDULE must be followed by AT or EVERY\n"
              "  CREATE EVENT e ON SCHEDULE SOMETIMES DO SELECT 1;\n"
              "                             ^");
    EXPECT_NE(error_of("CREATE EVENT e ON SCHEDULE EVERY DO SELECT 1;").find("bad.sql:1:16: error: ON SCHEDULE has no time or interval"),
              std::string::npos);
    EXPECT_NE(error_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY ON COMPLETION KEEP DO SELECT 1;")
                  .find("bad.sql:1:54: error: ON COMPLETION must be [NOT] PRESERVE"),
              std::string::npos);
    EXPECT_NE(error_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY COMMENT 42 DO SELECT 1;")
                  .find("bad.sql:1:48: error: COMMENT must be followed by a string"),
              std::string::npos);
    EXPECT_NE(error_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE ON MASTER DO SELECT 1;")
                  .find("bad.sql:1:48: error: DISABLE ON must be followed by SLAVE"),
              std::string::npos);
    EXPECT_NE(error_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY ENABLE DISABLE DO SELECT 1;")
                  .find("bad.sql:1:47: error: ENABLE / DISABLE given twice for event \"e\""),
              std::string::npos);
    EXPECT_NE(error_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY RENAME TO f DO SELECT 1;")
                  .find("bad.sql:1:40: error: unexpected \"RENAME\" in CREATE EVENT"),
              std::string::npos);
    EXPECT_NE(error_of("ALTER EVENT missing ENABLE;").find("bad.sql:1:13: error: event \"missing\" does not exist"),
              std::string::npos);
    EXPECT_NE(error_of("DROP EVENT missing;").find("bad.sql:1:12: error: event \"missing\" does not exist"),
              std::string::npos);
    std::string twice = error_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1;\n"
                                 "CREATE EVENT e ON SCHEDULE EVERY 2 DAY DO SELECT 2;");
    EXPECT_NE(twice.find("bad.sql:2:14: error: event \"e\" already exists"), std::string::npos) << twice;
    EXPECT_NE(twice.find("bad.sql:1:1: note: first defined here"), std::string::npos) << twice;
    EXPECT_NE(error_of("CREATE EVENT a ON SCHEDULE EVERY 1 DAY DO SELECT 1;\n"
                       "CREATE EVENT b ON SCHEDULE EVERY 1 DAY DO SELECT 1;\nALTER EVENT a RENAME TO b;")
                  .find("bad.sql:3:25: error: event \"b\" already exists"),
              std::string::npos);
}

}  // namespace
}  // namespace schemerge::test::mysql
