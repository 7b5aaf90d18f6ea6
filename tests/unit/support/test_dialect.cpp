#include "support/test_dialect.hpp"

namespace schemerge::test::test_dialect {

namespace attr {
using model::AttributeScope;
using model::AttributeType;
const model::AttributeDef storage{"storage", AttributeScope::table, AttributeType::text, true, 1};
const model::AttributeDef row_count{"row_count", AttributeScope::table, AttributeType::integer, false, 2};
const model::AttributeDef compressed{"compressed", AttributeScope::column, AttributeType::flag, true, 10};
const model::AttributeDef fill{"fill", AttributeScope::index, AttributeType::integer, true, 20};
}  // namespace attr

namespace {

model::DialectTraits make_traits() {
    using model::NameKind;
    using model::NameScope;
    model::DialectTraits t;
    t.name = "testsql";
    t.display_name = "TestSQL";
    t.identifier_case = model::IdentifierCase::fold_upper;
    t.quote_open = "[";
    t.quote_close = "]";
    t.default_schema = "MAIN";
    t.builtin_schemas = {"SYSTEM"};
    t.namespaces = {
        {{NameKind::table, NameKind::view, NameKind::materialized_view, NameKind::sequence, NameKind::composite_type},
         NameScope::schema,
         "TestSQL keeps them in one namespace."},
        {{NameKind::index}, NameScope::table, "TestSQL keeps index names unique per table."},
        {{NameKind::key_constraint, NameKind::other_constraint}, NameScope::table,
         "TestSQL keeps constraint names unique per table."},
        {{NameKind::trigger}, NameScope::table, "TestSQL keeps trigger names unique per table."},
        {{NameKind::policy}, NameScope::table, "TestSQL keeps policy names unique per table."},
    };
    t.type_aliases = {{"INT", "INTEGER"}};
    t.primary_key_implies_not_null = true;
    t.enum_values_append_only = false;
    t.columns_append_only = false;
    t.transactional_ddl = false;
    t.attributes = {&attr::storage, &attr::row_count, &attr::compressed, &attr::fill};
    return t;
}

}  // namespace

const model::DialectTraits& traits() {
    static const model::DialectTraits t = make_traits();
    return t;
}

}  // namespace schemerge::test::test_dialect
