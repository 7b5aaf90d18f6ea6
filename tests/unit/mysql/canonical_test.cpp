// canonical.cpp: types, character sets, defaults and expressions in MySQL's canonical form.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/mysql/canonical.hpp"
#include "parser/mysql/syntax.hpp"

namespace schemerge::test::mysql {
namespace {

namespace ast = parser::mysql::ast;
using parser::mysql::canonical_type;

// The column type of `CREATE TABLE t (c <type>)`.
ast::DataType type_of(const std::string& type) {
    static parser::mysql::ChunkParser parser;
    auto p = parser.parse("CREATE TABLE t (c " + type + ")");
    EXPECT_FALSE(p.error) << type << ": " << (p.error ? p.error->message : "");
    if (p.error) {
        return {};
    }
    return std::get<ast::CreateTable>(p.statements[0].body).columns[0].type;
}

std::string spelled(const model::TypeRef& t) {
    std::string out = t.name.name;
    if (!t.modifiers.empty()) {
        out += "(";
        for (std::size_t i = 0; i < t.modifiers.size(); ++i) {
            out += (i > 0 ? "," : "") + t.modifiers[i];
        }
        out += ")";
    }
    return out;
}

TEST(Canonical, TypesAsColumnTypeReportsThem) {
    struct Row {
        const char* written;
        const char* canonical;  // name(modifiers)
    };
    for (const Row& row : std::initializer_list<Row>{
             {"INT(11)", "int"},
             {"integer", "int"},
             {"int4", "int"},
             {"INT(10) UNSIGNED", "int unsigned"},
             {"int(5) zerofill", "int unsigned zerofill(5)"},
             {"int zerofill", "int unsigned zerofill(10)"},
             {"bigint(20) unsigned", "bigint unsigned"},
             {"tinyint(1)", "tinyint(1)"},
             {"tinyint(4)", "tinyint"},
             {"BOOL", "tinyint(1)"},
             {"boolean", "tinyint(1)"},
             {"middleint", "mediumint"},
             {"serial", "bigint unsigned"},
             {"decimal", "decimal(10,0)"},
             {"numeric(5)", "decimal(5,0)"},
             {"dec(7,2)", "decimal(7,2)"},
             {"fixed(7,2) unsigned", "decimal unsigned(7,2)"},
             {"float(20)", "float"},
             {"float(30)", "double"},
             {"double precision", "double"},
             {"real", "double"},
             {"float(7,4)", "float(7,4)"},
             {"bit", "bit(1)"},
             {"char", "char(1)"},
             {"character varying(20)", "varchar(20)"},
             {"national char(3)", "char(3)"},
             {"nvarchar(3)", "varchar(3)"},
             {"char(10) byte", "binary(10)"},
             {"varchar(10) character set binary", "varbinary(10)"},
             {"binary", "binary(1)"},
             {"long", "mediumtext"},
             {"long varbinary", "mediumblob"},
             {"text(100)", "tinytext"},
             {"text(1000)", "text"},
             {"blob(70000)", "mediumblob"},
             {"datetime(0)", "datetime"},
             {"TIMESTAMP(6)", "timestamp(6)"},
             {"year(4)", "year"},
             {"enum('a','b ')", "enum('a','b')"},
             {"set('x','it''s')", "set('x','it''s')"},
             {"geomcollection", "geometrycollection"},
             {"JSON", "json"},
         }) {
        auto t = canonical_type(type_of(row.written));
        ASSERT_TRUE(t.has_value()) << row.written << ": " << t.error();
        EXPECT_EQ(spelled(t->ref), row.canonical) << row.written;
    }
}

TEST(Canonical, TypesMySqlRejects) {
    for (const char* bad : {"varchar", "varbinary", "foo", "decimal(70,2)", "decimal(5,6)", "float(60)",
                            "datetime(7)", "enum", "int(1,2)"}) {
        EXPECT_FALSE(canonical_type(type_of(bad)).has_value()) << bad;
    }
}

TEST(Canonical, CharsetsAndCollations) {
    EXPECT_EQ(parser::mysql::canonical_charset("UTF8"), "utf8mb3");
    EXPECT_EQ(parser::mysql::canonical_collation("utf8_unicode_ci"), "utf8mb3_unicode_ci");
    EXPECT_EQ(parser::mysql::charset_of_collation("utf8mb4_0900_ai_ci"), "utf8mb4");
    EXPECT_EQ(parser::mysql::charset_of_collation("utf8_bin"), "utf8mb3");
    EXPECT_EQ(parser::mysql::default_collation("latin1"), "latin1_swedish_ci");
    EXPECT_EQ(parser::mysql::non_default_collation("utf8_general_ci"), "");
    EXPECT_EQ(parser::mysql::non_default_collation("utf8mb4_unicode_ci"), "utf8mb4_unicode_ci");
    EXPECT_EQ(parser::mysql::non_default_collation("utf8mb4_general_ci"), "");  // MariaDB's default
    EXPECT_EQ(parser::mysql::non_default_collation("utf8mb4_0900_ai_ci"), "");  // MySQL 8.0's
    auto t = canonical_type(type_of("char(3) ascii"));
    EXPECT_EQ(t->charset, "latin1");
    EXPECT_EQ(canonical_type(type_of("nchar(3)"))->charset, "utf8mb3");
    EXPECT_TRUE(canonical_type(type_of("varchar(3) binary"))->binary_collation);
}

std::string default_of(const std::string& type_and_default) {
    static parser::mysql::ChunkParser parser;
    auto p = parser.parse("CREATE TABLE t (c " + type_and_default + ")");
    EXPECT_FALSE(p.error) << type_and_default;
    if (p.error) {
        return "<syntax error>";
    }
    const auto& col = std::get<ast::CreateTable>(p.statements[0].body).columns[0];
    auto type = canonical_type(col.type);
    auto d = parser::mysql::canonical_default(*col.default_value, *type, {});
    if (!d) {
        return "<error>";
    }
    return *d ? (*d)->text : "<none>";
}

TEST(Canonical, DefaultsAsShowCreateTablePrintsThem) {
    struct Row {
        const char* column;
        const char* canonical;
    };
    for (const Row& row : std::initializer_list<Row>{
             {"int DEFAULT 0", "'0'"},
             {"int DEFAULT '0'", "'0'"},
             {"int DEFAULT +7", "'7'"},
             {"int DEFAULT -1", "'-1'"},
             {"int DEFAULT 1.6", "'2'"},
             {"int DEFAULT NULL", "<none>"},
             {"tinyint(1) DEFAULT TRUE", "'1'"},
             {"tinyint(1) DEFAULT false", "'0'"},
             {"decimal(5,2) DEFAULT 1.5", "'1.50'"},
             {"decimal(5,2) DEFAULT '1.505'", "'1.51'"},
             {"decimal(10,0) DEFAULT '0'", "'0'"},
             {"float DEFAULT 1.50", "'1.5'"},
             {"bit(3) DEFAULT 5", "b'101'"},
             {"bit(3) DEFAULT b'0101'", "b'101'"},
             {"varchar(3) DEFAULT 0", "'0'"},
             {"varchar(3) DEFAULT _utf8mb4'a''b'", "'a''b'"},
             {"varchar(9) DEFAULT 'a\\\\b'", "'a\\\\b'"},
             {"enum('x','Y') DEFAULT 'y'", "'Y'"},
             {"enum('x','Y') DEFAULT 2", "'Y'"},
             {"datetime DEFAULT '2000-01-01'", "'2000-01-01 00:00:00'"},
             {"datetime(3) DEFAULT '2000-01-01 10:00:00'", "'2000-01-01 10:00:00.000'"},
             {"date DEFAULT '2000-01-01'", "'2000-01-01'"},
             {"timestamp DEFAULT CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
             {"timestamp DEFAULT now()", "CURRENT_TIMESTAMP"},
             {"datetime DEFAULT LOCALTIMESTAMP", "CURRENT_TIMESTAMP"},
             {"datetime(6) DEFAULT current_timestamp(6)", "CURRENT_TIMESTAMP(6)"},
             {"varchar(36) DEFAULT (uuid())", "(uuid())"},
             {"varchar(36) DEFAULT uuid()", "(uuid())"},
             {"date DEFAULT (CURRENT_DATE)", "(curdate())"},
             {"date DEFAULT curdate()", "(curdate())"},
             {"int DEFAULT (1 + 2)", "(1 + 2)"},
         }) {
        EXPECT_EQ(default_of(row.column), row.canonical) << row.column;
    }
}

TEST(Canonical, DefaultsMySqlRejects) {
    for (const char* bad : {"int DEFAULT 'abc'", "int unsigned DEFAULT -1", "enum('a') DEFAULT 'b'",
                            "datetime DEFAULT 'soon'", "datetime(3) DEFAULT CURRENT_TIMESTAMP",
                            "varchar(3) DEFAULT CURRENT_TIMESTAMP", "decimal(5,2) DEFAULT 'x'"}) {
        EXPECT_EQ(default_of(bad), "<error>") << bad;
    }
}

std::string expression(const std::string& check, bool columns = true) {
    static parser::mysql::ChunkParser parser;
    auto p = parser.parse("CREATE TABLE t (c int, CHECK (" + check + "))");
    EXPECT_FALSE(p.error) << check;
    if (p.error) {
        return "<syntax error>";
    }
    parser::mysql::ExprContext context;
    if (columns) {
        context.column = [](std::string_view name) -> std::optional<std::string> {
            std::string lower(name);
            for (auto& ch : lower) {
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            }
            if (lower == "price" || lower == "qty") {
                return lower == "price" ? "Price" : "qty";
            }
            return std::nullopt;
        };
    }
    return parser::mysql::render_expression(std::get<ast::CreateTable>(p.statements[0].body).keys[0].check.tokens,
                                            context)
        .text;
}

TEST(Canonical, ExpressionText) {
    EXPECT_EQ(expression("price>0"), "Price > 0");
    EXPECT_EQ(expression("(`PRICE` > 0)"), "Price > 0");
    EXPECT_EQ(expression("((price > 0 and qty != -1))"), "Price > 0 AND qty <> -1");
    EXPECT_EQ(expression("price > 0 && qty<>1"), "Price > 0 AND qty <> 1");
    EXPECT_EQ(expression("COALESCE( price , 0 ) > 1"), "coalesce(Price, 0) > 1");
    EXPECT_EQ(expression("price in (1,2)"), "Price IN (1, 2)");
    EXPECT_EQ(expression("qty - 1 > 0"), "qty - 1 > 0");
    EXPECT_EQ(expression("status = \"a\""), "STATUS = 'a'");
    EXPECT_EQ(expression("`t`.`price` > 0"), "t.Price > 0");
    EXPECT_EQ(expression("price = X'0A'"), "Price = 0x0a");
}

}  // namespace
}  // namespace schemerge::test::mysql
