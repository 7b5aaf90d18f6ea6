// Tables: CREATE / DROP / RENAME, table options, inheritance and partitions, row-level
// security and replica identity.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

void Planner::create_table_change(const Change& change, const std::string& text) {
    const auto* table = as<model::Table>(change.after);
    if (table == nullptr) {
        return;
    }
    std::vector<std::string> sql{create_table(to_, *table)};
    std::string target = "TABLE " + format_name(table->name);
    append_metadata(sql, table->meta, target, target, meta_options(), created_acl(ObjectKind::table, table->name));
    for (const auto& column : table->columns) {
        append_metadata(sql, column.meta, "COLUMN " + column_target(table->name, column.name), "", meta_options());
    }
    for (auto& extra : column_extras(*table)) {
        sql.push_back(std::move(extra));
    }
    for (auto& extra : inherited_column_extras(to_, *table)) {
        sql.push_back(std::move(extra));
    }
    std::size_t a = add(k_create_table, change.key, sql, text);
    provides(a, change.key);
    for (const auto& column : table->columns) {
        provides(a, model::table_scoped_key(ObjectKind::column, table->name, column.name));
        if (column.default_value) {
            provides(a, default_key(model::table_scoped_key(ObjectKind::column, table->name, column.name)));
        }
    }
    if (uses_attach_partition(*table)) {
        std::size_t attach = add(k_attach_partition, change.key, {attach_partition(*table)}, text);
        order(a, attach);
        after_providers(attach, model::object_key(ObjectKind::table, *table->partition_of));
        attach_actions_[table->name] = attach;
    }
    for (const auto& constraint : table->constraints) {
        auto placement = constraint_placement(to_, *table, constraint);
        ObjectKey con = model::table_scoped_key(ObjectKind::constraint, table->name, constraint.name);
        if (placement == ConstraintPlacement::inline_check) {
            std::vector<std::string> comment;
            append_metadata(comment, constraint.meta, constraint_comment_target(table->name, constraint), "",
                            meta_options());
            for (auto& statement : comment) {
                graph_.action(a).plain.push_back(make_step(statement, text));
            }
            provides(a, con);
            continue;
        }
        if (placement == ConstraintPlacement::inherited || has_change(ChangeKind::add_constraint, con)) {
            continue;
        }
        std::size_t c = add_constraint_action(*table, constraint, text, true);
        order(a, c);
    }
    for (auto& statement : table_security(*table)) {
        std::size_t late = add(k_alter_table, change.key, {statement}, text);
        order(a, late);
    }
    if (auto identity = replica_identity(*table); !identity.empty()) {
        std::size_t late = add(k_table_late, change.key, {identity}, text);
        order(a, late);
        replica_identity_needs(late, *table);
    }
}

void Planner::replica_identity_needs(std::size_t action, const model::Table& table) {
    if (std::string index = replica_identity_index(table); !index.empty()) {
        after_providers(action, model::object_key(ObjectKind::index, {table.name.schema, index}));
        after_providers(action, model::table_scoped_key(ObjectKind::constraint, table.name, index));
    }
}

// Foreign keys among tables dropped together that would otherwise make each
// drop wait for the other (a cycle): dropped separately, first.
void Planner::drop_table_change(const Change& change, const std::string& text) {
    const auto* table = as<model::Table>(change.before);
    if (table == nullptr) {
        return;
    }
    std::size_t a = add(k_drop_table, change.key, {"DROP TABLE " + format_name(table->name)}, text,
                        {make_hazard(hazard::k_data_loss,
                                "table " + format_name(table->name) + " and all its rows are dropped")});
    removes(a, change.key);
    for (const auto& column : table->columns) {
        removes(a, model::table_scoped_key(ObjectKind::column, table->name, column.name));
    }
    for (const auto& constraint : table->constraints) {
        ObjectKey con = model::table_scoped_key(ObjectKind::constraint, table->name, constraint.name);
        if (constraint.kind == model::ConstraintKind::foreign_key && constraint.ref_table != table->name &&
            dropped_tables_.contains(constraint.ref_table) && fk_cycle(constraint.ref_table, table->name)) {
            std::size_t fk = add(k_drop_foreign_key, con,
                                 {"ALTER TABLE " + format_name(table->name) + " DROP CONSTRAINT " +
                                  quote_identifier(constraint.name)},
                                 text);
            removes(fk, con);
            order(fk, a);
            continue;
        }
        removes(a, con);
    }
    for (const auto& [name, index] : from_.indexes) {
        if (index.table == table->name) {
            removes(a, model::object_key(ObjectKind::index, name));
        }
    }
    for (const auto& [id, trigger] : from_.triggers) {
        if (id.table == table->name) {
            removes(a, model::table_scoped_key(ObjectKind::trigger, id.table, id.name));
        }
    }
    for (const auto& [id, policy] : from_.policies) {
        if (id.table == table->name) {
            removes(a, model::table_scoped_key(ObjectKind::policy, id.table, id.name));
        }
    }
}

// Can `start` reach `target` through foreign keys among the dropped tables?
bool Planner::fk_cycle(const QualifiedName& start, const QualifiedName& target) const {
    std::set<QualifiedName> seen;
    std::vector<QualifiedName> work{start};
    while (!work.empty()) {
        QualifiedName name = work.back();
        work.pop_back();
        if (name == target) {
            return true;
        }
        if (!seen.insert(name).second) {
            continue;
        }
        const auto* table = table_in(from_, name);
        if (table == nullptr) {
            continue;
        }
        for (const auto& constraint : table->constraints) {
            if (constraint.kind == model::ConstraintKind::foreign_key &&
                dropped_tables_.contains(constraint.ref_table)) {
                work.push_back(constraint.ref_table);
            }
        }
    }
    return false;
}

void Planner::rename(const Change& change, const std::string& text) {
    const ObjectKey& key = change.key;
    std::string sql;
    switch (change.kind) {
        case ChangeKind::rename_table:
            sql = "ALTER TABLE " + format_name({key.schema, change.old_name}) + " RENAME TO " +
                  quote_identifier(key.name);
            break;
        case ChangeKind::rename_column:
            sql = "ALTER TABLE " + format_name(table_of(key)) + " RENAME COLUMN " + quote_identifier(change.old_name) +
                  " TO " + quote_identifier(key.name);
            break;
        case ChangeKind::rename_constraint:
            sql = "ALTER TABLE " + format_name(table_of(key)) + " RENAME CONSTRAINT " +
                  quote_identifier(change.old_name) + " TO " + quote_identifier(key.name);
            break;
        case ChangeKind::rename_index:
            sql = "ALTER INDEX " + format_name({key.schema, change.old_name}) + " RENAME TO " +
                  quote_identifier(key.name);
            break;
        default: return;
    }
    // Table renames first, then the columns, constraints and indexes in them.
    int rank = change.kind == ChangeKind::rename_table ? k_rename : k_rename + 1;
    add(rank, key, {sql}, text);
}

void Planner::alter_table(const Change& change, const std::string& text) {
    const auto* before = as<model::Table>(change.before);
    const auto* after = as<model::Table>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    std::string name = format_name(after->name);
    std::string prefix = "ALTER TABLE " + name;
    const ObjectKey& key = change.key;
    const model::AttributeSet& was = before->meta.attributes;
    const model::AttributeSet& now = after->meta.attributes;
    auto changed = [&](const model::AttributeDef& def) {
        const auto* b = was.find(def);
        const auto* a = now.find(def);
        return b == nullptr || a == nullptr ? b != a : !(*b == *a);
    };
    std::vector<Step> main;
    if (before->persistence != after->persistence) {
        main.push_back(make_step(
            prefix + (after->persistence == model::Persistence::unlogged ? " SET UNLOGGED" : " SET LOGGED"), text,
            {make_hazard(hazard::k_table_rewrite, "table " + name + " is rewritten"),
             make_hazard(hazard::k_access_exclusive_lock, "table " + name + " is locked while it is rewritten")}));
    }
    if (changed(attr::access_method)) {
        const std::string& method = now.text(attr::access_method);
        main.push_back(make_step(
            prefix + " SET ACCESS METHOD " + quote_identifier(method.empty() ? std::string("heap") : method),
            text,
            {make_hazard(hazard::k_table_rewrite, "table " + name + " is rewritten"),
             make_hazard(hazard::k_access_exclusive_lock, "table " + name + " is locked while it is rewritten")}));
    }
    if (before->tablespace != after->tablespace) {
        main.push_back(make_step(
            prefix + " SET TABLESPACE " +
                quote_identifier(after->tablespace.empty() ? std::string("pg_default") : after->tablespace),
            text,
            {make_hazard(hazard::k_access_exclusive_lock,
                    "table " + name + " is locked while its files are copied to the new tablespace")}));
    }
    if (changed(attr::table_options)) {
        for (auto& statement :
             reloption_changes(prefix, was.options(attr::table_options), now.options(attr::table_options))) {
            main.push_back(make_step(std::move(statement), text));
        }
    }
    std::vector<QualifiedName> left;  // parents this table stops inheriting from (`from` names)
    for (const auto& parent : before->inherits) {
        QualifiedName renamed = current(parent);
        if (std::find(after->inherits.begin(), after->inherits.end(), renamed) == after->inherits.end()) {
            main.push_back(make_step(prefix + " NO INHERIT " + format_name(renamed), text));
            left.push_back(parent);
        }
    }
    for (const auto& parent : after->inherits) {
        bool had = std::any_of(before->inherits.begin(), before->inherits.end(),
                               [&](const auto& p) { return current(p) == parent; });
        if (!had) {
            main.push_back(make_step(
                prefix + " INHERIT " + format_name(parent), text,
                {make_hazard(hazard::k_validation_scan, "the parent's constraints are checked against " + name)}));
        }
    }
    const std::string& cluster_on = now.text(attr::cluster_on);
    if (changed(attr::cluster_on)) {
        main.push_back(make_step(cluster_on.empty() ? prefix + " SET WITHOUT CLUSTER"
                                                    : prefix + " CLUSTER ON " + quote_identifier(cluster_on),
                                 text));
    }
    if (!main.empty()) {
        std::size_t a = add(k_alter_table, key, std::move(main));
        // DROP TABLE of a parent is refused while a child still inherits from it.
        for (const auto& parent : left) {
            graph_.before_removers(a, model::object_key(ObjectKind::table, parent));
        }
        if (!cluster_on.empty()) {
            after_providers(a, model::object_key(ObjectKind::index, {after->name.schema, cluster_on}));
            after_providers(a, model::table_scoped_key(ObjectKind::constraint, after->name, cluster_on));
        }
    }
    // Partitions: detach before anything else touches the old parent, attach once
    // the table has the parent's columns.
    std::optional<QualifiedName> old_parent;
    if (before->partition_of) {
        old_parent = current(*before->partition_of);
    }
    bool partition_changed = old_parent != after->partition_of ||
                             (after->partition_of && before->partition_bound != after->partition_bound);
    if (partition_changed && old_parent) {
        std::size_t detach = add(k_detach_partition, key,
                                 {"ALTER TABLE " + format_name(*old_parent) + " DETACH PARTITION " + name}, text);
        graph_.before_removers(detach, model::object_key(ObjectKind::table, *before->partition_of));
    }
    if (partition_changed && after->partition_of) {
        std::size_t attach =
            add(k_attach_partition, key,
                {"ALTER TABLE " + format_name(*after->partition_of) + " ATTACH PARTITION " + name + " " +
                 after->partition_bound},
                text,
                {make_hazard(hazard::k_validation_scan,
                        "table " + name + " is scanned to check the partition bound unless a constraint implies it")});
        after_providers(attach, model::object_key(ObjectKind::table, *after->partition_of));
        attach_actions_[after->name] = attach;
    }
    // Row-level security and replica identity once policies and indexes exist.
    std::vector<Step> late;
    if (changed(attr::row_security)) {
        late.push_back(make_step(
            prefix + (now.flag(attr::row_security) ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY", text));
    }
    if (changed(attr::force_row_security)) {
        late.push_back(make_step(
            prefix + (now.flag(attr::force_row_security) ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY", text));
    }
    if (changed(attr::replica_identity)) {
        std::string identity = replica_identity(*after);
        late.push_back(make_step(identity.empty() ? "ALTER TABLE ONLY " + name + " REPLICA IDENTITY DEFAULT" : identity,
                                 text));
    }
    if (!late.empty()) {
        std::size_t a = add(k_table_late, key, std::move(late));
        replica_identity_needs(a, *after);
    }
}

}  // namespace schemerge::synth::postgres
