// CREATE TABLE, DROP TABLE, RENAME TABLE (13.1.20, 13.1.32, 13.1.36), columns and table
// options.
#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "parser/mysql/attribute_access.hpp"
#include "parser/mysql/dialect_traits.hpp"
#include "parser/mysql/interpreter.hpp"

namespace schemerge::parser::mysql {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

// Storage engine names as the server reports them (SHOW ENGINES); InnoDB, the default
// engine of MySQL 5.5+ and MariaDB, reads as unset. Other names are kept as written.
std::string canonical_engine(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> k_engines = {{
        {"innodb", ""},
        {"myisam", "MyISAM"},
        {"memory", "MEMORY"},
        {"heap", "MEMORY"},
        {"csv", "CSV"},
        {"archive", "ARCHIVE"},
        {"blackhole", "BLACKHOLE"},
        {"merge", "MRG_MyISAM"},
        {"mrg_myisam", "MRG_MyISAM"},
        {"federated", "FEDERATED"},
        {"aria", "Aria"},
        {"rocksdb", "ROCKSDB"},
        {"ndb", "ndbcluster"},
        {"ndbcluster", "ndbcluster"},
    }};
    std::string n = lower(name);
    for (const auto& [spelling, canonical] : k_engines) {
        if (n == spelling) {
            return std::string(canonical);
        }
    }
    return std::string(name);
}

// Table options MariaDB's storage engines define (name = value), accepted besides
// MySQL's own; any other unknown option is rejected, as the server rejects it.
bool known_engine_option(std::string_view name) {
    static constexpr std::array k_names = {"page_compressed", "page_compression_level", "encrypted",
                                           "encryption_key_id", "ietf_quotes", "sequence", "autoextend_size",
                                           "secondary_engine", "clustering", "compressed"};
    return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

}  // namespace

// ---------------------------------------------------------------------------------------
// CREATE TABLE

void Interpreter::create_table(const ast::CreateTable& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    if (stmt.temporary) {
        // A temporary table lives for one session: no schema effect.
        --stats_.applied;
        ++stats_.skipped;
        return;
    }
    if (relation_exists(name)) {
        if (stmt.if_not_exists) {
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        if (stmt.or_replace && schema_.tables.contains(name)) {
            ast::DropTable drop;
            drop.names.push_back(stmt.name);
            drop_table(drop);
        } else {
            const model::SourceLocation& first = schema_.tables.contains(name) ? schema_.tables.at(name).meta.location
                                                                              : schema_.views.at(name).meta.location;
            throw StatementError(stmt.name.offset, fmt::format("table \"{}\" already exists", table_label(name)),
                                 first, "first defined here");
        }
    }
    if (stmt.like) {
        create_table_like(stmt, name);
        return;
    }
    if (stmt.as_select) {
        if (options_.unsupported == UnsupportedPolicy::error) {
            throw StatementError(site_->offset,
                                 "CREATE TABLE ... SELECT is not modeled by schemerge (--strict): the columns of "
                                 "the query are unknown");
        }
        if (stmt.columns.empty()) {
            // Every column comes from the query: nothing to model but the statement itself.
            keep_opaque("CREATE TABLE ... SELECT", stmt.tokens, {});
            return;
        }
        ++stats_.unsupported;
        warn("CREATE TABLE ... SELECT: the columns the query adds are not modeled; only the declared ones are");
    }
    model::Table table;
    table.name = name;
    table.meta = meta();
    table.meta.renamed_from = rename_annotation_at(site_->offset, site_->offset);
    TableState& state = tables_[name];
    state = TableState{};
    apply_table_options(table, state, stmt.options, true);
    table.columns.reserve(stmt.columns.size());
    for (const auto& def : stmt.columns) {
        add_column(table, state, def, false, {}, std::nullopt);
    }
    if (table.columns.empty()) {
        throw StatementError(stmt.name.offset, "a table must have at least one column");
    }
    // Keys in the order they were written, column keys (UNIQUE, PRIMARY KEY, CHECK,
    // REFERENCES on a column) at their column: MySQL names unnamed indexes in that order.
    struct Item {
        std::uint32_t offset;
        const ast::ColumnDef* column;
        const ast::KeyDef* key;
    };
    std::vector<Item> items;
    for (const auto& def : stmt.columns) {
        items.push_back({def.offset, &def, nullptr});
    }
    for (const auto& key : stmt.keys) {
        items.push_back({key.offset, nullptr, &key});
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.offset < b.offset; });
    for (const auto& item : items) {
        if (item.column != nullptr) {
            column_keys(table, state, *item.column);
        } else {
            add_key(table, state, *item.key);
        }
    }
    create_implicit_fk_indexes(table, state);
    check_auto_increment(table, stmt.name.offset);
    if (stmt.partition) {
        set_attribute(table, attr::partitioning, render_partitioning(*stmt.partition, state.engine));
    }
    schema_.tables.emplace(name, std::move(table));
}

// CREATE TABLE t LIKE s (13.1.20.3): columns, indexes, CHECK constraints and options, not
// foreign keys, triggers or the AUTO_INCREMENT counter.
void Interpreter::create_table_like(const ast::CreateTable& stmt, const model::QualifiedName& name) {
    model::QualifiedName source_name = qualify(*stmt.like);
    auto source = schema_.tables.find(source_name);
    if (source == schema_.tables.end()) {
        throw StatementError(stmt.like->offset, fmt::format("table \"{}\" does not exist", table_label(source_name)));
    }
    // The copies get this statement's location; their attributes come with them.
    auto relocated = [&](const model::ObjectBase& from) {
        model::ObjectBase out = meta();
        out.attributes = from.attributes;
        return out;
    };
    model::Table table = source->second;
    table.name = name;
    table.meta = relocated(table.meta);
    erase_attribute(table, attr::auto_increment_counter);
    std::erase_if(table.constraints,
                  [](const model::Constraint& c) { return c.kind == model::ConstraintKind::foreign_key; });
    std::string old_prefix = source_name.name + "_chk_";
    for (auto& c : table.constraints) {
        c.meta = relocated(c.meta);
        if (c.kind == model::ConstraintKind::check && c.name.starts_with(old_prefix)) {
            c.name = name.name + "_chk_" + c.name.substr(old_prefix.size());
        }
    }
    for (auto& c : table.columns) {
        c.meta.location = meta().location;
    }
    TableState state = tables_[source_name];
    state.implicit_indexes.clear();
    for (const auto& [key, index_name] : state.indexes) {
        auto it = schema_.indexes.find(index_key(source_name, index_name));
        if (it == schema_.indexes.end()) {
            continue;
        }
        model::Index copy = it->second;
        copy.name = index_key(name, index_name);
        copy.table = name;
        copy.meta = relocated(copy.meta);
        schema_.indexes.insert_or_assign(copy.name, std::move(copy));
    }
    tables_[name] = std::move(state);
    schema_.tables.emplace(name, std::move(table));
}

// ---------------------------------------------------------------------------------------
// Columns

namespace {

// MariaDB's JSON is an alias: mariadb-dump writes `longtext CHARACTER SET utf8mb4 COLLATE
// utf8mb4_bin ... CHECK (json_valid(col))` for a column declared JSON (MariaDB KB, JSON Data
// Type). That spelling is the JSON type, as MySQL's native JSON is.
bool mariadb_json(const ast::ColumnDef& def) {
    if (def.type.name != "longtext" || def.checks.size() != 1 || def.checks[0].has_constraint) {
        return false;
    }
    std::string collation = canonical_collation(def.collation);
    if (collation != "utf8mb4_bin" || (!def.type.charset.empty() && canonical_charset(def.type.charset) != "utf8mb4")) {
        return false;
    }
    const ast::Tokens& t = def.checks[0].check.tokens;
    auto is = [&](std::size_t i, std::string_view text) {
        if (i >= t.size()) {
            return false;
        }
        std::string v = t[i].text;
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return v == text;
    };
    std::string column = def.name;
    std::transform(column.begin(), column.end(), column.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return t.size() == 4 && is(0, "json_valid") && is(1, "(") && is(2, column) && is(3, ")");
}

}  // namespace

void Interpreter::add_column(model::Table& table, TableState& state, const ast::ColumnDef& def_in, bool first,
                             const std::string& after, std::optional<std::size_t> replace) {
    std::optional<ast::ColumnDef> json_def;
    if (mariadb_json(def_in)) {
        json_def = def_in;
        json_def->type = ast::DataType{};
        json_def->type.name = "json";
        json_def->type.offset = def_in.type.offset;
        json_def->collation.clear();
        json_def->checks.clear();
    }
    const ast::ColumnDef& def = json_def ? *json_def : def_in;
    auto type = canonical_type(def.type);
    if (!type) {
        throw StatementError(def.type.offset, type.error());
    }
    if (!replace && find_column(table, def.name) != nullptr) {
        throw StatementError(def.offset, fmt::format("duplicate column name \"{}\"", def.name));
    }
    if (def.name.empty() || def.name.size() > 64 || def.name.back() == ' ') {
        throw StatementError(def.offset, fmt::format("incorrect column name \"{}\"", def.name));
    }
    model::Column col;
    col.name = def.name;
    col.type = type->ref;
    col.meta = meta_at(def.offset);
    col.meta.renamed_from = rename_annotation_at(def.offset, def.line_end);

    ColumnState cs;
    cs.type = *type;
    cs.explicit_null = def.nullable.has_value() && *def.nullable;
    bool auto_increment = def.auto_increment || type->serial || def.serial_default_value;
    // An AUTO_INCREMENT column is NOT NULL (SHOW CREATE TABLE says so whatever was written).
    bool not_null = (def.nullable.has_value() && !*def.nullable) || auto_increment;
    if (auto_increment && type->type_class != TypeClass::integer && type->type_class != TypeClass::floating) {
        throw StatementError(def.offset, fmt::format("incorrect column specifier for column \"{}\": "
                                                     "AUTO_INCREMENT needs an integer or floating-point type",
                                                     def.name));
    }
    cs.auto_increment = auto_increment;

    // Character set and collation (10.3.5 Column Character Set and Collation): CHARACTER
    // SET x alone takes x's default collation; COLLATE y alone takes y's character set;
    // neither takes the table's.
    if (has_charset(type->type_class)) {
        std::string charset = type->charset;
        std::string collation = def.collation.empty() ? std::string{} : canonical_collation(def.collation);
        if (!collation.empty()) {
            std::string of = charset_of_collation(collation);
            if (!charset.empty() && of != charset) {
                throw StatementError(def.offset,
                                     fmt::format("COLLATE {} is not valid for CHARACTER SET {}", collation, charset));
            }
            charset = of;
        }
        bool explicit_charset = !charset.empty();
        if (charset.empty()) {
            charset = state.charset;
        }
        if (collation.empty()) {
            if (type->binary_collation && !charset.empty()) {
                collation = charset == "binary" ? "binary" : charset + "_bin";
            } else if (!explicit_charset) {
                collation = state.collation;
            }
        }
        cs.charset = charset;
        cs.collation = collation.empty() ? std::string{} : non_default_collation(collation);
    }

    if (def.generated) {
        if (def.default_value) {
            throw StatementError(def.default_value->offset,
                                 fmt::format("a generated column (\"{}\") cannot have a DEFAULT", def.name));
        }
        model::Expression generation = render_expression(def.generated->tokens, columns_of(table));
        col.generated = model::GeneratedKind::stored;
        col.generation = std::move(generation);
        set_attribute(col, attr::virtual_generated, !def.stored);
    }
    if (def.default_value) {
        if (auto_increment) {
            throw StatementError(def.default_value->offset,
                                 fmt::format("invalid default value for \"{}\": an AUTO_INCREMENT column has none",
                                             def.name));
        }
        auto value = canonical_default(*def.default_value, *type, columns_of(table));
        if (!value) {
            throw StatementError(def.default_value->offset, fmt::format("{} for column \"{}\"", value.error(), def.name));
        }
        if (*value) {
            col.default_value = std::move(**value);
        } else if (not_null) {
            throw StatementError(def.default_value->offset,
                                 fmt::format("invalid default value for column \"{}\": DEFAULT NULL on a NOT NULL column",
                                             def.name));
        }
    }
    if (def.on_update) {
        auto value = canonical_on_update(*def.on_update, *type);
        if (!value) {
            throw StatementError(def.on_update->offset, fmt::format("{} for column \"{}\"", value.error(), def.name));
        }
        set_attribute(col, attr::on_update, *value);
    }
    col.not_null = not_null;
    set_attribute(col, attr::auto_increment, auto_increment);
    if (def.comment && !def.comment->empty()) {
        col.meta.comment = *def.comment;
    }
    if (def.invisible) {
        set_attribute(col, attr::invisible, *def.invisible);
    }
    if (def.srid) {
        set_attribute(col, attr::srid, static_cast<std::int64_t>(*def.srid));
    }
    if (!def.column_format.empty() && def.column_format != "DEFAULT") {
        set_attribute(col, attr::column_format, def.column_format);
    }
    if (!def.storage.empty() && def.storage != "DEFAULT") {
        set_attribute(col, attr::column_storage, def.storage);
    }
    if (!def.engine_attribute.empty()) {
        set_attribute(col, attr::column_engine_attribute, def.engine_attribute);
    }

    std::size_t at = table.columns.size();
    if (replace) {
        at = *replace;
        table.columns.erase(table.columns.begin() + static_cast<std::ptrdiff_t>(at));
    }
    if (first) {
        at = 0;
    } else if (!after.empty()) {
        auto it = std::find_if(table.columns.begin(), table.columns.end(),
                               [&](const model::Column& c) { return traits().names_equal(c.name, after); });
        if (it == table.columns.end()) {
            throw StatementError(def.offset, fmt::format("unknown column \"{}\" in \"{}\" (AFTER)", after,
                                                         table_label(table.name)));
        }
        at = static_cast<std::size_t>(it - table.columns.begin()) + 1;
    } else if (!replace) {
        at = table.columns.size();
    }
    state.columns[lower(def.name)] = std::move(cs);
    model::Column* added = nullptr;
    if (at >= table.columns.size()) {
        added = &table.columns.emplace_back(std::move(col));
    } else {
        added = &*table.columns.insert(table.columns.begin() + static_cast<std::ptrdiff_t>(at), std::move(col));
    }
    sync_column_charset(table, state, *added);
}

// The keys a column definition declares: PRIMARY KEY, UNIQUE, CHECK, REFERENCES (and
// SERIAL's UNIQUE).
void Interpreter::column_keys(model::Table& table, TableState& state, const ast::ColumnDef& def) {
    auto column_key = [&](ast::KeyKind kind) {
        ast::KeyDef key;
        key.kind = kind;
        key.offset = def.offset;
        ast::KeyPart part;
        part.column = def.name;
        part.offset = def.offset;
        key.parts.push_back(std::move(part));
        add_key(table, state, key);
    };
    auto type = canonical_type(def.type);
    if (def.primary_key) {
        column_key(ast::KeyKind::primary);
    }
    if (def.unique_key || def.serial_default_value || (type && type->serial)) {
        column_key(ast::KeyKind::unique);
    }
    if (!mariadb_json(def)) {
        for (const auto& check : def.checks) {
            add_key(table, state, check);
        }
    }
    if (def.references) {
        // MySQL 8.0 parses and ignores a column's REFERENCES (13.1.20.5); MariaDB 10.5+
        // and MySQL 8.4 create the foreign key, and so does schemerge.
        add_key(table, state, *def.references);
    }
}

void Interpreter::sync_column_charset(model::Table& /*table*/, const TableState& state, model::Column& column) const {
    auto it = state.columns.find(lower(column.name));
    if (it == state.columns.end() || !has_charset(it->second.type.type_class)) {
        erase_attribute(column, attr::column_charset);
        column.collation.reset();
        return;
    }
    const ColumnState& cs = it->second;
    // Stored only where they differ from the table's (SHOW CREATE TABLE's habit), so a
    // column spelling out the table's character set equals one that inherits it.
    bool same_charset = cs.charset == state.charset;
    set_attribute(column, attr::column_charset, same_charset ? std::string{} : cs.charset);
    std::string collation;
    if (same_charset) {
        if (cs.collation != state.collation) {
            collation = cs.collation.empty() ? default_collation(cs.charset) : cs.collation;
        }
    } else {
        collation = cs.collation;
    }
    if (collation.empty()) {
        column.collation.reset();
    } else {
        column.collation = model::QualifiedName{"", collation};
    }
}

void Interpreter::check_auto_increment(const model::Table& table, std::uint32_t offset) const {
    const TableState& state = tables_.at(table.name);
    const model::Column* auto_column = nullptr;
    for (const auto& c : table.columns) {
        auto it = state.columns.find(lower(c.name));
        if (it != state.columns.end() && it->second.auto_increment) {
            if (auto_column != nullptr) {
                throw StatementError(offset, fmt::format("incorrect table definition of \"{}\": there can be only one "
                                                         "AUTO_INCREMENT column",
                                                         table_label(table.name)));
            }
            auto_column = &c;
        }
    }
    if (auto_column == nullptr) {
        return;
    }
    // InnoDB needs the AUTO_INCREMENT column first in some index (MyISAM: anywhere in one).
    bool anywhere = state.engine == "MyISAM" || state.engine == "Aria";
    auto in_key = [&](const std::vector<std::string>& columns) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if ((i == 0 || anywhere) && traits().names_equal(columns[i], auto_column->name)) {
                return true;
            }
        }
        return false;
    };
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::primary_key && in_key(c.columns)) {
            return;
        }
    }
    for (const auto& [lower_name, index_name] : state.indexes) {
        auto it = schema_.indexes.find(index_key(table.name, index_name));
        if (it == schema_.indexes.end()) {
            continue;
        }
        std::vector<std::string> columns;
        for (const auto& e : it->second.elements) {
            columns.push_back(e.column);
        }
        if (in_key(columns)) {
            return;
        }
    }
    throw StatementError(offset, fmt::format("incorrect table definition of \"{}\": the AUTO_INCREMENT column \"{}\" "
                                             "must be defined as a key",
                                             table_label(table.name), auto_column->name));
}

// ---------------------------------------------------------------------------------------
// Table options (13.1.20 table_option)

void Interpreter::apply_table_options(model::Table& table, TableState& state,
                                      const std::vector<ast::TableOption>& options, bool create) {
    std::string charset;
    std::string collation;
    std::uint32_t charset_offset = site_ != nullptr ? site_->offset : 0;
    bool options_changed = false;
    for (const auto& o : options) {
        if (o.name == "engine") {
            state.engine = canonical_engine(o.value);
            set_attribute(table, attr::engine, state.engine);
        } else if (o.name == "charset") {
            charset = o.value;
            charset_offset = o.offset;
        } else if (o.name == "collate") {
            collation = o.value;
            charset_offset = o.offset;
        } else if (o.name == "auto_increment") {
            set_attribute(table, attr::auto_increment_counter, static_cast<std::int64_t>(std::stoll(o.value)));
        } else if (o.name == "comment") {
            // An empty comment is no comment.
            table.meta.comment = o.value.empty() ? std::nullopt : std::optional<std::string>(o.value);
        } else if (o.name == "row_format") {
            std::string v = upper(o.value);
            set_attribute(table, attr::row_format, v == "DEFAULT" ? std::string{} : v);
        } else if (o.name == "key_block_size") {
            long long v = std::stoll(o.value);
            if (v == 0) {
                erase_attribute(table, attr::table_key_block_size);
            } else {
                set_attribute(table, attr::table_key_block_size, static_cast<std::int64_t>(v));
            }
        } else {
            if (o.name == "type") {
                throw StatementError(o.offset, "unknown table option TYPE: TYPE= was removed in MySQL 5.5 and "
                                               "MariaDB 5.5; ENGINE= replaces it");
            }
            bool mysql_option =
                o.name == "avg_row_length" || o.name == "checksum" || o.name == "page_checksum" ||
                o.name == "delay_key_write" || o.name == "max_rows" || o.name == "min_rows" || o.name == "transactional" ||
                o.name == "pack_keys" || o.name == "stats_auto_recalc" || o.name == "stats_persistent" ||
                o.name == "stats_sample_pages" || o.name == "compression" || o.name == "connection" ||
                o.name == "encryption" || o.name == "password" || o.name == "engine_attribute" ||
                o.name == "secondary_engine_attribute" || o.name == "data_directory" || o.name == "index_directory" ||
                o.name == "insert_method" || o.name == "tablespace" || o.name == "union";
            if (!mysql_option && !known_engine_option(o.name)) {
                throw StatementError(o.offset, fmt::format("unknown table option \"{}\"", o.name));
            }
            options_changed = true;
            if (o.value == "DEFAULT" || upper(o.value) == "DEFAULT") {
                state.options.erase(o.name);
            } else {
                state.options[o.name] = o.value;
            }
        }
    }
    if (options_changed) {
        model::AttributeOptions list(state.options.begin(), state.options.end());
        set_attribute(table, attr::table_options, std::move(list));
    }
    if (create || !charset.empty() || !collation.empty()) {
        set_table_charset(table, state, charset, collation, charset_offset, false);
    }
}

// The table's default character set and collation: DEFAULT CHARSET / COLLATE, else the
// database's (10.3.4 Table Character Set and Collation). Stored on the table always when
// known (SHOW CREATE TABLE always prints DEFAULT CHARSET), the collation only when it is
// not the character set's default. ALTER TABLE ... DEFAULT CHARSET changes only the
// default: existing columns keep theirs. CONVERT TO changes the columns too.
void Interpreter::set_table_charset(model::Table& table, TableState& state, const std::string& charset_in,
                                    const std::string& collation_in, std::uint32_t offset, bool convert) {
    std::string charset = canonical_charset(charset_in);
    std::string collation = canonical_collation(collation_in);
    const DatabaseState* db = nullptr;
    if (auto it = databases_.find(database_of(table.name)); it != databases_.end()) {
        db = &it->second;
    }
    if (charset == "default") {
        charset = db != nullptr ? db->charset : std::string{};
    }
    if (!collation.empty()) {
        std::string of = charset_of_collation(collation);
        if (!charset.empty() && of != charset) {
            throw StatementError(offset, fmt::format("COLLATE {} is not valid for CHARACTER SET {}", collation, charset));
        }
        charset = of;
    } else if (charset.empty() && db != nullptr) {
        charset = db->charset;
        collation = db->collation;
    }
    if (!convert) {
        // Existing columns keep their effective character set.
    } else {
        for (auto& [name, cs] : state.columns) {
            if (has_charset(cs.type.type_class)) {
                cs.charset = charset;
                cs.collation = collation.empty() ? std::string{} : non_default_collation(collation);
            }
        }
    }
    state.charset = charset;
    state.collation = collation.empty() ? std::string{} : non_default_collation(collation);
    set_attribute(table, attr::table_charset, charset);
    set_attribute(table, attr::table_collation, state.collation);
    for (auto& column : table.columns) {
        sync_column_charset(table, state, column);
    }
}

// ---------------------------------------------------------------------------------------
// DROP TABLE / RENAME TABLE

void Interpreter::drop_table(const ast::DropTable& stmt) {
    if (stmt.temporary) {
        --stats_.applied;
        ++stats_.skipped;
        return;
    }
    std::vector<model::QualifiedName> names;
    for (const auto& n : stmt.names) {
        model::QualifiedName q = qualify(n);
        if (!schema_.tables.contains(q)) {
            if (stmt.if_exists) {
                continue;
            }
            throw StatementError(n.offset, fmt::format("table \"{}\" does not exist", table_label(q)));
        }
        names.push_back(q);
    }
    if (names.empty()) {
        --stats_.applied;
        ++stats_.skipped;
        return;
    }
    // A table another table's foreign key references cannot be dropped while
    // FOREIGN_KEY_CHECKS is on (13.1.32), unless both are dropped.
    if (foreign_key_checks_) {
        for (const auto& [other_name, other] : schema_.tables) {
            if (std::find(names.begin(), names.end(), other_name) != names.end()) {
                continue;
            }
            for (const auto& c : other.constraints) {
                if (c.kind == model::ConstraintKind::foreign_key &&
                    std::find(names.begin(), names.end(), c.ref_table) != names.end()) {
                    throw StatementError(site_->offset,
                                         fmt::format("cannot drop table \"{}\": foreign key \"{}\" of \"{}\" references it",
                                                     table_label(c.ref_table), c.name, table_label(other_name)),
                                         c.meta.location, "the foreign key");
                }
            }
        }
    }
    for (const auto& q : names) {
        const model::Table& table = schema_.tables.at(q);
        for (const auto& c : table.constraints) {
            if (c.kind == model::ConstraintKind::foreign_key) {
                foreign_keys_.erase({q.schema, lower(c.name)});
            }
        }
        // Its indexes and triggers go with it (13.1.32).
        for (const auto& [key, index_name] : tables_[q].indexes) {
            schema_.indexes.erase(index_key(q, index_name));
        }
        std::erase_if(schema_.triggers, [&](const auto& t) { return t.first.table == q; });
        std::erase_if(triggers_, [&](const auto& t) { return t.second == q; });
        tables_.erase(q);
        schema_.tables.erase(q);
    }
}

void Interpreter::rename_table(const ast::RenameTable& stmt) {
    for (const auto& [from, to] : stmt.pairs) {
        model::QualifiedName f = qualify(from);
        model::QualifiedName t = qualify(to);
        if (!relation_exists(f)) {
            throw StatementError(from.offset, fmt::format("table \"{}\" does not exist", table_label(f)));
        }
        if (relation_exists(t)) {
            throw StatementError(to.offset, fmt::format("table \"{}\" already exists", table_label(t)));
        }
        move_table(f, t, to.offset);
    }
}

void Interpreter::move_table(const model::QualifiedName& from, const model::QualifiedName& to, std::uint32_t offset) {
    if (auto view = schema_.views.extract(from)) {
        view.key() = to;
        view.mapped().name = to;
        schema_.views.insert(std::move(view));
        return;
    }
    if (from.schema != to.schema &&
        std::any_of(schema_.triggers.begin(), schema_.triggers.end(), [&](const auto& t) { return t.first.table == from; })) {
        throw StatementError(offset, fmt::format("cannot move \"{}\" to another database: it has triggers (a trigger "
                                                 "stays in its table's database)",
                                                 table_label(from)));
    }
    auto node = schema_.tables.extract(from);
    model::Table& table = node.mapped();
    table.name = to;
    node.key() = to;
    // InnoDB renames the foreign keys it named (from_ibfk_N -> to_ibfk_N), and MySQL 8 the
    // CHECK constraints it named (from_chk_N -> to_chk_N) (13.1.36 RENAME TABLE).
    for (auto& c : table.constraints) {
        for (std::string_view infix : {"_ibfk_", "_chk_"}) {
            std::string prefix = from.name + std::string(infix);
            if (c.name.starts_with(prefix) && c.name.size() > prefix.size() &&
                std::all_of(c.name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), c.name.end(),
                            [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; })) {
                std::string renamed = to.name + std::string(infix) + c.name.substr(prefix.size());
                if (c.kind == model::ConstraintKind::foreign_key) {
                    foreign_keys_.erase({from.schema, lower(c.name)});
                }
                c.name = renamed;
            }
        }
        if (c.kind == model::ConstraintKind::foreign_key) {
            foreign_keys_.erase({from.schema, lower(c.name)});
            foreign_keys_[{to.schema, lower(c.name)}] = to;
            if (c.ref_table == from) {
                c.ref_table = to;
            }
        }
    }
    schema_.tables.insert(std::move(node));
    // Foreign keys of other tables follow the table.
    for (auto& [name, other] : schema_.tables) {
        for (auto& c : other.constraints) {
            if (c.kind == model::ConstraintKind::foreign_key && c.ref_table == from) {
                c.ref_table = to;
            }
        }
    }
    auto state = tables_.extract(from);
    TableState moved = state ? std::move(state.mapped()) : TableState{};
    for (const auto& [key, index_name] : moved.indexes) {
        if (auto idx = schema_.indexes.extract(index_key(from, index_name))) {
            idx.key() = index_key(to, index_name);
            idx.mapped().name = idx.key();
            idx.mapped().table = to;
            schema_.indexes.insert(std::move(idx));
        }
    }
    tables_[to] = std::move(moved);
    std::vector<model::Trigger> moved_triggers;
    std::erase_if(schema_.triggers, [&](const auto& t) {
        if (t.first.table == from) {
            moved_triggers.push_back(t.second);
            return true;
        }
        return false;
    });
    for (auto& trigger : moved_triggers) {
        trigger.table = to;
        triggers_[{to.schema, trigger.name}] = to;
        schema_.triggers.emplace(model::TableScopedName{to, trigger.name}, std::move(trigger));
    }
}

}  // namespace schemerge::parser::mysql
