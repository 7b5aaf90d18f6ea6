#include "cli/postgres/live_interim.hpp"

#include "cli/postgres/live_database.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/frontend.hpp"
#include "synth/postgres/migration_planner.hpp"
#include "synth/postgres/schema_emitter.hpp"

namespace schemerge::cli::postgres {

const Dialect& interim_dialect() {
    static const Dialect row = [] {
        Dialect d;
        d.traits = &parser::postgres::traits();
        d.load_many = [](const std::vector<std::vector<parser::SourceFile>>& inputs, const parser::LoadOptions& options) {
            return parser::postgres::load_many(inputs, options);
        };
        d.emit_schema = [](const model::Schema& schema, const synth::EmitOptions& options) {
            return synth::postgres::emit_schema(schema, options);
        };
        d.plan_migration = [](const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                              const synth::PlanOptions& options) {
            return synth::postgres::plan_migration(from, to, changes, options);
        };
        d.render_plan = [](const synth::Plan& plan) { return synth::postgres::render_sql(plan); };
        d.live = &live_engine();
        return d;
    }();
    return row;
}

}  // namespace schemerge::cli::postgres
