// Tables that exist on both sides: every change of one table gathered into one ALTER
// TABLE (MySQL rebuilds a table at most once per statement), with the foreign keys in
// statements of their own: dropped before any table changes (a foreign key stands on an
// index and on the columns of two tables), added after every table is in its final shape.
#include <algorithm>

#include "parser/mysql/dialect_traits.hpp"
#include "synth/mysql/planner.hpp"
#include "synth/mysql/sql_format.hpp"

namespace schemerge::synth::mysql {

namespace attr = parser::mysql::attr;

namespace {

bool names_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool contains_name(const std::vector<std::string>& names, std::string_view name) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return names_equal(n, name); });
}

// A column's effective character set and collation ("" = the character set's default).
std::pair<std::string, std::string> effective_charset(const model::Table& table, const model::Column& column) {
    std::string charset = attribute(column, attr::column_charset);
    std::string collation = column.collation ? column.collation->name : std::string{};
    if (charset.empty()) {
        charset = attribute(table, attr::table_charset);
        if (collation.empty()) {
            collation = attribute(table, attr::table_collation);
        }
    }
    return {charset, collation};
}

}  // namespace

Planner::TableWork& Planner::work(const QualifiedName& to_name) {
    auto [it, inserted] = tables_.try_emplace(to_name);
    TableWork& w = it->second;
    if (inserted) {
        w.name = to_name;
        w.from_name = from_name_of(to_name);
        if (auto t = to_.tables.find(to_name); t != to_.tables.end()) {
            w.after = &t->second;
        }
        if (!created_tables_.contains(to_name)) {
            if (auto t = from_.tables.find(w.from_name); t != from_.tables.end()) {
                w.before = &t->second;
            }
        }
    }
    return w;
}

void Planner::table_change(const Change& change) {
    QualifiedName table;
    const model::Index* index_before = as<model::Index>(change.before);
    const model::Index* index_after = as<model::Index>(change.after);
    if (index_after != nullptr) {
        table = index_after->table;
    } else if (index_before != nullptr) {
        table = to_name_of(index_before->table);
    } else if (change.key.kind == ObjectKind::table) {
        table = {change.key.schema, change.key.name};
    } else {
        table = {change.key.schema, change.key.table};
    }
    // A created table is created whole; a dropped one goes whole.
    if (created_tables_.contains(table) || dropped_tables_.contains(from_name_of(table))) {
        return;
    }
    TableWork& w = work(table);
    if (w.before == nullptr || w.after == nullptr) {
        notes_.push_back("not planned: " + change.describe() + " (the table is missing on one side)");
        return;
    }
    auto column = [&]() -> ColumnWork& {
        ColumnWork& cw = w.columns[change.key.name];
        if (const auto* b = as<model::Column>(change.before)) {
            cw.before = b;
        }
        if (const auto* a = as<model::Column>(change.after)) {
            cw.after = a;
        }
        cw.changes.push_back(&change);
        return cw;
    };
    const auto* c_before = as<model::Constraint>(change.before);
    const auto* c_after = as<model::Constraint>(change.after);
    auto drop_constraint = [&](const model::Constraint& c) {
        switch (c.kind) {
            case model::ConstraintKind::primary_key: w.drop_primary_key = true; break;
            case model::ConstraintKind::foreign_key:
                w.drop_foreign_keys[c.name] = &c;
                w.foreign_key_drop_changes.push_back(&change);
                return;
            default: w.drop_checks.push_back(c.name); break;
        }
        w.table_changes.push_back(&change);
    };
    auto add_constraint = [&](const model::Constraint& c) {
        switch (c.kind) {
            case model::ConstraintKind::primary_key: w.add_primary_key = &c; break;
            case model::ConstraintKind::foreign_key:
                w.add_foreign_keys[c.name] = &c;
                w.foreign_key_add_changes.push_back(&change);
                return;
            default: w.add_checks.push_back(&c); break;
        }
        w.table_changes.push_back(&change);
    };
    switch (change.kind) {
        case ChangeKind::alter_table:
            w.options_changed = true;
            w.table_changes.push_back(&change);
            return;
        case ChangeKind::set_comment:
            if (change.key.kind == ObjectKind::table) {
                w.comment_changed = true;
                w.table_changes.push_back(&change);
            } else if (change.key.kind == ObjectKind::column) {
                column().kinds.insert(change.kind);
            } else if (index_before != nullptr && index_after != nullptr) {
                // An index's comment changes only by building it again.
                w.drop_indexes[index_name(*index_before)] = index_before;
                w.add_indexes[index_name(*index_after)] = index_after;
                w.table_changes.push_back(&change);
            }
            return;
        case ChangeKind::add_column:
            if (const auto* a = as<model::Column>(change.after)) {
                w.add_columns.push_back(a);
                w.table_changes.push_back(&change);
            }
            return;
        case ChangeKind::drop_column:
            if (const auto* b = as<model::Column>(change.before)) {
                w.drop_columns.push_back(b);
                w.table_changes.push_back(&change);
            }
            return;
        case ChangeKind::rename_column: column().old_name = change.old_name; return;
        case ChangeKind::alter_column_type:
        case ChangeKind::set_default:
        case ChangeKind::drop_default:
        case ChangeKind::set_not_null:
        case ChangeKind::drop_not_null:
        case ChangeKind::alter_identity:
        case ChangeKind::alter_generated:
        case ChangeKind::alter_column_options: column().kinds.insert(change.kind); return;
        case ChangeKind::add_constraint:
            if (c_after != nullptr) {
                add_constraint(*c_after);
            }
            return;
        case ChangeKind::drop_constraint:
            if (c_before != nullptr) {
                drop_constraint(*c_before);
            }
            return;
        case ChangeKind::rename_constraint:
        case ChangeKind::validate_constraint:
            // MySQL renames no constraint in place (and has no NOT VALID): drop and add.
            if (c_before != nullptr && c_after != nullptr) {
                drop_constraint(*c_before);
                add_constraint(*c_after);
            }
            return;
        case ChangeKind::create_index:
            if (index_after != nullptr) {
                w.add_indexes[index_name(*index_after)] = index_after;
                w.table_changes.push_back(&change);
            }
            return;
        case ChangeKind::drop_index:
            if (index_before != nullptr) {
                w.drop_indexes[index_name(*index_before)] = index_before;
                w.table_changes.push_back(&change);
            }
            return;
        case ChangeKind::rename_index:
            if (index_before != nullptr && index_after != nullptr) {
                w.rename_indexes.emplace_back(index_name(*index_before), index_name(*index_after));
                w.table_changes.push_back(&change);
            }
            return;
        default: return;
    }
}

// A foreign key on a column whose type changes (on either side of the key) blocks the
// change ("Cannot change column used in a foreign key constraint"): it is dropped before
// and added again after, as if it had changed too.
void Planner::foreign_keys_around_type_changes() {
    struct Changed {
        QualifiedName from_table;
        std::string from_column;
    };
    std::vector<Changed> changed;
    for (const auto& [name, w] : tables_) {
        for (const auto& [column, cw] : w.columns) {
            if (cw.kinds.contains(ChangeKind::alter_column_type)) {
                changed.push_back({w.from_name, cw.old_name.empty() ? column : cw.old_name});
            }
        }
    }
    if (changed.empty()) {
        return;
    }
    for (const auto& [from_name, table] : from_.tables) {
        if (dropped_tables_.contains(from_name)) {
            continue;
        }
        for (const auto& fk : table.constraints) {
            if (fk.kind != model::ConstraintKind::foreign_key) {
                continue;
            }
            bool touched = std::any_of(changed.begin(), changed.end(), [&](const Changed& c) {
                return (c.from_table == from_name && contains_name(fk.columns, c.from_column)) ||
                       (c.from_table == fk.ref_table && contains_name(fk.ref_columns, c.from_column));
            });
            if (!touched) {
                continue;
            }
            TableWork& w = work(to_name_of(from_name));
            if (w.after == nullptr || w.drop_foreign_keys.contains(fk.name)) {
                continue;
            }
            const model::Constraint* again = w.after->find_constraint(fk.name);
            if (again == nullptr || again->kind != model::ConstraintKind::foreign_key) {
                continue;
            }
            w.drop_foreign_keys[fk.name] = &fk;
            w.add_foreign_keys[fk.name] = again;
        }
    }
}

// Kept columns in another order: the diff has no change for that (the model keeps columns
// in declaration order), so the planner finds them. The longest run of kept columns already
// in order stays; the others move (MODIFY ... AFTER), in the target's order.
void Planner::column_moves() {
    for (const auto& [name, after] : to_.tables) {
        if (created_tables_.contains(name)) {
            continue;
        }
        auto before_it = from_.tables.find(from_name_of(name));
        if (before_it == from_.tables.end()) {
            continue;
        }
        const model::Table& before = before_it->second;
        auto existing = tables_.find(name);
        auto old_name_of = [&](const std::string& column) {
            if (existing != tables_.end()) {
                if (auto cw = existing->second.columns.find(column);
                    cw != existing->second.columns.end() && !cw->second.old_name.empty()) {
                    return cw->second.old_name;
                }
            }
            return column;
        };
        // Positions in `from` of the kept columns, in the target's order.
        std::vector<std::pair<std::string, std::size_t>> kept;
        for (const auto& column : after.columns) {
            std::string old = old_name_of(column.name);
            for (std::size_t i = 0; i < before.columns.size(); ++i) {
                if (names_equal(before.columns[i].name, old)) {
                    kept.emplace_back(column.name, i);
                    break;
                }
            }
        }
        // Longest increasing run of `from` positions (patience sorting with back links).
        std::vector<std::size_t> tails;
        std::vector<std::size_t> tail_index;
        std::vector<long> back(kept.size(), -1);
        for (std::size_t k = 0; k < kept.size(); ++k) {
            auto it = std::lower_bound(tails.begin(), tails.end(), kept[k].second);
            std::size_t slot = static_cast<std::size_t>(it - tails.begin());
            if (slot > 0) {
                back[k] = static_cast<long>(tail_index[slot - 1]);
            }
            if (it == tails.end()) {
                tails.push_back(kept[k].second);
                tail_index.push_back(k);
            } else {
                *it = kept[k].second;
                tail_index[slot] = k;
            }
        }
        if (tails.size() == kept.size()) {
            continue;
        }
        std::set<std::string> stay;
        for (long k = static_cast<long>(tail_index.back()); k >= 0; k = back[static_cast<std::size_t>(k)]) {
            stay.insert(kept[static_cast<std::size_t>(k)].first);
        }
        TableWork& w = work(name);
        for (const auto& [column, position] : kept) {
            if (!stay.contains(column)) {
                w.moved.insert(column);
            }
        }
    }
}

void Planner::column_clauses(TableWork& w, Statement& s) {
    const model::Table& before = *w.before;
    const model::Table& after = *w.after;
    // A new default character set or collation of the table: columns that inherited the
    // old one get the new one (MODIFY with the table's new default).
    std::set<std::string> recharset;
    if (attribute(before, attr::table_charset) != attribute(after, attr::table_charset) ||
        attribute(before, attr::table_collation) != attribute(after, attr::table_collation)) {
        for (const auto& column : after.columns) {
            if (!is_character_type(column.type)) {
                continue;
            }
            auto cw = w.columns.find(column.name);
            std::string old_name = cw != w.columns.end() && !cw->second.old_name.empty() ? cw->second.old_name
                                                                                          : column.name;
            const model::Column* old = before.find_column(old_name);
            if (old != nullptr && effective_charset(before, *old) != effective_charset(after, column)) {
                recharset.insert(column.name);
            }
        }
    }
    for (std::size_t i = 0; i < after.columns.size(); ++i) {
        const model::Column& column = after.columns[i];
        auto it = w.columns.find(column.name);
        bool converted = recharset.contains(column.name);
        if ((it == w.columns.end() && !converted) || w.moved.contains(column.name)) {
            continue;
        }
        ColumnWork empty;
        ColumnWork& cw = it == w.columns.end() ? empty : it->second;
        const model::Column* old = cw.before != nullptr
                                       ? cw.before
                                       : before.find_column(cw.old_name.empty() ? column.name : cw.old_name);
        for (const auto* c : cw.changes) {
            s.change(*c);
        }
        std::string label = w.name.to_string() + "." + column.name;
        if (converted) {
            s.add_change("convert column " + label + " to the table's character set");
            if (old != nullptr && effective_charset(before, *old).first != effective_charset(after, column).first) {
                s.hazard(hazard::k_data_loss, "column " + label + " moves to character set " +
                                                  effective_charset(after, column).first +
                                                  ": characters it cannot hold are lost");
            }
            s.hazard(hazard::k_table_rewrite, "column " + label + " is converted to another character set");
            s.hazard(hazard::k_copy_algorithm, "converting column " + label + " copies the table");
            s.copy = true;
        }
        const auto& k = cw.kinds;
        bool default_only = !converted && cw.old_name.empty() && !k.empty() &&
                            std::all_of(k.begin(), k.end(), [](ChangeKind kind) {
                                return kind == ChangeKind::set_default || kind == ChangeKind::drop_default;
                            });
        if (default_only) {
            s.clauses.push_back("ALTER COLUMN " + quote(column.name) +
                                (column.default_value ? " SET DEFAULT " + column.default_value->text : " DROP DEFAULT"));
            ++s.instant_clauses;  // the default lives in the data dictionary only
            continue;
        }
        if (!cw.old_name.empty() && k.empty() && !converted) {
            s.clauses.push_back("RENAME COLUMN " + quote(cw.old_name) + " TO " + quote(column.name));
            ++s.instant_clauses;  // a name in the data dictionary
            continue;
        }
        // Hazards of a redefinition.
        if (old != nullptr) {
            if (old->type != column.type) {
                TypeChange tc = classify_type_change(old->type, column.type);
                std::string what = "column " + label + ": " + type_text(old->type) + " -> " + type_text(column.type);
                if (tc.narrowing) {
                    s.hazard(hazard::k_data_loss, what + " can truncate or reject existing values");
                }
                if (tc.rebuild) {
                    s.hazard(hazard::k_table_rewrite, what + " rebuilds the table");
                    s.hazard(hazard::k_copy_algorithm, what + " needs ALGORITHM=COPY");
                    s.copy = true;
                }
            } else if (old->collation != column.collation ||
                       attribute(*old, attr::column_charset) != attribute(column, attr::column_charset)) {
                s.hazard(hazard::k_table_rewrite, "column " + label + " changes character set or collation");
                s.hazard(hazard::k_copy_algorithm, "changing the collation of " + label + " copies the table");
                s.copy = true;
            }
            if (!old->not_null && column.not_null) {
                s.hazard(hazard::k_not_null_on_existing_column,
                         "column " + label + " becomes NOT NULL: existing NULLs make the statement fail (strict "
                                             "mode) or become the type's zero value");
                s.hazard(hazard::k_table_rewrite, "NOT NULL on " + label + " rebuilds the table");
            } else if (old->not_null && !column.not_null) {
                s.hazard(hazard::k_table_rewrite, "dropping NOT NULL on " + label + " rebuilds the table");
            }
            bool old_stored = old->generated != model::GeneratedKind::none && !flag(*old, attr::virtual_generated);
            bool new_stored = column.generated != model::GeneratedKind::none && !flag(column, attr::virtual_generated);
            if ((old_stored || new_stored) && (old->generated != column.generated || old->generation != column.generation)) {
                s.hazard(hazard::k_table_rewrite, "the stored generated column " + label + " is computed again");
                s.hazard(hazard::k_copy_algorithm, "a stored generated column " + label + " changes: ALGORITHM=COPY");
                s.copy = true;
            }
            if (old->generated != model::GeneratedKind::none && column.generated != model::GeneratedKind::none &&
                flag(*old, attr::virtual_generated) != flag(column, attr::virtual_generated)) {
                // MODIFY cannot change VIRTUAL <-> STORED: the column is dropped and added.
                s.clauses.push_back("DROP COLUMN " + quote(old->name));
                std::string position = i == 0 ? " FIRST" : " AFTER " + quote(after.columns[i - 1].name);
                s.clauses.push_back("ADD COLUMN " + column_definition(column) + position);
                continue;
            }
        }
        if (!cw.old_name.empty()) {
            s.clauses.push_back("CHANGE COLUMN " + quote(cw.old_name) + " " + column_definition(column));
        } else {
            s.clauses.push_back("MODIFY COLUMN " + column_definition(column));
        }
    }
    // Added and moved columns, in their place and in the target's order (MySQL places each
    // FIRST / AFTER clause in statement order): MySQL appends unless told FIRST / AFTER.
    for (std::size_t i = 0; i < after.columns.size(); ++i) {
        const model::Column& column = after.columns[i];
        std::string position;
        if (i == 0) {
            position = " FIRST";
        } else if (i + 1 < after.columns.size() || !w.moved.empty()) {
            position = " AFTER " + quote(after.columns[i - 1].name);
        }
        if (w.moved.contains(column.name)) {
            auto it = w.columns.find(column.name);
            std::string label = w.name.to_string() + "." + column.name;
            if (it != w.columns.end()) {
                for (const auto* c : it->second.changes) {
                    s.change(*c);
                }
            }
            s.add_change("move column " + label);
            s.hazard(hazard::k_table_rewrite, "moving column " + label + " rebuilds the table");
            std::string old_name = it != w.columns.end() ? it->second.old_name : std::string{};
            const model::Column* old = before.find_column(old_name.empty() ? column.name : old_name);
            if (old != nullptr && old->type != column.type) {
                TypeChange tc = classify_type_change(old->type, column.type);
                std::string what = "column " + label + ": " + type_text(old->type) + " -> " + type_text(column.type);
                if (tc.narrowing) {
                    s.hazard(hazard::k_data_loss, what + " can truncate or reject existing values");
                }
                if (tc.rebuild) {
                    s.hazard(hazard::k_copy_algorithm, what + " needs ALGORITHM=COPY");
                    s.copy = true;
                }
            }
            s.clauses.push_back((old_name.empty() ? "MODIFY COLUMN " : "CHANGE COLUMN " + quote(old_name) + " ") +
                                column_definition(column) + position);
            continue;
        }
        if (std::find(w.add_columns.begin(), w.add_columns.end(), &column) == w.add_columns.end()) {
            continue;
        }
        s.clauses.push_back("ADD COLUMN " + column_definition(column) + position);
        // MariaDB 10.4+ and MySQL 8.0.29+ add a column anywhere without touching the rows
        // (existing rows read the default); not a counter, nor a generated column.
        if (!flag(column, attr::auto_increment) && column.generated == model::GeneratedKind::none) {
            ++s.instant_clauses;
        }
        if (flag(column, attr::auto_increment) ||
            (column.generated != model::GeneratedKind::none && !flag(column, attr::virtual_generated))) {
            s.hazard(hazard::k_table_rewrite, "adding column " + w.name.to_string() + "." + column.name +
                                                  " fills every row: the table is rebuilt");
            // MariaDB 10.11 refuses ALGORITHM=INPLACE for a stored generated column.
            s.hazard(hazard::k_copy_algorithm, "adding column " + w.name.to_string() + "." + column.name +
                                                   " needs ALGORITHM=COPY");
            s.copy = true;
        }
    }
}

void Planner::main_alter(TableWork& w) {
    Statement s;
    for (const auto* c : w.table_changes) {
        s.change(*c);
    }
    for (const auto& name : w.drop_checks) {
        s.clauses.push_back("DROP CONSTRAINT " + quote(name));
    }
    for (const auto& [name, index] : w.drop_indexes) {
        s.clauses.push_back("DROP INDEX " + quote(name));
    }
    if (w.drop_primary_key) {
        s.clauses.push_back("DROP PRIMARY KEY");
        s.hazard(hazard::k_table_rewrite, "dropping the primary key of " + w.name.to_string() + " rebuilds the table");
        if (w.add_primary_key == nullptr) {
            s.hazard(hazard::k_copy_algorithm, "dropping a primary key without adding one needs ALGORITHM=COPY");
            s.copy = true;
        }
    }
    for (const auto* column : w.drop_columns) {
        s.clauses.push_back("DROP COLUMN " + quote(column->name));
        s.hazard(hazard::k_data_loss, "column " + w.name.to_string() + "." + column->name + " and its values are dropped");
        // Instant unless an index loses the column ("Reason: DROP INDEX" otherwise).
        if (column->generated == model::GeneratedKind::none && !column_indexed(*w.before, column->name)) {
            ++s.instant_clauses;
        }
    }
    column_clauses(w, s);
    if (w.add_primary_key != nullptr) {
        s.clauses.push_back("ADD " + constraint_definition(*w.add_primary_key));
        s.hazard(hazard::k_table_rewrite, "adding the primary key of " + w.name.to_string() + " rebuilds the table");
        s.hazard(hazard::k_validation_scan, "the new primary key of " + w.name.to_string() +
                                                " fails on duplicate or NULL values");
    }
    for (const auto& [name, index] : w.add_indexes) {
        s.clauses.push_back("ADD " + index_definition(*index));
        if (index->unique) {
            s.hazard(hazard::k_validation_scan, "unique index " + name + " fails on duplicate values");
        }
        if (index->method == "fulltext" || index->method == "spatial") {
            s.hazard(hazard::k_table_rewrite, "the " + index->method + " index " + name + " may rebuild the table");
            s.shared_lock = true;  // "Fulltext index creation requires a lock" (LOCK=SHARED)
        }
    }
    for (const auto* c : w.add_checks) {
        s.clauses.push_back("ADD " + constraint_definition(*c));
        s.hazard(hazard::k_validation_scan, "CHECK " + c->name + " is checked against every row");
        s.hazard(hazard::k_copy_algorithm, "adding CHECK " + c->name + " needs ALGORITHM=COPY");
        s.copy = true;
    }
    for (const auto& [from, to] : w.rename_indexes) {
        s.clauses.push_back("RENAME INDEX " + quote(from) + " TO " + quote(to));
    }
    const model::Table& before = *w.before;
    const model::Table& after = *w.after;
    if (w.options_changed || w.comment_changed) {
        auto changed = [&](const model::AttributeDef& def) { return attribute(before, def) != attribute(after, def); };
        if (changed(attr::engine)) {
            std::string engine = attribute(after, attr::engine);
            s.clauses.push_back("ENGINE=" + (engine.empty() ? std::string("InnoDB") : engine));
            s.hazard(hazard::k_table_rewrite, "changing the engine of " + w.name.to_string() + " copies the table");
            s.hazard(hazard::k_copy_algorithm, "ENGINE= needs ALGORITHM=COPY");
            s.copy = true;
        }
        if ((changed(attr::table_charset) || changed(attr::table_collation)) &&
            !attribute(after, attr::table_charset).empty()) {
            s.clauses.push_back("DEFAULT CHARSET=" + attribute(after, attr::table_charset));
            if (std::string collation = attribute(after, attr::table_collation); !collation.empty()) {
                s.clauses.push_back("COLLATE=" + collation);
            }
        }
        if (changed(attr::row_format)) {
            std::string format = attribute(after, attr::row_format);
            s.clauses.push_back("ROW_FORMAT=" + (format.empty() ? std::string("DEFAULT") : format));
            s.hazard(hazard::k_table_rewrite, "ROW_FORMAT= rebuilds the table");
        }
        if (changed(attr::table_key_block_size)) {
            std::string size = attribute(after, attr::table_key_block_size);
            s.clauses.push_back("KEY_BLOCK_SIZE=" + (size.empty() ? std::string("0") : size));
            s.hazard(hazard::k_table_rewrite, "KEY_BLOCK_SIZE= rebuilds the table");
        }
        if (changed(attr::table_options)) {
            auto old_options = option_pairs(attribute(before, attr::table_options));
            auto new_options = option_pairs(attribute(after, attr::table_options));
            for (const auto& [name, value] : new_options) {
                if (std::find(old_options.begin(), old_options.end(), std::make_pair(name, value)) == old_options.end()) {
                    std::string upper_name = name;
                    std::transform(upper_name.begin(), upper_name.end(), upper_name.begin(),
                                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
                    bool plain = std::all_of(value.begin(), value.end(), [](char ch) {
                        return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
                    });
                    s.clauses.push_back(upper_name + "=" + (plain && !value.empty() ? value : quote_string(value)));
                }
            }
            for (const auto& [name, value] : old_options) {
                bool kept = std::any_of(new_options.begin(), new_options.end(),
                                        [&](const auto& o) { return o.first == name; });
                if (!kept) {
                    std::string upper_name = name;
                    std::transform(upper_name.begin(), upper_name.end(), upper_name.begin(),
                                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
                    s.clauses.push_back(upper_name + "=DEFAULT");
                }
            }
        }
        if (before.meta.comment != after.meta.comment) {
            s.clauses.push_back("COMMENT=" + quote_string(after.meta.comment.value_or("")));
        }
    }
    if (!s.clauses.empty()) {
        std::string sql = "ALTER TABLE " + qualified(w.name);
        for (std::size_t i = 0; i < s.clauses.size(); ++i) {
            sql += (i == 0 ? "\n  " : ",\n  ") + s.clauses[i];
        }
        ActionGraph::Id id = add(k_alter_table, ObjectKey{ObjectKind::table, w.name.schema, w.name.name, {}, {}},
                                 {sql}, s.changes, s.hazards);
        if (options_.locks == LockStrategy::online) {
            // A table with a FULLTEXT index is rebuilt with it when columns are added,
            // dropped or redefined in place, and MariaDB then needs LOCK=SHARED ("Fulltext
            // index creation requires a lock").
            bool column_clause = std::any_of(s.clauses.begin(), s.clauses.end(), [](const std::string& c) {
                return c.starts_with("ADD COLUMN ") || c.starts_with("DROP COLUMN ") || c.starts_with("MODIFY ") ||
                       c.starts_with("CHANGE ");
            });
            bool fulltext = has_index_method(w.before->name, {"fulltext"}) || has_index_method(w.after->name, {"fulltext"});
            if (fulltext && column_clause) {
                s.shared_lock = true;
            }
            if (s.instant_clauses == s.clauses.size() && instant_table(w)) {
                std::vector<Step> steps = graph_.action(id).plain;
                steps.front().sql += ",\n  ALGORITHM=INSTANT";
                graph_.action(id).online = std::move(steps);
            } else if (s.copy) {
                notes_.push_back("ALTER TABLE " + w.name.to_string() +
                                 " needs ALGORITHM=COPY (writes wait while the table is copied): for an online change "
                                 "run it through an online schema-change tool (gh-ost, pt-online-schema-change)");
            } else {
                std::vector<Step> steps = graph_.action(id).plain;
                steps.front().sql += s.shared_lock ? ",\n  ALGORITHM=INPLACE, LOCK=SHARED" : ",\n  ALGORITHM=INPLACE, LOCK=NONE";
                graph_.action(id).online = std::move(steps);
                if (s.shared_lock) {
                    notes_.push_back("ALTER TABLE " + w.name.to_string() +
                                     " builds a FULLTEXT or SPATIAL index (or rebuilds the table with one): in "
                                     "place, but writes wait (LOCK=SHARED)");
                }
            }
        }
    }
    // Partitioning: a statement of its own (PARTITION BY / REMOVE PARTITIONING end an
    // ALTER TABLE and take no other clause with them).
    std::string old_partitioning = attribute(before, attr::partitioning);
    std::string new_partitioning = attribute(after, attr::partitioning);
    if (old_partitioning != new_partitioning) {
        std::string sql = "ALTER TABLE " + qualified(w.name) + " " +
                          (new_partitioning.empty() ? std::string("REMOVE PARTITIONING") : new_partitioning);
        add(k_alter_partitioning, ObjectKey{ObjectKind::table, w.name.schema, w.name.name, {}, {}}, {sql},
            {"alter table " + w.name.to_string() + " (partitioning)"},
            {Hazard{std::string(hazard::k_table_rewrite), "repartitioning copies every row of " + w.name.to_string()},
             Hazard{std::string(hazard::k_copy_algorithm), "repartitioning needs ALGORITHM=COPY"}});
    }
}

bool Planner::column_indexed(const model::Table& table, std::string_view name) const {
    auto same = [&](std::string_view other) { return from_.dialect->names_equal(other, name); };
    for (const auto& c : table.constraints) {
        if (std::any_of(c.columns.begin(), c.columns.end(), same)) {
            return true;
        }
    }
    auto [first, last] = from_indexes_.equal_range(table.name);
    for (auto it = first; it != last; ++it) {
        for (const auto& element : it->second->elements) {
            // An expression key may read the column: not instant either.
            if (same(element.column) || (element.column.empty() && element.expression.text.find(name) != std::string::npos)) {
                return true;
            }
        }
    }
    return false;
}

bool Planner::instant_table(const TableWork& w) const {
    // MariaDB 10.11 refuses ALGORITHM=INSTANT on ROW_FORMAT=COMPRESSED tables, for a table
    // with a FULLTEXT index (its hidden FTS_DOC_ID column), and for other changes in a
    // statement on a table with generated columns ("ADD or DROP of virtual columns cannot
    // be combined with other ALTER TABLE actions").
    for (const model::Table* table : {w.before, w.after}) {
        std::string format = attribute(*table, attr::row_format);
        std::transform(format.begin(), format.end(), format.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (format == "compressed") {
            return false;
        }
        if (std::any_of(table->columns.begin(), table->columns.end(),
                        [](const model::Column& c) { return c.generated != model::GeneratedKind::none; })) {
            return false;
        }
    }
    return !has_index_method(w.before->name, {"fulltext", "spatial"}) &&
           !has_index_method(w.after->name, {"fulltext", "spatial"});
}

void Planner::table_statements() {
    for (auto& [name, w] : tables_) {
        ObjectKey key{ObjectKind::table, name.schema, name.name, {}, {}};
        // Foreign keys that go away or are added again: before anything else changes.
        if (!w.drop_foreign_keys.empty() && w.before != nullptr) {
            Statement s;
            for (const auto* c : w.foreign_key_drop_changes) {
                s.change(*c);
            }
            std::string sql = "ALTER TABLE " + qualified(w.from_name);
            bool first = true;
            for (const auto& [fk_name, fk] : w.drop_foreign_keys) {
                sql += (first ? "\n  " : ",\n  ") + std::string("DROP FOREIGN KEY ") + quote(fk_name);
                first = false;
                bool again = w.add_foreign_keys.contains(fk_name);
                bool own = std::any_of(w.foreign_key_drop_changes.begin(), w.foreign_key_drop_changes.end(),
                                       [&](const Change* c) { return c->key.name == fk_name; });
                if (again && !own) {
                    s.add_change("drop foreign key " + w.name.to_string() + "." + fk_name +
                                 " while a column it uses changes type");
                    s.hazard(hazard::k_dependents_recreated,
                             "foreign key " + fk_name + " is dropped before a column it uses changes type and added "
                                                        "again after");
                }
            }
            add(k_drop_foreign_keys, key, {sql}, s.changes, s.hazards);
        }
        if (w.before != nullptr && w.after != nullptr) {
            main_alter(w);
        }
        if (!w.add_foreign_keys.empty() && w.after != nullptr) {
            Statement s;
            for (const auto* c : w.foreign_key_add_changes) {
                s.change(*c);
            }
            std::string sql = "ALTER TABLE " + qualified(w.name);
            bool first = true;
            for (const auto& [fk_name, fk] : w.add_foreign_keys) {
                sql += (first ? "\n  " : ",\n  ") + std::string("ADD ") + constraint_definition(*fk);
                first = false;
                bool own = std::any_of(w.foreign_key_add_changes.begin(), w.foreign_key_add_changes.end(),
                                       [&](const Change* c) { return c->key.name == fk_name; });
                if (!own) {
                    s.add_change((w.before == nullptr ? "add foreign key " : "add again foreign key ") +
                                 w.name.to_string() + "." + fk_name);
                }
                s.hazard(hazard::k_validation_scan, "foreign key " + fk_name + " is checked against every row of " +
                                                        w.name.to_string());
                if (w.before != nullptr) {
                    s.hazard(hazard::k_copy_algorithm, "adding foreign key " + fk_name +
                                                           " with foreign_key_checks on needs ALGORITHM=COPY");
                }
            }
            add(k_add_foreign_keys, key, {sql}, s.changes, s.hazards);
        }
    }
}

}  // namespace schemerge::synth::mysql
