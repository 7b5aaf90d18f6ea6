// interpret_routine.cpp: views, triggers, procedures and functions.
#include <string>

#include <gtest/gtest.h>

#include "mysql_load.hpp"
#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::test::mysql {
namespace {

namespace attr = parser::mysql::attr;

TEST(InterpretRoutine, Views) {
    auto r = load_ok("CREATE TABLE t (a int, b int);\nCREATE TABLE u (a int);\n"
                     "/*!50001 CREATE ALGORITHM=MERGE */ /*!50013 DEFINER=`root`@`localhost` SQL SECURITY INVOKER */ "
                     "/*!50001 VIEW `v` (x, y) AS select `t`.`a` AS `a`, count(*) from (`t` join `u` on((`t`.`a` = "
                     "`u`.`a`))) group by `t`.`a` */;\nCREATE VIEW w AS SELECT a FROM v WITH LOCAL CHECK OPTION;\n"
                     "ALTER VIEW w AS SELECT x FROM v;\nCREATE OR REPLACE VIEW w AS SELECT y FROM v;");
    const model::View& v = r.schema.views.at({"", "v"});
    EXPECT_EQ(v.column_names, (std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(v.query.text, "SELECT t.a AS a, count(*) FROM (t JOIN u ON ((t.a = u.a))) GROUP BY t.a");
    EXPECT_EQ(v.query.relations, (std::vector<model::QualifiedName>{{"", "t"}, {"", "u"}}));
    EXPECT_EQ(attribute(v, attr::view_algorithm), "MERGE");
    EXPECT_EQ(attribute(v, attr::sql_security), "INVOKER");
    EXPECT_EQ(v.meta.owner, "root@localhost");
    const model::View& w = r.schema.views.at({"", "w"});
    EXPECT_EQ(w.query.text, "SELECT y FROM v");
    EXPECT_EQ(w.check_option, "");
    EXPECT_EQ(w.meta.location.line, 4U);
    EXPECT_EQ(w.meta.changed_at.line, 6U);
}

TEST(InterpretRoutine, Triggers) {
    auto r = load_ok("CREATE TABLE events (id int, monitor_id int, disk bigint);\nCREATE TABLE monitors (id int, total bigint);\n"
                     "DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`zm`@`%`*/ /*!50003 TRIGGER event_update AFTER "
                     "UPDATE ON events FOR EACH ROW BEGIN\n  UPDATE monitors SET total = total + NEW.disk WHERE id = "
                     "NEW.monitor_id;\nEND */;;\nDELIMITER ;\n"
                     "CREATE TRIGGER t2 BEFORE INSERT ON events FOR EACH ROW FOLLOWS event_update SET NEW.disk = 0;");
    const model::Trigger& t = r.schema.triggers.at({{"", "events"}, "event_update"});
    EXPECT_EQ(t.timing, model::TriggerTiming::after);
    EXPECT_TRUE(t.events.update);
    EXPECT_TRUE(t.for_each_row);
    EXPECT_EQ(t.meta.owner, "zm@%");
    EXPECT_EQ(attribute(t, attr::trigger_body),
              "BEGIN\n  UPDATE monitors SET total = total + NEW.disk WHERE id = NEW.monitor_id;\nEND");
    EXPECT_EQ(t.when.relations, (std::vector<model::QualifiedName>{{"", "monitors"}}));
    EXPECT_TRUE(t.when.text.empty());
    EXPECT_EQ(attribute(r.schema.triggers.at({{"", "events"}, "t2"}), attr::trigger_order), "FOLLOWS event_update");
    auto dropped = load_ok("CREATE TABLE t (a int);\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;\n"
                           "DROP TRIGGER tr;\nDROP TRIGGER IF EXISTS tr;");
    EXPECT_TRUE(dropped.schema.triggers.empty());
}

TEST(InterpretRoutine, ProceduresAndFunctions) {
    auto r = load_ok(
        "CREATE TABLE storage (id int, disk bigint);\nDELIMITER //\n"
        "CREATE DEFINER=CURRENT_USER PROCEDURE update_stats(IN sid INT, IN space BIGINT)\nSQL SECURITY INVOKER\n"
        "DETERMINISTIC\nCOMMENT 'keeps totals'\nBEGIN\n  DECLARE n INT DEFAULT 0;\n  UPDATE storage SET disk = "
        "COALESCE(disk, 0) + space WHERE id = sid;\nEND//\n"
        "CREATE FUNCTION twice(x INT UNSIGNED) RETURNS bigint READS SQL DATA RETURN x * 2//\nDELIMITER ;\n"
        "ALTER PROCEDURE update_stats COMMENT 'totals';");
    ASSERT_EQ(r.schema.functions.size(), 2U);
    const model::Function* p = nullptr;
    const model::Function* f = nullptr;
    for (const auto& [key, fn] : r.schema.functions) {
        (key.name.name == "update_stats" ? p : f) = &fn;
        EXPECT_EQ(key.args, fn.identity_args());
    }
    ASSERT_NE(p, nullptr);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(p->kind, model::RoutineKind::procedure);
    ASSERT_EQ(p->args.size(), 2U);
    EXPECT_EQ(p->args[0].name, "sid");
    EXPECT_EQ(p->args[1].type.name.name, "bigint");
    EXPECT_FALSE(p->security_definer);
    EXPECT_EQ(attribute(*p, attr::deterministic), "true");
    EXPECT_EQ(*p->meta.comment, "totals");
    EXPECT_EQ(p->meta.owner, "CURRENT_USER");
    EXPECT_TRUE(p->body.starts_with("BEGIN\n  DECLARE n INT DEFAULT 0;"));
    EXPECT_TRUE(p->body.ends_with("END"));
    EXPECT_EQ(p->language, "sql");
    EXPECT_EQ(p->body_references.relations, (std::vector<model::QualifiedName>{{"", "storage"}}));
    EXPECT_EQ(p->body_references.columns, (std::vector<std::string>{"disk", "id"}));
    EXPECT_EQ(f->kind, model::RoutineKind::function);
    EXPECT_EQ(f->args[0].type.name.name, "int unsigned");
    EXPECT_EQ(f->returns->name.name, "bigint");
    EXPECT_EQ(attribute(*f, attr::data_access), "READS SQL DATA");
    EXPECT_TRUE(f->security_definer);  // SQL SECURITY DEFINER is the default
    EXPECT_EQ(f->body, "RETURN x * 2");
    auto dropped = load_ok("CREATE FUNCTION f() RETURNS int RETURN 1;\nDROP FUNCTION f;\nDROP PROCEDURE IF EXISTS f;");
    EXPECT_TRUE(dropped.schema.functions.empty());
}

}  // namespace
}  // namespace schemerge::test::mysql
