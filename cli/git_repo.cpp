#include "cli/git_repo.hpp"

#include <git2.h>

#include <filesystem>
#include <mutex>
#include <utility>

#include <fmt/format.h>

namespace schemerge::cli {

namespace {

void init_libgit2() {
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });  // released by the process's exit
}

std::string last_git_error() {
    const git_error* e = git_error_last();
    return e != nullptr && e->message != nullptr ? std::string(e->message) : std::string("unknown libgit2 error");
}

// unique_ptr deleters for libgit2's handles.
struct ObjectFree {
    void operator()(git_object* p) const { git_object_free(p); }
};
struct TreeFree {
    void operator()(git_tree* p) const { git_tree_free(p); }
};
struct CommitFree {
    void operator()(git_commit* p) const { git_commit_free(p); }
};
struct EntryFree {
    void operator()(git_tree_entry* p) const { git_tree_entry_free(p); }
};
struct BlobFree {
    void operator()(git_blob* p) const { git_blob_free(p); }
};
using ObjectPtr = std::unique_ptr<git_object, ObjectFree>;
using TreePtr = std::unique_ptr<git_tree, TreeFree>;
using CommitPtr = std::unique_ptr<git_commit, CommitFree>;
using EntryPtr = std::unique_ptr<git_tree_entry, EntryFree>;
using BlobPtr = std::unique_ptr<git_blob, BlobFree>;

std::string oid_text(const git_oid& oid) {
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return buffer;
}

}  // namespace

std::expected<std::string, std::string> repository_path(const std::string& path, const std::string& cwd_prefix) {
    // Like git: "./x" and "../x" are relative to the working directory, anything else to
    // the repository's root; "//", "/./" and "a/../" collapse.
    const bool relative = path == "." || path == ".." || path.starts_with("./") || path.starts_with("../");
    std::string joined = relative ? cwd_prefix + "/" + path : path;
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (at <= joined.size()) {
        std::size_t next = joined.find('/', at);
        if (next == std::string::npos) {
            next = joined.size();
        }
        std::string part = joined.substr(at, next - at);
        if (part == "..") {
            if (parts.empty()) {
                return std::unexpected(fmt::format("path '{}' leaves the repository", path));
            }
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(std::move(part));
        }
        at = next + 1;
    }
    std::string out;
    for (const auto& part : parts) {
        out += (out.empty() ? "" : "/") + part;
    }
    return out;
}

struct GitRepository::Impl {
    git_repository* repo = nullptr;
    std::string workdir;
    std::string git_dir;
    ~Impl() { git_repository_free(repo); }

    std::expected<CommitPtr, std::string> commit(const GitCommit& c) const {
        git_oid oid;
        if (git_oid_fromstr(&oid, c.sha.c_str()) != 0) {
            return std::unexpected(fmt::format("invalid commit id '{}'", c.sha));
        }
        git_commit* out = nullptr;
        if (git_commit_lookup(&out, repo, &oid) != 0) {
            return std::unexpected(fmt::format("cannot read commit {} ('{}'): {}", c.short_sha(), c.revision,
                                               last_git_error()));
        }
        return CommitPtr(out);
    }
};

GitRepository::GitRepository(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitRepository::GitRepository(GitRepository&&) noexcept = default;
GitRepository& GitRepository::operator=(GitRepository&&) noexcept = default;
GitRepository::~GitRepository() = default;

const std::string& GitRepository::workdir() const { return impl_->workdir; }
const std::string& GitRepository::git_dir() const { return impl_->git_dir; }

std::expected<GitRepository, std::string> GitRepository::open(const std::string& directory) {
    init_libgit2();
    auto impl = std::make_unique<Impl>();
    const int rc = git_repository_open_ext(&impl->repo, directory.c_str(), 0, nullptr);
    if (rc == GIT_EOWNER || (rc == GIT_ENOTFOUND && last_git_error().find("safe.directory") != std::string::npos)) {
        std::error_code ec;
        return std::unexpected(fmt::format(
            "the git repository at {} belongs to another user, and git refuses such repositories ('dubious "
            "ownership'); if you trust it: git config --global --add safe.directory <its top directory>",
            std::filesystem::absolute(directory, ec).lexically_normal().string()));
    }
    if (rc != 0 && rc != GIT_ENOTFOUND) {
        return std::unexpected(fmt::format("cannot open the git repository at {}: {}", directory, last_git_error()));
    }
    if (rc != 0) {
        std::error_code ec;
        auto shown = std::filesystem::absolute(directory, ec).lexically_normal().string();
        return std::unexpected(fmt::format("not a git repository (or any of the parent directories): {}",
                                           ec ? directory : shown));
    }
    if (const char* w = git_repository_workdir(impl->repo); w != nullptr) {
        impl->workdir = w;
    }
    if (const char* g = git_repository_path(impl->repo); g != nullptr) {
        impl->git_dir = g;
    }
    return GitRepository(std::move(impl));
}

std::expected<GitCommit, std::string> GitRepository::resolve(const std::string& revision) const {
    if (revision.empty()) {
        return std::unexpected(std::string("empty revision: expected a branch, tag or commit before ':'"));
    }
    git_object* object = nullptr;
    if (const int rc = git_revparse_single(&object, impl_->repo, revision.c_str()); rc != 0) {
        if (rc == GIT_ENOTFOUND) {
            return std::unexpected(fmt::format("unknown revision '{}' in the repository at {}", revision,
                                               impl_->workdir.empty() ? impl_->git_dir : impl_->workdir));
        }
        return std::unexpected(fmt::format("cannot resolve revision '{}': {}", revision, last_git_error()));
    }
    ObjectPtr owned(object);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) {
        return std::unexpected(fmt::format("revision '{}' does not name a commit", revision));
    }
    ObjectPtr peeled_owned(peeled);
    return GitCommit{revision, oid_text(*git_object_id(peeled))};
}

namespace {

struct WalkState {
    git_repository* repo = nullptr;
    std::vector<GitFile>* files = nullptr;
    std::string error;
};

bool is_sql_name(std::string_view name) {
    if (name.size() < 4) {
        return false;
    }
    std::string ext(name.substr(name.size() - 4));
    for (char& c : ext) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return ext == ".sql";
}

// git_tree_walk's callback (C code calls it: nothing may throw through it). Collects the
// .sql blobs; hidden directories are skipped, as on disk; a symbolic link to a .sql file
// is an error (its blob holds the link's target, not SQL).
int collect_blob(const char* root, const git_tree_entry* entry, void* payload) {
    auto* state = static_cast<WalkState*>(payload);
    try {
        const std::string_view name = git_tree_entry_name(entry);
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
            return name.starts_with('.') ? 1 : 0;  // positive: skip this subtree
        }
        if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB || !is_sql_name(name)) {
            return 0;  // submodules (commits) and other files
        }
        if (git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK) {
            state->error = fmt::format("'{}{}' is a symbolic link; schemerge reads files and directories only", root,
                                       name);
            return -1;
        }
        git_blob* blob = nullptr;
        if (git_blob_lookup(&blob, state->repo, git_tree_entry_id(entry)) != 0) {
            state->error = last_git_error();
            return -1;
        }
        BlobPtr owned(blob);
        const auto* data = static_cast<const char*>(git_blob_rawcontent(blob));
        state->files->push_back(GitFile{std::string(root) + std::string(name),
                                        std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob)))});
        return 0;
    } catch (const std::exception& e) {
        state->error = e.what();
        return -1;
    }
}

}  // namespace

std::expected<GitPathContent, std::string> GitRepository::read(const GitCommit& commit, const std::string& raw_path) const {
    auto c = impl_->commit(commit);
    if (!c) {
        return std::unexpected(c.error());
    }
    git_tree* tree_raw = nullptr;
    if (git_commit_tree(&tree_raw, c->get()) != 0) {
        return std::unexpected(fmt::format("cannot read the tree of '{}': {}", commit.revision, last_git_error()));
    }
    TreePtr tree(tree_raw);
    const std::string& path = raw_path;  // callers pass repository_path() output
    TreePtr directory;
    if (path.empty()) {
        directory = std::move(tree);
    } else {
        git_tree_entry* entry_raw = nullptr;
        if (git_tree_entry_bypath(&entry_raw, tree.get(), path.c_str()) != 0) {
            return std::unexpected(fmt::format("path '{}' does not exist at '{}' (commit {})", path, commit.revision,
                                               commit.short_sha()));
        }
        EntryPtr entry(entry_raw);
        const auto type = git_tree_entry_type(entry.get());
        if (git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK) {
            return std::unexpected(fmt::format("path '{}' at '{}' is a symbolic link; schemerge reads files and "
                                               "directories only (name the link's target)",
                                               path, commit.revision));
        }
        if (type == GIT_OBJECT_BLOB) {
            git_blob* blob = nullptr;
            if (git_blob_lookup(&blob, impl_->repo, git_tree_entry_id(entry.get())) != 0) {
                return std::unexpected(fmt::format("cannot read '{}' at '{}': {}", path, commit.revision, last_git_error()));
            }
            BlobPtr owned(blob);
            const auto* data = static_cast<const char*>(git_blob_rawcontent(blob));
            GitPathContent out;
            out.files.push_back(GitFile{path, std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob)))});
            return out;
        }
        if (type != GIT_OBJECT_TREE) {
            return std::unexpected(fmt::format("path '{}' at '{}' is neither a file nor a directory (a submodule?)", path,
                                               commit.revision));
        }
        git_object* object = nullptr;
        if (git_tree_entry_to_object(&object, impl_->repo, entry.get()) != 0) {
            return std::unexpected(fmt::format("cannot read '{}' at '{}': {}", path, commit.revision, last_git_error()));
        }
        directory.reset(reinterpret_cast<git_tree*>(object));
    }
    GitPathContent out;
    out.is_directory = true;
    WalkState state{impl_->repo, &out.files, {}};
    if (git_tree_walk(directory.get(), GIT_TREEWALK_PRE, collect_blob, &state) != 0) {
        return std::unexpected(fmt::format("cannot read directory '{}' at '{}': {}", path.empty() ? "." : path,
                                           commit.revision, state.error.empty() ? last_git_error() : state.error));
    }
    return out;
}

std::expected<GitMergeBase, std::string> GitRepository::merge_base(const GitCommit& a, const GitCommit& b) const {
    git_oid oa;
    git_oid ob;
    git_oid_fromstr(&oa, a.sha.c_str());
    git_oid_fromstr(&ob, b.sha.c_str());
    git_oidarray bases{};
    const int rc = git_merge_bases(&bases, impl_->repo, &oa, &ob);
    if (rc == GIT_ENOTFOUND || (rc == 0 && bases.count == 0)) {
        git_oidarray_dispose(&bases);
        return std::unexpected(fmt::format("'{}' and '{}' have no common ancestor (no merge base)", a.revision, b.revision));
    }
    if (rc != 0) {
        return std::unexpected(
            fmt::format("cannot find the merge base of '{}' and '{}': {}", a.revision, b.revision, last_git_error()));
    }
    GitMergeBase out;
    for (std::size_t i = 0; i < bases.count; ++i) {
        out.all.push_back(oid_text(bases.ids[i]));
    }
    git_oidarray_dispose(&bases);
    // The one `git merge-base` prints (libgit2 orders them the same way).
    git_oid chosen;
    if (git_merge_base(&chosen, impl_->repo, &oa, &ob) != 0) {
        return std::unexpected(
            fmt::format("cannot find the merge base of '{}' and '{}': {}", a.revision, b.revision, last_git_error()));
    }
    out.chosen = GitCommit{fmt::format("merge-base({}, {})", a.revision, b.revision), oid_text(chosen)};
    return out;
}

std::expected<LineMergeResult, std::string> line_merge(const std::string& base, const std::string& ours,
                                                       const std::string& theirs, const std::string& ours_label,
                                                       const std::string& theirs_label) {
    init_libgit2();
    git_merge_file_input inputs[3];
    for (auto& input : inputs) {
        git_merge_file_input_init(&input, GIT_MERGE_FILE_INPUT_VERSION);
    }
    inputs[0].ptr = base.data();
    inputs[0].size = base.size();
    inputs[1].ptr = ours.data();
    inputs[1].size = ours.size();
    inputs[1].path = ours_label.c_str();
    inputs[2].ptr = theirs.data();
    inputs[2].size = theirs.size();
    inputs[2].path = theirs_label.c_str();
    git_merge_file_options options;
    git_merge_file_options_init(&options, GIT_MERGE_FILE_OPTIONS_VERSION);
    options.our_label = ours_label.c_str();
    options.their_label = theirs_label.c_str();
    git_merge_file_result result{};
    if (git_merge_file(&result, &inputs[0], &inputs[1], &inputs[2], &options) != 0) {
        return std::unexpected("git's line merge failed: " + last_git_error());
    }
    LineMergeResult out{result.automergeable != 0, std::string(result.ptr, result.len)};
    git_merge_file_result_free(&result);
    return out;
}

}  // namespace schemerge::cli
