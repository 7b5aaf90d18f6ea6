#include "plan_test_support.hpp"

namespace schemerge::test::mysql_synth {
namespace {

TEST(MysqlPlanTables, ForeignKeysDroppedFirstAndAddedLast) {
    auto p = plan(
        "CREATE TABLE a (id int PRIMARY KEY, code int);\n"
        "CREATE TABLE b (id int PRIMARY KEY, a_id int, CONSTRAINT fk1 FOREIGN KEY (a_id) REFERENCES a (id));\n",
        "CREATE TABLE a (id int PRIMARY KEY, code int, UNIQUE KEY uq_code (code));\n"
        // fk2 uses the index fk1 (the one MySQL made for fk1 and new.sql declares).
        "CREATE TABLE b (id int PRIMARY KEY, a_id int, KEY fk1 (a_id), CONSTRAINT fk2 FOREIGN KEY (a_id) REFERENCES "
        "a (code));\n");
    EXPECT_EQ(statements(p.plan),
              "ALTER TABLE b\n"
              "  DROP FOREIGN KEY fk1;\n"
              "ALTER TABLE a\n"
              "  ADD UNIQUE KEY uq_code (code);\n"
              "ALTER TABLE b\n"
              "  ADD CONSTRAINT fk2 FOREIGN KEY (a_id) REFERENCES a (code);\n");
}

TEST(MysqlPlanTables, CreatedTablesInForeignKeyOrderAndDroppedChildFirst) {
    auto p = plan(
        "CREATE TABLE p (id int PRIMARY KEY);\n"
        "CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT fk_c FOREIGN KEY (p_id) REFERENCES p (id));\n",
        "CREATE TABLE n2 (id int PRIMARY KEY);\n"
        "CREATE TABLE n1 (id int PRIMARY KEY, n2_id int, CONSTRAINT fk_n FOREIGN KEY (n2_id) REFERENCES n2 (id));\n");
    EXPECT_EQ(statements(p.plan),
              "DROP TABLE c;\n"
              "DROP TABLE p;\n"
              "CREATE TABLE n2 (\n  id int NOT NULL,\n  PRIMARY KEY (id)\n);\n"
              "CREATE TABLE n1 (\n  id int NOT NULL,\n  n2_id int,\n  PRIMARY KEY (id),\n  KEY fk_n (n2_id),\n"
              "  CONSTRAINT fk_n FOREIGN KEY (n2_id) REFERENCES n2 (id)\n);\n");
}

TEST(MysqlPlanTables, TableOptionsAndCharsetConversion) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, s varchar(10)) ENGINE=MyISAM DEFAULT CHARSET=latin1;",
                  "CREATE TABLE t (id int PRIMARY KEY, s varchar(10)) DEFAULT CHARSET=utf8mb4 ROW_FORMAT=COMPRESSED "
                  "COMMENT='c';");
    EXPECT_EQ(statements(p.plan),
              "ALTER TABLE t\n"
              "  MODIFY COLUMN s varchar(10),\n"
              "  ENGINE=InnoDB,\n"
              "  DEFAULT CHARSET=utf8mb4,\n"
              "  ROW_FORMAT=COMPRESSED,\n"
              "  COMMENT='c';\n");
    std::string h = hazards(p.plan);
    EXPECT_NE(h.find("copy-algorithm: ENGINE= needs ALGORITHM=COPY"), std::string::npos) << h;
    EXPECT_NE(h.find("data-loss: column t.s moves to character set utf8mb4"), std::string::npos) << h;
}

TEST(MysqlPlanTables, DefaultOnlyChangesUseAlterColumn) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT 1, b int DEFAULT 2);",
                  "CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT 5, b int);");
    EXPECT_EQ(statements(p.plan),
              "ALTER TABLE t\n"
              "  ALTER COLUMN a SET DEFAULT '5',\n"
              "  ALTER COLUMN b DROP DEFAULT;\n");
    EXPECT_EQ(hazards(p.plan), "");
}

TEST(MysqlPlanTables, NarrowingIsDataLoss) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, a varchar(20), b bigint);",
                  "CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int);");
    std::string h = hazards(p.plan);
    EXPECT_NE(h.find("data-loss: column t.a: varchar(20) -> varchar(10) can truncate"), std::string::npos) << h;
    EXPECT_NE(h.find("data-loss: column t.b: bigint -> int can truncate"), std::string::npos) << h;
}

TEST(MysqlPlanTables, ColumnPositionsFollowTheTarget) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, z int);",
                  "CREATE TABLE t (first_one int, id int PRIMARY KEY, middle int, z int, last_one int);");
    EXPECT_EQ(statements(p.plan),
              "ALTER TABLE t\n"
              "  ADD COLUMN first_one int FIRST,\n"
              "  ADD COLUMN middle int AFTER id,\n"
              "  ADD COLUMN last_one int;\n");
}

TEST(MysqlPlanTables, OnlineAsksForInplaceOrNamesTheTool) {
    synth::PlanOptions online;
    online.locks = synth::LockStrategy::online;
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, a int); CREATE TABLE u (id int PRIMARY KEY, a int);",
                  "CREATE TABLE t (id int PRIMARY KEY, a int, KEY ia (a)); CREATE TABLE u (id int PRIMARY KEY, a "
                  "bigint);",
                  online);
    EXPECT_EQ(statements(p.plan),
              "ALTER TABLE t\n"
              "  ADD KEY ia (a),\n"
              "  ALGORITHM=INPLACE, LOCK=NONE;\n"
              "ALTER TABLE u\n"
              "  MODIFY COLUMN a bigint;\n");
    ASSERT_EQ(p.plan.notes.size(), 2u);
    EXPECT_NE(p.plan.notes[1].find("ALTER TABLE u needs ALGORITHM=COPY"), std::string::npos) << p.plan.notes[1];
    EXPECT_NE(p.plan.notes[1].find("gh-ost"), std::string::npos);
}

TEST(MysqlPlanTables, EveryStepCommitsOnItsOwn) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY);", "CREATE TABLE t (id int PRIMARY KEY, a int);");
    EXPECT_FALSE(p.plan.transactional_ddl);
    ASSERT_FALSE(p.plan.steps.empty());
    EXPECT_FALSE(p.plan.steps.front().transactional);
    EXPECT_EQ(p.plan.notes.front(), synth::k_autocommit_note);
}

}  // namespace
}  // namespace schemerge::test::mysql_synth

namespace schemerge::test::mysql_synth {
namespace {

TEST(MysqlPlanTables, KeptColumnsInAnotherOrderMove) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, d int);",
                  "CREATE TABLE t (id int PRIMARY KEY, c int, a int, b int, e int, d int);");
    EXPECT_EQ(statements(p.plan),
              "ALTER TABLE t\n"
              "  MODIFY COLUMN c int AFTER id,\n"
              "  ADD COLUMN e int AFTER b;\n");
    EXPECT_NE(hazards(p.plan).find("table-rewrite: moving column t.c rebuilds the table"), std::string::npos);
}

}  // namespace
}  // namespace schemerge::test::mysql_synth
