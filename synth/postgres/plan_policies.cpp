// Row-level security policies: created, dropped, altered in place or dropped and created.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

namespace {

std::vector<std::string> policy_statements(const model::Policy& policy) {
    std::vector<std::string> out{create_policy(policy)};
    append_metadata(out, policy.meta, "POLICY " + quote_identifier(policy.name) + " ON " + format_name(policy.table),
                    "", k_meta);
    return out;
}

}  // namespace

std::size_t Planner::create_policy_action(const model::Policy& policy, const ObjectKey& key, const std::string& text) {
    std::size_t a = add(k_create_policy, key, policy_statements(policy), text);
    provides(a, key);
    return a;
}

std::size_t Planner::drop_policy_action(const model::Policy& policy, const ObjectKey& key, const std::string& text,
                               std::vector<Hazard> hazards) {
    std::size_t a = add(k_drop_policy, key,
                        {"DROP POLICY " + quote_identifier(policy.name) + " ON " + format_name(current(policy.table))},
                        text, std::move(hazards));
    removes(a, key);
    policy_drops_[policy.table].push_back(a);
    return a;
}

void Planner::create_policy_change(const Change& change, const std::string& text) {
    if (const auto* policy = as<model::Policy>(change.after)) {
        create_policy_action(*policy, change.key, text);
    }
}

void Planner::drop_policy_change(const Change& change, const std::string& text) {
    const auto* policy = as<model::Policy>(change.before);
    if (policy == nullptr || table_is_dropped(current(policy->table))) {
        return;
    }
    drop_policy_action(*policy, change.key, text);
}

void Planner::alter_policy(const Change& change, const std::string& text) {
    const auto* before = as<model::Policy>(change.before);
    const auto* after = as<model::Policy>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    // ALTER POLICY cannot remove a USING or WITH CHECK clause, nor change the
    // command or PERMISSIVE/RESTRICTIVE.
    bool in_place = !forced_.contains(change.key) && before->command == after->command &&
                    before->permissive == after->permissive &&
                    !(!before->using_expr.empty() && after->using_expr.empty()) &&
                    !(!before->check_expr.empty() && after->check_expr.empty());
    if (!in_place) {
        std::size_t drop = drop_policy_action(*before, change.key, text);
        std::size_t create = create_policy_action(*after, change.key, text);
        order(drop, create);
        return;
    }
    std::string sql = "ALTER POLICY " + quote_identifier(after->name) + " ON " + format_name(after->table);
    if (before->roles != after->roles) {
        // The role list exactly as CREATE POLICY spells it.
        std::string created = create_policy(*after);
        auto to = created.find(" TO ");
        if (to != std::string::npos) {
            auto end = created.find(" USING (", to);
            if (end == std::string::npos) {
                end = created.find(" WITH CHECK (", to);
            }
            sql += created.substr(to, end == std::string::npos ? std::string::npos : end - to);
        } else {
            sql += " TO PUBLIC";
        }
    }
    if (before->using_expr != after->using_expr && !after->using_expr.empty()) {
        sql += " USING (" + after->using_expr.text + ")";
    }
    if (before->check_expr != after->check_expr && !after->check_expr.empty()) {
        sql += " WITH CHECK (" + after->check_expr.text + ")";
    }
    std::size_t a = add(k_alter_policy, change.key, {sql}, text);
    removes(a, change.key, false);
    provides(a, change.key, false);
}

}  // namespace schemerge::synth::postgres
