// The PostgreSQL front end fills every model field from DDL: one test per kind.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parser/postgres/dialect_traits.hpp"
#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;

TypeRef builtin(std::string name, std::vector<std::string> mods = {}, int dims = 0) {
    TypeRef t;
    t.name = {"", std::move(name)};
    t.modifiers = std::move(mods);
    t.array_dims = dims;
    return t;
}

const Constraint& constraint(const Schema& s, const std::string& table, const std::string& name) {
    const Constraint* c = s.tables.at(pub(table)).find_constraint(name);
    if (c == nullptr) {
        static const Constraint none;
        ADD_FAILURE() << "no constraint " << name << " on " << table;
        return none;
    }
    return *c;
}

TEST(Frontend, SchemasAndExtensions) {
    auto s = schema_of(
        "CREATE SCHEMA app; CREATE SCHEMA IF NOT EXISTS app; COMMENT ON SCHEMA app IS 'application';"
        " CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA app VERSION '1.3';"
        " CREATE EXTENSION hstore;");
    ASSERT_TRUE(s.namespaces.contains("app"));
    EXPECT_EQ(s.namespaces.at("app").meta.comment, "application");
    EXPECT_FALSE(s.namespaces.contains("public"));
    ASSERT_TRUE(s.extensions.contains("pgcrypto"));
    EXPECT_EQ(s.extensions.at("pgcrypto").schema, "app");
    EXPECT_EQ(s.extensions.at("pgcrypto").version, "1.3");
    ASSERT_TRUE(s.extensions.contains("hstore"));
    EXPECT_EQ(s.extensions.at("hstore").schema, "");
    // The version is recorded but not compared.
    Extension a = s.extensions.at("pgcrypto");
    Extension b = a;
    b.version = "1.2";
    EXPECT_TRUE(a == b);
}

TEST(Frontend, EnumCompositeDomainRangeTypes) {
    auto s = schema_of(
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
        " CREATE TYPE pair AS (x int, label text COLLATE \"C\");"
        " CREATE DOMAIN posint AS int NOT NULL DEFAULT 1 CHECK (VALUE > 0) CONSTRAINT small CHECK (VALUE < 100);"
        " CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);");
    const auto& mood = s.types.at(pub("mood"));
    EXPECT_EQ(mood.kind, TypeKind::enum_);
    EXPECT_EQ(mood.enum_labels, (std::vector<std::string>{"sad", "ok", "happy"}));

    const auto& pair = s.types.at(pub("pair"));
    EXPECT_EQ(pair.kind, TypeKind::composite);
    ASSERT_EQ(pair.attributes.size(), 2U);
    EXPECT_EQ(pair.attributes[0].name, "x");
    EXPECT_EQ(pair.attributes[0].type, builtin("integer"));
    EXPECT_EQ(pair.attributes[1].type, builtin("text"));
    ASSERT_TRUE(pair.attributes[1].collation.has_value());
    EXPECT_EQ(pair.attributes[1].collation->name, "C");

    const auto& dom = s.types.at(pub("posint"));
    EXPECT_EQ(dom.kind, TypeKind::domain);
    EXPECT_EQ(dom.base_type, builtin("integer"));
    EXPECT_TRUE(dom.not_null);
    ASSERT_TRUE(dom.default_value.has_value());
    EXPECT_EQ(dom.default_value->text, "1");
    ASSERT_EQ(dom.constraints.size(), 2U);  // sorted by name
    EXPECT_EQ(dom.constraints[0].name, "posint_check");
    EXPECT_EQ(dom.constraints[0].check.text, "value > 0");
    EXPECT_EQ(dom.constraints[1].name, "small");

    const auto& range = s.types.at(pub("floatrange"));
    EXPECT_EQ(range.kind, TypeKind::range);
    EXPECT_FALSE(range.options.empty());
    auto subtype = std::find_if(range.options.begin(), range.options.end(),
                                [](const auto& o) { return o.first == "subtype"; });
    ASSERT_NE(subtype, range.options.end());
    EXPECT_EQ(subtype->second, "double precision");
}

TEST(Frontend, SequenceOptionsAndOwnedBy) {
    auto s = schema_of(
        "CREATE TABLE t (id bigint);"
        " CREATE SEQUENCE s AS integer START WITH 5 INCREMENT BY 2 MINVALUE 3 MAXVALUE 1000 CACHE 10 CYCLE"
        " OWNED BY t.id;");
    const auto& seq = s.sequences.at(pub("s"));
    ASSERT_TRUE(seq.options.data_type.has_value());
    EXPECT_EQ(*seq.options.data_type, builtin("integer"));
    EXPECT_EQ(seq.options.start, 5);
    EXPECT_EQ(seq.options.increment, 2);
    EXPECT_EQ(seq.options.min_value, 3);
    EXPECT_EQ(seq.options.max_value, 1000);
    EXPECT_EQ(seq.options.cache, 10);
    EXPECT_TRUE(seq.options.cycle);
    ASSERT_TRUE(seq.owned_by.has_value());
    EXPECT_EQ(seq.owned_by->table, pub("t"));
    EXPECT_EQ(seq.owned_by->column, "id");

    // Options equal to the engine defaults are stored unset.
    auto d = schema_of("CREATE SEQUENCE s2 AS bigint START 1 INCREMENT 1 CACHE 1;");
    const auto& s2 = d.sequences.at(pub("s2"));
    EXPECT_FALSE(s2.options.start.has_value());
    EXPECT_FALSE(s2.options.increment.has_value());
    EXPECT_FALSE(s2.options.cache.has_value());
    EXPECT_FALSE(s2.owned_by.has_value());
}

TEST(Frontend, TableColumns) {
    auto s = schema_of(
        "CREATE TABLE t ("
        "  a varchar(10)[] COLLATE \"C\","
        "  b numeric(10,2) DEFAULT 0 NOT NULL,"
        "  c int GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),"
        "  d bigint GENERATED BY DEFAULT AS IDENTITY,"
        "  e int GENERATED ALWAYS AS (b::int * 2) STORED,"
        "  f timestamp(3) with time zone DEFAULT now(),"
        "  g int[][]"
        ");");
    const auto& t = s.tables.at(pub("t"));
    ASSERT_EQ(t.columns.size(), 7U);
    EXPECT_EQ(t.columns[0].name, "a");
    EXPECT_EQ(t.columns[0].type, builtin("character varying", {"10"}, 1));
    ASSERT_TRUE(t.columns[0].collation.has_value());
    EXPECT_EQ(t.columns[0].collation->name, "C");
    EXPECT_FALSE(t.columns[0].not_null);

    EXPECT_EQ(t.columns[1].type, builtin("numeric", {"10", "2"}));
    ASSERT_TRUE(t.columns[1].default_value.has_value());
    EXPECT_EQ(t.columns[1].default_value->text, "0");
    EXPECT_TRUE(t.columns[1].not_null);

    EXPECT_EQ(t.columns[2].identity, IdentityKind::always);
    EXPECT_EQ(t.columns[2].identity_options->start, 10);
    EXPECT_EQ(t.columns[2].identity_options->increment, 5);
    EXPECT_TRUE(t.columns[2].not_null);  // identity implies NOT NULL
    EXPECT_FALSE(t.columns[2].default_value.has_value());

    EXPECT_EQ(t.columns[3].identity, IdentityKind::by_default);
    EXPECT_EQ(t.columns[3].type, builtin("bigint"));

    EXPECT_EQ(t.columns[4].generated, GeneratedKind::stored);
    EXPECT_NE(t.columns[4].generation->text.find("* 2"), std::string::npos) << t.columns[4].generation->text;

    EXPECT_EQ(t.columns[5].type, builtin("timestamp with time zone", {"3"}));
    ASSERT_TRUE(t.columns[5].default_value.has_value());
    EXPECT_EQ(t.columns[5].default_value->text, "now()");

    // integer[][] is integer[]: PostgreSQL does not enforce dimensions (format_type prints one pair).
    EXPECT_EQ(t.columns[6].type.array_dims, 1);
}

TEST(Frontend, PartitionsInheritanceUnloggedOptions) {
    auto s = schema_of(
        "CREATE TABLE m (a int, b text) PARTITION BY RANGE (a);"
        " CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);"
        " CREATE TABLE md PARTITION OF m DEFAULT;"
        " CREATE TABLE l (k text) PARTITION BY LIST (k);"
        " CREATE TABLE l1 PARTITION OF l FOR VALUES IN ('x', 'y');"
        " CREATE TABLE parent (a int);"
        " CREATE TABLE child (b int) INHERITS (parent);"
        " CREATE UNLOGGED TABLE u (a int) WITH (fillfactor = 70);");
    const auto& m = s.tables.at(pub("m"));
    EXPECT_EQ(m.partition_strategy, PartitionStrategy::range);
    ASSERT_EQ(m.partition_key.size(), 1U);
    EXPECT_EQ(m.partition_key[0].column, "a");
    const auto& m1 = s.tables.at(pub("m1"));
    ASSERT_TRUE(m1.partition_of.has_value());
    EXPECT_EQ(*m1.partition_of, pub("m"));
    EXPECT_EQ(m1.partition_bound, "FOR VALUES FROM (0) TO (10)");
    EXPECT_EQ(s.tables.at(pub("md")).partition_bound, "DEFAULT");
    EXPECT_EQ(s.tables.at(pub("l")).partition_strategy, PartitionStrategy::list);
    EXPECT_EQ(s.tables.at(pub("l1")).partition_bound, "FOR VALUES IN ('x', 'y')");

    const auto& child = s.tables.at(pub("child"));
    EXPECT_EQ(child.inherits, (std::vector<QualifiedName>{pub("parent")}));
    ASSERT_NE(child.find_column("b"), nullptr);
    EXPECT_TRUE(child.find_column("b")->is_local);

    const auto& u = s.tables.at(pub("u"));
    EXPECT_EQ(u.persistence, Persistence::unlogged);
    const auto& u_options = u.meta.attributes.options(parser::postgres::attr::table_options);
    ASSERT_EQ(u_options.size(), 1U);
    EXPECT_EQ(u_options[0].first, "fillfactor");
    EXPECT_EQ(u_options[0].second, "70");
}

TEST(Frontend, KeyConstraints) {
    auto s = schema_of(
        "CREATE TABLE t (id int, a int, b int, c int,"
        "  PRIMARY KEY (id) INCLUDE (c),"
        "  UNIQUE NULLS NOT DISTINCT (a, b),"
        "  CONSTRAINT named_u UNIQUE (b) DEFERRABLE INITIALLY DEFERRED);");
    const auto& pk = constraint(s, "t", "t_pkey");
    EXPECT_EQ(pk.kind, ConstraintKind::primary_key);
    EXPECT_EQ(pk.columns, (std::vector<std::string>{"id"}));
    EXPECT_EQ(pk.include, (std::vector<std::string>{"c"}));
    EXPECT_TRUE(s.tables.at(pub("t")).find_column("id")->not_null);
    const auto& u = constraint(s, "t", "t_a_b_key");
    EXPECT_EQ(u.kind, ConstraintKind::unique);
    EXPECT_EQ(u.columns, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(u.nulls_not_distinct);
    const auto& n = constraint(s, "t", "named_u");
    EXPECT_TRUE(n.deferrable);
    EXPECT_TRUE(n.initially_deferred);
    // Constraints are sorted by name.
    const auto& cs = s.tables.at(pub("t")).constraints;
    EXPECT_TRUE(std::is_sorted(cs.begin(), cs.end(), [](const auto& x, const auto& y) { return x.name < y.name; }));
}

TEST(Frontend, ForeignKeys) {
    auto s = schema_of(
        "CREATE TABLE p (id int, k int, PRIMARY KEY (id, k));"
        " CREATE TABLE c (id int, p_id int, p_k int, tenant int,"
        "  FOREIGN KEY (p_id, p_k) REFERENCES p (id, k) MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL (p_id)"
        "  DEFERRABLE);"
        " ALTER TABLE c ADD CONSTRAINT c_fk2 FOREIGN KEY (p_id, p_k) REFERENCES p ON DELETE RESTRICT NOT VALID;");
    const auto& fk = constraint(s, "c", "c_p_id_p_k_fkey");
    EXPECT_EQ(fk.kind, ConstraintKind::foreign_key);
    EXPECT_EQ(fk.columns, (std::vector<std::string>{"p_id", "p_k"}));
    EXPECT_EQ(fk.ref_table, pub("p"));
    EXPECT_EQ(fk.ref_columns, (std::vector<std::string>{"id", "k"}));
    EXPECT_EQ(fk.match, MatchType::full);
    EXPECT_EQ(fk.on_update, ReferentialAction::cascade);
    EXPECT_EQ(fk.on_delete, ReferentialAction::set_null);
    EXPECT_EQ(fk.on_delete_columns, (std::vector<std::string>{"p_id"}));
    EXPECT_TRUE(fk.deferrable);
    EXPECT_FALSE(fk.initially_deferred);
    const auto& fk2 = constraint(s, "c", "c_fk2");
    EXPECT_TRUE(fk2.not_valid);
    EXPECT_EQ(fk2.on_delete, ReferentialAction::restrict);
    // REFERENCES p without columns resolves to p's primary key.
    EXPECT_EQ(fk2.ref_columns, (std::vector<std::string>{"id", "k"}));
}

TEST(Frontend, CheckAndExcludeConstraints) {
    auto s = schema_of(
        "CREATE TABLE t (a int, r int4range, room int,"
        "  CHECK (a > 0) NO INHERIT,"
        "  EXCLUDE USING gist (room WITH =, r WITH &&) WHERE (a > 1));"
        " ALTER TABLE t ADD CONSTRAINT later CHECK (a < 100) NOT VALID;");
    const auto& ck = constraint(s, "t", "t_a_check");
    EXPECT_EQ(ck.kind, ConstraintKind::check);
    EXPECT_EQ(ck.check.text, "a > 0");
    EXPECT_TRUE(ck.no_inherit);
    const auto& later = constraint(s, "t", "later");
    EXPECT_TRUE(later.not_valid);
    EXPECT_FALSE(later.no_inherit);
    const auto& ex = constraint(s, "t", "t_room_r_excl");
    EXPECT_EQ(ex.kind, ConstraintKind::exclude);
    EXPECT_EQ(ex.using_method, "gist");
    ASSERT_EQ(ex.exclusion.size(), 2U);
    EXPECT_EQ(ex.exclusion[0].column, "room");
    EXPECT_EQ(ex.exclusion[0].op, "=");
    EXPECT_EQ(ex.exclusion[1].column, "r");
    EXPECT_EQ(ex.exclusion[1].op, "&&");
    EXPECT_EQ(ex.where.text, "a > 1");
}

TEST(Frontend, Indexes) {
    auto s = schema_of(
        "CREATE TABLE t (a int, b text, c int);"
        " CREATE UNIQUE INDEX i1 ON t USING btree (a DESC NULLS LAST, lower(b) COLLATE \"C\" text_pattern_ops)"
        "   INCLUDE (c) WITH (fillfactor = 70) WHERE (a > 0);"
        " CREATE INDEX i2 ON t USING hash (b);"
        " CREATE INDEX ON t (c NULLS FIRST);"
        " CREATE UNIQUE INDEX i3 ON t (a) NULLS NOT DISTINCT;");
    const auto& i1 = s.indexes.at(pub("i1"));
    EXPECT_EQ(i1.table, pub("t"));
    EXPECT_TRUE(i1.unique);
    EXPECT_EQ(i1.method, "btree");
    ASSERT_EQ(i1.elements.size(), 2U);
    EXPECT_EQ(i1.elements[0].column, "a");
    EXPECT_EQ(i1.elements[0].order, SortOrder::desc);
    EXPECT_EQ(i1.elements[0].nulls, NullsOrder::last);
    EXPECT_EQ(i1.elements[1].column, "");
    EXPECT_EQ(i1.elements[1].expression.text, "lower(b)");
    ASSERT_TRUE(i1.elements[1].collation.has_value());
    EXPECT_EQ(i1.elements[1].collation->name, "C");
    EXPECT_EQ(i1.elements[1].opclass, "text_pattern_ops");
    EXPECT_EQ(i1.predicate.text, "a > 0");
    const auto& index_options = i1.meta.attributes.options(parser::postgres::attr::index_options);
    ASSERT_EQ(index_options.size(), 1U);
    EXPECT_EQ(index_options[0].first, "fillfactor");

    EXPECT_EQ(s.indexes.at(pub("i2")).method, "hash");
    EXPECT_FALSE(s.indexes.at(pub("i2")).unique);
    // An unnamed index gets the engine's name: table_column_idx.
    ASSERT_TRUE(s.indexes.contains(pub("t_c_idx")));
    EXPECT_EQ(s.indexes.at(pub("t_c_idx")).elements[0].nulls, NullsOrder::first);
    EXPECT_TRUE(s.indexes.at(pub("i3")).nulls_not_distinct);
    if (i1.include != std::vector<std::string>{"c"}) {
        FAIL() << "regression: CREATE INDEX ... INCLUDE (c) stores include column as \"\" (dump prints INCLUDE (\"\"))";
    }
    EXPECT_EQ(i1.include, (std::vector<std::string>{"c"}));
}

TEST(Frontend, ViewsAndMaterializedViews) {
    auto s = schema_of(
        "CREATE TABLE t (a int, b int);"
        " CREATE VIEW v (x) WITH (security_barrier) AS SELECT a FROM t WHERE b > 0 WITH LOCAL CHECK OPTION;"
        " CREATE MATERIALIZED VIEW mv AS SELECT a, count(*) AS n FROM t GROUP BY a WITH NO DATA;");
    const auto& v = s.views.at(pub("v"));
    EXPECT_FALSE(v.materialized);
    EXPECT_EQ(v.column_names, (std::vector<std::string>{"x"}));
    EXPECT_EQ(v.query.text.rfind("SELECT", 0), 0U) << v.query.text;
    EXPECT_NE(v.query.text.find("public.t"), std::string::npos) << v.query.text;
    EXPECT_EQ(v.check_option, "LOCAL");
    const auto& view_options = v.meta.attributes.options(parser::postgres::attr::view_options);
    ASSERT_FALSE(view_options.empty());
    EXPECT_EQ(view_options[0].first, "security_barrier");
    const auto& mv = s.views.at(pub("mv"));
    EXPECT_TRUE(mv.materialized);
    EXPECT_NE(mv.query.text.find("count(*)"), std::string::npos) << mv.query.text;
}

TEST(Frontend, FunctionsProceduresAggregates) {
    auto s = schema_of(
        "CREATE FUNCTION add(a int, INOUT b int DEFAULT 2, OUT c text) LANGUAGE plpgsql STABLE STRICT"
        "  SECURITY DEFINER PARALLEL SAFE COST 5 SET search_path = public, pg_temp"
        "  AS $$BEGIN c := (a + b)::text; END$$;"
        " CREATE FUNCTION gen(n int) RETURNS SETOF int LANGUAGE sql IMMUTABLE ROWS 10"
        "  AS 'SELECT generate_series(1, n)';"
        " CREATE OR REPLACE FUNCTION gen(n int) RETURNS SETOF int LANGUAGE sql IMMUTABLE ROWS 20"
        "  AS 'SELECT generate_series(1, n)';"
        " CREATE PROCEDURE p(x text) LANGUAGE sql AS $$SELECT 1$$;"
        " CREATE AGGREGATE mysum(int) (sfunc = int4pl, stype = int, initcond = '0');");
    ASSERT_EQ(s.functions.size(), 4U);
    const auto& add = s.functions.at({pub("add"), "integer, integer"});
    EXPECT_EQ(add.kind, RoutineKind::function);
    ASSERT_EQ(add.args.size(), 3U);
    EXPECT_EQ(add.args[0].mode, ArgMode::in);
    EXPECT_EQ(add.args[1].mode, ArgMode::inout);
    ASSERT_TRUE(add.args[1].default_value.has_value());
    EXPECT_EQ(add.args[1].default_value->text, "2");
    EXPECT_EQ(add.args[2].mode, ArgMode::out);
    EXPECT_EQ(add.args[2].type, builtin("text"));
    EXPECT_EQ(add.language, "plpgsql");
    EXPECT_EQ(add.body, "BEGIN c := (a + b)::text; END");
    EXPECT_EQ(add.volatility, Volatility::stable);
    EXPECT_TRUE(add.strict);
    EXPECT_TRUE(add.security_definer);
    EXPECT_EQ(add.parallel, Parallel::safe);
    EXPECT_EQ(add.cost, 5.0);
    ASSERT_EQ(add.set_options.size(), 1U);
    EXPECT_EQ(add.set_options[0].first, "search_path");
    EXPECT_EQ(add.identity_args(), "integer, integer");

    const auto& gen = s.functions.at({pub("gen"), "integer"});
    ASSERT_TRUE(gen.returns.has_value());
    EXPECT_TRUE(gen.returns->setof);
    EXPECT_EQ(gen.returns->name.name, "integer");
    EXPECT_EQ(gen.volatility, Volatility::immutable);
    EXPECT_EQ(gen.rows, 20.0);  // CREATE OR REPLACE replaced it

    const auto& p = s.functions.at({pub("p"), "text"});
    EXPECT_EQ(p.kind, RoutineKind::procedure);
    EXPECT_FALSE(p.returns.has_value());

    const auto& agg = s.functions.at({pub("mysum"), "integer"});
    EXPECT_EQ(agg.kind, RoutineKind::aggregate);
    EXPECT_FALSE(agg.aggregate_options.empty());
}

TEST(Frontend, SqlStandardFunctionBody) {
    auto s = schema_of("CREATE FUNCTION one() RETURNS int LANGUAGE sql RETURN 1;");
    const auto& f = s.functions.at({pub("one"), ""});
    EXPECT_TRUE(f.body.empty());
    EXPECT_NE(f.sql_body.find("RETURN 1"), std::string::npos) << f.sql_body;
}

const char* const kTriggerFunction =
    "CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
    " CREATE TABLE t (a int, b int); CREATE TABLE other (id int);";

TEST(Frontend, Triggers) {
    auto s = schema_of(std::string(kTriggerFunction) +
                       " CREATE TRIGGER t1 BEFORE INSERT OR UPDATE OF a, b ON t FOR EACH ROW"
                       "   WHEN (NEW.a IS DISTINCT FROM OLD.a) EXECUTE FUNCTION trg('x', 'y');"
                       " CREATE TRIGGER t2 AFTER DELETE OR TRUNCATE ON t EXECUTE FUNCTION trg();"
                       " CREATE TRIGGER t3 AFTER UPDATE ON t REFERENCING OLD TABLE AS o NEW TABLE AS n"
                       "   FOR EACH STATEMENT EXECUTE FUNCTION trg();"
                       " CREATE CONSTRAINT TRIGGER t4 AFTER INSERT ON t FROM other DEFERRABLE INITIALLY DEFERRED"
                       "   FOR EACH ROW EXECUTE FUNCTION trg();"
                       " ALTER TABLE t DISABLE TRIGGER t2;");
    const auto& t1 = s.triggers.at({pub("t"), "t1"});
    EXPECT_EQ(t1.timing, TriggerTiming::before);
    EXPECT_TRUE(t1.events.insert);
    EXPECT_TRUE(t1.events.update);
    EXPECT_FALSE(t1.events.delete_);
    EXPECT_EQ(t1.events.update_columns, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(t1.for_each_row);
    EXPECT_NE(t1.when.text.find("IS DISTINCT FROM"), std::string::npos) << t1.when.text;
    EXPECT_EQ(t1.function, pub("trg"));
    EXPECT_EQ(t1.function_args, (std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(t1.enabled, "");

    const auto& t2 = s.triggers.at({pub("t"), "t2"});
    EXPECT_EQ(t2.timing, TriggerTiming::after);
    EXPECT_TRUE(t2.events.delete_);
    EXPECT_TRUE(t2.events.truncate);
    EXPECT_FALSE(t2.for_each_row);
    EXPECT_EQ(t2.enabled, "DISABLE");

    const auto& t3 = s.triggers.at({pub("t"), "t3"});
    EXPECT_EQ(t3.old_table, "o");
    EXPECT_EQ(t3.new_table, "n");

    const auto& t4 = s.triggers.at({pub("t"), "t4"});
    EXPECT_TRUE(t4.constraint);
    EXPECT_TRUE(t4.deferrable);
    EXPECT_TRUE(t4.initially_deferred);
    ASSERT_TRUE(t4.from_table.has_value());
    EXPECT_EQ(*t4.from_table, pub("other"));
}

TEST(Frontend, RowLevelSecurityAndPolicies) {
    auto s = schema_of(
        "CREATE TABLE t (a int, owner text);"
        " ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t FORCE ROW LEVEL SECURITY;"
        " CREATE POLICY p1 ON t AS RESTRICTIVE FOR UPDATE TO bob, alice USING (owner = current_user)"
        "   WITH CHECK (a > 0);"
        " CREATE POLICY p2 ON t FOR SELECT USING (true);"
        " ALTER POLICY p2 ON t TO carol USING (a > 5);");
    const auto& t = s.tables.at(pub("t"));
    EXPECT_TRUE(t.meta.attributes.flag(parser::postgres::attr::row_security));
    EXPECT_TRUE(t.meta.attributes.flag(parser::postgres::attr::force_row_security));
    const auto& p1 = s.policies.at({pub("t"), "p1"});
    EXPECT_FALSE(p1.permissive);
    EXPECT_EQ(p1.command, "UPDATE");
    EXPECT_EQ(p1.roles, (std::vector<std::string>{"alice", "bob"}));  // sorted
    EXPECT_NE(p1.using_expr.text.find("current_user"), std::string::npos) << p1.using_expr.text;
    EXPECT_EQ(p1.check_expr.text, "a > 0");
    const auto& p2 = s.policies.at({pub("t"), "p2"});
    EXPECT_EQ(p2.command, "SELECT");
    EXPECT_EQ(p2.roles, (std::vector<std::string>{"carol"}));
    EXPECT_EQ(p2.using_expr.text, "a > 5");
}

TEST(Frontend, TextSearchAndCollations) {
    auto s = schema_of(
        "CREATE TEXT SEARCH DICTIONARY simple_d (TEMPLATE = pg_catalog.simple, STOPWORDS = english);"
        " CREATE TEXT SEARCH CONFIGURATION cfg (COPY = pg_catalog.english);"
        " ALTER TEXT SEARCH CONFIGURATION cfg ALTER MAPPING FOR asciiword WITH simple_d;"
        " CREATE COLLATION nd (provider = icu, locale = 'und-u-ks-level2', deterministic = false);");
    ASSERT_TRUE(s.text_search_dictionaries.contains(pub("simple_d")));
    EXPECT_FALSE(s.text_search_dictionaries.at(pub("simple_d")).options.empty());
    ASSERT_TRUE(s.text_search_configurations.contains(pub("cfg")));
    const auto& cfg = s.text_search_configurations.at(pub("cfg"));
    auto mapping = std::find_if(cfg.mappings.begin(), cfg.mappings.end(),
                                [](const auto& m) { return m.first == "asciiword"; });
    ASSERT_NE(mapping, cfg.mappings.end());
    EXPECT_NE(mapping->second.find("simple_d"), std::string::npos) << mapping->second;
    ASSERT_TRUE(s.collations.contains(pub("nd")));
    const auto& nd = s.collations.at(pub("nd")).options;
    auto provider = std::find_if(nd.begin(), nd.end(), [](const auto& o) { return o.first == "provider"; });
    ASSERT_NE(provider, nd.end());
    if (provider->second != "icu") {
        FAIL() << "regression: CREATE COLLATION (provider = icu) stores provider as '" << provider->second
                     << "' (dump prints provider = public.icu, which PostgreSQL rejects)";
    }
    EXPECT_EQ(provider->second, "icu");
}

TEST(Frontend, CommentsOnEveryKind) {
    auto s = schema_of(std::string(kTriggerFunction) +
                       " CREATE SCHEMA app; CREATE TYPE e AS ENUM ('x'); CREATE SEQUENCE s;"
                       " ALTER TABLE t ADD CONSTRAINT t_ck CHECK (a > 0);"
                       " CREATE INDEX ti ON t (a); CREATE VIEW v AS SELECT a FROM t;"
                       " CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();"
                       " CREATE POLICY po ON t USING (true);"
                       " COMMENT ON SCHEMA app IS 'c schema'; COMMENT ON TYPE e IS 'c type';"
                       " COMMENT ON SEQUENCE s IS 'c seq'; COMMENT ON TABLE t IS 'c table';"
                       " COMMENT ON COLUMN t.a IS 'c column'; COMMENT ON CONSTRAINT t_ck ON t IS 'c constraint';"
                       " COMMENT ON INDEX ti IS 'c index'; COMMENT ON VIEW v IS 'c view';"
                       " COMMENT ON FUNCTION trg() IS 'c function'; COMMENT ON TRIGGER tr ON t IS 'c trigger';"
                       " COMMENT ON POLICY po ON t IS 'c policy';");
    EXPECT_EQ(s.namespaces.at("app").meta.comment, "c schema");
    EXPECT_EQ(s.types.at(pub("e")).meta.comment, "c type");
    EXPECT_EQ(s.sequences.at(pub("s")).meta.comment, "c seq");
    const auto& t = s.tables.at(pub("t"));
    EXPECT_EQ(t.meta.comment, "c table");
    EXPECT_EQ(t.find_column("a")->meta.comment, "c column");
    EXPECT_EQ(t.find_constraint("t_ck")->meta.comment, "c constraint");
    EXPECT_EQ(s.indexes.at(pub("ti")).meta.comment, "c index");
    EXPECT_EQ(s.views.at(pub("v")).meta.comment, "c view");
    EXPECT_EQ(s.functions.at({pub("trg"), ""}).meta.comment, "c function");
    EXPECT_EQ(s.triggers.at({pub("t"), "tr"}).meta.comment, "c trigger");
    EXPECT_EQ(s.policies.at({pub("t"), "po"}).meta.comment, "c policy");

    // COMMENT ... IS NULL removes the comment.
    auto removed = schema_of("CREATE TABLE t (a int); COMMENT ON TABLE t IS 'x'; COMMENT ON TABLE t IS NULL;");
    EXPECT_FALSE(removed.tables.at(pub("t")).meta.comment.has_value());
}

TEST(Frontend, OwnersAndGrantsRecorded) {
    auto s = schema_of(
        "CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice;"
        " CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'; ALTER FUNCTION f() OWNER TO bob;"
        " GRANT SELECT, INSERT ON t TO carol; REVOKE ALL ON FUNCTION f() FROM PUBLIC;");
    EXPECT_EQ(s.tables.at(pub("t")).meta.owner, "alice");
    EXPECT_EQ(s.tables.at(pub("t")).meta.grants.size(), 1U);
    EXPECT_EQ(s.functions.at({pub("f"), ""}).meta.owner, "bob");
    EXPECT_EQ(s.functions.at({pub("f"), ""}).meta.grants.size(), 1U);
}

TEST(Frontend, SourceLocationsOfObjects) {
    auto s = schema_of("-- header\nCREATE TABLE t (a int);\n\n  CREATE VIEW v AS SELECT a FROM t;\n");
    const auto& loc = s.tables.at(pub("t")).meta.location;
    ASSERT_TRUE(loc.known());
    EXPECT_EQ(*loc.file, "t.sql");
    EXPECT_EQ(loc.line, 2U);
    EXPECT_EQ(loc.column, 1U);
    EXPECT_EQ(s.views.at(pub("v")).meta.location.line, 4U);
    EXPECT_EQ(s.views.at(pub("v")).meta.location.column, 3U);
}

// An aggregate's function options are function names resolved through the search path:
// a built-in stays unqualified (a dump of it must load), one of ours gets its schema.
TEST(Frontend, AggregateFunctionOptionsAreFunctionsNotTypes) {
    auto s = schema_of(
        "CREATE FUNCTION f2(int, int) RETURNS int LANGUAGE sql AS $$SELECT $1 + $2$$;"
        " CREATE AGGREGATE builtin_sum(int) (sfunc = int4pl, stype = int);"
        " CREATE AGGREGATE our_sum(int) (sfunc = f2, stype = int4, finalfunc = pg_catalog.int4abs);");
    const auto& builtin_sum = s.functions.at({pub("builtin_sum"), "integer"});
    const std::vector<std::pair<std::string, std::string>> want_builtin{{"sfunc", "int4pl"}, {"stype", "integer"}};
    EXPECT_EQ(builtin_sum.aggregate_options, want_builtin);
    const auto& our_sum = s.functions.at({pub("our_sum"), "integer"});
    const std::vector<std::pair<std::string, std::string>> want_ours{
        {"finalfunc", "pg_catalog.int4abs"}, {"sfunc", "public.f2"}, {"stype", "integer"}};
    EXPECT_EQ(our_sum.aggregate_options, want_ours);
}

// A BEGIN ATOMIC body holds ';'s: the scanner split alone would cut the statement at the
// first of them.
TEST(Frontend, BeginAtomicBodyIsOneStatement) {
    auto s = schema_of(
        "CREATE TABLE t (x int);\n"
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
        "BEGIN ATOMIC\n"
        "  SELECT CASE WHEN true THEN 1 ELSE 2 END;\n"
        "  SELECT count(*) FROM t;\n"
        "END;\n"
        "CREATE TABLE u (y int);\n");
    ASSERT_EQ(s.functions.size(), 1U);
    EXPECT_EQ(s.tables.size(), 2U);
    const auto& f = s.functions.begin()->second;
    EXPECT_NE(f.sql_body.find("SELECT count(*) FROM t;"), std::string::npos) << f.sql_body;
    ASSERT_EQ(f.body_references.relations.size(), 1U);
    EXPECT_EQ(f.body_references.relations[0], pub("t"));
}

}  // namespace
}  // namespace schemerge::test
