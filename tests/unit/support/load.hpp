#pragma once
// Helpers shared by the unit suites: load SQL text from memory and fail the
// current test with the rendered diagnostics when it does not load.
#include <expected>
#include <string>

#include <gtest/gtest.h>

#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"
#include "synth/postgres/schema_emitter.hpp"

namespace schemerge::test {

inline std::expected<parser::LoadResult, model::Error> try_load(const std::string& sql,
                                                                const parser::LoadOptions& options = {},
                                                                const std::string& file = "t.sql") {
    return parser::postgres::load({parser::make_source(file, sql)}, options);
}

// Loads `sql`; on error records a test failure with the rendered message and
// returns an empty result so the caller's assertions fail visibly, not crash.
inline parser::LoadResult load_ok(const std::string& sql, const parser::LoadOptions& options = {}) {
    auto result = try_load(sql, options);
    if (!result) {
        ADD_FAILURE() << "load failed:\n" << result.error().render() << "\ninput:\n" << sql;
        return {};
    }
    return std::move(*result);
}

inline model::Schema schema_of(const std::string& sql) { return load_ok(sql).schema; }

inline std::string dump(const std::string& sql) { return synth::postgres::emit_schema(schema_of(sql)); }

inline model::QualifiedName pub(const std::string& name) { return {"public", name}; }

}  // namespace schemerge::test
