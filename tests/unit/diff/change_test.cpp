// Change's typed payloads (diff/change.hpp): describe() and detail_text() read them;
// the texts are the ones reports and plan comments have always printed.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/change.hpp"

namespace schemerge::diff {
namespace {

Change change(ChangeKind kind, model::ObjectKey key) {
    Change c;
    c.kind = kind;
    c.key = std::move(key);
    return c;
}

struct DescribeRow {
    std::string name;
    Change change;
    std::string describe;
    std::string detail;
};

TEST(Change, DescribeAndDetailText) {
    model::ObjectKey type{model::ObjectKind::type, "public", "mood", "", "ok"};
    Change renamed_table = change(ChangeKind::rename_table, {model::ObjectKind::table, "public", "b", "", ""});
    renamed_table.old_name = "a";
    Change renamed_column = change(ChangeKind::rename_column, {model::ObjectKind::column, "public", "c", "t", ""});
    renamed_column.old_name = "b";
    Change appended = change(ChangeKind::add_enum_value, type);
    Change before = change(ChangeKind::add_enum_value, type);
    before.enum_position = {EnumPosition::Place::before, "sad"};
    Change after = change(ChangeKind::add_enum_value, type);
    after.enum_position = {EnumPosition::Place::after, "it's"};
    Change plain = change(ChangeKind::create_table, {model::ObjectKind::table, "public", "t", "", ""});
    plain.old_name = "ignored";  // only renames carry an old name
    const std::vector<DescribeRow> rows = {
        {"rename table", renamed_table, "rename table public.b (was a)", "a"},
        {"rename column", renamed_column, "rename column public.t.c (was b)", "b"},
        {"enum value at the end", appended, "add value 'ok' to type public.mood", ""},
        {"enum value before", before, "add value 'ok' to type public.mood BEFORE 'sad'", "BEFORE 'sad'"},
        {"enum value after, quote doubled", after, "add value 'ok' to type public.mood AFTER 'it''s'",
         "AFTER 'it''s'"},
        {"no payload", plain, "create table public.t", ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(row.change.describe(), row.describe);
        EXPECT_EQ(row.change.detail_text(), row.detail);
    }
}

}  // namespace
}  // namespace schemerge::diff
