// The engine rules the diff and merge follow come from the schemas' dialect traits, not
// from PostgreSQL names: the same models diff and merge differently under other traits.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "parser/postgres/dialect_traits.hpp"

namespace schemerge::diff {
namespace {

// PostgreSQL's traits, with the rules under test turned the other way.
const model::DialectTraits& contrary() {
    static const model::DialectTraits t = [] {
        model::DialectTraits d = parser::postgres::traits();
        d.name = "test-contrary";
        d.default_schema = "main";
        d.enum_values_append_only = false;
        d.columns_append_only = false;
        d.always_installed_extensions = {};
        d.owned_sequence_type_is_noise = false;
        return d;
    }();
    return t;
}

std::vector<std::string> described(const DiffResult& r) {
    std::vector<std::string> out;
    for (const auto& c : r.changes.changes) {
        out.push_back(c.describe());
    }
    return out;
}

model::Schema with(const model::DialectTraits& traits) {
    model::Schema s;
    s.dialect = traits;
    return s;
}

TEST(DialectRules, EnumLabelsAddedInPlaceOnlyWhereTheEngineCan) {
    auto enum_schema = [](const model::DialectTraits& traits, std::vector<std::string> labels) {
        model::Schema s = with(traits);
        model::TypeDef e;
        e.name = {"app", "mood"};
        e.kind = model::TypeKind::enum_;
        e.enum_labels = std::move(labels);
        s.types[e.name] = e;
        return s;
    };
    const auto& pg = parser::postgres::traits();
    auto added = diff(enum_schema(pg, {"sad", "ok"}), enum_schema(pg, {"sad", "meh", "ok"}));
    ASSERT_EQ(added.changes.changes.size(), 1U);
    EXPECT_EQ(added.changes.changes[0].kind, ChangeKind::add_enum_value);

    auto other = diff(enum_schema(contrary(), {"sad", "ok"}), enum_schema(contrary(), {"sad", "meh", "ok"}));
    ASSERT_EQ(other.changes.changes.size(), 1U);
    EXPECT_EQ(other.changes.changes[0].kind, ChangeKind::recreate_type);
}

TEST(DialectRules, AlwaysInstalledExtensionsAreNoise) {
    auto with_extension = [](const model::DialectTraits& traits) {
        model::Schema s = with(traits);
        model::Extension x;
        x.name = "plpgsql";
        s.extensions[x.name] = x;
        return s;
    };
    EXPECT_TRUE(diff(with(parser::postgres::traits()), with_extension(parser::postgres::traits())).changes.empty());
    EXPECT_EQ(described(diff(with(contrary()), with_extension(contrary()))),
              (std::vector<std::string>{"create extension plpgsql"}));
}

TEST(DialectRules, OwnedSequenceTypeNoise) {
    auto sequence_schema = [](const model::DialectTraits& traits, bool typed) {
        model::Schema s = with(traits);
        model::Sequence q;
        q.name = {"app", "t_id_seq"};
        q.owned_by = model::SequenceOwner{{"app", "t"}, "id"};
        if (typed) {
            q.options.data_type = model::TypeRef{};
            q.options.data_type->name = {"", "integer"};
        }
        s.sequences[q.name] = q;
        return s;
    };
    const auto& pg = parser::postgres::traits();
    EXPECT_TRUE(diff(sequence_schema(pg, false), sequence_schema(pg, true)).changes.empty());
    auto other = diff(sequence_schema(contrary(), false), sequence_schema(contrary(), true));
    ASSERT_EQ(other.changes.changes.size(), 1U);
    EXPECT_EQ(other.changes.changes[0].kind, ChangeKind::alter_sequence);
}

TEST(DialectRules, RenameHintsUseTheDefaultSchema) {
    auto table_schema = [](const model::DialectTraits& traits, const std::string& schema, const std::string& name) {
        model::Schema s = with(traits);
        model::Table t;
        t.name = {schema, name};
        model::Column c;
        c.name = "a";
        c.type.name = {"", "integer"};
        t.columns.push_back(c);
        s.tables[t.name] = t;
        return s;
    };
    DiffOptions options;
    RenameHint hint;
    hint.kind = model::ObjectKind::table;
    hint.from = "old";  // schema left out: the dialect's default schema ("main")
    hint.to = "new";
    options.renames.push_back(hint);
    auto r = diff(table_schema(contrary(), "main", "old"), table_schema(contrary(), "main", "new"), options);
    EXPECT_EQ(described(r), (std::vector<std::string>{"rename table main.new (was old)"}));
}

model::Table columns_table(std::initializer_list<const char*> names) {
    model::Table t;
    t.name = {"app", "t"};
    for (const char* n : names) {
        model::Column c;
        c.name = n;
        c.type.name = {"", "integer"};
        t.columns.push_back(c);
    }
    return t;
}

std::vector<std::string> merged_columns(const model::DialectTraits& traits) {
    model::Schema base = with(traits);
    base.tables[{"app", "t"}] = columns_table({"a", "b"});
    model::Schema ours = base;
    ours.tables[{"app", "t"}] = columns_table({"x", "a", "b"});  // ours adds x first
    model::Schema theirs = base;
    theirs.tables[{"app", "t"}] = columns_table({"a", "y", "b"});  // theirs adds y after a
    auto result = merge(base, ours, theirs);
    EXPECT_TRUE(result.clean());
    std::vector<std::string> out;
    for (const auto& c : result.merged.tables.at({"app", "t"}).columns) {
        out.push_back(c.name);
    }
    return out;
}

TEST(DialectRules, MergedColumnOrder) {
    // ADD COLUMN appends: base order, ours' new columns, theirs'.
    EXPECT_EQ(merged_columns(parser::postgres::traits()), (std::vector<std::string>{"a", "b", "x", "y"}));
    // Columns can be placed: each where its side put it.
    EXPECT_EQ(merged_columns(contrary()), (std::vector<std::string>{"x", "a", "y", "b"}));
}

}  // namespace
}  // namespace schemerge::diff
