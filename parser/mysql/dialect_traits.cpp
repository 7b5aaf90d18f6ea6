#include "parser/mysql/dialect_traits.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace schemerge::parser::mysql {

namespace attr {

using model::AttributeDef;
using model::AttributeScope;
using model::AttributeType;

// Orders: tables 100+, columns 200+, indexes 300+, constraints 400+, views 500+,
// routines 600+, triggers 700+ (AttributeSet iterates by order: dumps and JSON list a
// table's attributes as SHOW CREATE TABLE does).
const AttributeDef engine{"engine", AttributeScope::table, AttributeType::text, true, 100};
const AttributeDef table_charset{"charset", AttributeScope::table, AttributeType::text, true, 101};
const AttributeDef table_collation{"collation", AttributeScope::table, AttributeType::text, true, 102};
const AttributeDef row_format{"row_format", AttributeScope::table, AttributeType::text, true, 103};
const AttributeDef table_key_block_size{"key_block_size", AttributeScope::table, AttributeType::integer, true, 104};
// The next value of the counter: mysqldump writes it, and it differs between any two
// environments without being a schema change.
const AttributeDef auto_increment_counter{"auto_increment", AttributeScope::table, AttributeType::integer, false, 105};
const AttributeDef table_options{"options", AttributeScope::table, AttributeType::options, true, 106};
const AttributeDef partitioning{"partitioning", AttributeScope::table, AttributeType::text, true, 107};

const AttributeDef column_charset{"charset", AttributeScope::column, AttributeType::text, true, 200};
const AttributeDef auto_increment{"auto_increment", AttributeScope::column, AttributeType::flag, true, 201};
const AttributeDef on_update{"on_update", AttributeScope::column, AttributeType::text, true, 202};
const AttributeDef virtual_generated{"virtual", AttributeScope::column, AttributeType::flag, true, 203};
const AttributeDef invisible{"invisible", AttributeScope::column, AttributeType::flag, true, 204};
const AttributeDef srid{"srid", AttributeScope::column, AttributeType::integer, true, 205};
const AttributeDef column_format{"column_format", AttributeScope::column, AttributeType::text, true, 206};
const AttributeDef column_storage{"storage_media", AttributeScope::column, AttributeType::text, true, 207};
const AttributeDef column_engine_attribute{"engine_attribute", AttributeScope::column, AttributeType::text, true, 208};

const AttributeDef index_key_lengths{"key_part_lengths", AttributeScope::index, AttributeType::options, true, 300};
const AttributeDef index_invisible{"invisible", AttributeScope::index, AttributeType::flag, true, 301};
const AttributeDef index_ignored{"ignored", AttributeScope::index, AttributeType::flag, true, 302};
const AttributeDef index_key_block_size{"key_block_size", AttributeScope::index, AttributeType::integer, true, 303};
const AttributeDef index_parser{"parser", AttributeScope::index, AttributeType::text, true, 304};
const AttributeDef index_engine_attribute{"engine_attribute", AttributeScope::index, AttributeType::text, true, 305};

const AttributeDef not_enforced{"not_enforced", AttributeScope::constraint, AttributeType::flag, true, 400};
const AttributeDef primary_key_lengths{"key_part_lengths", AttributeScope::constraint, AttributeType::options, true,
                                       401};
const AttributeDef primary_key_method{"index_method", AttributeScope::constraint, AttributeType::text, true, 402};
const AttributeDef primary_key_block_size{"key_block_size", AttributeScope::constraint, AttributeType::integer, true,
                                          403};

const AttributeDef view_algorithm{"algorithm", AttributeScope::view, AttributeType::text, true, 500};
const AttributeDef sql_security{"sql_security", AttributeScope::view, AttributeType::text, true, 501};

const AttributeDef deterministic{"deterministic", AttributeScope::function, AttributeType::flag, true, 600};
const AttributeDef data_access{"data_access", AttributeScope::function, AttributeType::text, true, 601};
const AttributeDef event_schedule{"schedule", AttributeScope::function, AttributeType::text, true, 602};
const AttributeDef event_preserve{"on_completion_preserve", AttributeScope::function, AttributeType::flag, true, 603};
const AttributeDef event_status{"status", AttributeScope::function, AttributeType::text, true, 604};

const AttributeDef trigger_body{"body", AttributeScope::trigger, AttributeType::text, true, 700};
const AttributeDef trigger_order{"action_order", AttributeScope::trigger, AttributeType::text, true, 701};

}  // namespace attr

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

// Reserved words of MySQL 8.0 (9.3 Keywords and Reserved Words, the (R) entries) and of
// MariaDB 10.11 (Reserved Words): a name spelled like one of them is quoted, so output
// loads on both servers. Sorted for binary search.
constexpr std::array k_reserved = {
    "accessible", "add", "all", "alter", "analyze", "and", "as", "asc", "asensitive", "before", "between", "bigint",
    "binary", "blob", "both", "by", "call", "cascade", "case", "change", "char", "character", "check", "collate",
    "column", "condition", "constraint", "continue", "convert", "create", "cross", "cube", "cume_dist",
    "current_date", "current_role", "current_time", "current_timestamp", "current_user", "cursor", "database",
    "databases", "day_hour", "day_microsecond", "day_minute", "day_second", "dec", "decimal", "declare", "default",
    "delayed", "delete", "delete_domain_id", "dense_rank", "desc", "describe", "deterministic", "distinct",
    "distinctrow", "div", "do_domain_ids", "double", "drop", "dual", "each", "else", "elseif", "empty", "enclosed",
    "escaped", "except", "exists", "exit", "explain", "false", "fetch", "first_value", "float", "float4", "float8",
    "for", "force", "foreign", "from", "fulltext", "function", "general", "generated", "get", "grant", "group",
    "grouping", "groups", "having", "high_priority", "hour_microsecond", "hour_minute", "hour_second", "if",
    "ignore", "ignore_domain_ids", "ignore_server_ids", "in", "index", "infile", "inner", "inout", "insensitive",
    "insert", "int", "int1", "int2", "int3", "int4", "int8", "integer", "intersect", "interval", "into",
    "io_after_gtids", "io_before_gtids", "is", "iterate", "join", "json_table", "key", "keys", "kill", "lag",
    "last_value", "lateral", "lead", "leading", "leave", "left", "like", "limit", "linear", "lines", "load",
    "localtime", "localtimestamp", "lock", "long", "longblob", "longtext", "loop", "low_priority",
    "master_bind", "master_heartbeat_period", "master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob",
    "mediumint", "mediumtext", "middleint", "minute_microsecond", "minute_second", "mod", "modifies", "natural",
    "no_write_to_binlog", "not", "nth_value", "ntile", "null", "numeric", "of", "offset", "on", "optimize",
    "optimizer_costs", "option", "optionally", "or", "order", "out", "outer", "outfile", "over",
    "page_checksum", "parse_vcol_expr", "partition", "percent_rank", "position", "precision", "primary",
    "procedure", "purge", "range", "rank", "read", "read_write", "reads", "real", "recursive", "ref_system_id",
    "references", "regexp", "release", "rename", "repeat", "replace", "require", "resignal", "restrict",
    "return", "returning", "revoke", "right", "rlike", "row", "row_number", "rows", "schema", "schemas",
    "second_microsecond", "select", "sensitive", "separator", "set", "show", "signal", "slow", "smallint",
    "spatial", "specific", "sql", "sql_big_result", "sql_calc_found_rows", "sql_small_result", "sqlexception",
    "sqlstate", "sqlwarning", "ssl", "starting", "stats_auto_recalc", "stats_persistent", "stats_sample_pages",
    "stored", "straight_join", "system", "table", "terminated", "then", "tinyblob", "tinyint", "tinytext", "to",
    "trailing", "trigger", "true", "undo", "union", "unique", "unlock", "unsigned", "update", "usage", "use",
    "using", "utc_date", "utc_time", "utc_timestamp", "values", "varbinary", "varchar", "varcharacter",
    "varying", "virtual", "when", "where", "while", "window", "with", "write", "xor", "year_month", "zerofill",
};

bool is_number_like(std::string_view name) {
    // Digits only, or a number literal the lexer would read first (1e5, 0x1F, 0b01).
    if (std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return true;
    }
    if (name.size() > 2 && name[0] == '0' && (name[1] == 'x' || name[1] == 'b')) {
        return true;
    }
    std::size_t e = name.find_first_of("eE");
    if (e != std::string_view::npos && e > 0 && e + 1 < name.size()) {
        auto digits = [](std::string_view s) {
            return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        return digits(name.substr(0, e)) && digits(name.substr(e + 1));
    }
    return false;
}

model::DialectTraits make_traits() {
    using model::NameKind;
    using model::NameScope;
    model::DialectTraits t;
    t.name = "mysql";
    t.display_name = "MySQL";
    // Column, index and routine names compare ignoring case on every platform; table names
    // only with lower_case_table_names=1 or 2, which we do not assume (see traits()).
    t.identifier_case = model::IdentifierCase::insensitive;
    t.quote = [](std::string_view name) { return mysql::quote(name); };
    t.quote_open = "`";
    t.quote_close = "`";
    // A MySQL "schema" is a database. The database a script works in (its USE, or the one
    // the client connects to) is the scope of the model: its objects are stored
    // unqualified; objects of other databases keep the database in QualifiedName::schema.
    t.default_schema = "";
    t.builtin_schemas = {"mysql", "information_schema", "performance_schema", "sys"};
    t.namespaces = {
        // 13.1.20: "a table and a view cannot have the same name" in one database.
        {{NameKind::table, NameKind::view}, NameScope::schema, "MySQL keeps tables and views in one namespace."},
        // Index names (PRIMARY, UNIQUE and plain keys) are unique per table.
        {{NameKind::index, NameKind::key_constraint}, NameScope::table, "MySQL keeps index names unique per table."},
        // 13.1.20.5: "the CONSTRAINT symbol value, if defined, must be unique in the
        // database"; since 8.0.16 CHECK constraint names are too (13.1.20.6).
        {{NameKind::other_constraint}, NameScope::schema,
         "MySQL keeps foreign key and CHECK constraint names unique per database."},
        // 13.1.22: "Triggers ... names exist in the schema namespace".
        {{NameKind::trigger}, NameScope::schema, "MySQL keeps trigger names unique per database."},
    };
    // 11.1 Data Type Overview / 11.2.1 Integer Types: synonyms, as MySQL reports them in
    // information_schema.COLUMNS.COLUMN_TYPE. BOOL/BOOLEAN are TINYINT(1) (the width is
    // kept for that one type: it is the boolean convention).
    t.type_aliases = {
        {"integer", "int"},
        {"int4", "int"},
        {"int1", "tinyint"},
        {"int2", "smallint"},
        {"int3", "mediumint"},
        {"middleint", "mediumint"},
        {"int8", "bigint"},
        {"bool", "tinyint"},
        {"boolean", "tinyint"},
        {"dec", "decimal"},
        {"numeric", "decimal"},
        {"fixed", "decimal"},
        {"float4", "float"},
        {"float8", "double"},
        {"double precision", "double"},
        {"real", "double"},
        {"character", "char"},
        {"character varying", "varchar"},
        {"char varying", "varchar"},
        {"varcharacter", "varchar"},
        {"nchar", "char"},
        {"national char", "char"},
        {"national character", "char"},
        {"nvarchar", "varchar"},
        {"national varchar", "varchar"},
        {"nchar varchar", "varchar"},
        {"national char varying", "varchar"},
        {"national character varying", "varchar"},
        {"nchar varying", "varchar"},
        {"long", "mediumtext"},
        {"long varchar", "mediumtext"},
        {"long varcharacter", "mediumtext"},
        {"long varbinary", "mediumblob"},
        {"geomcollection", "geometrycollection"},
    };
    t.primary_key_implies_not_null = true;
    // ENUM labels are part of the column type: MODIFY rewrites the list.
    t.enum_values_append_only = false;
    // ADD COLUMN ... FIRST | AFTER col places a column anywhere.
    t.columns_append_only = false;
    // DDL commits implicitly (13.3.3 Statements That Cause an Implicit Commit).
    t.transactional_ddl = false;
    t.attributes = {
        &attr::engine,
        &attr::table_charset,
        &attr::table_collation,
        &attr::row_format,
        &attr::table_key_block_size,
        &attr::auto_increment_counter,
        &attr::table_options,
        &attr::partitioning,
        &attr::column_charset,
        &attr::auto_increment,
        &attr::on_update,
        &attr::virtual_generated,
        &attr::invisible,
        &attr::srid,
        &attr::column_format,
        &attr::column_storage,
        &attr::column_engine_attribute,
        &attr::index_key_lengths,
        &attr::index_invisible,
        &attr::index_ignored,
        &attr::index_key_block_size,
        &attr::index_parser,
        &attr::index_engine_attribute,
        &attr::not_enforced,
        &attr::primary_key_lengths,
        &attr::primary_key_method,
        &attr::primary_key_block_size,
        &attr::view_algorithm,
        &attr::sql_security,
        &attr::deterministic,
        &attr::data_access,
        &attr::event_schedule,
        &attr::event_preserve,
        &attr::event_status,
        &attr::trigger_body,
        &attr::trigger_order,
    };
    return t;
}

}  // namespace

bool is_reserved_word(std::string_view word) {
    std::string w = lowered(word);
    return std::binary_search(k_reserved.begin(), k_reserved.end(), w,
                              [](std::string_view a, std::string_view b) { return a < b; });
}

std::string quote(std::string_view name) {
    bool plain = !name.empty() && !is_number_like(name) && !is_reserved_word(name) &&
                 std::all_of(name.begin(), name.end(), [](char c) {
                     return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                            c == '$';
                 });
    if (plain) {
        return std::string(name);
    }
    std::string out = "`";
    for (char c : name) {
        if (c == '`') {
            out += '`';
        }
        out += c;
    }
    out += '`';
    return out;
}

std::string canonical_type_name(std::string_view name) {
    std::string n = lowered(name);
    for (const auto& [alias, canonical] : traits().type_aliases) {
        if (n == alias) {
            return std::string(canonical);
        }
    }
    return n;
}

const model::DialectTraits& traits() {
    static const model::DialectTraits t = make_traits();
    return t;
}

}  // namespace schemerge::parser::mysql
