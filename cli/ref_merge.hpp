#pragma once
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "cli/git_repo.hpp"
#include "cli/merge_job.hpp"
#include "cli/sources.hpp"
#include "model/diagnostic.hpp"

namespace schemerge::cli {

// A three-way merge of one schema path between two commits of the repository, with
// their merge base as the base (`fold` and `check`).
struct RefMerge {
    GitMergeBase base;
    std::string base_label;  // the label base files carry in locations ("merge-base 1a2b3c4")
    MergeJob job;
    std::vector<model::Diagnostic> notes;  // criss-cross history, path absent at the base, skipped files
    std::string theirs_first_file;         // theirs' first file, as its label names it ("head:db/structure.sql")
};

// Reads PATH at merge-base(ours, theirs), ours and theirs, and merges them. A path absent
// at the merge base is an empty schema (with a note); absent on either side, an error.
// Several paths are read in order and form one schema (a structure.sql and a functions
// file, say).
[[nodiscard]] std::expected<RefMerge, model::Error> merge_refs(InputContext& context, const GitCommit& ours,
                                                               const GitCommit& theirs,
                                                               const std::vector<std::string>& paths,
                                                               const MergeJobOptions& options);

// The schema paths a command reads: its --path options, else [schema] path/paths. None
// is a printed error ("pass --path ...").
[[nodiscard]] std::optional<std::vector<std::string>> schema_paths(const std::vector<std::string>& given,
                                                                   const Config& config);

// "a.sql" or "a.sql, b.sql" for messages.
[[nodiscard]] std::string paths_text(const std::vector<std::string>& paths);

// A "LABEL:PATH" file name (as git sources label them) back to the repository path, for
// one of the given labels; other names are returned as they are.
[[nodiscard]] std::string repository_path_of(const std::string& file, const std::vector<std::string>& labels);

}  // namespace schemerge::cli
