// Objects without sub-parts: schemas, extensions, collations, text search
// configurations and dictionaries, and statements kept verbatim.
#include <map>
#include <string>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

namespace {

model::ObjectKey option_key(model::ObjectKind kind, const model::OptionObject& object) {
    return {kind, object.name.schema, object.name.name, "", ""};
}

// Collations and text search objects have no useful ALTER for their definition:
// a change is a drop + create.
void diff_option_objects(Context& ctx, const std::map<model::QualifiedName, model::OptionObject>& from,
                         const std::map<model::QualifiedName, model::OptionObject>& to, model::ObjectKind kind,
                         ChangeKind create, ChangeKind drop) {
    for (const auto& [name, after] : to) {
        auto it = from.find(name);
        if (it == from.end()) {
            ctx.emit(create, option_key(kind, after), {}, &after);
            continue;
        }
        const model::OptionObject& before = it->second;
        if (same_definition(before, after)) {
            diff_meta(ctx, option_key(kind, after), &before, &after, before.meta, after.meta);
        } else {
            ctx.emit(drop, option_key(kind, after), &before, {});
            ctx.emit(create, option_key(kind, after), {}, &after);
        }
    }
    for (const auto& [name, before] : from) {
        if (!to.contains(name)) {
            ctx.emit(drop, option_key(kind, before), &before, {});
        }
    }
}

void diff_opaque(Context& ctx) {
    // Set difference by statement text, counting duplicates.
    std::map<std::string, int> in_from;
    std::map<std::string, int> in_to;
    for (const auto& statement : ctx.from.opaque) {
        ++in_from[statement.sql];
    }
    for (const auto& statement : ctx.to.opaque) {
        ++in_to[statement.sql];
    }
    for (const auto& statement : ctx.to.opaque) {
        if (in_from[statement.sql] > 0) {
            --in_from[statement.sql];
        } else {
            ctx.emit(ChangeKind::create_opaque, {model::ObjectKind::other, "", statement.sql, "", ""}, {}, &statement);
        }
    }
    for (const auto& statement : ctx.from.opaque) {
        if (in_to[statement.sql] > 0) {
            --in_to[statement.sql];
        } else {
            ctx.emit(ChangeKind::drop_opaque, {model::ObjectKind::other, "", statement.sql, "", ""}, &statement, {});
        }
    }
}

}  // namespace

void diff_namespaces_and_extensions(Context& ctx) {
    // Extensions every database of the engine has (DialectTraits::always_installed_extensions):
    // present on one side only, they are dump-version noise.
    auto always_installed = [&](const std::string& extension) { return ctx.traits().is_always_installed(extension); };
    for (const auto& [name, after] : ctx.to.namespaces) {
        auto it = ctx.from.namespaces.find(name);
        if (it == ctx.from.namespaces.end()) {
            ctx.emit(ChangeKind::create_schema, key_of(after), {}, &after);
        } else {
            diff_meta(ctx, key_of(after), &it->second, &after, it->second.meta, after.meta);
        }
    }
    for (const auto& [name, before] : ctx.from.namespaces) {
        if (!ctx.to.namespaces.contains(name)) {
            ctx.emit(ChangeKind::drop_schema, key_of(before), &before, {});
            // The default schema is never dropped, only what was said about it: its ACL
            // goes back to the default.
            if (name == ctx.traits().default_schema) {
                diff_privileges(ctx, key_of(before), &before, {}, before.meta, model::ObjectBase{});
            }
        }
    }
    for (const auto& [name, after] : ctx.to.extensions) {
        auto it = ctx.from.extensions.find(name);
        if (it == ctx.from.extensions.end()) {
            if (always_installed(name)) {
                continue;
            }
            ctx.emit(ChangeKind::create_extension, key_of(after), {}, &after);
            continue;
        }
        const model::Extension& before = it->second;
        if (same_definition(before, after)) {
            // CREATE EXTENSION sets the comment from the extension's control file, and newer
            // pg_dump versions leave COMMENT ON EXTENSION out: a missing comment means "the
            // default", not "none". Only a change between two explicit comments counts.
            if (before.meta.comment && after.meta.comment) {
                diff_comment(ctx, key_of(after), &before, &after, before.meta, after.meta);
            }
            diff_attributes(ctx, key_of(after), &before, &after, before.meta.attributes, after.meta.attributes);
        } else {
            // A different WITH SCHEMA (the version is not compared).
            ctx.emit(ChangeKind::drop_extension, key_of(after), &before, {});
            ctx.emit(ChangeKind::create_extension, key_of(after), {}, &after);
        }
    }
    for (const auto& [name, before] : ctx.from.extensions) {
        if (!ctx.to.extensions.contains(name) && !always_installed(name)) {
            ctx.emit(ChangeKind::drop_extension, key_of(before), &before, {});
        }
    }
    diff_option_objects(ctx, ctx.from.collations, ctx.to.collations, model::ObjectKind::collation,
                        ChangeKind::create_collation, ChangeKind::drop_collation);
    diff_option_objects(ctx, ctx.from.text_search_dictionaries, ctx.to.text_search_dictionaries,
                        model::ObjectKind::text_search_dictionary, ChangeKind::create_text_search,
                        ChangeKind::drop_text_search);
    diff_option_objects(ctx, ctx.from.text_search_configurations, ctx.to.text_search_configurations,
                        model::ObjectKind::text_search_configuration, ChangeKind::create_text_search,
                        ChangeKind::drop_text_search);
    diff_opaque(ctx);
}

}  // namespace schemerge::diff::detail
