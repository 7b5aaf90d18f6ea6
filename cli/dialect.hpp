#pragma once
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diff/change.hpp"
#include "model/diagnostic.hpp"
#include "model/dialect_traits.hpp"
#include "model/schema.hpp"
#include "parser/load_options.hpp"
#include "parser/source_file.hpp"
#include "synth/emit_options.hpp"
#include "synth/plan.hpp"

namespace schemerge::cli {

struct LiveEngine;  // cli/live_engine.hpp

// One SQL engine, as the commands see it: its traits (data), its front end (files ->
// model), its back ends (model -> canonical script, changes -> plan -> script), and
// optional adapters (a real engine for `verify` and live sources, the rows a dump
// carries for the merge driver). The neutral code in cli/ reaches a dialect only
// through this struct; each dialect builds its own in cli/<dialect>/ and the registry
// (dialect_registry.cpp) lists them, one row each.
struct Dialect {
    const model::DialectTraits* traits = nullptr;  // name, display name, rules
    // Extra names accepted by --dialect and [schema] dialect ("mariadb" for mysql).
    std::vector<std::string_view> aliases;

    // Front end. Loads several inputs (a merge's base, ours, theirs), one result each;
    // statements the inputs share may be parsed once. The schemas' `dialect` is `traits`.
    std::function<std::expected<std::vector<parser::LoadResult>, model::Error>(
        const std::vector<std::vector<parser::SourceFile>>& inputs, const parser::LoadOptions& options)>
        load_many;

    // Back ends.
    std::function<std::string(const model::Schema& schema, const synth::EmitOptions& options)> emit_schema;
    std::function<synth::Plan(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                              const synth::PlanOptions& options)>
        plan_migration;
    std::function<std::string(const synth::Plan& plan)> render_plan;
    // The hazard ids this dialect's planner can put on steps beyond the neutral ones
    // (synth/plan.hpp), with their descriptions: reports, SARIF rules and [check] fail_on
    // read the neutral list plus every registered dialect's.
    std::vector<synth::hazard::Description> hazards;
    // Optional: live databases as sources and the `db` commands (cli/live_engine.hpp); null: none.
    const LiveEngine* live = nullptr;

    [[nodiscard]] std::string_view name() const { return traits->name; }
    // One input, for commands that read one source at a time.
    [[nodiscard]] std::expected<parser::LoadResult, model::Error> load(const std::vector<parser::SourceFile>& files,
                                                                       const parser::LoadOptions& options) const;
};

}  // namespace schemerge::cli
