// Triggers: created, dropped, enabled or disabled.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

namespace {

std::vector<std::string> trigger_statements(const model::Trigger& trigger) {
    std::vector<std::string> out{create_trigger(trigger)};
    if (auto state = trigger_enable_state(trigger); !state.empty()) {
        out.push_back(std::move(state));
    }
    append_metadata(out, trigger.meta,
                    "TRIGGER " + quote_identifier(trigger.name) + " ON " + format_name(trigger.table), "", k_meta);
    return out;
}

}  // namespace

std::size_t Planner::create_trigger_action(const model::Trigger& trigger, const ObjectKey& key, const std::string& text) {
    std::size_t a = add(k_create_trigger, key, trigger_statements(trigger), text);
    provides(a, key);
    return a;
}

std::size_t Planner::drop_trigger_action(const model::Trigger& trigger, const ObjectKey& key, const std::string& text,
                                std::vector<Hazard> hazards) {
    std::size_t a = add(k_drop_trigger, key,
                        {"DROP TRIGGER " + quote_identifier(trigger.name) + " ON " + format_name(current(trigger.table))},
                        text, std::move(hazards));
    removes(a, key);
    trigger_drops_[trigger.table].push_back(a);
    return a;
}

void Planner::create_trigger_change(const Change& change, const std::string& text) {
    if (const auto* trigger = as<model::Trigger>(change.after)) {
        create_trigger_action(*trigger, change.key, text);
    }
}

void Planner::drop_trigger_change(const Change& change, const std::string& text) {
    const auto* trigger = as<model::Trigger>(change.before);
    if (trigger == nullptr || table_is_dropped(current(trigger->table)) || dropped_views_.contains(trigger->table)) {
        return;
    }
    drop_trigger_action(*trigger, change.key, text);
}

void Planner::alter_trigger_enabled(const Change& change, const std::string& text) {
    const auto* trigger = as<model::Trigger>(change.after);
    if (trigger == nullptr || recreated_.contains(change.key)) {
        return;
    }
    std::string sql = trigger_enable_state(*trigger);
    if (sql.empty()) {
        sql = "ALTER TABLE " + format_name(trigger->table) + " ENABLE TRIGGER " + quote_identifier(trigger->name);
    }
    add(k_trigger_enabled, change.key, {sql}, text);
}

}  // namespace schemerge::synth::postgres
