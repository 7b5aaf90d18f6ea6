#include "plan_test_support.hpp"

namespace schemerge::test::mysql_synth {
namespace {

TEST(MysqlSchemaEmitter, TablesInForeignKeyOrderWithEveryAttribute) {
    model::Schema s = load(
        "CREATE TABLE z (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(20) CHARACTER SET latin1 "
        "COLLATE latin1_bin NOT NULL DEFAULT 'x' COMMENT 'the name', ts timestamp NOT NULL DEFAULT "
        "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, UNIQUE KEY uq_name (name(10)), CONSTRAINT chk CHECK (id > 0)) "
        "DEFAULT CHARSET=utf8mb4 COMMENT='t';\n"
        "CREATE TABLE a (id int PRIMARY KEY, z_id int, CONSTRAINT fk_a_z FOREIGN KEY (z_id) REFERENCES z (id) "
        "ON DELETE CASCADE) ENGINE=MyISAM;\n");
    EXPECT_EQ(synth::mysql::emit_schema(s),
              "-- schemerge canonical schema (MySQL / MariaDB)\n"
              "\n"
              "CREATE TABLE z (\n"
              "  id int NOT NULL AUTO_INCREMENT,\n"
              "  name varchar(20) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL DEFAULT 'x' COMMENT 'the name',\n"
              "  ts timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n"
              "  PRIMARY KEY (id),\n"
              "  UNIQUE KEY uq_name (name(10)),\n"
              "  CONSTRAINT chk CHECK (id > 0)\n"
              ") DEFAULT CHARSET=utf8mb4 COMMENT='t';\n"
              "\n"
              "CREATE TABLE a (\n"
              "  id int NOT NULL,\n"
              "  z_id int,\n"
              "  PRIMARY KEY (id),\n"
              "  KEY fk_a_z (z_id),\n"
              "  CONSTRAINT fk_a_z FOREIGN KEY (z_id) REFERENCES z (id) ON DELETE CASCADE\n"
              ") ENGINE=MyISAM;\n");
}

TEST(MysqlSchemaEmitter, ForeignKeyCycleIsAddedAfterTheTables) {
    model::Schema s = load(
        "CREATE TABLE x (id int PRIMARY KEY, y_id int);\n"
        "CREATE TABLE y (id int PRIMARY KEY, x_id int, CONSTRAINT fk_y_x FOREIGN KEY (x_id) REFERENCES x (id));\n"
        "ALTER TABLE x ADD CONSTRAINT fk_x_y FOREIGN KEY (y_id) REFERENCES y (id);\n");
    std::string out = synth::mysql::emit_schema(s);
    EXPECT_NE(out.find("CREATE TABLE x (\n  id int NOT NULL,\n  y_id int,\n  PRIMARY KEY (id),\n  KEY fk_x_y (y_id)\n);"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("ALTER TABLE x ADD CONSTRAINT fk_x_y FOREIGN KEY (y_id) REFERENCES y (id);"), std::string::npos)
        << out;
    EXPECT_LT(out.find("CREATE TABLE y"), out.find("ALTER TABLE x ADD"));
}

TEST(MysqlSchemaEmitter, ViewsInDependencyOrderRoutinesAndTriggersWithDelimiters) {
    // a_view reads z_view: z_view comes first whatever the names say.
    model::Schema ok = load(
        "CREATE TABLE t (id int PRIMARY KEY, v int);\n"
        "CREATE VIEW z_view AS SELECT id, v FROM t;\n"
        "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW a_view AS SELECT id FROM z_view WITH CASCADED CHECK OPTION;\n"
        "DELIMITER ;;\n"
        "CREATE PROCEDURE p(IN x int, OUT y int) BEGIN SET y = x; END;;\n"
        "CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.v = 1;;\n"
        "DELIMITER ;\n");
    EXPECT_EQ(synth::mysql::emit_schema(ok),
              "-- schemerge canonical schema (MySQL / MariaDB)\n"
              "\n"
              "CREATE TABLE t (\n"
              "  id int NOT NULL,\n"
              "  v int,\n"
              "  PRIMARY KEY (id)\n"
              ");\n"
              "\n"
              "DELIMITER ;;\n"
              "CREATE PROCEDURE p(IN x int, OUT y int)\n"
              "BEGIN SET y = x; END;;\n"
              "DELIMITER ;\n"
              "\n"
              "CREATE VIEW z_view AS SELECT id, v FROM t;\n"
              "\n"
              "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW a_view AS SELECT id FROM z_view WITH CASCADED CHECK "
              "OPTION;\n"
              "\n"
              "CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW\n"
              "SET NEW.v = 1;\n");
}

}  // namespace
}  // namespace schemerge::test::mysql_synth

namespace schemerge::test::mysql_synth {
namespace {

TEST(MysqlSchemaEmitter, TriggerFollowingAnotherComesAfterIt) {
    model::Schema s = load(
        "CREATE TABLE t (id int PRIMARY KEY, v int);\n"
        "CREATE TRIGGER z_first BEFORE INSERT ON t FOR EACH ROW SET NEW.v = 1;\n"
        "CREATE TRIGGER a_second BEFORE INSERT ON t FOR EACH ROW FOLLOWS z_first SET NEW.v = NEW.v + 1;\n");
    std::string out = synth::mysql::emit_schema(s);
    ASSERT_NE(out.find("FOLLOWS z_first"), std::string::npos) << out;
    EXPECT_LT(out.find("CREATE TRIGGER z_first"), out.find("CREATE TRIGGER a_second")) << out;
}

}  // namespace
}  // namespace schemerge::test::mysql_synth
