// run_merge_job with a LoadCache (what `fold` does across targets): inputs whose files equal
// the last job's base or theirs are taken from the cache instead of loaded again, and the
// results are exactly those of jobs run without it.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/dialect_registry.hpp"
#include "cli/merge_job.hpp"

namespace schemerge::cli {
namespace {

parser::SourceFile file(const std::string& name, const std::string& text) {
    return {std::make_shared<const std::string>(name), text};
}

const std::string k_base = "create table customers (id int primary key, email text);\n"
                           "create table orders (id int primary key, customer_id int references customers);\n";
const std::string k_hotfix = k_base + "create index orders_customer_id_idx on orders (customer_id);\n";
const std::string k_main = k_base + "create table audit_log (id bigint primary key, at timestamptz);\n";
const std::string k_develop = k_base + "alter table customers add column phone text;\n";
const std::string k_release = "create table customers (id int primary key, email varchar(254));\n"
                              "create table orders (id int primary key, customer_id int references customers);\n";

std::vector<std::vector<parser::SourceFile>> inputs(const std::string& base_label, const std::string& base,
                                                    const std::string& ours_label, const std::string& ours) {
    return {{file(base_label + ":schema.sql", base)},
            {file(ours_label + ":schema.sql", ours)},
            {file("hotfix:schema.sql", k_hotfix)}};
}

// What a job produced, as text: the merged schema and both plans.
std::string outcome(const MergeJob& job) {
    const Dialect& d = default_dialect();
    return d.emit_schema(job.result.merged, {}) + "\n--ours--\n" + d.render_plan(job.ours_plan) + "\n--theirs--\n" +
           d.render_plan(job.theirs_plan);
}

std::string uncached(const std::vector<std::vector<parser::SourceFile>>& in) {
    MergeJobOptions options;
    auto job = run_merge_job(in, options);
    EXPECT_TRUE(job.has_value());
    return job ? outcome(*job) : std::string{};
}

// Every case starts as `fold` does: the first target (main, merge base 1a2b3c4) merged
// with the cache, its base and hotfix models then kept for the next target.
class MergeJobCache : public ::testing::Test {
protected:
    void SetUp() override {
        options.cache = &cache;
        auto first = run_merge_job(inputs("1a2b3c4", k_base, "main", k_main), options);
        ASSERT_TRUE(first.has_value());
        EXPECT_EQ(cache.hits, 0U);
        EXPECT_TRUE(first->result.clean());
        first_outcome = outcome(*first);
        keep_for_next_job(cache, *first);
        EXPECT_TRUE(first->loaded.empty());
    }
    LoadCache cache;
    MergeJobOptions options;
    std::string first_outcome;
};

TEST_F(MergeJobCache, LaterTargetsTakeTheHotfixAndASharedBaseFromTheCache) {
    EXPECT_EQ(first_outcome, uncached(inputs("1a2b3c4", k_base, "main", k_main)));
    EXPECT_EQ(cache.entries.size(), 2U);  // the base and the hotfix

    // Same merge base, same hotfix: both come from the cache, only develop is loaded.
    auto second = run_merge_job(inputs("1a2b3c4", k_base, "develop", k_develop), options);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(cache.hits, 2U);
    EXPECT_EQ(outcome(*second), uncached(inputs("1a2b3c4", k_base, "develop", k_develop)));
    ASSERT_EQ(second->loaded.size(), 3U);
    ASSERT_EQ(second->loaded[2].schema.indexes.size(), 1U);  // the hotfix's index, from the cache
    EXPECT_EQ(second->loaded[2].schema.indexes.begin()->first.name, "orders_customer_id_idx");
    keep_for_next_job(cache, *second);

    // Another merge base (other text under another label): only the hotfix is reused.
    auto third = run_merge_job(inputs("9f8e7d6", k_release, "release", k_release), options);
    ASSERT_TRUE(third.has_value());
    EXPECT_EQ(cache.hits, 3U);
    EXPECT_EQ(outcome(*third), uncached(inputs("9f8e7d6", k_release, "release", k_release)));
}

TEST_F(MergeJobCache, SameTextUnderAnotherNameIsNotReused) {
    // A model's locations name its file: the same text read as another file is loaded again.
    auto second = run_merge_job(inputs("main", k_base, "develop", k_develop), options);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(cache.hits, 1U);  // the hotfix only
    EXPECT_EQ(*second->loaded[0].schema.tables.begin()->second.meta.location.file, "main:schema.sql");
}

TEST_F(MergeJobCache, AnInputErrorIsReportedAfterACachedJob) {
    auto broken = run_merge_job(inputs("1a2b3c4", k_base, "develop", "create tabel oops (id int);\n"), options);
    ASSERT_FALSE(broken.has_value());
    ASSERT_FALSE(broken.error().diagnostics.empty());
    EXPECT_NE(broken.error().diagnostics.front().message.find("syntax error"), std::string::npos);
    EXPECT_TRUE(cache.entries.empty());  // the kept models went to the failed job, none is left over
}

// The merged schema's dependency graph is built once, for both plans, and handed out for
// the merged dump: it is the graph of the merged schema, and dumping with it writes what
// dumping without it writes.
TEST(MergeJob, KeepsTheMergedSchemasGraph) {
    auto job = run_merge_job(inputs("1a2b3c4", k_base, "develop", k_develop + "create view v as select id from customers;\n"),
                             MergeJobOptions{});
    ASSERT_TRUE(job.has_value());
    ASSERT_NE(job->merged_graph, nullptr);
    const model::DependencyGraph rebuilt = model::DependencyGraph::build(job->result.merged);
    EXPECT_EQ(job->merged_graph->node_count(), rebuilt.node_count());
    EXPECT_EQ(job->merged_graph->edge_count(), rebuilt.edge_count());
    EXPECT_GT(rebuilt.edge_count(), 0U);
    const model::ObjectKey view{model::ObjectKind::view, "public", "v", "", ""};
    EXPECT_EQ(job->merged_graph->dependencies_of(view).size(), rebuilt.dependencies_of(view).size());
    EXPECT_FALSE(rebuilt.dependencies_of(view).empty());
    synth::EmitOptions emit;
    emit.graph = job->merged_graph.get();
    const Dialect& d = default_dialect();
    EXPECT_EQ(d.emit_schema(job->result.merged, emit), d.emit_schema(job->result.merged, {}));
}

}  // namespace
}  // namespace schemerge::cli
