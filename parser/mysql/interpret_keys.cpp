// Keys: PRIMARY KEY, UNIQUE / INDEX / FULLTEXT / SPATIAL, FOREIGN KEY, CHECK; CREATE and
// DROP INDEX (13.1.20 CREATE TABLE, 13.1.15 CREATE INDEX, 13.1.20.5 FOREIGN KEY
// Constraints, 13.1.20.6 CHECK Constraints).
//
// How MySQL keys map onto the model: the PRIMARY KEY is a Constraint named PRIMARY;
// every UNIQUE key is an Index with unique = true (MySQL has no unique constraint apart
// from its index: CONSTRAINT c UNIQUE, UNIQUE KEY and CREATE UNIQUE INDEX are one thing,
// and only the index form holds prefix lengths, DESC and functional parts); FULLTEXT and
// SPATIAL are Index::method values, as information_schema.STATISTICS.INDEX_TYPE reports
// them; foreign keys and CHECKs are Constraints.
#include <algorithm>
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

bool equals_ci(std::string_view a, std::string_view b) { return traits().names_equal(a, b); }

// RESTRICT, NO ACTION and no clause are one rule in InnoDB ("NO ACTION: ... InnoDB
// rejects the delete or update ... equivalent to RESTRICT", 13.1.20.5), and MariaDB does not
// even print RESTRICT back: all three are stored as NO ACTION.
model::ReferentialAction action(const std::string& text) {
    if (text == "CASCADE") {
        return model::ReferentialAction::cascade;
    }
    if (text == "SET NULL") {
        return model::ReferentialAction::set_null;
    }
    if (text == "SET DEFAULT") {
        return model::ReferentialAction::set_default;
    }
    // Unspecified is NO ACTION (information_schema.REFERENTIAL_CONSTRAINTS says so).
    return model::ReferentialAction::no_action;
}

// Columns an index can use only with a prefix length.
bool is_mariadb_check_name(std::string_view name) {
    constexpr std::string_view k_prefix = "CONSTRAINT_";
    return name.size() > k_prefix.size() && name.substr(0, k_prefix.size()) == k_prefix &&
           std::all_of(name.begin() + static_cast<std::ptrdiff_t>(k_prefix.size()), name.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool needs_prefix(TypeClass c) { return c == TypeClass::text || c == TypeClass::blob; }
bool allows_prefix(TypeClass c) {
    return c == TypeClass::character || c == TypeClass::binary || c == TypeClass::text || c == TypeClass::blob;
}

}  // namespace

void Interpreter::add_key(model::Table& table, TableState& state, const ast::KeyDef& key) {
    switch (key.kind) {
        case ast::KeyKind::primary: {
            for (const auto& c : table.constraints) {
                if (c.kind == model::ConstraintKind::primary_key) {
                    throw StatementError(key.offset, fmt::format("multiple primary keys defined for \"{}\"",
                                                                 table_label(table.name)),
                                         c.meta.location, "the first primary key");
                }
            }
            model::Constraint pk;
            pk.kind = model::ConstraintKind::primary_key;
            // The primary key's index is always named PRIMARY; a CONSTRAINT name is ignored.
            pk.name = "PRIMARY";
            pk.meta = meta_at(key.offset);
            model::AttributeOptions lengths;
            for (const auto& part : key.parts) {
                if (part.column.empty()) {
                    throw StatementError(part.offset, "a primary key cannot have functional key parts");
                }
                model::Column* column = find_column(table, part.column);
                if (column == nullptr) {
                    throw StatementError(part.offset, fmt::format("key column \"{}\" does not exist in \"{}\"",
                                                                  part.column, table_label(table.name)));
                }
                const ColumnState& cs = state.columns[lower(column->name)];
                if (cs.explicit_null) {
                    throw StatementError(part.offset, fmt::format("all parts of a PRIMARY KEY must be NOT NULL; "
                                                                  "\"{}\" is declared NULL",
                                                                  column->name));
                }
                // PRIMARY KEY implies NOT NULL (13.1.20: "MySQL declares them implicitly").
                column->not_null = true;
                pk.columns.push_back(column->name);
                if (part.length) {
                    lengths.emplace_back(column->name, std::to_string(*part.length));
                }
            }
            state.key_lengths["primary"] = lengths;
            set_attribute(pk, attr::primary_key_lengths, std::move(lengths));
            if (key.method == "HASH" || key.method == "RTREE") {
                set_attribute(pk, attr::primary_key_method, key.method);
            }
            if (key.key_block_size && *key.key_block_size != 0) {
                set_attribute(pk, attr::primary_key_block_size, static_cast<std::int64_t>(*key.key_block_size));
            }
            if (key.comment && !key.comment->empty()) {
                pk.meta.comment = *key.comment;
            }
            table.constraints.push_back(std::move(pk));
            drop_superseded_implicit_indexes(table, state, "PRIMARY");
            return;
        }
        case ast::KeyKind::unique:
        case ast::KeyKind::index:
        case ast::KeyKind::fulltext:
        case ast::KeyKind::spatial: add_index(table, state, key, false); return;
        case ast::KeyKind::foreign: add_foreign_key(table, state, key); return;
        case ast::KeyKind::check: add_check(table, state, key); return;
    }
}

std::string Interpreter::generated_index_name(const TableState& state, const std::string& base) const {
    // "If you do not assign a name, the index is assigned the same name as the first indexed
    // column, with an optional suffix (_2, _3, ...) to make it unique" (13.1.15).
    if (!state.indexes.contains(lower(base)) && lower(base) != "primary") {
        return base;
    }
    for (int n = 2;; ++n) {
        std::string candidate = fmt::format("{}_{}", base, n);
        if (!state.indexes.contains(lower(candidate))) {
            return candidate;
        }
    }
}

std::string Interpreter::generated_constraint_name(const model::Table& table, std::string_view infix) const {
    // InnoDB names foreign keys t_ibfk_N and MySQL 8.0.16 CHECKs t_chk_N, N one more than
    // the largest such N of the table.
    std::string prefix = table.name.name + std::string(infix);
    long long max = 0;
    for (const auto& c : table.constraints) {
        if (c.name.size() > prefix.size() && c.name.starts_with(prefix)) {
            std::string_view digits = std::string_view{c.name}.substr(prefix.size());
            if (std::all_of(digits.begin(), digits.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }) &&
                digits.size() < 10) {
                max = std::max(max, std::stoll(std::string(digits)));
            }
        }
    }
    return fmt::format("{}{}", prefix, max + 1);
}

void Interpreter::add_index(model::Table& table, TableState& state, const ast::KeyDef& key, bool implicit) {
    std::string name = key.index_name;
    if (name.empty() && key.kind == ast::KeyKind::unique && key.has_constraint) {
        name = key.constraint_name;  // CONSTRAINT symbol UNIQUE (...)
    }
    if (equals_ci(name, "PRIMARY")) {
        throw StatementError(key.offset, "incorrect index name \"PRIMARY\": it is the primary key's");
    }
    if (!name.empty() && state.indexes.contains(lower(name))) {
        if (key.if_not_exists) {
            warn(fmt::format("index \"{}\" already exists on \"{}\": IF NOT EXISTS skips it", name,
                             table_label(table.name)),
                 key.offset);
            return;
        }
        throw StatementError(key.offset, fmt::format("duplicate key name \"{}\" in \"{}\"", name, table_label(table.name)));
    }
    if (key.parts.empty()) {
        throw StatementError(key.offset, "an index needs at least one key part");
    }
    model::Index index;
    index.table = table.name;
    index.unique = key.kind == ast::KeyKind::unique;
    index.meta = meta_at(key.offset);
    switch (key.kind) {
        case ast::KeyKind::fulltext: index.method = "fulltext"; break;
        case ast::KeyKind::spatial: index.method = "spatial"; break;
        default: index.method = key.method.empty() ? "btree" : lower(key.method); break;
    }
    model::AttributeOptions lengths;
    for (const auto& part : key.parts) {
        model::IndexElement element;
        element.order = part.desc ? model::SortOrder::desc : model::SortOrder::asc;
        if (part.column.empty()) {
            // A functional key part (MySQL 8.0.13).
            element.expression = render_expression(part.expression.tokens, columns_of(table));
            index.elements.push_back(std::move(element));
            continue;
        }
        model::Column* column = find_column(table, part.column);
        if (column == nullptr) {
            throw StatementError(part.offset, fmt::format("key column \"{}\" does not exist in \"{}\"", part.column,
                                                          table_label(table.name)));
        }
        const ColumnState& cs = state.columns[lower(column->name)];
        TypeClass c = cs.type.type_class;
        if (part.length) {
            if (!allows_prefix(c) || *part.length == 0) {
                throw StatementError(part.offset, fmt::format("incorrect prefix key on \"{}\": only string columns "
                                                              "take a prefix length",
                                                              column->name));
            }
            bool fixed = c == TypeClass::character || c == TypeClass::binary;
            long long full = fixed && !cs.type.ref.modifiers.empty() ? std::stoll(cs.type.ref.modifiers.front()) : 0;
            if (fixed && *part.length > full) {
                throw StatementError(part.offset, fmt::format("incorrect prefix key on \"{}\": the prefix is longer "
                                                              "than the column",
                                                              column->name));
            }
            // A prefix as long as the column is the whole column.
            if (!(fixed && *part.length == full) && key.kind != ast::KeyKind::fulltext) {
                lengths.emplace_back(column->name, std::to_string(*part.length));
            }
        } else if (needs_prefix(c) && key.kind != ast::KeyKind::fulltext) {
            throw StatementError(part.offset, fmt::format("BLOB/TEXT column \"{}\" used in a key without a key length",
                                                          column->name));
        }
        if (key.kind == ast::KeyKind::spatial && !column->not_null) {
            throw StatementError(part.offset, fmt::format("all parts of a SPATIAL index must be NOT NULL; \"{}\" is not",
                                                          column->name));
        }
        element.column = column->name;
        index.elements.push_back(std::move(element));
    }
    if (name.empty()) {
        name = generated_index_name(state, key.parts.front().column.empty() ? std::string("functional_index")
                                                                             : index.elements.front().column);
    }
    index.name = index_key(table.name, name);
    state.key_lengths[lower(name)] = lengths;
    set_attribute(index, attr::index_key_lengths, std::move(lengths));
    if (key.invisible) {
        set_attribute(index, attr::index_invisible, *key.invisible);
    }
    if (key.ignored) {
        set_attribute(index, attr::index_ignored, *key.ignored);
    }
    if (key.key_block_size && *key.key_block_size != 0) {
        set_attribute(index, attr::index_key_block_size, static_cast<std::int64_t>(*key.key_block_size));
    }
    if (!key.parser.empty()) {
        set_attribute(index, attr::index_parser, key.parser);
    }
    if (!key.engine_attribute.empty()) {
        set_attribute(index, attr::index_engine_attribute, key.engine_attribute);
    }
    if (key.comment && !key.comment->empty()) {
        index.meta.comment = *key.comment;
    }
    state.indexes[lower(name)] = name;
    if (implicit) {
        state.implicit_indexes.insert(lower(name));
    }
    schema_.indexes.insert_or_assign(index.name, std::move(index));
    if (!implicit) {
        drop_superseded_implicit_indexes(table, state, name);
    }
}

// The column lists of the table's indexes and primary key, each as written (prefix
// parts end the usable list), leaving out `except`.
std::vector<std::vector<std::string>> Interpreter::leading_column_sets(const model::Table& table,
                                                                       const std::string& except) const {
    std::vector<std::vector<std::string>> sets;
    const TableState& state = tables_.at(table.name);
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::primary_key && !equals_ci(except, "PRIMARY")) {
            sets.push_back(c.columns);
        }
    }
    for (const auto& [key, index_name] : state.indexes) {
        if (equals_ci(index_name, except)) {
            continue;
        }
        auto it = schema_.indexes.find(index_key(table.name, index_name));
        if (it == schema_.indexes.end() || it->second.method == "fulltext" || it->second.method == "spatial") {
            continue;
        }
        std::vector<std::string> columns;
        for (const auto& e : it->second.elements) {
            if (e.column.empty()) {
                break;
            }
            columns.push_back(e.column);
        }
        sets.push_back(std::move(columns));
    }
    return sets;
}

namespace {

bool leads_with(const std::vector<std::string>& index, const std::vector<std::string>& wanted) {
    if (index.size() < wanted.size()) {
        return false;
    }
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (!equals_ci(index[i], wanted[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool Interpreter::index_serves(const model::Table& table, const std::string& index, const model::Constraint& fk) const {
    if (equals_ci(index, "PRIMARY")) {
        for (const auto& c : table.constraints) {
            if (c.kind == model::ConstraintKind::primary_key) {
                return leads_with(c.columns, fk.columns);
            }
        }
        return false;
    }
    auto it = schema_.indexes.find(index_key(table.name, index));
    if (it == schema_.indexes.end() || it->second.method == "fulltext" || it->second.method == "spatial") {
        return false;
    }
    std::vector<std::string> columns;
    for (const auto& e : it->second.elements) {
        if (e.column.empty()) {
            break;
        }
        columns.push_back(e.column);
    }
    return leads_with(columns, fk.columns);
}

void Interpreter::check_fk_target(const model::Table& table, const model::Constraint& fk, std::uint32_t offset) const {
    const model::Table* target = fk.ref_table == table.name ? &table : nullptr;
    if (target == nullptr) {
        auto it = schema_.tables.find(fk.ref_table);
        if (it == schema_.tables.end()) {
            if (foreign_key_checks_) {
                throw StatementError(offset, fmt::format("foreign key \"{}\": the referenced table \"{}\" does not "
                                                         "exist (FOREIGN_KEY_CHECKS is on)",
                                                         fk.name, table_label(fk.ref_table)));
            }
            return;
        }
        target = &it->second;
    }
    for (const auto& column : fk.ref_columns) {
        if (find_column(*target, column) == nullptr) {
            throw StatementError(offset, fmt::format("foreign key \"{}\": column \"{}\" does not exist in the "
                                                     "referenced table \"{}\"",
                                                     fk.name, column, table_label(fk.ref_table)));
        }
    }
    if (!foreign_key_checks_) {
        return;
    }
    // The referenced columns must lead an index of the referenced table (13.1.20.5).
    for (const auto& set : leading_column_sets(*target, {})) {
        if (leads_with(set, fk.ref_columns)) {
            return;
        }
    }
    throw StatementError(offset, fmt::format("foreign key \"{}\": no index of \"{}\" starts with its referenced columns",
                                             fk.name, table_label(fk.ref_table)));
}

void Interpreter::add_foreign_key(model::Table& table, TableState& state, const ast::KeyDef& key) {
    model::Constraint fk;
    fk.kind = model::ConstraintKind::foreign_key;
    fk.meta = meta_at(key.offset);
    bool named = key.has_constraint && !key.constraint_name.empty();
    fk.name = named ? key.constraint_name : generated_constraint_name(table, "_ibfk_");
    if (auto it = foreign_keys_.find({table.name.schema, lower(fk.name)}); it != foreign_keys_.end()) {
        if (key.if_not_exists) {
            return;
        }
        throw StatementError(key.offset, fmt::format("duplicate foreign key constraint name \"{}\" (foreign key names "
                                                     "are unique per database; \"{}\" has it)",
                                                     fk.name, table_label(it->second)));
    }
    for (const auto& name : key.columns) {
        const model::Column* column = find_column(table, name);
        if (column == nullptr) {
            throw StatementError(key.offset, fmt::format("key column \"{}\" does not exist in \"{}\"", name,
                                                         table_label(table.name)));
        }
        fk.columns.push_back(column->name);
    }
    fk.ref_table = qualify(key.references.table);
    if (key.references.columns.empty()) {
        throw StatementError(key.references.offset,
                             fmt::format("foreign key \"{}\" names no referenced columns", fk.name));
    }
    const model::Table* target = fk.ref_table == table.name ? &table : nullptr;
    if (target == nullptr) {
        if (auto it = schema_.tables.find(fk.ref_table); it != schema_.tables.end()) {
            target = &it->second;
        }
    }
    for (const auto& name : key.references.columns) {
        const model::Column* column = target != nullptr ? find_column(*target, name) : nullptr;
        fk.ref_columns.push_back(column != nullptr ? column->name : name);
    }
    if (fk.ref_columns.size() != fk.columns.size()) {
        throw StatementError(key.references.offset, fmt::format("foreign key \"{}\" has {} columns but references {}",
                                                                fk.name, fk.columns.size(), fk.ref_columns.size()));
    }
    fk.on_delete = action(key.references.on_delete);
    fk.on_update = action(key.references.on_update);
    // MATCH is parsed and ignored by InnoDB (13.1.20.5): nothing to store.
    if (fk.on_delete == model::ReferentialAction::set_null || fk.on_update == model::ReferentialAction::set_null) {
        for (const auto& name : fk.columns) {
            if (find_column(table, name)->not_null) {
                throw StatementError(key.offset, fmt::format("column \"{}\" cannot be NOT NULL: foreign key \"{}\" "
                                                             "sets it to NULL",
                                                             name, fk.name));
            }
        }
    }
    check_fk_target(table, fk, key.references.offset);
    foreign_keys_[{table.name.schema, lower(fk.name)}] = table.name;
    // The index MySQL creates when none serves the key is named after the CONSTRAINT
    // symbol, else the FOREIGN KEY index_name, else its first column (13.1.20.5).
    std::string hint = named ? key.constraint_name : key.index_name;
    if (!hint.empty()) {
        fk_index_hints_[lower(fk.name)] = hint;
    }
    table.constraints.push_back(std::move(fk));
    (void)state;
}

void Interpreter::add_check(model::Table& table, TableState& /*state*/, const ast::KeyDef& key) {
    model::Constraint check;
    check.kind = model::ConstraintKind::check;
    check.meta = meta_at(key.offset);
    // MariaDB names an unnamed CHECK CONSTRAINT_<n> (and mariadb-dump writes that name);
    // MySQL 8.0.16 names it <table>_chk_<n>. Both are the server's names, not the user's: the
    // model uses MySQL's, numbered in declaration order either way.
    bool mariadb_generated = is_mariadb_check_name(key.constraint_name);
    check.name = key.has_constraint && !key.constraint_name.empty() && !mariadb_generated
                     ? key.constraint_name
                     : generated_constraint_name(table, "_chk_");
    if (mariadb_generated) {
        tables_[table.name].check_aliases[lower(key.constraint_name)] = check.name;
    }
    for (const auto& c : table.constraints) {
        if (equals_ci(c.name, check.name) && c.kind != model::ConstraintKind::primary_key) {
            throw StatementError(key.offset, fmt::format("duplicate check constraint name \"{}\"", check.name),
                                 c.meta.location, "the other constraint");
        }
    }
    check.check = render_expression(key.check.tokens, columns_of(table));
    if (key.enforced && !*key.enforced) {
        set_attribute(check, attr::not_enforced, true);
    }
    table.constraints.push_back(std::move(check));
}

void Interpreter::create_implicit_fk_indexes(model::Table& table, TableState& state) {
    for (const auto& c : table.constraints) {
        if (c.kind != model::ConstraintKind::foreign_key) {
            continue;
        }
        bool served = index_serves(table, "PRIMARY", c);
        for (const auto& [key, index_name] : state.indexes) {
            served = served || index_serves(table, index_name, c);
        }
        if (served) {
            continue;
        }
        ast::KeyDef index;
        index.kind = ast::KeyKind::index;
        auto hint = fk_index_hints_.find(lower(c.name));
        index.index_name = hint != fk_index_hints_.end() && !state.indexes.contains(lower(hint->second))
                               ? hint->second
                               : generated_index_name(state, c.columns.front());
        for (const auto& column : c.columns) {
            ast::KeyPart part;
            part.column = column;
            index.parts.push_back(std::move(part));
        }
        add_index(table, state, index, true);
        // The index MySQL creates for the foreign key is located where the key is; it keeps
        // its own attributes.
        model::ObjectBase& index_meta = schema_.indexes.at(index_key(table.name, index.index_name)).meta;
        model::AttributeSet attributes = std::move(index_meta.attributes);
        index_meta = c.meta;
        index_meta.attributes = std::move(attributes);
    }
    fk_index_hints_.clear();
}

// An index MySQL created for a foreign key is dropped when another index can serve every
// foreign key it served (13.1.20.5: "this index might be silently dropped later if you
// create another index that can be used to enforce the foreign key constraint").
void Interpreter::drop_superseded_implicit_indexes(model::Table& table, TableState& state, const std::string& added) {
    std::vector<std::string> dropped;
    for (const auto& implicit : state.implicit_indexes) {
        auto name_it = state.indexes.find(implicit);
        if (name_it == state.indexes.end() || equals_ci(name_it->second, added)) {
            continue;
        }
        const std::string& index_name = name_it->second;
        bool still_needed = false;
        for (const auto& c : table.constraints) {
            if (c.kind != model::ConstraintKind::foreign_key || !index_serves(table, index_name, c)) {
                continue;
            }
            bool other = index_serves(table, "PRIMARY", c);
            for (const auto& [key, other_name] : state.indexes) {
                if (key != implicit) {
                    other = other || index_serves(table, other_name, c);
                }
            }
            still_needed = still_needed || !other;
        }
        if (!still_needed) {
            dropped.push_back(implicit);
        }
    }
    for (const auto& implicit : dropped) {
        schema_.indexes.erase(index_key(table.name, state.indexes.at(implicit)));
        state.indexes.erase(implicit);
        state.key_lengths.erase(implicit);
        state.implicit_indexes.erase(implicit);
    }
}

void Interpreter::drop_primary_key(model::Table& table, std::uint32_t offset) {
    auto it = std::find_if(table.constraints.begin(), table.constraints.end(),
                           [](const model::Constraint& c) { return c.kind == model::ConstraintKind::primary_key; });
    if (it == table.constraints.end()) {
        throw StatementError(offset, fmt::format("cannot drop the primary key of \"{}\": it has none",
                                                 table_label(table.name)));
    }
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::foreign_key && index_serves(table, "PRIMARY", c)) {
            bool other = false;
            for (const auto& [key, name] : tables_[table.name].indexes) {
                other = other || index_serves(table, name, c);
            }
            if (!other) {
                throw StatementError(offset, fmt::format("cannot drop the primary key of \"{}\": foreign key \"{}\" "
                                                         "needs it",
                                                         table_label(table.name), c.name));
            }
        }
    }
    table.constraints.erase(it);
    tables_[table.name].key_lengths.erase("primary");
}

void Interpreter::drop_index(model::Table& table, TableState& state, const std::string& name, std::uint32_t offset,
                             bool if_exists) {
    if (equals_ci(name, "PRIMARY")) {
        drop_primary_key(table, offset);
        return;
    }
    auto it = state.indexes.find(lower(name));
    if (it == state.indexes.end()) {
        if (if_exists) {
            return;
        }
        throw StatementError(offset, fmt::format("cannot drop index \"{}\" of \"{}\": it does not exist", name,
                                                 table_label(table.name)));
    }
    std::string index_name = it->second;
    for (const auto& c : table.constraints) {
        if (c.kind != model::ConstraintKind::foreign_key || !index_serves(table, index_name, c)) {
            continue;
        }
        bool other = index_serves(table, "PRIMARY", c);
        for (const auto& [key, other_name] : state.indexes) {
            if (!equals_ci(other_name, index_name)) {
                other = other || index_serves(table, other_name, c);
            }
        }
        if (!other) {
            throw StatementError(offset, fmt::format("cannot drop index \"{}\": foreign key \"{}\" needs it", index_name,
                                                     c.name),
                                 c.meta.location, "the foreign key");
        }
    }
    schema_.indexes.erase(index_key(table.name, index_name));
    state.implicit_indexes.erase(it->first);
    state.key_lengths.erase(it->first);
    state.indexes.erase(it);
}

void Interpreter::drop_constraint(model::Table& table, TableState& state, const std::string& name_in,
                                  std::uint32_t offset, bool if_exists, bool check_only, bool foreign_only) {
    auto alias = state.check_aliases.find(lower(name_in));
    const std::string& name = alias != state.check_aliases.end() ? alias->second : name_in;
    auto it = std::find_if(table.constraints.begin(), table.constraints.end(), [&](const model::Constraint& c) {
        if (check_only && c.kind != model::ConstraintKind::check) {
            return false;
        }
        if (foreign_only && c.kind != model::ConstraintKind::foreign_key) {
            return false;
        }
        return c.kind != model::ConstraintKind::primary_key && equals_ci(c.name, name);
    });
    if (it == table.constraints.end()) {
        // DROP CONSTRAINT also drops a UNIQUE key by name (MySQL 8.0.19).
        if (!check_only && !foreign_only) {
            if (auto index = state.indexes.find(lower(name)); index != state.indexes.end()) {
                if (auto* idx = find_index(table, name); idx != nullptr && idx->unique) {
                    drop_index(table, state, name, offset, false);
                    return;
                }
            }
        }
        if (if_exists) {
            return;
        }
        std::string_view what = check_only ? "check constraint" : foreign_only ? "foreign key" : "constraint";
        throw StatementError(offset, fmt::format("{} \"{}\" does not exist in \"{}\"", what, name,
                                                 table_label(table.name)));
    }
    if (it->kind == model::ConstraintKind::foreign_key) {
        foreign_keys_.erase({table.name.schema, lower(it->name)});
        // Its index stays, as an ordinary index (13.1.9 "DROP FOREIGN KEY ... the index
        // remains").
        for (auto i = state.implicit_indexes.begin(); i != state.implicit_indexes.end();) {
            auto n = state.indexes.find(*i);
            if (n != state.indexes.end() && index_serves(table, n->second, *it)) {
                i = state.implicit_indexes.erase(i);
            } else {
                ++i;
            }
        }
    }
    table.constraints.erase(it);
}

void Interpreter::rename_index(model::Table& table, TableState& state, const std::string& from, const std::string& to,
                               std::uint32_t offset) {
    auto it = state.indexes.find(lower(from));
    if (it == state.indexes.end()) {
        throw StatementError(offset, fmt::format("key \"{}\" does not exist in \"{}\"", from, table_label(table.name)));
    }
    if (equals_ci(to, "PRIMARY")) {
        throw StatementError(offset, "incorrect index name \"PRIMARY\"");
    }
    if (state.indexes.contains(lower(to)) && lower(to) != lower(from)) {
        throw StatementError(offset, fmt::format("duplicate key name \"{}\" in \"{}\"", to, table_label(table.name)));
    }
    auto node = schema_.indexes.extract(index_key(table.name, it->second));
    bool implicit = state.implicit_indexes.erase(it->first) > 0;
    model::AttributeOptions lengths = state.key_lengths[it->first];
    state.key_lengths.erase(it->first);
    state.indexes.erase(it);
    state.indexes[lower(to)] = to;
    state.key_lengths[lower(to)] = std::move(lengths);
    if (implicit) {
        state.implicit_indexes.insert(lower(to));
    }
    if (node) {
        node.key() = index_key(table.name, to);
        node.mapped().name = node.key();
        schema_.indexes.insert(std::move(node));
    }
}

void Interpreter::create_index_statement(const ast::CreateIndex& stmt) {
    model::Table& table = require_table(stmt.table);
    TableState& state = state_of(table.name);
    if (stmt.or_replace && state.indexes.contains(lower(stmt.key.index_name))) {
        drop_index(table, state, stmt.key.index_name, stmt.key.offset, false);
    }
    add_index(table, state, stmt.key, false);
    check_auto_increment(table, stmt.key.offset);
}

void Interpreter::drop_index_statement(const ast::DropIndex& stmt) {
    model::Table& table = require_table(stmt.table);
    drop_index(table, state_of(table.name), stmt.name, stmt.name_offset, stmt.if_exists);
    check_auto_increment(table, stmt.name_offset);
}

}  // namespace schemerge::parser::mysql
