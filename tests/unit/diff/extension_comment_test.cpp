// CREATE EXTENSION sets the extension's comment from its control file and pg_dump
// versions differ in whether they repeat it (corpus: openstreetmap pair 022), so a
// comment present on one side only is noise; a change between two comments is not.
#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"

namespace schemerge::diff {
namespace {

model::Schema load(const std::string& sql) {
    auto r = parser::postgres::load({parser::make_source("a.sql", sql)});
    EXPECT_TRUE(r.has_value());
    return r ? r->schema : model::Schema{};
}

TEST(ExtensionComment, OneSidedCommentIsNoise) {
    auto with = load("CREATE EXTENSION btree_gist;\nCOMMENT ON EXTENSION btree_gist IS 'support for indexing';\n");
    auto without = load("CREATE EXTENSION btree_gist;\n");
    EXPECT_EQ(with, without);
    EXPECT_TRUE(diff(with, without).changes.empty());
    EXPECT_TRUE(diff(without, with).changes.empty());
}

TEST(ExtensionComment, ChangedCommentIsAChange) {
    auto a = load("CREATE EXTENSION btree_gist;\nCOMMENT ON EXTENSION btree_gist IS 'one';\n");
    auto b = load("CREATE EXTENSION btree_gist;\nCOMMENT ON EXTENSION btree_gist IS 'two';\n");
    auto result = diff(a, b);
    ASSERT_EQ(result.changes.changes.size(), 1U);
    EXPECT_EQ(result.changes.changes[0].kind, ChangeKind::set_comment);
}

}  // namespace
}  // namespace schemerge::diff
