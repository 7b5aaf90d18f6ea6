// Sequences: CREATE / DROP / ALTER SEQUENCE and OWNED BY.
#include <fmt/format.h>

#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

// Options of a sequence (or identity) that differ, as ALTER SEQUENCE clauses: an
// option that went back to its default is written out explicitly (NO MINVALUE,
// INCREMENT BY 1, CACHE 1, NO CYCLE), since "unset" means "the engine default".
std::vector<std::string> sequence_option_changes(const model::SequenceOptions& before,
                                                 const model::SequenceOptions& after, bool allow_as) {
    std::vector<std::string> out;
    if (allow_as && before.data_type != after.data_type) {
        out.push_back("AS " + (after.data_type ? format_type(*after.data_type) : std::string("bigint")));
    }
    if (before.increment != after.increment) {
        out.push_back(fmt::format("INCREMENT BY {}", after.increment.value_or(1)));
    }
    if (before.min_value != after.min_value) {
        out.push_back(after.min_value ? fmt::format("MINVALUE {}", *after.min_value) : "NO MINVALUE");
    }
    if (before.max_value != after.max_value) {
        out.push_back(after.max_value ? fmt::format("MAXVALUE {}", *after.max_value) : "NO MAXVALUE");
    }
    // The start value in effect: an unset START is the minimum of an ascending
    // sequence and the maximum of a descending one, so it moves with them.
    auto effective_start = [](const model::SequenceOptions& options) -> std::int64_t {
        if (options.start) {
            return *options.start;
        }
        bool descending = options.increment.value_or(1) < 0;
        return descending ? options.max_value.value_or(-1) : options.min_value.value_or(1);
    };
    if (before.start != after.start || effective_start(before) != effective_start(after)) {
        out.push_back(fmt::format("START WITH {}", effective_start(after)));
    }
    if (before.cache != after.cache) {
        out.push_back(fmt::format("CACHE {}", after.cache.value_or(1)));
    }
    if (before.cycle != after.cycle) {
        out.push_back(after.cycle ? "CYCLE" : "NO CYCLE");
    }
    return out;
}

// Identity sequences come and go with their column's GENERATED ... AS IDENTITY.
bool Planner::identity_sequence(const model::Schema& schema, const model::Sequence& sequence) {
    if (!sequence.owned_by) {
        return false;
    }
    const auto* table = table_in(schema, sequence.owned_by->table);
    const auto* column = table != nullptr ? table->find_column(sequence.owned_by->column) : nullptr;
    return column != nullptr && column->identity != model::IdentityKind::none;
}

void Planner::owned_by_action(const model::Sequence& sequence, const std::string& text) {
    ObjectKey key = model::object_key(ObjectKind::sequence, sequence.name);
    std::string sql = sequence.owned_by ? sequence_owned_by(sequence)
                                        : "ALTER SEQUENCE " + format_name(sequence.name) + " OWNED BY NONE";
    std::size_t a = add(k_sequence_owned_by, key, {sql}, text);
    if (sequence.owned_by) {
        after_providers(a, model::object_key(ObjectKind::table, sequence.owned_by->table));
        after_providers(a, model::table_scoped_key(ObjectKind::column, sequence.owned_by->table,
                                                   sequence.owned_by->column));
    }
    owned_by_actions_[key] = a;
}

void Planner::create_sequence_change(const Change& change, const std::string& text) {
    const auto* sequence = as<model::Sequence>(change.after);
    if (sequence == nullptr || identity_sequence(to_, *sequence)) {
        return;
    }
    std::vector<std::string> sql{create_sequence(*sequence)};
    std::string target = "SEQUENCE " + format_name(sequence->name);
    append_metadata(sql, sequence->meta, target, target, meta_options(),
                    created_acl(ObjectKind::sequence, sequence->name));
    std::size_t a = add(k_create_sequence, change.key, sql, text);
    provides(a, change.key);
    if (sequence->owned_by) {
        owned_by_action(*sequence, text);
        order(a, owned_by_actions_[change.key]);
    }
}

void Planner::drop_sequence_change(const Change& change, const std::string& text) {
    const auto* sequence = as<model::Sequence>(change.before);
    if (sequence == nullptr || identity_sequence(from_, *sequence)) {
        return;
    }
    if (sequence->owned_by) {
        // OWNED BY: dropping the column or table drops the sequence too.
        ObjectKey column = model::table_scoped_key(ObjectKind::column, current(sequence->owned_by->table),
                                                   sequence->owned_by->column);
        if (column_dropped(column)) {
            return;
        }
    }
    std::size_t a = add(k_drop_sequence, change.key, {"DROP SEQUENCE " + format_name(sequence->name)}, text);
    removes(a, change.key);
}

void Planner::alter_sequence(const Change& change, const std::string& text) {
    const auto* before = as<model::Sequence>(change.before);
    const auto* after = as<model::Sequence>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    std::vector<std::string> clauses = sequence_option_changes(before->options, after->options, true);
    if (before->unlogged != after->unlogged) {
        add(k_alter_sequence, change.key,
            {"ALTER SEQUENCE " + format_name(after->name) + (after->unlogged ? " SET UNLOGGED" : " SET LOGGED")},
            text);
    }
    if (!clauses.empty()) {
        std::vector<Hazard> hazards;
        // Sequence types are smallint < integer < bigint (unset means bigint): only a
        // narrower type can fail on the current value.
        auto width = [](const std::optional<model::TypeRef>& t) {
            if (!t) {
                return 8;
            }
            return t->name.name == "smallint" ? 2 : t->name.name == "integer" ? 4 : 8;
        };
        if (width(after->options.data_type) < width(before->options.data_type)) {
            hazards.push_back(make_hazard(hazard::k_data_loss,
                                     "a narrower sequence type fails if the current value does not fit"));
        }
        add(k_alter_sequence, change.key, {"ALTER SEQUENCE " + format_name(after->name) + " " + join(clauses, " ")},
            text, hazards);
    }
    bool owner_changed = !(before->owned_by == after->owned_by);
    if (owner_changed && before->owned_by && after->owned_by) {
        // The diff compares OWNED BY through table renames.
        owner_changed = !(current(before->owned_by->table) == after->owned_by->table &&
                          before->owned_by->column == after->owned_by->column);
    }
    if (owner_changed && !identity_sequence(to_, *after) && !identity_sequence(from_, *before)) {
        owned_by_action(*after, text);
        std::size_t a = owned_by_actions_[change.key];
        if (before->owned_by) {
            // Before the old owner column goes: it would take the sequence with it.
            graph_.before_removers(a, model::table_scoped_key(ObjectKind::column, before->owned_by->table,
                                                                     before->owned_by->column));
            graph_.before_removers(a, model::object_key(ObjectKind::table, before->owned_by->table));
        }
    }
}

}  // namespace schemerge::synth::postgres
