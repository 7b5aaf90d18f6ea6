// Diff -> plan end to end under the test dialect (tests/unit/support/test_dialect*.cpp): its
// planner orders its steps with the neutral action graph and topological sort only, and
// assembles them as its non-transactional trait says. Names are chosen so that key order
// (the sort's tie-break) would be wrong: only the dependency graphs put them right.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "support/model_builder.hpp"
#include "support/test_dialect.hpp"
#include "support/test_dialect_planner.hpp"
#include "synth/plan_render.hpp"

namespace schemerge::synth {
namespace {

namespace testsql = test::test_dialect;

const model::DialectTraits& traits() { return testsql::traits(); }

// TestSQL with transactional DDL: the same planner then plans one transaction.
const model::DialectTraits& transactional_traits() {
    static const model::DialectTraits t = [] {
        model::DialectTraits copy = testsql::traits();
        copy.transactional_ddl = true;
        return copy;
    }();
    return t;
}

Plan plan_of(const model::Schema& from, const model::Schema& to) {
    return testsql::plan(from, to, diff::diff(from, to).changes);
}

std::vector<std::string> statements(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& step : plan.steps) {
        out.push_back(step.sql);
    }
    return out;
}

// from: A_CUSTOMERS, and Z_ORDERS whose foreign key references it.
// to:   Z_CUSTOMERS, and A_ORDERS whose foreign key references it, with an index.
model::Schema customers_and_orders(const model::DialectTraits& dialect, bool to) {
    test::ModelBuilder b(dialect);
    const std::string customers = to ? "Z_CUSTOMERS" : "A_CUSTOMERS";
    const std::string orders = to ? "A_ORDERS" : "Z_ORDERS";
    b.table(customers).column("ID", "INTEGER").primary_key({"ID"}, customers + "_PK");
    b.table(orders).column("ID", "INTEGER").column("CUSTOMER_ID", "INTEGER");
    b.foreign_key({"CUSTOMER_ID"}, customers, {"ID"}, orders + "_CUSTOMER");
    if (to) {
        b.index("BY_CUSTOMER", orders, {"CUSTOMER_ID"});
    }
    return b.build();
}

TEST(TestDialectPlan, StepsInDependencyOrderDropsInReverse) {
    model::Schema from = customers_and_orders(traits(), false);
    model::Schema to = customers_and_orders(traits(), true);
    Plan plan = plan_of(from, to);
    EXPECT_EQ(statements(plan),
              (std::vector<std::string>{
                  // Z_ORDERS' foreign key needs A_CUSTOMERS: the dependent goes first.
                  "DROP TABLE [MAIN].[Z_ORDERS]",
                  "DROP TABLE [MAIN].[A_CUSTOMERS]",
                  // A_ORDERS' foreign key needs Z_CUSTOMERS (and its key): that comes first.
                  "CREATE TABLE [MAIN].[Z_CUSTOMERS] ([ID] INTEGER NOT NULL, CONSTRAINT [Z_CUSTOMERS_PK] PRIMARY KEY "
                  "([ID]))",
                  "CREATE TABLE [MAIN].[A_ORDERS] ([ID] INTEGER, [CUSTOMER_ID] INTEGER, CONSTRAINT [A_ORDERS_CUSTOMER] "
                  "FOREIGN KEY ([CUSTOMER_ID]) REFERENCES [MAIN].[Z_CUSTOMERS] ([ID]))",
                  // The index needs its table.
                  "CREATE INDEX [BY_CUSTOMER] ON [MAIN].[A_ORDERS] ([CUSTOMER_ID])",
              }));
    std::vector<std::string> changes;
    for (const auto& step : plan.steps) {
        changes.push_back(step.change);
    }
    EXPECT_EQ(changes, (std::vector<std::string>{"drop table MAIN.Z_ORDERS", "drop table MAIN.A_CUSTOMERS",
                                                 "create table MAIN.Z_CUSTOMERS", "create table MAIN.A_ORDERS",
                                                 "create index MAIN.BY_CUSTOMER"}));
    ASSERT_EQ(plan.steps.front().hazards.size(), 1U);
    EXPECT_EQ(plan.steps.front().hazards.front().id, hazard::k_data_loss);
}

TEST(TestDialectPlan, ForeignKeyAndViewAfterTheNewTableTheyNeed) {
    test::ModelBuilder b(traits());
    b.table("ITEMS").column("ID", "INTEGER").primary_key({"ID"}, "ITEMS_PK");
    model::Schema from = b.build();
    b.table("A_TAGS").column("ID", "INTEGER").primary_key({"ID"}, "A_TAGS_PK");
    b.table("ITEMS").column("TAG_ID", "INTEGER").foreign_key({"TAG_ID"}, "A_TAGS", {"ID"}, "ITEMS_TAG");
    b.view("A_TAGGED", "SELECT ITEMS.ID FROM ITEMS JOIN A_TAGS ON A_TAGS.ID = ITEMS.TAG_ID", {"ITEMS", "A_TAGS"});
    model::Schema to = b.build();
    EXPECT_EQ(statements(plan_of(from, to)),
              (std::vector<std::string>{
                  "CREATE TABLE [MAIN].[A_TAGS] ([ID] INTEGER NOT NULL, CONSTRAINT [A_TAGS_PK] PRIMARY KEY ([ID]))",
                  "ALTER TABLE [MAIN].[ITEMS] ADD [TAG_ID] INTEGER",
                  "ALTER TABLE [MAIN].[ITEMS] ADD CONSTRAINT [ITEMS_TAG] FOREIGN KEY ([TAG_ID]) REFERENCES "
                  "[MAIN].[A_TAGS] ([ID])",
                  "CREATE VIEW [MAIN].[A_TAGGED] AS SELECT ITEMS.ID FROM ITEMS JOIN A_TAGS ON A_TAGS.ID = ITEMS.TAG_ID",
              }));
    // And back: the view and the foreign key go before the table they need.
    EXPECT_EQ(statements(plan_of(to, from)),
              (std::vector<std::string>{
                  "DROP VIEW [MAIN].[A_TAGGED]",
                  "ALTER TABLE [MAIN].[ITEMS] DROP CONSTRAINT [ITEMS_TAG]",
                  "ALTER TABLE [MAIN].[ITEMS] DROP [TAG_ID]",
                  "DROP TABLE [MAIN].[A_TAGS]",
              }));
}

// ITEMS (ID, NAME) with index ITEMS_NAME, attributes as given.
model::Schema with_attributes(const std::string& storage, bool compressed, std::int64_t fill, std::int64_t rows) {
    test::ModelBuilder b(traits());
    b.table("ITEMS").attribute(testsql::attr::storage, storage).attribute(testsql::attr::row_count, rows);
    b.column("ID", "INTEGER").column("NAME", "TEXT").attribute(testsql::attr::compressed, compressed);
    b.index("ITEMS_NAME", "ITEMS", {"NAME"});
    if (fill != 0) {
        b.attribute(testsql::attr::fill, fill);
    }
    return b.build();
}

TEST(TestDialectPlan, AttributeChangesArePlannedFromTheirRows) {
    model::Schema from = with_attributes("slow", false, 50, 1000);
    model::Schema to = with_attributes("fast", true, 0, 5);  // the row count is not compared
    Plan plan = plan_of(from, to);
    EXPECT_EQ(statements(plan), (std::vector<std::string>{
                                    "ALTER TABLE [MAIN].[ITEMS] SET [storage] = 'fast'",
                                    "ALTER COLUMN [MAIN].[ITEMS].[NAME] SET [compressed] = TRUE",
                                    "ALTER INDEX [ITEMS_NAME] ON [MAIN].[ITEMS] RESET [fill]",
                                }));
    EXPECT_EQ(plan.steps.front().change, "set storage of table MAIN.ITEMS");
    EXPECT_EQ(plan.steps.back().change, "reset fill of index MAIN.ITEMS_NAME");
    EXPECT_TRUE(plan_of(to, with_attributes("fast", true, 0, 7)).empty());
}

TEST(TestDialectPlan, NonTransactionalTraitEachStepCommitsOnItsOwn) {
    model::Schema from = customers_and_orders(traits(), false);
    model::Schema to = customers_and_orders(traits(), true);
    Plan plan = plan_of(from, to);
    EXPECT_FALSE(plan.transactional_ddl);
    for (const auto& step : plan.steps) {
        EXPECT_FALSE(step.transactional) << step.sql;
    }
    ASSERT_FALSE(plan.notes.empty());
    EXPECT_EQ(plan.notes.front(), k_autocommit_note);
    auto cut = sections(plan);
    ASSERT_EQ(cut.size(), 1U);
    EXPECT_EQ(cut.front().kind, PlanSection::Kind::autocommit);
    EXPECT_EQ(cut.front().begin, 0U);
    EXPECT_EQ(cut.front().end, plan.steps.size());
    std::string script = render_script(plan, ScriptStyle{});
    EXPECT_NE(script.find("each step commits on its own:"), std::string::npos) << script;
    EXPECT_EQ(script.find("BEGIN"), std::string::npos) << script;
}

TEST(TestDialectPlan, TheSamePlannerUnderTransactionalDdlPlansOneTransaction) {
    model::Schema from = customers_and_orders(transactional_traits(), false);
    model::Schema to = customers_and_orders(transactional_traits(), true);
    Plan plan = plan_of(from, to);
    EXPECT_TRUE(plan.transactional_ddl);
    EXPECT_EQ(statements(plan), statements(plan_of(customers_and_orders(traits(), false),
                                                   customers_and_orders(traits(), true))))
        << "the order does not depend on the trait";
    EXPECT_TRUE(plan.notes.empty());
    auto cut = sections(plan);
    ASSERT_EQ(cut.size(), 1U);
    EXPECT_EQ(cut.front().kind, PlanSection::Kind::transaction);
    std::string script = render_script(plan, ScriptStyle{});
    EXPECT_NE(script.find("BEGIN"), std::string::npos) << script;
}

}  // namespace
}  // namespace schemerge::synth
