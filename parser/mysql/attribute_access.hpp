#pragma once
// The MySQL dialect's one way to set and read its dialect-only attributes (dialect_traits.hpp,
// attr::) on model objects: every neutral object carries them in ObjectBase::attributes
// (model/attributes.hpp), so the front end writes them here, and the MySQL emitter and
// planner (synth/mysql) and the MySQL tests read them with attribute() / flag().
#include <string>
#include <utility>

#include "model/attributes.hpp"

namespace schemerge::parser::mysql {

// Sets (or, for an empty value, removes) `def` on `object`.
template <typename Object>
void set_attribute(Object& object, const model::AttributeDef& def, model::AttributeValue value) {
    object.meta.attributes.set(def, std::move(value));
}

template <typename Object>
void erase_attribute(Object& object, const model::AttributeDef& def) {
    object.meta.attributes.erase(def);
}

// An attribute's canonical text on an object (model::attribute_text; "" when unset).
template <typename Object>
[[nodiscard]] std::string attribute(const Object& object, const model::AttributeDef& def) {
    const model::AttributeValue* value = object.meta.attributes.find(def);
    return value == nullptr ? std::string{} : model::attribute_text(*value);
}

// A flag attribute's value (false when unset).
template <typename Object>
[[nodiscard]] bool flag(const Object& object, const model::AttributeDef& def) {
    return attribute(object, def) == "true";
}

}  // namespace schemerge::parser::mysql
