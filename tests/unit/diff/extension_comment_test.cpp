// CREATE EXTENSION sets the extension's comment from its control file and pg_dump
// versions differ in whether they repeat it (corpus: openstreetmap pair 022), so a
// comment present on one side only is noise; a change between two comments is not.
#include <gtest/gtest.h>

#include "diff/two_way_diff.hpp"
#include "parser/postgres/dialect_traits.hpp"
#include "support/model_builder.hpp"

namespace schemerge::diff {
namespace {

model::Schema with_extension(const std::string& comment) {
    return test::ModelBuilder(parser::postgres::traits()).extension("btree_gist", comment).build();
}

TEST(ExtensionComment, OneSidedCommentIsNoise) {
    auto with = with_extension("support for indexing");
    auto without = with_extension("");
    EXPECT_EQ(with, without);
    EXPECT_TRUE(diff(with, without).changes.empty());
    EXPECT_TRUE(diff(without, with).changes.empty());
}

TEST(ExtensionComment, ChangedCommentIsAChange) {
    auto a = with_extension("one");
    auto b = with_extension("two");
    auto result = diff(a, b);
    ASSERT_EQ(result.changes.changes.size(), 1U);
    EXPECT_EQ(result.changes.changes[0].kind, ChangeKind::set_comment);
}

}  // namespace
}  // namespace schemerge::diff
