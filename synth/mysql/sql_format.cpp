#include "synth/mysql/sql_format.hpp"

#include <algorithm>
#include <cctype>

#include "parser/mysql/canonical.hpp"
#include "parser/mysql/dialect_traits.hpp"

namespace schemerge::synth::mysql {

namespace attr = parser::mysql::attr;

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) {
            out += separator;
        }
        out += p;
    }
    return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::vector<std::string> parts;
    parts.reserve(names.size());
    for (const auto& n : names) {
        parts.push_back(quote(n));
    }
    return join(parts, ",");
}

std::string referential_action(model::ReferentialAction action) {
    switch (action) {
        case model::ReferentialAction::no_action: return "NO ACTION";
        case model::ReferentialAction::restrict: return "RESTRICT";
        case model::ReferentialAction::cascade: return "CASCADE";
        case model::ReferentialAction::set_null: return "SET NULL";
        case model::ReferentialAction::set_default: return "SET DEFAULT";
    }
    return "NO ACTION";
}

// Key parts: `a`, `b`(10), (expr) and DESC.
std::string key_parts(const std::vector<std::pair<std::string, std::string>>& lengths,
                      const std::vector<std::string>& columns, const std::vector<model::SortOrder>& orders,
                      const std::vector<const model::Expression*>& expressions) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        std::string part;
        if (columns[i].empty() && expressions[i] != nullptr) {
            part = "(" + expressions[i]->text + ")";
        } else {
            part = quote(columns[i]);
            for (const auto& [column, length] : lengths) {
                if (column == columns[i]) {
                    part += "(" + length + ")";
                }
            }
        }
        if (orders[i] == model::SortOrder::desc) {
            part += " DESC";
        }
        parts.push_back(std::move(part));
    }
    return "(" + join(parts, ",") + ")";
}

// A table option's value as SQL: numbers and plain words as they are, other text quoted.
std::string option_value(const std::string& value) {
    bool plain = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
    return plain ? value : quote_string(value);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> option_pairs(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find(", ", i);
        std::string item = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
        std::size_t eq = item.find('=');
        if (eq != std::string::npos) {
            out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        }
        if (end == std::string::npos) {
            break;
        }
        i = end + 2;
    }
    return out;
}

std::string quote(std::string_view name) { return parser::mysql::quote(name); }

std::string qualified(const model::QualifiedName& name) {
    return name.schema.empty() ? quote(name.name) : quote(name.schema) + "." + quote(name.name);
}

std::string quote_string(std::string_view value) { return parser::mysql::quote_string(value); }

std::string type_text(const model::TypeRef& type) {
    const std::string& name = type.name.name;
    std::size_t space = name.find(' ');
    std::string head = name.substr(0, space);
    std::string tail = space == std::string::npos ? std::string{} : name.substr(space);
    std::string out = head;
    if (!type.modifiers.empty()) {
        out += "(" + join(type.modifiers, ",") + ")";
    }
    return out + tail;
}

bool is_character_type(const model::TypeRef& type) {
    std::string head = type.name.name.substr(0, type.name.name.find(' '));
    return head == "char" || head == "varchar" || head == "tinytext" || head == "text" || head == "mediumtext" ||
           head == "longtext" || head == "enum" || head == "set";
}

std::string column_definition(const model::Column& column) {
    std::string out = quote(column.name) + " " + type_text(column.type);
    if (std::string charset = attribute(column, attr::column_charset); !charset.empty()) {
        out += " CHARACTER SET " + charset;
    }
    if (column.collation) {
        out += " COLLATE " + column.collation->name;
    }
    const bool generated = column.generated != model::GeneratedKind::none;
    if (generated) {
        out += " GENERATED ALWAYS AS (" + column.generation->text + ")";
        out += flag(column, attr::virtual_generated) ? " VIRTUAL" : " STORED";
    }
    if (column.not_null) {
        out += " NOT NULL";
    } else if (!generated && column.type.name.name.starts_with("timestamp")) {
        // A nullable TIMESTAMP says so: with explicit_defaults_for_timestamp off the
        // server would make it NOT NULL DEFAULT CURRENT_TIMESTAMP.
        out += " NULL";
    }
    if (column.default_value) {
        out += " DEFAULT " + column.default_value->text;
    }
    if (std::string on_update = attribute(column, attr::on_update); !on_update.empty()) {
        out += " ON UPDATE " + on_update;
    }
    if (flag(column, attr::auto_increment)) {
        out += " AUTO_INCREMENT";
    }
    if (flag(column, attr::invisible)) {
        out += " INVISIBLE";
    }
    if (std::string srid = attribute(column, attr::srid); !srid.empty()) {
        out += " SRID " + srid;
    }
    if (std::string format = attribute(column, attr::column_format); !format.empty()) {
        out += " COLUMN_FORMAT " + format;
    }
    if (std::string storage = attribute(column, attr::column_storage); !storage.empty()) {
        out += " STORAGE " + storage;
    }
    if (column.meta.comment) {
        out += " COMMENT " + quote_string(*column.meta.comment);
    }
    if (std::string engine = attribute(column, attr::column_engine_attribute); !engine.empty()) {
        out += " ENGINE_ATTRIBUTE=" + quote_string(engine);
    }
    return out;
}

std::string index_name(const model::Index& index) {
    const std::string& full = index.name.name;
    std::string prefix = index.table.name + ".";
    return full.starts_with(prefix) ? full.substr(prefix.size()) : full;
}

std::string index_definition(const model::Index& index) {
    std::string out;
    if (index.method == "fulltext") {
        out = "FULLTEXT KEY ";
    } else if (index.method == "spatial") {
        out = "SPATIAL KEY ";
    } else if (index.unique) {
        out = "UNIQUE KEY ";
    } else {
        out = "KEY ";
    }
    out += quote(index_name(index)) + " ";
    std::vector<std::string> columns;
    std::vector<model::SortOrder> orders;
    std::vector<const model::Expression*> expressions;
    for (const auto& e : index.elements) {
        columns.push_back(e.column);
        orders.push_back(e.order);
        expressions.push_back(&e.expression);
    }
    out += key_parts(option_pairs(attribute(index, attr::index_key_lengths)), columns, orders, expressions);
    if (index.method == "hash" || index.method == "rtree") {
        out += " USING " + upper(index.method);
    }
    if (std::string size = attribute(index, attr::index_key_block_size); !size.empty()) {
        out += " KEY_BLOCK_SIZE=" + size;
    }
    if (std::string parser = attribute(index, attr::index_parser); !parser.empty()) {
        out += " WITH PARSER " + parser;
    }
    if (index.meta.comment) {
        out += " COMMENT " + quote_string(*index.meta.comment);
    }
    if (flag(index, attr::index_invisible)) {
        out += " INVISIBLE";
    }
    if (flag(index, attr::index_ignored)) {
        out += " IGNORED";
    }
    if (std::string engine = attribute(index, attr::index_engine_attribute); !engine.empty()) {
        out += " ENGINE_ATTRIBUTE=" + quote_string(engine);
    }
    return out;
}

std::string constraint_definition(const model::Constraint& c) {
    switch (c.kind) {
        case model::ConstraintKind::primary_key: {
            std::vector<model::SortOrder> orders(c.columns.size(), model::SortOrder::asc);
            std::vector<const model::Expression*> expressions(c.columns.size(), nullptr);
            std::string out = "PRIMARY KEY " +
                              key_parts(option_pairs(attribute(c, attr::primary_key_lengths)), c.columns, orders,
                                        expressions);
            if (std::string method = attribute(c, attr::primary_key_method); !method.empty()) {
                out += " USING " + method;
            }
            if (std::string size = attribute(c, attr::primary_key_block_size); !size.empty()) {
                out += " KEY_BLOCK_SIZE=" + size;
            }
            return out;
        }
        case model::ConstraintKind::foreign_key: {
            std::string out = "CONSTRAINT " + quote(c.name) + " FOREIGN KEY (" + quoted_list(c.columns) +
                              ") REFERENCES " + qualified(c.ref_table) + " (" + quoted_list(c.ref_columns) + ")";
            if (c.on_delete != model::ReferentialAction::no_action) {
                out += " ON DELETE " + referential_action(c.on_delete);
            }
            if (c.on_update != model::ReferentialAction::no_action) {
                out += " ON UPDATE " + referential_action(c.on_update);
            }
            return out;
        }
        case model::ConstraintKind::check: {
            std::string out = "CONSTRAINT " + quote(c.name) + " CHECK (" + c.check.text + ")";
            if (flag(c, attr::not_enforced)) {
                out += " NOT ENFORCED";
            }
            return out;
        }
        case model::ConstraintKind::unique:
            return "CONSTRAINT " + quote(c.name) + " UNIQUE (" + quoted_list(c.columns) + ")";
        case model::ConstraintKind::exclude: break;
    }
    return "CONSTRAINT " + quote(c.name);
}

std::string table_options(const model::Table& table) {
    std::vector<std::string> parts;
    if (std::string engine = attribute(table, attr::engine); !engine.empty()) {
        parts.push_back("ENGINE=" + engine);
    }
    if (std::string charset = attribute(table, attr::table_charset); !charset.empty()) {
        parts.push_back("DEFAULT CHARSET=" + charset);
    }
    if (std::string collation = attribute(table, attr::table_collation); !collation.empty()) {
        parts.push_back("COLLATE=" + collation);
    }
    if (std::string format = attribute(table, attr::row_format); !format.empty()) {
        parts.push_back("ROW_FORMAT=" + format);
    }
    if (std::string size = attribute(table, attr::table_key_block_size); !size.empty()) {
        parts.push_back("KEY_BLOCK_SIZE=" + size);
    }
    for (const auto& [name, value] : option_pairs(attribute(table, attr::table_options))) {
        parts.push_back(upper(name) + "=" + option_value(value));
    }
    if (table.meta.comment) {
        parts.push_back("COMMENT=" + quote_string(*table.meta.comment));
    }
    return join(parts, " ");
}

std::vector<const model::Index*> indexes_of(const model::Schema& schema, const model::QualifiedName& table) {
    std::vector<const model::Index*> out;
    // Keys are "table.name": the table's indexes sit together from "table." on.
    model::QualifiedName from{table.schema, table.name + "."};
    for (auto it = schema.indexes.lower_bound(from); it != schema.indexes.end(); ++it) {
        if (it->first.schema != table.schema || !it->first.name.starts_with(from.name)) {
            break;
        }
        if (it->second.table == table) {
            out.push_back(&it->second);
        }
    }
    return out;
}

std::string create_table(const model::Schema& schema, const model::Table& table,
                         bool (*with_foreign_key)(const model::Constraint&, const void*), const void* context) {
    std::vector<std::string> lines;
    for (const auto& column : table.columns) {
        lines.push_back(column_definition(column));
    }
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::primary_key) {
            lines.push_back(constraint_definition(c));
        }
    }
    for (const auto* index : indexes_of(schema, table.name)) {
        lines.push_back(index_definition(*index));
    }
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::foreign_key &&
            (with_foreign_key == nullptr || with_foreign_key(c, context))) {
            lines.push_back(constraint_definition(c));
        }
    }
    for (const auto& c : table.constraints) {
        if (c.kind == model::ConstraintKind::check || c.kind == model::ConstraintKind::unique) {
            lines.push_back(constraint_definition(c));
        }
    }
    std::string out = "CREATE TABLE " + qualified(table.name) + " (\n  " + join(lines, ",\n  ") + "\n)";
    if (std::string options = table_options(table); !options.empty()) {
        out += " " + options;
    }
    if (std::string partitioning = attribute(table, attr::partitioning); !partitioning.empty()) {
        out += "\n" + partitioning;
    }
    return out;
}

std::string create_view(const model::View& view, bool or_replace, bool definer) {
    std::string out = or_replace ? "CREATE OR REPLACE" : "CREATE";
    if (std::string algorithm = attribute(view, attr::view_algorithm); !algorithm.empty()) {
        out += " ALGORITHM=" + algorithm;
    }
    if (definer && !view.meta.owner.empty()) {
        out += " DEFINER=" + view.meta.owner;
    }
    if (std::string security = attribute(view, attr::sql_security); !security.empty()) {
        out += " SQL SECURITY " + security;
    }
    out += " VIEW " + qualified(view.name);
    if (!view.column_names.empty()) {
        out += " (" + quoted_list(view.column_names) + ")";
    }
    out += " AS " + view.query.text;
    if (!view.check_option.empty()) {
        out += " WITH " + view.check_option + " CHECK OPTION";
    }
    return out;
}

namespace {

// ON SCHEDULE ... [ON COMPLETION PRESERVE] [DISABLE [ON SLAVE]] [COMMENT '...']: what follows
// an event's name in CREATE EVENT; `all` writes the defaults too (ALTER EVENT keeps what it
// does not name, so it must name everything).
std::string event_clauses(const model::Function& f, bool all) {
    std::string out = "\n    ON SCHEDULE " + attribute(f, attr::event_schedule);
    if (flag(f, attr::event_preserve)) {
        out += "\n    ON COMPLETION PRESERVE";
    } else if (all) {
        out += "\n    ON COMPLETION NOT PRESERVE";
    }
    if (std::string status = attribute(f, attr::event_status); !status.empty()) {
        out += "\n    " + status;
    } else if (all) {
        out += "\n    ENABLE";
    }
    if (f.meta.comment) {
        out += "\n    COMMENT " + quote_string(*f.meta.comment);
    } else if (all) {
        out += "\n    COMMENT ''";
    }
    return out;
}

}  // namespace

std::string create_event(const model::Function& f, bool definer) {
    std::string out = "CREATE";
    if (definer && !f.meta.owner.empty()) {
        out += " DEFINER=" + f.meta.owner;
    }
    return out + " EVENT " + qualified(f.name) + event_clauses(f, false) + "\nDO " + f.body;
}

std::string alter_event(const model::Function& f) {
    return "ALTER EVENT " + qualified(f.name) + event_clauses(f, true) + "\nDO " + f.body;
}

std::string create_routine(const model::Function& f, bool definer) {
    if (f.kind == model::RoutineKind::event) {
        return create_event(f, definer);
    }
    const bool function = f.kind == model::RoutineKind::function;
    std::string out = "CREATE";
    if (definer && !f.meta.owner.empty()) {
        out += " DEFINER=" + f.meta.owner;
    }
    out += function ? " FUNCTION " : " PROCEDURE ";
    out += qualified(f.name) + "(";
    std::vector<std::string> args;
    for (const auto& a : f.args) {
        std::string arg;
        if (!function) {
            arg = a.mode == model::ArgMode::out ? "OUT " : a.mode == model::ArgMode::inout ? "INOUT " : "IN ";
        }
        arg += quote(a.name) + " " + type_text(a.type);
        args.push_back(std::move(arg));
    }
    out += join(args, ", ") + ")";
    if (function && f.returns) {
        out += " RETURNS " + type_text(*f.returns);
    }
    if (flag(f, attr::deterministic)) {
        out += "\n    DETERMINISTIC";
    }
    if (std::string access = attribute(f, attr::data_access); !access.empty()) {
        out += "\n    " + access;
    }
    if (!f.security_definer) {
        out += "\n    SQL SECURITY INVOKER";
    }
    if (f.meta.comment) {
        out += "\n    COMMENT " + quote_string(*f.meta.comment);
    }
    out += "\n" + f.body;
    return out;
}

std::string drop_routine(const model::Function& f) {
    return std::string(f.kind == model::RoutineKind::function ? "DROP FUNCTION "
                       : f.kind == model::RoutineKind::event  ? "DROP EVENT "
                                                              : "DROP PROCEDURE ") +
           qualified(f.name);
}

std::string create_trigger(const model::Trigger& t, bool definer) {
    std::string out = "CREATE";
    if (definer && !t.meta.owner.empty()) {
        out += " DEFINER=" + t.meta.owner;
    }
    out += " TRIGGER " + qualified({t.table.schema, t.name});
    out += t.timing == model::TriggerTiming::before ? " BEFORE " : " AFTER ";
    out += t.events.insert ? "INSERT" : t.events.update ? "UPDATE" : "DELETE";
    out += " ON " + qualified(t.table) + " FOR EACH ROW";
    if (std::string order = attribute(t, attr::trigger_order); !order.empty()) {
        out += " " + order;
    }
    out += "\n" + attribute(t, attr::trigger_body);
    return out;
}

std::string drop_trigger(const model::Trigger& t) { return "DROP TRIGGER " + qualified({t.table.schema, t.name}); }

bool needs_delimiter(std::string_view statement) { return statement.find(';') != std::string_view::npos; }

}  // namespace schemerge::synth::mysql
