#include "model/schema_privileges.hpp"

namespace schemerge::model {

namespace {

// Every ObjectBase of the schema that can have an owner or privileges: the top-level
// objects, and table and view columns.
template <typename S, typename F>
void for_each_meta(S& schema, F&& visit) {
    auto all = [&](auto& map) {
        for (auto& entry : map) {
            visit(entry.second.meta);
        }
    };
    all(schema.namespaces);
    all(schema.extensions);
    all(schema.collations);
    all(schema.types);
    all(schema.sequences);
    for (auto& [_, table] : schema.tables) {
        visit(table.meta);
        for (auto& column : table.columns) {
            visit(column.meta);
        }
    }
    for (auto& [_, view] : schema.views) {
        visit(view.meta);
        for (auto& column : view.column_details) {
            visit(column.meta);
        }
    }
    all(schema.indexes);
    all(schema.functions);
    all(schema.text_search_configurations);
    all(schema.text_search_dictionaries);
}

}  // namespace

bool carries_privileges(const Schema& schema) {
    bool found = !schema.default_privileges.empty();
    for_each_meta(schema, [&](const ObjectBase& meta) { found = found || meta.acl.tracked; });
    return found;
}

bool carries_owners(const Schema& schema) {
    bool found = false;
    for_each_meta(schema, [&](const ObjectBase& meta) { found = found || !meta.owner.empty(); });
    return found;
}

namespace {

// The default schema is in the model only when something was said about it.
void drop_default_schema_if_bare(Schema& schema) {
    auto it = schema.namespaces.find(std::string(schema.dialect->default_schema));
    if (it != schema.namespaces.end()) {
        const ObjectBase& meta = it->second.meta;
        if (!meta.comment && meta.owner.empty() && meta.grants.empty() && !meta.acl.tracked) {
            schema.namespaces.erase(it);
        }
    }
}

}  // namespace

void strip_privileges(Schema& schema) {
    for_each_meta(schema, [](ObjectBase& meta) {
        meta.grants.clear();
        meta.acl = Acl{};
    });
    schema.default_privileges.clear();
    drop_default_schema_if_bare(schema);
}

void strip_owners(Schema& schema) {
    for_each_meta(schema, [](ObjectBase& meta) { meta.owner.clear(); });
    drop_default_schema_if_bare(schema);
}

}  // namespace schemerge::model
