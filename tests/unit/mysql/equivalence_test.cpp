// Two spellings MySQL stores identically build equal models; two it stores differently do
// not. Each pair loads both sides and compares the models (and their JSON, for a readable
// failure).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mysql_load.hpp"

namespace schemerge::test::mysql {
namespace {

struct Pair {
    const char* name;
    std::string a;
    std::string b;
};

TEST(Equivalence, SpellingsMySqlStoresIdentically) {
    const std::vector<Pair> pairs = {
        {"integer display widths", "CREATE TABLE t (a INT(11), b BIGINT(20) UNSIGNED, c SMALLINT(6));",
         "CREATE TABLE t (a int, b bigint unsigned, c smallint);"},
        {"INTEGER and INT", "CREATE TABLE t (a INTEGER);", "CREATE TABLE t (a int);"},
        {"BOOL is TINYINT(1)", "CREATE TABLE t (a BOOL DEFAULT TRUE);", "CREATE TABLE t (a tinyint(1) DEFAULT '1');"},
        {"utf8 is utf8mb3", "CREATE TABLE t (a varchar(5)) DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci;",
         "CREATE TABLE t (a varchar(5)) DEFAULT CHARACTER SET = utf8mb3 COLLATE utf8mb3_unicode_ci;"},
        {"a column spelling out the table's character set",
         "CREATE TABLE t (a varchar(5) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci) CHARSET=utf8mb3 "
         "COLLATE=utf8mb3_unicode_ci;",
         "CREATE TABLE t (a varchar(5)) CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;"},
        {"the default collation written or not", "CREATE TABLE t (a text) CHARSET=latin1 COLLATE latin1_swedish_ci;",
         "CREATE TABLE t (a text) CHARSET=latin1;"},
        {"the table's character set from the database",
         "CREATE DATABASE d CHARACTER SET latin1; USE d; CREATE TABLE t (a text);",
         "CREATE DATABASE d; USE d; CREATE TABLE t (a text) DEFAULT CHARSET=latin1;"},
        {"KEY and INDEX", "CREATE TABLE t (a int, KEY i (a));", "CREATE TABLE t (a int, INDEX i (a));"},
        {"inline and ALTER TABLE ADD keys",
         "CREATE TABLE t (id int NOT NULL, a int, PRIMARY KEY (id), UNIQUE KEY u (a), KEY k (a, id));",
         "CREATE TABLE t (id int, a int);\nALTER TABLE t ADD PRIMARY KEY (id), ADD UNIQUE u (a);\nCREATE INDEX k ON t "
         "(a, id);"},
        {"a column's UNIQUE and CONSTRAINT ... UNIQUE",
         "CREATE TABLE t (a int UNIQUE);",
         "CREATE TABLE t (a int, CONSTRAINT a UNIQUE (a));"},
        {"CREATE UNIQUE INDEX and UNIQUE KEY", "CREATE TABLE t (a int); CREATE UNIQUE INDEX a ON t (a);",
         "CREATE TABLE t (a int, UNIQUE KEY (a));"},
        {"generated index names", "CREATE TABLE t (a int, b int, KEY (a), KEY (a, b), UNIQUE (b));",
         "CREATE TABLE t (a int, b int, KEY a (a), KEY a_2 (a, b), UNIQUE KEY b (b));"},
        {"USING BTREE is the default", "CREATE TABLE t (a int, KEY k (a) USING BTREE);",
         "CREATE TABLE t (a int, KEY k USING BTREE (a));"},
        {"a prefix as long as the column", "CREATE TABLE t (a varchar(10), KEY k (a(10)));",
         "CREATE TABLE t (a varchar(10), KEY k (a));"},
        {"PRIMARY KEY implies NOT NULL", "CREATE TABLE t (id int PRIMARY KEY);",
         "CREATE TABLE t (id int NOT NULL, PRIMARY KEY (id));"},
        {"a CONSTRAINT name on the primary key is ignored", "CREATE TABLE t (id int, CONSTRAINT pk PRIMARY KEY (id));",
         "CREATE TABLE t (id int NOT NULL PRIMARY KEY);"},
        {"AUTO_INCREMENT implies NOT NULL", "CREATE TABLE t (id int AUTO_INCREMENT, KEY (id));",
         "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, KEY id (id));"},
        {"SERIAL", "CREATE TABLE t (id SERIAL);",
         "CREATE TABLE t (id bigint unsigned NOT NULL AUTO_INCREMENT, UNIQUE KEY id (id));"},
        {"the index MySQL makes for a foreign key",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id));",
         "CREATE TABLE p (id int NOT NULL, PRIMARY KEY (id)); CREATE TABLE c (pid int, KEY pid (pid), CONSTRAINT "
         "c_ibfk_1 FOREIGN KEY (pid) REFERENCES p (id));"},
        {"a foreign key's index named after its constraint",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p "
         "(id));",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, KEY fk (pid), CONSTRAINT fk FOREIGN KEY (pid) "
         "REFERENCES p (id));"},
        {"an implicit foreign key index replaced by a later index",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, x int, FOREIGN KEY (pid) REFERENCES p (id)); "
         "CREATE INDEX pidx ON c (pid, x);",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, x int, KEY pidx (pid, x), FOREIGN KEY (pid) "
         "REFERENCES p (id));"},
        {"unspecified and NO ACTION referential actions",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id));",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id) ON DELETE "
         "NO ACTION ON UPDATE NO ACTION);"},
        {"generated CHECK names", "CREATE TABLE t (a int CHECK (a > 0), b int, CHECK (b > a));",
         "CREATE TABLE t (a int, b int, CONSTRAINT t_chk_1 CHECK ((a > 0)), CONSTRAINT `t_chk_2` CHECK (`b`>`a`));"},
        {"a nullable column's DEFAULT NULL", "CREATE TABLE t (a int DEFAULT NULL, b int NULL);",
         "CREATE TABLE t (a int, b int);"},
        {"CURRENT_TIMESTAMP synonyms",
         "CREATE TABLE t (a timestamp DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);",
         "CREATE TABLE t (a timestamp DEFAULT now() ON UPDATE localtimestamp());"},
        {"numeric defaults quoted or not", "CREATE TABLE t (a int NOT NULL DEFAULT 0, b decimal(5,2) DEFAULT 1.5);",
         "CREATE TABLE t (a int NOT NULL DEFAULT '0', b decimal(5,2) DEFAULT '1.50');"},
        {"MariaDB's and MySQL's expression defaults", "CREATE TABLE t (a varchar(36) DEFAULT uuid());",
         "CREATE TABLE t (a varchar(36) DEFAULT (uuid()));"},
        {"ENGINE=InnoDB is the default", "CREATE TABLE t (a int) ENGINE=InnoDB;", "CREATE TABLE t (a int);"},
        {"engine name case", "CREATE TABLE t (a int) ENGINE=myisam;", "CREATE TABLE t (a int) ENGINE MyISAM;"},
        {"the AUTO_INCREMENT counter is not part of the definition", "CREATE TABLE t (a int) AUTO_INCREMENT=42;",
         "CREATE TABLE t (a int);"},
        {"an empty comment", "CREATE TABLE t (a int COMMENT '') COMMENT='';", "CREATE TABLE t (a int);"},
        {"table options separated by commas or not", "CREATE TABLE t (a int) ENGINE=MyISAM, ROW_FORMAT=FIXED;",
         "CREATE TABLE t (a int) ENGINE=MyISAM ROW_FORMAT=FIXED;"},
        {"versioned comments run", "/*!40101 SET NAMES utf8 */;\nCREATE TABLE t (a int) /*!50100 COMMENT 'x' */;",
         "CREATE TABLE t (a int) COMMENT 'x';"},
        {"DELIMITER and the default delimiter",
         "CREATE TABLE t (a int);\nDELIMITER $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = "
         "1; END$$\nDELIMITER ;",
         "CREATE TABLE t (a int);\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;"},
        {"the script's own database is the scope", "CREATE DATABASE shop; USE shop; CREATE TABLE shop.t (a int);",
         "CREATE TABLE t (a int);"},
        {"the order tables are created in", "CREATE TABLE a (x int); CREATE TABLE b (y int);",
         "CREATE TABLE b (y int); CREATE TABLE a (x int);"},
        {"ALTER TABLE ... DEFAULT CHARSET keeps the columns' character set",
         "CREATE TABLE t (a varchar(3)) CHARSET=utf8mb4; ALTER TABLE t DEFAULT CHARSET=latin1;",
         "CREATE TABLE t (a varchar(3) CHARACTER SET utf8mb4) CHARSET=latin1;"},
        {"CONVERT TO changes the columns too",
         "CREATE TABLE t (a varchar(3)) CHARSET=utf8mb4; ALTER TABLE t CONVERT TO CHARACTER SET latin1;",
         "CREATE TABLE t (a varchar(3)) CHARSET=latin1;"},
        {"RENAME TABLE renames generated foreign key names",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id)); RENAME "
         "TABLE c TO d;",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE d (pid int, FOREIGN KEY (pid) REFERENCES p (id));"},
        {"a view's WITH CHECK OPTION is CASCADED", "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t WITH CHECK OPTION;",
         "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t WITH CASCADED CHECK OPTION;"},
        {"a view's default algorithm and security",
         "CREATE TABLE t (a int); CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW v AS select a from t;",
         "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t;"},
        {"RESTRICT, NO ACTION and nothing (InnoDB: one rule; MariaDB prints none of them)",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id) ON DELETE "
         "RESTRICT ON UPDATE RESTRICT);",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id));"},
        {"utf8mb4's default collation on either server",
         "CREATE TABLE t (a varchar(3)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;",
         "CREATE TABLE t (a varchar(3)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;"},
        {"MariaDB's JSON", "CREATE TABLE t (doc longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL "
                           "CHECK (json_valid(`doc`)));",
         "CREATE TABLE t (doc json);"},
        {"MariaDB's CONSTRAINT_n check names",
         "CREATE TABLE t (a int CHECK (a > 0), b int, CONSTRAINT `CONSTRAINT_1` CHECK (b > 0));",
         "CREATE TABLE t (a int CHECK (a > 0), b int, CHECK (b > 0));"},
        {"function synonyms", "CREATE TABLE t (a varchar(9), b varchar(9) AS (ucase(a)), c varchar(9) AS (substr(a, 2)));",
         "CREATE TABLE t (a varchar(9), b varchar(9) AS (UPPER(a)), c varchar(9) AS (SUBSTRING(a, 2)));"},
        {"mariadb-dump's sandbox line is a comment", "/*M!999999\\- enable the sandbox mode */\nCREATE TABLE t (a int);",
         "CREATE TABLE t (a int);"},
        {"a routine's default characteristics",
         "CREATE PROCEDURE p() CONTAINS SQL SQL SECURITY DEFINER NOT DETERMINISTIC SELECT 1;",
         "CREATE PROCEDURE p() SELECT 1;"},
    };
    for (const auto& p : pairs) {
        SCOPED_TRACE(p.name);
        model::Schema a = schema_of(p.a);
        model::Schema b = schema_of(p.b);
        EXPECT_EQ(model::to_json(a), model::to_json(b));
        EXPECT_TRUE(a == b);
    }
}

TEST(Equivalence, SpellingsMySqlStoresDifferently) {
    const std::vector<Pair> pairs = {
        {"TINYINT(1) is the boolean convention", "CREATE TABLE t (a tinyint(1));", "CREATE TABLE t (a tinyint);"},
        {"ZEROFILL widths", "CREATE TABLE t (a int(5) zerofill);", "CREATE TABLE t (a int(6) zerofill);"},
        {"UNSIGNED", "CREATE TABLE t (a int unsigned);", "CREATE TABLE t (a int);"},
        {"a column's own collation", "CREATE TABLE t (a varchar(3) COLLATE utf8mb4_bin) CHARSET=utf8mb4;",
         "CREATE TABLE t (a varchar(3)) CHARSET=utf8mb4;"},
        {"CHARACTER SET alone takes its default collation, not the table's",
         "CREATE TABLE t (a varchar(3) CHARACTER SET utf8mb4) CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;",
         "CREATE TABLE t (a varchar(3)) CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;"},
        {"table character sets", "CREATE TABLE t (a int) CHARSET=latin1;", "CREATE TABLE t (a int) CHARSET=utf8mb4;"},
        {"index names", "CREATE TABLE t (a int, KEY i (a));", "CREATE TABLE t (a int, KEY j (a));"},
        {"unique or not", "CREATE TABLE t (a int, KEY i (a));", "CREATE TABLE t (a int, UNIQUE KEY i (a));"},
        {"key part order", "CREATE TABLE t (a int, b int, KEY i (a, b));", "CREATE TABLE t (a int, b int, KEY i (b, a));"},
        {"DESC key parts", "CREATE TABLE t (a int, KEY i (a DESC));", "CREATE TABLE t (a int, KEY i (a));"},
        {"prefix lengths", "CREATE TABLE t (a varchar(20), KEY i (a(5)));", "CREATE TABLE t (a varchar(20), KEY i (a(6)));"},
        {"FULLTEXT and plain", "CREATE TABLE t (a text, FULLTEXT KEY i (a));", "CREATE TABLE t (a text, KEY i (a(10)));"},
        {"CASCADE and NO ACTION",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id) ON DELETE "
         "CASCADE);",
         "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int, FOREIGN KEY (pid) REFERENCES p (id));"},
        {"a collation that is not utf8mb4's default", "CREATE TABLE t (a text) CHARSET=utf8mb4 COLLATE=utf8mb4_bin;",
         "CREATE TABLE t (a text) CHARSET=utf8mb4;"},
        {"defaults", "CREATE TABLE t (a int DEFAULT 1);", "CREATE TABLE t (a int DEFAULT 2);"},
        {"no default and DEFAULT NULL on NOT NULL is not the same as a default",
         "CREATE TABLE t (a int NOT NULL DEFAULT 0);", "CREATE TABLE t (a int NOT NULL);"},
        {"ON UPDATE", "CREATE TABLE t (a timestamp ON UPDATE CURRENT_TIMESTAMP);", "CREATE TABLE t (a timestamp);"},
        {"engines", "CREATE TABLE t (a int) ENGINE=MyISAM;", "CREATE TABLE t (a int);"},
        {"column order", "CREATE TABLE t (a int, b int);", "CREATE TABLE t (b int, a int);"},
        {"AFTER places a column", "CREATE TABLE t (a int, b int); ALTER TABLE t ADD c int AFTER a;",
         "CREATE TABLE t (a int, b int, c int);"},
        {"ENUM labels", "CREATE TABLE t (a enum('x','y'));", "CREATE TABLE t (a enum('y','x'));"},
        {"ENUM label case", "CREATE TABLE t (a enum('x'));", "CREATE TABLE t (a enum('X'));"},
        {"table name case (lower_case_table_names=0)", "CREATE TABLE Users (a int);", "CREATE TABLE users (a int);"},
        {"invisible columns", "CREATE TABLE t (a int INVISIBLE, b int);", "CREATE TABLE t (a int, b int);"},
        {"virtual and stored generated columns", "CREATE TABLE t (a int, b int AS (a + 1) VIRTUAL);",
         "CREATE TABLE t (a int, b int AS (a + 1) STORED);"},
        {"CHECK NOT ENFORCED", "CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0) NOT ENFORCED);",
         "CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0));"},
        {"partitioning", "CREATE TABLE t (a int) PARTITION BY HASH (a) PARTITIONS 4;",
         "CREATE TABLE t (a int) PARTITION BY HASH (a) PARTITIONS 2;"},
        {"trigger bodies", "CREATE TABLE t (a int); CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;",
         "CREATE TABLE t (a int); CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 2;"},
        {"SQL SECURITY of a view", "CREATE TABLE t (a int); CREATE SQL SECURITY INVOKER VIEW v AS SELECT a FROM t;",
         "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t;"},
    };
    for (const auto& p : pairs) {
        SCOPED_TRACE(p.name);
        model::Schema a = schema_of(p.a);
        model::Schema b = schema_of(p.b);
        EXPECT_FALSE(a == b) << model::to_json(a);
    }
}

}  // namespace
}  // namespace schemerge::test::mysql
