// interpret_alter.cpp: ALTER TABLE's actions, applied in order as MySQL applies them.
#include <string>

#include <gtest/gtest.h>

#include "mysql_load.hpp"
#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::test::mysql {
namespace {

namespace attr = parser::mysql::attr;

std::vector<std::string> column_names(const model::Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) {
        out.push_back(c.name);
    }
    return out;
}

TEST(InterpretAlter, ColumnsAddedChangedAndDropped) {
    auto r = load_ok(
        "CREATE TABLE t (id int NOT NULL, a int, b varchar(5) DEFAULT 'x' COMMENT 'bee', c int, PRIMARY KEY (id), "
        "KEY bc (b, c));\n"
        "ALTER TABLE t ADD COLUMN first_col int FIRST, ADD z int AFTER a, ADD (y1 int, y2 int),\n"
        "  MODIFY b varchar(10) NOT NULL,\n  CHANGE c cc bigint,\n  ALTER COLUMN a SET DEFAULT 3,\n"
        "  DROP COLUMN y1,\n  RENAME COLUMN y2 TO w;");
    const model::Table& t = r.schema.tables.at({"", "t"});
    EXPECT_EQ(column_names(t), (std::vector<std::string>{"first_col", "id", "a", "z", "b", "cc", "w"}));
    const model::Column& b = *t.find_column("b");
    EXPECT_EQ(b.type.modifiers, std::vector<std::string>{"10"});
    EXPECT_TRUE(b.not_null);
    EXPECT_FALSE(b.default_value.has_value());  // MODIFY redefines the whole column
    EXPECT_FALSE(b.meta.comment.has_value());
    EXPECT_EQ(b.meta.location.line, 1U);  // still defined where CREATE TABLE defined it
    EXPECT_EQ(b.meta.changed_at.line, 3U);
    EXPECT_EQ(t.find_column("a")->default_value->text, "'3'");
    const model::Index& bc = r.schema.indexes.at({"", "t.bc"});
    EXPECT_EQ(bc.elements[1].column, "cc");  // keys follow a renamed column
}

TEST(InterpretAlter, KeysAddedAndDropped) {
    auto r = load_ok("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (id int, pid int, v varchar(9));\n"
                     "ALTER TABLE t ADD PRIMARY KEY (id), ADD CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id), "
                     "ADD UNIQUE INDEX uv (v), ADD CONSTRAINT ck CHECK (id > 0);\n"
                     "ALTER TABLE t RENAME INDEX uv TO uv2, ALTER INDEX uv2 INVISIBLE, ALTER CHECK ck NOT ENFORCED;\n"
                     "ALTER TABLE t DROP FOREIGN KEY fk;\nALTER TABLE t DROP CHECK ck, DROP PRIMARY KEY;");
    const model::Table& t = r.schema.tables.at({"", "t"});
    EXPECT_TRUE(t.constraints.empty());
    EXPECT_TRUE(t.find_column("id")->not_null);  // dropping the key leaves NOT NULL
    EXPECT_TRUE(r.schema.indexes.contains({"", "t.fk"}));  // DROP FOREIGN KEY keeps its index
    ASSERT_TRUE(r.schema.indexes.contains({"", "t.uv2"}));
    EXPECT_EQ(attribute(r.schema.indexes.at({"", "t.uv2"}), attr::index_invisible), "true");
}

TEST(InterpretAlter, DropColumnShrinksKeys) {
    auto r = load_ok("CREATE TABLE t (a int, b int, c int, KEY ab (a, b), KEY b (b), CHECK (b > 0), PRIMARY KEY (a, b));\n"
                     "ALTER TABLE t DROP b;");
    const model::Table& t = r.schema.tables.at({"", "t"});
    EXPECT_EQ(r.schema.indexes.at({"", "t.ab"}).elements.size(), 1U);
    EXPECT_FALSE(r.schema.indexes.contains({"", "t.b"}));
    ASSERT_EQ(t.constraints.size(), 1U);  // the CHECK on b alone went with it
    EXPECT_EQ(t.constraints[0].columns, std::vector<std::string>{"a"});
    EXPECT_EQ(t.meta.changed_at.line, 2U);
}

TEST(InterpretAlter, TableOptionsAndRename) {
    auto r = load_ok("CREATE TABLE t (a int, b text) ENGINE=MyISAM CHARSET=latin1;\n"
                     "ALTER TABLE t ENGINE=InnoDB, COMMENT='c', ROW_FORMAT=COMPRESSED, ALGORITHM=INPLACE, LOCK=NONE;\n"
                     "ALTER TABLE t RENAME TO u;\nALTER TABLE u FORCE;");
    EXPECT_FALSE(r.schema.tables.contains({"", "t"}));
    const model::Table& u = r.schema.tables.at({"", "u"});
    EXPECT_EQ(attribute(u, attr::engine), "");
    EXPECT_EQ(attribute(u, attr::row_format), "COMPRESSED");
    EXPECT_EQ(*u.meta.comment, "c");
}

TEST(InterpretAlter, PartitionOperations) {
    auto r = load_ok("CREATE TABLE t (a int);\nALTER TABLE t PARTITION BY HASH (a) PARTITIONS 4;\n"
                     "ALTER TABLE t ADD PARTITION PARTITIONS 2;\nALTER TABLE t OPTIMIZE PARTITION p0;");
    EXPECT_EQ(attribute(r.schema.tables.at({"", "t"}), attr::partitioning), "PARTITION BY HASH (a) PARTITIONS 4");
    ASSERT_EQ(r.diagnostics.size(), 1U);  // ADD PARTITION is not modeled: reported
    EXPECT_EQ(r.diagnostics[0].location.line, 3U);
    auto removed = load_ok("CREATE TABLE t (a int) PARTITION BY KEY (a);\nALTER TABLE t REMOVE PARTITIONING;");
    EXPECT_EQ(attribute(removed.schema.tables.at({"", "t"}), attr::partitioning), "");
}

TEST(InterpretAlter, IfExistsAndIfNotExists) {
    auto r = load_ok("CREATE TABLE t (a int);\nALTER TABLE IF EXISTS nope ADD b int;\n"
                     "ALTER TABLE t ADD COLUMN IF NOT EXISTS a int, DROP COLUMN IF EXISTS zz, DROP INDEX IF EXISTS k;");
    EXPECT_EQ(r.schema.tables.at({"", "t"}).columns.size(), 1U);
}

}  // namespace
}  // namespace schemerge::test::mysql
