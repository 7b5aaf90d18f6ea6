#include "plan_test_support.hpp"

#include "synth/mysql/hazards.hpp"

namespace schemerge::test::mysql_synth {
namespace {

TEST(MysqlPlanObjects, ViewReadingADroppedColumnIsRecreatedAroundTheAlter) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, a int, b int);\n"
                  "CREATE VIEW v AS SELECT id, a FROM t;\n"
                  "CREATE VIEW w AS SELECT id FROM t;\n",
                  "CREATE TABLE t (id int PRIMARY KEY, b int);\n"
                  "CREATE VIEW v AS SELECT id, b FROM t;\n"
                  "CREATE VIEW w AS SELECT id, 1 AS one FROM t;\n");
    // v reads t whose column a is dropped: dropped before, created after. w too (it reads t).
    EXPECT_EQ(statements(p.plan),
              "DROP VIEW v;\n"
              "DROP VIEW w;\n"
              "ALTER TABLE t\n"
              "  DROP COLUMN a;\n"
              "CREATE VIEW v AS SELECT id, b FROM t;\n"
              "CREATE VIEW w AS SELECT id, 1 AS one FROM t;\n");
}

TEST(MysqlPlanObjects, ViewChangedAloneIsReplacedInPlace) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, a int);\nCREATE VIEW v AS SELECT id FROM t;\n",
                  "CREATE TABLE t (id int PRIMARY KEY, a int);\nCREATE VIEW v AS SELECT id, a FROM t;\n"
                  "CREATE VIEW v2 AS SELECT a FROM v;\n");
    EXPECT_EQ(statements(p.plan),
              "CREATE OR REPLACE VIEW v AS SELECT id, a FROM t;\n"
              "CREATE VIEW v2 AS SELECT a FROM v;\n");
}

TEST(MysqlPlanObjects, RoutinesAreDroppedAndCreated) {
    auto p = plan("CREATE FUNCTION f(x int) RETURNS int DETERMINISTIC RETURN x;\n",
                  "CREATE FUNCTION f(x int) RETURNS int DETERMINISTIC RETURN x + 1;\n");
    EXPECT_EQ(statements(p.plan),
              "DROP FUNCTION f;\n"
              "CREATE FUNCTION f(x int) RETURNS int\n    DETERMINISTIC\nRETURN x + 1;\n");
    ASSERT_FALSE(p.plan.steps.empty());
    ASSERT_EQ(p.plan.steps[0].hazards.size(), 1u);
    EXPECT_EQ(p.plan.steps[0].hazards[0].id, synth::mysql::hazard::k_recreated_non_atomically);
}

TEST(MysqlPlanObjects, EventsAreAlteredInOneStatementCreatedAndDropped) {
    auto p = plan("CREATE TABLE t (a int);\n"
                  "CREATE EVENT keep ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\n"
                  "CREATE EVENT changed ON SCHEDULE EVERY 1 DAY COMMENT 'old' DO DELETE FROM t;\n"
                  "CREATE EVENT gone ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\n"
                  "CREATE EVENT described ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\n",
                  "CREATE TABLE t (a int);\n"
                  "CREATE EVENT keep ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;\n"
                  "CREATE EVENT changed ON SCHEDULE EVERY 2 HOUR ON COMPLETION PRESERVE DISABLE DO DELETE FROM t;\n"
                  "CREATE EVENT added ON SCHEDULE EVERY 1 WEEK COMMENT 'new' DO UPDATE t SET a = 0;\n"
                  "CREATE EVENT described ON SCHEDULE EVERY 1 DAY COMMENT 'now with a comment' DO DELETE FROM t;\n");
    // A changed event: ALTER EVENT naming every clause (what it does not name it keeps), no
    // moment without the event; a comment alone: ALTER EVENT ... COMMENT.
    EXPECT_EQ(statements(p.plan),
              "DROP EVENT gone;\n"
              "CREATE EVENT added\n    ON SCHEDULE EVERY 1 WEEK\n    COMMENT 'new'\nDO UPDATE t SET a = 0;\n"
              "ALTER EVENT changed\n    ON SCHEDULE EVERY 2 HOUR\n    ON COMPLETION PRESERVE\n    DISABLE\n"
              "    COMMENT ''\nDO DELETE FROM t;\n"
              "ALTER EVENT described COMMENT 'now with a comment';\n");
    EXPECT_EQ(hazards(p.plan), "");
    // The dump writes an event like CREATE EVENT in the plan.
    EXPECT_NE(synth::mysql::emit_schema(p.to, {}).find("CREATE EVENT keep\n    ON SCHEDULE EVERY 1 DAY\nDO DELETE FROM t;"),
              std::string::npos);
}

TEST(MysqlPlanObjects, TriggersDroppedFirstCreatedLast) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, v int);\n"
                  "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.v = 1;\n",
                  "CREATE TABLE t (id int PRIMARY KEY, v int, w int);\n"
                  "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.w = NEW.v;\n");
    EXPECT_EQ(statements(p.plan),
              "DROP TRIGGER tr;\n"
              "ALTER TABLE t\n"
              "  ADD COLUMN w int;\n"
              "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW\nSET NEW.w = NEW.v;\n");
}

TEST(MysqlPlanRender, DelimiterOnlyAroundBodiesWithSemicolons) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY);\n",
                  "CREATE TABLE t (id int PRIMARY KEY);\n"
                  "DELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END;;\nDELIMITER ;\n");
    EXPECT_EQ(synth::mysql::render_sql(p.plan),
              "-- schemerge migration plan (MySQL / MariaDB)\n"
              "-- note: the engine cannot run DDL in a transaction: each step commits on its own, and if one fails "
              "the steps before it stay applied\n"
              "\n"
              "-- each step commits on its own:\n"
              "\n"
              "-- create procedure p()\n"
              "DELIMITER ;;\n"
              "CREATE PROCEDURE p()\n"
              "BEGIN SELECT 1; SELECT 2; END;;\n"
              "DELIMITER ;\n");
}

TEST(MysqlPlanRender, IdenticalSchemasSaySo) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY);", "CREATE TABLE t (id int PRIMARY KEY);");
    EXPECT_TRUE(p.plan.empty());
    EXPECT_NE(synth::mysql::render_sql(p.plan).find("The schemas are identical"), std::string::npos);
}

}  // namespace
}  // namespace schemerge::test::mysql_synth
