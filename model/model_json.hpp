#pragma once
#include <string>

#include "model/schema.hpp"

namespace schemerge::model {

// The model as deterministic, pretty-printed JSON (2-space indent): objects in
// identity order, every definition field, empty and default fields left out.
// Source locations are left out too, so the same schema written in any order
// or spelling serializes to the same bytes.
[[nodiscard]] std::string to_json(const Schema& schema);

}  // namespace schemerge::model
