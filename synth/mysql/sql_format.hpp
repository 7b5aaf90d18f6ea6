#pragma once
// MySQL DDL text for model objects, shared by the dump emitter and the migration planner:
// names (backquoted only when needed, as the front end's canonical texts are), types,
// column and key definitions, table options and the CREATE statements of every object.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/attributes.hpp"
#include "model/schema.hpp"
#include "parser/mysql/attribute_access.hpp"

namespace schemerge::synth::mysql {

// Attributes are read the MySQL dialect's one way (parser/mysql/attribute_access.hpp).
using parser::mysql::attribute;
using parser::mysql::flag;

// "a=10, b=5" (an options attribute's text) as pairs.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> option_pairs(const std::string& text);

[[nodiscard]] std::string quote(std::string_view name);
// `db`.`name`, the database left out when empty (the script's own database).
[[nodiscard]] std::string qualified(const model::QualifiedName& name);
[[nodiscard]] std::string quote_string(std::string_view value);

// "int(5) unsigned zerofill", "varchar(20)", "enum('a','b')", "decimal(10,2)".
[[nodiscard]] std::string type_text(const model::TypeRef& type);
// Does the type take a character set (CHAR, VARCHAR, TEXT, ENUM, SET)?
[[nodiscard]] bool is_character_type(const model::TypeRef& type);

// `c` type [CHARACTER SET] [COLLATE] [GENERATED ...] [NOT NULL] [DEFAULT] [ON UPDATE]
// [AUTO_INCREMENT] [INVISIBLE] [COMMENT], in SHOW CREATE TABLE's order.
[[nodiscard]] std::string column_definition(const model::Column& column);

// An index's own name (the model keys indexes "table.name").
[[nodiscard]] std::string index_name(const model::Index& index);
// UNIQUE KEY `n` (`a`,`b`(10) DESC) USING HASH COMMENT '...'
[[nodiscard]] std::string index_definition(const model::Index& index);
// PRIMARY KEY (...), CONSTRAINT `n` FOREIGN KEY ..., CONSTRAINT `n` CHECK (...)
[[nodiscard]] std::string constraint_definition(const model::Constraint& constraint);
// ENGINE=MyISAM DEFAULT CHARSET=latin1 COLLATE=latin1_bin ROW_FORMAT=DYNAMIC COMMENT='x'
// (empty when the table has none). The partitioning is not part of it.
[[nodiscard]] std::string table_options(const model::Table& table);

// The indexes of `table` in `schema`, by name.
[[nodiscard]] std::vector<const model::Index*> indexes_of(const model::Schema& schema, const model::QualifiedName& table);

// CREATE TABLE with columns, primary key, indexes, CHECK constraints and the foreign keys
// `with_foreign_key` accepts (all when null).
[[nodiscard]] std::string create_table(const model::Schema& schema, const model::Table& table,
                                       bool (*with_foreign_key)(const model::Constraint&, const void*) = nullptr,
                                       const void* context = nullptr);
[[nodiscard]] std::string create_view(const model::View& view, bool or_replace, bool definer);
[[nodiscard]] std::string create_routine(const model::Function& routine, bool definer);
[[nodiscard]] std::string drop_routine(const model::Function& routine);
// Events (routines of kind event; create_routine and drop_routine write them too): ALTER
// EVENT with every clause and the body, which changes an event in one statement.
[[nodiscard]] std::string create_event(const model::Function& event, bool definer);
[[nodiscard]] std::string alter_event(const model::Function& event);
[[nodiscard]] std::string create_trigger(const model::Trigger& trigger, bool definer);
[[nodiscard]] std::string drop_trigger(const model::Trigger& trigger);
// Does a routine's or trigger's statement need another DELIMITER in a client script
// (its body holds a semicolon)?
[[nodiscard]] bool needs_delimiter(std::string_view statement);

}  // namespace schemerge::synth::mysql
