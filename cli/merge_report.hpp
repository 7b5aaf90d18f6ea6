#pragma once
#include <functional>
#include <optional>
#include <string>

#include "cli/dialect.hpp"
#include "diff/three_way_merge.hpp"
#include "diff/two_way_diff.hpp"
#include "model/schema.hpp"
#include "synth/plan.hpp"

namespace schemerge::cli {

// One side's migration to the merged schema: the diff it was planned from (for the
// locations of the changed objects) and the plan.
struct SidePlan {
    std::string name;  // the input as given on the command line
    const diff::DiffResult* diff = nullptr;
    const synth::Plan* plan = nullptr;
    std::string label;  // how reports name the side ("develop"); empty = "ours" / "theirs"
};

// What a `merge` report shows.
struct MergeReport {
    std::string base_name;
    const diff::MergeResult* result = nullptr;
    SidePlan ours;
    SidePlan theirs;
    // SARIF artifact URI of a location's file; empty = sarif_uri (relative to the working
    // directory). Git sources map "REF:PATH" to the repository path.
    std::function<std::string(const std::string&)> uri_for;
    // SARIF and GitHub annotations: also report the hazards of theirs' plan (`check` reports
    // only the plan the target branch's environment runs).
    bool annotate_theirs_plan = true;
    // When set (`check`), annotations (SARIF, GitHub) point into this schema's files only:
    // a step is located at its object's definition there (or its table's), a conflict at
    // this side's definition; what the schema lacks is reported without a location.
    const model::Schema* annotate_in = nullptr;
    // SARIF: where a result with no location of its own is placed (code-scanning uploads
    // reject results without one), e.g. line 1 of the head branch's schema file.
    std::optional<model::SourceLocation> fallback_location;
    // Hazard ids that fail the run (`check`): reported as errors instead of warnings.
    std::vector<std::string> failing_hazards;
    // Renders the plans' scripts (markdown); null = the default dialect.
    const Dialect* dialect = nullptr;
};

// Conflicts first ("CONFLICT (kind) object [attribute]: explanation" with the base, ours
// and theirs values and lines and a suggested resolution), or "merged cleanly"; then each
// side's plan as a list of steps with their hazards.
[[nodiscard]] std::string render_merge_text(const MergeReport& report);

// {"conflicts":[{kind, object, object_kind, attribute, base:{value, location}, ours, theirs,
//  explanation, resolution}], "clean", "plans":{"ours":{input, steps, notes}, "theirs":...}}
// with steps as in `diff --format json`; location = {file, line, column} or null.
[[nodiscard]] std::string render_merge_json(const MergeReport& report);

// A pull-request comment: verdict, conflicts table with both sides' lines, hazards,
// both plans in ```sql blocks.
[[nodiscard]] std::string render_merge_markdown(const MergeReport& report);

// SARIF 2.1.0: one rule per conflict kind and hazard id; conflicts are errors located at
// the ours and theirs definitions, hazards warnings at the changed object's definition.
[[nodiscard]] std::string render_merge_sarif(const MergeReport& report);

// GitHub Actions workflow commands, one per line: `::error file=F,line=L,col=C,title=schemerge
// KIND::message` for each conflict (located at theirs' definition, else ours'), `::warning`
// (or `::error` for failing_hazards) for each hazard of the plans, at the changed object.
[[nodiscard]] std::string render_merge_github(const MergeReport& report);
// One workflow command without a location (`::error title=T::message`), escaped.
[[nodiscard]] std::string render_github_message(const char* level, const std::string& title,
                                                const std::string& message);

}  // namespace schemerge::cli
