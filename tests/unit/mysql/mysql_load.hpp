#pragma once
// Helpers shared by the MySQL front end's tests: load SQL text from memory, fail the current
// test with the rendered diagnostics when it does not load, and read attributes whether the
// model keeps them in attribute sets or (until it does) in the objects' option lists.
#include <algorithm>
#include <expected>
#include <string>

#include <gtest/gtest.h>

#include "model/attributes.hpp"
#include "model/model_json.hpp"
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

// An attribute's canonical text on an object ("" when unset), from its attribute set or,
// until the model has one, from the option list the front end falls back to.
template <typename Object>
std::string attribute(const Object& object, const model::AttributeDef& def) {
    if constexpr (requires { object.attributes.find(def); }) {
        const auto* v = object.attributes.find(def);
        return v == nullptr ? std::string{} : model::attribute_text(*v);
    } else if constexpr (requires { object.meta.attributes.find(def); }) {
        const auto* v = object.meta.attributes.find(def);
        return v == nullptr ? std::string{} : model::attribute_text(*v);
    } else if constexpr (requires { object.function_args.begin(); }) {
        std::string prefix = std::string(def.name) + "=";
        for (const auto& e : object.function_args) {
            if (e.starts_with(prefix)) {
                return e.substr(prefix.size());
            }
        }
        return {};
    } else {
        const auto& list = [&]() -> const auto& {
            if constexpr (requires { object.index_options.begin(); }) {
                return object.index_options;
            } else if constexpr (requires { object.set_options.begin(); }) {
                return object.set_options;
            } else {
                return object.options;
            }
        }();
        for (const auto& [name, value] : list) {
            if (name == def.name) {
                return value;
            }
        }
        return {};
    }
}

}  // namespace schemerge::test::mysql
