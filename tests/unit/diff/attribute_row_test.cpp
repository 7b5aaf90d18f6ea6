// "Adding an attribute is one row in a table": attribute rows declared only in this file (no
// dialect, no front end, nothing in model/ or diff/ knows them) flow through equality, the
// two-way diff (one set_attribute per attribute, for every object kind), the three-way merge
// (a conflict per attribute, naming it, citing both sides' lines) and JSON.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/model_json.hpp"
#include "support/model_builder.hpp"
#include "support/test_dialect.hpp"

namespace schemerge::diff {
namespace {

using model::AttributeDef;
using model::AttributeOptions;
using model::AttributeScope;
using model::AttributeType;

// The rows: one per scope, and one not compared.
const AttributeDef k_tier{"tier", AttributeScope::table, AttributeType::text, true, 900};
const AttributeDef k_hits{"hits", AttributeScope::table, AttributeType::integer, false, 901};
const AttributeDef k_masked{"masked", AttributeScope::column, AttributeType::flag, true, 910};
const AttributeDef k_enforced{"enforced_by", AttributeScope::constraint, AttributeType::text, true, 920};
const AttributeDef k_tuning{"tuning", AttributeScope::index, AttributeType::options, true, 930};
const AttributeDef k_cached{"cached", AttributeScope::view, AttributeType::flag, true, 940};
const AttributeDef k_step{"step_hint", AttributeScope::sequence, AttributeType::integer, true, 950};
const AttributeDef k_pure{"pure", AttributeScope::function, AttributeType::flag, true, 960};
const AttributeDef k_order{"fire_order", AttributeScope::trigger, AttributeType::integer, true, 970};
const AttributeDef k_packed{"packed", AttributeScope::type, AttributeType::flag, true, 980};

const model::DialectTraits& traits() { return test::test_dialect::traits(); }

// ITEMS (ID pk, NAME), index ITEMS_NAME, sequence ITEM_IDS, view ITEM_NAMES, function
// ITEM_COUNT, trigger ITEMS_AUDIT, enum type STATE; `edit` adds attributes.
model::Schema schema(const std::function<void(test::ModelBuilder&)>& edit = {}) {
    test::ModelBuilder b(traits());
    b.enum_type("STATE", {"NEW", "DONE"});
    b.sequence("ITEM_IDS");
    b.function("ITEM_COUNT", {}, "INTEGER", "SELECT COUNT(*) FROM ITEMS");
    b.table("ITEMS").column("ID", "INTEGER").primary_key({"ID"}, "ITEMS_PK").column("NAME", "TEXT");
    b.index("ITEMS_NAME", "ITEMS", {"NAME"});
    b.view("ITEM_NAMES", "SELECT NAME FROM ITEMS", {"ITEMS"});
    b.trigger("ITEMS_AUDIT", "ITEMS", "ITEM_COUNT");
    if (edit) {
        edit(b);
    }
    return b.build();
}

std::vector<std::string> described(const DiffResult& result) {
    std::vector<std::string> out;
    for (const auto& c : result.changes.changes) {
        out.push_back(c.describe() + (c.detail_text().empty() ? "" : " [" + c.detail_text() + "]"));
    }
    return out;
}

TEST(AttributeRow, PartOfEqualityExceptWhenNotCompared) {
    model::Schema plain = schema();
    model::Schema tiered = schema([](auto& b) { b.table("ITEMS").attribute(k_tier, std::string("gold")); });
    model::Schema counted = schema([](auto& b) { b.table("ITEMS").attribute(k_hits, std::int64_t{42}); });
    EXPECT_FALSE(plain.tables.begin()->second == tiered.tables.begin()->second);
    EXPECT_TRUE(plain.tables.begin()->second == counted.tables.begin()->second);
    EXPECT_TRUE(diff(plain, counted).changes.empty()) << "a row that is not compared is no change";
}

TEST(AttributeRow, OneGenericChangePerAttributeForEveryKind) {
    model::Schema from = schema([](auto& b) {
        b.table("ITEMS").attribute(k_tier, std::string("silver"));
        b.index("ITEMS_NAME", "ITEMS", {"NAME"}).attribute(k_tuning, AttributeOptions{{"fill", "70"}});
    });
    model::Schema to = schema([](auto& b) {
        b.enum_type("STATE", {"NEW", "DONE"}).attribute(k_packed, true);
        b.sequence("ITEM_IDS").attribute(k_step, std::int64_t{10});
        b.function("ITEM_COUNT", {}, "INTEGER", "SELECT COUNT(*) FROM ITEMS").attribute(k_pure, true);
        // ITEMS: the table, then its last constraint (ITEMS_PK).
        b.table("ITEMS").attribute(k_tier, std::string("gold")).attribute(k_hits, std::int64_t{7});
        b.attribute(k_enforced, std::string("engine"));
        b.index("ITEMS_NAME", "ITEMS", {"NAME"});  // tuning reset
        b.view("ITEM_NAMES", "SELECT NAME FROM ITEMS", {"ITEMS"}).attribute(k_cached, true);
        b.trigger("ITEMS_AUDIT", "ITEMS", "ITEM_COUNT").attribute(k_order, std::int64_t{2});
    });
    // Column: set on the existing NAME column.
    to.tables.begin()->second.find_column("NAME")->meta.attributes.set(k_masked, true);

    DiffResult result = diff(from, to);
    EXPECT_EQ(described(result),
              (std::vector<std::string>{
                  "set packed of type MAIN.STATE [packed=true]",
                  "set step_hint of sequence MAIN.ITEM_IDS [step_hint=10]",
                  "set tier of table MAIN.ITEMS [tier=gold]",
                  "set masked of column MAIN.ITEMS.NAME [masked=true]",
                  "set enforced_by of constraint MAIN.ITEMS.ITEMS_PK [enforced_by=engine]",
                  "reset tuning of index MAIN.ITEMS_NAME [tuning reset]",
                  "set cached of view MAIN.ITEM_NAMES [cached=true]",
                  "set pure of function MAIN.ITEM_COUNT() [pure=true]",
                  "set fire_order of trigger MAIN.ITEMS.ITEMS_AUDIT [fire_order=2]",
              }));
    for (const auto& c : result.changes.changes) {
        EXPECT_EQ(c.kind, ChangeKind::set_attribute) << c.describe();
    }
    // The payload is typed: the row and both values.
    const Change* tier = nullptr;
    const Change* tuning = nullptr;
    for (const auto& c : result.changes.changes) {
        tier = c.attribute.def == &k_tier ? &c : tier;
        tuning = c.attribute.def == &k_tuning ? &c : tuning;
    }
    ASSERT_NE(tier, nullptr);
    EXPECT_EQ(tier->attribute.before, std::optional<model::AttributeValue>(std::string("silver")));
    EXPECT_EQ(tier->attribute.after, std::optional<model::AttributeValue>(std::string("gold")));
    ASSERT_NE(tuning, nullptr);
    EXPECT_EQ(tuning->attribute.before, std::optional<model::AttributeValue>(AttributeOptions{{"fill", "70"}}));
    EXPECT_EQ(tuning->attribute.after, std::nullopt);
    EXPECT_TRUE(diff(to, to).changes.empty());
}

TEST(AttributeRow, ARecreatedObjectCarriesItsAttributes) {
    model::Schema from = schema();
    model::Schema to = schema([](auto& b) {
        b.index("ITEMS_NAME", "ITEMS", {"ID"}).attribute(k_tuning, AttributeOptions{{"fill", "70"}});
    });
    EXPECT_EQ(described(diff(from, to)),
              (std::vector<std::string>{"create index MAIN.ITEMS_NAME", "drop index MAIN.ITEMS_NAME"}));
}

// base / ours / theirs with the attribute set (or not) on ITEMS, at lines 1 / 2 / 3.
model::Schema side(int line, std::optional<std::string> tier, std::optional<std::int64_t> hits = std::nullopt) {
    model::Schema s = schema([&](auto& b) {
        b.table("ITEMS");
        if (tier) {
            b.attribute(k_tier, *tier);
        }
        if (hits) {
            b.attribute(k_hits, *hits);
        }
    });
    s.tables.begin()->second.meta.location = {std::make_shared<const std::string>("side" + std::to_string(line) + ".sql"),
                                              static_cast<std::uint32_t>(line), 1};
    return s;
}

TEST(AttributeRow, MergeTakesOneSidesChange) {
    MergeResult result = merge(side(1, "silver"), side(2, "silver"), side(3, "gold"));
    EXPECT_TRUE(result.conflicts.empty());
    EXPECT_EQ(result.merged.tables.begin()->second.meta.attributes.text(k_tier), "gold");
    result = merge(side(1, "silver"), side(2, std::nullopt), side(3, "silver"));
    EXPECT_TRUE(result.conflicts.empty());
    EXPECT_FALSE(result.merged.tables.begin()->second.meta.attributes.has(k_tier)) << "ours reset it";
    result = merge(side(1, "silver"), side(2, "gold"), side(3, "gold"));
    EXPECT_TRUE(result.conflicts.empty()) << "the same change on both sides";
}

TEST(AttributeRow, BothSidesChangingItDifferentlyConflictNamingIt) {
    MergeResult result = merge(side(1, "silver"), side(2, "gold"), side(3, "bronze"));
    ASSERT_EQ(result.conflicts.size(), 1U);
    const Conflict& c = result.conflicts.front();
    EXPECT_EQ(c.kind, ConflictKind::both_modified);
    EXPECT_EQ(c.object.to_string(), "table MAIN.ITEMS");
    EXPECT_EQ(c.attribute, "tier");
    EXPECT_EQ(c.base.value, std::optional<std::string>("silver"));
    EXPECT_EQ(c.ours.value, std::optional<std::string>("gold"));
    EXPECT_EQ(c.theirs.value, std::optional<std::string>("bronze"));
    EXPECT_EQ(c.ours.location.line, 2U);
    EXPECT_EQ(c.theirs.location.line, 3U);
    EXPECT_EQ(c.explanation, "Both sides changed the tier of table MAIN.ITEMS differently.");
    EXPECT_EQ(result.merged.tables.begin()->second.meta.attributes.text(k_tier), "gold") << "ours is kept";

    // A resolution picks a side, as for any other attribute.
    MergeOptions prefer;
    prefer.prefer = Preference::theirs;
    result = merge(side(1, "silver"), side(2, "gold"), side(3, "bronze"), prefer);
    EXPECT_TRUE(result.conflicts.empty());
    EXPECT_EQ(result.merged.tables.begin()->second.meta.attributes.text(k_tier), "bronze");
}

TEST(AttributeRow, ARowThatIsNotComparedNeverConflicts) {
    MergeResult result = merge(side(1, "silver", 1), side(2, "silver", 2), side(3, "silver", 3));
    EXPECT_TRUE(result.conflicts.empty());
    EXPECT_EQ(result.merged.tables.begin()->second.meta.attributes.integer(k_hits), 2) << "ours when both changed";
    result = merge(side(1, "silver", 1), side(2, "silver", 1), side(3, "silver", 3));
    EXPECT_EQ(result.merged.tables.begin()->second.meta.attributes.integer(k_hits), 3);
}

TEST(AttributeRow, JsonListsTypedValuesUnderTheRowsNames) {
    model::Schema s = schema([](auto& b) {
        b.table("ITEMS").attribute(k_tier, std::string("gold")).attribute(k_hits, std::int64_t{42});
        b.column("NOTE", "TEXT").attribute(k_masked, true);
        b.index("ITEMS_NAME", "ITEMS", {"NAME"}).attribute(k_tuning, AttributeOptions{{"fill", "70"}, {"pad", "on"}});
        b.sequence("ITEM_IDS").attribute(k_step, std::int64_t{10});
    });
    std::string json = model::to_json(s);
    EXPECT_NE(json.find(R"("attributes": {
        "tier": "gold"
      })"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"("attributes": {
            "masked": true
          })"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"("attributes": {
        "tuning": {
          "fill": "70",
          "pad": "on"
        }
      })"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find(R"("attributes": {
        "step_hint": 10
      })"),
              std::string::npos)
        << json;
    EXPECT_EQ(json.find("hits"), std::string::npos) << "a row that is not compared is not part of the model's JSON";
    EXPECT_EQ(model::to_json(schema()).find("attributes"), std::string::npos) << "omitted when empty";
}

}  // namespace
}  // namespace schemerge::diff
