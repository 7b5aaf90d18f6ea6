// Columns: ADD / DROP COLUMN, type changes, defaults, NOT NULL, identity, generation
// expressions and per-column options.
#include <fmt/format.h>

#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/type_change.hpp"

namespace schemerge::synth::postgres {

namespace {

std::string action_text(model::IdentityKind kind) {
    return kind == model::IdentityKind::always ? "ALWAYS" : "BY DEFAULT";
}

// The storage PostgreSQL gives a column of this type when none is set: PLAIN for
// fixed-length built-ins, EXTENDED for variable-length ones (PostgreSQL 15 has no
// SET STORAGE DEFAULT).
std::string default_storage(const model::TypeRef& type) {
    static const std::set<std::string> k_plain = {
        "smallint", "integer", "bigint", "real", "double precision", "boolean", "date",
        "time without time zone", "timestamp without time zone", "timestamp with time zone", "interval", "uuid",
        "money", "oid", "character", "time with time zone", "macaddr", "macaddr8", "point", "\"char\""};
    if (type.array_dims == 0 && type.name.schema.empty() && k_plain.contains(type.name.name)) {
        return type.name.name == "character" ? "EXTENDED" : "PLAIN";
    }
    return "EXTENDED";
}

}  // namespace

// A column change on a child that its parent's change already carries: ALTER
// TABLE on a parent recurses into partitions and inheritance children.
bool Planner::covered_by_parent(ChangeKind kind, const ObjectKey& column) const {
    const auto* table = to_table(table_of(column));
    if (table == nullptr) {
        table = from_table(table_of(column));
    }
    if (table == nullptr) {
        return false;
    }
    std::vector<QualifiedName> parents = table->inherits;
    if (table->partition_of) {
        parents.push_back(*table->partition_of);
    }
    for (const auto& parent : parents) {
        ObjectKey parent_column = model::table_scoped_key(ObjectKind::column, parent, column.name);
        if (kind == ChangeKind::drop_column && !table->partition_of && drop_keeps_children(parent, column.name)) {
            continue;  // the parent drops it ONLY: each child that loses it drops it itself
        }
        if (has_change(kind, parent_column) || covered_by_parent(kind, parent_column)) {
            return true;
        }
    }
    return false;
}

bool Planner::drop_keeps_children(const QualifiedName& parent, const std::string& column) const {
    const QualifiedName from_parent = original(parent);
    if (!from_parents_.contains(from_parent)) {
        return false;
    }
    for (const auto& [name, child] : from_.tables) {
        if (std::find(child.inherits.begin(), child.inherits.end(), from_parent) == child.inherits.end()) {
            continue;
        }
        const auto* inherited = child.find_column(column);
        if (inherited == nullptr || inherited->is_local || table_is_dropped(current(name))) {
            continue;
        }
        const auto* kept = to_table(current(name));
        if (kept != nullptr && kept->find_column(column) != nullptr) {
            return true;
        }
    }
    return false;
}

void Planner::provide_inherited_adds(std::size_t action, const QualifiedName& table, const std::string& column) {
    if (!to_parents_.contains(table)) {
        return;
    }
    for (const auto& [name, child] : to_.tables) {
        if (std::find(child.inherits.begin(), child.inherits.end(), table) == child.inherits.end() ||
            table_is_new(name)) {
            continue;
        }
        ObjectKey key = model::table_scoped_key(ObjectKind::column, name, column);
        if (!has_change(ChangeKind::add_column, key)) {
            continue;
        }
        provides(action, key);
        provide_inherited_adds(action, name, column);
    }
}

bool Planner::recursion_fits(const QualifiedName& parent, const std::string& column,
                             const std::function<bool(const model::Column&)>& fits) const {
    for (const auto& [name, child] : to_.tables) {
        if (std::find(child.inherits.begin(), child.inherits.end(), parent) == child.inherits.end() ||
            table_is_new(name)) {
            continue;
        }
        const auto* col = child.find_column(column);
        if (col == nullptr) {
            continue;
        }
        if (!fits(*col) || !recursion_fits(name, column, fits)) {
            return false;
        }
    }
    return true;
}

namespace {

// ALTER COLUMN … SET NOT NULL on a table with rows: it scans them under an ACCESS
// EXCLUSIVE lock and fails on a NULL.
std::vector<Hazard> set_not_null_hazards(const std::string& table, const std::string& column) {
    return {make_hazard(hazard::k_not_null_on_existing_column,
                        "the statement fails if a row of " + table + " holds NULL in " + column),
            make_hazard(hazard::k_validation_scan, "table " + table + " is scanned for NULLs"),
            make_hazard(hazard::k_access_exclusive_lock,
                        "table " + table + " is locked against reads and writes during the scan")};
}

bool same_default(const model::Column& a, const model::Column& b) {
    if (a.default_value.has_value() != b.default_value.has_value()) {
        return false;
    }
    return !a.default_value || a.default_value->text == b.default_value->text;
}

}  // namespace

std::string Planner::only_for_children(const QualifiedName& table_name, const std::string& column,
                                       bool not_null) const {
    const auto* table = to_table(table_name);
    const auto* col = table != nullptr ? table->find_column(column) : nullptr;
    if (col == nullptr) {
        return "";
    }
    bool fits = recursion_fits(table_name, column, [&](const model::Column& child) {
        return not_null ? child.not_null == col->not_null : same_default(child, *col);
    });
    return fits ? "" : "ONLY ";
}

bool Planner::reached_by_parent(const ObjectKey& column, bool not_null) const {
    const auto* table = to_table(table_of(column));
    const auto* col = table != nullptr ? table->find_column(column.name) : nullptr;
    if (col == nullptr) {
        return false;
    }
    for (const auto& parent : table->inherits) {
        ObjectKey parent_column = model::table_scoped_key(ObjectKind::column, parent, column.name);
        bool changed = not_null ? has_change(ChangeKind::set_not_null, parent_column) ||
                                      has_change(ChangeKind::drop_not_null, parent_column)
                                : has_change(ChangeKind::set_default, parent_column) ||
                                      has_change(ChangeKind::drop_default, parent_column);
        const auto* parent_table = to_table(parent);
        const auto* from = parent_table != nullptr ? parent_table->find_column(column.name) : nullptr;
        if (!changed || from == nullptr || table_is_new(parent)) {
            continue;
        }
        bool same = not_null ? from->not_null == col->not_null : same_default(*from, *col);
        if (same && only_for_children(parent, column.name, not_null).empty()) {
            return true;
        }
    }
    return false;
}

void Planner::add_column(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    const auto* column = as<model::Column>(change.after);
    const auto* table = to_table(table_name);
    if (column == nullptr || table == nullptr || table_is_new(table_name)) {
        return;
    }
    if (covered_by_parent(ChangeKind::add_column, change.key)) {
        return inherited_column_differences(change, text);
    }
    std::string name = format_name(table_name);
    std::vector<Hazard> hazards;
    bool has_value = column->default_value || column->identity != model::IdentityKind::none ||
                     column->generated != model::GeneratedKind::none;
    if (column->not_null && !has_value) {
        hazards.push_back(make_hazard(hazard::k_not_null_on_existing_column,
                                 "column " + column->name + " is NOT NULL without a default: the statement fails if " +
                                     name + " has rows"));
    }
    bool rewrite = column->identity != model::IdentityKind::none ||
                   column->generated != model::GeneratedKind::none ||
                   (column->default_value && is_volatile_expression(*column->default_value, to_));
    if (rewrite) {
        hazards.push_back(make_hazard(hazard::k_table_rewrite,
                                 "table " + name + " is rewritten to fill column " + column->name +
                                     " (volatile default, identity or stored generated column)"));
        hazards.push_back(make_hazard(hazard::k_access_exclusive_lock,
                                 "table " + name + " is locked against reads and writes while it is rewritten"));
    }
    std::vector<std::string> sql{"ALTER TABLE " + name + " ADD COLUMN " + column_definition(*table, *column)};
    model::Table only_this = *table;
    only_this.columns = {*column};
    for (auto& extra : column_extras(only_this)) {
        sql.push_back(std::move(extra));
    }
    append_metadata(sql, column->meta, "COLUMN " + column_target(table_name, column->name), "", meta_options());
    // Sorted by table, then in declaration order (the change order).
    std::size_t a = add(k_add_column, model::object_key(ObjectKind::table, table_name), sql, text, hazards);
    provides(a, change.key);
    if (column->default_value) {
        provides(a, default_key(change.key));
    }
    provide_inherited_adds(a, table_name, column->name);
}

void Planner::inherited_column_differences(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    const auto* column = as<model::Column>(change.after);
    // The ancestor whose own ADD COLUMN brings it (the first parent's line).
    std::function<std::optional<ObjectKey>(const QualifiedName&)> origin =
        [&](const QualifiedName& name) -> std::optional<ObjectKey> {
        const auto* table = to_table(name);
        if (table == nullptr) {
            return std::nullopt;
        }
        for (const auto& parent : table->inherits) {
            ObjectKey key = model::table_scoped_key(ObjectKind::column, parent, change.key.name);
            if (!has_change(ChangeKind::add_column, key)) {
                continue;
            }
            if (!covered_by_parent(ChangeKind::add_column, key)) {
                return key;
            }
            if (auto found = origin(parent)) {
                return found;
            }
        }
        return std::nullopt;
    };
    auto root = origin(table_name);
    const auto* root_table = root ? to_table(table_of(*root)) : nullptr;
    const auto* given = root_table != nullptr ? root_table->find_column(change.key.name) : nullptr;
    if (column == nullptr || given == nullptr) {
        return;
    }
    std::string name = format_name(table_name);
    std::string prefix = "ALTER TABLE ONLY " + name + " ALTER COLUMN " + quote_identifier(column->name);
    if (!same_default(*column, *given)) {
        std::size_t a = add(column->default_value ? k_set_default : k_drop_default, change.key,
                            {column->default_value ? prefix + " SET DEFAULT " + column->default_value->text
                                                   : prefix + " DROP DEFAULT"},
                            text);
        after_providers(a, *root);
        if (column->default_value) {
            provides(a, default_key(change.key));
        }
    }
    if (column->not_null && !given->not_null) {
        std::size_t a = add(k_set_not_null, change.key,
                            std::vector<Step>{make_step(
                                prefix + " SET NOT NULL", text, set_not_null_hazards(name, column->name))});
        after_providers(a, *root);
        if (!same_default(*column, *given)) {
            after_providers(a, default_key(change.key));
        }
    }
}

void Planner::drop_column(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    const auto* column = as<model::Column>(change.before);
    if (column == nullptr || table_is_dropped(table_name) || covered_by_parent(ChangeKind::drop_column, change.key)) {
        return;
    }
    std::string name = format_name(table_name);
    // Children keeping a column they only inherit: ONLY here (theirs becomes their own),
    // each child losing it drops it itself, after this.
    const bool only = to_table(table_name) != nullptr && drop_keeps_children(table_name, column->name);
    std::size_t a =
        add(k_drop_column, change.key,
            {"ALTER TABLE " + std::string(only ? "ONLY " : "") + name + " DROP COLUMN " +
             quote_identifier(column->name)},
            text,
            {make_hazard(hazard::k_data_loss, "column " + column->name + " of " + name + " and its values are dropped")});
    removes(a, from_side(change.key));
    removes(a, default_key(from_side(change.key)));
    graph_.span(change.key, a, a);
    column_drops_[original(table_name)].push_back(a);
    if (!column->is_local) {
        if (const auto* before = from_table(table_name)) {
            for (const auto& parent : before->inherits) {
                after_parent_drops_.emplace_back(a, model::table_scoped_key(ObjectKind::column, parent, column->name));
            }
        }
    }
}

void Planner::alter_column_type(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    const auto* before = as<model::Column>(change.before);
    const auto* after = as<model::Column>(change.after);
    const auto* table = to_table(table_name);
    if (before == nullptr || after == nullptr || table == nullptr ||
        covered_by_parent(ChangeKind::alter_column_type, change.key)) {
        return;
    }
    std::string name = format_name(table_name);
    TypeChangeImpact impact = classify_type_change(before->type, after->type);
    bool type_changed = before->type != after->type;
    std::vector<Hazard> hazards;
    if (type_changed && impact.data_loss) {
        hazards.push_back(make_hazard(hazard::k_data_loss, "column " + after->name + ": " + impact.reason));
    }
    bool rewrite = type_changed ? impact.rewrite : false;
    if (rewrite) {
        hazards.push_back(make_hazard(hazard::k_table_rewrite,
                                 "table " + name + " and its indexes are rewritten to convert column " + after->name));
    } else if (!type_changed) {
        hazards.push_back(make_hazard(hazard::k_table_rewrite,
                                 "indexes on column " + after->name + " of " + name + " are rebuilt"));
    }
    hazards.push_back(make_hazard(hazard::k_access_exclusive_lock,
                             "table " + name + " is locked against reads and writes during the change"));
    // A user type being recreated converts through text from the renamed old type.
    bool recreated = before->type.name == after->type.name && !before->type.name.schema.empty() &&
                     has_change(ChangeKind::recreate_type, model::object_key(ObjectKind::type, after->type.name));
    std::size_t a = add(k_alter_column_type, change.key,
                        column_type_steps(*table, *before, *after, text, hazards, recreated));
    removes(a, from_side(change.key), false);
    provides(a, change.key, false);
    graph_.span(change.key, a, a);
}

// ALTER COLUMN ... TYPE, with the default dropped first and set again after when
// it might not convert (always for a recreated type: the default names the old one).
std::vector<Step> Planner::column_type_steps(const model::Table& table, const model::Column& before,
                                    const model::Column& after, const std::string& text,
                                    std::vector<Hazard> hazards, bool recreated) {
    std::string prefix = "ALTER TABLE " + format_name(table.name) + " ALTER COLUMN " + quote_identifier(after.name);
    ObjectKey key = model::table_scoped_key(ObjectKind::column, table.name, after.name);
    bool risky_default = recreated || classify_type_change(before.type, after.type).data_loss;
    bool diff_drops_default = has_change(ChangeKind::drop_default, key);
    bool diff_sets_default = has_change(ChangeKind::set_default, key);
    std::vector<Step> steps;
    bool reset = before.default_value && risky_default && !diff_drops_default;
    if (reset) {
        steps.push_back(make_step(prefix + " DROP DEFAULT", text));
    }
    std::string type = format_type(after.type);
    std::string sql = prefix + " TYPE " + type;
    if (before.collation != after.collation) {
        sql += " COLLATE " + (after.collation ? format_name(*after.collation) : std::string("pg_catalog.\"default\""));
    }
    sql += " USING " + quote_identifier(after.name) + (recreated ? "::text::" : "::") + type;
    steps.push_back(make_step(sql, text, std::move(hazards)));
    if (reset && after.default_value && !diff_sets_default) {
        steps.push_back(make_step(prefix + " SET DEFAULT " + after.default_value->text, text));
    }
    return steps;
}

void Planner::column_default(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    const auto* after = as<model::Column>(change.after);
    if (table_is_dropped(table_name) || table_is_new(table_name) || column_dropped(change.key) ||
        has_change(ChangeKind::add_column, change.key) || reached_by_parent(change.key, false)) {
        return;
    }
    std::string prefix = "ALTER TABLE " + only_for_children(table_name, change.key.name, false) +
                         format_name(table_name) + " ALTER COLUMN " + quote_identifier(change.key.name);
    if (change.kind == ChangeKind::set_default && after != nullptr && after->default_value) {
        std::size_t a = add(k_set_default, change.key, {prefix + " SET DEFAULT " + after->default_value->text}, text);
        removes(a, from_side(change.key), false);
        removes(a, default_key(from_side(change.key)), false);
        provides(a, change.key, false);
        provides(a, default_key(change.key));
        // The old default goes with it.
        graph_.drops(a, default_key(change.key));
    } else {
        std::size_t a = add(k_drop_default, change.key, {prefix + " DROP DEFAULT"}, text);
        removes(a, from_side(change.key), false);
        removes(a, default_key(from_side(change.key)));
    }
}

std::string Planner::not_null_check_name(const QualifiedName& table, const std::string& column) const {
    return identifier_limit(table.name + "_" + column + "_not_null");
}

void Planner::set_not_null(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    if (table_is_new(table_name) || has_change(ChangeKind::add_column, change.key) ||
        reached_by_parent(change.key, true)) {
        return;
    }
    std::string name = format_name(table_name);
    std::string column = quote_identifier(change.key.name);
    std::string only = only_for_children(table_name, change.key.name, true);
    std::string prefix = "ALTER TABLE " + only + name + " ALTER COLUMN " + column;
    std::size_t a = add(k_set_not_null, change.key,
                        std::vector<Step>{make_step(
                            prefix + " SET NOT NULL", text, set_not_null_hazards(name, change.key.name))});
    provides(a, change.key, false);
    // Online: a NOT VALID check is added in the transaction, validated afterwards
    // without blocking writes, and SET NOT NULL then uses it instead of scanning
    // (PostgreSQL 12+).
    std::string check = quote_identifier(not_null_check_name(table_name, change.key.name));
    auto& online = graph_.action(a).online;
    online.push_back(make_step("ALTER TABLE " + only + name + " ADD CONSTRAINT " + check + " CHECK (" + column +
                                   " IS NOT NULL)" + (only.empty() ? "" : " NO INHERIT") + " NOT VALID",
                               text));
    online.push_back(make_step("ALTER TABLE " + name + " VALIDATE CONSTRAINT " + check, text,
                               {make_hazard(hazard::k_not_null_on_existing_column,
                                       "validation fails if a row of " + name + " holds NULL in " + change.key.name),
                                make_hazard(hazard::k_validation_scan,
                                       "table " + name + " is scanned without blocking reads or writes")},
                               false));
    online.push_back(make_step(prefix + " SET NOT NULL", text, {}, false));
    online.push_back(make_step("ALTER TABLE " + only + name + " DROP CONSTRAINT " + check, text, {}, false));
    graph_.action(a).online_late = true;
}

void Planner::drop_not_null(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    if (table_is_dropped(table_name) || column_dropped(change.key) || table_is_new(table_name) ||
        reached_by_parent(change.key, true)) {
        return;
    }
    std::size_t a = add(k_drop_not_null, change.key,
                        {"ALTER TABLE " + only_for_children(table_name, change.key.name, true) +
                         format_name(table_name) + " ALTER COLUMN " +
                         quote_identifier(change.key.name) + " DROP NOT NULL"},
                        text);
    // PostgreSQL refuses while the column is in the primary key.
    provides(a, change.key, false);
    not_null_drops_.push_back(a);
}

void Planner::alter_identity(const Change& change, const std::string& text) {
    const auto* before = as<model::Column>(change.before);
    const auto* after = as<model::Column>(change.after);
    QualifiedName table_name = table_of(change.key);
    const auto* table = to_table(table_name);
    if (before == nullptr || after == nullptr || table == nullptr || table_is_new(table_name)) {
        return;
    }
    std::string prefix = "ALTER TABLE " + format_name(table_name) + " ALTER COLUMN " + quote_identifier(after->name);
    std::vector<Step> steps;
    if (after->identity == model::IdentityKind::none) {
        steps.push_back(make_step(prefix + " DROP IDENTITY", text));
    } else if (before->identity == model::IdentityKind::none || before->identity_sequence != after->identity_sequence) {
        if (before->identity != model::IdentityKind::none) {
            steps.push_back(make_step(prefix + " DROP IDENTITY", text));
        }
        std::string options;
        if (!after->identity_sequence.empty()) {
            QualifiedName sequence = after->identity_sequence.find('.') == std::string::npos
                                         ? QualifiedName{table_name.schema, after->identity_sequence}
                                         : model::ObjectResolver::parse_name(after->identity_sequence);
            options += " SEQUENCE NAME " + format_name(sequence);
        }
        options += sequence_options(after->identity_options, " ");
        std::string sql = prefix + " ADD GENERATED " + action_text(after->identity) + " AS IDENTITY";
        if (!options.empty()) {
            sql += " (" + options.substr(1) + ")";
        }
        steps.push_back(make_step(sql, text));
    } else {
        std::vector<std::string> clauses;
        if (before->identity != after->identity) {
            clauses.push_back("SET GENERATED " + action_text(after->identity));
        }
        for (const auto& clause : sequence_option_changes(before->identity_options, after->identity_options, false)) {
            clauses.push_back("SET " + clause);
        }
        if (before->identity_options->data_type != after->identity_options->data_type) {
            clauses.push_back("SET AS " + (after->identity_options->data_type
                                               ? format_type(*after->identity_options->data_type)
                                               : format_type(after->type)));
        }
        if (!clauses.empty()) {
            steps.push_back(make_step(prefix + " " + join(clauses, " "), text));
        }
    }
    if (steps.empty()) {
        return;
    }
    std::size_t a = add(k_alter_identity, change.key, std::move(steps));
    provides(a, change.key, false);
    // ADD GENERATED needs the column NOT NULL and without a default first.
    identity_actions_.emplace_back(a, change.key);
}

void Planner::alter_generated(const Change& change, const std::string& text) {
    const auto* before = as<model::Column>(change.before);
    const auto* after = as<model::Column>(change.after);
    QualifiedName table_name = table_of(change.key);
    const auto* table = to_table(table_name);
    if (before == nullptr || after == nullptr || table == nullptr || table_is_new(table_name)) {
        return;
    }
    std::string name = format_name(table_name);
    std::string prefix = "ALTER TABLE " + name;
    if (after->generated == model::GeneratedKind::none) {
        std::size_t a = add(k_alter_generated, change.key,
                            {prefix + " ALTER COLUMN " + quote_identifier(after->name) + " DROP EXPRESSION"}, text);
        provides(a, change.key, false);
        return;
    }
    // PostgreSQL 15 cannot add or change a generation expression in place: the
    // column is dropped and added again (its values are recomputed).
    std::vector<std::string> sql{prefix + " DROP COLUMN " + quote_identifier(before->name),
                                 prefix + " ADD COLUMN " + column_definition(*table, *after)};
    append_metadata(sql, after->meta, "COLUMN " + column_target(table_name, after->name), "", meta_options());
    std::vector<Hazard> hazards{
        make_hazard(hazard::k_data_loss, "column " + after->name + " of " + name +
                                        " is dropped and added again as a generated column: its stored values are "
                                        "replaced by computed ones (and it moves to the end of the table)"),
        make_hazard(hazard::k_table_rewrite, "table " + name + " is rewritten to compute column " + after->name),
        make_hazard(hazard::k_access_exclusive_lock, "table " + name + " is locked while it is rewritten")};
    std::size_t a = add(k_alter_generated, change.key, sql, text, hazards);
    removes(a, from_side(change.key), false);
    provides(a, change.key, false);
    graph_.span(change.key, a, a);
}

void Planner::alter_column_options(const Change& change, const std::string& text) {
    const auto* before = as<model::Column>(change.before);
    const auto* after = as<model::Column>(change.after);
    QualifiedName table_name = table_of(change.key);
    if (before == nullptr || after == nullptr || table_is_new(table_name)) {
        return;
    }
    std::string prefix = "ALTER TABLE " + format_name(table_name) + " ALTER COLUMN " + quote_identifier(after->name);
    std::vector<std::string> sql;
    const model::AttributeSet& was = before->meta.attributes;
    const model::AttributeSet& now = after->meta.attributes;
    if (was.integer(attr::column_statistics) != now.integer(attr::column_statistics)) {
        sql.push_back(fmt::format("{} SET STATISTICS {}", prefix, now.integer(attr::column_statistics).value_or(-1)));
    }
    if (const auto& storage = now.text(attr::column_storage); was.text(attr::column_storage) != storage) {
        sql.push_back(prefix + " SET STORAGE " + (storage.empty() ? default_storage(after->type) : storage));
    }
    if (const auto& compression = now.text(attr::column_compression); was.text(attr::column_compression) != compression) {
        sql.push_back(prefix + " SET COMPRESSION " + (compression.empty() ? "default" : compression));
    }
    const model::AttributeOptions& old_options = was.options(attr::column_options);
    const model::AttributeOptions& new_options = now.options(attr::column_options);
    if (old_options != new_options) {
        std::vector<std::string> reset;
        for (const auto& [option, value] : old_options) {
            bool kept = std::any_of(new_options.begin(), new_options.end(),
                                    [&](const auto& o) { return o.first == option; });
            if (!kept) {
                reset.push_back(option);
            }
        }
        if (!reset.empty()) {
            sql.push_back(prefix + " RESET (" + join(reset, ", ") + ")");
        }
        if (!new_options.empty()) {
            sql.push_back(prefix + " SET (" + format_reloptions(new_options) + ")");
        }
    }
    if (!sql.empty()) {
        add(k_column_options, change.key, sql, text);
    }
}

}  // namespace schemerge::synth::postgres
