// Views, triggers, stored procedures and functions (13.1.23, 13.1.22, 13.1.17).
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "parser/mysql/attribute_access.hpp"
#include "parser/mysql/body_references.hpp"
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

// A body verbatim, whitespace trimmed at both ends only.
std::string trimmed(std::string_view text) {
    std::size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) {
        return {};
    }
    std::size_t e = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(b, e - b + 1));
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Views

void Interpreter::create_view(const ast::CreateView& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    if (auto table = schema_.tables.find(name); table != schema_.tables.end()) {
        throw StatementError(stmt.name.offset,
                             stmt.alter || stmt.or_replace
                                 ? fmt::format("\"{}\" is a table, not a view", table_label(name))
                                 : fmt::format("table \"{}\" already exists", table_label(name)),
                             table->second.meta.location, "the table");
    }
    auto existing = schema_.views.find(name);
    if (stmt.alter && existing == schema_.views.end()) {
        throw StatementError(stmt.name.offset, fmt::format("view \"{}\" does not exist", table_label(name)));
    }
    if (existing != schema_.views.end() && !stmt.alter && !stmt.or_replace) {
        if (stmt.if_not_exists) {
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        throw StatementError(stmt.name.offset, fmt::format("table \"{}\" already exists", table_label(name)),
                             existing->second.meta.location, "the view, first defined here");
    }
    model::View view;
    view.name = name;
    view.meta = meta();
    view.meta.owner = stmt.definer;
    view.column_names = stmt.columns;
    // The query as canonical text (names as written: table names are case-sensitive) and
    // the tables it reads.
    view.query = render_expression(stmt.query, ExprContext{});
    BodyContext context;
    context.qualify = [this](const ast::Name& n) { return qualify(n); };
    view.query.relations = query_relations(stmt.query, context);
    view.query.functions.clear();
    view.check_option = stmt.check_option;
    // ALGORITHM=UNDEFINED and SQL SECURITY DEFINER are the defaults (13.1.23).
    set_attribute(view, attr::view_algorithm, stmt.algorithm == "UNDEFINED" ? std::string{} : stmt.algorithm);
    set_attribute(view, attr::sql_security, stmt.sql_security == "DEFINER" ? std::string{} : stmt.sql_security);
    if (existing != schema_.views.end()) {
        view.meta.location = existing->second.meta.location;
        view.meta.changed_at = meta().location;
        view.meta.comment = existing->second.meta.comment;
    }
    schema_.views.insert_or_assign(name, std::move(view));
}

void Interpreter::drop_view(const ast::DropView& stmt) {
    for (const auto& n : stmt.names) {
        model::QualifiedName name = qualify(n);
        if (schema_.tables.contains(name)) {
            throw StatementError(n.offset, fmt::format("\"{}\" is a table, not a view", table_label(name)));
        }
        if (!schema_.views.contains(name)) {
            if (stmt.if_exists) {
                continue;
            }
            throw StatementError(n.offset, fmt::format("view \"{}\" does not exist", table_label(name)));
        }
        schema_.views.erase(name);
    }
}

// ---------------------------------------------------------------------------------------
// Triggers. The model's trigger calls a function (PostgreSQL); a MySQL trigger has its
// body inline: it is kept verbatim in the `body` attribute, and the tables it uses go to
// Trigger::when.relations (dependency inputs; the text stays empty) until the model has a
// place for routine bodies' references.

void Interpreter::create_trigger(const ast::CreateTrigger& stmt) {
    model::QualifiedName table_name = qualify(stmt.table);
    model::QualifiedName trigger_name = qualify(stmt.name);
    if (!stmt.name.schema.empty() && trigger_name.schema != table_name.schema) {
        throw StatementError(stmt.name.offset, "a trigger must be in its table's database");
    }
    model::Table& table = require_table(stmt.table);
    auto key = std::make_pair(table_name.schema, stmt.name.name);
    if (auto it = triggers_.find(key); it != triggers_.end()) {
        if (stmt.if_not_exists) {
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        if (!stmt.or_replace) {
            const auto& previous = schema_.triggers.at(model::TableScopedName{it->second, stmt.name.name});
            throw StatementError(stmt.name.offset, fmt::format("trigger \"{}\" already exists", stmt.name.name),
                                 previous.meta.location, "first defined here");
        }
        schema_.triggers.erase(model::TableScopedName{it->second, stmt.name.name});
        triggers_.erase(it);
    }
    model::Trigger trigger;
    trigger.name = stmt.name.name;
    trigger.table = table.name;
    trigger.timing = stmt.timing == "BEFORE" ? model::TriggerTiming::before : model::TriggerTiming::after;
    trigger.events.insert = stmt.event == "INSERT";
    trigger.events.update = stmt.event == "UPDATE";
    trigger.events.delete_ = stmt.event == "DELETE";
    trigger.for_each_row = true;
    trigger.meta = meta();
    trigger.meta.owner = stmt.definer;
    set_attribute(trigger, attr::trigger_body, trimmed(stmt.body.text));
    set_attribute(trigger, attr::trigger_order, stmt.order);
    BodyContext context;
    context.qualify = [this](const ast::Name& n) { return qualify(n); };
    context.trigger_table = table.name;
    for (const auto& ref : analyze_body(stmt.body.statements, context)) {
        if (ref.column.empty() &&
            std::find(trigger.when.relations.begin(), trigger.when.relations.end(), ref.relation) ==
                trigger.when.relations.end()) {
            trigger.when.relations.push_back(ref.relation);
        }
    }
    triggers_[key] = table.name;
    schema_.triggers.insert_or_assign(model::TableScopedName{table.name, trigger.name}, std::move(trigger));
}

void Interpreter::drop_trigger(const ast::DropTrigger& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    auto it = triggers_.find({name.schema, name.name});
    if (it == triggers_.end()) {
        if (stmt.if_exists) {
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        throw StatementError(stmt.name.offset, fmt::format("trigger \"{}\" does not exist", table_label(name)));
    }
    schema_.triggers.erase(model::TableScopedName{it->second, name.name});
    triggers_.erase(it);
}

// ---------------------------------------------------------------------------------------
// Procedures and functions. A routine's name identifies it (MySQL has no overloading); the
// model's key adds the argument types, as for every dialect.

void Interpreter::create_routine(const ast::CreateRoutine& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    std::string_view what = stmt.function ? "function" : "procedure";
    auto key = std::make_tuple(stmt.function, name.schema, lower(name.name));
    if (auto it = routines_.find(key); it != routines_.end()) {
        if (stmt.if_not_exists) {
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        if (!stmt.or_replace) {
            throw StatementError(stmt.name.offset, fmt::format("{} \"{}\" already exists", what, table_label(name)),
                                 schema_.functions.at(it->second).meta.location, "first defined here");
        }
        schema_.functions.erase(it->second);
        routines_.erase(it);
    }
    model::Function f;
    f.name = name;
    f.kind = stmt.function ? model::RoutineKind::function : model::RoutineKind::procedure;
    BodyContext context;
    context.qualify = [this](const ast::Name& n) { return qualify(n); };
    for (const auto& p : stmt.parameters) {
        auto type = canonical_type(p.type);
        if (!type) {
            throw StatementError(p.type.offset, type.error());
        }
        model::FunctionArg arg;
        arg.mode = p.mode == "OUT" ? model::ArgMode::out : p.mode == "INOUT" ? model::ArgMode::inout : model::ArgMode::in;
        arg.name = p.name;
        arg.type = type->ref;
        f.args.push_back(std::move(arg));
        context.variables.insert(lower(p.name));
    }
    if (stmt.returns) {
        auto type = canonical_type(*stmt.returns);
        if (!type) {
            throw StatementError(stmt.returns->offset, type.error());
        }
        f.returns = type->ref;
    }
    f.language = "sql";
    f.body = trimmed(stmt.body.text);
    for (const auto& ref : analyze_body(stmt.body.statements, context)) {
        if (ref.column.empty()) {
            if (std::find(f.body_references.relations.begin(), f.body_references.relations.end(), ref.relation) ==
                f.body_references.relations.end()) {
                f.body_references.relations.push_back(ref.relation);
            }
        } else if (std::find(f.body_references.columns.begin(), f.body_references.columns.end(), ref.column) ==
                   f.body_references.columns.end()) {
            f.body_references.columns.push_back(ref.column);
        }
    }
    // SQL SECURITY DEFINER is MySQL's default (13.1.17).
    f.security_definer = stmt.characteristics.sql_security != "INVOKER";
    f.meta = meta();
    f.meta.owner = stmt.definer;
    set_attribute(f, attr::deterministic, stmt.characteristics.deterministic.value_or(false));
    set_attribute(f, attr::data_access, stmt.characteristics.data_access == "CONTAINS SQL"
                                            ? std::string{}
                                            : stmt.characteristics.data_access);
    if (stmt.characteristics.comment && !stmt.characteristics.comment->empty()) {
        f.meta.comment = *stmt.characteristics.comment;
    }
    model::RoutineName routine{name, f.identity_args()};
    if (schema_.functions.contains(routine)) {
        // A function and a procedure may share a name in MySQL; the model's routine key
        // (name and argument types) cannot hold both.
        warn(fmt::format("{} \"{}\" has the name and argument types of another routine: the model keys routines by "
                         "those alone, so this one is not kept",
                         what, table_label(name)),
             stmt.name.offset);
        ++stats_.unsupported;
        return;
    }
    routines_[key] = routine;
    schema_.functions.emplace(routine, std::move(f));
}

void Interpreter::alter_routine(const ast::AlterRoutine& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    auto it = routines_.find(std::make_tuple(stmt.function, name.schema, lower(name.name)));
    if (it == routines_.end()) {
        throw StatementError(stmt.name.offset, fmt::format("{} \"{}\" does not exist",
                                                          stmt.function ? "function" : "procedure", table_label(name)));
    }
    model::Function& f = schema_.functions.at(it->second);
    const ast::Characteristics& c = stmt.characteristics;
    if (!c.sql_security.empty()) {
        f.security_definer = c.sql_security != "INVOKER";
    }
    if (c.deterministic) {
        set_attribute(f, attr::deterministic, *c.deterministic);
    }
    if (!c.data_access.empty()) {
        set_attribute(f, attr::data_access, c.data_access == "CONTAINS SQL" ? std::string{} : c.data_access);
    }
    if (c.comment) {
        f.meta.comment = c.comment->empty() ? std::nullopt : c.comment;
    }
    f.meta.changed_at = meta().location;
}

void Interpreter::drop_routine(const ast::DropRoutine& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    auto it = routines_.find(std::make_tuple(stmt.function, name.schema, lower(name.name)));
    if (it == routines_.end()) {
        if (stmt.if_exists) {
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        throw StatementError(stmt.name.offset, fmt::format("{} \"{}\" does not exist",
                                                          stmt.function ? "function" : "procedure", table_label(name)));
    }
    schema_.functions.erase(it->second);
    routines_.erase(it);
}

}  // namespace schemerge::parser::mysql
