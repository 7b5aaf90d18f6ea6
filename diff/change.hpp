#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/attributes.hpp"
#include "model/object_key.hpp"
#include "model/schema.hpp"

namespace schemerge::diff {

// One kind per thing that can change. Column-level and constraint-level kinds carry
// the owning table in Change::key.table (key.kind is column/constraint).
enum class ChangeKind : std::uint8_t {
    create_schema,
    drop_schema,
    create_extension,
    drop_extension,
    create_collation,
    drop_collation,
    create_type,
    drop_type,
    add_enum_value,       // a label added to an enum (its position in Change::enum_position). The new
                          // label itself is in Change::key.args (raw, unquoted); changes for one type
                          // come in the order they must run.
    recreate_type,        // enum value removed/reordered, composite/range/base changed: drop + create with dependents
    alter_domain,         // domain default / NOT NULL / constraints changed (before/after are the TypeDefs)
    add_type_attributes,  // composite type: attributes appended at the end, the others unchanged
                          // (ALTER TYPE ... ADD ATTRIBUTE; before/after are the TypeDefs)
    create_sequence,
    drop_sequence,
    alter_sequence,       // options or OWNED BY changed
    create_table,
    drop_table,
    rename_table,         // Change::old_name = old name (from a rename hint)
    alter_table,          // table-level attributes: persistence, options, RLS enable/force, replica identity,
                          // access method, partition attach/detach, inheritance (before/after: Tables)
    add_column,
    drop_column,
    rename_column,        // old_name = old column name
    alter_column_type,
    set_default,
    drop_default,
    set_not_null,
    drop_not_null,
    alter_identity,       // add / drop / change identity (before/after: Columns)
    alter_generated,      // generation expression added/removed/changed
    alter_column_options, // collation-free attributes: storage, compression, statistics, attoptions
    add_constraint,
    drop_constraint,
    validate_constraint,  // NOT VALID -> valid, nothing else changed
    rename_constraint,    // old_name = old name
    create_index,
    drop_index,
    rename_index,         // old_name = old name
    alter_index,          // in place, same definition otherwise: key column statistics targets, with_object rows
                          // (before/after: Indexes)
    create_view,
    drop_view,
    replace_view,         // query/options changed (CREATE OR REPLACE when column list allows, else drop+create)
    create_function,
    drop_function,
    replace_function,     // same identity, different definition
    create_trigger,
    drop_trigger,
    alter_trigger_enabled,
    create_policy,
    drop_policy,
    alter_policy,         // roles/using/check changed (command or permissive change => drop+create)
    create_text_search,
    drop_text_search,
    set_comment,          // comment added/changed/removed on any object
    set_attribute,        // a dialect-only attribute set, changed or reset on any object (one change per
                          // attribute; Change::attribute holds the row and both values)
    set_privileges,       // the object's ACL differs (before/after: the objects; their meta.acl, or the
                          // dialect's default when untracked, are the two ACLs)
    set_owner,            // the object's owner differs (both sides name one)
    set_default_privileges,  // the ACL new objects get differs (ALTER DEFAULT PRIVILEGES; key: kind
                             // default_privileges, model::default_privileges_key; before/after: the
                             // entries, monostate where a side has none: it starts from
                             // model::default_privileges_start)
    create_opaque,        // a verbatim statement present only in `to`
    drop_opaque,          // a verbatim statement present only in `from` (cannot be undone automatically)
};

[[nodiscard]] std::string_view to_string(ChangeKind kind);

// What a change refers to in the `from` / `to` schemas (pointers into them: a
// ChangeSet must not outlive the two schemas it was computed from).
using ObjectRef = std::variant<std::monostate, const model::Namespace*, const model::Extension*,
                               const model::OptionObject*, const model::TypeDef*, const model::Sequence*,
                               const model::Table*, const model::Column*, const model::Constraint*,
                               const model::Index*, const model::View*, const model::Function*,
                               const model::Trigger*, const model::Policy*, const model::OpaqueStatement*,
                               const model::DefaultPrivileges*>;

// Where a label added to an enum goes (add_enum_value).
struct EnumPosition {
    enum class Place : std::uint8_t {
        end,     // appended after the last label
        before,  // before `label`
        after,   // after `label`
    };
    Place place = Place::end;
    std::string label;  // the neighbour (raw, unquoted); empty at the end

    bool operator==(const EnumPosition&) const = default;
};

// What set_attribute changes: the attribute's row and its value on each side (nullopt:
// unset there). Values are typed (model::AttributeValue): no SQL text; the dialect's
// planner writes the statement.
struct AttributeChange {
    const model::AttributeDef* def = nullptr;
    std::optional<model::AttributeValue> before;
    std::optional<model::AttributeValue> after;

    bool operator==(const AttributeChange&) const = default;
};

struct Change {
    ChangeKind kind = ChangeKind::create_table;
    model::ObjectKey key;  // the object changed (for columns: kind column, table = owning table)
    ObjectRef before;      // the object in `from` (monostate for creations)
    ObjectRef after;       // the object in `to` (monostate for drops)
    // Kind-specific payloads, empty for the other kinds:
    std::string old_name;        // renames: the name in `from` (same schema; columns and constraints: same table)
    EnumPosition enum_position;  // add_enum_value
    AttributeChange attribute;   // set_attribute
    std::string owner;           // set_owner: the new owner (the old one is the `before` object's)

    // "add column public.orders.note" — stable, used in plan comments and reports.
    [[nodiscard]] std::string describe() const;
    // The payload as report text (the JSON report's "detail"): a rename's old name, an
    // enum value's position ("BEFORE 'x'" / "AFTER 'x'", the label quoted as a string
    // literal), an attribute's new value ("engine=InnoDB", "engine reset"), empty otherwise.
    [[nodiscard]] std::string detail_text() const;
};

// The two-way diff result: changes in a deterministic order (by kind group, then key),
// not yet in execution order — that is synth's job.
struct ChangeSet {
    std::vector<Change> changes;
    [[nodiscard]] bool empty() const { return changes.empty(); }
};

}  // namespace schemerge::diff
