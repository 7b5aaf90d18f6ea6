#pragma once
#include <string>

#include "model/schema.hpp"

namespace schemerge::synth::postgres {

// What a dump reproduces besides the definitions themselves.
struct EmitOptions {
    bool owners = true;      // ALTER ... OWNER TO
    bool privileges = true;  // GRANT / REVOKE
    bool comments = true;    // COMMENT ON
};

// One canonical PostgreSQL 15 script that recreates `schema`: every object
// schema-qualified, statements in a stable dependency order (a topological sort
// whose ties are broken by section, kind and name), so equal schemas give
// byte-identical scripts whatever order their sources declared things in.
// The layout follows pg_dump: pre-data (types, functions, tables, views), then
// post-data (keys, indexes, foreign keys, triggers, policies).
[[nodiscard]] std::string emit_schema(const model::Schema& schema, const EmitOptions& options = {});

}  // namespace schemerge::synth::postgres
