// Comments: COMMENT ON for objects whose comment alone changed.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

// COMMENT ON target for a key (nothing when the kind has no comment target).
std::string Planner::comment_target(const Change& change) const {
    const ObjectKey& key = change.key;
    switch (key.kind) {
        case ObjectKind::schema: return "SCHEMA " + quote_identifier(key.name);
        case ObjectKind::extension: return "EXTENSION " + quote_identifier(key.name);
        case ObjectKind::collation: return "COLLATION " + format_name(name_of(key));
        case ObjectKind::type: {
            const auto* type = as<model::TypeDef>(change.after);
            return (type != nullptr ? type_keyword(*type) : std::string("TYPE")) + " " + format_name(name_of(key));
        }
        case ObjectKind::sequence: return "SEQUENCE " + format_name(name_of(key));
        case ObjectKind::table: return "TABLE " + format_name(name_of(key));
        case ObjectKind::column: return "COLUMN " + column_target(table_of(key), key.name);
        case ObjectKind::constraint:
            return "CONSTRAINT " + quote_identifier(key.name) + " ON " + format_name(table_of(key));
        case ObjectKind::index: return "INDEX " + format_name(name_of(key));
        case ObjectKind::view: return "VIEW " + format_name(name_of(key));
        case ObjectKind::materialized_view: return "MATERIALIZED VIEW " + format_name(name_of(key));
        case ObjectKind::function:
        case ObjectKind::procedure:
        case ObjectKind::aggregate:
        case ObjectKind::operator_:
        case ObjectKind::operator_class:
        case ObjectKind::operator_family: {
            const auto* function = as<model::Function>(change.after);
            return function != nullptr ? routine_target(*function) : std::string();
        }
        case ObjectKind::trigger:
            return "TRIGGER " + quote_identifier(key.name) + " ON " + format_name(table_of(key));
        case ObjectKind::policy: return "POLICY " + quote_identifier(key.name) + " ON " + format_name(table_of(key));
        case ObjectKind::text_search_configuration: return "TEXT SEARCH CONFIGURATION " + format_name(name_of(key));
        case ObjectKind::text_search_dictionary: return "TEXT SEARCH DICTIONARY " + format_name(name_of(key));
        case ObjectKind::event:  // PostgreSQL has no events
        case ObjectKind::other:
        case ObjectKind::default_privileges: return {};
    }
    return {};
}

const model::ObjectBase* Planner::meta_of(const diff::ObjectRef& ref) {
    return std::visit(
        [](const auto& pointer) -> const model::ObjectBase* {
            using T = std::decay_t<decltype(pointer)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return nullptr;
            } else {
                return pointer == nullptr ? nullptr : &pointer->meta;
            }
        },
        ref);
}

void Planner::set_comment(const Change& change, const std::string& text) {
    const ObjectKey& key = change.key;
    // Objects created (or recreated) by the plan carry their comment already.
    if (created_with_comment(key)) {
        return;
    }
    std::string target = comment_target(change);
    if (target.empty()) {
        return;
    }
    const auto* meta = meta_of(change.after);
    std::string value = meta != nullptr && meta->comment ? quote_literal(*meta->comment) : "NULL";
    std::size_t a = add(k_comment, key, {"COMMENT ON " + target + " IS " + value}, text);
    after_providers(a, key);
    if (key.kind == ObjectKind::column) {
        after_providers(a, model::object_key(ObjectKind::table, table_of(key)));
    }
}

bool Planner::created_with_comment(const ObjectKey& key) const {
    if (recreated_.contains(key) || forced_.contains(key)) {
        return true;
    }
    switch (key.kind) {
        case ObjectKind::column:
        case ObjectKind::constraint:
        case ObjectKind::trigger:
        case ObjectKind::policy: {
            QualifiedName table = table_of(key);
            if (table_is_new(table)) {
                return true;
            }
            ObjectKey view_key = model::object_key(ObjectKind::view, table);
            ObjectKey matview_key = model::object_key(ObjectKind::materialized_view, table);
            if (recreated_.contains(view_key) || recreated_.contains(matview_key) ||
                has_change(ChangeKind::create_view, view_key) || has_change(ChangeKind::create_view, matview_key)) {
                return true;
            }
            if (key.kind == ObjectKind::column) {
                return has_change(ChangeKind::add_column, key);
            }
            if (key.kind == ObjectKind::constraint) {
                return has_change(ChangeKind::add_constraint, key);
            }
            if (key.kind == ObjectKind::trigger) {
                return has_change(ChangeKind::create_trigger, key);
            }
            return has_change(ChangeKind::create_policy, key);
        }
        case ObjectKind::view:
        case ObjectKind::materialized_view:
            return has_change(ChangeKind::create_view, key) ||
                   (has_change(ChangeKind::replace_view, key) && destroyed_.contains(key));
        case ObjectKind::function:
        case ObjectKind::procedure:
        case ObjectKind::aggregate:
        case ObjectKind::operator_:
        case ObjectKind::operator_class:
        case ObjectKind::operator_family:
            return has_change(ChangeKind::create_function, key) ||
                   (has_change(ChangeKind::replace_function, key) && destroyed_.contains(key));
        case ObjectKind::table: return table_is_new(name_of(key));
        case ObjectKind::index: return has_change(ChangeKind::create_index, key);
        case ObjectKind::sequence: return has_change(ChangeKind::create_sequence, key);
        case ObjectKind::type:
            return has_change(ChangeKind::create_type, key) || has_change(ChangeKind::recreate_type, key);
        case ObjectKind::schema: return has_change(ChangeKind::create_schema, key);
        case ObjectKind::extension: return has_change(ChangeKind::create_extension, key);
        case ObjectKind::collation: return has_change(ChangeKind::create_collation, key);
        case ObjectKind::text_search_configuration:
        case ObjectKind::text_search_dictionary: return has_change(ChangeKind::create_text_search, key);
        case ObjectKind::event:  // PostgreSQL has no events
        case ObjectKind::other:
        case ObjectKind::default_privileges: return false;
    }
    return false;
}

}  // namespace schemerge::synth::postgres
