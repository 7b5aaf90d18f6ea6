#pragma once
#include <string>

#include "model/schema.hpp"
#include "synth/emit_options.hpp"

namespace schemerge::synth::postgres {

// The neutral options (synth/emit_options.hpp): ALTER ... OWNER TO, GRANT / REVOKE,
// COMMENT ON. The alias keeps existing callers' spelling.
using EmitOptions = synth::EmitOptions;

// One canonical PostgreSQL 15 script that recreates `schema`: every object
// schema-qualified, statements in a stable dependency order (a topological sort
// whose ties are broken by section, kind and name), so equal schemas give
// byte-identical scripts whatever order their sources declared things in.
// The layout follows pg_dump: pre-data (types, functions, tables, views), then
// post-data (keys, indexes, foreign keys, triggers, policies).
[[nodiscard]] std::string emit_schema(const model::Schema& schema, const EmitOptions& options = {});

}  // namespace schemerge::synth::postgres
