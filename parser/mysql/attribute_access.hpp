#pragma once
// Where the MySQL front end puts its dialect-only attributes (dialect_traits.hpp, attr::).
//
// model/attributes.hpp defines AttributeSet, but the neutral objects do not carry one yet
// (the model's owner is adding it). Until they do, each attribute is kept in the object's
// existing list of name/value options (Table::options, Column::options, Index::options,
// Constraint::index_options, View::options, Function::set_options, and "name=value"
// entries of Trigger::function_args), named after the attribute and in its canonical
// text, so diffs, merges and JSON already see them; attributes that are not compared
// (AUTO_INCREMENT's counter) are left out there. As soon as an object has an
// `attributes` member (or `meta.attributes`), the real AttributeSet is used instead:
// nothing here needs to change.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/attributes.hpp"

namespace schemerge::parser::mysql {

namespace detail {

inline void set_option(std::vector<std::pair<std::string, std::string>>& options, const model::AttributeDef& def,
                       const model::AttributeValue& value, bool empty) {
    std::string name(def.name);
    std::erase_if(options, [&](const auto& o) { return o.first == name; });
    if (empty || !def.compared) {
        return;
    }
    options.emplace_back(name, model::attribute_text(value));
    std::sort(options.begin(), options.end());
}

inline void set_entry(std::vector<std::string>& entries, const model::AttributeDef& def,
                      const model::AttributeValue& value, bool empty) {
    std::string prefix = std::string(def.name) + "=";
    std::erase_if(entries, [&](const std::string& e) { return e.starts_with(prefix); });
    if (empty || !def.compared) {
        return;
    }
    entries.push_back(prefix + model::attribute_text(value));
    std::sort(entries.begin(), entries.end());
}

inline bool is_empty(const model::AttributeValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) {
        return !*b;
    }
    if (const auto* s = std::get_if<std::string>(&value)) {
        return s->empty();
    }
    if (const auto* o = std::get_if<model::AttributeOptions>(&value)) {
        return o->empty();
    }
    return false;
}

}  // namespace detail

// Sets (or, for an empty value, removes) `def` on `object`.
template <typename Object>
void set_attribute(Object& object, const model::AttributeDef& def, model::AttributeValue value) {
    if constexpr (requires { object.attributes.set(def, std::move(value)); }) {
        object.attributes.set(def, std::move(value));
    } else if constexpr (requires { object.meta.attributes.set(def, std::move(value)); }) {
        object.meta.attributes.set(def, std::move(value));
    } else if constexpr (requires { object.function_args.push_back(std::string{}); }) {
        detail::set_entry(object.function_args, def, value, detail::is_empty(value));
    } else if constexpr (requires { object.index_options.emplace_back(std::string{}, std::string{}); }) {
        detail::set_option(object.index_options, def, value, detail::is_empty(value));
    } else if constexpr (requires { object.set_options.emplace_back(std::string{}, std::string{}); }) {
        detail::set_option(object.set_options, def, value, detail::is_empty(value));
    } else {
        detail::set_option(object.options, def, value, detail::is_empty(value));
    }
}

template <typename Object>
void erase_attribute(Object& object, const model::AttributeDef& def) {
    switch (def.type) {
        case model::AttributeType::flag: set_attribute(object, def, false); break;
        case model::AttributeType::integer:
            if constexpr (requires { object.attributes.erase(def); }) {
                object.attributes.erase(def);
            } else if constexpr (requires { object.meta.attributes.erase(def); }) {
                object.meta.attributes.erase(def);
            } else {
                set_attribute(object, def, std::string{});  // fallback lists: removes the entry
            }
            break;
        case model::AttributeType::text: set_attribute(object, def, std::string{}); break;
        case model::AttributeType::options: set_attribute(object, def, model::AttributeOptions{}); break;
    }
}

}  // namespace schemerge::parser::mysql
