#include "cli/postgres/dialect.hpp"

#include <cctype>
#include <iterator>
#include <string>

#include "cli/postgres/live_database.hpp"
#include "cli/postgres/verify.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/dump_rows.hpp"
#include "parser/postgres/frontend.hpp"
#include "synth/postgres/hazards.hpp"
#include "synth/postgres/migration_planner.hpp"
#include "synth/postgres/schema_emitter.hpp"

namespace schemerge::cli::postgres {

namespace {

// The table name between INSERT INTO and the column list / VALUES, as written.
std::string written_table_name(const std::string& text, const parser::postgres::TableRowsStatement& s) {
    std::string_view statement = std::string_view(text).substr(s.begin, s.end - s.begin);
    std::string upper(statement);
    for (char& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    auto into = upper.find("INTO");
    if (into == std::string::npos) {
        return {};
    }
    std::size_t i = into + 4;
    while (i < statement.size() && std::isspace(static_cast<unsigned char>(statement[i]))) {
        ++i;
    }
    std::size_t j = i;
    bool quoted = false;
    while (j < statement.size()) {
        char c = statement[j];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (std::isspace(static_cast<unsigned char>(c)) || c == '(')) {
            break;
        }
        ++j;
    }
    return std::string(statement.substr(i, j - i));
}

DumpRows dump_rows() {
    DumpRows rows;
    rows.find_table_rows = [](const parser::SourceFile& file, std::string_view table)
        -> std::expected<std::vector<RowsStatement>, model::Error> {
        auto found = parser::postgres::find_table_rows(file, table);
        if (!found) {
            return std::unexpected(std::move(found.error()));
        }
        std::vector<RowsStatement> out;
        out.reserve(found->size());
        for (auto& s : *found) {
            std::string written = written_table_name(file.text, s);
            out.push_back(RowsStatement{s.begin, s.end, s.line, std::move(s.rows), std::move(s.columns),
                                        std::move(written)});
        }
        return out;
    };
    rows.data_statements =
        [](const parser::SourceFile& file) -> std::expected<std::vector<DataStatement>, model::Error> {
        auto found = parser::postgres::data_statements(file);
        if (!found) {
            return std::unexpected(std::move(found.error()));
        }
        std::vector<DataStatement> out;
        out.reserve(found->size());
        for (auto& d : *found) {
            out.push_back(DataStatement{std::move(d.kind), std::move(d.table), d.line});
        }
        return out;
    };
    rows.render_rows_insert = [](std::string_view table, const std::vector<std::string>& columns,
                                 const std::vector<std::vector<std::string>>& values) {
        return parser::postgres::render_rows_insert(table, columns, values);
    };
    return rows;
}

Dialect make_dialect() {
    Dialect d;
    d.traits = &parser::postgres::traits();
    d.aliases = {"postgres", "pg"};
    d.load_many = [](const std::vector<std::vector<parser::SourceFile>>& inputs, const parser::LoadOptions& options) {
        return parser::postgres::load_many(inputs, options);
    };
    d.load_one = [](const std::vector<parser::SourceFile>& files, const parser::LoadOptions& options) {
        return parser::postgres::load(files, options);
    };
    d.emit_schema = [](const model::Schema& schema, const synth::EmitOptions& options) {
        return synth::postgres::emit_schema(schema, options);
    };
    d.plan_migration = [](const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                          const synth::PlanOptions& options) {
        return synth::postgres::plan_migration(from, to, changes, options);
    };
    d.render_plan = [](const synth::Plan& plan) { return synth::postgres::render_sql(plan); };
    d.hazards.assign(std::begin(synth::postgres::hazard::k_postgres), std::end(synth::postgres::hazard::k_postgres));
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

}  // namespace schemerge::cli::postgres
