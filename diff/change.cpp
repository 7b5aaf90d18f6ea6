#include "diff/change.hpp"

#include <string>

namespace schemerge::diff {

std::string_view to_string(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::create_schema: return "create_schema";
        case ChangeKind::drop_schema: return "drop_schema";
        case ChangeKind::create_extension: return "create_extension";
        case ChangeKind::drop_extension: return "drop_extension";
        case ChangeKind::create_collation: return "create_collation";
        case ChangeKind::drop_collation: return "drop_collation";
        case ChangeKind::create_type: return "create_type";
        case ChangeKind::drop_type: return "drop_type";
        case ChangeKind::add_enum_value: return "add_enum_value";
        case ChangeKind::recreate_type: return "recreate_type";
        case ChangeKind::alter_domain: return "alter_domain";
        case ChangeKind::add_type_attributes: return "add_type_attributes";
        case ChangeKind::create_sequence: return "create_sequence";
        case ChangeKind::drop_sequence: return "drop_sequence";
        case ChangeKind::alter_sequence: return "alter_sequence";
        case ChangeKind::create_table: return "create_table";
        case ChangeKind::drop_table: return "drop_table";
        case ChangeKind::rename_table: return "rename_table";
        case ChangeKind::alter_table: return "alter_table";
        case ChangeKind::add_column: return "add_column";
        case ChangeKind::drop_column: return "drop_column";
        case ChangeKind::rename_column: return "rename_column";
        case ChangeKind::alter_column_type: return "alter_column_type";
        case ChangeKind::set_default: return "set_default";
        case ChangeKind::drop_default: return "drop_default";
        case ChangeKind::set_not_null: return "set_not_null";
        case ChangeKind::drop_not_null: return "drop_not_null";
        case ChangeKind::alter_identity: return "alter_identity";
        case ChangeKind::alter_generated: return "alter_generated";
        case ChangeKind::alter_column_options: return "alter_column_options";
        case ChangeKind::add_constraint: return "add_constraint";
        case ChangeKind::drop_constraint: return "drop_constraint";
        case ChangeKind::validate_constraint: return "validate_constraint";
        case ChangeKind::rename_constraint: return "rename_constraint";
        case ChangeKind::create_index: return "create_index";
        case ChangeKind::drop_index: return "drop_index";
        case ChangeKind::rename_index: return "rename_index";
        case ChangeKind::alter_index: return "alter_index";
        case ChangeKind::create_view: return "create_view";
        case ChangeKind::drop_view: return "drop_view";
        case ChangeKind::replace_view: return "replace_view";
        case ChangeKind::create_function: return "create_function";
        case ChangeKind::drop_function: return "drop_function";
        case ChangeKind::replace_function: return "replace_function";
        case ChangeKind::create_trigger: return "create_trigger";
        case ChangeKind::drop_trigger: return "drop_trigger";
        case ChangeKind::alter_trigger_enabled: return "alter_trigger_enabled";
        case ChangeKind::create_policy: return "create_policy";
        case ChangeKind::drop_policy: return "drop_policy";
        case ChangeKind::alter_policy: return "alter_policy";
        case ChangeKind::create_text_search: return "create_text_search";
        case ChangeKind::drop_text_search: return "drop_text_search";
        case ChangeKind::set_comment: return "set_comment";
        case ChangeKind::set_attribute: return "set_attribute";
        case ChangeKind::set_privileges: return "set_privileges";
        case ChangeKind::set_owner: return "set_owner";
        case ChangeKind::set_default_privileges: return "set_default_privileges";
        case ChangeKind::create_opaque: return "create_opaque";
        case ChangeKind::drop_opaque: return "drop_opaque";
    }
    return "unknown_change";
}

namespace {

// The phrase put before the object's key ("add" + "column public.t.c").
std::string_view verb(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::create_schema:
        case ChangeKind::create_extension:
        case ChangeKind::create_collation:
        case ChangeKind::create_type:
        case ChangeKind::create_sequence:
        case ChangeKind::create_table:
        case ChangeKind::create_index:
        case ChangeKind::create_view:
        case ChangeKind::create_function:
        case ChangeKind::create_trigger:
        case ChangeKind::create_policy:
        case ChangeKind::create_text_search: return "create";
        case ChangeKind::drop_schema:
        case ChangeKind::drop_extension:
        case ChangeKind::drop_collation:
        case ChangeKind::drop_type:
        case ChangeKind::drop_sequence:
        case ChangeKind::drop_table:
        case ChangeKind::drop_index:
        case ChangeKind::drop_view:
        case ChangeKind::drop_function:
        case ChangeKind::drop_trigger:
        case ChangeKind::drop_policy:
        case ChangeKind::drop_text_search: return "drop";
        case ChangeKind::add_enum_value: return "add value to";
        case ChangeKind::recreate_type: return "recreate";
        case ChangeKind::alter_domain:
        case ChangeKind::add_type_attributes:
        case ChangeKind::alter_sequence:
        case ChangeKind::alter_table:
        case ChangeKind::alter_index:
        case ChangeKind::alter_policy: return "alter";
        case ChangeKind::rename_table:
        case ChangeKind::rename_column:
        case ChangeKind::rename_constraint:
        case ChangeKind::rename_index: return "rename";
        case ChangeKind::add_column:
        case ChangeKind::add_constraint: return "add";
        case ChangeKind::drop_column:
        case ChangeKind::drop_constraint: return "drop";
        case ChangeKind::alter_column_type: return "alter type of";
        case ChangeKind::set_default: return "set default of";
        case ChangeKind::drop_default: return "drop default of";
        case ChangeKind::set_not_null: return "set not null on";
        case ChangeKind::drop_not_null: return "drop not null on";
        case ChangeKind::alter_identity: return "alter identity of";
        case ChangeKind::alter_generated: return "alter generation of";
        case ChangeKind::alter_column_options: return "alter options of";
        case ChangeKind::validate_constraint: return "validate";
        case ChangeKind::replace_view:
        case ChangeKind::replace_function: return "replace";
        case ChangeKind::alter_trigger_enabled: return "enable/disable";
        case ChangeKind::set_comment: return "set comment on";
        case ChangeKind::set_attribute: return "set";
        case ChangeKind::set_privileges: return "set privileges on";
        case ChangeKind::set_owner: return "set owner of";
        case ChangeKind::set_default_privileges: return "set";
        case ChangeKind::create_opaque: return "run";
        case ChangeKind::drop_opaque: return "drop";
    }
    return "change";
}

}  // namespace

std::string Change::describe() const {
    if (kind == ChangeKind::create_opaque || kind == ChangeKind::drop_opaque) {
        // The key's name is the whole statement: keep the description one line.
        std::string text = key.name.substr(0, key.name.find('\n'));
        constexpr std::size_t k_max = 60;
        if (text.size() > k_max) {
            text = text.substr(0, k_max) + "...";
        }
        return std::string(verb(kind)) + " statement " + text;
    }
    std::string out = std::string(verb(kind)) + " " + key.to_string();
    switch (kind) {
        case ChangeKind::rename_table:
        case ChangeKind::rename_column:
        case ChangeKind::rename_constraint:
        case ChangeKind::rename_index: out += " (was " + old_name + ")"; break;
        case ChangeKind::add_enum_value: {
            // The key's args hold the new label (see ChangeKind::add_enum_value).
            model::ObjectKey type_key = key;
            type_key.args.clear();
            out = "add value '" + key.args + "' to " + type_key.to_string();
            if (std::string position = detail_text(); !position.empty()) {
                out += " " + position;
            }
            break;
        }
        case ChangeKind::set_attribute: {
            // "set engine of table events", "reset invisible of column t.c".
            std::string name = attribute.def != nullptr ? std::string(attribute.def->name) : "attribute";
            out = (attribute.after ? "set " : "reset ") + name + " of " + key.to_string();
            break;
        }
        default: break;
    }
    return out;
}

namespace {

// 'it''s': how describe() and reports have always quoted a label.
std::string quoted_label(const std::string& label) {
    std::string out = "'";
    for (char c : label) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    return out + "'";
}

}  // namespace

std::string Change::detail_text() const {
    switch (kind) {
        case ChangeKind::rename_table:
        case ChangeKind::rename_column:
        case ChangeKind::rename_constraint:
        case ChangeKind::rename_index: return old_name;
        case ChangeKind::add_enum_value:
            switch (enum_position.place) {
                case EnumPosition::Place::end: return {};
                case EnumPosition::Place::before: return "BEFORE " + quoted_label(enum_position.label);
                case EnumPosition::Place::after: return "AFTER " + quoted_label(enum_position.label);
            }
            return {};
        case ChangeKind::set_attribute: {
            std::string name = attribute.def != nullptr ? std::string(attribute.def->name) : "attribute";
            return attribute.after ? name + "=" + model::attribute_text(*attribute.after) : name + " reset";
        }
        case ChangeKind::set_owner: return owner;
        default: return {};
    }
}

}  // namespace schemerge::diff
