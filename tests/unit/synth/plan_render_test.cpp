// Plan sections and the neutral script skeleton (synth/plan_render.hpp).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "synth/plan_render.hpp"

namespace schemerge::synth {
namespace {

Step step(const std::string& sql, bool transactional) {
    Step s;
    s.sql = sql;
    s.change = "change " + sql;
    s.transactional = transactional;
    return s;
}

Plan plan_of(const std::vector<bool>& transactional, bool transactional_ddl = true) {
    Plan plan;
    plan.transactional_ddl = transactional_ddl;
    for (std::size_t i = 0; i < transactional.size(); ++i) {
        plan.steps.push_back(step("S" + std::to_string(i), transactional[i]));
    }
    return plan;
}

using Kind = PlanSection::Kind;

struct SectionRow {
    std::string name;
    Plan plan;
    std::vector<std::tuple<Kind, std::size_t, std::size_t>> sections;
};

TEST(PlanSections, Rows) {
    const std::vector<SectionRow> rows = {
        {"empty", plan_of({}), {}},
        {"one transaction", plan_of({true, true}), {{Kind::transaction, 0, 2}}},
        {"before, inside, after",
         plan_of({false, true, true, false, false}),
         {{Kind::before_transaction, 0, 1}, {Kind::transaction, 1, 3}, {Kind::after_transaction, 3, 5}}},
        {"only outside", plan_of({false, false}), {{Kind::before_transaction, 0, 2}}},
        {"no transactional DDL: one autocommit section",
         plan_of({false, false, false}, false),
         {{Kind::autocommit, 0, 3}}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        std::vector<std::tuple<Kind, std::size_t, std::size_t>> got;
        for (const auto& s : sections(row.plan)) {
            got.emplace_back(s.kind, s.begin, s.end);
        }
        EXPECT_EQ(got, row.sections);
    }
}

TEST(RenderScript, EmptyPlan) {
    Plan plan;
    plan.notes = {"n"};
    EXPECT_EQ(render_script(plan, {}),
              "-- schemerge migration plan\n-- note: n\n-- The schemas are identical: nothing to do.\n");
}

TEST(RenderScript, ThreeSections) {
    Plan plan = plan_of({false, true, false});
    plan.steps[1].hazards = {Hazard{"data-loss", "rows go"}};
    ScriptStyle style;
    style.after_transaction = "after:";
    EXPECT_EQ(render_script(plan, style),
              "-- schemerge migration plan\n"
              "\n-- outside a transaction:\n"
              "\n-- change S0\nS0;\n"
              "\nBEGIN;\n"
              "\n-- change S1\n--   hazard data-loss: rows go\nS1;\n"
              "\nCOMMIT;\n"
              "\n-- after:\n"
              "\n-- change S2\nS2;\n");
}

TEST(RenderScript, AutocommitAndAnotherDialectsSpelling) {
    Plan plan = plan_of({false, false}, false);
    plan.notes = {std::string(k_autocommit_note)};
    plan.steps[0].sql.clear();  // only carries hazards: nothing to execute
    ScriptStyle style;
    style.comment = "# ";
    style.terminator = " GO";
    EXPECT_EQ(render_script(plan, style),
              "# schemerge migration plan\n"
              "# note: " + std::string(k_autocommit_note) + "\n"
              "\n# each step commits on its own:\n"
              "\n# change S0\n"
              "\n# change S1\nS1 GO\n");
}

}  // namespace
}  // namespace schemerge::synth
