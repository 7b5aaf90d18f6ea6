#pragma once
// Shared by the planner's unit tests (tests/unit/synth/plan_*_test.cpp and
// migration_planner_test.cpp): a plan from two SQL texts through the diff, its
// statements ("! " marks a step that runs outside the transaction) and hazard ids, and a
// table-driven row check.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "support/load.hpp"
#include "synth/postgres/migration_planner.hpp"

namespace schemerge::test {

using synth::LockStrategy;
using synth::Plan;
using synth::PlanOptions;

inline Plan plan_for(const std::string& from_sql, const std::string& to_sql, LockStrategy locks = LockStrategy::plain) {
    model::Schema from = schema_of(from_sql);
    model::Schema to = schema_of(to_sql);
    diff::DiffResult result = diff::diff(from, to);
    PlanOptions options;
    options.locks = locks;
    return synth::postgres::plan_migration(from, to, result.changes, options);
}

inline std::vector<std::string> statements(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& step : plan.steps) {
        out.push_back((step.transactional ? "" : "! ") + step.sql);
    }
    return out;
}

inline std::vector<std::string> hazard_ids(const Plan& plan) {
    std::set<std::string> ids;
    for (const auto& step : plan.steps) {
        for (const auto& hazard : step.hazards) {
            ids.insert(hazard.id);
        }
    }
    return {ids.begin(), ids.end()};
}

struct PlanRow {
    std::string name;
    std::string from;
    std::string to;
    std::vector<std::string> statements;
    std::vector<std::string> hazards;
};

inline void check_rows(const std::vector<PlanRow>& rows, LockStrategy locks) {
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        Plan plan = plan_for(row.from, row.to, locks);
        EXPECT_EQ(statements(plan), row.statements);
        EXPECT_EQ(hazard_ids(plan), row.hazards);
        for (const auto& step : plan.steps) {
            EXPECT_FALSE(step.change.empty());
            for (const auto& hazard : step.hazards) {
                EXPECT_FALSE(hazard.message.empty()) << hazard.id;
            }
        }
    }
}

}  // namespace schemerge::test
