#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/schema.hpp"
#include "parser/load_options.hpp"
#include "parser/postgres/pg_ast.hpp"
#include "parser/postgres/statement_error.hpp"

namespace schemerge::parser::postgres {

// Where the statement being applied sits in its file.
struct StatementSite {
    model::SourceLocation location;  // first token of the statement
    std::string_view text;           // the statement text
    std::string_view leading;        // comments and blank lines just before it
    std::string_view trailing;       // the rest of its last line (`; -- comment`)
};

// Helpers shared by the transform files (defined in the file of the statement they
// belong to): WITH (...) options as sorted pairs (transform_table.cpp), a role name
// (transform_alter_table.cpp), a routine's identity from ObjectWithArgs, setting
// *found when the schema has it (transform_function.cpp).
class Interpreter;
[[nodiscard]] std::vector<std::pair<std::string, std::string>> reloptions(Node* const* items, std::size_t n);
[[nodiscard]] std::string owner_name(const PgQuery__RoleSpec* role);
[[nodiscard]] model::RoutineName routine_key(const Interpreter& in, const PgQuery__ObjectWithArgs* owa,
                                             const model::Schema& schema, bool* found);
// An operator's identity from ObjectWithArgs (name, left and right types, NONE left out),
// unqualified names through the search path (transform_operator.cpp).
[[nodiscard]] model::RoutineName operator_key(const Interpreter& in, const PgQuery__ObjectWithArgs* owa,
                                              const model::Schema& schema, const std::vector<std::string>& search_path,
                                              bool* found);

// `-- schemerge:renamed-from old_name` in `text`: the old name (last part of a
// qualified name, folded like an identifier), or empty.
[[nodiscard]] std::string rename_annotation(std::string_view text);

// The DDL interpreter: applies parsed statements in order to a Schema, the way the
// engine would apply them to a catalog. Its members are spread over one file per
// statement family (transform_table.cpp, transform_alter_table.cpp, ...).
class Interpreter {
public:
    Interpreter(model::Schema& schema, std::vector<model::Diagnostic>& diagnostics, const LoadOptions& options,
                LoadStats& stats);

    // Applies one statement; throws StatementError when the statement cannot apply.
    void apply(Node* stmt, const StatementSite& site);
    // Canonical forms that need the whole schema (sorting, implied NOT NULL, ...).
    void finish();

private:
    // transform_table.cpp
    void create_table(PgQuery__CreateStmt* stmt);
    void add_column(model::Table& table, PgQuery__ColumnDef* def, bool from_alter);
    // meta() located at a byte offset of the statement (a column's own line).
    [[nodiscard]] model::ObjectBase meta_at(int offset) const;
    // Records on the column (or, for DROP COLUMN, the table) that this ALTER TABLE changed it.
    void note_change(model::Table& table, const PgQuery__AlterTableCmd* cmd, bool only);
    void add_table_constraint(model::Table& table, PgQuery__Constraint* c, const std::string& column_hint);
    model::Constraint build_constraint(model::Table& table, PgQuery__Constraint* c, const std::string& column_hint);
    void create_table_as(PgQuery__CreateTableAsStmt* stmt);
    [[nodiscard]] std::string partition_bound_text(const PgQuery__PartitionBoundSpec* bound) const;
    // transform_alter_table.cpp
    void alter_table(PgQuery__AlterTableStmt* stmt);
    void alter_table_cmd(model::Table& table, PgQuery__AlterTableCmd* cmd, bool only);
    // One ALTER TABLE step on `table` alone.
    void alter_table_cmd_on(model::Table& table, PgQuery__AlterTableCmd* cmd);
    // transform_inheritance.cpp
    void inherit_at_create(model::Table& table, PgQuery__CreateStmt* stmt);
    void merge_local_column(model::Column& inherited, model::Column local, int offset);
    bool alter_inheritance(model::Table& table, PgQuery__AlterTableCmd* cmd, bool only);
    void add_inherited_column(model::Table& child, const std::optional<model::Column>& column,
                              const std::vector<model::Constraint>& checks);
    void drop_column_recursive(model::Table& table, PgQuery__AlterTableCmd* cmd, bool only);
    void settle_inherited(model::Table& table) const;
    [[nodiscard]] std::vector<model::Table*> inheritance_children(const model::QualifiedName& parent);
    [[nodiscard]] std::vector<model::Table*> descendants(const model::QualifiedName& parent);
    [[nodiscard]] bool is_descendant(const model::QualifiedName& table, const model::QualifiedName& ancestor);
    [[nodiscard]] int inherited_count(const model::Table& table, std::string_view column) const;
    [[nodiscard]] int inherited_constraint_count(const model::Table& table, std::string_view name) const;
    [[nodiscard]] bool has_inheritance(const model::Table& table) const;
    void alter_view_cmd(model::View& view, PgQuery__AlterTableCmd* cmd);
    void alter_sequence_cmd(model::Sequence& seq, PgQuery__AlterTableCmd* cmd);
    void alter_index_cmd(model::Index& index, PgQuery__AlterTableCmd* cmd);
    // transform_index.cpp
    void create_index(PgQuery__IndexStmt* stmt);
    model::IndexElement index_element(PgQuery__IndexElem* elem, const model::Table* table);
    // transform_sequence.cpp
    void create_sequence(PgQuery__CreateSeqStmt* stmt);
    void alter_sequence(PgQuery__AlterSeqStmt* stmt);
    void apply_sequence_options(model::SequenceOptions& options, Node** items, std::size_t n,
                                std::optional<model::SequenceOwner>* owner, std::string* seq_name);
    // transform_type.cpp
    void create_enum(PgQuery__CreateEnumStmt* stmt);
    void alter_enum(PgQuery__AlterEnumStmt* stmt);
    void create_composite(PgQuery__CompositeTypeStmt* stmt);
    void create_domain(PgQuery__CreateDomainStmt* stmt);
    void alter_domain(PgQuery__AlterDomainStmt* stmt);
    void create_range(PgQuery__CreateRangeStmt* stmt);
    void define(PgQuery__DefineStmt* stmt);
    // transform_operator.cpp
    void define_operator(PgQuery__DefineStmt* stmt);
    void alter_operator(PgQuery__AlterOperatorStmt* stmt);
    void qualify_operator_references();  // from finish()
    // FUNCTION = f of an operator taking `args`: qualified when it is ours, a built-in as
    // written; an error when it exists nowhere (unless extensions could define it).
    [[nodiscard]] std::string operator_function(const Node* arg, const std::string& args, std::string_view what,
                                                int offset) const;
    [[nodiscard]] std::string operator_reference(const Node* arg, const std::string& args, int offset) const;
    // transform_opclass.cpp
    void create_opclass(PgQuery__CreateOpClassStmt* stmt);
    void create_opfamily(PgQuery__CreateOpFamilyStmt* stmt);
    void alter_opfamily(PgQuery__AlterOpFamilyStmt* stmt);
    void drop_opclass(model::RoutineKind kind, Node* object, bool cascade, bool missing_ok);
    // ALTER OPERATOR CLASS | FAMILY … RENAME TO (new_name) / SET SCHEMA (new_schema).
    void move_opclass(model::RoutineKind kind, Node* object, const std::string& new_schema,
                      const std::string& new_name);
    void require_method(const std::string& am) const;
    [[nodiscard]] static std::string opclass_description(model::RoutineKind kind, const model::QualifiedName& name,
                                                         const std::string& am);
    [[nodiscard]] std::pair<std::string, std::string> opclass_member(const PgQuery__CreateOpClassItem* item,
                                                                     const std::string& am,
                                                                     const std::string& type) const;
    void add_opclass_member(model::Function& target, std::pair<std::string, std::string> member,
                            const std::string& family_text, int offset);
    [[nodiscard]] model::Function* member_owner(const std::string& am, const std::string& key,
                                                model::Function* creating, const std::string& family_text);

public:
    // An operator class or family by name (unqualified: through the search path) and
    // access method; *key is set either way.
    [[nodiscard]] const model::Function* find_opclass(model::RoutineKind kind, Node* const* names, std::size_t n,
                                                      const std::string& am, model::RoutineName* key) const;
    void canonical_index_opclass(model::IndexElement& element, const std::string& method,
                                 const model::Table* table) const;
    // The same for any element an access method indexes (an exclusion constraint's): returns
    // false, leaving `opclass` as written, when it is not one of ours.
    bool canonical_opclass(std::string& opclass, const std::string& column, const std::string& method,
                           const model::Table* table) const;

private:
    // transform_function.cpp
    void create_function(PgQuery__CreateFunctionStmt* stmt);
    void alter_function(PgQuery__AlterFunctionStmt* stmt);
    void create_trigger(PgQuery__CreateTrigStmt* stmt);
    void create_policy(PgQuery__CreatePolicyStmt* stmt);
    void alter_policy(PgQuery__AlterPolicyStmt* stmt);
    // transform_view.cpp
    void create_view(PgQuery__ViewStmt* stmt);
    // transform_misc.cpp
    void create_schema(PgQuery__CreateSchemaStmt* stmt);
    void create_extension(PgQuery__CreateExtensionStmt* stmt);
    void comment(PgQuery__CommentStmt* stmt);
    void grant(PgQuery__GrantStmt* stmt, Node* node);
    void alter_owner(PgQuery__AlterOwnerStmt* stmt);
    // transform_default_privileges.cpp
    void alter_default_privileges(PgQuery__AlterDefaultPrivilegesStmt* stmt);
    void drop(PgQuery__DropStmt* stmt);
    void rename(PgQuery__RenameStmt* stmt);
    void alter_object_schema(PgQuery__AlterObjectSchemaStmt* stmt);
    void variable_set(PgQuery__VariableSetStmt* stmt);
    bool select_has_schema_effect(PgQuery__SelectStmt* stmt);
    void text_search_configuration(PgQuery__AlterTSConfigurationStmt* stmt);
    void keep_opaque(Node* stmt);
    void rename_relation(const model::QualifiedName& from, const model::QualifiedName& to);
    [[nodiscard]] model::QualifiedName in_type(const Node* object) const;
    void unsupported(Node* stmt, std::string_view what);

public:  // shared helpers used across the transform files
    [[nodiscard]] model::QualifiedName qualify(Node* const* names, std::size_t n) const;
    [[nodiscard]] model::QualifiedName qualify(const PgQuery__RangeVar* rv) const;
    [[nodiscard]] model::QualifiedName resolve_relation(const PgQuery__RangeVar* rv) const;
    [[nodiscard]] model::QualifiedName resolve_type(Node* const* names, std::size_t n) const;
    // A COLLATE clause's collation: as written when qualified; else the first schema of
    // the search path (pg_catalog in its place) holding it; else kept unqualified.
    [[nodiscard]] model::QualifiedName resolve_collation(Node* const* names, std::size_t n) const;
    [[nodiscard]] model::Table& require_table(const model::QualifiedName& name, int offset);
    [[nodiscard]] model::TypeRef type(const PgQuery__TypeName* t) const { return type_ref(t, names_); }
    [[nodiscard]] model::Expression expr(Node* n, const model::TypeRef* column_type = nullptr) const {
        return deparse_expression(n, names_, column_type);
    }
    [[nodiscard]] model::ObjectBase meta() const;
    [[nodiscard]] std::string choose_relation_name(const std::string& table, const std::string& column,
                                                   const std::string& label, const std::string& schema) const;
    [[nodiscard]] std::string choose_constraint_name(const model::Table& table, const std::string& column,
                                                     const std::string& label) const;
    void duplicate(const std::string& what, const model::SourceLocation& previous);
    void warn(std::string message);
    // A warning at `offset` (bytes from the statement's start): its line and column, that
    // line as the source line.
    void warn_at(int offset, std::string message);
    [[nodiscard]] std::string describe_location(int offset) const;
    // The rename annotation of the statement (in the comments before it or on its first
    // line), or of the line holding `offset` inside the statement (and the comment-only
    // line before it) when offset >= 0.
    [[nodiscard]] std::string statement_rename_annotation() const;
    [[nodiscard]] std::string line_rename_annotation(int offset) const;

    // While alive, bare column names in expressions mean `table`'s columns (for typing
    // function arguments: function_resolution.hpp).
    class ColumnContext {
    public:
        ColumnContext(Interpreter& in, const model::Table* table) : names_(in.names_), saved_(in.names_.table) {
            names_.table = table;
        }
        ~ColumnContext() { names_.table = saved_; }
        ColumnContext(const ColumnContext&) = delete;
        ColumnContext& operator=(const ColumnContext&) = delete;

    private:
        NameContext& names_;
        const model::Table* saved_;
    };

private:
    // After SET search_path: pg_catalog's place and whether only it is left (NameContext).
    void note_search_path(int catalog_position, bool empty);

    model::Schema& schema_;
    std::vector<model::Diagnostic>& diagnostics_;
    const LoadOptions& options_;
    LoadStats& stats_;
    NameContext names_;
    std::vector<std::string> search_path_{"public"};
    const StatementSite* site_ = nullptr;
    Node* current_ = nullptr;
    // Whether any table has (or had) a parent: until one does, has_inheritance answers
    // without scanning every table (a scan per ALTER TABLE was quadratic in a dump).
    bool any_inherits_ = false;
};

}  // namespace schemerge::parser::postgres
