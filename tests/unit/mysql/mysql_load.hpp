#pragma once
// Helpers shared by the MySQL front end's tests: load SQL text from memory, fail the current
// test with the rendered diagnostics when it does not load, and read attributes.
#include <algorithm>
#include <expected>
#include <string>

#include <gtest/gtest.h>

#include "model/attributes.hpp"
#include "model/model_json.hpp"
#include "parser/mysql/attribute_access.hpp"
#include "parser/mysql/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::test::mysql {

inline std::expected<parser::LoadResult, model::Error> try_load(const std::string& sql,
                                                                const parser::LoadOptions& options = {},
                                                                const std::string& file = "t.sql") {
    return parser::mysql::load({parser::make_source(file, sql)}, options);
}

inline parser::LoadResult load_ok(const std::string& sql, const parser::LoadOptions& options = {}) {
    auto result = try_load(sql, options);
    if (!result) {
        ADD_FAILURE() << "load failed:\n" << result.error().render() << "\ninput:\n" << sql;
        return {};
    }
    return std::move(*result);
}

inline model::Schema schema_of(const std::string& sql) { return load_ok(sql).schema; }

// The model as JSON: equal JSON is an equal model, and a difference reads well in a failure.
inline std::string json_of(const std::string& sql) { return model::to_json(schema_of(sql)); }

// The first error's rendered text, or "" when the input loads.
inline std::string error_of(const std::string& sql, const parser::LoadOptions& options = {}) {
    auto result = try_load(sql, options, "bad.sql");
    return result ? std::string{} : result.error().render();
}

// Attributes are read the MySQL dialect's one way (parser/mysql/attribute_access.hpp).
using parser::mysql::attribute;

}  // namespace schemerge::test::mysql
