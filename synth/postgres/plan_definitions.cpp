// Schemas and text search configurations and dictionaries.
#include "synth/postgres/planner.hpp"
#include "synth/postgres/object_ddl.hpp"

namespace schemerge::synth::postgres {

void Planner::create_schema(const Change& change, const std::string& text) {
    const auto* ns = as<model::Namespace>(change.after);
    if (ns == nullptr) {
        return;
    }
    std::vector<std::string> sql;
    if (ns->name != "public") {
        sql.push_back(postgres::create_schema(*ns));
    }
    std::string target = "SCHEMA " + quote_identifier(ns->name);
    append_metadata(sql, ns->meta, target, target, meta_options(),
                    ns->name != "public" ? created_acl(ObjectKind::schema, {"", ns->name}) : model::Acl{});
    if (!sql.empty()) {
        provides(add(k_create_schema, change.key, sql, text), change.key);
    }
}

void Planner::drop_schema(const Change& change, const std::string& text) {
    const auto* ns = as<model::Namespace>(change.before);
    // "public" exists in every database; only its metadata was ours.
    if (change.key.name == "public") {
        if (ns != nullptr && ns->meta.comment) {
            add(k_comment, change.key, {"COMMENT ON SCHEMA public IS NULL"}, text);
        }
        return;
    }
    removes(add(k_drop_schema, change.key, {"DROP SCHEMA " + quote_identifier(change.key.name)}, text),
            change.key);
}

void Planner::create_text_search(const Change& change, const std::string& text) {
    const auto* object = as<model::OptionObject>(change.after);
    if (object == nullptr) {
        return;
    }
    bool configuration = change.key.kind == ObjectKind::text_search_configuration;
    std::vector<std::string> sql = configuration ? create_text_search_configuration(*object)
                                                 : std::vector<std::string>{create_text_search_dictionary(*object)};
    std::string target = std::string(configuration ? "TEXT SEARCH CONFIGURATION " : "TEXT SEARCH DICTIONARY ") +
                         format_name(object->name);
    append_metadata(sql, object->meta, target, target, meta_options());
    provides(add(k_create_text_search, change.key, sql, text), change.key);
}

void Planner::drop_text_search(const Change& change, const std::string& text) {
    bool configuration = change.key.kind == ObjectKind::text_search_configuration;
    std::string sql = std::string(configuration ? "DROP TEXT SEARCH CONFIGURATION " : "DROP TEXT SEARCH DICTIONARY ") +
                      format_name(name_of(change.key));
    removes(add(k_drop_text_search, change.key, {sql}, text), change.key);
}

}  // namespace schemerge::synth::postgres
