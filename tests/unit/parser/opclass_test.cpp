// CREATE OPERATOR CLASS / FAMILY, ALTER OPERATOR FAMILY … ADD / DROP: modeled as routines
// of kind operator_class / operator_family (name + access method), members resolved and
// in canonical order, the implicit family of a class created with it, dumped as pg_dump 15
// writes them, indexes naming a class (or using the default one) depending on it, DROP /
// COMMENT ON / OWNER TO, and malformed statements rejected with a location.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/dependency_graph.hpp"
#include "support/load.hpp"

namespace schemerge::test {
namespace {

using namespace schemerge::model;
using Options = std::vector<std::pair<std::string, std::string>>;

const std::string k_base =
    "CREATE TYPE complex AS (re float8, im float8);\n"
    "CREATE FUNCTION cmp(complex, complex) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 0 $$;\n"
    "CREATE FUNCTION lt(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT false $$;\n"
    "CREATE FUNCTION eq(complex, complex) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT true $$;\n"
    "CREATE FUNCTION h(complex) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 0 $$;\n"
    "CREATE OPERATOR <# (FUNCTION = lt, LEFTARG = complex, RIGHTARG = complex);\n"
    "CREATE OPERATOR =# (FUNCTION = eq, LEFTARG = complex, RIGHTARG = complex);\n"
    "CREATE TABLE t (id int, c complex);\n";

// The graph has an edge FROM -> TO.
bool depends_on(const DependencyGraph& graph, const ObjectKey& from, const ObjectKey& to) {
    for (const auto& d : graph.dependents_of(to)) {
        if (d.from == from) {
            return true;
        }
    }
    return false;
}

const RoutineName k_class{{"public", "c_ops"}, "USING btree"};
const RoutineName k_family{{"public", "c_ops"}, "FAMILY USING btree"};

TEST(OperatorClasses, ModeledWithTheirImplicitFamily) {
    auto s = schema_of(k_base +
                       "CREATE OPERATOR CLASS c_ops DEFAULT FOR TYPE complex USING btree AS\n"
                       "  FUNCTION 1 cmp(complex, complex), OPERATOR 3 =#, OPERATOR 1 <# (complex, complex),\n"
                       "  STORAGE complex;\n");
    const Function& c = s.functions.at(k_class);
    EXPECT_EQ(c.kind, RoutineKind::operator_class);
    EXPECT_EQ(c.operator_options, (Options{{"using", "btree"},
                                           {"default", ""},
                                           {"type", "public.complex"},
                                           {"family", "public.c_ops"},
                                           {"operator 1 (public.complex, public.complex)", "public.<#"},
                                           {"operator 3 (public.complex, public.complex)", "public.=#"},
                                           {"function 1 (public.complex, public.complex)",
                                            "public.cmp(public.complex, public.complex)"}}));
    const Function& f = s.functions.at(k_family);
    EXPECT_EQ(f.kind, RoutineKind::operator_family);
    EXPECT_EQ(f.operator_options, (Options{{"using", "btree"}}));
    // The same catalog spelled as pg_dump writes it gives the same model.
    auto spelled = schema_of(k_base +
                             "CREATE OPERATOR FAMILY public.c_ops USING btree;\n"
                             "CREATE OPERATOR CLASS public.c_ops DEFAULT FOR TYPE public.complex USING btree "
                             "FAMILY public.c_ops AS\n"
                             "  OPERATOR 1 public.<#(public.complex,public.complex) ,\n"
                             "  OPERATOR 3 public.=#(public.complex,public.complex) ,\n"
                             "  FUNCTION 1 (public.complex, public.complex) public.cmp(public.complex,public.complex);\n");
    EXPECT_EQ(spelled, s);
    EXPECT_TRUE(s.opaque.empty());
}

TEST(OperatorClasses, DumpedAsPgDumpWritesThemAndLoadedBack) {
    auto s = schema_of(k_base +
                       "CREATE OPERATOR CLASS c_ops DEFAULT FOR TYPE complex USING btree AS\n"
                       "  OPERATOR 1 <#, OPERATOR 3 =#, FUNCTION 1 cmp(complex, complex);\n"
                       "CREATE OPERATOR CLASS h_ops FOR TYPE complex USING hash AS OPERATOR 1 =#, FUNCTION 1 h(complex);\n"
                       "CREATE OPERATOR FAMILY loose USING btree;\n"
                       "ALTER OPERATOR FAMILY loose USING btree ADD FUNCTION 1 (complex, complex) cmp(complex, complex),\n"
                       "  OPERATOR 1 <# (complex, complex);\n"
                       "COMMENT ON OPERATOR CLASS c_ops USING btree IS 'by value';\n"
                       "ALTER OPERATOR FAMILY loose USING btree OWNER TO app;\n"
                       "CREATE INDEX t_c ON t (c c_ops);\n"
                       "CREATE INDEX t_h ON t USING hash (c h_ops);\n");
    std::string out = synth::postgres::emit_schema(s);
    EXPECT_NE(out.find("CREATE OPERATOR FAMILY public.c_ops USING btree;\n"), std::string::npos) << out;
    EXPECT_NE(out.find("CREATE OPERATOR CLASS public.c_ops\n"
                       "    DEFAULT FOR TYPE public.complex USING btree FAMILY public.c_ops AS\n"
                       "    OPERATOR 1 public.<#(public.complex,public.complex) ,\n"
                       "    OPERATOR 3 public.=#(public.complex,public.complex) ,\n"
                       "    FUNCTION 1 (public.complex, public.complex) public.cmp(public.complex,public.complex);\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("CREATE OPERATOR CLASS public.h_ops\n"
                       "    FOR TYPE public.complex USING hash FAMILY public.h_ops AS\n"
                       "    OPERATOR 1 public.=#(public.complex,public.complex) ,\n"
                       "    FUNCTION 1 (public.complex, public.complex) public.h(public.complex);\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("CREATE OPERATOR FAMILY public.loose USING btree;\n\n"
                       "ALTER OPERATOR FAMILY public.loose USING btree ADD\n"
                       "    OPERATOR 1 public.<#(public.complex,public.complex) ,\n"
                       "    FUNCTION 1 (public.complex, public.complex) public.cmp(public.complex,public.complex);\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("COMMENT ON OPERATOR CLASS public.c_ops USING btree IS 'by value';"), std::string::npos) << out;
    EXPECT_NE(out.find("ALTER OPERATOR FAMILY public.loose USING btree OWNER TO app;"), std::string::npos) << out;
    // The default class is left out of the index (pg_dump prints none); another is qualified.
    EXPECT_NE(out.find("CREATE INDEX t_c ON public.t USING btree (c);"), std::string::npos) << out;
    EXPECT_NE(out.find("CREATE INDEX t_h ON public.t USING hash (c public.h_ops);"), std::string::npos) << out;
    // Families before classes, both after the operators and before the tables.
    EXPECT_LT(out.find("CREATE OPERATOR public.=#"), out.find("CREATE OPERATOR FAMILY public.c_ops"));
    EXPECT_LT(out.find("CREATE OPERATOR FAMILY public.c_ops"), out.find("CREATE OPERATOR CLASS public.c_ops"));
    EXPECT_LT(out.find("CREATE OPERATOR CLASS public.h_ops"), out.find("CREATE TABLE public.t"));
    EXPECT_EQ(schema_of(out), s);
    EXPECT_EQ(synth::postgres::emit_schema(schema_of(out)), out);
    // The dependency graph: the index on its default class and on the class it names.
    auto graph = DependencyGraph::build(s);
    auto needs = [&](const ObjectKey& from, const ObjectKey& to) { return depends_on(graph, from, to); };
    ObjectKey c_ops = object_key(ObjectKind::operator_class, k_class.name, k_class.args);
    EXPECT_TRUE(needs(object_key(ObjectKind::index, {"public", "t_c"}), c_ops));
    EXPECT_TRUE(needs(object_key(ObjectKind::index, {"public", "t_h"}),
                      object_key(ObjectKind::operator_class, {"public", "h_ops"}, "USING hash")));
    EXPECT_TRUE(needs(c_ops, object_key(ObjectKind::operator_family, k_family.name, k_family.args)));
    EXPECT_TRUE(needs(c_ops, object_key(ObjectKind::operator_, {"public", "<#"}, "public.complex, public.complex")));
    EXPECT_TRUE(needs(c_ops, object_key(ObjectKind::function, {"public", "cmp"}, "public.complex, public.complex")));
    EXPECT_TRUE(needs(c_ops, object_key(ObjectKind::type, {"public", "complex"})));
}

// A partition key and an exclusion constraint name operator classes too (and the
// exclusion its operator): they depend on them, so a plan creates the class before the
// table and drops it after; the exclusion's class is printed qualified, as pg_dump does.
TEST(OperatorClasses, PartitionKeysAndExclusionConstraintsDependOnThem) {
    const std::string text =
        "CREATE FUNCTION ov(box, box) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 && $2 $$;\n"
        "CREATE OPERATOR ### (LEFTARG = box, RIGHTARG = box, FUNCTION = ov, COMMUTATOR = ###);\n"
        "CREATE OPERATOR CLASS bx_ops FOR TYPE box USING gist AS OPERATOR 3 ###,\n"
        "  FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal);\n"
        "CREATE OPERATOR CLASS rev_ops FOR TYPE integer USING btree AS OPERATOR 1 >, OPERATOR 3 =,\n"
        "  FUNCTION 1 btint4cmp(integer, integer);\n"
        "CREATE TABLE r (k integer) PARTITION BY RANGE (k rev_ops);\n"
        "CREATE TABLE b (span box, CONSTRAINT b_x EXCLUDE USING gist (span bx_ops WITH ###));\n"
        "CREATE TABLE plain (span box, CONSTRAINT plain_x EXCLUDE USING gist (span WITH &&));\n";
    auto s = schema_of(text);
    const Table& b = s.tables.at({"public", "b"});
    ASSERT_EQ(b.constraints.size(), 1u);
    ASSERT_EQ(b.constraints[0].exclusion.size(), 1u);
    EXPECT_EQ(b.constraints[0].exclusion[0].opclass, "public.bx_ops");
    auto graph = DependencyGraph::build(s);
    auto needs = [&](const ObjectKey& from, const ObjectKey& to) { return depends_on(graph, from, to); };
    ObjectKey excl = table_scoped_key(ObjectKind::constraint, {"public", "b"}, "b_x");
    EXPECT_TRUE(needs(object_key(ObjectKind::table, {"public", "r"}),
                      object_key(ObjectKind::operator_class, {"public", "rev_ops"}, "USING btree")));
    EXPECT_TRUE(needs(excl, object_key(ObjectKind::operator_class, {"public", "bx_ops"}, "USING gist")));
    EXPECT_TRUE(needs(excl, object_key(ObjectKind::operator_, {"public", "###"}, "box, box")));
    // A built-in class and operator: nothing to depend on.
    for (const auto& d : graph.dependencies_of(table_scoped_key(ObjectKind::constraint, {"public", "plain"}, "plain_x"))) {
        EXPECT_NE(d.to.kind, ObjectKind::operator_class);
        EXPECT_NE(d.to.kind, ObjectKind::operator_);
    }
}

TEST(OperatorClasses, AlterFamilyAndDrop) {
    const std::string sql = k_base +
                            "CREATE OPERATOR FAMILY loose USING btree;\n"
                            "ALTER OPERATOR FAMILY loose USING btree ADD OPERATOR 1 <# (complex, complex),\n"
                            "  FUNCTION 1 cmp(complex, complex);\n";
    auto s = schema_of(sql + "ALTER OPERATOR FAMILY loose USING btree DROP OPERATOR 1 (complex, complex);\n");
    EXPECT_EQ(s.functions.at(RoutineName{{"public", "loose"}, "FAMILY USING btree"}).operator_options,
              (Options{{"using", "btree"},
                       {"function 1 (public.complex, public.complex)", "public.cmp(public.complex, public.complex)"}}));
    // DROP OPERATOR FAMILY takes its classes along; DROP OPERATOR CLASS leaves the family.
    auto classes = sql + "CREATE OPERATOR CLASS c_ops FOR TYPE complex USING btree FAMILY loose AS OPERATOR 3 =#;\n";
    auto dropped = schema_of(classes + "DROP OPERATOR FAMILY loose USING btree;\n");
    EXPECT_TRUE(dropped.functions.size() == schema_of(k_base).functions.size());
    auto only_class = schema_of(classes + "DROP OPERATOR CLASS c_ops USING btree;\n");
    EXPECT_TRUE(only_class.functions.contains(RoutineName{{"public", "loose"}, "FAMILY USING btree"}));
    EXPECT_FALSE(only_class.functions.contains(k_class));
    EXPECT_TRUE(schema_of(k_base + "DROP OPERATOR CLASS IF EXISTS nope USING btree;\n").opaque.empty());
    // A loose member goes with its operator; a class's operator is not dropped from under it.
    auto no_op = schema_of(sql + "DROP OPERATOR <# (complex, complex);\n");
    EXPECT_EQ(no_op.functions.at(RoutineName{{"public", "loose"}, "FAMILY USING btree"}).operator_options.size(), 2U);
    auto r = try_load(classes + "DROP OPERATOR =# (complex, complex);\n", {}, "bad.sql");
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().render().find("operator class public.c_ops USING btree"), std::string::npos)
        << r.error().render();
    // An index using a class: DROP needs CASCADE, which drops the index.
    auto with_index = k_base +
                      "CREATE OPERATOR CLASS c_ops DEFAULT FOR TYPE complex USING btree AS OPERATOR 1 <#, "
                      "FUNCTION 1 cmp(complex, complex);\nCREATE INDEX t_c ON t (c);\n";
    auto refused = try_load(with_index + "DROP OPERATOR CLASS c_ops USING btree;\n", {}, "bad.sql");
    ASSERT_FALSE(refused.has_value());
    EXPECT_NE(refused.error().render().find("index public.t_c"), std::string::npos) << refused.error().render();
    auto cascaded = schema_of(with_index + "DROP OPERATOR CLASS c_ops USING btree CASCADE;\n");
    EXPECT_FALSE(cascaded.indexes.contains({"public", "t_c"}));
}

TEST(OperatorClasses, RenameAndSetSchemaCarryReferences) {
    auto s = schema_of(k_base +
                       "CREATE SCHEMA ops;\n"
                       "CREATE OPERATOR CLASS c_ops FOR TYPE complex USING btree AS OPERATOR 1 <#;\n"
                       "CREATE INDEX t_c ON t (c c_ops);\n"
                       "ALTER OPERATOR FAMILY c_ops USING btree RENAME TO fam;\n"
                       "ALTER OPERATOR CLASS c_ops USING btree RENAME TO c2;\n"
                       "ALTER OPERATOR CLASS c2 USING btree SET SCHEMA ops;\n");
    const Function& c = s.functions.at(RoutineName{{"ops", "c2"}, "USING btree"});
    EXPECT_EQ(c.name, (QualifiedName{"ops", "c2"}));
    EXPECT_EQ(c.operator_options.at(2), (std::pair<std::string, std::string>{"family", "public.fam"}));
    EXPECT_EQ(s.indexes.at({"public", "t_c"}).elements.at(0).opclass, "ops.c2");
    EXPECT_TRUE(s.functions.contains(RoutineName{{"public", "fam"}, "FAMILY USING btree"}));
    auto r = try_load(k_base + "ALTER OPERATOR CLASS nope USING btree RENAME TO x;\n", {}, "bad.sql");
    ASSERT_FALSE(r.has_value());
    EXPECT_NE(r.error().render().find("operator class \"public.nope\" for access method \"btree\" does not exist"),
              std::string::npos)
        << r.error().render();
}

}  // namespace
}  // namespace schemerge::test
