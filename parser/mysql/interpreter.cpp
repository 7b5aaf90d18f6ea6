#include "parser/mysql/interpreter.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::parser::mysql {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool equals_ci(std::string_view a, std::string_view b) { return traits().names_equal(a, b); }

}  // namespace

Interpreter::Interpreter(model::Schema& schema, std::vector<model::Diagnostic>& diagnostics,
                         const LoadOptions& options, LoadStats& stats)
    : schema_(schema), diagnostics_(diagnostics), options_(options), stats_(stats) {
    schema_.dialect = &traits();
}

void Interpreter::apply(const ast::Statement& statement, const StatementSite& site) {
    site_ = &site;
    ++stats_.applied;
    std::visit(
        [&](const auto& s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, ast::CreateTable>) {
                create_table(s);
            } else if constexpr (std::is_same_v<T, ast::AlterTable>) {
                alter_table(s);
            } else if constexpr (std::is_same_v<T, ast::DropTable>) {
                drop_table(s);
            } else if constexpr (std::is_same_v<T, ast::RenameTable>) {
                rename_table(s);
            } else if constexpr (std::is_same_v<T, ast::CreateIndex>) {
                create_index_statement(s);
            } else if constexpr (std::is_same_v<T, ast::DropIndex>) {
                drop_index_statement(s);
            } else if constexpr (std::is_same_v<T, ast::CreateView>) {
                create_view(s);
            } else if constexpr (std::is_same_v<T, ast::DropView>) {
                drop_view(s);
            } else if constexpr (std::is_same_v<T, ast::CreateTrigger>) {
                create_trigger(s);
            } else if constexpr (std::is_same_v<T, ast::DropTrigger>) {
                drop_trigger(s);
            } else if constexpr (std::is_same_v<T, ast::CreateRoutine>) {
                create_routine(s);
            } else if constexpr (std::is_same_v<T, ast::AlterRoutine>) {
                alter_routine(s);
            } else if constexpr (std::is_same_v<T, ast::DropRoutine>) {
                drop_routine(s);
            } else if constexpr (std::is_same_v<T, ast::Event>) {
                event(s);
            } else if constexpr (std::is_same_v<T, ast::Database>) {
                database(s);
            } else if constexpr (std::is_same_v<T, ast::Set>) {
                set(s);
            } else if constexpr (std::is_same_v<T, ast::Skipped>) {
                --stats_.applied;
                ++stats_.skipped;
            } else if constexpr (std::is_same_v<T, ast::Unmodeled>) {
                unmodeled(s);
            }
        },
        statement.body);
}

// ---------------------------------------------------------------------------------------
// Names and places

model::QualifiedName Interpreter::qualify(const ast::Name& name) const {
    const std::string& db = name.schema.empty() ? current_ : name.schema;
    bool home = home_ ? db == *home_ : db.empty();
    return {home ? std::string{} : db, name.name};
}

std::string Interpreter::database_of(const model::QualifiedName& name) const {
    if (!name.schema.empty()) {
        return name.schema;
    }
    return home_ ? *home_ : std::string{};
}

std::string Interpreter::table_label(const model::QualifiedName& name) const {
    return name.schema.empty() ? name.name : name.schema + "." + name.name;
}

bool Interpreter::relation_exists(const model::QualifiedName& name) const {
    return schema_.tables.contains(name) || schema_.views.contains(name);
}

model::Table& Interpreter::require_table(const ast::Name& name) {
    model::QualifiedName q = qualify(name);
    auto it = schema_.tables.find(q);
    if (it == schema_.tables.end()) {
        if (schema_.views.contains(q)) {
            throw StatementError(name.offset, fmt::format("\"{}\" is a view, not a base table", table_label(q)));
        }
        throw StatementError(name.offset, fmt::format("table \"{}\" does not exist", table_label(q)));
    }
    return it->second;
}

Interpreter::TableState& Interpreter::state_of(const model::QualifiedName& table) { return tables_[table]; }

model::ObjectBase Interpreter::meta_at(std::uint32_t offset) const {
    model::ObjectBase base;
    if (site_ != nullptr && site_->file != nullptr) {
        base.location = site_->file->location(site_->base + offset);
    }
    return base;
}

void Interpreter::warn(std::string message, std::optional<std::uint32_t> offset) {
    if (site_ == nullptr || site_->file == nullptr) {
        model::Diagnostic d;
        d.severity = model::Severity::warning;
        d.message = std::move(message);
        diagnostics_.push_back(std::move(d));
        return;
    }
    diagnostics_.push_back(
        diagnostic_at(model::Severity::warning, *site_->file, site_->base + offset.value_or(site_->offset),
                      std::move(message)));
}

model::QualifiedName Interpreter::index_key(const model::QualifiedName& table, const std::string& index) {
    // Index names are unique per table in MySQL, but Schema::indexes is keyed by a name
    // per schema: the key is "table.index" until the model keys indexes by table.
    return {table.schema, table.name + "." + index};
}

model::Index* Interpreter::find_index(const model::Table& table, const std::string& name) {
    const TableState& state = tables_[table.name];
    auto it = state.indexes.find(lower(name));
    if (it == state.indexes.end()) {
        return nullptr;
    }
    auto idx = schema_.indexes.find(index_key(table.name, it->second));
    return idx == schema_.indexes.end() ? nullptr : &idx->second;
}

model::Column* Interpreter::find_column(model::Table& table, std::string_view name) {
    for (auto& c : table.columns) {
        if (equals_ci(c.name, name)) {
            return &c;
        }
    }
    return nullptr;
}

const model::Column* Interpreter::find_column(const model::Table& table, std::string_view name) {
    for (const auto& c : table.columns) {
        if (equals_ci(c.name, name)) {
            return &c;
        }
    }
    return nullptr;
}

ExprContext Interpreter::columns_of(const model::Table& table) const {
    ExprContext context;
    const model::Table* t = &table;
    context.column = [t](std::string_view name) -> std::optional<std::string> {
        if (const model::Column* c = find_column(*t, name)) {
            return c->name;
        }
        return std::nullopt;
    };
    return context;
}

// `-- schemerge:renamed-from old_name` on the lines of [offset, end) or the comment-only
// line above them (a MySQL name: kept as written, backquotes removed, last part of a
// qualified name).
std::string Interpreter::rename_annotation_at(std::uint32_t offset, std::uint32_t end) const {
    if (site_ == nullptr || site_->file == nullptr) {
        return {};
    }
    const std::string& text = site_->file->source->text;
    std::size_t from = site_->base + offset;
    std::size_t to = std::min(text.size(), site_->base + end);
    std::size_t line_start = text.rfind('\n', from == 0 ? 0 : from - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    std::size_t line_end = text.find('\n', to);
    line_end = line_end == std::string::npos ? text.size() : line_end;
    auto parse = [](std::string_view s) -> std::string {
        constexpr std::string_view k_marker = "schemerge:renamed-from";
        std::size_t at = s.find(k_marker);
        if (at == std::string_view::npos) {
            return {};
        }
        std::size_t line = s.rfind('\n', at);
        line = line == std::string_view::npos ? 0 : line + 1;
        std::size_t comment = s.substr(line, at - line).find_first_of("-#");
        if (comment == std::string_view::npos) {
            return {};
        }
        std::size_t pos = at + k_marker.size();
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) {
            ++pos;
        }
        std::string part;
        bool quoted = false;
        for (; pos < s.size(); ++pos) {
            char c = s[pos];
            if (quoted) {
                if (c == '`' && pos + 1 < s.size() && s[pos + 1] == '`') {
                    part += '`';
                    ++pos;
                } else if (c == '`') {
                    quoted = false;
                } else {
                    part += c;
                }
            } else if (c == '`') {
                quoted = true;
            } else if (c == '.') {
                part.clear();
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';' || c == ')') {
                break;
            } else {
                part += c;
            }
        }
        return part;
    };
    std::string found = parse(std::string_view{text}.substr(line_start, line_end - line_start));
    if (found.empty() && line_start > 0) {
        std::size_t prev_start = text.rfind('\n', line_start >= 2 ? line_start - 2 : 0);
        prev_start = prev_start == std::string::npos ? 0 : prev_start + 1;
        std::string_view prev{text.data() + prev_start, line_start - 1 - prev_start};
        std::size_t first = prev.find_first_not_of(" \t");
        if (first != std::string_view::npos && (prev.substr(first).starts_with("--") || prev[first] == '#')) {
            found = parse(prev);
        }
    }
    return found;
}

// ---------------------------------------------------------------------------------------
// Databases (13.1.12 CREATE DATABASE, 13.1.2 ALTER DATABASE, 13.1.24 DROP DATABASE, USE)

void Interpreter::database(const ast::Database& stmt) {
    using Op = ast::Database::Op;
    if (stmt.op == Op::use) {
        if (!home_) {
            home_ = stmt.name;
        }
        current_ = stmt.name;
        return;
    }
    if (stmt.op == Op::drop) {
        auto it = databases_.find(stmt.name);
        bool known = it != databases_.end() && it->second.created;
        bool is_home = home_ && *home_ == stmt.name;
        model::QualifiedName probe{is_home ? std::string{} : stmt.name, ""};
        bool has_objects = std::any_of(schema_.tables.begin(), schema_.tables.end(),
                                       [&](const auto& t) { return t.first.schema == probe.schema; });
        if (!known && !has_objects && !is_home) {
            if (!stmt.if_exists) {
                throw StatementError(stmt.name_offset,
                                     fmt::format("database \"{}\" does not exist", stmt.name));
            }
            --stats_.applied;
            ++stats_.skipped;
            return;
        }
        // Everything in the database goes with it.
        const std::string& schema = probe.schema;
        std::erase_if(schema_.tables, [&](const auto& t) { return t.first.schema == schema; });
        std::erase_if(schema_.views, [&](const auto& v) { return v.first.schema == schema; });
        std::erase_if(schema_.indexes, [&](const auto& i) { return i.first.schema == schema; });
        std::erase_if(schema_.triggers, [&](const auto& t) { return t.first.table.schema == schema; });
        std::erase_if(schema_.functions, [&](const auto& f) { return f.first.name.schema == schema; });
        std::erase_if(tables_, [&](const auto& t) { return t.first.schema == schema; });
        std::erase_if(foreign_keys_, [&](const auto& f) { return f.second.schema == schema; });
        std::erase_if(triggers_, [&](const auto& t) { return t.second.schema == schema; });
        std::erase_if(routines_, [&](const auto& r) { return r.second.name.schema == schema; });
        std::erase_if(events_, [&](const auto& e) { return e.second.name.schema == schema; });
        databases_.erase(stmt.name);
        return;
    }
    DatabaseState& db = databases_[stmt.name];
    if (stmt.op == Op::create) {
        if (db.created && !stmt.or_replace) {
            if (stmt.if_not_exists) {
                --stats_.applied;
                ++stats_.skipped;
                return;
            }
            throw StatementError(stmt.name_offset, fmt::format("database \"{}\" already exists", stmt.name),
                                 db.location, "first created here");
        }
        db = DatabaseState{};
        db.created = true;
        db.location = meta().location;
    }
    std::string charset = canonical_charset(stmt.charset);
    std::string collation = canonical_collation(stmt.collation);
    if (!charset.empty() && charset != "default") {
        db.charset = charset;
        db.collation.clear();
    }
    if (!collation.empty()) {
        std::string of = charset_of_collation(collation);
        if (!charset.empty() && charset != "default" && of != charset) {
            throw StatementError(site_->offset,
                                 fmt::format("COLLATE {} is not valid for CHARACTER SET {}", collation, charset));
        }
        db.charset = of;
        db.collation = non_default_collation(collation);
    }
    if (stmt.comment) {
        db.comment = stmt.comment->empty() ? std::nullopt : stmt.comment;
    }
}

// ---------------------------------------------------------------------------------------
// SET: no schema effect, but FOREIGN_KEY_CHECKS decides whether a foreign key may name a
// table that does not exist yet (mysqldump turns the checks off for its whole file).

void Interpreter::set(const ast::Set& stmt) {
    --stats_.applied;
    ++stats_.skipped;
    const ast::Tokens& tokens = stmt.tokens;
    std::size_t i = 0;
    auto value_of = [&](std::size_t from, std::size_t to) -> std::string {
        if (to != from + 1) {
            return {};
        }
        const ast::Token& t = tokens[from];
        std::string v = lower(t.text);
        if (t.kind == ast::TokenKind::variable) {
            if (v.starts_with("@@")) {
                std::string name = v.substr(2);
                if (auto dot = name.rfind('.'); dot != std::string::npos) {
                    name = name.substr(dot + 1);
                }
                return name == "foreign_key_checks" ? (foreign_key_checks_ ? "1" : "0") : std::string{};
            }
            auto it = user_variables_.find(v.substr(1));
            return it == user_variables_.end() ? std::string{} : it->second;
        }
        if (v == "on" || v == "true" || v == "default") {
            return "1";
        }
        if (v == "off" || v == "false") {
            return "0";
        }
        return v;
    };
    while (i < tokens.size()) {
        // One assignment: up to the next comma outside parentheses.
        std::size_t end = i;
        int depth = 0;
        for (; end < tokens.size(); ++end) {
            const ast::Token& t = tokens[end];
            if (t.kind == ast::TokenKind::punctuation) {
                if (t.text == "(") {
                    ++depth;
                } else if (t.text == ")") {
                    --depth;
                } else if (t.text == "," && depth == 0) {
                    break;
                }
            }
        }
        std::size_t eq = i;
        while (eq < end && !(tokens[eq].kind == ast::TokenKind::punctuation &&
                             (tokens[eq].text == "=" || tokens[eq].text == ":="))) {
            ++eq;
        }
        if (eq < end && eq > i) {
            std::size_t name_at = eq - 1;
            std::string target = lower(tokens[name_at].text);
            // SET GLOBAL / SESSION / LOCAL x, SET @@session.x, SET @user.
            bool user = tokens[name_at].kind == ast::TokenKind::variable && !target.starts_with("@@");
            if (target.starts_with("@@")) {
                target = target.substr(2);
                if (auto dot = target.rfind('.'); dot != std::string::npos) {
                    target = target.substr(dot + 1);
                }
            }
            std::string value = value_of(eq + 1, end);
            if (target == "sql_mode") {
                for (std::size_t k = eq + 1; k < end; ++k) {
                    std::string v = lower(tokens[k].text);
                    if (v.find("ansi_quotes") != std::string::npos || v.find("'ansi'") != std::string::npos) {
                        // The grammar reads "..." as a string, MySQL's default; with ANSI_QUOTES the
                        // server reads it as a name.
                        warn("sql_mode ANSI_QUOTES is not followed: \"double-quoted\" text is still read as a "
                             "string, not as a name",
                             tokens[k].offset);
                        break;
                    }
                }
            }
            if (user) {
                user_variables_[target.substr(1)] = value;
            } else if (target == "foreign_key_checks" && !value.empty()) {
                foreign_key_checks_ = value != "0";
            }
        }
        i = end + 1;
    }
}

// ---------------------------------------------------------------------------------------
// Statements the model does not cover

std::string render_statement(const ast::Tokens& tokens) {
    return render_expression(tokens, ExprContext{}).text;
}

std::string render_partitioning(const ast::Tokens& tokens, const std::string& table_engine) {
    // mysqldump writes each partition's engine (`PARTITION p0 VALUES LESS THAN (10) ENGINE =
    // InnoDB`): a partition's engine is always the table's, so it is left out.
    ast::Tokens kept;
    kept.reserve(tokens.size());
    auto upper_is = [](const ast::Token& t, std::string_view w) {
        if (t.kind == ast::TokenKind::quoted || t.text.size() != w.size()) {
            return false;
        }
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (std::toupper(static_cast<unsigned char>(t.text[i])) != w[i]) {
                return false;
            }
        }
        return true;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::size_t k = i;
        if (upper_is(tokens[k], "STORAGE") && k + 1 < tokens.size()) {
            ++k;
        }
        if (upper_is(tokens[k], "ENGINE")) {
            ++k;
            if (k < tokens.size() && tokens[k].kind == ast::TokenKind::punctuation && tokens[k].text == "=") {
                ++k;
            }
            if (k < tokens.size()) {
                std::string engine = tokens[k].text;
                std::string lower_engine = lower(engine);
                if (lower_engine == "innodb" ? table_engine.empty() : equals_ci(engine, table_engine)) {
                    i = k;
                    continue;
                }
            }
        }
        kept.push_back(tokens[i]);
    }
    return render_expression(kept, ExprContext{}).text;
}

void Interpreter::keep_opaque(const std::string& kind, const ast::Tokens& tokens, const std::string& event_name) {
    if (options_.unsupported == UnsupportedPolicy::error) {
        throw StatementError(site_->offset, fmt::format("{} is not modeled by schemerge (--strict)", kind));
    }
    ++stats_.unsupported;
    model::OpaqueStatement op;
    op.statement_kind = kind;
    op.sql = render_statement(tokens);
    op.meta = meta();
    (void)event_name;
    for (const auto& existing : schema_.opaque) {
        if (existing.sql == op.sql) {
            return;  // the same statement twice has no further effect worth keeping
        }
    }
    warn(fmt::format("{} is not modeled; kept verbatim in dumps, not compared structurally", kind));
    schema_.opaque.push_back(std::move(op));
}

void Interpreter::unmodeled(const ast::Unmodeled& stmt) { keep_opaque(stmt.kind, stmt.tokens, {}); }

// ---------------------------------------------------------------------------------------

void Interpreter::finish() {
    for (auto& [name, table] : schema_.tables) {
        std::sort(table.constraints.begin(), table.constraints.end(),
                  [](const model::Constraint& a, const model::Constraint& b) { return a.name < b.name; });
    }
    // Databases the script created other than its own are schemas of the model.
    for (const auto& [name, db] : databases_) {
        if (!db.created || (home_ && *home_ == name) || name.empty()) {
            continue;
        }
        model::Namespace ns;
        ns.name = name;
        ns.meta.location = db.location;
        ns.meta.comment = db.comment;
        schema_.namespaces.emplace(name, std::move(ns));
    }
    // Foreign keys created with FOREIGN_KEY_CHECKS=0 may name tables that never came.
    for (const auto& [name, table] : schema_.tables) {
        for (const auto& c : table.constraints) {
            if (c.kind == model::ConstraintKind::foreign_key && !schema_.tables.contains(c.ref_table)) {
                model::Diagnostic d;
                d.severity = model::Severity::warning;
                d.location = c.meta.location;
                d.message = fmt::format("foreign key \"{}\" of \"{}\" references \"{}\", which is never created",
                                        c.name, table_label(name), table_label(c.ref_table));
                diagnostics_.push_back(std::move(d));
            }
        }
    }
}

}  // namespace schemerge::parser::mysql
