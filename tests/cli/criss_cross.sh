#!/usr/bin/env bash
# A criss-cross history (two merge bases): fold and check say which base they used, and
# it is the one `git merge-base` prints; the result is the three-way merge on that base.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case_() { current="$1"; echo "-- $1"; }

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
tick=0
commit_all() {
  tick=$((tick + 1))
  git -C "$1" add -A
  GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000" GIT_COMMITTER_DATE="$((1767225600 + tick * 3600)) +0000" \
    git -C "$1" -c commit.gpgsign=false commit -q -m "$2"
}
merge_into() {  # merge_into REPO BRANCH: merge BRANCH into the checked-out branch, ours wins textually
  tick=$((tick + 1))
  GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000" GIT_COMMITTER_DATE="$((1767225600 + tick * 3600)) +0000" \
    git -C "$1" -c commit.gpgsign=false merge -q --no-edit -X ours "$2" >/dev/null 2>&1
}

R="$T/repo"
git -c init.defaultBranch=main init -q "$R"
printf 'CREATE TABLE a (id integer PRIMARY KEY);\n' > "$R/schema.sql"
commit_all "$R" base
git -C "$R" branch b1
git -C "$R" branch b2
git -C "$R" checkout -q b1
printf 'CREATE TABLE a (id integer PRIMARY KEY);\nCREATE TABLE b1 (x integer);\n' > "$R/schema.sql"
commit_all "$R" b1
git -C "$R" checkout -q b2
printf 'CREATE TABLE a (id integer PRIMARY KEY);\nCREATE TABLE b2 (x integer);\n' > "$R/schema.sql"
commit_all "$R" b2
# x1 and x2 each merge the other side: their merge bases are b1's and b2's commits.
git -C "$R" checkout -q -b x1 b1 && merge_into "$R" b2
git -C "$R" checkout -q -b x2 b2 && merge_into "$R" b1
git -C "$R" checkout -q main

bases="$(git -C "$R" merge-base --all x2 x1 | wc -l)"
chosen="$(git -C "$R" merge-base x2 x1 | cut -c1-7)"
case_ "the history is criss-crossed"
expect_true "expected 2 merge bases, git reports $bases" test "$bases" -eq 2

case_ "fold names both bases and uses the one git merge-base prints"
cd "$R" || exit 1
run fold x1 --into x2 --path schema.sql
expect_rc 0
expect_stderr "2 merge bases \\(a criss-cross history\\)"
expect_stderr "using $chosen"
expect_true "the summary row does not show base $chosen" grep -Eq "^x2 +$chosen " "$T/out"

case_ "check says the same"
run check --base x2 --head x1 --path schema.sql
expect_rc 0
expect_stderr "using $chosen"

finish
