#include "parser/postgres/interpreter.hpp"

#include "parser/postgres/dialect_traits.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace schemerge::parser::postgres {

Interpreter::Interpreter(model::Schema& schema, std::vector<model::Diagnostic>& diagnostics,
                         const LoadOptions& options, LoadStats& stats)
    : schema_(schema), diagnostics_(diagnostics), options_(options), stats_(stats) {
    schema_.dialect = &traits();
    names_.schema = &schema_;
    names_.search_path = &search_path_;
    any_inherits_ = std::any_of(schema_.tables.begin(), schema_.tables.end(),
                                [](const auto& entry) { return !entry.second.inherits.empty(); });
}

void Interpreter::apply(Node* stmt, const StatementSite& site) {
    site_ = &site;
    current_ = stmt;
    if (stmt == nullptr) {
        return;
    }
    ++stats_.applied;
    switch (stmt->node_case) {
        // --- no schema effect: skipped and counted -------------------------------
        case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
        case PG_QUERY__NODE__NODE_INSERT_STMT:
        case PG_QUERY__NODE__NODE_UPDATE_STMT:
        case PG_QUERY__NODE__NODE_DELETE_STMT:
        case PG_QUERY__NODE__NODE_COPY_STMT:
        case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
        case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
        case PG_QUERY__NODE__NODE_VACUUM_STMT:
        case PG_QUERY__NODE__NODE_LOCK_STMT:
        case PG_QUERY__NODE__NODE_DISCARD_STMT:
        case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
        case PG_QUERY__NODE__NODE_NOTIFY_STMT:
        case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
        case PG_QUERY__NODE__NODE_CONSTRAINTS_SET_STMT:
        case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
        case PG_QUERY__NODE__NODE_CALL_STMT:
            --stats_.applied;
            ++stats_.skipped;
            return;
        case PG_QUERY__NODE__NODE_SELECT_STMT:
            if (!select_has_schema_effect(stmt->select_stmt)) {
                --stats_.applied;
                ++stats_.skipped;
            }
            return;
        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
            variable_set(stmt->variable_set_stmt);
            return;
        // --- modeled ------------------------------------------------------------
        case PG_QUERY__NODE__NODE_CREATE_STMT: create_table(stmt->create_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: create_table_as(stmt->create_table_as_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: alter_table(stmt->alter_table_stmt); return;
        case PG_QUERY__NODE__NODE_INDEX_STMT: create_index(stmt->index_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: create_sequence(stmt->create_seq_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: alter_sequence(stmt->alter_seq_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: create_enum(stmt->create_enum_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: alter_enum(stmt->alter_enum_stmt); return;
        case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: create_composite(stmt->composite_type_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: create_domain(stmt->create_domain_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: alter_domain(stmt->alter_domain_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: create_range(stmt->create_range_stmt); return;
        case PG_QUERY__NODE__NODE_DEFINE_STMT: define(stmt->define_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: create_function(stmt->create_function_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT: alter_function(stmt->alter_function_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: create_trigger(stmt->create_trig_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: create_policy(stmt->create_policy_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT: alter_policy(stmt->alter_policy_stmt); return;
        case PG_QUERY__NODE__NODE_VIEW_STMT: create_view(stmt->view_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: create_schema(stmt->create_schema_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: create_extension(stmt->create_extension_stmt); return;
        case PG_QUERY__NODE__NODE_COMMENT_STMT: comment(stmt->comment_stmt); return;
        case PG_QUERY__NODE__NODE_GRANT_STMT: grant(stmt->grant_stmt, stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT: alter_owner(stmt->alter_owner_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
            alter_default_privileges(stmt->alter_default_privileges_stmt);
            return;
        case PG_QUERY__NODE__NODE_DROP_STMT: drop(stmt->drop_stmt); return;
        case PG_QUERY__NODE__NODE_RENAME_STMT: rename(stmt->rename_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: alter_object_schema(stmt->alter_object_schema_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_TSCONFIGURATION_STMT:
            text_search_configuration(stmt->alter_tsconfiguration_stmt);
            return;
        case PG_QUERY__NODE__NODE_ALTER_OPERATOR_STMT: alter_operator(stmt->alter_operator_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_OP_CLASS_STMT: create_opclass(stmt->create_op_class_stmt); return;
        case PG_QUERY__NODE__NODE_CREATE_OP_FAMILY_STMT: create_opfamily(stmt->create_op_family_stmt); return;
        case PG_QUERY__NODE__NODE_ALTER_OP_FAMILY_STMT: alter_opfamily(stmt->alter_op_family_stmt); return;
        // --- kept verbatim: not interpreted, but not lost either ------------------
        case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT:
        case PG_QUERY__NODE__NODE_ALTER_EVENT_TRIG_STMT:
        case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT:
        case PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT:
        case PG_QUERY__NODE__NODE_CREATE_CAST_STMT:
        case PG_QUERY__NODE__NODE_RULE_STMT:
        case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT:
        case PG_QUERY__NODE__NODE_CREATE_FDW_STMT:
        case PG_QUERY__NODE__NODE_CREATE_FOREIGN_SERVER_STMT:
        case PG_QUERY__NODE__NODE_CREATE_USER_MAPPING_STMT:
        case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
        case PG_QUERY__NODE__NODE_SEC_LABEL_STMT:
        case PG_QUERY__NODE__NODE_CREATE_PLANG_STMT:
        case PG_QUERY__NODE__NODE_CREATE_TRANSFORM_STMT:
        case PG_QUERY__NODE__NODE_CREATE_AM_STMT:
        case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
        case PG_QUERY__NODE__NODE_ALTER_EXTENSION_CONTENTS_STMT:
        case PG_QUERY__NODE__NODE_ALTER_TSDICTIONARY_STMT:
        case PG_QUERY__NODE__NODE_CREATE_CONVERSION_STMT:
        case PG_QUERY__NODE__NODE_ALTER_TYPE_STMT:
        case PG_QUERY__NODE__NODE_ALTER_COLLATION_STMT:
        case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
        case PG_QUERY__NODE__NODE_ALTER_STATS_STMT:
        case PG_QUERY__NODE__NODE_ALTER_OBJECT_DEPENDS_STMT:
            keep_opaque(stmt);
            return;
        default:
            unsupported(stmt, "statement");
            return;
    }
}

void Interpreter::keep_opaque(Node* stmt) {
    std::string kind = node_kind_name(stmt);
    if (options_.unsupported == UnsupportedPolicy::error) {
        throw StatementError(0, fmt::format("{} is not modeled by schemerge (--strict)", kind));
    }
    ++stats_.unsupported;
    model::OpaqueStatement op;
    op.statement_kind = kind;
    op.sql = deparse_raw(stmt);
    op.meta = meta();
    for (const auto& existing : schema_.opaque) {
        if (existing.sql == op.sql) {
            return;  // the same statement twice has no further effect worth keeping
        }
    }
    warn(fmt::format("{} is not modeled; kept verbatim in dumps, not compared structurally", kind));
    schema_.opaque.push_back(std::move(op));
}

void Interpreter::unsupported(Node* stmt, std::string_view what) {
    std::string kind = node_kind_name(stmt);
    if (options_.unsupported == UnsupportedPolicy::error) {
        throw StatementError(0, fmt::format("unsupported {} {} (--strict)", what, kind));
    }
    ++stats_.unsupported;
    --stats_.applied;
    warn(fmt::format("unsupported {} {}: ignored", what, kind));
}

void Interpreter::warn(std::string message) {
    model::Diagnostic d;
    d.severity = model::Severity::warning;
    if (site_ != nullptr) {
        d.location = site_->location;
        std::string_view text = site_->text;
        d.source_line = std::string{text.substr(0, text.find('\n'))};
    }
    d.message = std::move(message);
    diagnostics_.push_back(std::move(d));
}

void Interpreter::warn_at(int offset, std::string message) {
    warn(std::move(message));
    if (site_ == nullptr || offset <= 0 || static_cast<std::size_t>(offset) >= site_->text.size()) {
        return;
    }
    model::Diagnostic& d = diagnostics_.back();
    d.location = meta_at(offset).location;
    std::string_view text = site_->text;
    std::size_t start = text.rfind('\n', static_cast<std::size_t>(offset) - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::size_t end = text.find('\n', start);
    d.source_line = std::string{text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)};
    if (start == 0 && site_->location.column > 1) {
        // The statement's first line starts mid-line: blanks for what precedes it, so the
        // caret stays under the column.
        d.source_line.insert(0, site_->location.column - 1, ' ');
    }
}

model::ObjectBase Interpreter::meta() const {
    model::ObjectBase base;
    if (site_ != nullptr) {
        base.location = site_->location;
    }
    return base;
}

model::ObjectBase Interpreter::meta_at(int offset) const {
    model::ObjectBase base = meta();
    if (site_ == nullptr || offset <= 0 || static_cast<std::size_t>(offset) >= site_->text.size()) {
        return base;
    }
    // Statement offsets count bytes from the statement's first character; columns count
    // characters of the line.
    std::string_view before = site_->text.substr(0, static_cast<std::size_t>(offset));
    std::size_t last_newline = before.rfind('\n');
    std::uint32_t newlines = 0;
    for (char c : before) {
        newlines += c == '\n' ? 1U : 0U;
    }
    std::string_view line_part = last_newline == std::string_view::npos ? before : before.substr(last_newline + 1);
    std::uint32_t chars = 0;
    for (char c : line_part) {
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1U : 0U;
    }
    base.location.line += newlines;
    base.location.column = newlines == 0 ? base.location.column + chars : chars + 1;
    return base;
}

void Interpreter::duplicate(const std::string& what, const model::SourceLocation& previous) {
    throw StatementError(0, fmt::format("{} already exists", what), previous, "first defined here");
}

model::QualifiedName Interpreter::qualify(Node* const* names, std::size_t n) const {
    auto parts = string_list(names, n);
    if (parts.empty()) {
        return {};
    }
    if (parts.size() >= 2) {
        return {parts[parts.size() - 2], parts.back()};
    }
    return {names_.default_schema, parts.back()};
}

model::QualifiedName Interpreter::qualify(const PgQuery__RangeVar* rv) const {
    if (rv == nullptr) {
        return {};
    }
    std::string schema = rv->schemaname != nullptr && rv->schemaname[0] != '\0' ? rv->schemaname : "";
    return {schema.empty() ? names_.default_schema : schema, rv->relname != nullptr ? rv->relname : ""};
}

// An unqualified name refers to the first schema of the search path holding it.
model::QualifiedName Interpreter::resolve_relation(const PgQuery__RangeVar* rv) const {
    model::QualifiedName name = qualify(rv);
    if (rv != nullptr && (rv->schemaname == nullptr || rv->schemaname[0] == '\0')) {
        for (const auto& schema : search_path_) {
            model::QualifiedName candidate{schema, name.name};
            if (schema_.relation_exists(candidate)) {
                return candidate;
            }
        }
    }
    return name;
}

model::QualifiedName Interpreter::resolve_type(Node* const* names, std::size_t n) const {
    model::QualifiedName name = qualify(names, n);
    if (n == 1) {
        for (const auto& schema : search_path_) {
            model::QualifiedName candidate{schema, name.name};
            if (schema_.types.contains(candidate) || schema_.tables.contains(candidate)) {
                return candidate;
            }
        }
    }
    return name;
}

namespace {
// The collations initdb creates in pg_catalog: default, C, POSIX, ucs_basic, and those it
// imports from the operating system's locales (pg_import_system_collations: libc names
// such as en_US, en_US.utf8, de_DE@euro, C.utf8, and ICU ones ending in -x-icu). Any other
// name was created by someone: an earlier file or an extension.
bool builtin_collation(std::string_view name) {
    if (name == "default" || name == "C" || name == "POSIX" || name == "ucs_basic" || name.ends_with("-x-icu")) {
        return true;
    }
    // language[_TERRITORY][.codeset][@modifier]
    std::size_t i = 0;
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (name.starts_with("C.")) {
        i = 1;
    } else {
        while (i < name.size() && lower(name[i])) {
            ++i;
        }
        if (i < 2 || i > 3) {
            return false;
        }
        if (i < name.size() && name[i] == '_') {
            std::size_t start = ++i;
            while (i < name.size() && upper(name[i])) {
                ++i;
            }
            if (i - start != 2) {
                return false;
            }
        } else if (i == name.size()) {
            return false;  // a bare word ("numeric", "musicbrainz") is somebody's collation
        }
    }
    if (i < name.size() && name[i] == '.') {
        ++i;
        while (i < name.size() && name[i] != '@') {
            ++i;
        }
    }
    if (i < name.size() && name[i] == '@') {
        i = name.size();
    }
    return i == name.size();
}
}  // namespace

model::QualifiedName Interpreter::resolve_collation(Node* const* names, std::size_t n) const {
    auto parts = string_list(names, n);
    if (parts.empty()) {
        return {};
    }
    if (parts.size() >= 2) {
        return {parts[parts.size() - 2], parts.back()};
    }
    const std::string& name = parts.back();
    const bool builtin = builtin_collation(name);
    for (std::size_t i = 0; i <= search_path_.size(); ++i) {
        if (static_cast<int>(i) == names_.catalog_position && builtin) {
            return {"pg_catalog", name};
        }
        if (i < search_path_.size() && !names_.empty_path && schema_.collations.contains({search_path_[i], name})) {
            return {search_path_[i], name};
        }
    }
    if (builtin || names_.empty_path) {
        return {"pg_catalog", name};  // only pg_catalog is searched
    }
    return {"", name};  // not defined in the input: kept as written
}

model::Table& Interpreter::require_table(const model::QualifiedName& name, int offset) {
    auto it = schema_.tables.find(name);
    if (it == schema_.tables.end()) {
        throw StatementError(offset, fmt::format("relation \"{}\" does not exist", name.to_string()));
    }
    return it->second;
}

// ChooseRelationName (indexcmds.c): name1_name2_label, then label1, label2, ... until the
// name is free in the schema's relation namespace.
std::string Interpreter::choose_relation_name(const std::string& table, const std::string& column,
                                              const std::string& label, const std::string& schema) const {
    std::string candidate = make_object_name(table, column, label);
    for (int pass = 1; schema_.relation_exists({schema, candidate}); ++pass) {
        candidate = make_object_name(table, column, label + std::to_string(pass));
    }
    return candidate;
}

// ChooseConstraintName (pg_constraint.c): unique among the table's constraints (and,
// for index-backed ones, the relation namespace).
std::string Interpreter::choose_constraint_name(const model::Table& table, const std::string& column,
                                                const std::string& label) const {
    std::string candidate = make_object_name(table.name.name, column, label);
    auto taken = [&](const std::string& name) {
        return table.find_constraint(name) != nullptr || schema_.relation_exists({table.name.schema, name});
    };
    for (int pass = 1; taken(candidate); ++pass) {
        candidate = make_object_name(table.name.name, column, label + std::to_string(pass));
    }
    return candidate;
}

std::string rename_annotation(std::string_view text) {
    constexpr std::string_view k_marker = "schemerge:renamed-from";
    std::size_t at = text.find(k_marker);
    if (at == std::string_view::npos) {
        return {};
    }
    // Only inside a -- comment: the marker must follow "--" on its line.
    std::size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::size_t dashes = text.find("--", line_start);
    if (dashes == std::string_view::npos || dashes > at) {
        return {};
    }
    std::size_t pos = at + k_marker.size();
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
        ++pos;
    }
    std::string name;
    std::string part;
    bool quoted = false;
    for (; pos < text.size(); ++pos) {
        char c = text[pos];
        if (quoted) {
            if (c == '"' && pos + 1 < text.size() && text[pos + 1] == '"') {
                part += '"';
                ++pos;
            } else if (c == '"') {
                quoted = false;
            } else {
                part += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
        } else if (c == '.') {
            part.clear();  // keep the last component
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == ')') {
            break;
        } else {
            part += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    name = part;
    return name;
}

std::string Interpreter::statement_rename_annotation() const {
    if (site_ == nullptr) {
        return {};
    }
    std::string name = rename_annotation(site_->leading);
    if (name.empty()) {
        std::string_view first_line = site_->text.substr(0, site_->text.find('\n'));
        name = rename_annotation(first_line);
    }
    if (name.empty() && site_->text.find('\n') == std::string_view::npos) {
        name = rename_annotation(site_->trailing);  // a one-line statement with a trailing comment
    }
    return name;
}

std::string Interpreter::line_rename_annotation(int offset) const {
    if (site_ == nullptr || offset < 0 || static_cast<std::size_t>(offset) >= site_->text.size()) {
        return {};
    }
    std::string_view text = site_->text;
    auto at = static_cast<std::size_t>(offset);
    std::size_t start = text.rfind('\n', at);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::size_t end = text.find('\n', at);
    std::string name = rename_annotation(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (name.empty() && start > 0) {
        // A comment-only line right above the definition.
        std::size_t prev_start = text.rfind('\n', start - 1 == 0 ? 0 : start - 2);
        prev_start = prev_start == std::string_view::npos ? 0 : prev_start + 1;
        std::string_view prev = text.substr(prev_start, start - 1 - prev_start);
        std::size_t first = prev.find_first_not_of(" \t");
        if (first != std::string_view::npos && prev.substr(first).starts_with("--")) {
            name = rename_annotation(prev);
        }
    }
    return name;
}

std::string Interpreter::describe_location(int) const {
    return site_ != nullptr ? site_->location.to_string() : std::string{};
}

}  // namespace schemerge::parser::postgres
