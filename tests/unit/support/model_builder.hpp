#pragma once
// A small fluent builder of model::Schema for unit tests of diff/, synth/ and model/: models
// are built directly, without a front end, under a dialect's traits (its default schema, its
// folding: names are stored as given, as a front end would store them after folding).
//
//   model::Schema s = test::ModelBuilder(parser::postgres::traits())
//       .enum_type("status", {"new", "paid"})
//       .table("customers").column("id", "integer").primary_key({"id"}).column("email", "text").not_null()
//       .table("orders").column("id", "integer").column("customer_id", "integer").column("state", "status")
//           .default_value("'new'")
//           .foreign_key({"customer_id"}, "customers", {"id"})
//       .index("orders_customer_idx", "orders", {"customer_id"})
//       .view("order_ids", "SELECT id FROM orders", {"orders"})
//       .build();
//
// Names: "name" lives in the dialect's default schema, "s.name" in schema s. Types: a
// built-in is written as the catalog names it ("integer", "numeric(10,2)", "text[]"); a name
// declared with enum_type() (or qualified, "s.t") is a user type. Constraint names default to
// PostgreSQL's choices (t_pkey, t_a_key, t_a_fkey, t_a_check); build() gives the canonical
// forms the front ends give (constraints sorted by name, PRIMARY KEY columns NOT NULL when the
// dialect says so).
#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/attributes.hpp"
#include "model/dialect_traits.hpp"
#include "model/schema.hpp"

namespace schemerge::test {

class ModelBuilder {
public:
    explicit ModelBuilder(const model::DialectTraits& traits = model::DialectTraits::neutral()) : traits_(&traits) {
        schema_.dialect = traits;
    }
    // The builder points into its own schema: moved, never copied.
    ModelBuilder(const ModelBuilder&) = delete;
    ModelBuilder& operator=(const ModelBuilder&) = delete;
    ModelBuilder(ModelBuilder&&) = default;
    ModelBuilder& operator=(ModelBuilder&&) = default;

    // From here on, names are taken as typed in SQL and folded the dialect's way
    // (DialectTraits::fold_identifier: "orders" -> ORDERS under upper-case folding,
    // "\"orders\"" kept). Off by default: names are stored as given.
    ModelBuilder& fold_names(bool on = true) {
        fold_ = on;
        return *this;
    }
    [[nodiscard]] std::string name(const std::string& typed) const {
        return fold_ ? traits_->fold_identifier(typed) : typed;
    }
    [[nodiscard]] std::vector<std::string> names(std::vector<std::string> typed) const {
        for (auto& n : typed) {
            n = name(n);
        }
        return typed;
    }

    // "s.n" -> {s, n}; "n" -> {default schema, n}.
    [[nodiscard]] model::QualifiedName qualify(const std::string& typed) const {
        auto dot = typed.find('.');
        if (dot == std::string::npos) {
            return {std::string(traits_->default_schema), name(typed)};
        }
        return {name(typed.substr(0, dot)), name(typed.substr(dot + 1))};
    }

    // "numeric(10,2)" -> numeric {10, 2}; "text[]" -> text, 1 dimension; a declared or
    // qualified name -> a user type.
    [[nodiscard]] model::TypeRef type(std::string text) const {
        model::TypeRef t;
        while (text.size() > 2 && text.ends_with("[]")) {
            text.resize(text.size() - 2);
            ++t.array_dims;
        }
        if (auto open = text.find('('); open != std::string::npos && text.ends_with(")")) {
            std::string mods = text.substr(open + 1, text.size() - open - 2);
            text.resize(open);
            std::size_t start = 0;
            while (start <= mods.size()) {
                auto comma = mods.find(',', start);
                std::string m = mods.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                m.erase(0, m.find_first_not_of(' '));
                t.modifiers.push_back(m);
                if (comma == std::string::npos) {
                    break;
                }
                start = comma + 1;
            }
        }
        model::QualifiedName user = qualify(text);
        if (fold_ && text.find('.') == std::string::npos && !schema_.types.contains(user)) {
            text = name(text);  // a built-in type, folded like any name
        }
        if (text.find('.') != std::string::npos || schema_.types.contains(user)) {
            t.name = user;
        } else {
            t.name = {"", text};
        }
        return t;
    }

    // ----- schema-level objects -----

    ModelBuilder& namespace_(const std::string& name) {
        schema_.namespaces[name].name = name;
        return *this;
    }

    ModelBuilder& extension(const std::string& name, const std::string& comment = {}) {
        model::Extension& e = schema_.extensions[name];
        e.name = name;
        if (!comment.empty()) {
            e.meta.comment = comment;
        }
        return *this;
    }

    ModelBuilder& enum_type(const std::string& name, std::vector<std::string> labels) {
        model::TypeDef t;
        t.name = qualify(name);
        t.kind = model::TypeKind::enum_;
        t.enum_labels = std::move(labels);
        model::QualifiedName n = t.name;
        schema_.types[n] = std::move(t);
        last(model::AttributeScope::type) = &schema_.types[n].meta;
        return *this;
    }

    ModelBuilder& sequence(const std::string& name, const std::string& owned_by_table = {},
                           const std::string& owned_by_column = {}) {
        model::Sequence s;
        s.name = qualify(name);
        if (!owned_by_table.empty()) {
            s.owned_by = model::SequenceOwner{qualify(owned_by_table), owned_by_column};
        }
        model::QualifiedName n = s.name;
        schema_.sequences[n] = std::move(s);
        last(model::AttributeScope::sequence) = &schema_.sequences[n].meta;
        return *this;
    }

    // Starts (or continues) a table; the column and key calls below apply to it.
    ModelBuilder& table(const std::string& name) {
        model::QualifiedName n = qualify(name);
        table_ = &schema_.tables[n];
        table_->name = n;
        column_ = -1;
        return *this;
    }

    ModelBuilder& column(const std::string& name, const std::string& type_text) {
        model::Column c;
        c.name = this->name(name);
        c.type = type(type_text);
        current_table().columns.push_back(std::move(c));
        column_ = static_cast<int>(table_->columns.size()) - 1;
        return *this;
    }
    // Modifiers of the last column.
    ModelBuilder& not_null(bool value = true) {
        current_column().not_null = value;
        return *this;
    }
    ModelBuilder& default_value(const std::string& text, std::vector<std::string> functions = {}) {
        model::Expression e;
        e.text = text;
        for (const auto& f : functions) {
            e.functions.push_back(qualify(f));
        }
        current_column().default_value = std::move(e);
        return *this;
    }
    ModelBuilder& comment(const std::string& text) {
        if (column_ >= 0) {
            current_column().meta.comment = text;
        } else {
            current_table().meta.comment = text;
        }
        return *this;
    }
    // `-- schemerge:renamed-from old` on the last column, or on the table before any column.
    ModelBuilder& renamed_from(const std::string& old) {
        if (column_ >= 0) {
            current_column().meta.renamed_from = old;
        } else {
            current_table().meta.renamed_from = old;
        }
        return *this;
    }

    ModelBuilder& primary_key(std::vector<std::string> columns, std::string name = {}) {
        return key(model::ConstraintKind::primary_key, names(std::move(columns)),
                   name.empty() ? current_table().name.name + "_pkey" : this->name(name));
    }
    ModelBuilder& unique(std::vector<std::string> columns, std::string name = {}) {
        columns = names(std::move(columns));
        std::string n = name.empty() ? generated_name(columns, "key") : this->name(name);
        return key(model::ConstraintKind::unique, std::move(columns), std::move(n));
    }
    ModelBuilder& foreign_key(std::vector<std::string> columns, const std::string& ref_table,
                              std::vector<std::string> ref_columns, std::string name = {},
                              model::ReferentialAction on_delete = model::ReferentialAction::no_action) {
        model::Constraint c;
        columns = names(std::move(columns));
        c.name = name.empty() ? generated_name(columns, "fkey") : this->name(name);
        c.kind = model::ConstraintKind::foreign_key;
        c.columns = std::move(columns);
        c.ref_table = qualify(ref_table);
        c.ref_columns = names(std::move(ref_columns));
        c.on_delete = on_delete;
        current_table().constraints.push_back(std::move(c));
        return *this;
    }
    ModelBuilder& check(const std::string& text, std::vector<std::string> columns, std::string name = {}) {
        model::Constraint c;
        columns = names(std::move(columns));
        c.name = name.empty() ? generated_name(columns, "check") : this->name(name);
        c.kind = model::ConstraintKind::check;
        c.check.text = text;
        c.check.columns = std::move(columns);
        current_table().constraints.push_back(std::move(c));
        return *this;
    }

    // ----- objects on tables -----

    // An index of plain columns; its schema is its table's.
    ModelBuilder& index(const std::string& name, const std::string& table_name, std::vector<std::string> columns,
                        bool unique_index = false) {
        model::Index i;
        i.table = qualify(table_name);
        i.name = {i.table.schema, this->name(name)};
        i.unique = unique_index;
        for (auto& c : columns) {
            model::IndexElement e;
            e.column = this->name(c);
            i.elements.push_back(std::move(e));
        }
        model::QualifiedName n = i.name;
        schema_.indexes[n] = std::move(i);
        last(model::AttributeScope::index) = &schema_.indexes[n].meta;
        return *this;
    }

    // A row trigger calling `function`; `update_of` lists UPDATE OF columns (the trigger then
    // fires on UPDATE only).
    ModelBuilder& trigger(const std::string& name, const std::string& table_name, const std::string& function,
                          std::vector<std::string> update_of = {}) {
        model::Trigger t;
        t.name = this->name(name);
        t.table = qualify(table_name);
        t.function = qualify(function);
        t.for_each_row = true;
        if (update_of.empty()) {
            t.events.insert = true;
        } else {
            t.events.update = true;
            t.events.update_columns = names(std::move(update_of));
        }
        model::TableScopedName n{t.table, t.name};
        schema_.triggers[n] = std::move(t);
        last(model::AttributeScope::trigger) = &schema_.triggers[n].meta;
        return *this;
    }

    // ----- views and routines -----

    // `reads`: the relations the query reads (the dependency edges a front end records).
    ModelBuilder& view(const std::string& name, const std::string& query, std::vector<std::string> reads = {},
                       bool materialized = false) {
        model::View v;
        v.name = qualify(name);
        v.materialized = materialized;
        v.query.text = query;
        for (const auto& r : reads) {
            v.query.relations.push_back(qualify(r));
        }
        model::QualifiedName n = v.name;
        schema_.views[n] = std::move(v);
        last(model::AttributeScope::view) = &schema_.views[n].meta;
        return *this;
    }

    // A function of input arguments `arg_types` ("integer", ...), returning `returns` ("" for
    // none: a procedure when kind says so).
    ModelBuilder& function(const std::string& name, std::vector<std::string> arg_types, const std::string& returns,
                           const std::string& body, const std::string& language = "sql",
                           model::RoutineKind kind = model::RoutineKind::function) {
        model::Function f;
        f.name = qualify(name);
        f.kind = kind;
        for (const auto& a : arg_types) {
            model::FunctionArg arg;
            arg.type = type(a);
            f.args.push_back(std::move(arg));
        }
        if (!returns.empty()) {
            f.returns = type(returns);
        }
        f.language = language;
        f.body = body;
        model::RoutineName n{f.name, f.identity_args()};
        schema_.functions[n] = std::move(f);
        last(model::AttributeScope::function) = &schema_.functions[n].meta;
        return *this;
    }

    // ----- dialect-only attributes -----

    // Sets a dialect-only attribute (an AttributeDef row) on the object its scope names: the
    // current table or column, the current table's last constraint, or the index, view,
    // sequence, routine, trigger or type added last.
    ModelBuilder& attribute(const model::AttributeDef& def, model::AttributeValue value) {
        model::ObjectBase* meta = nullptr;
        switch (def.scope) {
            case model::AttributeScope::table: meta = &current_table().meta; break;
            case model::AttributeScope::column: meta = &current_column().meta; break;
            case model::AttributeScope::constraint:
                if (!current_table().constraints.empty()) {
                    meta = &current_table().constraints.back().meta;
                }
                break;
            default: meta = last(def.scope); break;
        }
        if (meta == nullptr) {
            throw std::logic_error("ModelBuilder: no object for attribute " + std::string(def.name));
        }
        meta->attributes.set(def, std::move(value));
        return *this;
    }

    // ----- access -----

    // The schema so far (mutable: for what the builder has no call for).
    [[nodiscard]] model::Schema& schema() { return schema_; }
    [[nodiscard]] model::Table& current_table() {
        if (table_ == nullptr) {
            throw std::logic_error("ModelBuilder: no table started");
        }
        return *table_;
    }
    [[nodiscard]] model::Column& current_column() {
        if (column_ < 0) {
            throw std::logic_error("ModelBuilder: no column started");
        }
        return current_table().columns[static_cast<std::size_t>(column_)];
    }

    // The canonical schema (the builder can go on and build again).
    [[nodiscard]] model::Schema build() const {
        model::Schema out = schema_;
        for (auto& [_, t] : out.tables) {
            if (traits_->primary_key_implies_not_null) {
                for (const auto& c : t.constraints) {
                    if (c.kind == model::ConstraintKind::primary_key) {
                        for (const auto& col : c.columns) {
                            if (auto* column = t.find_column(col)) {
                                column->not_null = true;
                            }
                        }
                    }
                }
            }
            std::sort(t.constraints.begin(), t.constraints.end(),
                      [](const auto& a, const auto& b) { return a.name < b.name; });
        }
        return out;
    }

private:
    ModelBuilder& key(model::ConstraintKind kind, std::vector<std::string> columns, std::string name) {
        model::Constraint c;
        c.name = std::move(name);
        c.kind = kind;
        c.columns = std::move(columns);
        current_table().constraints.push_back(std::move(c));
        return *this;
    }
    std::string generated_name(const std::vector<std::string>& columns, const std::string& label) {
        std::string n = current_table().name.name;
        for (const auto& c : columns) {
            n += "_" + c;
        }
        return n + "_" + label;
    }

    model::ObjectBase*& last(model::AttributeScope scope) { return last_[static_cast<std::size_t>(scope)]; }

    const model::DialectTraits* traits_;
    model::Schema schema_;
    std::array<model::ObjectBase*, 9> last_{};  // per AttributeScope: the object added last
    model::Table* table_ = nullptr;  // map nodes are stable
    int column_ = -1;
    bool fold_ = false;
};

}  // namespace schemerge::test
