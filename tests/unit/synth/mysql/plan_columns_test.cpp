#include "plan_test_support.hpp"

namespace schemerge::test::mysql_synth {
namespace {

TEST(MysqlPlanColumns, AddDropModifyInOneAlter) {
    auto p = plan("CREATE TABLE t (id int PRIMARY KEY, a varchar(20), b int);",
                  "CREATE TABLE t (id int PRIMARY KEY, a varchar(10) NOT NULL, c int DEFAULT 3, d text);");
    EXPECT_EQ(statements(p.plan),
              "ALTER TABLE t\n"
              "  DROP COLUMN b,\n"
              "  MODIFY COLUMN a varchar(10) NOT NULL,\n"
              "  ADD COLUMN c int DEFAULT '3' AFTER a,\n"
              "  ADD COLUMN d text;\n");
}

}  // namespace
}  // namespace schemerge::test::mysql_synth
