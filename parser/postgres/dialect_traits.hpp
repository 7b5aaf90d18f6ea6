#pragma once
#include "model/dialect_traits.hpp"

namespace schemerge::parser::postgres {

// PostgreSQL's answers to the questions the neutral layers ask (model/dialect_traits.hpp):
// identifier folding and quoting, the default and built-in schemas, which names share a
// namespace, the dump-noise rules. Shared by the front end, the emitter and the planner.
[[nodiscard]] const model::DialectTraits& traits();

}  // namespace schemerge::parser::postgres
