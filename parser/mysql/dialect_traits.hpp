#pragma once
// MySQL's (and MariaDB's) rules as data: identifier case, quoting, namespaces, type
// aliases, and the attributes only MySQL objects have (engine, character sets, ...).
#include <string>
#include <string_view>

#include "model/attributes.hpp"
#include "model/dialect_traits.hpp"

namespace schemerge::parser::mysql {

// The traits every Schema built by this front end points at (name "mysql").
//
// lower_case_table_names is assumed to be 0 (the Linux default): table, view, trigger and
// database names are compared exactly; column, index and routine names ignoring case
// (MySQL 8.0 Reference Manual, 9.2.3 Identifier Case Sensitivity).
[[nodiscard]] const model::DialectTraits& traits();

// `name` as MySQL SQL text: backquoted only when needed (a reserved word of MySQL 8.0 or
// MariaDB, characters outside [A-Za-z0-9_$], digits only, or a number-like name), an inner
// backquote doubled.
[[nodiscard]] std::string quote(std::string_view name);
[[nodiscard]] bool is_reserved_word(std::string_view word);

// The canonical spelling of a type name typed by a user (--rename, reports), from the
// alias table the front end uses ("integer" -> "int", "bool" -> "tinyint"); unknown
// names come back lower-cased.
[[nodiscard]] std::string canonical_type_name(std::string_view name);

// The attributes only MySQL objects carry (rows of traits().attributes). Each is declared
// once; objects hold them in their attribute sets.
namespace attr {
// Tables.
extern const model::AttributeDef engine;          // ENGINE=InnoDB (as written by the user: InnoDB, MyISAM)
extern const model::AttributeDef table_charset;   // DEFAULT CHARSET: the table's effective default character set
extern const model::AttributeDef table_collation; // COLLATE=: set only when not the character set's default
extern const model::AttributeDef row_format;      // ROW_FORMAT=DYNAMIC (upper case); DEFAULT is unset
extern const model::AttributeDef table_key_block_size;
extern const model::AttributeDef auto_increment_counter;  // AUTO_INCREMENT=N (not compared: differs per environment)
extern const model::AttributeDef partitioning;    // the canonical PARTITION BY ... clause
extern const model::AttributeDef table_options;   // the other options (AVG_ROW_LENGTH, STATS_*, MAX_ROWS, ...)
// Columns (the collation is the neutral Column::collation).
extern const model::AttributeDef column_charset;  // CHARACTER SET, when it differs from the table's
extern const model::AttributeDef auto_increment;  // AUTO_INCREMENT
extern const model::AttributeDef on_update;       // ON UPDATE CURRENT_TIMESTAMP[(n)]
extern const model::AttributeDef invisible;       // INVISIBLE (MySQL 8.0.23, MariaDB 10.3)
extern const model::AttributeDef virtual_generated; // GENERATED ... VIRTUAL (the neutral kind only says "generated")
extern const model::AttributeDef srid;            // SRID n
extern const model::AttributeDef column_format;   // COLUMN_FORMAT FIXED|DYNAMIC
extern const model::AttributeDef column_storage;  // STORAGE DISK|MEMORY (NDB)
extern const model::AttributeDef column_engine_attribute;
// Indexes (the kind is Index::method: btree, hash, rtree, fulltext, spatial).
extern const model::AttributeDef index_invisible;   // INVISIBLE (MySQL) 
extern const model::AttributeDef index_ignored;     // IGNORED (MariaDB 10.6)
extern const model::AttributeDef index_key_block_size;
extern const model::AttributeDef index_parser;      // WITH PARSER ngram
extern const model::AttributeDef index_key_lengths;  // prefix lengths: column -> N (`name`(10))
extern const model::AttributeDef index_engine_attribute;
// Constraints.
extern const model::AttributeDef not_enforced;        // CHECK ... NOT ENFORCED
extern const model::AttributeDef primary_key_method;  // PRIMARY KEY ... USING HASH (BTREE is unset)
extern const model::AttributeDef primary_key_lengths; // prefix lengths of the primary key's parts
extern const model::AttributeDef primary_key_block_size;
// Views.
extern const model::AttributeDef view_algorithm;  // MERGE | TEMPTABLE (UNDEFINED is unset)
extern const model::AttributeDef sql_security;    // INVOKER (DEFINER, the default, is unset)
// Routines (SQL SECURITY is the neutral Function::security_definer, true by default here).
extern const model::AttributeDef deterministic;
// Events (routines of kind event): ON SCHEDULE's text (canonical), ON COMPLETION PRESERVE,
// and "" (ENABLE, the default) | DISABLE | DISABLE ON SLAVE.
extern const model::AttributeDef event_schedule;
extern const model::AttributeDef event_preserve;
extern const model::AttributeDef event_status;
extern const model::AttributeDef data_access;     // NO SQL | READS SQL DATA | MODIFIES SQL DATA (CONTAINS SQL is unset)
// Triggers.
extern const model::AttributeDef trigger_body;    // BEGIN ... END, verbatim (the neutral trigger calls a function)
extern const model::AttributeDef trigger_order;   // FOLLOWS other | PRECEDES other
}  // namespace attr

}  // namespace schemerge::parser::mysql
