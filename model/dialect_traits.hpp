#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/acl.hpp"
#include "model/attributes.hpp"

namespace schemerge::model {

// How an engine stores and compares identifiers.
enum class IdentifierCase : std::uint8_t {
    fold_lower,   // unquoted names folded to lower case, quoted kept; compared exactly (PostgreSQL)
    fold_upper,   // unquoted names folded to upper case, quoted kept; compared exactly (SQL standard)
    insensitive,  // kept as written; compared ignoring case (MySQL columns, SQL Server, SQLite)
};

// The kinds of names an engine keeps unique together (NamespaceRule::members).
enum class NameKind : std::uint8_t {
    table,
    view,
    materialized_view,
    sequence,
    index,
    composite_type,  // a composite type's row type
    key_constraint,  // PRIMARY KEY / UNIQUE / EXCLUDE: the constraint owns an index of its name
    other_constraint,
    trigger,
    policy,
};

// Where one set of names is unique.
enum class NameScope : std::uint8_t {
    schema,    // per schema (PostgreSQL relations)
    table,     // per table (MySQL / SQL Server indexes and constraints, PostgreSQL constraints)
    database,  // across the whole database (SQLite: tables, views, indexes and triggers)
};

struct NamespaceRule {
    std::vector<NameKind> members;
    NameScope scope = NameScope::schema;
    // Completes a conflict's explanation: "PostgreSQL keeps them in one namespace."
    std::string_view explanation;
    // What the members are called together in that explanation ("relations").
    std::string_view noun = "objects";
};

// What one SQL engine does differently, as data (the sqlglot habit): the neutral layers
// (model/, diff/, synth/, cli/) read these answers instead of naming an engine. A
// dialect's traits live in its own folder; every Schema points at the traits of the
// dialect that built it (Schema::dialect).
struct DialectTraits {
    std::string_view name;          // the registry's name: --dialect NAME, [schema] dialect
    std::string_view display_name;  // for messages: "the engine" when empty

    // Identifiers.
    IdentifierCase identifier_case = IdentifierCase::fold_lower;
    // Writes a name as SQL text, quoted only when the engine needs it (keywords, case,
    // characters). Null: always quote with quote_open / quote_close.
    std::string (*quote)(std::string_view name) = nullptr;
    std::string_view quote_open = "\"";
    std::string_view quote_close = "\"";

    // Schemas. Where unqualified names live ("" when the engine has no schemas inside a
    // database: every name is then stored unqualified), and the schemas that hold the
    // engine's own objects (never the model's).
    std::string_view default_schema;
    std::vector<std::string_view> builtin_schemas;

    // Which names must be unique together, and where (merge validation's name collisions).
    std::vector<NamespaceRule> namespaces;

    // Types: spelling -> canonical name, for front ends and for --rename / report input.
    std::vector<std::pair<std::string_view, std::string_view>> type_aliases;

    // Semantics the diff, merge and planner depend on.
    bool primary_key_implies_not_null = true;
    // Enum labels can be added in place (at any position) but not removed or reordered;
    // false: no in-place label change, every change recreates the type.
    bool enum_values_append_only = false;
    bool columns_append_only = true;       // ADD COLUMN appends: merged order = base, ours' new, theirs' new
    bool transactional_ddl = true;         // a plan can run in one transaction

    // Dump noise: differences between two dumps of one database that are not schema changes.
    // Extensions every database has (present on one side only is not a change).
    std::vector<std::string_view> always_installed_extensions;
    // A sequence OWNED BY a column on both sides whose data type is set on one side only.
    bool owned_sequence_type_is_noise = false;

    // Privileges objects hold before any GRANT / REVOKE (besides their owner's).
    std::vector<DefaultPrivilege> default_privileges;
    // The dialect's front end builds ACLs / its planner writes owner changes: a diff
    // compares them (when both inputs carry them). False: they are recorded, never diffed.
    bool plans_privileges = false;
    bool plans_owners = false;

    // The dialect-only attributes its objects can carry (AttributeDef rows).
    std::vector<const AttributeDef*> attributes;

    // Conflict reports write a routine's body between these (PostgreSQL's `AS $$` … `$$`);
    // empty: the body as it stands, after its LANGUAGE.
    std::string_view routine_body_open;
    std::string_view routine_body_close;

    // Helpers over the data above.
    [[nodiscard]] std::string quote_identifier(std::string_view name) const;
    // "schema.name" quoted; the schema is left out when empty.
    [[nodiscard]] std::string quote_qualified(std::string_view schema, std::string_view name) const;
    [[nodiscard]] bool is_builtin_schema(std::string_view schema) const;
    // The schema an unqualified name lives in (default_schema), or `schema` when given.
    [[nodiscard]] std::string schema_or_default(std::string_view schema) const;
    // A name as the user typed it outside SQL (--rename, --resolve): folded as the engine
    // folds an unquoted identifier; "\"Mixed\"" keeps its case.
    [[nodiscard]] std::string fold_identifier(std::string_view typed) const;
    [[nodiscard]] bool names_equal(std::string_view a, std::string_view b) const;
    [[nodiscard]] bool is_always_installed(std::string_view extension) const;
    // The ACL of an object of `kind` called `name` that no GRANT / REVOKE touched (tracked).
    [[nodiscard]] Acl default_acl(ObjectKind kind, std::string_view name) const;
    // `acl` when tracked, else default_acl: what the engine's catalog would say.
    [[nodiscard]] Acl effective_acl(const Acl& acl, ObjectKind kind, std::string_view name) const;
    [[nodiscard]] std::string_view engine_name() const { return display_name.empty() ? "the engine" : display_name; }

    // Traits for schemas built without a dialect (tests' model builder defaults, an empty
    // Schema): no schemas, names compared exactly, no attributes.
    [[nodiscard]] static const DialectTraits& neutral();
};

// A Schema's pointer to its dialect's traits. Not part of the schema's value: two
// schemas compare equal whatever dialect built them (compare like with like).
class DialectRef {
public:
    DialectRef() = default;
    DialectRef(const DialectTraits* traits) : traits_(traits) {}  // NOLINT: implicit by design
    DialectRef(const DialectTraits& traits) : traits_(&traits) {}  // NOLINT: implicit by design
    [[nodiscard]] const DialectTraits& get() const { return traits_ != nullptr ? *traits_ : DialectTraits::neutral(); }
    // Did a dialect build the schema (else the neutral traits answer)?
    [[nodiscard]] bool known() const { return traits_ != nullptr; }
    [[nodiscard]] const DialectTraits& operator*() const { return get(); }
    [[nodiscard]] const DialectTraits* operator->() const { return &get(); }
    bool operator==(const DialectRef&) const { return true; }

private:
    const DialectTraits* traits_ = nullptr;
};

}  // namespace schemerge::model
