// Views, triggers, stored procedures and functions (13.1.23, 13.1.22, 13.1.17).
#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "parser/mysql/attribute_access.hpp"
#include "parser/mysql/body_references.hpp"
#include "parser/mysql/dialect_traits.hpp"
#include "parser/mysql/interpreter.hpp"
#include "parser/mysql/syntax.hpp"

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
    set_body(f, stmt.body, context);
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
    if (keep_routine(std::move(f), what, stmt.name.offset)) {
        routines_[key] = routine;
    }
}

void Interpreter::set_body(model::Function& f, const ast::RoutineBody& body, const BodyContext& context) {
    f.language = "sql";
    f.body = trimmed(body.text);
    f.body_references = {};
    for (const auto& ref : analyze_body(body.statements, context)) {
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
}

bool Interpreter::keep_routine(model::Function f, std::string_view what, std::uint32_t offset) {
    model::RoutineName routine{f.name, f.identity_args()};
    if (schema_.functions.contains(routine)) {
        // A function, a procedure and an event may share a name in MySQL; the model's
        // routine key (name and argument types) cannot hold two of them.
        warn(fmt::format("{} \"{}\" has the name and argument types of another routine: the model keys routines by "
                         "those alone, so this one is not kept",
                         what, table_label(f.name)),
             offset);
        ++stats_.unsupported;
        return false;
    }
    schema_.functions.emplace(routine, std::move(f));
    return true;
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

// ---------------------------------------------------------------------------------------
// Events (13.1.13, 13.1.3): routines the server runs on a schedule. Their own namespace per
// database; the schedule, ON COMPLETION and ENABLE/DISABLE are attributes of the routine.

namespace {

bool is_word(const ast::Tokens& tokens, std::size_t i, std::string_view word) {
    if (i >= tokens.size()) {
        return false;
    }
    const auto& t = tokens[i];
    return t.kind != ast::TokenKind::quoted && t.kind != ast::TokenKind::string && traits().names_equal(t.text, word);
}

// Where one clause of CREATE / ALTER EVENT starts (a schedule runs until the next one).
bool clause_start(const ast::Tokens& tokens, std::size_t i) {
    return (is_word(tokens, i, "ON") && is_word(tokens, i + 1, "COMPLETION")) || is_word(tokens, i, "ENABLE") ||
           is_word(tokens, i, "DISABLE") || is_word(tokens, i, "COMMENT") || is_word(tokens, i, "RENAME");
}

}  // namespace

std::optional<ast::Name> Interpreter::event_clauses(const ast::Event& stmt, model::Function& f) {
    const ast::Tokens& t = stmt.clauses;
    std::optional<ast::Name> rename;
    std::set<std::string> seen;
    auto once = [&](const std::string& clause, std::uint32_t offset) {
        if (!seen.insert(clause).second) {
            throw StatementError(offset, fmt::format("{} given twice for event \"{}\"", clause, stmt.name.name));
        }
    };
    std::size_t i = 0;
    while (i < t.size()) {
        const std::uint32_t at = t[i].offset;
        if (is_word(t, i, "ON") && is_word(t, i + 1, "SCHEDULE")) {
            once("ON SCHEDULE", at);
            i += 2;
            if (!is_word(t, i, "AT") && !is_word(t, i, "EVERY")) {
                throw StatementError(i < t.size() ? t[i].offset : at, "ON SCHEDULE must be followed by AT or EVERY");
            }
            ast::Tokens schedule;
            int depth = 0;
            for (; i < t.size() && (depth > 0 || !clause_start(t, i)); ++i) {
                depth += t[i].text == "(" ? 1 : t[i].text == ")" ? -1 : 0;
                schedule.push_back(t[i]);
                // A schedule names no object: its words (EVERY, STARTS, units, functions)
                // are case-insensitive, so one spelling is stored.
                if (auto k = t[i].kind;
                    k == ast::TokenKind::word || k == ast::TokenKind::keyword || k == ast::TokenKind::reserved) {
                    std::transform(schedule.back().text.begin(), schedule.back().text.end(), schedule.back().text.begin(),
                                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                }
            }
            if (schedule.size() < 2) {
                throw StatementError(at, "ON SCHEDULE has no time or interval");
            }
            set_attribute(f, attr::event_schedule, render_expression(schedule, ExprContext{}).text);
        } else if (is_word(t, i, "ON") && is_word(t, i + 1, "COMPLETION")) {
            once("ON COMPLETION", at);
            i += 2;
            bool preserve = !is_word(t, i, "NOT");
            i += preserve ? 0 : 1;
            if (!is_word(t, i, "PRESERVE")) {
                throw StatementError(i < t.size() ? t[i].offset : at, "ON COMPLETION must be [NOT] PRESERVE");
            }
            ++i;
            set_attribute(f, attr::event_preserve, preserve);
        } else if (is_word(t, i, "ENABLE")) {
            once("ENABLE / DISABLE", at);
            ++i;
            set_attribute(f, attr::event_status, std::string{});
        } else if (is_word(t, i, "DISABLE")) {
            once("ENABLE / DISABLE", at);
            ++i;
            std::string status = "DISABLE";
            if (is_word(t, i, "ON")) {
                if (!is_word(t, i + 1, "SLAVE") && !is_word(t, i + 1, "REPLICA")) {
                    throw StatementError(t[i].offset, "DISABLE ON must be followed by SLAVE");
                }
                status = "DISABLE ON SLAVE";
                i += 2;
            }
            set_attribute(f, attr::event_status, status);
        } else if (is_word(t, i, "COMMENT")) {
            once("COMMENT", at);
            ++i;
            if (i >= t.size() || t[i].kind != ast::TokenKind::string) {
                throw StatementError(i < t.size() ? t[i].offset : at, "COMMENT must be followed by a string");
            }
            std::string comment = unescape_string(t[i].text);
            f.meta.comment = comment.empty() ? std::nullopt : std::optional<std::string>(comment);
            ++i;
        } else if (is_word(t, i, "RENAME") && stmt.op == ast::Event::Op::alter) {
            once("RENAME TO", at);
            i += 1;
            if (!is_word(t, i, "TO") || i + 1 >= t.size()) {
                throw StatementError(i < t.size() ? t[i].offset : at, "RENAME must be followed by TO and a name");
            }
            ast::Name name{{}, t[i + 1].text, t[i + 1].offset};
            i += 2;
            if (i + 1 < t.size() && t[i].text == ".") {
                name.schema = name.name;
                name.name = t[i + 1].text;
                i += 2;
            }
            rename = name;
        } else {
            throw StatementError(at, fmt::format("unexpected \"{}\" in {} EVENT", t[i].text,
                                                 stmt.op == ast::Event::Op::create ? "CREATE" : "ALTER"));
        }
    }
    if (stmt.op == ast::Event::Op::create && !seen.contains("ON SCHEDULE")) {
        throw StatementError(stmt.name.offset, fmt::format("CREATE EVENT \"{}\" has no ON SCHEDULE", stmt.name.name));
    }
    return rename;
}

void Interpreter::event(const ast::Event& stmt) {
    model::QualifiedName name = qualify(stmt.name);
    auto key = std::make_pair(name.schema, lower(name.name));
    auto it = events_.find(key);
    BodyContext context;
    context.qualify = [this](const ast::Name& n) { return qualify(n); };
    switch (stmt.op) {
        case ast::Event::Op::drop:
            if (it == events_.end()) {
                if (!stmt.if_exists) {
                    throw StatementError(stmt.name.offset, fmt::format("event \"{}\" does not exist", table_label(name)));
                }
                --stats_.applied;
                ++stats_.skipped;
                return;
            }
            schema_.functions.erase(it->second);
            events_.erase(it);
            return;
        case ast::Event::Op::create: {
            if (it != events_.end()) {
                if (stmt.if_not_exists) {
                    --stats_.applied;
                    ++stats_.skipped;
                    return;
                }
                if (!stmt.or_replace) {
                    throw StatementError(stmt.name.offset, fmt::format("event \"{}\" already exists", table_label(name)),
                                         schema_.functions.at(it->second).meta.location, "first defined here");
                }
                schema_.functions.erase(it->second);
                events_.erase(it);
            }
            model::Function f;
            f.name = name;
            f.kind = model::RoutineKind::event;
            f.meta = meta();
            f.meta.owner = stmt.definer;
            event_clauses(stmt, f);
            if (stmt.body) {
                set_body(f, *stmt.body, context);
            }
            model::RoutineName routine{name, f.identity_args()};
            if (keep_routine(std::move(f), "event", stmt.name.offset)) {
                events_[key] = routine;
            }
            return;
        }
        case ast::Event::Op::alter: {
            if (it == events_.end()) {
                throw StatementError(stmt.name.offset, fmt::format("event \"{}\" does not exist", table_label(name)));
            }
            model::Function f = schema_.functions.at(it->second);
            std::optional<ast::Name> rename = event_clauses(stmt, f);
            if (stmt.body) {
                set_body(f, *stmt.body, context);
            }
            if (!stmt.definer.empty()) {
                f.meta.owner = stmt.definer;
            }
            f.meta.changed_at = meta().location;
            schema_.functions.erase(it->second);
            events_.erase(it);
            if (rename) {
                f.name = qualify(*rename);
                auto new_key = std::make_pair(f.name.schema, lower(f.name.name));
                if (events_.contains(new_key)) {
                    throw StatementError(rename->offset,
                                         fmt::format("event \"{}\" already exists", table_label(f.name)));
                }
                key = new_key;
            }
            model::RoutineName routine{f.name, f.identity_args()};
            if (keep_routine(std::move(f), "event", stmt.name.offset)) {
                events_[key] = routine;
            }
            return;
        }
    }
}

}  // namespace schemerge::parser::mysql
