// Functions, procedures, aggregates, operators, operator classes and families: created,
// dropped, replaced in place or dropped and created (a family's loose members are altered
// in place).
#include <optional>

#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

namespace {

std::vector<std::string> routine_statements(const model::Function& function, bool or_replace,
                                            const EmitOptions& meta, const model::Acl& created_with) {
    std::vector<std::string> out = create_routine_statements(function, or_replace);
    std::string target = routine_target(function);
    append_metadata(out, function.meta, target, target, meta, created_with);
    return out;
}

std::string drop_routine(const model::Function& function) { return "DROP " + routine_target(function); }

}  // namespace

// Whether CREATE OR REPLACE can turn `before` into `after`: PostgreSQL refuses
// to change the kind, the return type (OUT/TABLE parameters included), the
// parameter names, or to remove parameter defaults. Aggregates are always
// dropped and created.
bool Planner::routine_replaceable(const model::Function& before, const model::Function& after) {
    if (before.kind != after.kind || after.kind == model::RoutineKind::aggregate ||
        after.kind == model::RoutineKind::operator_ || model::is_opclass_kind(after.kind) ||
        before.window != after.window) {
        return false;
    }
    if (before.returns != after.returns || before.args.size() != after.args.size()) {
        return false;
    }
    for (std::size_t i = 0; i < before.args.size(); ++i) {
        const auto& a = before.args[i];
        const auto& b = after.args[i];
        if (a.mode != b.mode || a.name != b.name || a.type != b.type) {
            return false;
        }
        if (a.default_value && !b.default_value) {
            return false;
        }
    }
    return true;
}

std::size_t Planner::create_routine_action(const model::Function& function, const ObjectKey& key, const std::string& text,
                                  bool or_replace) {
    // CREATE OR REPLACE keeps the routine's ACL; a new one gets the database's default privileges.
    model::Acl created_with = or_replace ? model::Acl{} : created_acl(model::object_kind(function.kind), function.name);
    std::size_t a =
        add(k_create_routine, key, routine_statements(function, or_replace, meta_options(), created_with), text);
    provides(a, key, !or_replace);
    if (or_replace) {
        removes(a, key, false);
    }
    if (function.language == "sql" && function.sql_body.empty() && !function_bodies_off_) {
        // SQL-language bodies are checked at creation and may read objects the plan
        // creates later (or that this routine's own dependents are).
        function_bodies_off_ = add(k_setup, {}, {"SET check_function_bodies = false"},
                                   "setup: check SQL function bodies when they run, not while the plan creates them");
    }
    return a;
}

std::size_t Planner::drop_routine_action(const model::Function& function, const ObjectKey& key, const std::string& text,
                                std::vector<Hazard> hazards) {
    std::size_t a = add(k_drop_routine, key, {drop_routine(function)}, text, std::move(hazards));
    removes(a, key);
    return a;
}

void Planner::create_function_change(const Change& change, const std::string& text) {
    if (const auto* function = as<model::Function>(change.after)) {
        create_routine_action(*function, change.key, text, false);
    }
}

void Planner::drop_function_change(const Change& change, const std::string& text) {
    const auto* function = as<model::Function>(change.before);
    if (function == nullptr) {
        return;
    }
    for (const auto& type : cascaded_types_) {
        for (const auto& [option, value] : from_.types.at(type).options) {
            QualifiedName name = model::ObjectResolver::parse_name(value);
            if (name.name == function->name.name) {
                return;  // DROP TYPE ... CASCADE took it
            }
        }
    }
    drop_routine_action(*function, change.key, text);
}

void Planner::replace_function(const Change& change, const std::string& text) {
    const auto* before = as<model::Function>(change.before);
    const auto* after = as<model::Function>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    if (operator_estimators_only(*before, *after) && !forced_.contains(change.key)) {
        // PostgreSQL 15 alters an operator's RESTRICT and JOIN in place; any other change
        // (its function, commutator, negator, HASHES, MERGES) is a drop and create.
        std::size_t a = add(k_create_routine, change.key, alter_operator_estimators(*before, *after), text);
        after_providers(a, change.key);
        return;
    }
    if (after->kind == model::RoutineKind::operator_family && !forced_.contains(change.key)) {
        // A family's loose members change in place: ALTER OPERATOR FAMILY … DROP, then ADD.
        std::vector<std::string> dropped = alter_family_members(*before, *after, true);
        std::vector<std::string> added = alter_family_members(*before, *after, false);
        std::optional<std::size_t> drop;
        if (!dropped.empty()) {
            drop = add(k_drop_routine, change.key, dropped, text);
            removes(*drop, change.key, false);
        }
        if (!added.empty()) {
            std::size_t a = add(k_create_routine, change.key, added, text);
            provides(a, change.key, false);
            if (drop) {
                order(*drop, a);
            }
        }
        return;
    }
    if (routine_replaceable(*before, *after) && !forced_.contains(change.key)) {
        std::size_t a = create_routine_action(*after, change.key, text, true);
        if (before->meta.comment && !after->meta.comment) {
            graph_.action(a).plain.push_back(make_step("COMMENT ON " + routine_target(*after) + " IS NULL", text));
        }
        return;
    }
    std::size_t drop = drop_routine_action(*before, change.key, text);
    std::size_t create = create_routine_action(*after, change.key, text, false);
    order(drop, create);
}

}  // namespace schemerge::synth::postgres
