#pragma once
#include <map>
#include <optional>

#include "model/dialect_traits.hpp"

namespace schemerge::parser::postgres {

// PostgreSQL's answers to the questions the neutral layers ask (model/dialect_traits.hpp):
// identifier folding and quoting, the default and built-in schemas, which names share a
// namespace, the dump-noise rules. Shared by the front end, the emitter and the planner.
[[nodiscard]] const model::DialectTraits& traits();

// The attributes only PostgreSQL objects carry (rows of traits().attributes), declared once
// (dialect_traits.cpp); objects hold them in their attribute sets (ObjectBase::attributes):
// the front end sets them, the emitter and the planner (synth/postgres) read them. Their
// names are what a merge conflict names (and the JSON form's keys). A table's rows are
// reported with its alter_table change, a column's with its alter_column_options, an
// index's with its alter_index, a view's as part of its replace_view
// (AttributeDiff::with_object), as PostgreSQL alters them with ALTER TABLE / INDEX / VIEW;
// a key constraint's are part of its definition (the constraint is dropped and added).
namespace attr {
// Tables.
extern const model::AttributeDef table_options;       // WITH (fillfactor=70): storage parameters, sorted by name
extern const model::AttributeDef access_method;       // USING am; heap (the default) is unset
extern const model::AttributeDef row_security;        // ENABLE ROW LEVEL SECURITY
extern const model::AttributeDef force_row_security;  // FORCE ROW LEVEL SECURITY
extern const model::AttributeDef replica_identity;    // FULL, NOTHING, "USING INDEX name"; DEFAULT is unset
extern const model::AttributeDef cluster_on;          // ALTER TABLE ... CLUSTER ON index (the index's name)
// Columns (a table's, and a materialized view's column_details for the last two).
extern const model::AttributeDef column_storage;      // SET STORAGE plain|external|extended|main, when set explicitly
extern const model::AttributeDef column_compression;  // SET COMPRESSION pglz|lz4, when set explicitly
extern const model::AttributeDef column_statistics;   // SET STATISTICS n (0..10000); -1, the default, is unset
extern const model::AttributeDef column_options;      // SET (n_distinct=...): attribute options
// Indexes.
extern const model::AttributeDef index_options;       // WITH (fillfactor=70): storage parameters, sorted by name
extern const model::AttributeDef index_statistics;    // ALTER COLUMN n SET STATISTICS t: "n" = "t", in column order
// Key constraints (PRIMARY KEY, UNIQUE, EXCLUDE): their index's storage.
extern const model::AttributeDef constraint_index_options;  // WITH (fillfactor=70) of the index, sorted by name
// Views and materialized views.
extern const model::AttributeDef view_options;        // WITH (security_barrier=true), a matview's storage parameters
extern const model::AttributeDef view_access_method;  // a materialized view's USING am; heap (the default) is unset
}  // namespace attr

// An index's statistics targets (attr::index_statistics) by column number; empty when none
// is set.
[[nodiscard]] std::map<int, int> index_statistics_targets(const model::AttributeSet& attributes);
// Sets column `number`'s target, or removes it (nullopt: the system default, -1).
void set_index_statistics_target(model::AttributeSet& attributes, int number, std::optional<int> target);

}  // namespace schemerge::parser::postgres
