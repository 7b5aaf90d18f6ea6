#include "parser/postgres/dialect_traits.hpp"

#include "parser/postgres/pg_ast.hpp"

namespace schemerge::parser::postgres {

namespace attr {

using model::AttributeDef;
using model::AttributeDiff;
using model::AttributeScope;
using model::AttributeType;

namespace {

// CLUSTER ON names the index itself.
std::string renamed_cluster_index(const std::string& value, const std::string& from, const std::string& to) {
    return value == from ? to : value;
}

// REPLICA IDENTITY USING INDEX name.
std::string renamed_identity_index(const std::string& value, const std::string& from, const std::string& to) {
    return value == "USING INDEX " + from ? "USING INDEX " + to : value;
}

}  // namespace

// Orders: tables 100+, columns 200+, indexes 300+, views 400+, constraints 500+ (a conflict or the JSON form lists them in this order).
const AttributeDef table_options{"options", AttributeScope::table, AttributeType::options, true, 100,
                                 AttributeDiff::with_object};
const AttributeDef access_method{"access method", AttributeScope::table, AttributeType::text, true, 101,
                                 AttributeDiff::with_object};
const AttributeDef row_security{"row level security", AttributeScope::table, AttributeType::flag, true, 102,
                                AttributeDiff::with_object};
const AttributeDef force_row_security{"force row level security", AttributeScope::table, AttributeType::flag, true,
                                      103, AttributeDiff::with_object};
const AttributeDef replica_identity{"replica identity", AttributeScope::table, AttributeType::text, true, 104,
                                    AttributeDiff::with_object, renamed_identity_index};
const AttributeDef cluster_on{"cluster on", AttributeScope::table, AttributeType::text, true, 105,
                              AttributeDiff::with_object, renamed_cluster_index};

const AttributeDef column_storage{"storage", AttributeScope::column, AttributeType::text, true, 200,
                                  AttributeDiff::with_object};
const AttributeDef column_compression{"compression", AttributeScope::column, AttributeType::text, true, 201,
                                      AttributeDiff::with_object};
const AttributeDef column_statistics{"statistics", AttributeScope::column, AttributeType::integer, true, 202,
                                     AttributeDiff::with_object};
const AttributeDef column_options{"options", AttributeScope::column, AttributeType::options, true, 203,
                                  AttributeDiff::with_object};

const AttributeDef index_options{"options", AttributeScope::index, AttributeType::options, true, 300,
                                 AttributeDiff::with_object};
// Keyed by the column's number (as text), in column order, so equal targets are equal rows.
const AttributeDef index_statistics{"statistics", AttributeScope::index, AttributeType::options, true, 301,
                                    AttributeDiff::with_object};

const AttributeDef view_options{"options", AttributeScope::view, AttributeType::options, true, 400,
                                AttributeDiff::with_object};
const AttributeDef view_access_method{"access method", AttributeScope::view, AttributeType::text, true, 401,
                                      AttributeDiff::with_object};

const AttributeDef constraint_index_options{"index options", AttributeScope::constraint, AttributeType::options, true,
                                            500, AttributeDiff::with_object};

}  // namespace attr

std::map<int, int> index_statistics_targets(const model::AttributeSet& attributes) {
    std::map<int, int> out;
    for (const auto& [number, target] : attributes.options(attr::index_statistics)) {
        out.emplace(std::stoi(number), std::stoi(target));
    }
    return out;
}

void set_index_statistics_target(model::AttributeSet& attributes, int number, std::optional<int> target) {
    std::map<int, int> targets = index_statistics_targets(attributes);
    if (target) {
        targets[number] = *target;
    } else {
        targets.erase(number);
    }
    model::AttributeOptions rows;
    for (const auto& [n, t] : targets) {
        rows.emplace_back(std::to_string(n), std::to_string(t));
    }
    attributes.set(attr::index_statistics, std::move(rows));
}

namespace {

model::DialectTraits make_traits() {
    using model::NameKind;
    using model::NameScope;
    model::DialectTraits t;
    t.name = "postgresql";
    t.display_name = "PostgreSQL";
    // Unquoted identifiers fold to lower case; quoted ones are kept (SQL syntax, 4.1.1).
    t.identifier_case = model::IdentifierCase::fold_lower;
    // ruleutils.c quote_identifier: bare when lower-case and not a reserved keyword.
    t.quote = [](std::string_view name) { return quote_ident(name); };
    t.default_schema = "public";
    t.builtin_schemas = {"pg_catalog", "information_schema", "pg_toast"};
    t.namespaces = {
        // pg_class: tables, views, sequences, indexes (and the indexes of keys) and
        // composite types' row types share one namespace per schema.
        {{NameKind::table, NameKind::view, NameKind::materialized_view, NameKind::sequence, NameKind::index,
          NameKind::composite_type, NameKind::key_constraint},
         NameScope::schema,
         "PostgreSQL keeps them in one namespace.",
         "relations"},
        // pg_constraint: names are unique per table.
        {{NameKind::key_constraint, NameKind::other_constraint}, NameScope::table,
         "PostgreSQL keeps constraint names unique per table."},
        {{NameKind::trigger}, NameScope::table, "PostgreSQL keeps trigger names unique per table."},
        {{NameKind::policy}, NameScope::table, "PostgreSQL keeps policy names unique per table."},
    };
    t.type_aliases = {
        {"int", "integer"},         {"int4", "integer"},
        {"int2", "smallint"},       {"int8", "bigint"},
        {"float4", "real"},         {"float8", "double precision"},
        {"bool", "boolean"},        {"varchar", "character varying"},
        {"char", "character"},      {"bpchar", "character"},
        {"timestamptz", "timestamp with time zone"},
        {"timestamp", "timestamp without time zone"},
        {"timetz", "time with time zone"},
        {"time", "time without time zone"},
        {"decimal", "numeric"},     {"varbit", "bit varying"},
    };
    t.primary_key_implies_not_null = true;
    // ALTER TYPE ... ADD VALUE exists; removing or reordering labels needs a new type.
    t.enum_values_append_only = true;
    // ALTER TABLE ... ADD COLUMN always appends (no AFTER / FIRST).
    t.columns_append_only = true;
    t.transactional_ddl = true;
    // plpgsql is installed in every database (template1) since 9.0; pg_dump wrote CREATE
    // EXTENSION plpgsql until version 10 and omits it since 11.
    t.always_installed_extensions = {"plpgsql"};
    // pg_dump 10+ writes `AS integer` on a serial's sequence, older versions did not.
    t.owned_sequence_type_is_noise = true;
    // What PUBLIC holds on a new object (docs: "Privileges", Table 5.2 / acldefault()):
    // EXECUTE on routines, USAGE on types and domains; since PostgreSQL 15 USAGE (not
    // CREATE) on the public schema.
    t.plans_privileges = true;
    t.plans_owners = true;
    t.routine_body_open = "AS $$";
    t.routine_body_close = "$$";
    t.default_privileges = {
        {model::ObjectKind::function, "", model::k_every_role, "EXECUTE"},
        {model::ObjectKind::procedure, "", model::k_every_role, "EXECUTE"},
        {model::ObjectKind::aggregate, "", model::k_every_role, "EXECUTE"},
        {model::ObjectKind::type, "", model::k_every_role, "USAGE"},
        {model::ObjectKind::schema, "public", model::k_every_role, "USAGE"},
    };
    t.attributes = {&attr::table_options,      &attr::access_method,      &attr::row_security,
                    &attr::force_row_security, &attr::replica_identity,   &attr::cluster_on,
                    &attr::column_storage,     &attr::column_compression, &attr::column_statistics,
                    &attr::column_options,     &attr::index_options,      &attr::index_statistics,
                    &attr::view_options,       &attr::view_access_method, &attr::constraint_index_options};
    return t;
}

}  // namespace

const model::DialectTraits& traits() {
    static const model::DialectTraits t = make_traits();
    return t;
}

}  // namespace schemerge::parser::postgres
