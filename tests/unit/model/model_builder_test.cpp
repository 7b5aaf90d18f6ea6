// tests/unit/support/model_builder.hpp builds what the PostgreSQL front end builds from the
// equivalent SQL (Schema ==, which compares definitions), so tests that build models
// directly mean what the SQL would.
#include <gtest/gtest.h>

#include "model/model_json.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "support/load.hpp"
#include "support/model_builder.hpp"

namespace schemerge::test {
namespace {

model::Schema single(const model::Table& table) {
    model::Schema s;
    s.tables[table.name] = table;
    return s;
}

TEST(ModelBuilder, BuildsWhatTheFrontEndBuilds) {
    model::Schema built =
        ModelBuilder(parser::postgres::traits())
            .namespace_("s")
            .enum_type("status", {"new", "paid"})
            .sequence("counter")
            .table("customers").column("id", "integer").primary_key({"id"}).column("email", "text").not_null()
            .unique({"email"})
            .table("orders").column("id", "integer").primary_key({"id"}).column("customer_id", "integer")
            .column("state", "status").default_value("'new'").column("total", "numeric(10,2)")
            .column("tags", "text[]").comment("labels")
            .foreign_key({"customer_id"}, "customers", {"id"})
            .check("total > 0", {"total"})
            .table("s.t").column("a", "bigint")
            .index("orders_customer_idx", "orders", {"customer_id"})
            .view("big_orders", "SELECT id FROM orders WHERE total > 100", {"orders"})
            .function("add", {"integer", "integer"}, "integer", "SELECT $1 + $2")
            .build();
    model::Schema loaded = schema_of(R"sql(
CREATE SCHEMA s;
CREATE TYPE status AS ENUM ('new', 'paid');
CREATE SEQUENCE counter;
CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer REFERENCES customers (id),
    state status DEFAULT 'new',
    total numeric(10,2) CHECK (total > 0),
    tags text[]
);
COMMENT ON COLUMN orders.tags IS 'labels';
CREATE TABLE s.t (a bigint);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100;
CREATE FUNCTION add(integer, integer) RETURNS integer LANGUAGE sql AS 'SELECT $1 + $2';
)sql");
    // Compared object by object, so a difference names its object.
    EXPECT_EQ(built.namespaces, loaded.namespaces);
    EXPECT_EQ(built.types, loaded.types);
    EXPECT_EQ(built.sequences, loaded.sequences);
    for (const auto& [name, table] : loaded.tables) {
        ASSERT_TRUE(built.tables.contains(name)) << name.to_string();
        const model::Table& b = built.tables.at(name);
        ASSERT_EQ(b.columns.size(), table.columns.size()) << name.to_string();
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            EXPECT_EQ(b.columns[i], table.columns[i]) << name.to_string() << "." << table.columns[i].name << ": "
                                                      << model::to_json(single(b)) << "\n" << model::to_json(single(table));
        }
        ASSERT_EQ(b.constraints.size(), table.constraints.size()) << name.to_string();
        for (std::size_t i = 0; i < table.constraints.size(); ++i) {
            EXPECT_EQ(b.constraints[i], table.constraints[i]) << table.constraints[i].name << ": "
                                                              << model::to_json(single(b)) << "\n"
                                                              << model::to_json(single(table));
        }
        EXPECT_EQ(b, table) << name.to_string();
    }
    EXPECT_EQ(built.tables.size(), loaded.tables.size());
    EXPECT_EQ(built.indexes, loaded.indexes);
    EXPECT_EQ(built.functions, loaded.functions);
    ASSERT_EQ(built.views.size(), 1U);
    EXPECT_EQ(built.views.begin()->second.query.relations, loaded.views.begin()->second.query.relations);
    EXPECT_EQ(&*built.dialect, &parser::postgres::traits());
}

TEST(ModelBuilder, NamesAndTypes) {
    ModelBuilder b(parser::postgres::traits());
    EXPECT_EQ(b.qualify("t"), (model::QualifiedName{"public", "t"}));
    EXPECT_EQ(b.qualify("s.t"), (model::QualifiedName{"s", "t"}));
    model::TypeRef numeric = b.type("numeric(10, 2)");
    EXPECT_EQ(numeric.name, (model::QualifiedName{"", "numeric"}));
    EXPECT_EQ(numeric.modifiers, (std::vector<std::string>{"10", "2"}));
    EXPECT_EQ(b.type("integer[][]").array_dims, 2);
    EXPECT_EQ(b.type("s.mood").name, (model::QualifiedName{"s", "mood"}));
    b.enum_type("mood", {"a"});
    EXPECT_EQ(b.type("mood").name, (model::QualifiedName{"public", "mood"}));
    // Without a dialect, names have no schema.
    EXPECT_EQ(ModelBuilder().qualify("t"), (model::QualifiedName{"", "t"}));
    EXPECT_THROW(ModelBuilder().column("a", "integer"), std::logic_error);
}

}  // namespace
}  // namespace schemerge::test
