#!/usr/bin/env bash
# REF:PATH sources read from git's object database: dump, diff and merge on branches, tags,
# shas and HEAD~1, files and directories at a ref, repositories found from the working
# directory or given with --repo (bare ones too); the repository is never changed; bad
# input (unknown ref, path missing at a ref, binary blob, not a repository) is one line
# naming the ref/path, exit 2, nothing written.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Print each group of checks as it starts (lib.sh only prints failures).
case_() { current="$1"; echo "-- $1"; }

# Deterministic repositories: no user/system git configuration, fixed identity and dates.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
tick=0
# commit_all DIR MESSAGE: commit everything in DIR's work tree at the next fixed date.
commit_all() {
  tick=$((tick + 1))
  git -C "$1" add -A
  GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000" \
    GIT_COMMITTER_DATE="$((1767225600 + tick * 3600)) +0000" \
    git -C "$1" -c commit.gpgsign=false commit -q -m "$2"
}
# repo_state DIR: everything a read-only command must leave as it was.
repo_state() {
  local gd
  gd="$(git -C "$1" rev-parse --absolute-git-dir)"
  {
    echo "HEAD: $(git -C "$1" symbolic-ref -q HEAD || true) $(git -C "$1" rev-parse HEAD)"
    git -C "$1" for-each-ref
    if [[ "$(git -C "$1" rev-parse --is-bare-repository)" == false ]]; then
      git -C "$1" status --porcelain --ignored
      (cd "$1" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum)
    fi
    # Nothing under the git directory written (objects, index, config, logs, locks).
    (cd "$gd" && find . -type f -print0 | sort -z | xargs -0 sha1sum)
  } >"$2"
}

# --- fixtures: the schema at three commits, and a directory of schema files -----------
mkdir -p "$T/v"
cat >"$T/v/v1.sql" <<'SQL'
create table customers (id int primary key, name text not null);
SQL
cat >"$T/v/v2.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), total numeric);
SQL
cat >"$T/v/v3.sql" <<'SQL'
create table customers (id int primary key, name text not null, email text);
create table orders (id int primary key, customer_id int references customers (id), total numeric);
create index orders_customer_idx on orders (customer_id);
SQL
# feature (from v2): a new table.
cat >"$T/v/feature.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), total numeric);
create table invoices (id int primary key, order_id int references orders (id));
SQL
mkdir -p "$T/v/dir1" "$T/v/dir3"
printf 'create type state as enum (%s);\n' "'new', 'done'" >"$T/v/dir1/01_types.sql"
printf 'create table jobs (id int primary key, s state not null);\n' >"$T/v/dir1/02_tables.sql"
cp "$T/v/dir1/"*.sql "$T/v/dir3/"
printf "create type state as enum ('new', 'running', 'done');\n" >"$T/v/dir3/01_types.sql"
printf 'create index jobs_s_idx on jobs (s);\n' >"$T/v/dir3/03_indexes.sql"

R="$T/repo"
git -c init.defaultBranch=main init -q "$R"
mkdir -p "$R/db"
cp "$T/v/v1.sql" "$R/db/schema.sql"
cp -r "$T/v/dir1" "$R/db/schema.d"
commit_all "$R" "v1"
git -C "$R" tag v1
git -C "$R" tag -a -m "annotated v1" v1-annotated
sha1="$(git -C "$R" rev-parse HEAD)"
cp "$T/v/v2.sql" "$R/db/schema.sql"
commit_all "$R" "v2"
sha2="$(git -C "$R" rev-parse HEAD)"
git -C "$R" checkout -q -b feature
cp "$T/v/feature.sql" "$R/db/schema.sql"
commit_all "$R" "feature: invoices"
git -C "$R" branch release/1.x
git -C "$R" checkout -q main
cp "$T/v/v3.sql" "$R/db/schema.sql"
rm -r "$R/db/schema.d"
cp -r "$T/v/dir3" "$R/db/schema.d"
commit_all "$R" "v3"
# Branch extras: a path with spaces and CRLF files (diagnostics must still count lines right).
git -C "$R" checkout -q -b extras
mkdir -p "$R/db/my schemas"
cp "$T/v/v3.sql" "$R/db/my schemas/v3 copy.sql"
sed 's/$/\r/' "$T/v/v3.sql" >"$R/db/crlf.sql"
printf 'create table a (id int);\r\ncreate tabel b (id int);\r\n' >"$R/db/crlf_bad.sql"
commit_all "$R" "spaces, CRLF"
git -C "$R" checkout -q main
# A commit on another branch with a syntax error on line 2, and one with a binary blob.
git -C "$R" checkout -q -b broken
printf 'create table a (id int);\ncreate tabel b (id int);\n' >"$R/db/schema.sql"
printf 'create table x (id int);\n\0\0binary\n' >"$R/db/blob.sql"
commit_all "$R" "broken"
git -C "$R" checkout -q main
# An uncommitted change in the work tree: reading refs must neither use nor touch it.
printf 'create table local_only (id int);\n' >"$R/db/schema.sql"

# expected NAME ARGS...: schemerge ARGS on disk files, output kept in $T/exp_NAME.
expected() {
  local name="$1"
  shift
  run "$@"
  if [[ "$rc" != 0 ]]; then
    fail "reference run on disk files failed: schemerge $*"
  fi
  cp "$T/out" "$T/exp_$name"
}
expect_stdout_as() {
  expect_same_file "$T/exp_$1" "$T/out" "${2:-output differs from the same command on disk files}"
}

expected v1 dump "$T/v/v1.sql"
expected v2 dump "$T/v/v2.sql"
expected v3 dump "$T/v/v3.sql"
expected feature dump "$T/v/feature.sql"
expected dir1 dump "$T/v/dir1"
expected dir3 dump "$T/v/dir3"
expected diff13 diff "$T/v/v1.sql" "$T/v/v3.sql"
expected merge merge "$T/v/v2.sql" "$T/v/v3.sql" "$T/v/feature.sql" --schema-out "$T/exp_merged.sql" \
  --plan-ours "$T/exp_plan_ours.sql" --plan-theirs "$T/exp_plan_theirs.sql"

repo_state "$R" "$T/state_before"
cd "$R"

case_ "dump REF:PATH from the work tree's repository: branch, tag, sha, HEAD~1, annotated tag"
run dump main:db/schema.sql
expect_rc 0
expect_stdout_as v3 "main:db/schema.sql is not the committed v3 (the uncommitted work-tree file was read?)"
run dump v1:db/schema.sql
expect_rc 0
expect_stdout_as v1 "tag v1"
run dump v1-annotated:db/schema.sql
expect_rc 0
expect_stdout_as v1 "annotated tag v1-annotated"
run dump "$sha2:db/schema.sql"
expect_rc 0
expect_stdout_as v2 "full sha of v2"
run dump "${sha1:0:10}:db/schema.sql"
expect_rc 0
expect_stdout_as v1 "abbreviated sha of v1"
run dump HEAD~1:db/schema.sql
expect_rc 0
expect_stdout_as v2 "HEAD~1"
run dump HEAD:db/schema.sql
expect_rc 0
expect_stdout_as v3 "HEAD"
run dump feature:db/schema.sql
expect_rc 0
expect_stdout_as feature "branch feature"
run dump release/1.x:db/schema.sql
expect_rc 0
expect_stdout_as feature "branch release/1.x (a slash in the ref)"
run dump refs/heads/feature:db/schema.sql
expect_rc 0
expect_stdout_as feature "full ref name refs/heads/feature"
run dump "feature^:db/schema.sql"
expect_rc 0
expect_stdout_as v2 "feature^"
run dump main:./db/schema.sql
expect_rc 0
expect_stdout_as v3 "main:./db/schema.sql"

case_ "paths with spaces, CRLF files"
run dump "extras:db/my schemas/v3 copy.sql"
expect_rc 0
expect_stdout_as v3 "a path with spaces"
run dump extras:db/crlf.sql
expect_rc 0
expect_stdout_as v3 "a CRLF file"
run dump extras:db/crlf_bad.sql
expect_rc 2
expect_stderr '^extras:db/crlf_bad\.sql:2:8: error: ' "the syntax error on line 2, column 8 of a CRLF file"

case_ "dump REF:DIR: a directory of schema files at a ref"
run dump main:db/schema.d
expect_rc 0
expect_stdout_as dir3 "main:db/schema.d"
run dump v1:db/schema.d
expect_rc 0
expect_stdout_as dir1 "v1:db/schema.d"
run dump main:db/schema.d/
expect_rc 0
expect_stdout_as dir3 "main:db/schema.d/ (trailing slash)"

case_ "the repository is found from a subdirectory of the work tree"
cd "$R/db"
run dump main:db/schema.sql
expect_rc 0
expect_stdout_as v3 "run from db/"
cd "$R"

case_ "-o with a REF:PATH source writes the file"
run dump v1:db/schema.sql -o "$T/o_v1.sql"
expect_rc 0
expect_same_file "$T/exp_v1" "$T/o_v1.sql" "dump -o of v1:db/schema.sql"

case_ "diff REF:PATH REF:PATH"
run diff v1:db/schema.sql main:db/schema.sql
expect_rc 0
expect_stdout_as diff13 "diff v1 main"
run diff v1:db/schema.sql "$T/v/v3.sql"
expect_rc 0
expect_stdout_as diff13 "diff with one git and one disk source"

case_ "merge with three REF:PATH sources"
run merge "$sha2:db/schema.sql" main:db/schema.sql feature:db/schema.sql --schema-out "$T/m.sql" \
  --plan-ours "$T/po.sql" --plan-theirs "$T/pt.sql"
expect_rc 0
expect_same_file "$T/exp_merged.sql" "$T/m.sql" "merged schema from refs"
expect_same_file "$T/exp_plan_ours.sql" "$T/po.sql" "plan-ours from refs"
expect_same_file "$T/exp_plan_theirs.sql" "$T/pt.sql" "plan-theirs from refs"

case_ "diagnostics in a git file are named REF:PATH:LINE:COL"
run dump broken:db/schema.sql
expect_rc 2
expect_stderr '^broken:db/schema\.sql:2:[0-9]+: error: ' "the syntax error on line 2 of broken:db/schema.sql"

case_ "--repo DIR from outside the repository"
cd "$T"
run dump main:db/schema.sql --repo "$R"
expect_rc 0
expect_stdout_as v3 "dump --repo"
run diff v1:db/schema.sql main:db/schema.sql --repo "$R"
expect_rc 0
expect_stdout_as diff13 "diff --repo"
run merge "$sha2:db/schema.sql" main:db/schema.sql feature:db/schema.sql --repo "$R" --schema-out "$T/m2.sql"
expect_rc 0
expect_same_file "$T/exp_merged.sql" "$T/m2.sql" "merge --repo"

case_ "a bare repository (git clone --bare), with --repo and as the working directory"
git clone -q --bare "$R" "$T/bare.git"
repo_state "$T/bare.git" "$T/bare_before"
run dump main:db/schema.sql --repo "$T/bare.git"
expect_rc 0
expect_stdout_as v3 "bare repo, --repo"
run dump v1:db/schema.d --repo "$T/bare.git"
expect_rc 0
expect_stdout_as dir1 "bare repo, directory at a tag"
run diff v1:db/schema.sql main:db/schema.sql --repo "$T/bare.git"
expect_rc 0
expect_stdout_as diff13 "bare repo, diff"
cd "$T/bare.git"
run dump feature:db/schema.sql
expect_rc 0
expect_stdout_as feature "bare repo as the working directory"
cd "$T"
repo_state "$T/bare.git" "$T/bare_after"
expect_same_file "$T/bare_before" "$T/bare_after" "the bare repository changed"

case_ "a linked work tree (git worktree add: .git is a file)"
git -C "$R" worktree add -q "$T/wt" feature 2>/dev/null
repo_state "$R" "$T/state_before_wt"
cd "$T/wt"
run dump main:db/schema.sql
expect_rc 0
expect_stdout_as v3 "from a linked work tree"
run dump HEAD:db/schema.sql
expect_rc 0
expect_stdout_as feature "HEAD of the linked work tree is feature"
cd "$T"
repo_state "$R" "$T/state_after_wt"
expect_same_file "$T/state_before_wt" "$T/state_after_wt" "reading from a linked work tree changed the repository"
git -C "$R" worktree remove --force "$T/wt"
git -C "$R" worktree prune

case_ "a path that exists on disk wins over REF:PATH"
mkdir -p "$T/colon/main:db"
cp "$T/v/feature.sql" "$T/colon/main:db/schema.sql"
cd "$T/colon"
run dump main:db/schema.sql --repo "$R"
expect_rc 0
expect_stdout_as feature "the file on disk named main:db/schema.sql was not the one read"
cd "$R"

# bad SOURCE ERE_ARGS...: exit 2, one stderr line matching each ERE, -o file not written.
bad_dump() {
  local src="$1"
  shift
  rm -f "$T/bad_out.sql"
  run dump "$src" -o "$T/bad_out.sql"
  expect_rc 2
  expect_stderr_lines 1
  local re
  for re in "$@"; do
    expect_stderr "$re"
  done
  expect_true "output file written despite the error" test ! -e "$T/bad_out.sql"
}

case_ "unknown ref: exit 2, one line naming it, nothing written"
bad_dump nope:db/schema.sql "error: unknown revision 'nope'"
case_ "path missing at a ref: names the path and the ref"
bad_dump v1:db/missing.sql 'db/missing\.sql' "v1"
case_ "path that exists on another branch only"
bad_dump v1:db/blob.sql 'db/blob\.sql' "v1"
case_ "binary blob: REF:PATH:L:C: error: binary file"
bad_dump broken:db/blob.sql '^broken:db/blob\.sql:[0-9]+:[0-9]+: error: binary file'
case_ "not a repository (working directory)"
mkdir -p "$T/norepo"
cd "$T/norepo"
GIT_CEILING_DIRECTORIES="$T" bad_dump main:db/schema.sql 'error: .*not a git repository'
cd "$R"
case_ "not a repository (--repo)"
rm -f "$T/bad_out.sql"
run dump main:db/schema.sql --repo "$T/norepo" -o "$T/bad_out.sql"
expect_rc 2
expect_stderr_lines 1
expect_stderr 'error: .*not a git repository'
expect_stderr 'norepo'
expect_true "output file written despite the error" test ! -e "$T/bad_out.sql"

case_ "bad git sources in diff and merge: exit 2, nothing written"
rm -f "$T/bd.sql"
run diff v1:db/schema.sql nope:db/schema.sql -o "$T/bd.sql"
expect_rc 2
expect_stderr_lines 1
expect_stderr "unknown revision 'nope'"
expect_true "diff -o written despite the error" test ! -e "$T/bd.sql"
rm -f "$T/bm.sql" "$T/bpo.sql" "$T/bpt.sql" "$T/brep.txt"
run merge v1:db/schema.sql main:db/missing.sql feature:db/schema.sql --schema-out "$T/bm.sql" \
  --plan-ours "$T/bpo.sql" --plan-theirs "$T/bpt.sql" -o "$T/brep.txt"
expect_rc 2
expect_stderr_lines 1
expect_stderr 'db/missing\.sql'
for f in bm.sql bpo.sql bpt.sql brep.txt; do
  expect_true "merge wrote $f despite the error" test ! -e "$T/$f"
done

case_ "the repository is unchanged: HEAD, refs, status, work tree, git directory"
cd "$T"
repo_state "$R" "$T/state_after"
expect_same_file "$T/state_before" "$T/state_after" "the repository changed"
expect_true "the uncommitted work-tree change is gone" grep -q local_only "$R/db/schema.sql"

# --- revision syntax, path normalization, symbolic links, what a tree walk reads ----------
# A repository of its own (the one above must stay as it was), two commits at fixed dates
# (the reflog entries get the committer dates, so reflog dates are deterministic).
R2="$T/repo2"
git -c init.defaultBranch=main init -q "$R2"
mkdir -p "$R2/db/sub" "$R2/db/tree/.hidden" "$R2/db/links"
printf 'create table x (id int);\n' >"$R2/db/x.sql"
printf 'create table y (id int);\n' >"$R2/db/sub/y.sql"
printf 'create table t1 (id int primary key);\n' >"$R2/db/tree/01_t1.sql"
printf 'create table t2 (id int references t1);\n' >"$R2/db/tree/02_t2.sql"
printf 'not SQL at all (((\n' >"$R2/db/tree/README.md"
printf 'create tabel broken (((;\n' >"$R2/db/tree/.hidden/junk.sql"
printf 'create table z (id int);\n' >"$R2/db/links/z.sql"
ln -s ../x.sql "$R2/db/links/l.sql"
ln -s x.sql "$R2/db/xl.sql"
git -C "$R2" add -A
GIT_AUTHOR_DATE="1767225600 +0000" GIT_COMMITTER_DATE="1767225600 +0000" \
  git -C "$R2" -c commit.gpgsign=false commit -q -m "one"
printf 'create table x (id int, v int);\n' >"$R2/db/x.sql"
git -C "$R2" add -A
GIT_AUTHOR_DATE="1767232800 +0000" GIT_COMMITTER_DATE="1767232800 +0000" \
  git -C "$R2" -c commit.gpgsign=false commit -q -m "two"
case_ "repository 2: reference outputs"
printf 'create table x (id int);\n' >"$T/v/x1.sql"
printf 'create table x (id int, v int);\n' >"$T/v/x2.sql"
expected x1 dump "$T/v/x1.sql"
expected x2 dump "$T/v/x2.sql"
expected y dump "$R2/db/sub/y.sql"
mkdir -p "$T/v/tree"
cp "$R2/db/tree/"*.sql "$T/v/tree/"
expected tree dump "$T/v/tree"
repo_state "$R2" "$T/r2_before"
cd "$R2"

case_ "REF@{...}:PATH (a ':' inside the braces) and REF^{commit}:PATH"
run dump 'main@{0}:db/x.sql'
expect_rc 0
expect_stdout_as x2 "main@{0}:db/x.sql"
run dump 'main@{1}:db/x.sql'
expect_rc 0
expect_stdout_as x1 "main@{1}:db/x.sql"
run dump 'main@{2026-01-01 01:30:00 +0000}:db/x.sql'
expect_rc 0
expect_stdout_as x1 "reflog date between the two commits (colons inside the braces)"
run dump 'main@{2026-01-01 02:30:00 +0000}:db/x.sql'
expect_rc 0
expect_stdout_as x2 "reflog date after the second commit"
run dump 'HEAD^{commit}:db/x.sql'
expect_rc 0
expect_stdout_as x2 "HEAD^{commit}:db/x.sql"
run dump 'HEAD~1^{commit}:db/x.sql'
expect_rc 0
expect_stdout_as x1 "HEAD~1^{commit}:db/x.sql"

case_ ":PATH without a revision: exit 2, one line"
bad_dump ':db/x.sql' "':db/x\.sql'" 'revision'

case_ "REF:PATH normalizes like git: ./ and ../ from the working directory, // and /./ collapse"
cd "$R2/db/sub"
run dump main:./y.sql
expect_rc 0
expect_stdout_as y "main:./y.sql from db/sub"
run dump main:../x.sql
expect_rc 0
expect_stdout_as x2 "main:../x.sql from db/sub"
run dump main:./../sub/y.sql
expect_rc 0
expect_stdout_as y "main:./../sub/y.sql from db/sub"
run dump main:db/x.sql
expect_rc 0
expect_stdout_as x2 "main:db/x.sql (no ./) is from the root even in db/sub"
cd "$R2"
run dump main:db//x.sql
expect_rc 0
expect_stdout_as x2 "main:db//x.sql"
run dump main:db/./x.sql
expect_rc 0
expect_stdout_as x2 "main:db/./x.sql"
run dump main:db/sub/../x.sql
expect_rc 0
expect_stdout_as x2 "main:db/sub/../x.sql"

case_ "a path leaving the repository: exit 2"
bad_dump main:../x.sql 'leaves the repository'
bad_dump main:db/../../x.sql 'leaves the repository'
cd "$R2/db/sub"
bad_dump main:../../../x.sql 'leaves the repository'
cd "$R2"

case_ "a committed symbolic link: exit 2 naming it, as REF:PATH or inside a directory"
bad_dump main:db/xl.sql 'db/xl\.sql' 'symbolic link'
bad_dump main:db/links 'l\.sql' 'symbolic link'

case_ "a directory at a ref: non-.sql files and hidden directories are not read"
run dump main:db/tree
expect_rc 0
expect_stdout_as tree "main:db/tree (README.md and .hidden/junk.sql must be skipped)"

case_ "repository 2 unchanged"
cd "$T"
repo_state "$R2" "$T/r2_after"
expect_same_file "$T/r2_before" "$T/r2_after" "repository 2 changed"

finish
