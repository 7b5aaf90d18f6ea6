#pragma once
// A dialect that exists only in the tests: its traits differ from PostgreSQL's wherever the
// neutral layers ask a dialect a question, so a test that runs diff and merge under it
// proves those layers read the traits instead of assuming PostgreSQL.
//
//   identifiers  unquoted names fold to UPPER case (the SQL standard's rule), quoted are kept
//   schemas      the default schema is MAIN
//   namespaces   tables, views, sequences and composite types share one namespace per schema;
//                index names are per table (MySQL's and SQL Server's rule), constraints,
//                triggers and policies too
//   DDL          not transactional (a plan is one autocommit list); enum labels and columns
//                can go anywhere
//   attributes   its own rows (attr::storage on tables, attr::row_count not compared,
//                attr::compressed on columns, attr::fill on indexes)
#include "model/attributes.hpp"
#include "model/dialect_traits.hpp"

namespace schemerge::test::test_dialect {

namespace attr {
extern const model::AttributeDef storage;     // table: STORAGE = name (text)
extern const model::AttributeDef compressed;  // column: COMPRESSED (flag)
extern const model::AttributeDef fill;        // index: FILL n (integer)
extern const model::AttributeDef row_count;   // table: a counter, recorded but not compared
}  // namespace attr

// Registered nowhere but here: tests pass it to the model builder.
[[nodiscard]] const model::DialectTraits& traits();

}  // namespace schemerge::test::test_dialect
