#pragma once
// Helpers of the MySQL planner's tests: models from SQL text, the plan of two texts.
#include <string>

#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "parser/mysql/frontend.hpp"
#include "parser/source_file.hpp"
#include "synth/mysql/migration_planner.hpp"
#include "synth/mysql/schema_emitter.hpp"

namespace schemerge::test::mysql_synth {

inline model::Schema load(const std::string& sql) {
    auto result = parser::mysql::load({parser::make_source("t.sql", sql)});
    if (!result) {
        ADD_FAILURE() << result.error().render() << "\ninput:\n" << sql;
        return {};
    }
    return std::move(result->schema);
}

struct Planned {
    model::Schema from;
    model::Schema to;
    synth::Plan plan;
};

inline Planned plan(const std::string& old_sql, const std::string& new_sql,
                    const synth::PlanOptions& options = {}) {
    Planned p{load(old_sql), load(new_sql), {}};
    auto result = diff::diff(p.from, p.to);
    p.plan = synth::mysql::plan_migration(p.from, p.to, result.changes, options);
    return p;
}

// The plan's statements, one per line group, separated by ";\n".
inline std::string statements(const synth::Plan& plan) {
    std::string out;
    for (const auto& step : plan.steps) {
        if (!step.sql.empty()) {
            out += step.sql + ";\n";
        }
    }
    return out;
}

inline std::string hazards(const synth::Plan& plan) {
    std::string out;
    for (const auto& step : plan.steps) {
        for (const auto& h : step.hazards) {
            out += h.id + ": " + h.message + "\n";
        }
    }
    return out;
}

}  // namespace schemerge::test::mysql_synth
