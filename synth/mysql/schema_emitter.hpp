#pragma once
#include <string>

#include "model/schema.hpp"
#include "synth/emit_options.hpp"

namespace schemerge::synth::mysql {

// One canonical MySQL / MariaDB script that recreates `schema` in an empty database:
// databases other than the script's own, tables (columns, keys, indexes, CHECK and
// foreign keys inline) in foreign-key order (a foreign key that closes a cycle is added
// after every table), functions and procedures, views in dependency order, triggers, then
// the statements kept verbatim. Statements are ordered by the neutral topological sort
// with ties broken by name, so equal schemas give byte-identical scripts whatever order
// their sources declared things in. Routine and trigger bodies that hold a semicolon are
// written between DELIMITER ;; and DELIMITER ; as the mariadb / mysql client needs.
// options.owners writes DEFINER= clauses; privileges are not modeled for MySQL.
[[nodiscard]] std::string emit_schema(const model::Schema& schema, const EmitOptions& options = {});

}  // namespace schemerge::synth::mysql
