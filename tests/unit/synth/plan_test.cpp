// The hazard catalog (synth/plan.hpp): the neutral ids plus a dialect's, in report order.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "synth/plan.hpp"
#include "synth/postgres/hazards.hpp"

namespace schemerge::synth {
namespace {

std::vector<std::string> ids(const std::vector<hazard::Description>& list) {
    std::vector<std::string> out;
    for (const auto& h : list) {
        out.emplace_back(h.id);
    }
    return out;
}

TEST(HazardCatalog, NeutralOnly) {
    EXPECT_EQ(ids(hazard::catalog()),
              (std::vector<std::string>{"data-loss", "table-rewrite", "validation-scan", "not-null-on-existing-column",
                                        "type-recreated", "dependents-recreated", "irreversible"}));
}

TEST(HazardCatalog, WithPostgresIsTheReadmeOrder) {
    // Reports, SARIF rules and the README list them in this order (it was one list before
    // the PostgreSQL ids moved to synth/postgres): keep it byte-identical.
    auto list = hazard::catalog(postgres::hazard::k_postgres);
    EXPECT_EQ(ids(list), (std::vector<std::string>{"data-loss", "table-rewrite", "access-exclusive-lock",
                                                   "blocking-index-build", "validation-scan",
                                                   "not-null-on-existing-column", "type-recreated",
                                                   "dependents-recreated", "irreversible"}));
    EXPECT_EQ(list[2].text, "The step takes an ACCESS EXCLUSIVE lock.");
    EXPECT_EQ(list[3].text, "The index is built without CONCURRENTLY and blocks writes.");
}

TEST(HazardCatalog, AKnownIdIsListedOnce) {
    const hazard::Description again[] = {{"data-loss", "other text", hazard::Group::manual},
                                         {"engine-x", "An engine's own hazard.", hazard::Group::data}};
    auto list = hazard::catalog(again);
    EXPECT_EQ(ids(list), (std::vector<std::string>{"data-loss", "engine-x", "table-rewrite", "validation-scan",
                                                   "not-null-on-existing-column", "type-recreated",
                                                   "dependents-recreated", "irreversible"}));
    EXPECT_EQ(list[0].text, "The step can lose data (dropped table or column, narrowing type, removed enum value).");
}

TEST(HazardCatalog, NeutralTextsSayNothingEngineSpecific) {
    for (const auto& h : hazard::k_neutral) {
        std::string text(h.text);
        EXPECT_EQ(text.find("CONCURRENTLY"), std::string::npos) << h.id;
        EXPECT_EQ(text.find("ACCESS EXCLUSIVE"), std::string::npos) << h.id;
    }
}

}  // namespace
}  // namespace schemerge::synth
