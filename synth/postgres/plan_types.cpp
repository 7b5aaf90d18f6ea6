// Types and domains: CREATE / DROP TYPE, enum values added in place, composite attributes
// appended, domain defaults and constraints, and types recreated under a temporary name.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"
#include "synth/postgres/type_change.hpp"

namespace schemerge::synth::postgres {

std::vector<std::string> Planner::type_statements(const model::TypeDef& type) {
    std::vector<std::string> sql = postgres::create_type(type);
    std::string target = type_keyword(type) + " " + format_name(type.name);
    append_metadata(sql, type.meta, target, target, meta_options(), created_acl(ObjectKind::type, type.name));
    return sql;
}

void Planner::create_type_change(const Change& change, const std::string& text) {
    const auto* type = as<model::TypeDef>(change.after);
    if (type == nullptr) {
        return;
    }
    std::size_t a = add(k_create_type, change.key, type_statements(*type), text);
    provides(a, change.key);
    if (type->kind == model::TypeKind::base) {
        // Like pg_dump: a shell first, so the I/O functions can name the type.
        std::size_t shell = add(k_shell_type, change.key, {create_shell_type(type->name)}, text);
        graph_.provides_for_routines(shell, change.key);
        order(shell, a);
    }
}

void Planner::drop_type_change(const Change& change, const std::string& text) {
    const auto* type = as<model::TypeDef>(change.before);
    std::string keyword = type != nullptr ? type_keyword(*type) : "TYPE";
    // A base type and its I/O functions depend on each other: CASCADE drops both.
    bool base = type != nullptr && type->kind == model::TypeKind::base;
    std::size_t a = add(k_drop_type, change.key,
                        {"DROP " + keyword + " " + format_name(name_of(change.key)) + (base ? " CASCADE" : "")},
                        text);
    removes(a, change.key);
    if (base) {
        cascaded_types_.insert(name_of(change.key));
    }
}

void Planner::add_enum_value(const Change& change, const std::string& text) {
    // The label is in the key's args (see ChangeKind::add_enum_value).
    ObjectKey type_key = change.key;
    type_key.args.clear();
    std::string sql = "ALTER TYPE " + format_name(name_of(type_key)) + " ADD VALUE " +
                      quote_literal(change.key.args);
    const diff::EnumPosition& position = change.enum_position;
    if (position.place != diff::EnumPosition::Place::end) {
        sql += (position.place == diff::EnumPosition::Place::before ? " BEFORE " : " AFTER ") +
               quote_literal(position.label);
    }
    // PostgreSQL 15 runs ADD VALUE inside a transaction block, but the new label
    // cannot be used before that transaction commits — and the plan's own steps
    // (defaults, checks, views) may use it. So these steps run first, each on its
    // own, before the transaction; they are safe alone (nothing uses the label yet).
    std::size_t a = add(k_setup, type_key, std::vector<Step>{make_step(sql, text, {}, false)});
    graph_.action(a).before_transaction = true;
}

// ALTER TYPE t ADD ATTRIBUTE a type [COLLATE c], ...: one statement for every new
// attribute (stored values get NULL for them; nothing that uses the type is touched).
void Planner::add_type_attributes(const Change& change, const std::string& text) {
    const auto* before = as<model::TypeDef>(change.before);
    const auto* after = as<model::TypeDef>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    std::string sql = "ALTER TYPE " + format_name(after->name);
    for (std::size_t i = before->attributes.size(); i < after->attributes.size(); ++i) {
        const auto& attribute = after->attributes[i];
        sql += (i == before->attributes.size() ? " " : ", ");
        sql += "ADD ATTRIBUTE " + quote_identifier(attribute.name) + " " + format_type(attribute.type);
        if (attribute.collation) {
            sql += " COLLATE " + format_name(*attribute.collation);
        }
    }
    // Nothing that uses the type has to go first: the action only provides the new shape.
    std::size_t a = add(k_alter_domain, change.key, std::vector<Step>{make_step(sql, text)});
    provides(a, change.key, false);
}

void Planner::alter_domain(const Change& change, const std::string& text) {
    const auto* before = as<model::TypeDef>(change.before);
    const auto* after = as<model::TypeDef>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    std::string prefix = "ALTER DOMAIN " + format_name(after->name);
    std::vector<Step> drops;
    std::vector<Step> steps;
    std::vector<Step> validates;
    if (before->default_value != after->default_value) {
        steps.push_back(make_step(after->default_value ? prefix + " SET DEFAULT " + after->default_value->text
                                                       : prefix + " DROP DEFAULT",
                                  text));
    }
    if (before->not_null != after->not_null) {
        std::vector<Hazard> hazards;
        if (after->not_null) {
            hazards.push_back(make_hazard(hazard::k_validation_scan,
                                     "every column of domain " + format_name(after->name) +
                                         " is scanned; the statement fails if one holds NULL"));
        }
        steps.push_back(make_step(prefix + (after->not_null ? " SET NOT NULL" : " DROP NOT NULL"), text, hazards));
    }
    for (const auto& old : before->constraints) {
        auto it = std::find_if(after->constraints.begin(), after->constraints.end(),
                               [&](const auto& c) { return c.name == old.name; });
        if (it != after->constraints.end() && it->check == old.check) {
            if (old.not_valid && !it->not_valid) {
                validates.push_back(make_step(
                    prefix + " VALIDATE CONSTRAINT " + quote_identifier(old.name), text,
                    {make_hazard(hazard::k_validation_scan, "every column of the domain is scanned")}));
            } else if (!old.not_valid && it->not_valid) {
                // Only a drop and add makes a valid constraint NOT VALID again.
                drops.push_back(make_step(prefix + " DROP CONSTRAINT " + quote_identifier(old.name), text));
                steps.push_back(make_step(prefix + " ADD CONSTRAINT " + quote_identifier(it->name) + " CHECK (" +
                                              it->check.text + ") NOT VALID",
                                          text));
            }
            continue;
        }
        drops.push_back(make_step(prefix + " DROP CONSTRAINT " + quote_identifier(old.name), text));
    }
    for (const auto& fresh : after->constraints) {
        auto it = std::find_if(before->constraints.begin(), before->constraints.end(),
                               [&](const auto& c) { return c.name == fresh.name; });
        if (it != before->constraints.end() && it->check == fresh.check) {
            continue;
        }
        std::string sql = prefix + " ADD CONSTRAINT " + quote_identifier(fresh.name) + " CHECK (" +
                          fresh.check.text + ")";
        std::vector<Hazard> hazards;
        if (fresh.not_valid) {
            sql += " NOT VALID";
        } else {
            hazards.push_back(make_hazard(hazard::k_validation_scan,
                                     "every column of domain " + format_name(after->name) +
                                         " is checked; the statement fails if a value violates it"));
        }
        steps.push_back(make_step(sql, text, hazards));
    }
    drops.insert(drops.end(), steps.begin(), steps.end());
    drops.insert(drops.end(), validates.begin(), validates.end());
    if (drops.empty()) {
        return;
    }
    std::size_t a = add(k_alter_domain, change.key, std::move(drops));
    removes(a, change.key, false);
    provides(a, change.key, false);
}

// Drops the old type under a temporary name after the new one took its
// columns: ALTER TYPE ... RENAME, CREATE TYPE, ALTER TABLE ... ALTER COLUMN ...
// TYPE new USING col::text::new for every column, DROP TYPE old.
void Planner::recreate_type(const Change& change, const std::string& text) {
    const auto* before = as<model::TypeDef>(change.before);
    const auto* after = as<model::TypeDef>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    const ObjectKey& key = change.key;
    std::string old_name = identifier_limit(before->name.name + "__schemerge_old");
    QualifiedName old_qualified{before->name.schema, old_name};
    std::string keyword = type_keyword(*before);
    std::vector<Hazard> hazards{make_hazard(hazard::k_type_recreated,
                                       "type " + format_name(after->name) +
                                           " is dropped and created again; its columns are converted through text")};
    std::vector<ObjectKey> columns = columns_of_type(after->name);
    bool removed_labels = false;
    if (before->kind == model::TypeKind::enum_ && after->kind == model::TypeKind::enum_) {
        for (const auto& label : before->enum_labels) {
            if (std::find(after->enum_labels.begin(), after->enum_labels.end(), label) == after->enum_labels.end()) {
                removed_labels = true;
            }
        }
    }
    std::size_t rename = add(k_rename_old_type, key,
                             {"ALTER " + keyword + " " + format_name(before->name) + " RENAME TO " +
                              quote_identifier(old_name)},
                             text, hazards);
    std::size_t create = add(k_create_type, key, type_statements(*after), text);
    provides(create, key);
    order(rename, create);
    std::size_t drop = add(k_drop_old_type, key, {"DROP " + keyword + " " + format_name(old_qualified)}, text);
    removes(drop, key, false);
    order(create, drop);
    graph_.span(key, rename, drop);
    for (const auto& column_key : columns) {
        const auto* table = to_table(table_of(column_key));
        const auto* column = table != nullptr ? table->find_column(column_key.name) : nullptr;
        const auto* old_column = column_in(from_, from_side(column_key));
        if (column == nullptr || old_column == nullptr) {
            continue;
        }
        if (has_change(ChangeKind::alter_column_type, column_key)) {
            // Its own type change converts it (from the renamed old type).
            continue;
        }
        std::vector<Hazard> column_hazards{
            make_hazard(hazard::k_table_rewrite,
                   "table " + format_name(table->name) + " is rewritten to convert column " + column->name),
            make_hazard(hazard::k_access_exclusive_lock,
                   "table " + format_name(table->name) + " is locked against reads and writes while it is rewritten")};
        if (removed_labels) {
            column_hazards.insert(column_hazards.begin(),
                                  make_hazard(hazard::k_data_loss,
                                         "values removed from " + format_name(after->name) + " cannot convert: rows of " +
                                             format_name(table->name) + "." + column->name +
                                             " holding them make the statement fail"));
        }
        std::size_t convert = add(k_alter_column_type, column_key,
                                  column_type_steps(*table, *old_column, *column, text, column_hazards, true));
        removes(convert, from_side(column_key), false);
        provides(convert, column_key, false);
        order(create, convert);
        order(convert, drop);
        graph_.span(column_key, convert, convert);
    }
}

}  // namespace schemerge::synth::postgres
