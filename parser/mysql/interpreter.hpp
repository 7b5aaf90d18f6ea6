#pragma once
// The MySQL DDL interpreter: applies statements (ast.hpp) in order to a Schema, the way the
// server applies them to its data dictionary, and rejects what the server rejects. Its
// members are spread over one file per statement family (interpret_table.cpp,
// interpret_alter.cpp, interpret_keys.cpp, interpret_routine.cpp, interpreter.cpp).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/schema.hpp"
#include "parser/load_options.hpp"
#include "parser/mysql/ast.hpp"
#include "parser/mysql/canonical.hpp"
#include "parser/mysql/script_split.hpp"
#include "parser/mysql/statement_error.hpp"

namespace schemerge::parser::mysql {

struct BodyContext;

// Where the statement being applied sits.
struct StatementSite {
    const PreparedScript* file = nullptr;
    std::size_t base = 0;          // file offset of its chunk
    std::uint32_t offset = 0;      // first token, in the chunk
    std::uint32_t end = 0;         // one past its last token, in the chunk
    std::string_view leading;      // comments and blank lines before the chunk (its first statement only)
};

// A statement's tokens as canonical text (what an OpaqueStatement keeps).
[[nodiscard]] std::string render_statement(const ast::Tokens& tokens);
// A PARTITION BY clause's canonical text (partition engines equal to the table's left out).
[[nodiscard]] std::string render_partitioning(const ast::Tokens& tokens, const std::string& table_engine);

class Interpreter {
public:
    Interpreter(model::Schema& schema, std::vector<model::Diagnostic>& diagnostics, const LoadOptions& options,
                LoadStats& stats);

    // Applies one statement; throws StatementError when MySQL would reject it.
    void apply(const ast::Statement& statement, const StatementSite& site);
    // Canonical forms that need the whole script (sorted constraints, databases).
    void finish();

    // What the interpreter knows about each table besides the model: the effective
    // character set and collation (columns store theirs only when they differ), the
    // canonical type of each column, and the indexes MySQL created for foreign keys.
    struct ColumnState {
        ColumnType type;
        std::string charset;    // effective ("" when unknown)
        std::string collation;  // effective, "" = the character set's default
        bool explicit_null = false;
        bool auto_increment = false;
    };
    struct TableState {
        std::string charset;
        std::string collation;
        std::string engine;  // canonical, "" = InnoDB
        std::map<std::string, std::string> options;  // the table_options attribute
        std::map<std::string, ColumnState> columns;  // by lower-case name
        std::set<std::string> implicit_indexes;      // lower-case names of indexes made for foreign keys
        std::map<std::string, std::string> indexes;  // lower-case index name -> declared name
        // Prefix lengths (the key_part_lengths attributes), by lower-case index name; the
        // primary key's under "primary".
        std::map<std::string, model::AttributeOptions> key_lengths;
        // MariaDB's generated CHECK names (CONSTRAINT_1, lower case) -> the model's.
        std::map<std::string, std::string> check_aliases;
    };

private:
    // interpreter.cpp
    void database(const ast::Database& stmt);
    void set(const ast::Set& stmt);
    void unmodeled(const ast::Unmodeled& stmt);
    void event(const ast::Event& stmt);
    void keep_opaque(const std::string& kind, const ast::Tokens& tokens, const std::string& event_name);

    // interpret_table.cpp
    void create_table(const ast::CreateTable& stmt);
    void create_table_like(const ast::CreateTable& stmt, const model::QualifiedName& name);
    void drop_table(const ast::DropTable& stmt);
    void rename_table(const ast::RenameTable& stmt);
    void move_table(const model::QualifiedName& from, const model::QualifiedName& to, std::uint32_t offset);
    void add_column(model::Table& table, TableState& state, const ast::ColumnDef& def, bool first,
                    const std::string& after, std::optional<std::size_t> replace);
    void column_keys(model::Table& table, TableState& state, const ast::ColumnDef& def);
    void apply_table_options(model::Table& table, TableState& state, const std::vector<ast::TableOption>& options,
                             bool create);
    void set_table_charset(model::Table& table, TableState& state, const std::string& charset,
                           const std::string& collation, std::uint32_t offset, bool convert);
    void sync_column_charset(model::Table& table, const TableState& state, model::Column& column) const;
    void check_auto_increment(const model::Table& table, std::uint32_t offset) const;

    // interpret_alter.cpp
    void alter_table(const ast::AlterTable& stmt);
    void drop_column(model::Table& table, TableState& state, const std::string& name, std::uint32_t offset,
                     bool if_exists);
    void rename_column_references(model::Table& table, TableState& state, const std::string& from,
                                  const std::string& to, std::uint32_t offset);

    // interpret_keys.cpp
    void add_key(model::Table& table, TableState& state, const ast::KeyDef& key);
    void add_index(model::Table& table, TableState& state, const ast::KeyDef& key, bool implicit);
    void add_foreign_key(model::Table& table, TableState& state, const ast::KeyDef& key);
    void add_check(model::Table& table, TableState& state, const ast::KeyDef& key);
    void create_implicit_fk_indexes(model::Table& table, TableState& state);
    void drop_superseded_implicit_indexes(model::Table& table, TableState& state, const std::string& added);
    void drop_index(model::Table& table, TableState& state, const std::string& name, std::uint32_t offset,
                    bool if_exists);
    void drop_primary_key(model::Table& table, std::uint32_t offset);
    void drop_constraint(model::Table& table, TableState& state, const std::string& name, std::uint32_t offset,
                         bool if_exists, bool check_only, bool foreign_only);
    void rename_index(model::Table& table, TableState& state, const std::string& from, const std::string& to,
                      std::uint32_t offset);
    [[nodiscard]] std::string generated_index_name(const TableState& state, const std::string& base) const;
    [[nodiscard]] std::string generated_constraint_name(const model::Table& table, std::string_view infix) const;
    [[nodiscard]] bool index_serves(const model::Table& table, const std::string& index, const model::Constraint& fk) const;
    [[nodiscard]] std::vector<std::vector<std::string>> leading_column_sets(const model::Table& table,
                                                                             const std::string& except) const;
    void check_fk_target(const model::Table& table, const model::Constraint& fk, std::uint32_t offset) const;
    void create_index_statement(const ast::CreateIndex& stmt);
    void drop_index_statement(const ast::DropIndex& stmt);

    // interpret_routine.cpp
    void create_view(const ast::CreateView& stmt);
    void drop_view(const ast::DropView& stmt);
    void create_trigger(const ast::CreateTrigger& stmt);
    void drop_trigger(const ast::DropTrigger& stmt);
    void create_routine(const ast::CreateRoutine& stmt);
    // A routine's or event's body: its text and the tables and columns its statements name.
    static void set_body(model::Function& f, const ast::RoutineBody& body, const BodyContext& context);
    // ON SCHEDULE / ON COMPLETION / RENAME TO / ENABLE / DISABLE / COMMENT of CREATE and
    // ALTER EVENT, applied to `f`; returns the RENAME TO name, if any.
    std::optional<ast::Name> event_clauses(const ast::Event& stmt, model::Function& f);
    bool keep_routine(model::Function f, std::string_view what, std::uint32_t offset);
    void alter_routine(const ast::AlterRoutine& stmt);
    void drop_routine(const ast::DropRoutine& stmt);

public:  // helpers shared by the files above
    [[nodiscard]] model::QualifiedName qualify(const ast::Name& name) const;
    [[nodiscard]] std::string database_of(const model::QualifiedName& name) const;
    [[nodiscard]] model::Table& require_table(const ast::Name& name);
    [[nodiscard]] TableState& state_of(const model::QualifiedName& table);
    [[nodiscard]] model::ObjectBase meta_at(std::uint32_t offset) const;
    [[nodiscard]] model::ObjectBase meta() const { return meta_at(site_ != nullptr ? site_->offset : 0); }
    [[nodiscard]] ExprContext columns_of(const model::Table& table) const;
    [[nodiscard]] std::string table_label(const model::QualifiedName& name) const;
    void warn(std::string message, std::optional<std::uint32_t> offset = std::nullopt);
    [[nodiscard]] bool relation_exists(const model::QualifiedName& name) const;
    [[nodiscard]] model::Index* find_index(const model::Table& table, const std::string& name);
    [[nodiscard]] static model::QualifiedName index_key(const model::QualifiedName& table, const std::string& index);
    [[nodiscard]] static model::Column* find_column(model::Table& table, std::string_view name);
    [[nodiscard]] static const model::Column* find_column(const model::Table& table, std::string_view name);
    [[nodiscard]] std::string rename_annotation_at(std::uint32_t offset, std::uint32_t end) const;

private:
    model::Schema& schema_;
    std::vector<model::Diagnostic>& diagnostics_;
    const LoadOptions& options_;
    LoadStats& stats_;
    const StatementSite* site_ = nullptr;

    // Databases: the script's own database (its first USE) is the model's scope.
    struct DatabaseState {
        std::string charset;
        std::string collation;
        std::optional<std::string> comment;
        model::SourceLocation location;
        bool created = false;
    };
    std::optional<std::string> home_;    // set by the first USE
    std::string current_;                // the database USE selected last ("" before any)
    std::map<std::string, DatabaseState> databases_;
    // Session state read from SET statements.
    bool foreign_key_checks_ = true;
    std::map<std::string, std::string> user_variables_;  // lower-case name -> value text

    std::map<model::QualifiedName, TableState> tables_;
    // Names unique per database: foreign keys (lower case) -> their table; triggers.
    std::map<std::pair<std::string, std::string>, model::QualifiedName> foreign_keys_;
    std::map<std::pair<std::string, std::string>, model::QualifiedName> triggers_;  // (schema, name) -> table
    // Routines: (function?, schema, lower-case name) -> key.
    std::map<std::tuple<bool, std::string, std::string>, model::RoutineName> routines_;
    // The index name a foreign key asks for when MySQL must create one for it
    // (CONSTRAINT symbol, else FOREIGN KEY index_name), until the statement ends.
    std::map<std::string, std::string> fk_index_hints_;  // lower-case constraint name -> index name
    // Events: (schema, lower-case name) -> key (events have their own namespace).
    std::map<std::pair<std::string, std::string>, model::RoutineName> events_;
};

}  // namespace schemerge::parser::mysql
