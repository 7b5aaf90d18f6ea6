// Migration planning for MySQL 8 and MariaDB 10.11: the frame (the scan of the changes,
// the dispatch of table changes to plan_tables.cpp), the objects other than tables
// (databases, views, routines, triggers, verbatim statements) and render_sql.
#include "synth/mysql/migration_planner.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "diff/two_way_diff.hpp"
#include "parser/mysql/dialect_traits.hpp"
#include "synth/mysql/planner.hpp"
#include "synth/mysql/sql_format.hpp"
#include "synth/plan_render.hpp"
#include "synth/topological_sort.hpp"

namespace schemerge::synth::mysql {

void Planner::Statement::add_change(const std::string& text) {
    if (std::find(changes.begin(), changes.end(), text) == changes.end()) {
        changes.push_back(text);
    }
}

void Planner::Statement::hazard(std::string_view id, std::string message) {
    Hazard h{std::string(id), std::move(message)};
    if (std::find(hazards.begin(), hazards.end(), h) == hazards.end()) {
        hazards.push_back(std::move(h));
    }
}

Planner::Planner(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                 const PlanOptions& options)
    : from_(from), to_(to), from_indexes_(index_tables(from)), to_indexes_(index_tables(to)), changes_(changes),
      options_(options) {}

Planner::IndexesByTable Planner::index_tables(const model::Schema& schema) {
    IndexesByTable by_table;
    for (const auto& [key, index] : schema.indexes) {
        by_table.emplace(index.table, &index);
    }
    return by_table;
}

bool Planner::has_index_method(const QualifiedName& table, std::initializer_list<std::string_view> methods) const {
    for (const auto* by_table : {&from_indexes_, &to_indexes_}) {
        auto [first, last] = by_table->equal_range(table);
        for (auto it = first; it != last; ++it) {
            if (std::find(methods.begin(), methods.end(), it->second->method) != methods.end()) {
                return true;
            }
        }
    }
    return false;
}

Plan Planner::run() {
    scan();
    for (const auto& change : changes_.changes) {
        expand(change);
    }
    foreign_keys_around_type_changes();
    column_moves();
    databases();
    tables_created_and_dropped();
    table_statements();
    routines();
    views();
    triggers();
    opaque();
    return graph_.assemble(options_, to_.dialect->transactional_ddl, std::move(notes_));
}

QualifiedName Planner::from_name_of(const QualifiedName& to_name) const {
    auto it = renamed_back_.find(to_name);
    return it == renamed_back_.end() ? to_name : it->second;
}

QualifiedName Planner::to_name_of(const QualifiedName& from_name) const {
    auto it = renamed_.find(from_name);
    return it == renamed_.end() ? from_name : it->second;
}

void Planner::scan() {
    for (const auto& change : changes_.changes) {
        QualifiedName name{change.key.schema, change.key.name};
        switch (change.kind) {
            case ChangeKind::rename_table: {
                QualifiedName old_name{change.key.schema, change.old_name};
                if (const auto* before = as<model::Table>(change.before)) {
                    old_name = before->name;
                }
                renamed_[old_name] = name;
                renamed_back_[name] = old_name;
                break;
            }
            case ChangeKind::create_table: created_tables_.insert(name); break;
            case ChangeKind::drop_table: dropped_tables_.insert(name); break;
            default: break;
        }
    }
}

ActionGraph::Id Planner::add(int rank, const ObjectKey& key, std::vector<std::string> statements,
                             const std::vector<std::string>& changes, std::vector<Hazard> hazards) {
    std::string change;
    for (const auto& c : changes) {
        change += change.empty() ? c : "; " + c;
    }
    return graph_.add(rank, key, statements, change, std::move(hazards));
}

void Planner::expand(const Change& change) {
    switch (change.kind) {
        case ChangeKind::create_schema:
        case ChangeKind::drop_schema: database_changes_.push_back(&change); return;
        case ChangeKind::create_table: table_creates_.push_back(&change); return;
        case ChangeKind::drop_table: table_drops_.push_back(&change); return;
        case ChangeKind::rename_table: rename_changes_.push_back(&change); return;
        case ChangeKind::create_view: view_creates_[{change.key.schema, change.key.name}] = &change; return;
        case ChangeKind::drop_view: view_drops_[{change.key.schema, change.key.name}] = &change; return;
        case ChangeKind::replace_view: view_replaces_[{change.key.schema, change.key.name}] = &change; return;
        case ChangeKind::create_function: routine_creates_.push_back(&change); return;
        case ChangeKind::drop_function: routine_drops_.push_back(&change); return;
        case ChangeKind::replace_function: routine_replaces_.push_back(&change); return;
        case ChangeKind::create_trigger: trigger_creates_.push_back(&change); return;
        case ChangeKind::drop_trigger: trigger_drops_.push_back(&change); return;
        case ChangeKind::create_opaque:
        case ChangeKind::drop_opaque: opaque_.push_back(&change); return;
        case ChangeKind::set_comment:
            switch (change.key.kind) {
                case ObjectKind::function:
                case ObjectKind::procedure:
                case ObjectKind::event: routine_comments_.push_back(&change); return;
                case ObjectKind::view:
                case ObjectKind::trigger:
                case ObjectKind::constraint:
                    // MySQL keeps no comment on these: the front end never sets one.
                    return;
                default: table_change(change); return;
            }
        case ChangeKind::alter_table:
        case ChangeKind::add_column:
        case ChangeKind::drop_column:
        case ChangeKind::rename_column:
        case ChangeKind::alter_column_type:
        case ChangeKind::set_default:
        case ChangeKind::drop_default:
        case ChangeKind::set_not_null:
        case ChangeKind::drop_not_null:
        case ChangeKind::alter_identity:
        case ChangeKind::alter_generated:
        case ChangeKind::alter_column_options:
        case ChangeKind::add_constraint:
        case ChangeKind::drop_constraint:
        case ChangeKind::rename_constraint:
        case ChangeKind::validate_constraint:
        case ChangeKind::create_index:
        case ChangeKind::drop_index:
        case ChangeKind::rename_index: table_change(change); return;
        default:
            notes_.push_back("not planned for MySQL: " + change.describe() +
                             " (the MySQL front end builds no such object)");
            return;
    }
}

// ---------------------------------------------------------------------------------------
// Databases (the model's schemas other than the script's own)

void Planner::databases() {
    for (const auto* c : database_changes_) {
        ObjectKey key{ObjectKind::schema, {}, c->key.name, {}, {}};
        if (c->kind == ChangeKind::create_schema) {
            add(k_create_database, key, {"CREATE DATABASE " + quote(c->key.name)}, {c->describe()}, {});
        } else {
            add(k_drop_database, key, {"DROP DATABASE " + quote(c->key.name)}, {c->describe()},
                {Hazard{std::string(hazard::k_data_loss), "every table of database " + c->key.name + " is dropped"}});
        }
    }
}

// ---------------------------------------------------------------------------------------
// Tables created, dropped and renamed

namespace {

struct CreatedContext {
    const std::set<QualifiedName>* inline_targets;  // tables a created table's FK may name inline
};

bool inline_foreign_key(const model::Constraint& c, const void* context) {
    const auto* ctx = static_cast<const CreatedContext*>(context);
    return ctx->inline_targets->contains(c.ref_table);
}

}  // namespace

void Planner::tables_created_and_dropped() {
    for (const auto* c : rename_changes_) {
        QualifiedName to_name{c->key.schema, c->key.name};
        QualifiedName old_name = from_name_of(to_name);
        add(k_rename_table, model::ObjectKey{ObjectKind::table, to_name.schema, to_name.name, {}, {}},
            {"RENAME TABLE " + qualified(old_name) + " TO " + qualified(to_name)}, {c->describe()}, {});
    }

    // Dropped tables: a table whose foreign key references another dropped one goes first.
    std::map<QualifiedName, ActionGraph::Id> drops;
    for (const auto* c : table_drops_) {
        QualifiedName name{c->key.schema, c->key.name};
        drops[name] = add(k_drop_table, c->key, {"DROP TABLE " + qualified(name)}, {c->describe()},
                          {Hazard{std::string(hazard::k_data_loss), "table " + name.to_string() + " and its rows are dropped"}});
    }
    for (const auto& [name, id] : drops) {
        const auto* table = from_.tables.contains(name) ? &from_.tables.at(name) : nullptr;
        if (table == nullptr) {
            continue;
        }
        for (const auto& fk : table->constraints) {
            if (fk.kind == model::ConstraintKind::foreign_key && fk.ref_table != name) {
                if (auto it = drops.find(fk.ref_table); it != drops.end()) {
                    graph_.order(id, it->second);
                }
            }
        }
    }

    // Created tables in foreign-key order; a foreign key to a table created later (a
    // cycle) is added with the other foreign keys, after every table.
    std::vector<const model::Table*> created;
    std::map<QualifiedName, std::size_t> index;
    std::vector<OrderNode> nodes;
    for (const auto* c : table_creates_) {
        const auto* table = as<model::Table>(c->after);
        if (table == nullptr) {
            continue;
        }
        index[table->name] = created.size();
        created.push_back(table);
        OrderNode node;
        node.key = c->key;
        nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < created.size(); ++i) {
        for (const auto& fk : created[i]->constraints) {
            if (fk.kind == model::ConstraintKind::foreign_key) {
                if (auto it = index.find(fk.ref_table); it != index.end() && it->second != i) {
                    nodes[i].needs.insert(it->second);
                }
            }
        }
    }
    // Tables that exist when a created table is: every table of `to` not created here,
    // and the created ones placed before it.
    std::set<QualifiedName> targets;
    for (const auto& [name, table] : to_.tables) {
        if (!created_tables_.contains(name)) {
            targets.insert(name);
        }
    }
    std::optional<ActionGraph::Id> previous;
    for (std::size_t i : topological_sort(nodes).sequence) {
        const model::Table& table = *created[i];
        targets.insert(table.name);
        CreatedContext context{&targets};
        ActionGraph::Id id = add(k_create_table, nodes[i].key, {create_table(to_, table, inline_foreign_key, &context)},
                                 {"create table " + table.name.to_string()}, {});
        if (previous) {
            graph_.order(*previous, id);
        }
        previous = id;
        for (const auto& fk : table.constraints) {
            if (fk.kind == model::ConstraintKind::foreign_key && !targets.contains(fk.ref_table)) {
                TableWork& w = work(table.name);
                w.add_foreign_keys[fk.name] = &fk;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Views

// Does the view read a table whose columns this plan drops, renames or redefines, or a
// table it renames? Such a view is dropped before and created again after the change, so
// no step leaves a view naming what is not there.
bool Planner::reads_changed_columns(const model::View& view) const {
    for (const auto& relation : view.query.relations) {
        if (renamed_.contains(relation) || dropped_tables_.contains(relation)) {
            return true;
        }
        auto it = tables_.find(to_name_of(relation));
        if (it == tables_.end()) {
            continue;
        }
        const TableWork& w = it->second;
        if (!w.drop_columns.empty()) {
            return true;
        }
        for (const auto& [name, column] : w.columns) {
            if (!column.old_name.empty() || column.kinds.contains(ChangeKind::alter_column_type)) {
                return true;
            }
        }
    }
    return false;
}

void Planner::views() {
    const bool definer = false;  // the account that runs the plan becomes the definer
    // Drops: a view read by another dropped one after it.
    std::vector<std::pair<const model::View*, const Change*>> drops;
    std::vector<std::pair<const model::View*, const Change*>> creates;
    for (const auto& [name, c] : view_drops_) {
        if (const auto* v = as<model::View>(c->before)) {
            drops.emplace_back(v, c);
        }
    }
    for (const auto& [name, c] : view_creates_) {
        if (const auto* v = as<model::View>(c->after)) {
            creates.emplace_back(v, c);
        }
    }
    std::vector<std::pair<const model::View*, const Change*>> replaces;
    for (const auto& [name, c] : view_replaces_) {
        const auto* before = as<model::View>(c->before);
        const auto* after = as<model::View>(c->after);
        if (before == nullptr || after == nullptr) {
            continue;
        }
        if (reads_changed_columns(*before)) {
            drops.emplace_back(before, c);
            creates.emplace_back(after, c);
        } else {
            replaces.emplace_back(after, c);
        }
    }
    std::map<QualifiedName, ActionGraph::Id> drop_ids;
    for (const auto& [view, c] : drops) {
        std::vector<Hazard> hazards;
        if (c->kind == ChangeKind::replace_view) {
            hazards.push_back(Hazard{std::string(hazard::k_dependents_recreated),
                                     "view " + view->name.to_string() +
                                         " is dropped before the tables it reads change and created again after"});
        }
        drop_ids[view->name] = add(k_drop_view, c->key, {"DROP VIEW " + qualified(view->name)}, {c->describe()},
                                   std::move(hazards));
    }
    for (const auto& [view, c] : drops) {
        for (const auto& r : view->query.relations) {
            if (auto it = drop_ids.find(r); it != drop_ids.end() && r != view->name) {
                graph_.order(drop_ids.at(view->name), it->second);
            }
        }
    }
    // Creations and replacements: a view another reads first.
    std::map<QualifiedName, ActionGraph::Id> create_ids;
    for (const auto& [view, c] : creates) {
        create_ids[view->name] = add(k_create_view, c->key, {create_view(*view, false, definer)}, {c->describe()}, {});
    }
    for (const auto& [view, c] : replaces) {
        create_ids[view->name] = add(k_create_view, c->key, {create_view(*view, true, definer)}, {c->describe()}, {});
    }
    auto wire = [&](const std::vector<std::pair<const model::View*, const Change*>>& list) {
        for (const auto& [view, c] : list) {
            for (const auto& r : view->query.relations) {
                if (auto it = create_ids.find(r); it != create_ids.end() && r != view->name) {
                    graph_.order(it->second, create_ids.at(view->name));
                }
            }
        }
    };
    wire(creates);
    wire(replaces);
}

// ---------------------------------------------------------------------------------------
// Routines: MySQL 8 has no CREATE OR REPLACE for them, so a changed routine is dropped and
// created again (ALTER FUNCTION only changes characteristics; a comment goes that way).

void Planner::routines() {
    const bool definer = false;
    auto key_of = [](const Change& c) { return c.key; };
    for (const auto* c : routine_drops_) {
        if (const auto* f = as<model::Function>(c->before)) {
            add(k_drop_routine, key_of(*c), {drop_routine(*f)}, {c->describe()}, {});
        }
    }
    for (const auto* c : routine_replaces_) {
        const auto* before = as<model::Function>(c->before);
        const auto* after = as<model::Function>(c->after);
        if (before == nullptr || after == nullptr) {
            continue;
        }
        if (before->kind == model::RoutineKind::event && after->kind == model::RoutineKind::event) {
            // ALTER EVENT sets schedule, status, comment and body at once: no gap.
            add(k_alter_routine, key_of(*c), {alter_event(*after)}, {c->describe()}, {});
            continue;
        }
        ActionGraph::Id drop =
            add(k_drop_routine, key_of(*c), {drop_routine(*before)}, {c->describe()},
                {Hazard{std::string(hazard::k_recreated_non_atomically),
                        std::string(before->kind == model::RoutineKind::function ? "function " : "procedure ") +
                            before->name.to_string() + " does not exist until it is created again"}});
        ActionGraph::Id create = add(k_create_routine, key_of(*c), {create_routine(*after, definer)}, {c->describe()}, {});
        graph_.order(drop, create);
    }
    for (const auto* c : routine_creates_) {
        if (const auto* f = as<model::Function>(c->after)) {
            add(k_create_routine, key_of(*c), {create_routine(*f, definer)}, {c->describe()}, {});
        }
    }
    for (const auto* c : routine_comments_) {
        const auto* f = as<model::Function>(c->after);
        if (f == nullptr) {
            continue;
        }
        // A routine recreated here carries its comment already.
        bool recreated = std::any_of(routine_replaces_.begin(), routine_replaces_.end(),
                                     [&](const Change* r) { return r->key == c->key; });
        if (recreated) {
            continue;
        }
        std::string sql = std::string(f->kind == model::RoutineKind::function ? "ALTER FUNCTION "
                                      : f->kind == model::RoutineKind::event  ? "ALTER EVENT "
                                                                              : "ALTER PROCEDURE ") +
                          qualified(f->name) + " COMMENT " + quote_string(f->meta.comment.value_or(""));
        add(k_alter_routine, c->key, {sql}, {c->describe()}, {});
    }
}

// ---------------------------------------------------------------------------------------
// Triggers: dropped first, created last (after their table and what their body names).

void Planner::triggers() {
    const bool definer = false;
    for (const auto* c : trigger_drops_) {
        const auto* t = as<model::Trigger>(c->before);
        if (t == nullptr || dropped_tables_.contains(t->table)) {
            continue;  // DROP TABLE drops its triggers
        }
        std::vector<Hazard> hazards;
        bool recreated = std::any_of(trigger_creates_.begin(), trigger_creates_.end(), [&](const Change* other) {
            const auto* n = as<model::Trigger>(other->after);
            return n != nullptr && n->name == t->name && n->table.schema == t->table.schema;
        });
        if (recreated) {
            hazards.push_back(Hazard{std::string(hazard::k_recreated_non_atomically),
                                     "trigger " + t->name + " does not fire until it is created again"});
        }
        add(k_drop_trigger, c->key, {drop_trigger(*t)}, {c->describe()}, std::move(hazards));
    }
    // FOLLOWS / PRECEDES name another trigger of the table: that one first.
    std::map<std::pair<QualifiedName, std::string>, ActionGraph::Id> ids;
    std::vector<std::pair<const model::Trigger*, ActionGraph::Id>> created;
    for (const auto* c : trigger_creates_) {
        if (const auto* t = as<model::Trigger>(c->after)) {
            ActionGraph::Id id = add(k_create_trigger, c->key, {create_trigger(*t, definer)}, {c->describe()}, {});
            ids[{t->table, t->name}] = id;
            created.emplace_back(t, id);
        }
    }
    for (const auto& [t, id] : created) {
        std::string order = attribute(*t, parser::mysql::attr::trigger_order);
        std::size_t space = order.find(' ');
        if (space == std::string::npos) {
            continue;
        }
        std::string other = order.substr(space + 1);
        if (other.size() > 1 && other.front() == '`') {
            other = other.substr(1, other.size() - 2);
        }
        if (auto it = ids.find({t->table, other}); it != ids.end()) {
            graph_.order(it->second, id);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Statements kept verbatim (events, ...)

void Planner::opaque() {
    for (const auto* c : opaque_) {
        if (c->kind == ChangeKind::create_opaque) {
            const auto* s = as<model::OpaqueStatement>(c->after);
            if (s != nullptr) {
                add(k_opaque, c->key, {s->sql}, {c->describe()}, {});
            }
        } else {
            std::vector<Step> steps(1);
            steps[0].change = c->describe();
            steps[0].hazards.push_back(Hazard{std::string(hazard::k_irreversible),
                                              "a statement kept verbatim cannot be undone automatically: undo it by "
                                              "hand"});
            graph_.add(k_opaque, c->key, std::move(steps));
        }
    }
}

// ---------------------------------------------------------------------------------------

namespace {

// MySQL has no statement per attribute: an attribute is part of the definition the
// statement for its object writes. So each set_attribute becomes the change that rewrites
// its object (once per object, and not beside a change that already does): a table's
// options go into its ALTER TABLE, a column is MODIFYed with its full definition, an index
// or a key is dropped and created again, a view or routine replaced, a trigger recreated.
diff::ChangeSet statement_changes(const diff::ChangeSet& changes) {
    auto has_set_attribute = [](const Change& c) { return c.kind == ChangeKind::set_attribute; };
    if (std::none_of(changes.changes.begin(), changes.changes.end(), has_set_attribute)) {
        return changes;
    }
    diff::ChangeSet out;
    std::set<std::pair<ChangeKind, ObjectKey>> present;
    for (const auto& c : changes.changes) {
        if (!has_set_attribute(c)) {
            out.changes.push_back(c);
            present.emplace(c.kind, c.key);
        }
    }
    auto emit = [&](ChangeKind kind, const Change& from, diff::ObjectRef before, diff::ObjectRef after) {
        if (present.emplace(kind, from.key).second) {
            out.changes.push_back(Change{kind, from.key, before, after});
        }
    };
    for (const auto& c : changes.changes) {
        if (!has_set_attribute(c)) {
            continue;
        }
        switch (c.key.kind) {
            case ObjectKind::table: emit(ChangeKind::alter_table, c, c.before, c.after); break;
            case ObjectKind::column: emit(ChangeKind::alter_column_options, c, c.before, c.after); break;
            case ObjectKind::index:
                emit(ChangeKind::drop_index, c, c.before, {});
                emit(ChangeKind::create_index, c, {}, c.after);
                break;
            case ObjectKind::constraint:
                emit(ChangeKind::drop_constraint, c, c.before, {});
                emit(ChangeKind::add_constraint, c, {}, c.after);
                break;
            case ObjectKind::view:
            case ObjectKind::materialized_view: emit(ChangeKind::replace_view, c, c.before, c.after); break;
            case ObjectKind::function:
            case ObjectKind::procedure:
            case ObjectKind::event: emit(ChangeKind::replace_function, c, c.before, c.after); break;
            case ObjectKind::trigger:
                emit(ChangeKind::drop_trigger, c, c.before, {});
                emit(ChangeKind::create_trigger, c, {}, c.after);
                break;
            default: out.changes.push_back(c); break;  // noted as not planned
        }
    }
    diff::sort_changes(out.changes);
    return out;
}

}  // namespace

Plan plan_migration(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                    const PlanOptions& options) {
    const diff::ChangeSet statements = statement_changes(changes);
    Planner planner(from, to, statements, options);
    return planner.run();
}

std::string render_sql(const Plan& plan) {
    // A body with semicolons goes between DELIMITER ;; and DELIMITER ; (the terminator the
    // renderer appends completes the last line).
    Plan copy = plan;
    for (auto& step : copy.steps) {
        if (!step.sql.empty() && needs_delimiter(step.sql)) {
            step.sql = "DELIMITER ;;\n" + step.sql + ";;\nDELIMITER ";
        }
    }
    ScriptStyle style;
    style.title = "schemerge migration plan (MySQL / MariaDB)";
    return render_script(copy, style);
}

}  // namespace schemerge::synth::mysql
