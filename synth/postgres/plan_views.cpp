// Views and materialized views: created, dropped, replaced in place or dropped and created.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

namespace {

std::string view_keyword(const model::View& view) { return view.materialized ? "MATERIALIZED VIEW" : "VIEW"; }

std::vector<std::string> view_statements(const model::View& view, const EmitOptions& meta,
                                         const model::Acl& created_with) {
    std::vector<std::string> out{create_view(view, true)};
    for (auto& extra : view_column_extras(view)) {
        out.push_back(std::move(extra));
    }
    std::string target = view_keyword(view) + " " + format_name(view.name);
    append_metadata(out, view.meta, target, target, meta, created_with);
    for (const auto& column : view.column_details) {
        append_metadata(out, column.meta, "COLUMN " + column_target(view.name, column.name), "", k_meta);
    }
    return out;
}

}  // namespace

std::size_t Planner::create_view_action(const model::View& view, const std::string& text, int rank) {
    ObjectKey key = model::object_key(view.materialized ? ObjectKind::materialized_view : ObjectKind::view, view.name);
    std::vector<Hazard> hazards;
    if (view.materialized) {
        hazards.push_back(make_hazard(hazard::k_table_rewrite, "materialized view " + format_name(view.name) +
                                                              " is populated by running its query"));
    }
    std::size_t a =
        add(rank, key, view_statements(view, meta_options(), created_acl(key.kind, view.name)), text, hazards);
    provides(a, key);
    return a;
}

std::size_t Planner::drop_view_action(const model::View& view, const ObjectKey& key, const std::string& text,
                             std::vector<Hazard> hazards) {
    std::size_t a = add(k_drop_view, key, {"DROP " + view_keyword(view) + " " + format_name(view.name)}, text,
                        std::move(hazards));
    removes(a, key);
    for (const auto& [name, index] : from_.indexes) {
        if (index.table == view.name) {
            removes(a, model::object_key(ObjectKind::index, name));
        }
    }
    for (const auto& [id, trigger] : from_.triggers) {
        if (id.table == view.name) {
            removes(a, model::table_scoped_key(ObjectKind::trigger, id.table, id.name));
        }
    }
    return a;
}

void Planner::create_view_change(const Change& change, const std::string& text) {
    if (const auto* view = as<model::View>(change.after)) {
        create_view_action(*view, text);
    }
}

void Planner::drop_view_change(const Change& change, const std::string& text) {
    if (const auto* view = as<model::View>(change.before)) {
        drop_view_action(*view, change.key, text);
    }
}

void Planner::replace_view(const Change& change, const std::string& text) {
    const auto* before = as<model::View>(change.before);
    const auto* after = as<model::View>(change.after);
    if (before == nullptr || after == nullptr) {
        return;
    }
    if (!view_needs_recreate(change) && matview_alters_in_place(*before, *after)) {
        // Only storage parameters or column statistics targets / options changed: ALTER in
        // place, not drop + refill.
        std::vector<std::string> sql =
            reloption_changes("ALTER MATERIALIZED VIEW " + format_name(after->name),
                              before->meta.attributes.options(attr::view_options),
                              after->meta.attributes.options(attr::view_options));
        for (auto& statement : matview_column_statistics(*after, before)) {
            sql.push_back(std::move(statement));
        }
        std::size_t step = add(k_create_view, change.key, sql, text);
        removes(step, change.key, false);
        provides(step, change.key, false);
        return;
    }
    if (!view_needs_recreate(change)) {
        std::vector<std::string> sql = view_statements(*after, meta_options(), {});  // replaced: keeps its ACL
        sql.front().replace(0, std::string("CREATE VIEW").size(), "CREATE OR REPLACE VIEW");
        // Comments are diffed separately; keep the definition and column defaults.
        std::vector<std::string> definition{sql.front()};
        for (const auto& column : before->column_details) {
            bool still = std::any_of(after->column_details.begin(), after->column_details.end(), [&](const auto& c) {
                return c.name == column.name && c.default_value;
            });
            if (column.default_value && !still) {
                definition.push_back("ALTER VIEW " + format_name(after->name) + " ALTER COLUMN " +
                                     quote_identifier(column.name) + " DROP DEFAULT");
            }
        }
        for (auto& extra : view_column_extras(*after)) {
            definition.push_back(std::move(extra));
        }
        const model::AttributeOptions& new_options = after->meta.attributes.options(attr::view_options);
        for (const auto& [option, value] : before->meta.attributes.options(attr::view_options)) {
            bool kept = std::any_of(new_options.begin(), new_options.end(),
                                    [&](const auto& o) { return o.first == option; });
            if (!kept && option != "check_option") {
                definition.push_back("ALTER VIEW " + format_name(after->name) + " RESET (" + option + ")");
            }
        }
        std::size_t a = add(k_create_view, change.key, definition, text);
        removes(a, change.key, false);
        provides(a, change.key, false);
        return;
    }
    std::vector<Hazard> hazards;
    if (before->materialized) {
        hazards.push_back(make_hazard(hazard::k_dependents_recreated,
                                 "materialized view " + format_name(before->name) +
                                     " is dropped and created again: it is empty until its query has run"));
    }
    std::size_t drop = drop_view_action(*before, change.key, text, hazards);
    std::size_t create = create_view_action(*after, text);
    order(drop, create);
}

}  // namespace schemerge::synth::postgres
