// body_references.cpp: the tables and columns a routine body reads and writes.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/mysql/body_references.hpp"
#include "parser/mysql/syntax.hpp"

namespace schemerge::test::mysql {
namespace {

namespace ast = parser::mysql::ast;
using parser::mysql::BodyReference;

std::vector<BodyReference> refs_of_trigger(const std::string& body, const std::string& table = "events") {
    static parser::mysql::ChunkParser parser;
    auto p = parser.parse("CREATE TRIGGER tr AFTER UPDATE ON " + table + " FOR EACH ROW " + body);
    EXPECT_FALSE(p.error) << (p.error ? p.error->message : "");
    if (p.error) {
        return {};
    }
    const auto& t = std::get<ast::CreateTrigger>(p.statements[0].body);
    parser::mysql::BodyContext context;
    context.qualify = [](const ast::Name& n) { return model::QualifiedName{n.schema, n.name}; };
    context.trigger_table = model::QualifiedName{"", table};
    return parser::mysql::analyze_body(t.body.statements, context);
}

std::vector<std::string> described(const std::vector<BodyReference>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) {
        out.push_back(r.relation.to_string() + (r.column.empty() ? "" : "." + r.column) + (r.write ? " w" : ""));
    }
    return out;
}

TEST(BodyReferences, TriggerBody) {
    auto refs = refs_of_trigger(
        "BEGIN\n  DECLARE diff BIGINT DEFAULT 0;\n  SET diff = COALESCE(NEW.DiskSpace,0) - COALESCE(OLD.DiskSpace,0);\n"
        "  IF (diff) THEN\n    UPDATE Monitors SET TotalDisk = COALESCE(TotalDisk,0) + diff WHERE Id = OLD.MonitorId;\n"
        "  END IF;\n  INSERT INTO Events_Archived (EventId, DiskSpace) VALUES (NEW.Id, NEW.DiskSpace);\n"
        "  DELETE FROM Events_Day WHERE EventId = OLD.Id;\nEND");
    // In the order they first appear; `diff` is a variable, NEW./OLD. are the trigger's table.
    EXPECT_EQ(described(refs), (std::vector<std::string>{
                                   "events.DiskSpace", "Monitors w", "Monitors.TotalDisk w", "Monitors.TotalDisk",
                                   "Monitors.Id", "events.MonitorId", "Events_Archived w", "Events_Archived.EventId w",
                                   "Events_Archived.DiskSpace w", "events.Id", "Events_Day w", "Events_Day.EventId"}));
}

TEST(BodyReferences, JoinsAndAliases) {
    auto refs = refs_of_trigger(
        "BEGIN UPDATE Monitors M JOIN Events E ON E.MonitorId = M.Id SET M.Total = E.Disk; "
        "SELECT COUNT(*) INTO @n FROM Zones z, Storage AS s WHERE z.StorageId = s.Id; END");
    EXPECT_EQ(described(refs),
              (std::vector<std::string>{"Monitors w", "Events w", "Events.MonitorId", "Monitors.Id", "Monitors.Total",
                                        "Events.Disk", "Zones", "Storage", "Zones.StorageId", "Storage.Id"}));
}

TEST(BodyReferences, OffsetsPointAtTheirStatement) {
    auto refs = refs_of_trigger("BEGIN\nUPDATE a SET x = 1;\nDELETE FROM b;\nEND");
    ASSERT_EQ(refs.size(), 3U);
    EXPECT_LT(refs[0].offset, refs[2].offset);
}

TEST(BodyReferences, ViewQueries) {
    static parser::mysql::ChunkParser parser;
    auto p = parser.parse("CREATE VIEW v AS WITH recent AS (SELECT * FROM orders) SELECT * FROM recent r JOIN "
                          "shop.customers c ON c.id = r.cid WHERE r.id IN (SELECT order_id FROM refunds)");
    ASSERT_FALSE(p.error) << p.error->message;
    parser::mysql::BodyContext context;
    context.qualify = [](const ast::Name& n) { return model::QualifiedName{n.schema, n.name}; };
    auto rels = parser::mysql::query_relations(std::get<ast::CreateView>(p.statements[0].body).query, context);
    EXPECT_EQ(rels, (std::vector<model::QualifiedName>{{"", "orders"}, {"shop", "customers"}, {"", "refunds"}}));
}

}  // namespace
}  // namespace schemerge::test::mysql
