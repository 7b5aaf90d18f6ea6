#pragma once
// The statements of a chunk as plain data: what the grammar recognized, with every
// position as a byte offset into the chunk. The ANTLR tree is dropped as soon as this is
// built (ast_builder.cpp), so a statement shared by several inputs is parsed once and
// interpreted by each (interpreter.hpp), and no parse tree outlives its chunk.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace schemerge::parser::mysql::ast {

enum class TokenKind : std::uint8_t {
    word,        // an unquoted identifier
    quoted,      // a `backquoted` identifier (text without the quotes)
    reserved,    // a reserved word
    keyword,     // a non-reserved keyword (also a name, depending on where it stands)
    string,      // a string literal as written (quotes, introducer, adjacent parts)
    number,
    hex,         // X'..' / 0x..
    bit,         // B'..' / 0b..
    variable,    // @user / @@system
    punctuation,
};

// One token of an expression, a view query, a routine body statement or an unmodeled
// statement.
struct Token {
    TokenKind kind = TokenKind::punctuation;
    std::string text;  // identifiers unquoted; everything else as written
    std::uint32_t offset = 0;
    std::uint32_t end = 0;  // one past its last byte
};

using Tokens = std::vector<Token>;

// A (possibly database-qualified) name.
struct Name {
    std::string schema;
    std::string name;
    std::uint32_t offset = 0;
};

// An expression kept as its tokens; the interpreter renders its canonical text (it needs
// the table's columns to spell column names as declared).
struct Expr {
    Tokens tokens;  // without the parentheses that enclose it in the syntax (CHECK (...))
    std::uint32_t offset = 0;
};

struct DataType {
    std::string name;  // lower case, words joined by one space: "int", "double precision", "national char"
    std::vector<std::string> args;  // numbers as written, or ENUM / SET labels (unescaped)
    bool labels = false;            // args are string labels
    bool is_unsigned = false;
    bool zerofill = false;
    bool binary = false;   // CHAR(10) BINARY: the character set's binary collation
    bool ascii = false;    // CHAR(10) ASCII = CHARACTER SET latin1
    bool unicode = false;  // CHAR(10) UNICODE = CHARACTER SET ucs2
    bool byte = false;     // CHAR(10) BYTE = BINARY(10)
    std::string charset;   // CHARACTER SET x (lower case)
    std::uint32_t offset = 0;
};

struct DefaultValue {
    enum class Kind : std::uint8_t {
        null,
        string,      // text: the unescaped value; introducer: _utf8mb4 etc. (lower case)
        number,      // text: as written, with its sign
        boolean,     // text: "1" or "0"
        hex,         // text: the hex digits
        bit,         // text: the bits
        now,         // CURRENT_TIMESTAMP and synonyms; text: the precision, or ""; name: the word used
        expression,  // (expr): expr
        function,    // name(args) without enclosing parentheses (MariaDB): name + expr (the arguments)
        builtin,     // CURRENT_DATE, CURRENT_USER, ... (name), with or without ()
    };
    Kind kind = Kind::null;
    std::string text;
    std::string name;
    std::string introducer;
    Expr expr;
    std::uint32_t offset = 0;
};

enum class KeyKind : std::uint8_t { primary, unique, index, fulltext, spatial, foreign, check };

struct KeyPart {
    std::string column;  // empty for an expression
    std::optional<std::int64_t> length;
    Expr expression;
    bool desc = false;
    std::uint32_t offset = 0;
};

struct ForeignKeyTarget {
    Name table;
    std::vector<std::string> columns;
    std::string match;      // FULL | PARTIAL | SIMPLE, or empty
    std::string on_delete;  // RESTRICT | CASCADE | SET NULL | SET DEFAULT | NO ACTION, or empty
    std::string on_update;
    std::uint32_t offset = 0;
};

struct KeyDef {
    KeyKind kind = KeyKind::index;
    bool has_constraint = false;  // CONSTRAINT [symbol]
    std::string constraint_name;  // the symbol
    std::string index_name;       // the index_name of the syntax
    bool if_not_exists = false;
    std::vector<KeyPart> parts;
    std::vector<std::string> columns;  // FOREIGN KEY (columns)
    // Index options.
    std::string method;  // BTREE | HASH | RTREE from USING
    std::optional<std::int64_t> key_block_size;
    std::string parser;
    std::optional<std::string> comment;
    std::optional<bool> invisible;
    std::optional<bool> ignored;
    std::string engine_attribute;
    ForeignKeyTarget references;
    Expr check;
    std::optional<bool> enforced;
    std::uint32_t offset = 0;
};

struct ColumnDef {
    std::string name;
    std::uint32_t offset = 0;
    DataType type;
    std::optional<bool> nullable;  // NULL / NOT NULL (the last one written wins)
    std::optional<DefaultValue> default_value;
    std::optional<DefaultValue> on_update;  // Kind::now
    bool auto_increment = false;
    bool serial_default_value = false;  // SERIAL DEFAULT VALUE
    bool unique_key = false;
    bool primary_key = false;
    std::optional<std::string> comment;
    std::string collation;
    std::string column_format;
    std::string storage;
    std::optional<Expr> generated;
    bool stored = false;  // STORED / PERSISTENT (else VIRTUAL)
    std::optional<bool> invisible;
    std::optional<std::int64_t> srid;
    std::vector<KeyDef> checks;         // column CHECKs (table constraints in MySQL 8)
    std::optional<KeyDef> references;   // inline REFERENCES
    std::string engine_attribute;
    std::uint32_t line_end = 0;         // end of its definition (for rename annotations)
};

struct TableOption {
    std::string name;  // lower case: engine, charset, collate, auto_increment, comment, row_format, ...
    std::string value; // strings unescaped, words as written, numbers as written
    std::uint32_t offset = 0;
};

struct CreateTable {
    Name name;
    bool or_replace = false;
    bool temporary = false;
    bool if_not_exists = false;
    std::optional<Name> like;
    std::vector<ColumnDef> columns;
    std::vector<KeyDef> keys;
    std::vector<TableOption> options;
    std::optional<Tokens> partition;  // PARTITION BY ...
    bool as_select = false;
    Tokens tokens;  // the whole statement, for CREATE TABLE ... SELECT (kept verbatim)
};

struct AlterAction {
    enum class Kind : std::uint8_t {
        add_column,
        add_key,
        drop_column,
        drop_primary_key,
        drop_key,
        drop_foreign_key,
        drop_constraint,  // DROP CHECK / DROP CONSTRAINT
        set_default,
        drop_default,
        set_column_visibility,
        set_index_visibility,
        set_index_ignored,
        set_check_enforced,
        change_column,
        modify_column,
        rename_column,
        rename_key,
        rename_table,
        convert_charset,
        options,
        no_effect,  // ALGORITHM=, LOCK=, FORCE, ORDER BY, ENABLE KEYS, ...
    };
    Kind kind = Kind::no_effect;
    std::uint32_t offset = 0;
    ColumnDef column;
    KeyDef key;
    std::string name;      // the column / key / constraint the action names
    std::string new_name;  // RENAME COLUMN / INDEX ... TO
    Name new_table;
    bool if_exists = false;
    bool if_not_exists = false;
    bool flag = false;  // visibility: invisible; IGNORED; ENFORCED
    bool first = false;
    std::string after;  // AFTER column
    std::optional<DefaultValue> default_value;
    std::vector<TableOption> options;
    std::string charset;  // CONVERT TO
    std::string collation;
};

struct AlterTable {
    Name name;
    bool if_exists = false;
    std::vector<AlterAction> actions;
    std::optional<Tokens> partition;         // PARTITION BY ...
    std::string partition_operation;         // ADD PARTITION, REMOVE PARTITIONING, ... (upper case)
    std::uint32_t partition_offset = 0;
};

struct DropTable {
    std::vector<Name> names;
    bool if_exists = false;
    bool temporary = false;
};

struct RenameTable {
    std::vector<std::pair<Name, Name>> pairs;
};

struct CreateIndex {
    KeyDef key;  // kind: unique, fulltext, spatial or index; index_name set
    Name table;
    bool or_replace = false;
};

struct DropIndex {
    std::string name;
    std::uint32_t name_offset = 0;
    Name table;
    bool if_exists = false;
};

struct CreateView {
    Name name;
    bool alter = false;  // ALTER VIEW
    bool or_replace = false;
    bool if_not_exists = false;
    std::string algorithm;     // UNDEFINED | MERGE | TEMPTABLE (upper case), or empty
    std::string definer;       // user@host as written, or empty
    std::string sql_security;  // DEFINER | INVOKER, or empty
    std::vector<std::string> columns;
    Tokens query;              // without a trailing WITH ... CHECK OPTION
    std::string check_option;  // CASCADED | LOCAL, or empty
};

struct DropView {
    std::vector<Name> names;
    bool if_exists = false;
};

// A routine body: verbatim, plus its statements' tokens (each simple statement and each
// flow-control condition) for the tables and columns it uses.
struct RoutineBody {
    std::string text;
    std::uint32_t offset = 0;
    std::vector<Tokens> statements;
};

struct Characteristics {
    std::optional<std::string> comment;
    std::optional<bool> deterministic;
    std::string data_access;   // CONTAINS SQL | NO SQL | READS SQL DATA | MODIFIES SQL DATA, or empty
    std::string sql_security;  // DEFINER | INVOKER, or empty
};

struct CreateTrigger {
    Name name;
    bool or_replace = false;
    bool if_not_exists = false;
    std::string definer;
    std::string timing;  // BEFORE | AFTER
    std::string event;   // INSERT | UPDATE | DELETE
    Name table;
    std::string order;   // FOLLOWS x | PRECEDES x
    RoutineBody body;
};

struct DropTrigger {
    Name name;
    bool if_exists = false;
};

struct RoutineParameter {
    std::string mode;  // IN | OUT | INOUT (procedures), or empty
    std::string name;
    DataType type;
};

struct CreateRoutine {
    bool function = false;
    bool or_replace = false;
    bool if_not_exists = false;
    bool aggregate = false;
    Name name;
    std::string definer;
    std::vector<RoutineParameter> parameters;
    std::optional<DataType> returns;
    Characteristics characteristics;
    RoutineBody body;
};

struct AlterRoutine {
    bool function = false;
    Name name;
    Characteristics characteristics;
};

struct DropRoutine {
    bool function = false;
    Name name;
    bool if_exists = false;
};

struct Event {
    enum class Op : std::uint8_t { create, alter, drop };
    Op op = Op::create;
    Name name;
    bool if_exists = false;
    bool if_not_exists = false;
    bool or_replace = false;
    std::string definer;
    // Between the name and DO, as written: ON SCHEDULE ..., ON COMPLETION [NOT] PRESERVE,
    // RENAME TO ..., ENABLE | DISABLE [ON SLAVE], COMMENT '...' (the interpreter reads them).
    Tokens clauses;
    std::optional<RoutineBody> body;  // DO ...
    Tokens tokens;                    // the whole statement
};

struct Database {
    enum class Op : std::uint8_t { create, alter, drop, use };
    Op op = Op::create;
    std::string name;
    std::uint32_t name_offset = 0;
    bool or_replace = false;
    bool if_exists = false;
    bool if_not_exists = false;
    std::string charset;
    std::string collation;
    std::optional<std::string> comment;
};

struct Set {
    Tokens tokens;  // after SET
};

// A statement without schema effect: skipped and counted.
struct Skipped {
    std::string kind;  // "INSERT", "LOCK", "TRUNCATE", ...
};

// A statement the model does not cover: reported, kept verbatim.
struct Unmodeled {
    std::string kind;  // "GRANT", "CREATE USER", "CREATE FUNCTION ... SONAME", ...
    Tokens tokens;
};

struct Statement {
    std::uint32_t offset = 0;  // first token, in the chunk
    std::uint32_t end = 0;     // one past its last token
    std::variant<CreateTable, AlterTable, DropTable, RenameTable, CreateIndex, DropIndex, CreateView, DropView,
                 CreateTrigger, DropTrigger, CreateRoutine, AlterRoutine, DropRoutine, Event, Database, Set, Skipped,
                 Unmodeled>
        body;
};

}  // namespace schemerge::parser::mysql::ast
