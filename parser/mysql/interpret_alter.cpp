// ALTER TABLE (13.1.9): its actions applied in order, then the indexes MySQL creates for
// new foreign keys, then a rename.
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

bool mentions(const model::Expression& e, std::string_view column) {
    return std::any_of(e.columns.begin(), e.columns.end(), [&](const std::string& c) { return equals_ci(c, column); });
}

}  // namespace

void Interpreter::alter_table(const ast::AlterTable& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    if (!schema_.tables.contains(name)) {
        if (stmt.if_exists && !schema_.views.contains(name)) {
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        (void)require_table(stmt.name);  // throws
    }
    model::Table& table = schema_.tables.at(name);
    TableState& state = tables_[name];
    std::optional<ast::Name> rename_to;
    std::uint32_t rename_offset = 0;
    using Kind = ast::AlterAction::Kind;
    auto column_or_fail = [&](const std::string& column, std::uint32_t offset) -> model::Column& {
        model::Column* c = find_column(table, column);
        if (c == nullptr) {
            throw StatementError(offset, fmt::format("column \"{}\" does not exist in \"{}\"", column,
                                                     table_label(table.name)));
        }
        return *c;
    };
    for (const auto& a : stmt.actions) {
        model::SourceLocation here = meta_at(a.offset).location;
        switch (a.kind) {
            case Kind::add_column: {
                if (a.if_not_exists && find_column(table, a.column.name) != nullptr) {
                    warn(fmt::format("column \"{}\" already exists in \"{}\": IF NOT EXISTS skips it", a.column.name,
                                     table_label(table.name)),
                         a.offset);
                    break;
                }
                add_column(table, state, a.column, a.first, a.after, std::nullopt);
                column_keys(table, state, a.column);
                break;
            }
            case Kind::add_key: add_key(table, state, a.key); break;
            case Kind::drop_column:
                drop_column(table, state, a.name, a.offset, a.if_exists);
                table.meta.changed_at = here;
                break;
            case Kind::drop_primary_key: drop_primary_key(table, a.offset); break;
            case Kind::drop_key: drop_index(table, state, a.name, a.offset, a.if_exists); break;
            case Kind::drop_foreign_key: drop_constraint(table, state, a.name, a.offset, a.if_exists, false, true); break;
            case Kind::drop_constraint: drop_constraint(table, state, a.name, a.offset, a.if_exists, a.flag, false); break;
            case Kind::set_default: {
                model::Column& column = column_or_fail(a.name, a.offset);
                const ColumnState& cs = state.columns[lower(column.name)];
                auto value = canonical_default(*a.default_value, cs.type, columns_of(table));
                if (!value) {
                    throw StatementError(a.offset, fmt::format("{} for column \"{}\"", value.error(), column.name));
                }
                if (!*value && column.not_null) {
                    throw StatementError(a.offset, fmt::format("invalid default value for column \"{}\": DEFAULT NULL "
                                                               "on a NOT NULL column",
                                                               column.name));
                }
                column.default_value = *value ? std::optional<model::Expression>(std::move(**value)) : std::nullopt;
                column.meta.changed_at = here;
                break;
            }
            case Kind::drop_default: {
                model::Column& column = column_or_fail(a.name, a.offset);
                column.default_value.reset();
                column.meta.changed_at = here;
                break;
            }
            case Kind::set_column_visibility: {
                model::Column& column = column_or_fail(a.name, a.offset);
                set_attribute(column, attr::invisible, a.flag);
                column.meta.changed_at = here;
                break;
            }
            case Kind::set_index_visibility:
            case Kind::set_index_ignored: {
                if (equals_ci(a.name, "PRIMARY")) {
                    throw StatementError(a.offset, "a primary key cannot be made invisible or ignored");
                }
                model::Index* index = find_index(table, a.name);
                if (index == nullptr) {
                    throw StatementError(a.offset, fmt::format("key \"{}\" does not exist in \"{}\"", a.name,
                                                               table_label(table.name)));
                }
                set_attribute(*index, a.kind == Kind::set_index_visibility ? attr::index_invisible : attr::index_ignored,
                              a.flag);
                break;
            }
            case Kind::set_check_enforced: {
                auto it = std::find_if(table.constraints.begin(), table.constraints.end(), [&](const model::Constraint& c) {
                    return c.kind == model::ConstraintKind::check && equals_ci(c.name, a.name);
                });
                if (it == table.constraints.end()) {
                    throw StatementError(a.offset, fmt::format("check constraint \"{}\" does not exist in \"{}\"",
                                                               a.name, table_label(table.name)));
                }
                set_attribute(*it, attr::not_enforced, !a.flag);
                break;
            }
            case Kind::change_column:
            case Kind::modify_column: {
                model::Column* old = find_column(table, a.name);
                if (old == nullptr) {
                    if (a.if_exists) {
                        break;
                    }
                    throw StatementError(a.offset, fmt::format("column \"{}\" does not exist in \"{}\"", a.name,
                                                               table_label(table.name)));
                }
                std::string old_name = old->name;
                if (!equals_ci(old_name, a.column.name) && find_column(table, a.column.name) != nullptr) {
                    throw StatementError(a.column.offset, fmt::format("duplicate column name \"{}\"", a.column.name));
                }
                model::SourceLocation defined_at = old->meta.location;
                std::string renamed_from = old->meta.renamed_from;
                std::size_t position = static_cast<std::size_t>(old - table.columns.data());
                if (!equals_ci(old_name, a.column.name) || old_name != a.column.name) {
                    rename_column_references(table, state, old_name, a.column.name, a.offset);
                }
                state.columns.erase(lower(old_name));
                add_column(table, state, a.column, a.first, a.after, position);
                model::Column* now = find_column(table, a.column.name);
                // The column keeps its place of definition; this statement changed it.
                std::string annotation = now->meta.renamed_from;
                now->meta.location = defined_at;
                now->meta.renamed_from = annotation.empty() ? renamed_from : annotation;
                now->meta.changed_at = here;
                // Still in the primary key: still NOT NULL.
                for (const auto& c : table.constraints) {
                    if (c.kind == model::ConstraintKind::primary_key &&
                        std::any_of(c.columns.begin(), c.columns.end(),
                                    [&](const std::string& k) { return equals_ci(k, now->name); })) {
                        if (state.columns[lower(now->name)].explicit_null) {
                            throw StatementError(a.offset, fmt::format("all parts of a PRIMARY KEY must be NOT NULL; "
                                                                       "\"{}\" is declared NULL",
                                                                       now->name));
                        }
                        now->not_null = true;
                    }
                }
                column_keys(table, state, a.column);
                break;
            }
            case Kind::rename_column: {
                model::Column& column = column_or_fail(a.name, a.offset);
                if (!equals_ci(a.name, a.new_name) && find_column(table, a.new_name) != nullptr) {
                    throw StatementError(a.offset, fmt::format("duplicate column name \"{}\"", a.new_name));
                }
                std::string old_name = column.name;
                rename_column_references(table, state, old_name, a.new_name, a.offset);
                auto node = state.columns.extract(lower(old_name));
                node.key() = lower(a.new_name);
                state.columns.insert(std::move(node));
                model::Column& renamed = *find_column(table, old_name);
                renamed.name = a.new_name;
                renamed.meta.changed_at = here;
                break;
            }
            case Kind::rename_key: rename_index(table, state, a.name, a.new_name, a.offset); break;
            case Kind::rename_table:
                rename_to = a.new_table;
                rename_offset = a.offset;
                break;
            case Kind::convert_charset:
                set_table_charset(table, state, a.charset, a.collation, a.offset, true);
                break;
            case Kind::options: apply_table_options(table, state, a.options, false); break;
            case Kind::no_effect: break;
        }
    }
    create_implicit_fk_indexes(table, state);
    check_auto_increment(table, site_->offset);
    if (stmt.partition) {
        set_attribute(table, attr::partitioning, render_partitioning(*stmt.partition, state.engine));
    }
    if (!stmt.partition_operation.empty()) {
        if (stmt.partition_operation == "REMOVE PARTITIONING") {
            erase_attribute(table, attr::partitioning);
        } else if (stmt.partition_operation == "UPGRADE PARTITIONING" || stmt.partition_operation.starts_with("ANALYZE") ||
                   stmt.partition_operation.starts_with("CHECK") || stmt.partition_operation.starts_with("OPTIMIZE") ||
                   stmt.partition_operation.starts_with("REBUILD") || stmt.partition_operation.starts_with("REPAIR") ||
                   stmt.partition_operation.starts_with("TRUNCATE")) {
            // Maintenance: no schema effect.
        } else {
            if (options_.unsupported == UnsupportedPolicy::error) {
                throw StatementError(stmt.partition_offset,
                                     fmt::format("ALTER TABLE ... {} is not modeled by schemerge (--strict)",
                                                 stmt.partition_operation));
            }
            ++stats_.unsupported;
            warn(fmt::format("ALTER TABLE ... {} is not modeled: the table's partitioning stays as its last PARTITION "
                             "BY clause",
                             stmt.partition_operation),
                 stmt.partition_offset);
        }
    }
    if (rename_to) {
        model::QualifiedName to = qualify(*rename_to);
        if (to != name) {
            if (relation_exists(to)) {
                throw StatementError(rename_offset, fmt::format("table \"{}\" already exists", table_label(to)));
            }
            move_table(name, to, rename_offset);
        }
    }
}

void Interpreter::drop_column(model::Table& table, TableState& state, const std::string& name, std::uint32_t offset,
                              bool if_exists) {
    model::Column* column = find_column(table, name);
    if (column == nullptr) {
        if (if_exists) {
            return;
        }
        throw StatementError(offset, fmt::format("cannot drop column \"{}\" of \"{}\": it does not exist", name,
                                                 table_label(table.name)));
    }
    std::string declared = column->name;
    if (table.columns.size() == 1) {
        throw StatementError(offset, fmt::format("cannot drop \"{}\", the last column of \"{}\": use DROP TABLE",
                                                 declared, table_label(table.name)));
    }
    auto uses = [&](const std::vector<std::string>& columns) {
        return std::any_of(columns.begin(), columns.end(), [&](const std::string& c) { return equals_ci(c, declared); });
    };
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::foreign_key && uses(c.columns)) {
            throw StatementError(offset, fmt::format("cannot drop column \"{}\": foreign key \"{}\" needs it", declared,
                                                     c.name),
                                 c.meta.location, "the foreign key");
        }
    }
    if (foreign_key_checks_) {
        for (const auto& [other_name, other] : schema_.tables) {
            for (const auto& c : other.constraints) {
                if (c.kind == model::ConstraintKind::foreign_key && c.ref_table == table.name && uses(c.ref_columns) &&
                    other_name != table.name) {
                    throw StatementError(offset, fmt::format("cannot drop column \"{}\": foreign key \"{}\" of \"{}\" "
                                                             "references it",
                                                             declared, c.name, table_label(other_name)),
                                         c.meta.location, "the foreign key");
                }
            }
        }
    }
    for (const auto& c : table.columns) {
        if (c.generated != model::GeneratedKind::none && !equals_ci(c.name, declared) && mentions(*c.generation, declared)) {
            throw StatementError(offset, fmt::format("cannot drop column \"{}\": generated column \"{}\" uses it",
                                                     declared, c.name));
        }
    }
    // A CHECK on this column alone goes with it; one that also uses other columns stops the
    // drop (13.1.20.6).
    for (auto it = table.constraints.begin(); it != table.constraints.end();) {
        if (it->kind == model::ConstraintKind::check && mentions(it->check, declared)) {
            if (it->check.columns.size() > 1) {
                throw StatementError(offset, fmt::format("cannot drop column \"{}\": check constraint \"{}\" uses it",
                                                         declared, it->name),
                                     it->meta.location, "the check constraint");
            }
            it = table.constraints.erase(it);
        } else {
            ++it;
        }
    }
    // Indexes lose the column; an index left without columns is dropped (13.1.9).
    std::vector<std::string> emptied;
    for (const auto& [key, index_name] : state.indexes) {
        auto it = schema_.indexes.find(index_key(table.name, index_name));
        if (it == schema_.indexes.end()) {
            continue;
        }
        auto& elements = it->second.elements;
        for (const auto& e : elements) {
            if (e.column.empty() && mentions(e.expression, declared)) {
                throw StatementError(offset, fmt::format("cannot drop column \"{}\": the functional index \"{}\" uses it",
                                                         declared, index_name));
            }
        }
        std::erase_if(elements, [&](const model::IndexElement& e) { return equals_ci(e.column, declared); });
        auto& lengths = state.key_lengths[key];
        std::erase_if(lengths, [&](const auto& l) { return equals_ci(l.first, declared); });
        set_attribute(it->second, attr::index_key_lengths, lengths);
        if (elements.empty()) {
            emptied.push_back(key);
        }
    }
    for (const auto& key : emptied) {
        schema_.indexes.erase(index_key(table.name, state.indexes.at(key)));
        state.indexes.erase(key);
        state.implicit_indexes.erase(key);
        state.key_lengths.erase(key);
    }
    for (auto it = table.constraints.begin(); it != table.constraints.end();) {
        if (it->kind == model::ConstraintKind::primary_key) {
            std::erase_if(it->columns, [&](const std::string& c) { return equals_ci(c, declared); });
            auto& lengths = state.key_lengths["primary"];
            std::erase_if(lengths, [&](const auto& l) { return equals_ci(l.first, declared); });
            set_attribute(*it, attr::primary_key_lengths, lengths);
            if (it->columns.empty()) {
                it = table.constraints.erase(it);
                continue;
            }
        }
        ++it;
    }
    std::erase_if(table.columns, [&](const model::Column& c) { return equals_ci(c.name, declared); });
    state.columns.erase(lower(declared));
}

// A column renamed by CHANGE or RENAME COLUMN: its keys and the foreign keys that
// reference it follow; CHECKs and generated columns that use it stop the rename (MySQL
// 8.0 errors 3959 and 3108).
void Interpreter::rename_column_references(model::Table& table, TableState& state, const std::string& from,
                                          const std::string& to, std::uint32_t offset) {
    if (from == to) {
        return;
    }
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::check && mentions(c.check, from) && !equals_ci(from, to)) {
            throw StatementError(offset, fmt::format("cannot rename column \"{}\": check constraint \"{}\" uses it",
                                                     from, c.name),
                                 c.meta.location, "the check constraint");
        }
    }
    for (const auto& c : table.columns) {
        if (c.generated != model::GeneratedKind::none && !equals_ci(c.name, from) && mentions(*c.generation, from) &&
            !equals_ci(from, to)) {
            throw StatementError(offset, fmt::format("cannot rename column \"{}\": generated column \"{}\" uses it",
                                                     from, c.name));
        }
    }
    auto rename_in = [&](std::vector<std::string>& columns) {
        for (auto& c : columns) {
            if (equals_ci(c, from)) {
                c = to;
            }
        }
    };
    for (auto& c : table.constraints) {
        rename_in(c.columns);
        if (c.kind == model::ConstraintKind::foreign_key && c.ref_table == table.name) {
            rename_in(c.ref_columns);
        }
        if (c.kind == model::ConstraintKind::primary_key) {
            auto& lengths = state.key_lengths["primary"];
            for (auto& l : lengths) {
                if (equals_ci(l.first, from)) {
                    l.first = to;
                }
            }
            set_attribute(c, attr::primary_key_lengths, lengths);
        }
    }
    for (const auto& [key, index_name] : state.indexes) {
        auto it = schema_.indexes.find(index_key(table.name, index_name));
        if (it == schema_.indexes.end()) {
            continue;
        }
        for (auto& e : it->second.elements) {
            if (e.column.empty() && mentions(e.expression, from) && !equals_ci(from, to)) {
                throw StatementError(offset, fmt::format("cannot rename column \"{}\": the functional index \"{}\" uses it",
                                                         from, index_name));
            }
            if (equals_ci(e.column, from)) {
                e.column = to;
            }
        }
        auto& lengths = state.key_lengths[key];
        for (auto& l : lengths) {
            if (equals_ci(l.first, from)) {
                l.first = to;
            }
        }
        set_attribute(it->second, attr::index_key_lengths, lengths);
    }
    for (auto& [other_name, other] : schema_.tables) {
        if (other_name == table.name) {
            continue;
        }
        for (auto& c : other.constraints) {
            if (c.kind == model::ConstraintKind::foreign_key && c.ref_table == table.name) {
                rename_in(c.ref_columns);
            }
        }
    }
}

}  // namespace schemerge::parser::mysql
