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

TEST(InterpretRoutine, Events) {
    auto r = load_ok(
        "CREATE TABLE sessions (id int, expires_at datetime);\nDELIMITER ;;\n"
        "CREATE DEFINER=`app`@`%` EVENT purge_old ON SCHEDULE every 1 hour starts '2024-01-01 00:00:00'\n"
        "  ON COMPLETION PRESERVE DISABLE ON SLAVE COMMENT 'hourly'\n"
        "DO BEGIN\n  DELETE FROM sessions WHERE expires_at < NOW();\nEND;;\n"
        "/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `dumped` ON SCHEDULE EVERY 1 DAY "
        "ON COMPLETION NOT PRESERVE ENABLE DO delete from sessions */ ;;\nDELIMITER ;\n"
        "CREATE EVENT IF NOT EXISTS dumped ON SCHEDULE EVERY 5 DAY DO SELECT 1;\n");
    ASSERT_EQ(r.schema.functions.size(), 2U);
    const model::Function& purge = r.schema.functions.at({{"", "purge_old"}, ""});
    EXPECT_EQ(purge.kind, model::RoutineKind::event);
    EXPECT_EQ(model::object_kind(purge.kind), model::ObjectKind::event);
    EXPECT_EQ(attribute(purge, attr::event_schedule), "EVERY 1 HOUR STARTS '2024-01-01 00:00:00'");
    EXPECT_EQ(attribute(purge, attr::event_preserve), "true");
    EXPECT_EQ(attribute(purge, attr::event_status), "DISABLE ON SLAVE");
    EXPECT_EQ(*purge.meta.comment, "hourly");
    EXPECT_EQ(purge.meta.owner, "app@%");
    EXPECT_EQ(purge.body, "BEGIN\n  DELETE FROM sessions WHERE expires_at < NOW();\nEND");
    EXPECT_EQ(purge.body_references.relations, (std::vector<model::QualifiedName>{{"", "sessions"}}));
    // mysqldump's versioned form, with the defaults spelled out, is the same as without them;
    // IF NOT EXISTS left the first definition alone.
    const model::Function& dumped = r.schema.functions.at({{"", "dumped"}, ""});
    EXPECT_EQ(attribute(dumped, attr::event_schedule), "EVERY 1 DAY");
    EXPECT_EQ(attribute(dumped, attr::event_preserve), "");
    EXPECT_EQ(attribute(dumped, attr::event_status), "");
    EXPECT_EQ(dumped.body, "delete from sessions");
    EXPECT_EQ(r.stats.unsupported, 0U);
    EXPECT_TRUE(r.schema.opaque.empty());
    EXPECT_EQ(schema_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1;")
                  .functions.at({{"", "e"}, ""})
                  .meta.attributes,
              schema_of("CREATE EVENT e ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE DO SELECT 1;")
                  .functions.at({{"", "e"}, ""})
                  .meta.attributes);

    // ALTER EVENT changes what it names and keeps the rest; RENAME TO moves it; DROP removes it.
    auto altered = load_ok(
        "CREATE TABLE t (a int);\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY COMMENT 'c' DO DELETE FROM t;\n"
        "ALTER EVENT e ON SCHEDULE EVERY 2 HOUR DISABLE;\nALTER EVENT e RENAME TO e2 DO UPDATE t SET a = 1;\n"
        "CREATE EVENT gone ON SCHEDULE AT '2030-01-01 00:00:00' DO SELECT 1;\nDROP EVENT gone;\nDROP EVENT IF EXISTS gone;");
    ASSERT_EQ(altered.schema.functions.size(), 1U);
    const model::Function& e2 = altered.schema.functions.at({{"", "e2"}, ""});
    EXPECT_EQ(attribute(e2, attr::event_schedule), "EVERY 2 HOUR");
    EXPECT_EQ(attribute(e2, attr::event_status), "DISABLE");
    EXPECT_EQ(*e2.meta.comment, "c");
    EXPECT_EQ(e2.body, "UPDATE t SET a = 1");
    EXPECT_EQ(e2.meta.location.line, 2U);
    EXPECT_EQ(e2.meta.changed_at.line, 4U);

    // Events are per database and go with it.
    auto db = load_ok("CREATE DATABASE other;\nCREATE EVENT other.e ON SCHEDULE EVERY 1 DAY DO SELECT 1;\n"
                      "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1;\nDROP DATABASE other;");
    ASSERT_EQ(db.schema.functions.size(), 1U);
    EXPECT_TRUE(db.schema.functions.contains({{"", "e"}, ""}));
}

}  // namespace
}  // namespace schemerge::test::mysql
