#include "synth/mysql/schema_emitter.hpp"

#include <map>
#include <set>

#include "parser/mysql/dialect_traits.hpp"
#include "synth/mysql/sql_format.hpp"
#include "synth/topological_sort.hpp"

namespace schemerge::synth::mysql {

namespace {

void statement(std::string& out, const std::string& sql) {
    out += "\n";
    if (needs_delimiter(sql)) {
        out += "DELIMITER ;;\n" + sql + ";;\nDELIMITER ;\n";
    } else {
        out += sql + ";\n";
    }
}

// Tables in foreign-key order: a referenced table first, ties by name.
std::vector<const model::Table*> table_order(const model::Schema& schema) {
    std::vector<const model::Table*> tables;
    std::map<model::QualifiedName, std::size_t> index;
    std::vector<OrderNode> nodes;
    for (const auto& [name, table] : schema.tables) {
        index[name] = tables.size();
        tables.push_back(&table);
        OrderNode node;
        node.key = model::ObjectKey{model::ObjectKind::table, name.schema, name.name, {}, {}};
        nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        for (const auto& c : tables[i]->constraints) {
            if (c.kind != model::ConstraintKind::foreign_key) {
                continue;
            }
            if (auto it = index.find(c.ref_table); it != index.end() && it->second != i) {
                nodes[i].needs.insert(it->second);
            }
        }
    }
    std::vector<const model::Table*> out;
    for (std::size_t i : topological_sort(nodes).sequence) {
        out.push_back(tables[i]);
    }
    return out;
}

// Views in dependency order: a view another reads first, ties by name.
std::vector<const model::View*> view_order(const model::Schema& schema) {
    std::vector<const model::View*> views;
    std::map<model::QualifiedName, std::size_t> index;
    std::vector<OrderNode> nodes;
    for (const auto& [name, view] : schema.views) {
        index[name] = views.size();
        views.push_back(&view);
        OrderNode node;
        node.key = model::ObjectKey{model::ObjectKind::view, name.schema, name.name, {}, {}};
        nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < views.size(); ++i) {
        for (const auto& r : views[i]->query.relations) {
            if (auto it = index.find(r); it != index.end() && it->second != i) {
                nodes[i].needs.insert(it->second);
            }
        }
    }
    std::vector<const model::View*> out;
    for (std::size_t i : topological_sort(nodes).sequence) {
        out.push_back(views[i]);
    }
    return out;
}

// Triggers by table and name, a trigger that FOLLOWS / PRECEDES another after that one.
std::vector<const model::Trigger*> trigger_order(const model::Schema& schema) {
    std::vector<const model::Trigger*> triggers;
    std::map<std::pair<model::QualifiedName, std::string>, std::size_t> index;
    std::vector<OrderNode> nodes;
    for (const auto& [key, trigger] : schema.triggers) {
        index[{trigger.table, trigger.name}] = triggers.size();
        triggers.push_back(&trigger);
        OrderNode node;
        node.key = model::ObjectKey{model::ObjectKind::trigger, trigger.table.schema, trigger.name, trigger.table.name, {}};
        nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < triggers.size(); ++i) {
        std::string order = attribute(*triggers[i], parser::mysql::attr::trigger_order);
        std::size_t space = order.find(' ');
        if (space == std::string::npos) {
            continue;
        }
        std::string other = order.substr(space + 1);
        if (other.size() > 1 && other.front() == '`') {
            other = other.substr(1, other.size() - 2);
        }
        if (auto it = index.find({triggers[i]->table, other}); it != index.end() && it->second != i) {
            nodes[i].needs.insert(it->second);
        }
    }
    std::vector<const model::Trigger*> out;
    for (std::size_t i : topological_sort(nodes).sequence) {
        out.push_back(triggers[i]);
    }
    return out;
}

struct Placed {
    std::set<model::QualifiedName> tables;
};

bool placed_reference(const model::Constraint& c, const void* context) {
    const auto* placed = static_cast<const Placed*>(context);
    return placed->tables.contains(c.ref_table);
}

}  // namespace

std::string emit_schema(const model::Schema& schema, const EmitOptions& options) {
    std::string out = "-- schemerge canonical schema (MySQL / MariaDB)\n";
    for (const auto& [name, ns] : schema.namespaces) {
        statement(out, "CREATE DATABASE " + quote(name));
    }
    // Tables: a foreign key whose table is not created yet (a cycle) waits for the end.
    Placed placed;
    std::vector<std::pair<const model::Table*, const model::Constraint*>> late;
    for (const auto* table : table_order(schema)) {
        placed.tables.insert(table->name);
        for (const auto& c : table->constraints) {
            if (c.kind == model::ConstraintKind::foreign_key && !placed.tables.contains(c.ref_table)) {
                late.emplace_back(table, &c);
            }
        }
        statement(out, create_table(schema, *table, placed_reference, &placed));
    }
    for (const auto& [table, c] : late) {
        statement(out, "ALTER TABLE " + qualified(table->name) + " ADD " + constraint_definition(*c));
    }
    for (const auto& [key, routine] : schema.functions) {
        statement(out, create_routine(routine, options.owners));
    }
    for (const auto* view : view_order(schema)) {
        statement(out, create_view(*view, false, options.owners));
    }
    for (const auto* trigger : trigger_order(schema)) {
        statement(out, create_trigger(*trigger, options.owners));
    }
    for (const auto& opaque : schema.opaque) {
        statement(out, opaque.sql);
    }
    return out;
}

}  // namespace schemerge::synth::mysql
