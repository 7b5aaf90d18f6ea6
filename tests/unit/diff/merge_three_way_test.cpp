// Three-way merge, table-driven: (base, ours, theirs) SQL -> either the merged schema
// (compared as emit_schema text with an expected SQL) or the conflicts (kind, object,
// attribute).
#include <map>
#include <optional>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "diff/diff_context.hpp"
#include "diff/three_way_merge.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"
#include "synth/postgres/schema_emitter.hpp"

namespace schemerge::diff {
namespace {

model::Schema load(const std::string& name, const std::string& sql) {
    auto r = parser::postgres::load({parser::make_source(name, sql)});
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().render());
    return r ? r->schema : model::Schema{};
}

const char* const k_base = R"sql(
CREATE TYPE status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer REFERENCES customers (id),
    total numeric(10,2),
    state status DEFAULT 'new',
    note text
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE customers SET name = name; RETURN NEW; END $$;
)sql";

struct ExpectedConflict {
    ConflictKind kind;
    std::string object;
    std::string attribute;
};

struct Row {
    const char* name;
    std::string ours_extra;    // appended to the base for ours ("" = base)
    std::string theirs_extra;  // appended to the base for theirs
    std::vector<ExpectedConflict> conflicts;
    std::string expected_extra;  // clean rows: appended to the base for the expected merge
    MergeOptions options = {};
};

std::vector<Row> rows() {
    using K = ConflictKind;
    return {
        {"one side adds a column", "ALTER TABLE orders ADD COLUMN paid_at timestamptz;", "", {},
         "ALTER TABLE orders ADD COLUMN paid_at timestamptz;"},
        {"both add different columns", "ALTER TABLE orders ADD COLUMN a int;", "ALTER TABLE orders ADD COLUMN b int;",
         {}, "ALTER TABLE orders ADD COLUMN a int; ALTER TABLE orders ADD COLUMN b int;"},
        {"different attributes of one column", "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x';",
         "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;", {},
         "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x'; ALTER TABLE orders ALTER COLUMN note SET NOT NULL;"},
        {"same change spelled differently", "ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(12, 2);",
         "ALTER TABLE orders ALTER COLUMN total TYPE decimal(12,2);", {},
         "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);"},
        {"both add identical table", "CREATE TABLE t (a int);", "create table public.t (A INTEGER);", {},
         "CREATE TABLE t (a int);"},
        {"both drop", "DROP VIEW order_totals;", "DROP VIEW order_totals;", {}, "DROP VIEW order_totals;"},
        {"one side drops an untouched index", "DROP INDEX orders_customer_idx;", "", {},
         "DROP INDEX orders_customer_idx;"},
        {"comment on one side, type on the other", "COMMENT ON COLUMN orders.note IS 'n';",
         "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);", {},
         "COMMENT ON COLUMN orders.note IS 'n'; ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);"},
        {"enum values at different places", "ALTER TYPE status ADD VALUE 'cancelled';",
         "ALTER TYPE status ADD VALUE 'draft' BEFORE 'new';", {},
         "ALTER TYPE status ADD VALUE 'cancelled'; ALTER TYPE status ADD VALUE 'draft' BEFORE 'new';"},
        {"both modify a column type", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);",
         "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,4);",
         {{K::both_modified, "public.orders.total", "type"}}},
        {"prefer theirs resolves both-modified", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);",
         "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,4);", {},
         "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,4);", MergeOptions{Preference::theirs, {}, {}, {}}},
        {"resolve one object", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);",
         "ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,4);", {},
         "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);",
         MergeOptions{Preference::none, {{"public.orders.total", Preference::ours}}, {}, {}}},
        {"both replace a view", "CREATE OR REPLACE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders WHERE total > 0 GROUP BY customer_id;",
         "CREATE OR REPLACE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders WHERE note IS NULL GROUP BY customer_id;",
         {{K::both_modified, "public.order_totals", "definition"}}},
        {"modify-delete of a column", "ALTER TABLE orders DROP COLUMN note;",
         "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;", {{K::modify_delete, "public.orders.note", ""}}},
        {"add-add of a table", "CREATE TABLE t (a int);", "CREATE TABLE t (a bigint);", {{K::add_add, "public.t", ""}}},
        {"dangling view column", "ALTER TABLE orders DROP COLUMN total CASCADE;",
         "CREATE OR REPLACE VIEW order_totals AS SELECT customer_id, sum(total) AS total, count(note) AS n FROM orders GROUP BY customer_id;",
         {{K::dangling_reference, "public.order_totals", "query"}}},
        {"dangling FK target", "DROP TABLE customers CASCADE;",
         "CREATE TABLE invoices (id int PRIMARY KEY, customer_id int REFERENCES customers(id));",
         {{K::dangling_reference, "public.invoices.invoices_customer_id_fkey", "references"},
          {K::dangling_reference, "public.touch()", "body"}}},
        {"new FK to a new unique key", "ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email); CREATE TABLE invoices (id int, email text REFERENCES customers(email));",
         "", {}, "ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email); CREATE TABLE invoices (id int, email text REFERENCES customers(email));"},
        {"FK whose key the other side drops", "CREATE TABLE invoices (id int, customer_id int REFERENCES customers(id));",
         "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey; ALTER TABLE customers DROP CONSTRAINT customers_pkey;",
         {{K::constraint_invalidated, "public.invoices.invoices_customer_id_fkey", "references"}}},
        {"index on a dropped column", "CREATE INDEX orders_note_idx ON orders (note);",
         "ALTER TABLE orders DROP COLUMN note;", {{K::dangling_reference, "public.orders_note_idx", "columns"}}},
        {"trigger function dropped", "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();",
         "DROP FUNCTION touch();", {{K::dangling_reference, "public.orders.orders_touch", "function"}}},
        {"index named like a new table", "CREATE INDEX audit ON orders (note);", "CREATE TABLE audit (id int);",
         {{K::name_collision, "public.audit", "name"}}},
        {"NOT NULL column vs nullable one", "ALTER TABLE orders ADD COLUMN ref text NOT NULL;",
         "ALTER TABLE orders ADD COLUMN ref text;", {{K::constraint_invalidated, "public.orders.ref", "not null"}}},
        {"enum values at one place", "ALTER TYPE status ADD VALUE 'refunded' AFTER 'paid';",
         "ALTER TYPE status ADD VALUE 'disputed' AFTER 'paid';", {{K::order_ambiguous, "public.status", "labels"}}},
        {"plpgsql body names a dropped table", "CREATE FUNCTION audit_order() RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit_log VALUES (1); END $$; CREATE TABLE audit_log (id int);",
         "", {}, "CREATE FUNCTION audit_order() RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit_log VALUES (1); END $$; CREATE TABLE audit_log (id int);"},
        {"view selecting star vs a new column", "ALTER TABLE customers ADD COLUMN phone text;",
         "CREATE VIEW all_customers AS SELECT * FROM customers;",
         {{K::non_commuting, "public.all_customers", "columns"}}},
        {"view with explicit columns vs a new column", "ALTER TABLE customers ADD COLUMN phone text;",
         "CREATE VIEW all_customers AS SELECT id, email FROM customers;", {},
         "ALTER TABLE customers ADD COLUMN phone text; CREATE VIEW all_customers AS SELECT id, email FROM customers;"},
        {"both replace a function", "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;",
         "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;",
         {{K::both_modified, "public.touch()", "definition"}}},
        {"both comment a table differently", "COMMENT ON TABLE orders IS 'a';", "COMMENT ON TABLE orders IS 'b';",
         {{K::both_modified, "public.orders", "comment"}}},
        {"both set a table option differently", "ALTER TABLE orders SET (fillfactor=70);",
         "ALTER TABLE orders SET (fillfactor=80);", {{K::both_modified, "public.orders", "options"}}},
        {"table option and a new column", "ALTER TABLE orders SET (fillfactor=70);",
         "ALTER TABLE orders ADD COLUMN x int;", {},
         "ALTER TABLE orders SET (fillfactor=70); ALTER TABLE orders ADD COLUMN x int;"},
        {"drop table vs new column", "DROP VIEW order_totals; DROP TABLE orders;",
         "ALTER TABLE orders ADD COLUMN x int;", {{K::modify_delete, "public.orders", ""}}},
        {"drop table vs untouched", "DROP VIEW order_totals; DROP TABLE orders;", "COMMENT ON TABLE customers IS 'c';", {},
         "DROP VIEW order_totals; DROP TABLE orders; COMMENT ON TABLE customers IS 'c';"},
        {"owner on one side, column on the other", "ALTER TABLE orders OWNER TO alice;",
         "ALTER TABLE orders ADD COLUMN x int;", {},
         "ALTER TABLE orders OWNER TO alice; ALTER TABLE orders ADD COLUMN x int;"},
        {"add-add of a column", "ALTER TABLE orders ADD COLUMN x int;", "ALTER TABLE orders ADD COLUMN x text;",
         {{K::add_add, "public.orders.x", ""}}},
        {"both add the same column", "ALTER TABLE orders ADD COLUMN x int DEFAULT 0;",
         "ALTER TABLE orders ADD COLUMN x integer DEFAULT 0;", {}, "ALTER TABLE orders ADD COLUMN x int DEFAULT 0;"},
        {"both add constraints named alike", "ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0);",
         "ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0);", {{K::add_add, "public.orders.c", ""}}},
        {"new unique constraint named like a new table", "ALTER TABLE orders ADD CONSTRAINT archive UNIQUE (note);",
         "CREATE TABLE archive (id int);", {{K::name_collision, "public.archive", "name"}}},
        {"plpgsql body of the other side", "DROP TABLE customers CASCADE;",
         "ALTER TABLE orders ADD COLUMN x int;",
         {{K::dangling_reference, "public.touch()", "body"}}},
        // Column references in function bodies.
        {"plpgsql body: aliased column the other side drops", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION order_note(p int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE v text; BEGIN SELECT o.note INTO v FROM orders o WHERE o.id = p; RETURN v; END $$;",
         {{K::dangling_reference, "public.order_note(integer)", "body"}}},
        {"plpgsql body: unqualified column, one relation", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION order_note(p int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE v text; BEGIN SELECT note INTO v FROM orders WHERE id = p; RETURN v; END $$;",
         {{K::dangling_reference, "public.order_note(integer)", "body"}}},
        {"plpgsql body: UPDATE SET target", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION clear_note(p int) RETURNS void LANGUAGE plpgsql AS $$ BEGIN UPDATE orders SET note = NULL WHERE id = p; END $$;",
         {{K::dangling_reference, "public.clear_note(integer)", "body"}}},
        {"plpgsql body: INSERT column list", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION add_order(p int) RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO orders (id, note) VALUES (p, 'x'); END $$;",
         {{K::dangling_reference, "public.add_order(integer)", "body"}}},
        {"plpgsql body: subquery in an IF condition", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION has_notes() RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN IF EXISTS (SELECT 1 FROM orders WHERE note IS NOT NULL) THEN RETURN true; END IF; RETURN false; END $$;",
         {{K::dangling_reference, "public.has_notes()", "body"}}},
        {"plpgsql body: RETURNS TABLE with RETURN QUERY", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION order_notes(p int) RETURNS TABLE (order_id int, body text) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT o.id, o.note FROM orders o WHERE o.customer_id = p; END $$;",
         {{K::dangling_reference, "public.order_notes(integer)", "body"}}},
        {"plpgsql body: OUT parameters", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION order_note_out(p int, OUT n text) LANGUAGE plpgsql AS $$ BEGIN SELECT note INTO n FROM orders WHERE id = p; END $$;",
         {{K::dangling_reference, "public.order_note_out(integer)", "body"}}},
        {"plpgsql body: NEW.column of the trigger table", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION set_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := 'x'; RETURN NEW; END $$; CREATE TRIGGER orders_note BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION set_note();",
         {{K::dangling_reference, "public.set_note()", "body"}}},
        {"sql body: column the other side drops", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION notes() RETURNS SETOF text LANGUAGE sql AS $$ SELECT note FROM orders $$;",
         {{K::dangling_reference, "public.notes()", "body"}}},
        {"sql body: RETURN expression", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION first_note() RETURNS text LANGUAGE sql RETURN (SELECT o.note FROM orders o LIMIT 1);",
         {{K::dangling_reference, "public.first_note()", "body"}}},
        {"plpgsql body: a local variable named like the dropped column", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION order_total(p int) RETURNS numeric LANGUAGE plpgsql AS $$ DECLARE note numeric; BEGIN SELECT total INTO note FROM orders WHERE id = p AND note IS NULL; RETURN note; END $$;",
         {}, "ALTER TABLE orders DROP COLUMN note; CREATE FUNCTION order_total(p int) RETURNS numeric LANGUAGE plpgsql AS $$ DECLARE note numeric; BEGIN SELECT total INTO note FROM orders WHERE id = p AND note IS NULL; RETURN note; END $$;"},
        {"plpgsql body: a parameter named like the dropped column", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION count_orders(note int) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM orders WHERE customer_id = note); END $$;",
         {}, "ALTER TABLE orders DROP COLUMN note; CREATE FUNCTION count_orders(note int) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM orders WHERE customer_id = note); END $$;"},
        {"plpgsql body: unqualified column over a join is not attributed", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM note FROM orders o JOIN customers c ON c.id = o.customer_id; END $$;",
         {}, "ALTER TABLE orders DROP COLUMN note; CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM note FROM orders o JOIN customers c ON c.id = o.customer_id; END $$;"},
        {"plpgsql body: the dropping side's own body is not the merge's doing", "ALTER TABLE customers DROP COLUMN name;",
         "ALTER TABLE orders ADD COLUMN x int;", {},
         "ALTER TABLE customers DROP COLUMN name; ALTER TABLE orders ADD COLUMN x int;"},
        {"plpgsql body: a column both keep", "ALTER TABLE orders DROP COLUMN note;",
         "CREATE FUNCTION order_total(p int) RETURNS numeric LANGUAGE plpgsql AS $$ DECLARE v numeric; BEGIN SELECT o.total INTO v FROM orders o WHERE o.id = p; RETURN v; END $$;",
         {}, "ALTER TABLE orders DROP COLUMN note; CREATE FUNCTION order_total(p int) RETURNS numeric LANGUAGE plpgsql AS $$ DECLARE v numeric; BEGIN SELECT o.total INTO v FROM orders o WHERE o.id = p; RETURN v; END $$;"},
    };
}

class MergeRows : public ::testing::TestWithParam<Row> {};

TEST_P(MergeRows, Merges) {
    const Row& row = GetParam();
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + row.ours_extra);
    auto theirs = load("theirs.sql", std::string(k_base) + row.theirs_extra);
    MergeResult result = merge(base, ours, theirs, row.options);
    std::vector<std::tuple<std::string, std::string, std::string>> got;
    for (const auto& c : result.conflicts) {
        got.emplace_back(std::string(to_string(c.kind)), display_name(c.object), c.attribute);
    }
    std::vector<std::tuple<std::string, std::string, std::string>> want;
    for (const auto& c : row.conflicts) {
        want.emplace_back(std::string(to_string(c.kind)), c.object, c.attribute);
    }
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want) << row.name;
    if (row.conflicts.empty()) {
        auto expected = load("expected.sql", std::string(k_base) + row.expected_extra);
        EXPECT_EQ(synth::postgres::emit_schema(result.merged), synth::postgres::emit_schema(expected)) << row.name;
    }
}

INSTANTIATE_TEST_SUITE_P(ThreeWay, MergeRows, ::testing::ValuesIn(rows()), [](const auto& info) {
    std::string name;
    for (char c : std::string(info.param.name)) {
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    return name;
});

TEST(ThreeWayMerge, ConflictKindNames) {
    EXPECT_EQ(to_string(ConflictKind::both_modified), "both-modified");
    EXPECT_EQ(to_string(ConflictKind::modify_delete), "modify-delete");
    EXPECT_EQ(to_string(ConflictKind::add_add), "add-add");
    EXPECT_EQ(to_string(ConflictKind::dangling_reference), "dangling-reference");
    EXPECT_EQ(to_string(ConflictKind::name_collision), "name-collision");
    EXPECT_EQ(to_string(ConflictKind::constraint_invalidated), "constraint-invalidated");
    EXPECT_EQ(to_string(ConflictKind::order_ambiguous), "order-ambiguous");
    EXPECT_EQ(to_string(ConflictKind::non_commuting), "non-commuting");
}

TEST(ThreeWayMerge, DisplayNames) {
    using model::ObjectKind;
    EXPECT_EQ(display_name({ObjectKind::table, "public", "orders", "", ""}), "public.orders");
    EXPECT_EQ(display_name({ObjectKind::column, "public", "total", "orders", ""}), "public.orders.total");
    EXPECT_EQ(display_name({ObjectKind::function, "public", "f", "", "integer"}), "public.f(integer)");
}

TEST(ThreeWayMerge, ConflictsCarryBothSidesLines) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "\nALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);");
    auto theirs = load("theirs.sql", std::string(k_base) + "\nALTER TABLE orders ALTER COLUMN total TYPE bigint;");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts[0];
    EXPECT_EQ(c.base.value, "numeric(10,2)");
    EXPECT_EQ(c.ours.value, "numeric(12,2)");
    EXPECT_EQ(c.theirs.value, "bigint");
    ASSERT_TRUE(c.ours.location.known());
    ASSERT_TRUE(c.theirs.location.known());
    EXPECT_EQ(*c.ours.location.file, "ours.sql");
    EXPECT_EQ(*c.theirs.location.file, "theirs.sql");
    EXPECT_FALSE(c.explanation.empty());
    EXPECT_FALSE(c.resolution.empty());
}

TEST(ThreeWayMerge, ReorderingTheFileOnlyIsClean) {
    auto base = load("base.sql", "CREATE TABLE a (x int); ALTER TABLE a ADD PRIMARY KEY (x); CREATE TABLE b (y int REFERENCES a(x));");
    auto ours = load("ours.sql", "CREATE TABLE a (x int PRIMARY KEY); CREATE TABLE b (y int REFERENCES a(x));");
    auto theirs = load("theirs.sql", "CREATE TABLE b (y int); CREATE TABLE a (x int); ALTER TABLE a ADD PRIMARY KEY (x); ALTER TABLE b ADD FOREIGN KEY (y) REFERENCES a(x); CREATE INDEX b_y ON b (y);");
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.clean());
    EXPECT_EQ(result.merged, theirs);
}

TEST(ThreeWayMerge, RenameOnOneSideChangeOnTheOther) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    auto ours = load("ours.sql", "-- schemerge:renamed-from t\nCREATE TABLE t2 (a int, b text);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a bigint, b text, c int);");
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.clean());
    auto expected = load("expected.sql", "CREATE TABLE t2 (a bigint, b text, c int);");
    EXPECT_EQ(synth::postgres::emit_schema(result.merged), synth::postgres::emit_schema(expected));
}

TEST(ThreeWayMerge, ColumnRenameOnOneSideTypeChangeOnTheOther) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text); CREATE INDEX t_a ON t (a);");
    MergeOptions options;
    options.renames_ours.renames.push_back(RenameHint{model::ObjectKind::column, {"public", "t"}, "public", "a", "z"});
    auto ours = load("ours.sql", "CREATE TABLE t (z int, b text); CREATE INDEX t_a ON t (z);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a bigint, b text); CREATE INDEX t_a ON t (a);");
    auto result = merge(base, ours, theirs, options);
    EXPECT_TRUE(result.clean()) << (result.conflicts.empty() ? "" : result.conflicts[0].explanation);
    auto expected = load("expected.sql", "CREATE TABLE t (z bigint, b text); CREATE INDEX t_a ON t (z);");
    EXPECT_EQ(synth::postgres::emit_schema(result.merged), synth::postgres::emit_schema(expected));
}

TEST(ThreeWayMerge, BothRenameDifferently) {
    auto base = load("base.sql", "CREATE TABLE t (a int);");
    auto ours = load("ours.sql", "-- schemerge:renamed-from t\nCREATE TABLE t2 (a int);");
    auto theirs = load("theirs.sql", "-- schemerge:renamed-from t\nCREATE TABLE t3 (a int);");
    auto result = merge(base, ours, theirs);
    ASSERT_FALSE(result.clean());
    EXPECT_EQ(result.conflicts[0].kind, ConflictKind::both_modified);
    EXPECT_EQ(result.conflicts[0].attribute, "name");
}

TEST(ThreeWayMerge, DeterministicOrder) {
    auto base = load("base.sql", k_base);
    auto ours = load("ours.sql", std::string(k_base) + "ALTER TABLE orders ALTER COLUMN total TYPE bigint; ALTER TABLE customers ALTER COLUMN name TYPE varchar(10);");
    auto theirs = load("theirs.sql", std::string(k_base) + "ALTER TABLE orders ALTER COLUMN total TYPE int; ALTER TABLE customers ALTER COLUMN name TYPE varchar(20);");
    auto a = merge(base, ours, theirs);
    ASSERT_EQ(a.conflicts.size(), 2U);
    EXPECT_EQ(display_name(a.conflicts[0].object), "public.customers.name");
    EXPECT_EQ(display_name(a.conflicts[1].object), "public.orders.total");
}

namespace schemerge::diff {
namespace {

TEST(ThreeWayMerge, NewViewOnAColumnTheOtherSideRenamed) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    MergeOptions options;
    options.renames_ours.renames.push_back(RenameHint{model::ObjectKind::column, {"public", "t"}, "public", "a", "z"});
    auto ours = load("ours.sql", "CREATE TABLE t (z int, b text);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int, b text);\nCREATE VIEW v AS SELECT a FROM t;");
    auto result = merge(base, ours, theirs, options);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::dangling_reference);
    EXPECT_EQ(display_name(c.object), "public.v");
    EXPECT_EQ(c.attribute, "query");
    ASSERT_TRUE(c.theirs.location.known());
    EXPECT_EQ(c.theirs.location.line, 2U);
}

TEST(ThreeWayMerge, RenamedColumnKeepsTheOtherSidesCheck) {
    auto base = load("base.sql", "CREATE TABLE t (a int CONSTRAINT t_a_check CHECK (a > 0), b text);");
    MergeOptions options;
    options.renames_ours.renames.push_back(RenameHint{model::ObjectKind::column, {"public", "t"}, "public", "a", "z"});
    auto ours = load("ours.sql", "CREATE TABLE t (z int CONSTRAINT t_a_check CHECK (z > 0), b text);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int CONSTRAINT t_a_check CHECK (a > 0), b varchar(5));");
    auto result = merge(base, ours, theirs, options);
    EXPECT_TRUE(result.clean());
    auto expected = load("expected.sql", "CREATE TABLE t (z int CONSTRAINT t_a_check CHECK (z > 0), b varchar(5));");
    EXPECT_EQ(synth::postgres::emit_schema(result.merged), synth::postgres::emit_schema(expected));
}

TEST(ThreeWayMerge, UnparsablePlpgsqlBodyIsNotAConflict) {
    const char* fn = "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN this is not plpgsql; END $$;\n";
    auto base = load("base.sql", std::string("CREATE TABLE t (a int);\n") + fn);
    auto ours = load("ours.sql", std::string("CREATE TABLE t (a int);\nCREATE TABLE u (a int);\n") + fn);
    auto theirs = load("theirs.sql", fn);
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.clean());
}

TEST(ThreeWayMerge, PreferResolvesModifyDeleteAndAddAdd) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b int);");
    auto ours = load("ours.sql", "CREATE TABLE t (a int); CREATE TABLE n (x int);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int, b bigint); CREATE TABLE n (x text);");
    MergeOptions options;
    options.prefer = Preference::ours;
    auto result = merge(base, ours, theirs, options);
    EXPECT_TRUE(result.clean());
    EXPECT_EQ(result.merged, ours);
    options.prefer = Preference::theirs;
    result = merge(base, ours, theirs, options);
    EXPECT_TRUE(result.clean());
    EXPECT_EQ(result.merged, theirs);
}

}  // namespace
}  // namespace schemerge::diff

namespace schemerge::diff {
namespace {

// Sequences merge option by option (each ALTER SEQUENCE option is its own attribute).
TEST(ThreeWayMerge, SequenceOptionsMergeOneByOne) {
    auto base = load("base.sql", "CREATE SEQUENCE s START 100;");
    auto ours = load("ours.sql", "CREATE SEQUENCE s START 100 INCREMENT BY 2;");
    auto theirs = load("theirs.sql", "CREATE SEQUENCE s START 100 CACHE 20 CYCLE;");
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.clean()) << (result.conflicts.empty() ? "" : result.conflicts[0].explanation);
    auto expected = load("expected.sql", "CREATE SEQUENCE s START 100 INCREMENT BY 2 CACHE 20 CYCLE;");
    EXPECT_EQ(synth::postgres::emit_schema(result.merged), synth::postgres::emit_schema(expected));
}

TEST(ThreeWayMerge, SequenceOptionChangedDifferentlyNamesTheOption) {
    auto base = load("base.sql", "CREATE SEQUENCE s START 100;");
    auto ours = load("ours.sql", "CREATE SEQUENCE s START 100 INCREMENT BY 2 CACHE 20;");
    auto theirs = load("theirs.sql", "CREATE SEQUENCE s START 100 INCREMENT BY 5 CACHE 20;");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::both_modified);
    EXPECT_EQ(display_name(c.object), "public.s");
    EXPECT_EQ(c.attribute, "increment");
    EXPECT_EQ(c.base.value, "INCREMENT (default)");
    EXPECT_EQ(c.ours.value, "INCREMENT 2");
    EXPECT_EQ(c.theirs.value, "INCREMENT 5");
}

// An index's statistics targets are one of its attribute rows: one side's change is taken,
// both sides changing one target differently is a conflict on that row of the index.
TEST(ThreeWayMerge, IndexStatisticsTargets) {
    const std::string base_sql = "CREATE TABLE t (a text, b int); CREATE INDEX i ON t (lower(a), (b + 1));\n";
    auto base = load("base.sql", base_sql);
    auto ours = load("ours.sql", base_sql + "ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 500;");
    auto theirs = load("theirs.sql", base_sql + "ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 1000;");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    EXPECT_EQ(result.conflicts[0].kind, ConflictKind::both_modified);
    EXPECT_EQ(display_name(result.conflicts[0].object), "public.i");
    EXPECT_EQ(result.conflicts[0].attribute, "statistics");
    EXPECT_EQ(result.conflicts[0].ours.value, std::optional<std::string>("1=500"));
    EXPECT_EQ(result.conflicts[0].theirs.value, std::optional<std::string>("1=1000"));

    auto clean = merge(base, ours, base);
    EXPECT_TRUE(clean.clean());
    EXPECT_EQ(parser::postgres::index_statistics_targets(clean.merged.indexes.at({"public", "i"}).meta.attributes),
              (std::map<int, int>{{1, 500}}));
}

TEST(ThreeWayMerge, SequenceOwnerAndTypeAreOptionsToo) {
    auto base = load("base.sql", "CREATE TABLE t (id int); CREATE SEQUENCE s;");
    auto ours = load("ours.sql", "CREATE TABLE t (id int); CREATE SEQUENCE s AS integer;");
    auto theirs = load("theirs.sql", "CREATE TABLE t (id int); CREATE SEQUENCE s OWNED BY t.id;");
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.clean());
    auto expected = load("expected.sql", "CREATE TABLE t (id int); CREATE SEQUENCE s AS integer OWNED BY t.id;");
    EXPECT_EQ(synth::postgres::emit_schema(result.merged), synth::postgres::emit_schema(expected));
}

// The name-collision among a merge's conflicts for `object`, or nullptr.
const Conflict* collision(const MergeResult& result, const std::string& object) {
    for (const auto& c : result.conflicts) {
        if (c.kind == ConflictKind::name_collision && display_name(c.object) == object) {
            return &c;
        }
    }
    return nullptr;
}

// A column renamed on one side (annotation) and a new column of that name on the other:
// a name-collision (and the two new columns meet as an add-add where they differ).
TEST(ThreeWayMerge, RenamedColumnCollidesWithTheOtherSidesNewColumn) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    auto ours = load("ours.sql", "CREATE TABLE t (\n  z int, -- schemerge:renamed-from a\n  b text\n);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int, b text,\n  z text);");
    auto result = merge(base, ours, theirs);
    const Conflict* c = collision(result, "public.t.z");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->attribute, "name");
    ASSERT_TRUE(c->ours.location.known());
    ASSERT_TRUE(c->theirs.location.known());
    EXPECT_EQ(*c->ours.location.file, "ours.sql");
    EXPECT_EQ(*c->theirs.location.file, "theirs.sql");
    // Symmetric: theirs renames, ours adds.
    auto swapped = merge(base, theirs, ours);
    EXPECT_NE(collision(swapped, "public.t.z"), nullptr);
}

TEST(ThreeWayMerge, RenamedColumnCollidesWithAnIdenticalNewColumn) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    auto ours = load("ours.sql", "CREATE TABLE t (\n  z int, -- schemerge:renamed-from a\n  b text\n);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int, b text, z int);");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    EXPECT_NE(collision(result, "public.t.z"), nullptr);
}

TEST(ThreeWayMerge, RenamedTableCollidesWithTheOtherSidesNewTable) {
    auto base = load("base.sql", "CREATE TABLE t (a int);");
    auto ours = load("ours.sql", "-- schemerge:renamed-from t\nCREATE TABLE t2 (a int);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int);\nCREATE TABLE t2 (x text);");
    auto result = merge(base, ours, theirs);
    const Conflict* c = collision(result, "public.t2");
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->ours.location.known());
    EXPECT_TRUE(c->theirs.location.known());
    EXPECT_NE(collision(merge(base, theirs, ours), "public.t2"), nullptr);
}

TEST(ThreeWayMerge, RenamedIndexCollidesWithTheOtherSidesNewIndex) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b int); CREATE INDEX t_a ON t (a);");
    MergeOptions options;
    options.renames_ours.renames.push_back(RenameHint{model::ObjectKind::index, {}, "public", "t_a", "t_a_idx"});
    auto ours = load("ours.sql", "CREATE TABLE t (a int, b int); CREATE INDEX t_a_idx ON t (a);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int, b int); CREATE INDEX t_a ON t (a); CREATE INDEX t_a_idx ON t (b);");
    auto result = merge(base, ours, theirs, options);
    EXPECT_NE(collision(result, "public.t_a_idx"), nullptr);
}

// Ours renames a to z; theirs renames b to a: theirs' a is not base's a.
TEST(ThreeWayMerge, ColumnNameRenamedAwayAndReusedByTheOtherSide) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    auto ours = load("ours.sql", "CREATE TABLE t (\n  z int, -- schemerge:renamed-from a\n  b text\n);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (\n  a text -- schemerge:renamed-from b\n);");
    auto result = merge(base, ours, theirs);
    const Conflict* c = collision(result, "public.t.a");
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->ours.location.known());
    EXPECT_TRUE(c->theirs.location.known());
    EXPECT_NE(collision(merge(base, theirs, ours), "public.t.a"), nullptr);
}

TEST(ThreeWayMerge, TableNameRenamedAwayAndReusedByTheOtherSide) {
    auto base = load("base.sql", "CREATE TABLE t (a int); CREATE TABLE u (x int);");
    auto ours = load("ours.sql", "-- schemerge:renamed-from t\nCREATE TABLE t_old (a int);\nCREATE TABLE u (x int);");
    auto theirs = load("theirs.sql", "-- schemerge:renamed-from u\nCREATE TABLE t (x int);");
    auto result = merge(base, ours, theirs);
    const Conflict* c = collision(result, "public.t");
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->ours.location.known());
    EXPECT_TRUE(c->theirs.location.known());
    EXPECT_NE(collision(merge(base, theirs, ours), "public.t"), nullptr);
}

TEST(ThreeWayMerge, TwoColumnsRenamedToOneNameCollideOnce) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b int);");
    auto ours = load("ours.sql", "CREATE TABLE t (\n  z int, -- schemerge:renamed-from a\n  b int\n);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (\n  a int,\n  z int -- schemerge:renamed-from b\n);");
    auto result = merge(base, ours, theirs);
    int collisions = 0;
    for (const auto& c : result.conflicts) {
        collisions += c.kind == ConflictKind::name_collision ? 1 : 0;
    }
    EXPECT_EQ(collisions, 1);
}

TEST(ThreeWayMerge, SameRenameOnBothSidesIsNoCollision) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    auto ours = load("ours.sql", "CREATE TABLE t (\n  z int, -- schemerge:renamed-from a\n  b text\n);");
    auto result = merge(base, ours, ours);
    EXPECT_TRUE(result.clean());
}

TEST(ThreeWayMerge, BodyColumnDroppedByALaterStatementPointsAtIt) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    auto ours = load("ours.sql", "CREATE TABLE t (a int, b text);\nALTER TABLE t DROP COLUMN b;");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int, b text);\nCREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT b FROM t $$;");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::dangling_reference);
    EXPECT_EQ(display_name(c.object), "public.f()");
    ASSERT_TRUE(c.ours.location.known());
    EXPECT_EQ(c.ours.location.line, 2U);
    EXPECT_EQ(c.theirs.location.line, 2U);
}

TEST(ThreeWayMerge, BodyColumnRenamedByTheOtherSide) {
    auto base = load("base.sql", "CREATE TABLE t (a int, b text);");
    MergeOptions options;
    options.renames_ours.renames.push_back(RenameHint{model::ObjectKind::column, {"public", "t"}, "public", "a", "z"});
    auto ours = load("ours.sql", "CREATE TABLE t (z int, b text);");
    auto theirs = load("theirs.sql", "CREATE TABLE t (a int, b text);\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT max(t.a) FROM t); END $$;");
    auto result = merge(base, ours, theirs, options);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::dangling_reference);
    EXPECT_EQ(display_name(c.object), "public.f()");
    EXPECT_EQ(c.attribute, "body");
    EXPECT_EQ(c.theirs.value, "public.t.a");
    EXPECT_FALSE(c.ours.value.has_value());
    ASSERT_TRUE(c.ours.location.known());
    ASSERT_TRUE(c.theirs.location.known());
    EXPECT_EQ(*c.ours.location.file, "ours.sql");
    EXPECT_EQ(c.theirs.location.line, 2U);
    EXPECT_NE(c.explanation.find("public.t.a"), std::string::npos);
}

}  // namespace
}  // namespace schemerge::diff

// Operators merge as whole objects like other routines: one side's change is taken, both
// sides changing one operator differently is a both-modified conflict citing each side's
// CREATE OPERATOR, a change against a drop is modify-delete, and an operator whose function
// the other side dropped dangles.
TEST(ThreeWayMerge, Operators) {
    const std::string functions =
        "CREATE FUNCTION ci_eq(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) = lower($2) $$;\n";
    const std::string op = "CREATE OPERATOR === (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text, RESTRICT = eqsel);\n";
    auto base = load("base.sql", functions + op);
    auto ours = load("ours.sql",
                     functions + "CREATE OPERATOR === (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text, RESTRICT = eqsel, "
                                 "JOIN = eqjoinsel);\n");
    auto theirs = load("theirs.sql",
                       functions + "CREATE OPERATOR === (FUNCTION = ci_eq, LEFTARG = text, RIGHTARG = text, "
                                   "RESTRICT = eqsel, HASHES);\n");
    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::both_modified);
    EXPECT_EQ(display_name(c.object), "public.===(text, text)");
    EXPECT_EQ(c.base.value, "(function=public.ci_eq, restrict=eqsel)");
    EXPECT_EQ(c.ours.value, "(function=public.ci_eq, restrict=eqsel, join=eqjoinsel)");
    EXPECT_EQ(c.theirs.value, "(function=public.ci_eq, restrict=eqsel, hashes)");
    ASSERT_TRUE(c.ours.location.known());
    ASSERT_TRUE(c.theirs.location.known());
    EXPECT_EQ(*c.ours.location.file, "ours.sql");
    EXPECT_EQ(*c.theirs.location.file, "theirs.sql");
    EXPECT_EQ(c.ours.location.line, 2U);
    EXPECT_EQ(c.theirs.location.line, 2U);

    // ALTER OPERATOR … SET on both sides, differently: the same conflict.
    auto ours_alter = load("ours.sql", functions + op + "ALTER OPERATOR === (text, text) SET (JOIN = eqjoinsel);\n");
    auto theirs_alter = load("theirs.sql", functions + op + "ALTER OPERATOR === (text, text) SET (RESTRICT = NONE);\n");
    auto altered = merge(base, ours_alter, theirs_alter);
    ASSERT_EQ(altered.conflicts.size(), 1U);
    EXPECT_EQ(altered.conflicts[0].kind, ConflictKind::both_modified);

    // One side's change, the other side's new column elsewhere: clean, the change kept.
    auto theirs_table = load("theirs.sql", functions + op + "CREATE TABLE t (a text);\n");
    auto clean = merge(base, ours, theirs_table);
    EXPECT_TRUE(clean.clean());
    const model::Function& merged = clean.merged.functions.at(model::RoutineName{{"public", "==="}, "text, text"});
    EXPECT_EQ(merged.operator_options, ours.functions.at(model::RoutineName{{"public", "==="}, "text, text"}).operator_options);
    EXPECT_TRUE(clean.merged.tables.contains({"public", "t"}));

    // Changed on one side, dropped on the other.
    auto dropped = load("theirs.sql", functions);
    auto md = merge(base, ours, dropped);
    ASSERT_EQ(md.conflicts.size(), 1U);
    EXPECT_EQ(md.conflicts[0].kind, ConflictKind::modify_delete);
    EXPECT_EQ(display_name(md.conflicts[0].object), "public.===(text, text)");

    // A new operator on one side whose function the other side dropped.
    auto ours_new = load("ours.sql", functions + op +
                                         "CREATE OPERATOR public.=~= (FUNCTION = public.ci_eq, LEFTARG = text, RIGHTARG = text);\n");
    auto no_function = load("theirs.sql", "");
    auto dangling = merge(base, ours_new, no_function);
    bool found = false;
    for (const auto& conflict : dangling.conflicts) {
        found = found || (conflict.kind == ConflictKind::dangling_reference &&
                          display_name(conflict.object) == "public.=~=(text, text)");
    }
    EXPECT_TRUE(found) << dangling.conflicts.size();
}

// A merge collects each side's renames from its hints only (the options' and the side's
// renamed-from annotations); without any, it runs no diff for them.
TEST(ThreeWayMerge, RenameHintsAreTheOptionsAndTheAnnotations) {
    EXPECT_TRUE(detail::rename_hints(load("plain.sql", "CREATE TABLE t2 (a int);"), {}).empty());
    auto annotated = detail::rename_hints(load("ours.sql", "-- schemerge:renamed-from t\nCREATE TABLE t2 (a int);"), {});
    ASSERT_EQ(annotated.size(), 1U);
    EXPECT_EQ(annotated[0].kind, model::ObjectKind::table);
    EXPECT_EQ(annotated[0].from, "t");
    EXPECT_EQ(annotated[0].to, "t2");
    DiffOptions options;
    options.renames.push_back(RenameHint{model::ObjectKind::column, {"public", "t"}, "public", "a", "z"});
    EXPECT_EQ(detail::rename_hints(load("plain.sql", "CREATE TABLE t (z int);"), options).size(), 1U);
}

// Parts of a merge run on two threads (the tables beside the other containers, the
// commutation check beside validation, views and indexes checked beside tables); the
// conflicts come out the same, in the same order, every time.
TEST(ThreeWayMerge, ConflictsAreTheSameEveryRun) {
    const std::string base_sql = "CREATE TABLE a (x int PRIMARY KEY, y text); CREATE TABLE b (id int, note text);"
                                 " CREATE VIEW v AS SELECT x, y FROM a; CREATE INDEX a_y ON a (y);"
                                 " CREATE SEQUENCE s INCREMENT 1;";
    auto base = load("base.sql", base_sql);
    auto ours = load("ours.sql", "CREATE TABLE a (x int PRIMARY KEY, y varchar(10)); CREATE TABLE b (id bigint, note text);"
                                 " CREATE VIEW v AS SELECT x, y, 1 AS one FROM a; CREATE INDEX a_y ON a (lower(y));"
                                 " CREATE SEQUENCE s INCREMENT 2;");
    auto theirs = load("theirs.sql", "CREATE TABLE a (x int PRIMARY KEY); CREATE TABLE b (id text, note text);"
                                     " CREATE VIEW v AS SELECT x, 2 AS two FROM a; CREATE INDEX a_y ON a (x);"
                                     " CREATE SEQUENCE s INCREMENT 3;");
    auto first = merge(base, ours, theirs);
    ASSERT_GE(first.conflicts.size(), 4U);
    std::set<model::ObjectKind> kinds;
    for (const auto& c : first.conflicts) {
        kinds.insert(c.object.kind);
    }
    EXPECT_GE(kinds.size(), 3U) << "conflicts from several containers";
    auto describe = [](const MergeResult& r) {
        std::string out;
        for (const auto& c : r.conflicts) {
            out += std::string(to_string(c.kind)) + " " + c.object.to_string() + " " + c.attribute + " " +
                   c.ours.value.value_or("-") + " / " + c.theirs.value.value_or("-") + "\n";
        }
        return out;
    };
    const std::string expected = describe(first);
    for (int run = 0; run < 20; ++run) {
        auto again = merge(base, ours, theirs);
        EXPECT_EQ(describe(again), expected);
        EXPECT_TRUE(again.merged == first.merged);
    }
}

}  // namespace
}  // namespace schemerge::diff
