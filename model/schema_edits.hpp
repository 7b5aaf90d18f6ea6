#pragma once
// Edits of a Schema that must keep it consistent: renames that carry every reference along
// (the catalog refers to objects by identity, so a rename never breaks a foreign key, an
// index or a trigger) and drops with the dependents DROP ... CASCADE takes. Written once,
// used by the front ends (ALTER ... RENAME, DROP) and by the three-way merge (one side's
// renames applied to the base and to the other side).
//
// Expression texts (defaults, CHECKs, view queries) are not rewritten: the front end's
// deparsed text keeps the old name. What they reference (Expression::relations) follows.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/object_key.hpp"
#include "model/schema.hpp"

namespace schemerge::model {

// Why an edit cannot apply. The front end turns it into the engine's message; what()
// reads "table public.u already exists".
class EditError : public std::runtime_error {
public:
    enum class Reason : std::uint8_t {
        not_found,       // the object to rename or drop does not exist
        already_exists,  // the new name is taken (within the namespace the dialect's rules give)
        has_dependents,  // DROP without CASCADE, and `dependent` needs the object
    };
    EditError(Reason reason, ObjectKey object, std::string dependent = {});
    Reason reason;
    ObjectKey object;       // the object named: the one missing, the one holding the name, the one dropped
    std::string dependent;  // has_dependents: "view public.v", "constraint r_t_fkey on table public.r"
};

// Which existing names a rename may not take.
enum class NameCollisions : std::uint8_t {
    // The names the dialect keeps unique together with the renamed object's (its
    // DialectTraits::namespaces: a PostgreSQL table cannot take a view's or an index's name).
    dialect,
    // Only objects of the same kind. The merge applies one side's renames to the other side,
    // where a name taken by another kind of object is a collision its validation reports,
    // not a reason to leave the rename out.
    same_kind,
};

// A table, view, materialized view, sequence or index (whichever holds `from`), renamed or
// moved to another schema. A table's foreign keys, partitions, inheritance, indexes, owned
// sequences, triggers and policies follow; views reading a renamed relation read it under
// its new name. Returns the kind renamed.
ObjectKind rename_relation(Schema& schema, const QualifiedName& from, const QualifiedName& to,
                           NameCollisions collisions = NameCollisions::dialect);
// The same, for a table only (not_found when `from` is not a table).
void rename_table(Schema& schema, const QualifiedName& from, const QualifiedName& to,
                  NameCollisions collisions = NameCollisions::dialect);
// Keeps the index's schema; a table's CLUSTER ON and REPLICA IDENTITY USING INDEX follow.
void rename_index(Schema& schema, const QualifiedName& from, const std::string& to,
                  NameCollisions collisions = NameCollisions::dialect);
// Keys, foreign keys (this table's and those pointing at it), indexes, the partition key,
// an owned sequence and triggers' UPDATE OF lists follow.
void rename_column(Schema& schema, const QualifiedName& table, const std::string& from, const std::string& to);
// Constraints stay sorted by name; CLUSTER ON / REPLICA IDENTITY naming the key's index follow.
void rename_constraint(Schema& schema, const QualifiedName& table, const std::string& from, const std::string& to);
void rename_trigger(Schema& schema, const QualifiedName& table, const std::string& from, const std::string& to);
void rename_policy(Schema& schema, const QualifiedName& table, const std::string& from, const std::string& to);
// A user type (enum, composite, domain, range, ...) in its schema. Columns, composite
// attributes, domains and routine signatures using it follow (routines are re-keyed: their
// identity spells the type).
void rename_type(Schema& schema, const QualifiedName& from, const std::string& to);
// A routine in its schema.
void rename_routine(Schema& schema, const RoutineName& from, const std::string& to);

enum class DropBehavior : std::uint8_t { restrict, cascade };

// Drops a table, view or materialized view. Always with it: its indexes, triggers, policies,
// owned sequences and partitions (dropped the same way). With cascade, views reading it
// (recursively) and other tables' foreign keys to it; without, a dependent is an error.
// Returns what was dropped, the object first.
std::vector<ObjectKey> drop_relation(Schema& schema, const QualifiedName& name, DropBehavior behavior);
// Views reading `name` and other tables' foreign keys to it: what DROP without CASCADE
// refuses to break ("view public.v", "constraint r_t_fkey on table public.r").
[[nodiscard]] std::vector<std::string> relation_dependents(const Schema& schema, const QualifiedName& name);
// Drops a routine; with cascade, the triggers calling a routine of its name (without, such a
// trigger is an error).
std::vector<ObjectKey> drop_routine(Schema& schema, const RoutineName& name, DropBehavior behavior);
// Drops a schema's entry; with cascade, every object in it (relations as drop_relation does).
// Without cascade, a declared schema holding a table, view, sequence, type or routine is an
// error. The dialect's default schema may be dropped without being declared.
std::vector<ObjectKey> drop_namespace(Schema& schema, const std::string& name, DropBehavior behavior);

}  // namespace schemerge::model
