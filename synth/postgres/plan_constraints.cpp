// Constraints: ADD / DROP / VALIDATE CONSTRAINT, with the online forms.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

// ADD CONSTRAINT (plus its comment), with the online form where it helps: a
// table created by the plan is empty, so it needs neither hazards nor tricks.
std::size_t Planner::add_constraint_action(const model::Table& table, const model::Constraint& constraint,
                                  const std::string& text, bool new_table) {
    std::string name = format_name(table.name);
    ObjectKey key = model::table_scoped_key(ObjectKind::constraint, table.name, constraint.name);
    bool foreign = constraint.kind == model::ConstraintKind::foreign_key;
    std::vector<Hazard> hazards;
    if (!new_table && !constraint.not_valid) {
        switch (constraint.kind) {
            case model::ConstraintKind::foreign_key:
                hazards.push_back(make_hazard(hazard::k_validation_scan,
                                         "table " + name + " is scanned to check every row against " +
                                             format_name(constraint.ref_table) +
                                             "; both tables are locked against writes meanwhile"));
                break;
            case model::ConstraintKind::check:
                hazards.push_back(make_hazard(hazard::k_validation_scan, "table " + name + " is scanned to check every row"));
                hazards.push_back(make_hazard(hazard::k_access_exclusive_lock,
                                         "table " + name + " is locked against reads and writes during the scan"));
                break;
            default:
                hazards.push_back(make_hazard(hazard::k_validation_scan,
                                         "an index is built on " + name + " and every row is checked"));
                hazards.push_back(make_hazard(hazard::k_access_exclusive_lock,
                                         "table " + name + " is locked against reads and writes during the build"));
                break;
        }
    }
    std::vector<std::string> sql{add_constraint(table, constraint)};
    append_metadata(sql, constraint.meta, constraint_comment_target(table.name, constraint), "", meta_options());
    std::size_t a = add(foreign ? k_add_foreign_key : k_add_constraint, key, sql, text, hazards);
    provides(a, key);
    constraint_adds_[table.name].push_back(a);
    if (new_table || constraint.not_valid) {
        return a;
    }
    auto& online = graph_.action(a).online;
    std::string prefix = "ALTER TABLE " + name;
    if (foreign || constraint.kind == model::ConstraintKind::check) {
        // NOT VALID takes the lock only briefly; VALIDATE CONSTRAINT scans under a
        // lock that lets reads and writes continue, after the transaction commits.
        model::Constraint not_valid = constraint;
        not_valid.not_valid = true;
        online.push_back(make_step(add_constraint(table, not_valid), text));
        online.push_back(make_step(prefix + " VALIDATE CONSTRAINT " + quote_identifier(constraint.name), text,
                                   {make_hazard(hazard::k_validation_scan,
                                           "table " + name + " is scanned without blocking reads or writes")},
                                   false));
    } else if ((constraint.kind == model::ConstraintKind::primary_key ||
                constraint.kind == model::ConstraintKind::unique) &&
               table.partition_strategy == model::PartitionStrategy::none && constraint.index_tablespace.empty()) {
        // Build the unique index without blocking writes, then attach it.
        model::Index index;
        index.name = {table.name.schema, constraint.name};
        index.table = table.name;
        index.unique = true;
        index.nulls_not_distinct = constraint.nulls_not_distinct;
        for (const auto& column : constraint.columns) {
            model::IndexElement element;
            element.column = column;
            index.elements.push_back(element);
        }
        index.include = constraint.include;
        index.meta.attributes.set(attr::index_options, constraint.meta.attributes.options(attr::constraint_index_options));
        online.push_back(make_step(concurrently(create_index(index)), text,
                                   {make_hazard(hazard::k_validation_scan,
                                           "the unique index is built without blocking writes; it fails on "
                                           "duplicates and leaves an invalid index to drop")},
                                   false));
        std::string kind = constraint.kind == model::ConstraintKind::primary_key ? "PRIMARY KEY" : "UNIQUE";
        std::string attach = prefix + " ADD CONSTRAINT " + quote_identifier(constraint.name) + " " + kind +
                             " USING INDEX " + quote_identifier(constraint.name);
        if (constraint.deferrable) {
            attach += " DEFERRABLE";
            if (constraint.initially_deferred) {
                attach += " INITIALLY DEFERRED";
            }
        }
        online.push_back(make_step(attach, text, {}, false));
        for (std::size_t i = 1; i < sql.size(); ++i) {
            online.push_back(make_step(sql[i], text, {}, false));
        }
        graph_.action(a).online_late = true;
    }
    return a;
}

void Planner::add_constraint_change(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    const auto* constraint = as<model::Constraint>(change.after);
    const auto* table = to_table(table_name);
    if (constraint == nullptr || table == nullptr) {
        return;
    }
    if (table_is_new(table_name) && !has_change(ChangeKind::drop_table, model::object_key(ObjectKind::table, table_name))) {
        // create_table adds it unless the diff lists it (then here, once).
        if (constraint_placement(to_, *table, *constraint) == ConstraintPlacement::inline_check) {
            return;
        }
    }
    if (constraint_placement(to_, *table, *constraint) == ConstraintPlacement::inherited) {
        return;  // the parent's ADD CONSTRAINT recurses into this table
    }
    bool new_table = table_is_new(table_name);
    add_constraint_action(*table, *constraint, text, new_table);
}

void Planner::drop_constraint_change(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    const auto* constraint = as<model::Constraint>(change.before);
    if (constraint == nullptr || table_is_dropped(table_name)) {
        return;
    }
    if (const auto* old_table = from_table(table_name)) {
        if (constraint_placement(from_, *old_table, *constraint) == ConstraintPlacement::inherited &&
            parent_drops_constraint(*old_table, constraint->name)) {
            return;  // dropped with the parent's
        }
    }
    bool foreign = constraint->kind == model::ConstraintKind::foreign_key;
    std::size_t a = add(foreign ? k_drop_foreign_key : k_drop_constraint, change.key,
                        {"ALTER TABLE " + format_name(table_name) + " DROP CONSTRAINT " +
                         quote_identifier(constraint->name)},
                        text);
    removes(a, from_side(change.key));
    constraint_drops_[original(table_name)].push_back(a);
}

bool Planner::parent_drops_constraint(const model::Table& table, const std::string& name) const {
    std::vector<QualifiedName> parents = table.inherits;
    if (table.partition_of) {
        parents.push_back(*table.partition_of);
    }
    for (const auto& parent : parents) {
        ObjectKey key = model::table_scoped_key(ObjectKind::constraint, current(parent), name);
        if (has_change(ChangeKind::drop_constraint, key) || table_is_dropped(current(parent))) {
            return true;
        }
    }
    return false;
}

void Planner::validate_constraint(const Change& change, const std::string& text) {
    QualifiedName table_name = table_of(change.key);
    std::string name = format_name(table_name);
    std::size_t a = add(k_validate_constraint, change.key,
                        std::vector<Step>{make_step(
                            "ALTER TABLE " + name + " VALIDATE CONSTRAINT " + quote_identifier(change.key.name), text,
                            {make_hazard(hazard::k_validation_scan,
                                    "table " + name + " is scanned (reads and writes continue)")})});
    provides(a, change.key, false);
}

}  // namespace schemerge::synth::postgres
