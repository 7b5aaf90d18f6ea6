#pragma once
// Statement builders for one object each, shared by the dump emitter and (later)
// migration synthesis. Each returns statement texts without the trailing ";".
#include <string>
#include <vector>

#include "model/schema.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "synth/postgres/schema_emitter.hpp"

namespace schemerge::synth::postgres {

// PostgreSQL's attribute rows (parser/postgres/dialect_traits.hpp): what the emitter and
// the planner read from ObjectBase::attributes.
namespace attr = parser::postgres::attr;

// COMMENT ON <target> IS ..., ALTER <owner_target> OWNER TO ..., then the grants,
// each as EmitOptions allow. An empty owner_target means the kind has no owner.
// `created_with`: the ACL the database gives the object when the statements create it
// (model::new_object_acl: a plan's objects get the from side's default privileges);
// untracked: PostgreSQL's built-in default (a dump, whose ALTER DEFAULT PRIVILEGES come
// last). The grants as written apply to the built-in default: they are written when the
// object starts there and its ACL is theirs; else (derived: default privileges started it
// or a merge combined it) the REVOKE / GRANT from the database's start to the ACL.
void append_metadata(std::vector<std::string>& out, const model::ObjectBase& meta, const std::string& comment_target,
                     const std::string& owner_target, const EmitOptions& options,
                     const model::Acl& created_with = {});

// --- privileges (privilege_sql.cpp) ---
// The GRANT / REVOKE target of what ALTER ... OWNER TO names: relations are TABLE,
// aggregates FUNCTION.
[[nodiscard]] std::string grant_target(const std::string& owner_target);
// What an object holds before any GRANT / REVOKE, from its owner target.
[[nodiscard]] model::Acl default_acl_of_target(const std::string& owner_target);
// The REVOKEs and GRANTs that turn the effective ACL `before` into `after` on `target`
// (a grant target), grantee by grantee: revokes first.
[[nodiscard]] std::vector<std::string> privilege_statements(const std::string& target, const model::Acl& before,
                                                            const model::Acl& after);
// ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] REVOKE / GRANT ... ON TABLES (...) that
// turn the entry's ACL `before` into `after` (model/default_privileges.hpp), in
// privilege_statements' order.
[[nodiscard]] std::vector<std::string> default_privilege_statements(const model::DefaultPrivilegesKey& key,
                                                                    const model::Acl& before, const model::Acl& after);

// --- definitions (ddl_definitions.cpp) ---
[[nodiscard]] std::string create_schema(const model::Namespace& ns);
[[nodiscard]] std::string create_extension(const model::Extension& extension);
[[nodiscard]] std::string create_collation(const model::OptionObject& collation);
[[nodiscard]] std::string create_shell_type(const model::QualifiedName& name);
// The CREATE plus ALTER DOMAIN ... NOT VALID constraints.
[[nodiscard]] std::vector<std::string> create_type(const model::TypeDef& type);
[[nodiscard]] std::string type_keyword(const model::TypeDef& type);  // "TYPE" / "DOMAIN"
[[nodiscard]] std::string create_text_search_dictionary(const model::OptionObject& dictionary);
[[nodiscard]] std::vector<std::string> create_text_search_configuration(const model::OptionObject& config);
// or_replace: CREATE OR REPLACE FUNCTION/PROCEDURE (migrations; not for aggregates).
[[nodiscard]] std::string create_routine(const model::Function& function, bool or_replace = false);
// The statements that create a routine: create_routine's one, except for an operator
// family with loose members (CREATE OPERATOR FAMILY + ALTER OPERATOR FAMILY … ADD).
[[nodiscard]] std::vector<std::string> create_routine_statements(const model::Function& function,
                                                                 bool or_replace = false);
// ALTER OPERATOR FAMILY … DROP (`drop`) / ADD for the loose members one family has and the
// other has not (nothing when none).
[[nodiscard]] std::vector<std::string> alter_family_members(const model::Function& before, const model::Function& after,
                                                            bool drop);
// "FUNCTION s.f(integer, text)" / "PROCEDURE ..." / "AGGREGATE s.a(*)": the
// target of COMMENT ON and ALTER ... OWNER TO.
[[nodiscard]] std::string routine_target(const model::Function& function);
// ALTER OPERATOR … SET (RESTRICT = …, JOIN = …) for what differs (the only operator
// attributes PostgreSQL 15 alters), and whether nothing else differs.
[[nodiscard]] std::vector<std::string> alter_operator_estimators(const model::Function& before, const model::Function& after);
[[nodiscard]] bool operator_estimators_only(const model::Function& before, const model::Function& after);

// --- relations (ddl_relations.cpp) ---
[[nodiscard]] std::string create_sequence(const model::Sequence& sequence);
[[nodiscard]] std::string sequence_owned_by(const model::Sequence& sequence);
// " START WITH 1 INCREMENT BY 2 ..." for the options that are set, each preceded by `separator`.
[[nodiscard]] std::string sequence_options(const model::SequenceOptions& options, const std::string& separator);
// "name type [COLLATE c] [GENERATED ... | DEFAULT e] [NOT NULL] [GENERATED ... AS IDENTITY (...)]",
// as in CREATE TABLE and ALTER TABLE ... ADD COLUMN.
[[nodiscard]] std::string column_definition(const model::Table& table, const model::Column& column);
// Decides which constraints of `table` are created inline (valid CHECKs not
// inherited from a parent), which are inherited and need no statement, and which
// are separate post-data statements.
enum class ConstraintPlacement { inline_check, inherited, separate };
[[nodiscard]] ConstraintPlacement constraint_placement(const model::Schema& schema, const model::Table& table,
                                                       const model::Constraint& constraint);
// A partition whose columns are not in the model is created with PARTITION OF.
[[nodiscard]] bool uses_attach_partition(const model::Table& table);
[[nodiscard]] std::string create_table(const model::Schema& schema, const model::Table& table);
[[nodiscard]] std::vector<std::string> column_extras(const model::Table& table);
// An inheritance child's inherited columns that differ from what INHERITS gives them,
// as pg_dump writes them after the tables: `ALTER TABLE ONLY c ALTER COLUMN x SET DEFAULT`
// (every inherited default, as pg_dump does), `DROP DEFAULT`, `SET NOT NULL`, `DROP NOT NULL`.
[[nodiscard]] std::vector<std::string> inherited_column_extras(const model::Schema& schema, const model::Table& table);
[[nodiscard]] std::string attach_partition(const model::Table& table);
[[nodiscard]] std::string add_constraint(const model::Table& table, const model::Constraint& constraint);
[[nodiscard]] std::string constraint_definition(const model::Constraint& constraint);
// A dump creates materialized views WITH NO DATA (pg_dump refreshes them after
// the data); a migration populates them (populate = true: no WITH NO DATA).
[[nodiscard]] std::string create_view(const model::View& view, bool populate = false);
[[nodiscard]] std::vector<std::string> view_column_extras(const model::View& view);
[[nodiscard]] std::string create_index(const model::Index& index);
[[nodiscard]] std::string attach_index(const model::Index& index);
// An index's key column statistics targets, as pg_dump writes them after the CREATE INDEX
// (ALTER INDEX i ALTER COLUMN n SET STATISTICS m); with `before`, only what differs (-1 resets).
[[nodiscard]] std::vector<std::string> index_column_statistics(const model::Index& index, const model::Index* before);
// A materialized view's column statistics targets and attribute options (ALTER TABLE ONLY
// mv ALTER COLUMN c SET STATISTICS n / SET (...) / RESET (...)); with `before`, only what differs.
[[nodiscard]] std::vector<std::string> matview_column_statistics(const model::View& view, const model::View* before);
// Whether two materialized views differ only in what ALTER changes in place: their
// columns' statistics targets / options and their storage parameters (WITH (...)).
[[nodiscard]] bool matview_alters_in_place(const model::View& before, const model::View& after);
// Storage parameters from `was` to `now` on `target` ("ALTER INDEX i"): `target RESET (...)`
// for the removed, then `target SET (...)` for the added and changed; nothing when equal.
[[nodiscard]] std::vector<std::string> reloption_changes(const std::string& target, const model::AttributeOptions& was,
                                                         const model::AttributeOptions& now);
[[nodiscard]] std::string create_trigger(const model::Trigger& trigger);
[[nodiscard]] std::string trigger_enable_state(const model::Trigger& trigger);  // empty when enabled
[[nodiscard]] std::vector<std::string> table_security(const model::Table& table);  // RLS flags
[[nodiscard]] std::string replica_identity(const model::Table& table);            // empty when default
[[nodiscard]] std::string replica_identity_index(const model::Table& table);      // USING INDEX's name, else empty
[[nodiscard]] std::string create_policy(const model::Policy& policy);

// "ONLY " for ordinary tables; partitioned tables refuse ONLY for foreign keys
// and need constraints to recurse into their partitions.
[[nodiscard]] std::string only_prefix(const model::Table& table);

}  // namespace schemerge::synth::postgres
