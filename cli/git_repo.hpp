#pragma once
#include <expected>
#include <memory>
#include <string>
#include <vector>

namespace schemerge::cli {

// A commit resolved from a user's revision text (branch, tag, sha, HEAD~1, ...).
struct GitCommit {
    std::string revision;  // as the user wrote it
    std::string sha;       // 40 hex digits
    [[nodiscard]] std::string short_sha() const { return sha.substr(0, 7); }
};

// What a path names inside a commit's tree: one blob, or the blobs of a directory.
struct GitFile {
    std::string path;  // '/'-separated, relative to the directory read (for a blob: its repository path)
    std::string content;
};

struct GitPathContent {
    bool is_directory = false;
    std::vector<GitFile> files;  // one file for a blob; every blob under the directory otherwise
};

// The merge base of two commits, and the others when the history is criss-crossed.
struct GitMergeBase {
    GitCommit chosen;
    std::vector<std::string> all;  // every merge base's sha (size > 1: criss-cross)
};

// A read-only view of a git repository through libgit2: nothing is checked out and
// nothing is written, so bare repositories work the same. Errors are one-line
// messages naming the revision or path.
class GitRepository {
public:
    // Opens the repository containing `directory` (searching upwards, like git).
    [[nodiscard]] static std::expected<GitRepository, std::string> open(const std::string& directory);

    GitRepository(GitRepository&&) noexcept;
    GitRepository& operator=(GitRepository&&) noexcept;
    GitRepository(const GitRepository&) = delete;
    GitRepository& operator=(const GitRepository&) = delete;
    ~GitRepository();

    // The working directory ("" for a bare repository) and the .git directory.
    [[nodiscard]] const std::string& workdir() const;
    [[nodiscard]] const std::string& git_dir() const;

    [[nodiscard]] std::expected<GitCommit, std::string> resolve(const std::string& revision) const;
    // `path` is relative to the repository root ("" or "." = the root directory).
    [[nodiscard]] std::expected<GitPathContent, std::string> read(const GitCommit& commit, const std::string& path) const;
    [[nodiscard]] std::expected<GitMergeBase, std::string> merge_base(const GitCommit& a, const GitCommit& b) const;

private:
    struct Impl;
    explicit GitRepository(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// PATH of a REF:PATH as a path from the repository's root: "./x" and "../x" are relative to
// `cwd_prefix` (the working directory's path inside the work tree), others to the root;
// "//", "/./" and "a/../" collapse. Error: a path that leaves the repository.
[[nodiscard]] std::expected<std::string, std::string> repository_path(const std::string& path,
                                                                      const std::string& cwd_prefix);

// git's own line-based three-way merge of one file's text (libgit2's git_merge_file,
// the merge `git merge` would do): the merged text, with conflict markers labelled by
// the `*_label`s when `clean` is false.
struct LineMergeResult {
    bool clean = false;
    std::string text;
};
[[nodiscard]] std::expected<LineMergeResult, std::string> line_merge(const std::string& base, const std::string& ours,
                                                                     const std::string& theirs,
                                                                     const std::string& ours_label,
                                                                     const std::string& theirs_label);

}  // namespace schemerge::cli
