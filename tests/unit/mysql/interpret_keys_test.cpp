// interpret_keys.cpp: how MySQL keys land in the model (PRIMARY KEY constraint, UNIQUE and
// plain keys as indexes, FULLTEXT / SPATIAL as index methods, foreign keys with the index
// MySQL creates for them, CHECKs), and the names MySQL generates.
#include <string>

#include <gtest/gtest.h>

#include "mysql_load.hpp"
#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::test::mysql {
namespace {

namespace attr = parser::mysql::attr;

const model::Index& index(const model::Schema& s, const std::string& key) {
    static model::Index empty;
    auto it = s.indexes.find({"", key});
    if (it == s.indexes.end()) {
        std::string all;
        for (const auto& [k, i] : s.indexes) {
            all += k.name + " ";
        }
        ADD_FAILURE() << "no index " << key << " (have: " << all << ")";
        return empty;
    }
    return it->second;
}

TEST(InterpretKeys, KeysInTheModel) {
    model::Schema s = schema_of(
        "CREATE TABLE t (id int NOT NULL, email varchar(200), body text, loc point NOT NULL, code char(4),\n"
        "  PRIMARY KEY (id),\n  UNIQUE KEY email (email(100)),\n  KEY body_code (code DESC, (lower(code))) COMMENT 'c',\n"
        "  FULLTEXT KEY ft (body) WITH PARSER ngram,\n  SPATIAL INDEX sp (loc),\n  KEY h (code) USING HASH INVISIBLE);");
    const model::Table& t = s.tables.at({"", "t"});
    ASSERT_EQ(t.constraints.size(), 1U);
    EXPECT_EQ(t.constraints[0].name, "PRIMARY");
    EXPECT_EQ(t.constraints[0].kind, model::ConstraintKind::primary_key);
    const model::Index& email = index(s, "t.email");
    EXPECT_TRUE(email.unique);
    EXPECT_EQ(email.table.name, "t");
    EXPECT_EQ(attribute(email, attr::index_key_lengths), "email=100");
    const model::Index& bc = index(s, "t.body_code");
    ASSERT_EQ(bc.elements.size(), 2U);
    EXPECT_EQ(bc.elements[0].order, model::SortOrder::desc);
    EXPECT_EQ(bc.elements[1].expression.text, "lower(code)");
    EXPECT_EQ(*bc.meta.comment, "c");
    EXPECT_EQ(index(s, "t.ft").method, "fulltext");
    EXPECT_EQ(attribute(index(s, "t.ft"), attr::index_parser), "ngram");
    EXPECT_EQ(index(s, "t.sp").method, "spatial");
    EXPECT_EQ(index(s, "t.h").method, "hash");
    EXPECT_EQ(attribute(index(s, "t.h"), attr::index_invisible), "true");
}

TEST(InterpretKeys, GeneratedNames) {
    model::Schema s = schema_of("CREATE TABLE t (a int, b int, KEY (a), KEY (a, b), UNIQUE (b), KEY ((a + b)), "
                                "KEY ((a - b)), CHECK (a > 0), CONSTRAINT t_chk_7 CHECK (b > 0), CHECK (a <> b));");
    for (const char* name : {"t.a", "t.a_2", "t.b", "t.functional_index", "t.functional_index_2"}) {
        EXPECT_TRUE(s.indexes.contains({"", name})) << name;
    }
    const model::Table& t = s.tables.at({"", "t"});
    EXPECT_NE(t.find_constraint("t_chk_1"), nullptr);
    EXPECT_NE(t.find_constraint("t_chk_7"), nullptr);
    EXPECT_NE(t.find_constraint("t_chk_8"), nullptr);  // one more than the largest
}

TEST(InterpretKeys, ForeignKeysAndTheirIndexes) {
    model::Schema s = schema_of(
        "CREATE TABLE p (id int PRIMARY KEY, code int, UNIQUE KEY (code));\n"
        "CREATE TABLE c (\n  a int, b int, x int, y int,\n  KEY ab (a, b),\n"
        "  FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE,\n"  // served by ab: no index
        "  CONSTRAINT fk_b FOREIGN KEY (b) REFERENCES p (code),\n"  // an index named fk_b
        "  FOREIGN KEY ix (x) REFERENCES p (id),\n"                 // an index named ix
        "  FOREIGN KEY (y) REFERENCES p (id) ON UPDATE SET NULL);");  // an index named y
    const model::Table& c = s.tables.at({"", "c"});
    const model::Constraint* fk1 = c.find_constraint("c_ibfk_1");
    ASSERT_NE(fk1, nullptr);
    EXPECT_EQ(fk1->on_delete, model::ReferentialAction::cascade);
    EXPECT_EQ(fk1->ref_table.name, "p");
    EXPECT_EQ(fk1->ref_columns, std::vector<std::string>{"id"});
    EXPECT_NE(c.find_constraint("fk_b"), nullptr);
    EXPECT_NE(c.find_constraint("c_ibfk_2"), nullptr);
    EXPECT_EQ(c.find_constraint("c_ibfk_3")->on_update, model::ReferentialAction::set_null);
    std::vector<std::string> names;
    for (const auto& [key, i] : s.indexes) {
        if (i.table.name == "c") {
            names.push_back(key.name);
        }
    }
    EXPECT_EQ(names, (std::vector<std::string>{"c.ab", "c.fk_b", "c.ix", "c.y"}));
}

TEST(InterpretKeys, ForeignKeyChecksOffAllowsForwardReferences) {
    auto r = load_ok("SET FOREIGN_KEY_CHECKS=0;\nCREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id));\n"
                     "CREATE TABLE p (id int PRIMARY KEY);\nSET FOREIGN_KEY_CHECKS=1;");
    EXPECT_TRUE(r.schema.tables.contains({"", "c"}));
    EXPECT_TRUE(r.diagnostics.empty());
    // A table that never comes is reported at the end.
    auto dangling = load_ok("/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n"
                            "CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES nowhere (id));\n"
                            "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;");
    ASSERT_EQ(dangling.diagnostics.size(), 1U);
    EXPECT_NE(dangling.diagnostics[0].message.find("never created"), std::string::npos);
    // After mysqldump's restore, the checks are on again.
    EXPECT_FALSE(try_load("/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n"
                          "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
                          "CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES nowhere (id));")
                     .has_value());
}

TEST(InterpretKeys, CreateAndDropIndex) {
    model::Schema s = schema_of("CREATE TABLE t (a int, b varchar(9));\nCREATE UNIQUE INDEX ua ON t (a);\n"
                                "CREATE FULLTEXT INDEX fb ON t (b);\nCREATE INDEX gone ON t (b);\nDROP INDEX gone ON t;\n"
                                "ALTER TABLE t DROP INDEX `FB`;");
    EXPECT_TRUE(s.indexes.contains({"", "t.ua"}));
    EXPECT_FALSE(s.indexes.contains({"", "t.gone"}));
    EXPECT_FALSE(s.indexes.contains({"", "t.fb"}));  // index names compare ignoring case
}

}  // namespace
}  // namespace schemerge::test::mysql
