#pragma once
#include <string>

#include "model/view.hpp"

namespace schemerge::synth::postgres {

// Can `after` replace `before` with CREATE OR REPLACE VIEW? PostgreSQL accepts it
// only when the old view's output columns come first in the new one with the same
// names and types, in the same positions (new columns may only be appended).
// Types are not in the model, so this is decided conservatively from the queries:
// every old select-list entry must appear unchanged (same expression, same alias)
// at the same position of the new select list, and neither list may use `*`
// (expanded at creation), a set operation or VALUES. Explicit column-name lists must
// extend each other the same way. Anything else is a drop + create.
[[nodiscard]] bool view_replaceable_in_place(const model::View& before, const model::View& after);

}  // namespace schemerge::synth::postgres
