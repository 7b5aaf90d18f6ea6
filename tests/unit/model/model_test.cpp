// Model value semantics: what == compares, names, locations, diagnostics.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "model/diagnostic.hpp"
#include "model/object_key.hpp"
#include "model/new_object_acl.hpp"
#include "model/schema.hpp"
#include "parser/postgres/dialect_traits.hpp"

namespace schemerge::model {
namespace {

TEST(Model, ObjectBaseComparesCommentOnly) {
    ObjectBase a;
    a.comment = "c";
    ObjectBase b = a;
    b.owner = "bob";
    b.grants = {"GRANT SELECT ON TABLE public.t TO carol"};
    b.location = {std::make_shared<const std::string>("x.sql"), 3, 4};
    EXPECT_TRUE(a == b);
    EXPECT_FALSE(a.privileges_equal(b));
    b.comment = "d";
    EXPECT_FALSE(a == b);
    b.comment.reset();
    EXPECT_FALSE(a == b);
    ObjectBase c;
    c.comment = "";
    EXPECT_FALSE(c == ObjectBase{}) << "an empty comment is still a comment";
}

TEST(Model, ExpressionComparesTextOnly) {
    Expression a{"a > 0", {{"public", "t"}}, {}, {"a"}};
    Expression b{"a > 0", {}, {}, {}};
    EXPECT_TRUE(a == b);
    EXPECT_FALSE(a == Expression{"a >= 0"});
    EXPECT_LT(Expression{"a"}, Expression{"b"});
    EXPECT_TRUE(Expression{}.empty());
    EXPECT_FALSE(a.empty());
}

TEST(Model, ExtensionVersionIsNotCompared) {
    Extension a{"pgcrypto", "public", "1.3", {}};
    Extension b{"pgcrypto", "public", "1.2", {}};
    EXPECT_TRUE(a == b);
    b.schema = "ext";
    EXPECT_FALSE(a == b);
}

TEST(Model, OpaqueStatementComparesSql) {
    OpaqueStatement a{"CreateEventTrigStmt", "CREATE EVENT TRIGGER x ON ddl_command_start EXECUTE FUNCTION f()", {}};
    OpaqueStatement b = a;
    b.statement_kind = "Other";
    EXPECT_TRUE(a == b);
    b.sql += " ";
    EXPECT_FALSE(a == b);
}

TEST(Model, QualifiedNameAndTypeRef) {
    EXPECT_EQ((QualifiedName{"public", "t"}).to_string(), "public.t");
    EXPECT_EQ((QualifiedName{"", "integer"}).to_string(), "integer");
    EXPECT_LT((QualifiedName{"a", "z"}), (QualifiedName{"b", "a"}));
    TypeRef t;
    EXPECT_TRUE(t.empty());
    t.name = {"", "integer"};
    TypeRef arr = t;
    arr.array_dims = 1;
    EXPECT_FALSE(t == arr);
    TypeRef v1{{"", "character varying"}, {"10"}, 0, false};
    TypeRef v2{{"", "character varying"}, {"20"}, 0, false};
    EXPECT_FALSE(v1 == v2);
}

TEST(Model, SourceLocationToString) {
    SourceLocation unknown;
    EXPECT_FALSE(unknown.known());
    EXPECT_EQ(unknown.to_string(), "<unknown>");
    SourceLocation file_only{std::make_shared<const std::string>("a.sql"), 0, 0};
    EXPECT_FALSE(file_only.known());
    EXPECT_EQ(file_only.to_string(), "a.sql");
    SourceLocation full{std::make_shared<const std::string>("a.sql"), 12, 5};
    EXPECT_TRUE(full.known());
    EXPECT_EQ(full.to_string(), "a.sql:12:5");
}

TEST(Model, DiagnosticHeadlineAndRender) {
    Diagnostic d;
    d.severity = Severity::error;
    d.location = {std::make_shared<const std::string>("a.sql"), 2, 5};
    d.message = "boom";
    d.source_line = "abc defg";
    EXPECT_EQ(d.headline(), "a.sql:2:5: error: boom");
    EXPECT_EQ(d.render(), "a.sql:2:5: error: boom\n  abc defg\n      ^");
    d.related.push_back({std::make_shared<const std::string>("b.sql"), 1, 1});
    d.related_notes.push_back("first defined here");
    EXPECT_EQ(d.render(), "a.sql:2:5: error: boom\n  abc defg\n      ^\nb.sql:1:1: note: first defined here");

    Diagnostic w;
    w.severity = Severity::warning;
    w.message = "no file";
    EXPECT_EQ(w.headline(), "warning: no file");
    EXPECT_EQ(w.render(), "warning: no file");
    Diagnostic n;
    n.severity = Severity::note;
    n.message = "fyi";
    EXPECT_EQ(n.headline(), "note: fyi");

    Error e{{d, w}};
    EXPECT_EQ(e.render(), d.render() + "\n" + w.render());
}

TEST(Model, ObjectKeyToString) {
    EXPECT_EQ((ObjectKey{ObjectKind::table, "public", "t", "", ""}).to_string(), "table public.t");
    EXPECT_EQ((ObjectKey{ObjectKind::constraint, "public", "t_pkey", "t", ""}).to_string(),
              "constraint public.t.t_pkey");
    EXPECT_EQ((ObjectKey{ObjectKind::function, "public", "f", "", "integer, text"}).to_string(),
              "function public.f(integer, text)");
    EXPECT_EQ((ObjectKey{ObjectKind::schema, "", "app", "", ""}).to_string(), "schema app");
    EXPECT_EQ(to_string(ObjectKind::materialized_view), "materialized view");
    EXPECT_EQ(to_string(ObjectKind::other), "statement");
}

TEST(Model, FunctionIdentityArgsSkipOutputArguments) {
    Function f;
    f.args = {{ArgMode::in, "a", {{"", "integer"}, {}, 0, false}, std::nullopt},
              {ArgMode::out, "b", {{"", "text"}, {}, 0, false}, std::nullopt},
              {ArgMode::inout, "c", {{"public", "mood"}, {}, 1, false}, std::nullopt},
              {ArgMode::variadic, "d", {{"", "text"}, {}, 1, false}, std::nullopt},
              {ArgMode::table, "e", {{"", "bigint"}, {}, 0, false}, std::nullopt}};
    EXPECT_EQ(f.identity_args(), "integer, public.mood[], text[]");
    EXPECT_EQ(Function{}.identity_args(), "");
}

TEST(Model, TableFindColumnAndConstraint) {
    Table t;
    t.columns.push_back(Column{.name = "a"});
    t.columns.push_back(Column{.name = "b"});
    Constraint pk;
    pk.name = "t_pkey";
    pk.kind = ConstraintKind::primary_key;
    t.constraints.push_back(pk);
    ASSERT_NE(t.find_column("b"), nullptr);
    EXPECT_EQ(t.find_column("b")->name, "b");
    EXPECT_EQ(t.find_column("c"), nullptr);
    EXPECT_EQ(t.find_column("A"), nullptr) << "names are case-sensitive once folded";
    ASSERT_NE(t.find_constraint("t_pkey"), nullptr);
    EXPECT_EQ(t.find_constraint("t_pkey")->kind, ConstraintKind::primary_key);
    EXPECT_EQ(t.find_constraint("nope"), nullptr);
    const Table& ct = t;
    EXPECT_NE(ct.find_column("a"), nullptr);
}

TEST(Model, SchemaRelationNamespaceAndCount) {
    Schema s;
    s.dialect = parser::postgres::traits();  // PostgreSQL's relation namespace (pg_class)
    EXPECT_EQ(s.object_count(), 0U);
    Table t;
    t.name = {"public", "t"};
    Constraint c;
    c.name = "t_pkey";
    t.constraints.push_back(c);
    s.tables[t.name] = t;
    TypeDef comp;
    comp.name = {"public", "pair"};
    comp.kind = TypeKind::composite;
    s.types[comp.name] = comp;
    TypeDef en;
    en.name = {"public", "mood"};
    en.kind = TypeKind::enum_;
    s.types[en.name] = en;
    Sequence seq;
    seq.name = {"public", "s"};
    s.sequences[seq.name] = seq;

    EXPECT_TRUE(s.relation_exists({"public", "t"}));
    EXPECT_TRUE(s.relation_exists({"public", "s"}));
    EXPECT_TRUE(s.relation_exists({"public", "pair"})) << "a composite type has a pg_class row";
    EXPECT_FALSE(s.relation_exists({"public", "mood"})) << "an enum has none";
    EXPECT_FALSE(s.relation_exists({"other", "t"}));
    EXPECT_EQ(s.object_count(), 5U);  // table, its constraint, two types, a sequence

    Schema copy = s;
    EXPECT_TRUE(copy == s);
    copy.tables.at({"public", "t"}).meta.owner = "bob";
    EXPECT_TRUE(copy == s);
    copy.tables.at({"public", "t"}).columns.push_back(Column{.name = "x"});
    EXPECT_FALSE(copy == s);
}

TEST(Model, SequenceOptionsUnsetIsNotEqualToExplicit) {
    // The front end clears values equal to the default; the model itself does not
    // guess, so an explicit value differs from unset.
    SequenceOptions a;
    SequenceOptions b;
    b.start = 1;
    EXPECT_FALSE(a == b);
    b.start.reset();
    EXPECT_TRUE(a == b);
}

// The start of a new object under default privileges, with a dialect's defaults as data
// (no engine named): the creator's entry for every schema or the built-in default, plus its
// entry for the object's schema; back at the built-in default: untracked.
TEST(Model, NewObjectAcl) {
    DialectTraits traits = DialectTraits::neutral();
    traits.default_privileges = {{ObjectKind::function, "", k_every_role, "RUN"}};
    auto acl_of = [](std::initializer_list<std::pair<const char*, const char*>> list) {
        Acl acl;
        acl.tracked = true;
        for (const auto& [grantee, privilege] : list) {
            acl.entries.emplace(AclKey{grantee, "", privilege}, false);
        }
        return acl;
    };
    std::map<DefaultPrivilegesKey, DefaultPrivileges> entries;
    auto set = [&](DefaultPrivilegesKey key, Acl acl) { entries[key] = DefaultPrivileges{key, ObjectBase{.acl = acl}}; };
    EXPECT_FALSE(new_object_acl(traits, entries, ObjectKind::table, "s", "t").tracked);
    set({"", "s", ObjectKind::table}, acl_of({{"w", "WRITE"}}));
    set({"", "", ObjectKind::function}, acl_of({{"r", "RUN"}}));
    set({"", "s", ObjectKind::function}, acl_of({{"w", "RUN"}}));
    set({"other", "", ObjectKind::table}, acl_of({{"x", "READ"}}));
    Acl table = new_object_acl(traits, entries, ObjectKind::view, "s", "v");
    EXPECT_EQ(table, acl_of({{"w", "WRITE"}}));
    EXPECT_TRUE(table.derived);
    EXPECT_FALSE(new_object_acl(traits, entries, ObjectKind::table, "elsewhere", "t").tracked);
    EXPECT_EQ(new_object_acl(traits, entries, ObjectKind::table, "elsewhere", "t", "other"), acl_of({{"x", "READ"}}));
    // The entry for every schema replaces the built-in default; one schema's adds to it.
    EXPECT_EQ(new_object_acl(traits, entries, ObjectKind::procedure, "s", "p"), acl_of({{"r", "RUN"}, {"w", "RUN"}}));
    EXPECT_EQ(new_object_acl(traits, entries, ObjectKind::function, "u", "f"), acl_of({{"r", "RUN"}}));
    set({"", "", ObjectKind::function}, acl_of({{"", "RUN"}}));
    entries.erase({"", "s", ObjectKind::function});
    EXPECT_FALSE(new_object_acl(traits, entries, ObjectKind::function, "s", "f").tracked);  // the built-in default
    EXPECT_FALSE(new_object_acl(traits, entries, ObjectKind::index, "s", "i").tracked);     // no ACL of its own
    EXPECT_EQ(default_privileges_objects(ObjectKind::materialized_view), ObjectKind::table);
    EXPECT_EQ(default_privileges_objects(ObjectKind::aggregate), ObjectKind::function);
}

}  // namespace
}  // namespace schemerge::model
