// The MySQL schema generator (benchmarks/mysql_schema_generator): deterministic bytes,
// variants that touch only the tables they pick, both styles of the same catalog.
// benchmarks/check_mysql_generator.sh checks the output against a real MariaDB.
#include "benchmarks/mysql_schema_generator.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace schemerge::benchmarks::mysql {
namespace {

GeneratorOptions options(std::size_t tables, std::uint64_t seed, SchemaStyle style) {
    GeneratorOptions o;
    o.tables = tables;
    o.seed = seed;
    o.style = style;
    return o;
}

std::size_t count(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

// mysqldump style: each section from its "--\n-- <title>\n--" header to the next one.
std::map<std::string, std::string> dump_sections(const std::string& sql) {
    std::map<std::string, std::string> sections;
    constexpr std::string_view k_marker = "\n--\n-- ";
    std::size_t at = sql.find(k_marker);
    sections["(head)"] = sql.substr(0, at);
    while (at != std::string::npos) {
        const std::size_t title_end = sql.find('\n', at + k_marker.size());
        const std::string title = sql.substr(at + k_marker.size(), title_end - at - k_marker.size());
        const std::size_t next = sql.find(k_marker, title_end);
        sections[title] = sql.substr(at, next == std::string::npos ? std::string::npos : next - at);
        at = next;
    }
    return sections;
}

// handwritten style: the text from one "create table" to the next.
std::map<std::string, std::string> handwritten_tables(const std::string& sql) {
    std::map<std::string, std::string> tables;
    constexpr std::string_view k_marker = "create table ";
    std::size_t at = sql.find(k_marker);
    tables["(head)"] = sql.substr(0, at);
    while (at != std::string::npos) {
        const std::string name =
            sql.substr(at + k_marker.size(), sql.find(' ', at + k_marker.size()) - at - k_marker.size());
        const std::size_t next = sql.find(k_marker, at + 1);
        tables[name] = sql.substr(at, next == std::string::npos ? std::string::npos : next - at);
        at = next;
    }
    return tables;
}

std::vector<std::string> differing(const std::map<std::string, std::string>& a,
                                   const std::map<std::string, std::string>& b) {
    std::vector<std::string> keys;
    std::set<std::string> all;
    for (const auto& [k, v] : a) {
        all.insert(k);
    }
    for (const auto& [k, v] : b) {
        all.insert(k);
    }
    for (const auto& k : all) {
        const auto x = a.find(k);
        const auto y = b.find(k);
        if (x == a.end() || y == b.end() || x->second != y->second) {
            keys.push_back(k);
        }
    }
    return keys;
}

TEST(MysqlSchemaGenerator, SameOptionsSameBytes) {
    for (SchemaStyle style : {SchemaStyle::mysqldump, SchemaStyle::handwritten}) {
        GeneratorOptions o = options(150, 42, style);
        const std::string first = generate_schema(o);
        EXPECT_EQ(first, generate_schema(o));
        o.variant = 3;
        o.changed_tables = 7;
        o.churn_percent = 20;
        o.schema_migrations = true;
        EXPECT_EQ(generate_schema(o), generate_schema(o));
        EXPECT_NE(generate_schema(options(150, 43, style)), first);
    }
}

TEST(MysqlSchemaGenerator, EveryTableOnce) {
    const std::string dump = generate_schema(options(300, 5, SchemaStyle::mysqldump));
    const std::string hand = generate_schema(options(300, 5, SchemaStyle::handwritten));
    EXPECT_EQ(count(dump, "\nCREATE TABLE `"), 300U);
    EXPECT_EQ(count(dump, "\nDROP TABLE IF EXISTS `"), 300U + count(dump, "Temporary table structure for view"));
    EXPECT_EQ(count(hand, "create table "), 300U);
    // The same tables, views, triggers and routines in both spellings.
    EXPECT_EQ(count(dump, "Final view structure for view"), count(hand, " view "));
    EXPECT_EQ(count(dump, "/*!50003 CREATE*/ /*!50017 DEFINER="), count(hand, "create trigger "));
    EXPECT_EQ(count(dump, "CREATE DEFINER=`root`@`localhost` PROCEDURE"), count(hand, "create procedure "));
    EXPECT_EQ(count(dump, "CREATE DEFINER=`root`@`localhost` FUNCTION"), count(hand, "create function "));
    EXPECT_EQ(count(dump, "FOREIGN KEY (`"), count(hand, "foreign key ("));
    auto dump_tables = dump_sections(dump);
    auto hand_tables = handwritten_tables(hand);
    std::set<std::string> from_dump;
    for (const auto& [title, text] : dump_tables) {
        constexpr std::string_view k_prefix = "Table structure for table `";
        if (title.starts_with(k_prefix)) {
            from_dump.insert(title.substr(k_prefix.size(), title.size() - k_prefix.size() - 1));
        }
    }
    std::set<std::string> from_hand;
    for (const auto& [name, text] : hand_tables) {
        if (name != "(head)") {
            from_hand.insert(name);
        }
    }
    EXPECT_EQ(from_dump, from_hand);
    EXPECT_EQ(from_dump.size(), 300U);
}

TEST(MysqlSchemaGenerator, NoTables) {
    const std::string dump = generate_schema(options(0, 1, SchemaStyle::mysqldump));
    EXPECT_EQ(count(dump, "CREATE TABLE"), 0U);
    EXPECT_TRUE(dump.starts_with("/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump"));
    EXPECT_NE(dump.find("/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;"),
              std::string::npos);
    EXPECT_NE(dump.find("-- Dumping routines for database 'app'"), std::string::npos);
    EXPECT_TRUE(dump.ends_with("-- Dump completed on 2024-06-03 14:27:05\n"));
    const std::string hand = generate_schema(options(0, 1, SchemaStyle::handwritten));
    EXPECT_EQ(count(hand, "create "), 0U);

    // A variant of nothing is nothing; schema_migrations alone is one table and no rows.
    GeneratorOptions o = options(0, 1, SchemaStyle::mysqldump);
    o.variant = 2;
    EXPECT_EQ(generate_schema(o), dump);
    o.schema_migrations = true;
    const std::string migrations = generate_schema(o);
    EXPECT_EQ(count(migrations, "CREATE TABLE `schema_migrations`"), 1U);
}

TEST(MysqlSchemaGenerator, VariantChangesOnlyThePickedTables) {
    for (SchemaStyle style : {SchemaStyle::mysqldump, SchemaStyle::handwritten}) {
        const GeneratorOptions base_options = options(400, 9, style);
        const std::string base = generate_schema(base_options);
        std::set<std::string> picked_by[3];
        for (std::uint64_t variant : {1, 2}) {
            GeneratorOptions o = base_options;
            o.variant = variant;
            o.changed_tables = 12;
            const std::string changed = generate_schema(o);
            const auto split = [&](const std::string& sql) {
                return style == SchemaStyle::mysqldump ? dump_sections(sql) : handwritten_tables(sql);
            };
            const auto before = split(base);
            const auto after = split(changed);
            const std::vector<std::string> keys = differing(before, after);
            ASSERT_EQ(keys.size(), 12U) << "variant " << variant;
            const std::string column = "note_v" + std::to_string(variant);
            for (const auto& key : keys) {
                if (style == SchemaStyle::mysqldump) {
                    EXPECT_TRUE(key.starts_with("Table structure for table `")) << key;
                }
                const std::string& text = after.at(key);
                EXPECT_NE(text.find(column), std::string::npos) << key;
                // The extra lines are the whole difference.
                std::string stripped;
                std::size_t from = 0;
                while (from < text.size()) {
                    const std::size_t end = text.find('\n', from);
                    const std::string line = text.substr(from, end == std::string::npos ? end : end + 1 - from);
                    if (line.find(column) == std::string::npos) {
                        stripped += line;
                    }
                    from = end == std::string::npos ? text.size() : end + 1;
                }
                std::string original = before.at(key);
                if (style == SchemaStyle::mysqldump) {
                    // The key line after the new column's line ends the list: its comma moves.
                    std::string a;
                    std::string b;
                    for (char c : stripped) {
                        if (c != ',') {
                            a += c;
                        }
                    }
                    for (char c : original) {
                        if (c != ',') {
                            b += c;
                        }
                    }
                    EXPECT_EQ(a, b) << key;
                } else {
                    EXPECT_EQ(stripped, original) << key;
                }
                picked_by[variant].insert(key);
            }
            // The column's line, and the index's (its name and its column).
            EXPECT_EQ(count(changed, column), 12U * 3);
        }
        // Two variants pick their tables independently: a three-way merge input.
        EXPECT_NE(picked_by[1], picked_by[2]);
    }
}

TEST(MysqlSchemaGenerator, StylesSpellTheCatalogDifferently) {
    const std::string dump = generate_schema(options(200, 3, SchemaStyle::mysqldump));
    const std::string hand = generate_schema(options(200, 3, SchemaStyle::handwritten));
    // mysqldump: versioned comments, backquotes, display widths, canonical spellings.
    EXPECT_NE(dump.find("/*!40101 SET @saved_cs_client     = @@character_set_client */;"), std::string::npos);
    EXPECT_NE(dump.find("DROP TABLE IF EXISTS `"), std::string::npos);
    EXPECT_NE(dump.find("int(11)"), std::string::npos);
    EXPECT_NE(dump.find("int(10) unsigned NOT NULL AUTO_INCREMENT"), std::string::npos);
    EXPECT_NE(dump.find("tinyint(1)"), std::string::npos);
    EXPECT_NE(dump.find("DEFAULT current_timestamp() ON UPDATE current_timestamp()"), std::string::npos);
    EXPECT_NE(dump.find(") ENGINE=InnoDB"), std::string::npos);
    EXPECT_NE(dump.find("DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"), std::string::npos);
    EXPECT_NE(dump.find("DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci"), std::string::npos);
    EXPECT_NE(dump.find("  UNIQUE KEY `"), std::string::npos);
    EXPECT_NE(dump.find("  FULLTEXT KEY `"), std::string::npos);
    EXPECT_NE(dump.find("GENERATED ALWAYS AS ("), std::string::npos);
    EXPECT_NE(dump.find("CHECK (json_valid(`"), std::string::npos);
    EXPECT_NE(dump.find("/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY"),
              std::string::npos);
    EXPECT_NE(dump.find("DELIMITER ;;\n"), std::string::npos);
    EXPECT_EQ(dump.find("create table"), std::string::npos);
    EXPECT_EQ(dump.find("utf8_general_ci"), std::string::npos);
    EXPECT_EQ(dump.find(" json"), std::string::npos);

    // handwritten: lower case, bare names, no widths, aliases, `index`, utf8, delimiters.
    EXPECT_EQ(hand.find("CREATE TABLE"), std::string::npos);
    EXPECT_EQ(hand.find("/*!"), std::string::npos);
    EXPECT_EQ(hand.find("int(11)"), std::string::npos);
    EXPECT_EQ(hand.find("int(10)"), std::string::npos);
    EXPECT_EQ(hand.find("bigint(20)"), std::string::npos);
    EXPECT_EQ(count(hand, "`"), 2 * count(hand, "`key`"));  // only the reserved word is quoted
    EXPECT_NE(hand.find("    id int unsigned not null auto_increment primary key"), std::string::npos);
    EXPECT_NE(hand.find(" bool"), std::string::npos);
    EXPECT_NE(hand.find(" json"), std::string::npos);
    EXPECT_NE(hand.find("    index "), std::string::npos);
    EXPECT_GT(count(hand, "utf8 ") + count(hand, "utf8;") + count(hand, "utf8_"), 0U);  // MariaDB's utf8mb3
    EXPECT_EQ(count(dump, "utf8 ") + count(dump, "utf8;") + count(dump, "utf8_"), 0U);
    EXPECT_NE(hand.find("    foreign key ("), std::string::npos);
    EXPECT_NE(hand.find("    check ("), std::string::npos);
    EXPECT_NE(hand.find(" as (substring_index(email, '@', -1))"), std::string::npos);
    EXPECT_NE(hand.find("delimiter //\ncreate trigger "), std::string::npos);
    EXPECT_EQ(hand.find("DELIMITER"), std::string::npos);
}

TEST(MysqlSchemaGenerator, ChurnChangesManyTables) {
    GeneratorOptions o = options(500, 4, SchemaStyle::mysqldump);
    const auto base = dump_sections(generate_schema(o));
    o.variant = 5;
    o.changed_tables = 0;
    EXPECT_TRUE(differing(base, dump_sections(generate_schema(o))).empty());
    o.churn_percent = 40;
    const std::vector<std::string> churned = differing(base, dump_sections(generate_schema(o)));
    // About 40% of 500 tables; each decided from its own stream.
    EXPECT_GT(churned.size(), 150U);
    EXPECT_LT(churned.size(), 250U);
    for (const auto& key : churned) {
        EXPECT_TRUE(key.starts_with("Table structure for table `")) << key;
    }
    // A churned table loses a column line or changes one; no new objects appear.
    o.churn_percent = 100;
    const std::string all = generate_schema(o);
    EXPECT_EQ(count(all, "\nCREATE TABLE `"), 500U);
    EXPECT_LT(count(all, "\n  `"), count(generate_schema(options(500, 4, SchemaStyle::mysqldump)), "\n  `"));
}

TEST(MysqlSchemaGenerator, SchemaMigrationsTail) {
    for (SchemaStyle style : {SchemaStyle::mysqldump, SchemaStyle::handwritten}) {
        GeneratorOptions o = options(120, 2, style);
        o.schema_migrations = true;
        const std::string base = generate_schema(o);
        const std::string insert = style == SchemaStyle::mysqldump
                                       ? "INSERT INTO `schema_migrations` (version) VALUES\n"
                                       : "insert into schema_migrations (version) values\n";
        const std::size_t at = base.find(insert);
        ASSERT_NE(at, std::string::npos);
        const std::string tail = base.substr(at + insert.size());
        EXPECT_EQ(count(tail, "('20"), 120U);
        // Versions ascend: YYYYMMDDHHMMSS strings compare like numbers.
        std::string previous;
        for (std::size_t p = tail.find("('"); p != std::string::npos; p = tail.find("('", p + 1)) {
            const std::string version = tail.substr(p + 2, 14);
            EXPECT_LT(previous, version);
            previous = version;
        }
        o.variant = 1;
        o.changed_tables = 1;
        const std::string variant = generate_schema(o);
        EXPECT_EQ(count(variant.substr(variant.find(insert)), "('20"), 121U);
    }
}

}  // namespace
}  // namespace schemerge::benchmarks::mysql
