#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "cli/dialect.hpp"
#include "diff/two_way_diff.hpp"
#include "synth/plan.hpp"

namespace schemerge::cli {

// What a `diff` report shows: the inputs' names, the change set and the plan made from it.
struct PlanReport {
    std::string from_name;
    std::string to_name;
    const diff::DiffResult* diff = nullptr;
    const synth::Plan* plan = nullptr;
    const Dialect* dialect = nullptr;  // renders the plan's script (markdown)
};

// "public.t.c" for a column, "public.f(integer)" for a function: the key without its kind.
[[nodiscard]] std::string object_name(const model::ObjectKey& key);

// The one-line suggestion printed as a note:
// "public.a looks renamed to public.b (same columns); pass --rename table:public.a=b if so"
[[nodiscard]] std::string describe_suggestion(const diff::RenameSuggestion& suggestion,
                                              const model::DialectTraits& dialect);
// The `--rename` value that would apply a suggestion ("table:public.a=b"): names quoted as
// the dialect quotes them, the schema its default one when the suggestion has none.
[[nodiscard]] std::string rename_argument(const diff::RenameSuggestion& suggestion, const model::DialectTraits& dialect);

// {"changes":[{kind, object_kind, object, detail}], "steps":[{sql, change, hazards:[{id, message}],
//  transactional}], "notes":[...], "suggestions":[{kind, from, to, reason}]}
[[nodiscard]] std::string render_json(const PlanReport& report);

// The "steps" array of the JSON report, shared by `diff` and `merge`:
// [{sql, change, hazards:[{id, message}], transactional}].
[[nodiscard]] nlohmann::ordered_json plan_steps_json(const synth::Plan& plan);

// A fenced ```sql block holding `sql`, with a fence longer than any backtick run in it.
[[nodiscard]] std::string sql_block(std::string sql);

// A pull-request comment: title, counts, hazards, changes grouped by object, rename
// suggestions and the SQL script in a fenced block.
[[nodiscard]] std::string render_markdown(const PlanReport& report);

}  // namespace schemerge::cli
