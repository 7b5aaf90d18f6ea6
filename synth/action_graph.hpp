#pragma once
// The dialect-neutral ordering engine of migration planning. A dialect's planner turns
// each change into one or more actions (a few steps each) and tells the graph which
// objects each action ends or establishes; the graph orders the actions by the
// dependency graphs of both schemas and assembles the plan.
//
// Ordering model. An action "removes" the objects whose `from` definition it ends
// (drops, and alterations such as a column's default or type) and "provides" the
// objects whose `to` definition it establishes. For an edge A needs B of the `from`
// graph, whatever removes A runs before whatever removes B (dependents go first); for
// an edge of the `to` graph, whatever provides B runs before whatever provides A. A
// drop of an object runs before a creation under the same identity. Explicit edges add
// what the graphs do not know. The sort (topological_sort.hpp) then picks, among the
// ready actions, the one of lowest rank: the dialect's ranks spell the usual shape of
// its plans.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/dependency_graph.hpp"
#include "model/object_key.hpp"
#include "synth/plan.hpp"
#include "synth/topological_sort.hpp"

namespace schemerge::synth {

// What an action executes, in its two forms.
struct Action {
    std::vector<Step> plain;
    std::vector<Step> online;  // the LockStrategy::online form, when it differs
    // The online form's effect only exists after its non-transactional steps: it is
    // used only when nothing inside the transaction needs that effect.
    bool online_late = false;
    // Runs before the transaction, each step on its own (PostgreSQL's ALTER TYPE ...
    // ADD VALUE, whose label the transaction may use only once it has committed).
    bool before_transaction = false;
};

class ActionGraph {
public:
    using Id = std::size_t;

    // A new action, ranked (lower first among ready actions) and keyed for ties.
    Id add(int rank, model::ObjectKey sort_key, std::vector<Step> steps);
    // One step per statement, all for `change`; the hazards go on the first step.
    Id add(int rank, model::ObjectKey sort_key, const std::vector<std::string>& statements, const std::string& change,
           std::vector<Hazard> hazards = {});

    [[nodiscard]] std::size_t size() const { return actions_.size(); }
    [[nodiscard]] Action& action(Id id) { return actions_[id]; }
    [[nodiscard]] const Action& action(Id id) const { return actions_[id]; }
    [[nodiscard]] int rank(Id id) const { return nodes_[id].rank; }
    [[nodiscard]] const model::ObjectKey& sort_key(Id id) const { return nodes_[id].key; }

    // `earlier` runs before `later` (nothing when they are the same action).
    void order(Id earlier, Id later);

    // --- objects (keys of the `from` schema for removals, of the `to` schema for the rest)

    // The action ends the `from` definition of `from_key`.
    void removes(Id action, const model::ObjectKey& from_key);
    // The action drops the object known as `to_key` in `to`: it runs before any action
    // that creates an object under that identity (see creates()).
    void drops(Id action, const model::ObjectKey& to_key);
    // The action establishes the `to` definition of `key`.
    void provides(Id action, const model::ObjectKey& key);
    // The action creates the object `key` (a fresh identity, after its drops()).
    void creates(Id action, const model::ObjectKey& key);
    // The action establishes enough of `key` for a routine's signature to name it
    // (PostgreSQL's shell type before a base type's I/O functions): routines that need
    // `key` wait for this action instead of its providers.
    void provides_for_routines(Id action, const model::ObjectKey& key);
    // `action` runs after every action that provides `key` / before every action that
    // removes `from_key` (resolved by wire(), once every action is known).
    void after_providers(Id action, const model::ObjectKey& key);
    void before_removers(Id action, const model::ObjectKey& from_key);
    // The object `key` changes between the actions `first` and `last`: its dependents
    // are dropped before `first` and created again after `last` (link_dependents()).
    void span(const model::ObjectKey& key, Id first, Id last);

    [[nodiscard]] const std::vector<Id>* providers(const model::ObjectKey& key) const;
    [[nodiscard]] const std::vector<Id>* removers(const model::ObjectKey& from_key) const;

    // --- ordering

    // For each (changed object, dependent) pair: the dependent's drops run before the
    // change starts, its creations after it ends (the change's spans; without one, the
    // changed object's own drops and creations stand for it).
    void link_dependents(const std::vector<std::pair<model::ObjectKey, model::ObjectKey>>& pairs);
    // Orders the actions by the object bookkeeping and both schemas' dependency graphs
    // (see the ordering model above); `owned_by` edges are left to the dialect, and
    // `index_attach` edges of the `to` graph too.
    void wire(const model::DependencyGraph& from_graph, const model::DependencyGraph& to_graph);

    // The plan: actions sorted, each in its plain or (options.locks == online) online
    // form, in the sections the engine's DDL allows (plan.hpp). `notes` come first in
    // the plan's notes; a dependency cycle adds one.
    [[nodiscard]] Plan assemble(const PlanOptions& options, bool transactional_ddl, std::vector<std::string> notes);

private:
    std::vector<Action> actions_;
    std::vector<OrderNode> nodes_;  // nodes_[i]: rank, key and needs of actions_[i]
    std::map<model::ObjectKey, std::vector<Id>> removers_;
    std::map<model::ObjectKey, std::vector<Id>> providers_;
    std::map<model::ObjectKey, std::vector<Id>> drops_;
    std::map<model::ObjectKey, std::vector<Id>> creates_;
    std::map<model::ObjectKey, Id> routine_providers_;
    std::vector<std::pair<Id, model::ObjectKey>> after_providers_;
    std::vector<std::pair<Id, model::ObjectKey>> before_removers_;
    std::map<model::ObjectKey, std::vector<std::pair<Id, Id>>> spans_;
};

}  // namespace schemerge::synth
