// interpret_table.cpp: CREATE / DROP / RENAME TABLE, columns, table options and character
// sets as the model holds them.
#include <string>

#include <gtest/gtest.h>

#include "mysql_load.hpp"
#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::test::mysql {
namespace {

namespace attr = parser::mysql::attr;

const model::Table& table(const model::Schema& s, const std::string& name, const std::string& db = "") {
    static model::Table empty;
    auto it = s.tables.find({db, name});
    if (it == s.tables.end()) {
        ADD_FAILURE() << "no table " << name;
        return empty;
    }
    return it->second;
}

TEST(InterpretTable, ColumnsAsTheModelHoldsThem) {
    model::Schema s = schema_of(
        "CREATE TABLE `t` (\n"
        "  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
        "  `name` varchar(255) COLLATE utf8mb3_unicode_ci NOT NULL DEFAULT '' COMMENT 'the name',\n"
        "  `price` decimal(8,2) unsigned DEFAULT '0.00',\n"
        "  `kind` enum('a','b') NOT NULL DEFAULT 'a',\n"
        "  `updated_at` timestamp(6) NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),\n"
        "  `total` int GENERATED ALWAYS AS ((`id` * 2)) VIRTUAL,\n"
        "  `secret` int INVISIBLE,\n"
        "  `pos` point NOT NULL /*!80003 SRID 4326 */,\n"
        "  PRIMARY KEY (`id`)\n"
        ") ENGINE=InnoDB AUTO_INCREMENT=17 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci COMMENT='things';");
    const model::Table& t = table(s, "t");
    ASSERT_EQ(t.columns.size(), 8U);
    EXPECT_EQ(s.dialect->name, "mysql");
    EXPECT_EQ(*t.meta.comment, "things");
    EXPECT_EQ(attribute(t, attr::engine), "");  // InnoDB is the default
    EXPECT_EQ(attribute(t, attr::table_charset), "utf8mb3");
    EXPECT_EQ(attribute(t, attr::table_collation), "utf8mb3_unicode_ci");

    const model::Column& id = t.columns[0];
    EXPECT_EQ(id.type.name.name, "int");
    EXPECT_TRUE(id.not_null);
    EXPECT_EQ(attribute(id, attr::auto_increment), "true");

    const model::Column& name = t.columns[1];
    EXPECT_EQ(name.type.modifiers, std::vector<std::string>{"255"});
    EXPECT_FALSE(name.collation.has_value());  // the table's collation
    EXPECT_EQ(name.default_value->text, "''");
    EXPECT_EQ(*name.meta.comment, "the name");

    EXPECT_EQ(t.columns[2].type.name.name, "decimal unsigned");
    EXPECT_EQ(t.columns[2].default_value->text, "'0.00'");
    EXPECT_EQ(t.columns[3].type.modifiers, (std::vector<std::string>{"'a'", "'b'"}));
    EXPECT_FALSE(t.columns[4].not_null);
    EXPECT_EQ(t.columns[4].default_value->text, "CURRENT_TIMESTAMP(6)");
    EXPECT_EQ(attribute(t.columns[4], attr::on_update), "CURRENT_TIMESTAMP(6)");
    EXPECT_EQ(t.columns[5].generated, model::GeneratedKind::stored);
    EXPECT_EQ(t.columns[5].generation->text, "id * 2");
    EXPECT_EQ(attribute(t.columns[5], attr::virtual_generated), "true");
    EXPECT_EQ(attribute(t.columns[6], attr::invisible), "true");
    EXPECT_EQ(attribute(t.columns[7], attr::srid), "4326");
}

TEST(InterpretTable, CharsetsAreStoredWhereTheyDiffer) {
    model::Schema s = schema_of(
        "CREATE TABLE t (a varchar(3), b varchar(3) CHARACTER SET latin1, c varchar(3) COLLATE utf8mb4_bin, "
        "d varchar(3) CHARACTER SET utf8mb4, e int COLLATE utf8mb4_bin, f char(2) BINARY) "
        "CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;");
    const model::Table& t = table(s, "t");
    EXPECT_EQ(attribute(t.columns[0], attr::column_charset), "");
    EXPECT_FALSE(t.columns[0].collation.has_value());
    EXPECT_EQ(attribute(t.columns[1], attr::column_charset), "latin1");
    EXPECT_FALSE(t.columns[1].collation.has_value());  // latin1's default collation
    EXPECT_EQ(t.columns[2].collation->name, "utf8mb4_bin");
    // CHARACTER SET alone: the character set's default collation, not the table's.
    EXPECT_EQ(t.columns[3].collation->name, "utf8mb4_0900_ai_ci");
    EXPECT_FALSE(t.columns[4].collation.has_value());  // not a string column
    EXPECT_EQ(t.columns[5].collation->name, "utf8mb4_bin");
}

TEST(InterpretTable, DatabaseCharsetIsInherited) {
    model::Schema s = schema_of("CREATE DATABASE d DEFAULT CHARACTER SET utf8 COLLATE utf8_unicode_ci;\nUSE d;\n"
                                "CREATE TABLE t (a text);\nCREATE TABLE u (a text) CHARSET latin1;");
    EXPECT_EQ(attribute(table(s, "t"), attr::table_charset), "utf8mb3");
    EXPECT_EQ(attribute(table(s, "t"), attr::table_collation), "utf8mb3_unicode_ci");
    EXPECT_EQ(attribute(table(s, "u"), attr::table_charset), "latin1");
    EXPECT_EQ(attribute(table(s, "u"), attr::table_collation), "");
    EXPECT_TRUE(s.namespaces.empty());  // the script's own database is the scope, not a schema
}

TEST(InterpretTable, OtherDatabasesKeepTheirName) {
    model::Schema s = schema_of("CREATE DATABASE app; CREATE DATABASE audit; USE app;\nCREATE TABLE t (a int);\n"
                                "CREATE TABLE audit.log (a int);\nUSE audit;\nCREATE TABLE log2 (a int);");
    EXPECT_TRUE(s.tables.contains({"", "t"}));
    EXPECT_TRUE(s.tables.contains({"audit", "log"}));
    EXPECT_TRUE(s.tables.contains({"audit", "log2"}));
    ASSERT_EQ(s.namespaces.size(), 1U);
    EXPECT_EQ(s.namespaces.begin()->first, "audit");
}

TEST(InterpretTable, TableOptions) {
    model::Schema s = schema_of("CREATE TABLE t (a int) ENGINE=MyISAM ROW_FORMAT=dynamic KEY_BLOCK_SIZE=8 "
                                "STATS_PERSISTENT=0 MAX_ROWS=100 CHECKSUM=1 PAGE_COMPRESSED=1 AUTO_INCREMENT=5 "
                                "PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES "
                                "LESS THAN MAXVALUE);");
    const model::Table& t = table(s, "t");
    EXPECT_EQ(attribute(t, attr::engine), "MyISAM");
    EXPECT_EQ(attribute(t, attr::row_format), "DYNAMIC");
    EXPECT_EQ(attribute(t, attr::table_key_block_size), "8");
    EXPECT_EQ(attribute(t, attr::table_options), "checksum=1, max_rows=100, page_compressed=1, stats_persistent=0");
    EXPECT_EQ(attribute(t, attr::partitioning),
              "PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)");
}

TEST(InterpretTable, CreateTableLike) {
    model::Schema s = schema_of(
        "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE a (id int AUTO_INCREMENT PRIMARY KEY, pid int, v text, "
        "KEY k (v(10)), CHECK (id > 0), FOREIGN KEY (pid) REFERENCES p (id)) ENGINE=MyISAM AUTO_INCREMENT=9;\n"
        "CREATE TABLE b LIKE a;");
    const model::Table& b = table(s, "b");
    EXPECT_EQ(b.columns.size(), 3U);
    EXPECT_EQ(attribute(b, attr::engine), "MyISAM");
    EXPECT_TRUE(s.indexes.contains({"", "b.k"}));
    EXPECT_TRUE(s.indexes.contains({"", "b.pid"}));  // the foreign key's index, now an ordinary one
    EXPECT_NE(b.find_constraint("b_chk_1"), nullptr);
    for (const auto& c : b.constraints) {
        EXPECT_NE(c.kind, model::ConstraintKind::foreign_key);  // LIKE copies no foreign keys
    }
}

TEST(InterpretTable, DropAndRename) {
    model::Schema s = schema_of(
        "CREATE TABLE a (id int PRIMARY KEY, x int, KEY kx (x));\nCREATE TABLE b (aid int, FOREIGN KEY (aid) "
        "REFERENCES a (id));\nCREATE TRIGGER tr BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1;\n"
        "RENAME TABLE a TO a2, b TO b2;\nDROP TABLE IF EXISTS nope;\nCREATE TABLE c (y int);\nDROP TABLE c;");
    EXPECT_FALSE(s.tables.contains({"", "a"}));
    EXPECT_FALSE(s.tables.contains({"", "c"}));
    EXPECT_TRUE(s.indexes.contains({"", "a2.kx"}));
    EXPECT_TRUE(s.triggers.contains({{"", "a2"}, "tr"}));
    const model::Table& b2 = table(s, "b2");
    ASSERT_NE(b2.find_constraint("b2_ibfk_1"), nullptr);
    EXPECT_EQ(b2.find_constraint("b2_ibfk_1")->ref_table.name, "a2");
    EXPECT_TRUE(s.indexes.contains({"", "b2.aid"}));
}

TEST(InterpretTable, TemporaryTablesAndIfNotExists) {
    auto r = load_ok("CREATE TEMPORARY TABLE tmp (a int);\nCREATE TABLE t (a int);\nCREATE TABLE IF NOT EXISTS t (b int);"
                     "\nDROP TEMPORARY TABLE tmp;");
    EXPECT_EQ(r.schema.tables.size(), 1U);
    EXPECT_EQ(table(r.schema, "t").columns[0].name, "a");
    EXPECT_EQ(r.stats.statements, 4U);
    EXPECT_EQ(r.stats.applied, 1U);
    EXPECT_EQ(r.stats.skipped, 3U);
}

TEST(InterpretTable, RenameAnnotations) {
    model::Schema s = schema_of("-- schemerge:renamed-from people\nCREATE TABLE persons (\n"
                                "  id int,\n  -- schemerge:renamed-from mail\n  email varchar(9),\n"
                                "  phone int -- schemerge:renamed-from `tel`\n);");
    const model::Table& t = table(s, "persons");
    EXPECT_EQ(t.meta.renamed_from, "people");
    EXPECT_EQ(t.columns[0].meta.renamed_from, "");
    EXPECT_EQ(t.columns[1].meta.renamed_from, "mail");
    EXPECT_EQ(t.columns[2].meta.renamed_from, "tel");
}

TEST(InterpretTable, LocationsPointAtTheDefinitions) {
    model::Schema s = schema_of("\n\nCREATE TABLE t (\n  a int,\n  b int\n);");
    const model::Table& t = table(s, "t");
    EXPECT_EQ(t.meta.location.line, 3U);
    EXPECT_EQ(t.meta.location.column, 1U);
    EXPECT_EQ(t.columns[1].meta.location.line, 5U);
    EXPECT_EQ(t.columns[1].meta.location.column, 3U);
}

}  // namespace
}  // namespace schemerge::test::mysql
