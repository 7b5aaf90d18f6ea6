#pragma once
#include <string>

#include "model/expression.hpp"
#include "model/schema.hpp"
#include "model/type_ref.hpp"

namespace schemerge::synth::postgres {

// What ALTER COLUMN ... TYPE does to existing rows, judged from the two types only
// (PostgreSQL's binary-coercible casts skip the rewrite; casts that can fail or
// round make the change lossy).
struct TypeChangeImpact {
    bool data_loss = false;  // some old values may fail to convert or be truncated/rounded
    bool rewrite = true;     // the table (and its indexes) is rewritten
    std::string reason;      // why it may lose data, for the hazard message
};

[[nodiscard]] TypeChangeImpact classify_type_change(const model::TypeRef& from, const model::TypeRef& to);

// Does evaluating the expression call a volatile function? ADD COLUMN with a
// volatile default rewrites the table (PostgreSQL 11+ stores non-volatile defaults
// in the catalog instead). User functions are looked up in `schema`.
[[nodiscard]] bool is_volatile_expression(const model::Expression& expression, const model::Schema& schema);

}  // namespace schemerge::synth::postgres
