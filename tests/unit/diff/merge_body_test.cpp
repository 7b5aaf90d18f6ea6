// The merge's routine-body checks read only the model (model::Function::body_dependencies):
// schemas built here by hand, with no parser and no dialect, give the same conflicts.
#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"

namespace schemerge::diff {
namespace {

using model::BodyAccess;
using model::BodyReference;

model::Table table(const std::string& name, std::initializer_list<const char*> columns) {
    model::Table t;
    t.name = {"app", name};
    for (const char* c : columns) {
        model::Column col;
        col.name = c;
        col.type.name = {"", "integer"};
        t.columns.push_back(col);
    }
    return t;
}

void add(model::Schema& s, model::Table t) { s.tables[t.name] = std::move(t); }

model::Function function(std::vector<BodyReference> refs, bool analysed = true) {
    model::Function f;
    f.name = {"app", "f"};
    f.language = "proc";  // any language: the merge reads what the front end recorded
    f.body = "opaque text";
    f.body_dependencies.analysed = analysed;
    f.body_dependencies.references = std::move(refs);
    return f;
}

void add(model::Schema& s, model::Function f) {
    model::RoutineName key{f.name, f.identity_args()};
    s.functions[key] = std::move(f);
}

BodyReference column(const std::string& table, const std::string& name) {
    BodyReference r;
    r.relation = {"app", table};
    r.column = name;
    r.line = 7;
    return r;
}

BodyReference relation(const std::string& table) {
    BodyReference r;
    r.relation = {"app", table};
    r.access = BodyAccess::write;
    return r;
}

TEST(MergeBody, ColumnTheOtherSideDroppedIsDangling) {
    model::Schema base;
    add(base, table("t", {"a", "b"}));
    model::Schema ours = base;
    add(ours, function({relation("t"), column("t", "b")}));  // ours adds a function reading t.b
    model::Schema theirs = base;
    add(theirs, table("t", {"a"}));  // theirs drops t.b

    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts[0];
    EXPECT_EQ(c.kind, ConflictKind::dangling_reference);
    EXPECT_EQ(c.attribute, "body");
    EXPECT_EQ(c.base.value, "app.t.b");
    EXPECT_EQ(c.explanation,
              "function app.f() references column app.t.b, which theirs dropped or renamed; the merged schema no "
              "longer has it.");
}

TEST(MergeBody, RelationTheOtherSideDroppedIsDangling) {
    model::Schema base;
    add(base, table("t", {"a"}));
    add(base, table("u", {"a"}));
    model::Schema ours = base;
    add(ours, function({relation("u")}));
    model::Schema theirs = base;
    theirs.tables.erase({"app", "u"});

    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    EXPECT_EQ(result.conflicts[0].kind, ConflictKind::dangling_reference);
    EXPECT_EQ(result.conflicts[0].explanation,
              "function app.f() references relation app.u, which the merged schema no longer has.");
}

TEST(MergeBody, TriggerRowColumnsCountForTheTriggerTable) {
    model::Schema base;
    add(base, table("t", {"a", "b"}));
    BodyReference row;
    row.column = "b";
    row.trigger_row = true;
    model::Schema ours = base;
    add(ours, function({row}));
    model::Trigger trigger;
    trigger.name = "t_touch";
    trigger.table = {"app", "t"};
    trigger.function = {"app", "f"};
    ours.triggers[{trigger.table, trigger.name}] = trigger;
    model::Schema theirs = base;
    add(theirs, table("t", {"a"}));

    auto result = merge(base, ours, theirs);
    ASSERT_EQ(result.conflicts.size(), 1U);
    EXPECT_EQ(result.conflicts[0].base.value, "app.t.b");

    // Without a trigger the row is no table's: nothing to check.
    ours.triggers.clear();
    EXPECT_TRUE(merge(base, ours, theirs).clean());
}

TEST(MergeBody, BodiesNoFrontEndReadAreNotChecked) {
    model::Schema base;
    add(base, table("t", {"a", "b"}));
    model::Schema ours = base;
    add(ours, function({column("t", "b")}, /*analysed=*/false));
    model::Schema theirs = base;
    add(theirs, table("t", {"a"}));
    EXPECT_TRUE(merge(base, ours, theirs).clean());
}

}  // namespace
}  // namespace schemerge::diff
