// The PostgreSQL front end's body analysis (parser/postgres/routine_body.cpp): what each
// routine body reads and writes, with source lines, recorded in the model while loading.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/postgres/routine_body.hpp"
#include "support/load.hpp"

namespace schemerge::test {
namespace {

using model::BodyAccess;
using model::BodyReference;

BodyReference ref(model::QualifiedName relation, std::string column, BodyAccess access, std::uint32_t line,
                  bool trigger_row = false) {
    BodyReference r;
    r.relation = std::move(relation);
    r.column = std::move(column);
    r.access = access;
    r.line = line;
    r.trigger_row = trigger_row;
    return r;
}

std::string show(const std::vector<BodyReference>& refs) {
    std::string out;
    for (const auto& r : refs) {
        out += (r.trigger_row ? std::string("<row>") : r.relation.to_string()) + "." + r.column +
               (r.access == BodyAccess::write ? " write" : " read") + " line " + std::to_string(r.line) + "\n";
    }
    return out;
}

const model::Function& only_function(const model::Schema& s, const std::string& name) {
    for (const auto& [key, f] : s.functions) {
        if (key.name.name == name) {
            return f;
        }
    }
    static const model::Function none;
    ADD_FAILURE() << "no function " << name;
    return none;
}

TEST(RoutineBody, PlpgsqlReadsAndWritesWithFileLines) {
    auto s = schema_of(
        "CREATE TABLE orders (id int, total numeric, status text);\n"  // 1
        "CREATE TABLE audit (order_id int, note text);\n"              // 2
        "CREATE FUNCTION close_order(p_id int) RETURNS void\n"         // 3
        "    LANGUAGE plpgsql\n"                                       // 4
        "    AS $$\n"                                                  // 5
        "BEGIN\n"                                                      // 6
        "    UPDATE orders SET status = 'closed' WHERE id = p_id;\n"   // 7
        "    INSERT INTO audit (order_id, note)\n"                     // 8
        "    VALUES (p_id, 'closed');\n"                               // 9
        "END\n"                                                        // 10
        "$$;\n");
    const auto& body = only_function(s, "close_order").body_dependencies;
    ASSERT_TRUE(body.analysed);
    std::vector<BodyReference> expected{
        ref(pub("audit"), "", BodyAccess::write, 8),
        ref(pub("audit"), "note", BodyAccess::write, 8),
        ref(pub("audit"), "order_id", BodyAccess::write, 8),
        ref(pub("orders"), "", BodyAccess::write, 7),
        ref(pub("orders"), "id", BodyAccess::read, 7),  // p_id is a parameter: not a column
        ref(pub("orders"), "status", BodyAccess::write, 7),
    };
    EXPECT_EQ(show(body.references), show(expected));
    EXPECT_EQ(body.relations(), (std::vector<model::QualifiedName>{pub("audit"), pub("orders")}));
    using Column = std::pair<model::QualifiedName, std::string>;
    EXPECT_EQ(body.columns(std::nullopt),
              (std::vector<Column>{{pub("audit"), "note"}, {pub("audit"), "order_id"}, {pub("orders"), "id"},
                                   {pub("orders"), "status"}}));
}

TEST(RoutineBody, TriggerRowColumnsWaitForTheTriggerTable) {
    auto s = schema_of(
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"  // 1
        "BEGIN\n"                                                          // 2
        "  NEW.updated_at := now();\n"                                     // 3
        "  RETURN NEW;\n"                                                  // 4
        "END $$;\n");
    const auto& body = only_function(s, "touch").body_dependencies;
    ASSERT_TRUE(body.analysed);
    EXPECT_EQ(show(body.references), show({ref({}, "updated_at", BodyAccess::read, 3, true)}));
    EXPECT_TRUE(body.relations().empty());
    EXPECT_TRUE(body.columns(std::nullopt).empty()) << "no trigger table known: NEW.x names no column";
    using Column = std::pair<model::QualifiedName, std::string>;
    EXPECT_EQ(body.columns(pub("items")), (std::vector<Column>{{pub("items"), "updated_at"}}));
}

TEST(RoutineBody, SqlBodiesQuotedAndAtomic) {
    auto s = schema_of(
        "CREATE SCHEMA app;\n"                                                            // 1
        "CREATE TABLE app.orders (id int, total numeric);\n"                              // 2
        "CREATE FUNCTION n() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.orders';\n"  // 3
        "CREATE FUNCTION total(p int) RETURNS numeric LANGUAGE sql\n"                     // 4
        "BEGIN ATOMIC\n"                                                                  // 5
        "  SELECT o.total FROM app.orders o WHERE o.id = p;\n"                            // 6
        "END;\n");
    const auto& quoted = only_function(s, "n").body_dependencies;
    ASSERT_TRUE(quoted.analysed);
    EXPECT_EQ(show(quoted.references), show({ref({"app", "orders"}, "", BodyAccess::read, 3)}));

    const auto& atomic = only_function(s, "total").body_dependencies;
    ASSERT_TRUE(atomic.analysed);
    EXPECT_EQ(show(atomic.references), show({
                                           ref({"app", "orders"}, "", BodyAccess::read, 6),
                                           ref({"app", "orders"}, "id", BodyAccess::read, 6),
                                           ref({"app", "orders"}, "total", BodyAccess::read, 6),
                                       }));
}

TEST(RoutineBody, OtherLanguagesAndBrokenBodiesAreNotAnalysed) {
    auto s = schema_of(
        "CREATE FUNCTION ext(int) RETURNS int LANGUAGE c AS 'mylib', 'ext';\n"
        "CREATE FUNCTION broken() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN ( END $$;\n"
        "CREATE FUNCTION constant_one() RETURNS int LANGUAGE sql AS 'SELECT 1';\n");
    EXPECT_FALSE(only_function(s, "ext").body_dependencies.analysed);
    EXPECT_FALSE(only_function(s, "broken").body_dependencies.analysed);
    const auto& constant = only_function(s, "constant_one").body_dependencies;
    EXPECT_TRUE(constant.analysed) << "analysed, and reads nothing";
    EXPECT_TRUE(constant.references.empty());
}

TEST(RoutineBody, AnalysisWithoutSourceLinesAndAnotherDefaultSchema) {
    // Called directly (no statement site): lines unknown, unqualified names in the given schema.
    model::Function f;
    f.language = "sql";
    f.body = "DELETE FROM logs WHERE created < now()";
    auto body = parser::postgres::analyse_routine_body(f, "app", {});
    ASSERT_TRUE(body.analysed);
    EXPECT_EQ(show(body.references), show({
                                         ref({"app", "logs"}, "", BodyAccess::write, 0),
                                         ref({"app", "logs"}, "created", BodyAccess::read, 0),
                                     }));
}

TEST(RoutineBody, NotPartOfTheFunctionsValue) {
    auto a = schema_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';");
    auto b = a;
    b.functions.begin()->second.body_dependencies.analysed = false;
    EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace schemerge::test
