// CREATE [OR REPLACE] VIEW.
#include <algorithm>

#include <fmt/format.h>

#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/privileges.hpp"

namespace schemerge::parser::postgres {

void Interpreter::create_view(PgQuery__ViewStmt* stmt) {
    model::View view;
    view.name = qualify(stmt->view);
    if (stmt->view->relpersistence != nullptr && stmt->view->relpersistence[0] == 't') {
        unsupported(current_, "temporary view");
        return;
    }
    view.meta = meta();
    view.meta.renamed_from = statement_rename_annotation();
    view.column_names = string_list(stmt->aliases, stmt->n_aliases);
    view.query = deparse_statement(stmt->query, names_, true);
    model::AttributeOptions options = reloptions(stmt->options, stmt->n_options);
    // WITH (check_option = local) and WITH LOCAL CHECK OPTION are the same reloption.
    for (auto it = options.begin(); it != options.end();) {
        if (it->first == "check_option") {
            std::string v = it->second;
            for (char& c : v) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            view.check_option = v;
            it = options.erase(it);
        } else {
            ++it;
        }
    }
    view.meta.attributes.set(attr::view_options, std::move(options));
    if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION) {
        view.check_option = "LOCAL";
    } else if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION) {
        view.check_option = "CASCADED";
    }
    auto existing = schema_.views.find(view.name);
    if (existing != schema_.views.end()) {
        if (!stmt->replace) {
            duplicate(fmt::format("relation \"{}\"", view.name.to_string()), existing->second.meta.location);
        }
        view.meta.comment = existing->second.meta.comment;
        view.meta.owner = existing->second.meta.owner;
        view.meta.grants = existing->second.meta.grants;
        view.meta.acl = existing->second.meta.acl;
        view.column_details = existing->second.column_details;
        existing->second = std::move(view);
        return;
    }
    if (schema_.relation_exists(view.name)) {
        throw StatementError(stmt->view->location, fmt::format("relation \"{}\" already exists", view.name.to_string()));
    }
    start_acl(schema_, view.meta, model::ObjectKind::view, view.name);
    schema_.views.emplace(view.name, std::move(view));
}

}  // namespace schemerge::parser::postgres
