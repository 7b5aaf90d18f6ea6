// `-- schemerge:renamed-from old` annotations are recorded on the definition they sit
// next to (ObjectBase::renamed_from) and do not change what the object is.
#include <gtest/gtest.h>

#include "parser/postgres/frontend.hpp"
#include "parser/postgres/interpreter.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::postgres {
namespace {

model::Schema load_ok(const std::string& sql) {
    auto r = load({make_source("a.sql", sql)});
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().render());
    return r ? r->schema : model::Schema{};
}

TEST(RenameAnnotation, ParsesNames) {
    EXPECT_EQ(rename_annotation("-- schemerge:renamed-from old_t"), "old_t");
    EXPECT_EQ(rename_annotation("x int, -- schemerge:renamed-from Amount"), "amount");
    EXPECT_EQ(rename_annotation("--schemerge:renamed-from public.orders_old\n"), "orders_old");
    EXPECT_EQ(rename_annotation("-- schemerge:renamed-from \"Old Name\""), "Old Name");
    EXPECT_EQ(rename_annotation("-- an ordinary comment"), "");
    EXPECT_EQ(rename_annotation("select 'schemerge:renamed-from x'"), "");
}

TEST(RenameAnnotation, TablesColumnsIndexesViewsSequences) {
    model::Schema s = load_ok(
        "-- orders were called purchases\n"
        "-- schemerge:renamed-from purchases\n"
        "CREATE TABLE orders (\n"
        "    id integer PRIMARY KEY,\n"
        "    total numeric, -- schemerge:renamed-from amount\n"
        "    -- schemerge:renamed-from note\n"
        "    remark text,\n"
        "    plain text\n"
        ");\n"
        "CREATE INDEX orders_total_idx ON orders (total); -- schemerge:renamed-from purchases_amount_idx\n"
        "-- schemerge:renamed-from v_old\n"
        "CREATE VIEW v AS SELECT id FROM orders;\n"
        "CREATE SEQUENCE s; -- schemerge:renamed-from s_old\n"
        "CREATE TABLE other (a int);\n");
    const auto& t = s.tables.at({"public", "orders"});
    EXPECT_EQ(t.meta.renamed_from, "purchases");
    EXPECT_EQ(t.find_column("total")->meta.renamed_from, "amount");
    EXPECT_EQ(t.find_column("remark")->meta.renamed_from, "note");
    EXPECT_EQ(t.find_column("plain")->meta.renamed_from, "");
    EXPECT_EQ(t.find_column("id")->meta.renamed_from, "");
    EXPECT_EQ(s.indexes.at({"public", "orders_total_idx"}).meta.renamed_from, "purchases_amount_idx");
    EXPECT_EQ(s.views.at({"public", "v"}).meta.renamed_from, "v_old");
    EXPECT_EQ(s.sequences.at({"public", "s"}).meta.renamed_from, "s_old");
    EXPECT_EQ(s.tables.at({"public", "other"}).meta.renamed_from, "");
}

TEST(RenameAnnotation, OnTheFirstLineOfAFile) {
    model::Schema s = load_ok("-- schemerge:renamed-from u\nCREATE TABLE t (a int);\n");
    EXPECT_EQ(s.tables.at({"public", "t"}).meta.renamed_from, "u");
}

TEST(RenameAnnotation, AColumnsAnnotationIsNotItsInlineConstraints) {
    model::Schema s = load_ok("CREATE TABLE t (id int,\n  login text NOT NULL UNIQUE, -- schemerge:renamed-from email\n  b int);\n");
    const auto& t = s.tables.at({"public", "t"});
    EXPECT_EQ(t.find_column("login")->meta.renamed_from, "email");
    ASSERT_NE(t.find_constraint("t_login_key"), nullptr);
    EXPECT_EQ(t.find_constraint("t_login_key")->meta.renamed_from, "");
}

TEST(RenameAnnotation, DoesNotChangeTheDefinition) {
    model::Schema a = load_ok("CREATE TABLE t (a int);");
    model::Schema b = load_ok("-- schemerge:renamed-from u\nCREATE TABLE t (a int -- schemerge:renamed-from b\n);");
    EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace schemerge::parser::postgres
