#include "cli/mysql/dialect.hpp"

#include <iterator>

#include "cli/mysql/dump_rows.hpp"
#include "cli/mysql/live_database.hpp"
#include "cli/mysql/verify.hpp"
#include "parser/mysql/dialect_traits.hpp"
#include "parser/mysql/frontend.hpp"
#include "synth/mysql/hazards.hpp"
#include "synth/mysql/migration_planner.hpp"
#include "synth/mysql/schema_emitter.hpp"

namespace schemerge::cli::mysql {

namespace {

Dialect make_dialect() {
    Dialect d;
    d.traits = &parser::mysql::traits();
    d.aliases = {"mariadb"};
    d.load_many = [](const std::vector<std::vector<parser::SourceFile>>& inputs, const parser::LoadOptions& options) {
        return parser::mysql::load_many(inputs, options);
    };
    d.load_one = [](const std::vector<parser::SourceFile>& files, const parser::LoadOptions& options) {
        return parser::mysql::load(files, options);
    };
    d.emit_schema = [](const model::Schema& schema, const synth::EmitOptions& options) {
        return synth::mysql::emit_schema(schema, options);
    };
    d.plan_migration = [](const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                          const synth::PlanOptions& options) {
        return synth::mysql::plan_migration(from, to, changes, options);
    };
    d.render_plan = [](const synth::Plan& plan) { return synth::mysql::render_sql(plan); };
    d.hazards.assign(std::begin(synth::mysql::hazard::k_mysql), std::end(synth::mysql::hazard::k_mysql));
    d.verify = [](const VerifyJob& job) { return verify(job); };
    d.dump_rows = dump_rows();
    d.live = &live_engine();
    return d;
}

}  // namespace

const Dialect& dialect() {
    static const Dialect d = make_dialect();
    return d;
}

}  // namespace schemerge::cli::mysql
