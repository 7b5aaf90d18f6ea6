// Indexes: CREATE / DROP INDEX, with the CONCURRENTLY forms; ALTER INDEX for what changes in place.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

bool Planner::partitioned(const QualifiedName& table_name) const {
    const auto* table = to_table(table_name);
    return table != nullptr && table->partition_strategy != model::PartitionStrategy::none;
}

std::size_t Planner::create_index_action(const model::Index& index, const std::string& text, bool recreate) {
    ObjectKey key = model::object_key(ObjectKind::index, index.name);
    bool fresh = table_is_new(index.table) || view_in(to_, index.table) != nullptr;
    std::vector<Hazard> hazards;
    if (!fresh) {
        hazards.push_back(make_hazard(hazard::k_blocking_index_build,
                                 "writes to " + format_name(index.table) + " are blocked while the index is built"));
    }
    std::vector<std::string> sql{create_index(index)};
    for (auto& statement : index_column_statistics(index, nullptr)) {
        sql.push_back(std::move(statement));
    }
    append_metadata(sql, index.meta, "INDEX " + format_name(index.name), "", meta_options());
    std::size_t a = add(k_create_index, key, sql, text, hazards);
    provides(a, key);
    index_creates_[index.table].push_back(a);
    if (!fresh && !recreate && !index.only && !partitioned(index.table) && !index.attached_to) {
        auto& online = graph_.action(a).online;
        // Built without blocking writes (no blocking-index-build); a failed build
        // leaves an invalid index behind that must be dropped before a retry.
        online.push_back(make_step(concurrently(sql.front()), text, {}, false));
        for (std::size_t i = 1; i < sql.size(); ++i) {
            online.push_back(make_step(sql[i], text, {}, false));
        }
        graph_.action(a).online_late = true;
    }
    if (index.attached_to) {
        std::size_t attach = add(k_index_attach, key, {attach_index(index)}, text);
        order(a, attach);
        after_providers(attach, model::object_key(ObjectKind::index, *index.attached_to));
    }
    return a;
}

void Planner::create_index_change(const Change& change, const std::string& text) {
    if (const auto* index = as<model::Index>(change.after)) {
        create_index_action(*index, text, false);
    }
}

void Planner::alter_index_change(const Change& change, const std::string& text) {
    const auto* before = as<model::Index>(change.before);
    const auto* after = as<model::Index>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    // Storage parameters (ALTER INDEX SET / RESET: the index is not rebuilt), then key
    // column statistics targets.
    std::vector<std::string> sql = reloption_changes("ALTER INDEX " + format_name(after->name),
                                                     before->meta.attributes.options(attr::index_options),
                                                     after->meta.attributes.options(attr::index_options));
    for (auto& statement : index_column_statistics(*after, before)) {
        sql.push_back(std::move(statement));
    }
    if (sql.empty()) {
        return;
    }
    std::size_t a = add(k_create_index, change.key, sql, text);
    after_providers(a, change.key);
}

void Planner::drop_index_change(const Change& change, const std::string& text) {
    const auto* index = as<model::Index>(change.before);
    if (index == nullptr || table_is_dropped(current(index->table)) || dropped_views_.contains(index->table)) {
        return;
    }
    if (index->attached_to && (has_change(ChangeKind::drop_index, model::object_key(ObjectKind::index, *index->attached_to)))) {
        return;  // dropped with its parent index
    }
    std::string name = format_name(index->name);
    std::size_t a = add(k_drop_index, change.key, {"DROP INDEX " + name}, text,
                        {make_hazard(hazard::k_access_exclusive_lock,
                                "table " + format_name(current(index->table)) + " is locked while the index is dropped")});
    removes(a, change.key);
    index_drops_[index->table].push_back(a);
    bool plain_only = index->only || index->attached_to ||
                      (from_table(current(index->table)) != nullptr &&
                       from_table(current(index->table))->partition_strategy != model::PartitionStrategy::none);
    if (!plain_only) {
        graph_.action(a).online.push_back(make_step("DROP INDEX CONCURRENTLY " + name, text, {}, false));
        graph_.action(a).online_late = true;
    }
}

}  // namespace schemerge::synth::postgres
