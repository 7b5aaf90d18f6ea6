#include "synth/action_graph.hpp"

#include <algorithm>

namespace schemerge::synth {

namespace {

bool is_routine(model::ObjectKind kind) {
    return kind == model::ObjectKind::function || kind == model::ObjectKind::procedure ||
           kind == model::ObjectKind::aggregate || kind == model::ObjectKind::operator_ ||
           model::is_opclass_kind(kind);
}

}  // namespace

ActionGraph::Id ActionGraph::add(int rank, model::ObjectKey sort_key, std::vector<Step> steps) {
    Action action;
    action.plain = std::move(steps);
    actions_.push_back(std::move(action));
    OrderNode node;
    node.rank = rank;
    node.key = std::move(sort_key);
    nodes_.push_back(std::move(node));
    return actions_.size() - 1;
}

ActionGraph::Id ActionGraph::add(int rank, model::ObjectKey sort_key, const std::vector<std::string>& statements,
                                 const std::string& change, std::vector<Hazard> hazards) {
    std::vector<Step> steps;
    for (const auto& sql : statements) {
        Step step;
        step.sql = sql;
        step.change = change;
        if (steps.empty()) {
            step.hazards = hazards;
        }
        steps.push_back(std::move(step));
    }
    return add(rank, std::move(sort_key), std::move(steps));
}

void ActionGraph::order(Id earlier, Id later) {
    if (earlier != later) {
        nodes_[later].needs.insert(earlier);
    }
}

void ActionGraph::removes(Id action, const model::ObjectKey& from_key) { removers_[from_key].push_back(action); }
void ActionGraph::drops(Id action, const model::ObjectKey& to_key) { drops_[to_key].push_back(action); }
void ActionGraph::provides(Id action, const model::ObjectKey& key) { providers_[key].push_back(action); }
void ActionGraph::creates(Id action, const model::ObjectKey& key) { creates_[key].push_back(action); }
void ActionGraph::provides_for_routines(Id action, const model::ObjectKey& key) { routine_providers_[key] = action; }
void ActionGraph::after_providers(Id action, const model::ObjectKey& key) { after_providers_.emplace_back(action, key); }
void ActionGraph::before_removers(Id action, const model::ObjectKey& from_key) {
    before_removers_.emplace_back(action, from_key);
}
void ActionGraph::span(const model::ObjectKey& key, Id first, Id last) { spans_[key].emplace_back(first, last); }

const std::vector<ActionGraph::Id>* ActionGraph::providers(const model::ObjectKey& key) const {
    auto it = providers_.find(key);
    return it == providers_.end() ? nullptr : &it->second;
}

const std::vector<ActionGraph::Id>* ActionGraph::removers(const model::ObjectKey& from_key) const {
    auto it = removers_.find(from_key);
    return it == removers_.end() ? nullptr : &it->second;
}

void ActionGraph::link_dependents(const std::vector<std::pair<model::ObjectKey, model::ObjectKey>>& pairs) {
    for (const auto& [x, d] : pairs) {
        std::vector<std::pair<Id, Id>> spans;
        if (auto it = spans_.find(x); it != spans_.end()) {
            spans = it->second;
        } else {
            auto drops = drops_.find(x);
            if (drops == drops_.end()) {
                continue;
            }
            auto creates = creates_.find(x);
            for (Id first : drops->second) {
                if (creates == creates_.end()) {
                    spans.emplace_back(first, first);
                } else {
                    for (Id last : creates->second) {
                        spans.emplace_back(first, last);
                    }
                }
            }
        }
        for (const auto& [first, last] : spans) {
            if (auto it = drops_.find(d); it != drops_.end()) {
                for (Id drop : it->second) {
                    order(drop, first);
                }
            }
            if (auto it = creates_.find(d); it != creates_.end()) {
                for (Id create : it->second) {
                    order(last, create);
                }
            }
        }
    }
}

void ActionGraph::wire(const model::DependencyGraph& from_graph, const model::DependencyGraph& to_graph) {
    // `from` graph: removers of a dependent before removers of what it needs.
    from_graph.for_each_edge([&](const model::ObjectKey& a, const model::ObjectKey& b, model::DependencyKind kind) {
        if (kind == model::DependencyKind::owned_by) {
            return;
        }
        auto ra = removers_.find(a);
        auto rb = removers_.find(b);
        if (ra == removers_.end() || rb == removers_.end()) {
            return;
        }
        for (Id x : ra->second) {
            for (Id y : rb->second) {
                order(x, y);
            }
        }
    });
    // `to` graph: providers of what an object needs before its providers. A column the
    // plan does not touch has no provider: its table's creation stands for it.
    to_graph.for_each_edge([&](const model::ObjectKey& a, const model::ObjectKey& b, model::DependencyKind kind) {
        if (kind == model::DependencyKind::owned_by || kind == model::DependencyKind::index_attach) {
            return;
        }
        auto pa = providers_.find(a);
        if (pa == providers_.end()) {
            return;
        }
        auto before_providers_of_a = [&](Id y) {
            for (Id x : pa->second) {
                order(y, x);
            }
        };
        if (auto early = routine_providers_.find(b); early != routine_providers_.end() && is_routine(a.kind)) {
            before_providers_of_a(early->second);
        } else if (auto pb = providers_.find(b); pb != providers_.end()) {
            for (Id y : pb->second) {
                before_providers_of_a(y);
            }
        }
    });
    // A drop of an object before its creation under the same identity.
    for (const auto& [key, drops] : drops_) {
        auto creates = creates_.find(key);
        if (creates == creates_.end()) {
            continue;
        }
        for (Id drop : drops) {
            for (Id create : creates->second) {
                order(drop, create);
            }
        }
    }
    for (const auto& [action, key] : after_providers_) {
        if (auto it = providers_.find(key); it != providers_.end()) {
            for (Id provider : it->second) {
                order(provider, action);
            }
        }
    }
    for (const auto& [action, key] : before_removers_) {
        if (auto it = removers_.find(key); it != removers_.end()) {
            for (Id remover : it->second) {
                order(action, remover);
            }
        }
    }
}

Plan ActionGraph::assemble(const PlanOptions& options, bool transactional_ddl, std::vector<std::string> notes) {
    TopologicalOrder sorted = topological_sort(nodes_);
    if (sorted.has_cycle()) {
        const Action& first = actions_[sorted.forced.front()];
        notes.push_back("dependency cycle: some steps may run before what they need (first: " +
                        (first.plain.empty() ? std::string("?") : first.plain.front().change) + ")");
    }
    const bool online = options.locks == LockStrategy::online;
    std::size_t n = actions_.size();
    std::vector<bool> use_online(n, false);
    Plan plan;
    plan.transactional_ddl = transactional_ddl;
    if (!transactional_ddl) {
        // One ordered list: every step commits on its own, so an online form's effect
        // exists as soon as its steps have run.
        plan.notes.push_back(std::string(k_autocommit_note));
        for (std::size_t i : sorted.sequence) {
            Action& action = actions_[i];
            auto& steps = online && !action.online.empty() ? action.online : action.plain;
            for (auto& step : steps) {
                step.transactional = false;
                plan.steps.push_back(std::move(step));
            }
        }
        plan.notes.insert(plan.notes.end(), std::make_move_iterator(notes.begin()),
                          std::make_move_iterator(notes.end()));
        return plan;
    }
    // Which online forms can be used: walking the order backwards, an action's online
    // form whose effect only exists after the transaction is used only when nothing
    // after it runs in the transaction and needs it.
    std::vector<bool> tx_after(n, false);  // the action or something after it runs in the transaction
    for (auto it = sorted.sequence.rbegin(); it != sorted.sequence.rend(); ++it) {
        std::size_t i = *it;
        bool later_tx = false;
        for (std::size_t successor : sorted.successors[i]) {
            later_tx = later_tx || tx_after[successor];
        }
        const Action& action = actions_[i];
        if (online && !action.online.empty() && !(action.online_late && later_tx)) {
            use_online[i] = true;
        }
        const auto& steps = use_online[i] ? action.online : action.plain;
        bool own_tx = std::any_of(steps.begin(), steps.end(), [](const Step& s) { return s.transactional; });
        tx_after[i] = (own_tx && !action.before_transaction) || later_tx;
    }
    std::vector<Step> before;
    std::vector<Step> inside;
    std::vector<Step> after;
    for (std::size_t i : sorted.sequence) {
        Action& action = actions_[i];
        auto& steps = use_online[i] ? action.online : action.plain;
        for (auto& step : steps) {
            if (action.before_transaction) {
                step.transactional = false;
                before.push_back(std::move(step));
            } else if (step.transactional) {
                inside.push_back(std::move(step));
            } else {
                after.push_back(std::move(step));
            }
        }
    }
    for (auto* group : {&before, &inside, &after}) {
        for (auto& step : *group) {
            plan.steps.push_back(std::move(step));
        }
    }
    plan.notes = std::move(notes);
    return plan;
}

}  // namespace schemerge::synth
