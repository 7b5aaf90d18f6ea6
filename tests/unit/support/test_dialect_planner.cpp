#include "support/test_dialect_planner.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "model/dependency_graph.hpp"
#include "support/test_dialect.hpp"
#include "synth/action_graph.hpp"

namespace schemerge::test::test_dialect {

namespace {

using diff::Change;
using diff::ChangeKind;
using model::ObjectKey;
using model::ObjectKind;

// The usual shape of a TestSQL plan (ties among ready actions); the order that matters comes
// from the dependency graphs, not from here.
enum Rank : int {
    k_drop_view,
    k_drop_index,
    k_drop_constraint,
    k_drop_column,
    k_drop_table,
    k_create_table,
    k_add_column,
    k_alter,
    k_add_constraint,
    k_create_index,
    k_create_view,
    k_comment,
};

template <typename T>
const T* as(const diff::ObjectRef& ref) {
    const auto* p = std::get_if<const T*>(&ref);
    return p != nullptr ? *p : nullptr;
}

std::string q(std::string_view name) { return traits().quote_identifier(name); }
std::string qn(const model::QualifiedName& name) { return traits().quote_qualified(name.schema, name.name); }
std::string table_of(const ObjectKey& key) { return traits().quote_qualified(key.schema, key.table); }

std::string list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : ", ") + q(n);
    }
    return out;
}

std::string type_text(const model::TypeRef& type) {
    std::string out = type.name.schema.empty() ? type.name.name : qn(type.name);
    if (!type.modifiers.empty()) {
        std::string mods;
        for (const auto& m : type.modifiers) {
            mods += (mods.empty() ? "" : ",") + m;
        }
        out += "(" + mods + ")";
    }
    for (int i = 0; i < type.array_dims; ++i) {
        out += "[]";
    }
    return out;
}

std::string column_text(const model::Column& column) {
    return q(column.name) + " " + type_text(column.type) + (column.not_null ? " NOT NULL" : "");
}

std::string constraint_text(const model::Constraint& c) {
    std::string out = "CONSTRAINT " + q(c.name) + " ";
    switch (c.kind) {
        case model::ConstraintKind::primary_key: return out + "PRIMARY KEY (" + list(c.columns) + ")";
        case model::ConstraintKind::unique: return out + "UNIQUE (" + list(c.columns) + ")";
        case model::ConstraintKind::foreign_key:
            return out + "FOREIGN KEY (" + list(c.columns) + ") REFERENCES " + qn(c.ref_table) + " (" +
                   list(c.ref_columns) + ")";
        case model::ConstraintKind::check: return out + "CHECK (" + c.check.text + ")";
        case model::ConstraintKind::exclude: return out + "EXCLUDE";
    }
    return out;
}

// The object an ALTER / COMMENT names.
std::string object_text(const Change& change) {
    const ObjectKey& key = change.key;
    switch (key.kind) {
        case ObjectKind::table: return "TABLE " + traits().quote_qualified(key.schema, key.name);
        case ObjectKind::column: return "COLUMN " + table_of(key) + "." + q(key.name);
        case ObjectKind::constraint: return "CONSTRAINT " + q(key.name) + " ON " + table_of(key);
        case ObjectKind::trigger: return "TRIGGER " + q(key.name) + " ON " + table_of(key);
        case ObjectKind::index: {
            const auto* index = as<model::Index>(change.after);
            return "INDEX " + q(key.name) + (index != nullptr ? " ON " + qn(index->table) : std::string{});
        }
        case ObjectKind::function: return "FUNCTION " + traits().quote_qualified(key.schema, key.name) + "(" + key.args + ")";
        default: break;
    }
    return std::string(model::to_string(key.kind)) + " " + traits().quote_qualified(key.schema, key.name);
}

std::string value_text(const model::AttributeValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return v ? "TRUE" : "FALSE";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return "'" + v + "'";
            } else {
                std::string out;
                for (const auto& [name, val] : v) {
                    out += (out.empty() ? "" : ", ") + name + " = '" + val + "'";
                }
                return "(" + out + ")";
            }
        },
        value);
}

class Planner {
public:
    Planner(const model::Schema& from, const model::Schema& to) : from_(from), to_(to) {}

    void plan(const Change& change) {
        const ObjectKey& key = change.key;
        const std::string text = change.describe();
        switch (change.kind) {
            case ChangeKind::create_table: {
                const auto* table = as<model::Table>(change.after);
                std::string body;
                for (const auto& column : table->columns) {
                    body += (body.empty() ? "" : ", ") + column_text(column);
                }
                for (const auto& constraint : table->constraints) {
                    body += ", " + constraint_text(constraint);
                }
                auto a = graph_.add(k_create_table, key, {"CREATE TABLE " + qn(table->name) + " (" + body + ")"}, text);
                graph_.creates(a, key);
                graph_.provides(a, key);
                for (const auto& column : table->columns) {
                    graph_.provides(a, model::table_scoped_key(ObjectKind::column, table->name, column.name));
                }
                for (const auto& constraint : table->constraints) {
                    graph_.provides(a, model::table_scoped_key(ObjectKind::constraint, table->name, constraint.name));
                }
                return;
            }
            case ChangeKind::drop_table: {
                const auto* table = as<model::Table>(change.before);
                auto a = graph_.add(k_drop_table, key, {"DROP TABLE " + qn(table->name)}, text,
                                    {synth::Hazard{std::string(synth::hazard::k_data_loss),
                                                   "table " + table->name.to_string() + " and its rows are dropped"}});
                graph_.drops(a, key);
                graph_.removes(a, key);
                for (const auto& column : table->columns) {
                    graph_.removes(a, model::table_scoped_key(ObjectKind::column, table->name, column.name));
                }
                for (const auto& constraint : table->constraints) {
                    graph_.removes(a, model::table_scoped_key(ObjectKind::constraint, table->name, constraint.name));
                }
                return;
            }
            case ChangeKind::add_column: {
                const auto* column = as<model::Column>(change.after);
                graph_.provides(graph_.add(k_add_column, key, {"ALTER TABLE " + table_of(key) + " ADD " + column_text(*column)},
                                           text),
                                key);
                return;
            }
            case ChangeKind::drop_column:
                graph_.removes(graph_.add(k_drop_column, key, {"ALTER TABLE " + table_of(key) + " DROP " + q(key.name)}, text,
                                          {synth::Hazard{std::string(synth::hazard::k_data_loss),
                                                         "column " + key.name + " and its values are dropped"}}),
                               key);
                return;
            case ChangeKind::add_constraint: {
                const auto* constraint = as<model::Constraint>(change.after);
                graph_.provides(graph_.add(k_add_constraint, key,
                                           {"ALTER TABLE " + table_of(key) + " ADD " + constraint_text(*constraint)}, text),
                                key);
                return;
            }
            case ChangeKind::drop_constraint:
                graph_.removes(graph_.add(k_drop_constraint, key,
                                          {"ALTER TABLE " + table_of(key) + " DROP CONSTRAINT " + q(key.name)}, text),
                               key);
                return;
            case ChangeKind::create_index: {
                const auto* index = as<model::Index>(change.after);
                std::vector<std::string> columns;
                for (const auto& e : index->elements) {
                    columns.push_back(e.column);
                }
                auto a = graph_.add(k_create_index, key,
                                    {std::string(index->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
                                     q(index->name.name) + " ON " + qn(index->table) + " (" + list(columns) + ")"},
                                    text);
                graph_.creates(a, key);
                graph_.provides(a, key);
                return;
            }
            case ChangeKind::drop_index: {
                const auto* index = as<model::Index>(change.before);
                auto a = graph_.add(k_drop_index, key, {"DROP INDEX " + q(index->name.name) + " ON " + qn(index->table)},
                                    text);
                graph_.drops(a, key);
                graph_.removes(a, key);
                return;
            }
            case ChangeKind::create_view: {
                const auto* view = as<model::View>(change.after);
                auto a = graph_.add(k_create_view, key, {"CREATE VIEW " + qn(view->name) + " AS " + view->query.text}, text);
                graph_.creates(a, key);
                graph_.provides(a, key);
                return;
            }
            case ChangeKind::drop_view: {
                const auto* view = as<model::View>(change.before);
                auto a = graph_.add(k_drop_view, key, {"DROP VIEW " + qn(view->name)}, text);
                graph_.drops(a, key);
                graph_.removes(a, key);
                return;
            }
            case ChangeKind::set_attribute: {
                // One statement for every kind and every attribute row: the row's name and
                // typed value, nothing per attribute.
                std::string attribute = q(change.attribute.def->name);
                std::string sql = "ALTER " + object_text(change) +
                                  (change.attribute.after ? " SET " + attribute + " = " + value_text(*change.attribute.after)
                                                          : " RESET " + attribute);
                graph_.add(k_alter, key, {sql}, text);
                return;
            }
            case ChangeKind::set_comment: {
                const model::ObjectBase* meta = std::visit(
                    [](const auto& object) -> const model::ObjectBase* {
                        if constexpr (std::is_same_v<std::decay_t<decltype(object)>, std::monostate>) {
                            return nullptr;
                        } else {
                            return object != nullptr ? &object->meta : nullptr;
                        }
                    },
                    change.after);
                std::string comment = meta != nullptr && meta->comment ? "'" + *meta->comment + "'" : "NULL";
                graph_.add(k_comment, key, {"COMMENT ON " + object_text(change) + " IS " + comment}, text);
                return;
            }
            default: notes_.push_back("not planned for TestSQL: " + text); return;
        }
    }

    synth::Plan assemble(const synth::PlanOptions& options) {
        graph_.wire(model::DependencyGraph::build(from_), model::DependencyGraph::build(to_));
        return graph_.assemble(options, to_.dialect->transactional_ddl, std::move(notes_));
    }

private:
    const model::Schema& from_;
    const model::Schema& to_;
    synth::ActionGraph graph_;
    std::vector<std::string> notes_;
};

}  // namespace

synth::Plan plan(const model::Schema& from, const model::Schema& to, const diff::ChangeSet& changes,
                 const synth::PlanOptions& options) {
    Planner planner(from, to);
    for (const auto& change : changes.changes) {
        planner.plan(change);
    }
    return planner.assemble(options);
}

}  // namespace schemerge::test::test_dialect
