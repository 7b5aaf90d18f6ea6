// The grammar and lexer (grammars/mysql) through ChunkParser: identifiers, literals,
// comments, statement kinds, errors.
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "parser/mysql/syntax.hpp"

namespace schemerge::test::mysql {
namespace {

using parser::mysql::ChunkParser;
using parser::mysql::ParsedChunk;
namespace ast = parser::mysql::ast;

ParsedChunk parse(const std::string& text) {
    static ChunkParser parser;
    return parser.parse(text);
}

const ast::CreateTable& create_table(const ParsedChunk& p, std::size_t i = 0) {
    return std::get<ast::CreateTable>(p.statements.at(i).body);
}

TEST(Syntax, IdentifiersBareQuotedAndKeywords) {
    ParsedChunk p = parse("CREATE TABLE `my``table` (comment int, `select` int, data text, 1abc int, `a b` int, "
                          "status varchar(3), engine int, $x int)");
    ASSERT_FALSE(p.error) << p.error->message;
    const auto& t = create_table(p);
    EXPECT_EQ(t.name.name, "my`table");
    ASSERT_EQ(t.columns.size(), 8U);
    EXPECT_EQ(t.columns[0].name, "comment");  // non-reserved keywords are names
    EXPECT_EQ(t.columns[1].name, "select");   // a reserved word, quoted
    EXPECT_EQ(t.columns[3].name, "1abc");     // names may begin with a digit
    EXPECT_EQ(t.columns[4].name, "a b");
    EXPECT_EQ(t.columns[7].name, "$x");
}

TEST(Syntax, ReservedWordsAreNotNames) {
    for (const char* sql : {"CREATE TABLE order (a int)", "CREATE TABLE t (a int, select int)", "CREATE TABLE t (a int, key int)",
                            "CREATE TABLE t (a int, group varchar(3))"}) {
        ParsedChunk p = parse(sql);
        EXPECT_TRUE(p.error.has_value()) << sql;
    }
}

TEST(Syntax, StringLiteralsAndEscapes) {
    EXPECT_EQ(parser::mysql::unescape_string("'it''s'"), "it's");
    EXPECT_EQ(parser::mysql::unescape_string("'it\\'s'"), "it's");
    EXPECT_EQ(parser::mysql::unescape_string("\"a\"\"b\""), "a\"b");
    EXPECT_EQ(parser::mysql::unescape_string("'a\\nb\\tc\\\\d\\%'"), "a\nb\tc\\d\\%");
    EXPECT_EQ(parser::mysql::unescape_string("_utf8mb4'x'"), "x");
    EXPECT_EQ(parser::mysql::unescape_string("N'x'"), "x");
    EXPECT_EQ(parser::mysql::unescape_string("'a' 'b'"), "ab");
    EXPECT_EQ(parser::mysql::unquote_identifier("`a``b`"), "a`b");
    ParsedChunk p = parse("CREATE TABLE t (a varchar(9) DEFAULT _utf8mb4'x' COMMENT 'one' \"two\", "
                          "b bit(8) DEFAULT b'101', c binary(2) DEFAULT x'4142', d int DEFAULT 0x10, e int DEFAULT -1.5e3)");
    ASSERT_FALSE(p.error) << p.error->message;
    const auto& t = create_table(p);
    EXPECT_EQ(t.columns[0].default_value->text, "x");
    EXPECT_EQ(t.columns[0].default_value->introducer, "_utf8mb4");
    EXPECT_EQ(*t.columns[0].comment, "onetwo");
    EXPECT_EQ(t.columns[1].default_value->kind, ast::DefaultValue::Kind::bit);
    EXPECT_EQ(t.columns[1].default_value->text, "101");
    EXPECT_EQ(t.columns[2].default_value->kind, ast::DefaultValue::Kind::hex);
    EXPECT_EQ(t.columns[2].default_value->text, "4142");
    EXPECT_EQ(t.columns[3].default_value->text, "10");
    EXPECT_EQ(t.columns[4].default_value->text, "-1.5e3");
}

TEST(Syntax, CommentsAreSkipped) {
    // `--` needs a space after it; `1--1` is an expression.
    ParsedChunk p = parse("CREATE TABLE t ( -- a comment\n a int, # another\n b int /* c */ DEFAULT (1--1))");
    ASSERT_FALSE(p.error) << p.error->message;
    ASSERT_EQ(create_table(p).columns.size(), 2U);
    EXPECT_EQ(create_table(p).columns[1].default_value->kind, ast::DefaultValue::Kind::expression);
}

TEST(Syntax, SeveralStatementsInOneChunk) {
    ParsedChunk p = parse("DROP TRIGGER IF EXISTS x; CREATE TRIGGER x AFTER INSERT ON t FOR EACH ROW BEGIN "
                          "UPDATE u SET n = n + 1; IF NEW.a THEN SET @b = CASE WHEN 1 THEN 2 END; END IF; END;");
    ASSERT_FALSE(p.error) << p.error->message;
    ASSERT_EQ(p.statements.size(), 2U);
    EXPECT_TRUE(std::holds_alternative<ast::DropTrigger>(p.statements[0].body));
    const auto& trigger = std::get<ast::CreateTrigger>(p.statements[1].body);
    EXPECT_EQ(trigger.body.text.substr(0, 5), "BEGIN");
    EXPECT_TRUE(trigger.body.text.ends_with("END"));
    EXPECT_EQ(trigger.body.statements.size(), 3U);  // UPDATE, the IF condition, SET
}

TEST(Syntax, UnmodeledStatementsAreRecognized) {
    struct Row {
        const char* sql;
        const char* kind;
    };
    for (const Row& row : std::initializer_list<Row>{
             {"INSERT INTO t VALUES (1, 'a;b')", "INSERT"},
             {"LOCK TABLES t WRITE", "LOCK TABLES"},
             {"UNLOCK TABLES", "UNLOCK TABLES"},
             {"SELECT 1", "SELECT"},
             {"(SELECT 1)", "SELECT"},
             {"TRUNCATE TABLE t", "TRUNCATE"},
             {"START TRANSACTION", "START"},
             {"COMMIT", "COMMIT"},
             {"ANALYZE TABLE t", "ANALYZE"},
             {"FLUSH PRIVILEGES", "FLUSH"}}) {
        ParsedChunk p = parse(row.sql);
        ASSERT_FALSE(p.error) << row.sql << ": " << p.error->message;
        ASSERT_EQ(p.statements.size(), 1U);
        ASSERT_TRUE(std::holds_alternative<ast::Skipped>(p.statements[0].body)) << row.sql;
        EXPECT_EQ(std::get<ast::Skipped>(p.statements[0].body).kind, row.kind);
    }
    for (const char* sql : {"GRANT SELECT ON db.* TO 'u'@'%'", "CREATE USER 'u'@'%' IDENTIFIED BY 'x'",
                            "CREATE SEQUENCE s START WITH 1", "CREATE FUNCTION f RETURNS STRING SONAME 'f.so'"}) {
        ParsedChunk p = parse(sql);
        ASSERT_FALSE(p.error) << sql << ": " << p.error->message;
        EXPECT_TRUE(std::holds_alternative<ast::Unmodeled>(p.statements[0].body)) << sql;
    }
    EXPECT_TRUE(std::holds_alternative<ast::Set>(parse("SET FOREIGN_KEY_CHECKS = 0").statements.at(0).body));
}

TEST(Syntax, ErrorsNameTheTokenAndItsPlace) {
    struct Row {
        std::string sql;
        std::size_t offset;
        std::string message;
    };
    for (const Row& row : std::initializer_list<Row>{
             {"create tabel b (id int)", 7, "syntax error at or near \"tabel\""},
             {"CREATE TABLE t (a int,, b int)", 22, "syntax error at or near \",\""},
             {"CREATE TABLE t (a int", 21, "syntax error at end of statement"},
             {"CREATE TABLE t (a varchar(3) DEFAULT 'abc)", 37, "unterminated quoted string"},
             {"CREATE TABLE `t (a int)", 13, "unterminated quoted identifier"},
             {"CREATE TABLE t (a int) /* open", 23, "unterminated /* comment"},
             {"CREATE TABLE t (a int) ENGINE=InnoDB \x01", 37, "unexpected character"},
             {"CREATE TABLE \xc3\xa9t\xc3\xa9 (a int,, b int)", 26, "syntax error at or near \",\""},
         }) {
        ParsedChunk p = parse(row.sql);
        ASSERT_TRUE(p.error.has_value()) << row.sql;
        EXPECT_EQ(p.error->offset, row.offset) << row.sql;
        EXPECT_NE(p.error->message.find(row.message), std::string::npos) << row.sql << ": " << p.error->message;
    }
}

TEST(Syntax, TypesAndAttributes) {
    ParsedChunk p = parse(
        "CREATE TABLE t (a int(11) unsigned zerofill NOT NULL AUTO_INCREMENT, b double precision, "
        "c national char(3), d long varchar, e enum('x','y''z') CHARACTER SET latin1 COLLATE latin1_bin, "
        "f timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE now(3), "
        "g int GENERATED ALWAYS AS (a + 1) STORED INVISIBLE, h point NOT NULL SRID 4326, "
        "i varchar(5) CHAR SET utf8 BINARY, PRIMARY KEY (a), FULLTEXT KEY ft (i) WITH PARSER ngram, "
        "KEY k (c(2) DESC, (a * 2)) USING BTREE COMMENT 'x' INVISIBLE, "
        "CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE ON UPDATE SET NULL, "
        "CONSTRAINT ck CHECK (a > 0) NOT ENFORCED) ENGINE=MyISAM, DEFAULT CHARSET=utf8mb4 "
        "ROW_FORMAT=DYNAMIC AUTO_INCREMENT=5 COMMENT='hi' PARTITION BY HASH (a) PARTITIONS 4");
    ASSERT_FALSE(p.error) << p.error->message;
    const auto& t = create_table(p);
    ASSERT_EQ(t.columns.size(), 9U);
    EXPECT_EQ(t.columns[0].type.name, "int");
    EXPECT_TRUE(t.columns[0].type.zerofill);
    EXPECT_EQ(t.columns[1].type.name, "double precision");
    EXPECT_EQ(t.columns[2].type.name, "national char");
    EXPECT_EQ(t.columns[3].type.name, "long varchar");
    EXPECT_EQ(t.columns[4].type.args, (std::vector<std::string>{"x", "y'z"}));
    EXPECT_EQ(t.columns[4].type.charset, "latin1");
    EXPECT_EQ(t.columns[4].collation, "latin1_bin");
    EXPECT_EQ(t.columns[5].default_value->kind, ast::DefaultValue::Kind::now);
    EXPECT_EQ(t.columns[5].on_update->text, "3");
    EXPECT_TRUE(t.columns[6].stored);
    EXPECT_EQ(*t.columns[7].srid, 4326);
    EXPECT_TRUE(t.columns[8].type.binary);
    ASSERT_EQ(t.keys.size(), 5U);
    EXPECT_EQ(t.keys[1].parser, "ngram");
    EXPECT_TRUE(t.keys[2].parts[0].desc);
    EXPECT_EQ(*t.keys[2].parts[0].length, 2);
    EXPECT_FALSE(t.keys[2].parts[1].expression.tokens.empty());
    EXPECT_EQ(t.keys[3].references.on_delete, "CASCADE");
    EXPECT_EQ(t.keys[3].references.on_update, "SET NULL");
    EXPECT_FALSE(*t.keys[4].enforced);
    ASSERT_EQ(t.options.size(), 5U);
    ASSERT_TRUE(t.partition.has_value());
}

TEST(Syntax, AlterTableActions) {
    ParsedChunk p = parse("ALTER TABLE t ADD COLUMN x int AFTER a, ADD (y int, z int), DROP COLUMN w, "
                          "MODIFY a bigint FIRST, CHANGE b c varchar(3), RENAME COLUMN c TO d, RENAME INDEX i TO j, "
                          "ALTER COLUMN x SET DEFAULT 5, ADD UNIQUE KEY u (x), DROP FOREIGN KEY f, DROP PRIMARY KEY, "
                          "ENGINE=InnoDB, ALGORITHM=INPLACE, LOCK=NONE, RENAME TO t2");
    ASSERT_FALSE(p.error) << p.error->message;
    const auto& a = std::get<ast::AlterTable>(p.statements[0].body);
    ASSERT_EQ(a.actions.size(), 16U);
    EXPECT_EQ(a.actions[0].after, "a");
    EXPECT_EQ(a.actions[2].column.name, "z");  // ADD (y, z): one action per column
    EXPECT_TRUE(a.actions[4].first);
    EXPECT_EQ(a.actions[15].new_table.name, "t2");
}

TEST(Syntax, RoutinesViewsEvents) {
    ParsedChunk p = parse(
        "CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN a INT, OUT b VARCHAR(10)) COMMENT 'x' SQL SECURITY INVOKER "
        "l1: BEGIN DECLARE c INT DEFAULT 0; DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; END; "
        "WHILE c < a DO SET c = c + 1; END WHILE; REPEAT SET c = c - 1; UNTIL c = 0 END REPEAT; "
        "lp: LOOP LEAVE lp; END LOOP lp; CASE a WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE; END l1");
    ASSERT_FALSE(p.error) << p.error->message;
    const auto& r = std::get<ast::CreateRoutine>(p.statements[0].body);
    EXPECT_EQ(r.definer, "root@localhost");
    EXPECT_EQ(r.parameters.size(), 2U);
    EXPECT_EQ(r.characteristics.sql_security, "INVOKER");
    ParsedChunk v = parse("CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v (a) AS SELECT x FROM t "
                          "WITH LOCAL CHECK OPTION");
    ASSERT_FALSE(v.error) << v.error->message;
    const auto& view = std::get<ast::CreateView>(v.statements[0].body);
    EXPECT_EQ(view.check_option, "LOCAL");
    EXPECT_EQ(view.query.back().text, "t");
    ParsedChunk e = parse("CREATE EVENT IF NOT EXISTS e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t");
    ASSERT_FALSE(e.error) << e.error->message;
    EXPECT_TRUE(std::holds_alternative<ast::Event>(e.statements[0].body));
    ParsedChunk f = parse("CREATE FUNCTION f(a INT) RETURNS varchar(10) CHARSET utf8mb4 DETERMINISTIC RETURN CONCAT('x', a)");
    ASSERT_FALSE(f.error) << f.error->message;
    EXPECT_EQ(std::get<ast::CreateRoutine>(f.statements[0].body).returns->charset, "utf8mb4");
}

TEST(Syntax, BrokenBlocksAreErrors) {
    // ELSE IF opens a second IF that needs its own END IF.
    ParsedChunk p = parse("CREATE TRIGGER t AFTER UPDATE ON x FOR EACH ROW BEGIN IF a THEN SET b = 1; "
                          "ELSE IF c THEN SET b = 2; END IF; END");
    EXPECT_TRUE(p.error.has_value());
}

}  // namespace
}  // namespace schemerge::test::mysql
