#!/usr/bin/env bash
# Build the demo repository from examples/demo/ and fold its hotfix into main and develop.
#
#   scripts/demo.sh [DIR]     (default: build/demo)
#
# Recreates DIR/repo (git: main, develop and hotfix branches, fixed authors and dates, so the
# commit ids are the same on every run), runs
#   schemerge fold hotfix --into main --into develop --out DIR/fold
# in it and shows the summary and main's migration. develop conflicts with the hotfix on
# purpose: exit 0 when fold exits 0 or 1; fail when it exits 2 or crashes.
# The binary: $SCHEMERGE, else build/bin/schemerge.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
examples="$repo_root/examples/demo"
dir="${1:-$repo_root/build/demo}"
schemerge="${SCHEMERGE:-$repo_root/build/bin/schemerge}"

if [[ ! -x "$schemerge" ]]; then
  echo "demo.sh: schemerge binary not found: $schemerge (build it with scripts/setup.sh)" >&2
  exit 1
fi
schemerge="$(realpath "$schemerge")"
mkdir -p "$dir"
dir="$(realpath "$dir")"
demo_repo="$dir/repo"
fold_out="$dir/fold"
rm -rf -- "$demo_repo" "$fold_out"
mkdir -p "$demo_repo"

# Deterministic commits: fixed identity and dates, no user or system git configuration.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Demo Author" GIT_AUTHOR_EMAIL="demo@example.com"
export GIT_COMMITTER_NAME="Demo Author" GIT_COMMITTER_EMAIL="demo@example.com"
g() { git -C "$demo_repo" -c init.defaultBranch=main -c commit.gpgsign=false "$@"; }
commit() { # commit DATE MESSAGE
  GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" g commit -q -m "$2"
}

g init -q
mkdir -p "$demo_repo/db"
cp "$examples/schemerge.toml" "$demo_repo/schemerge.toml"
cp "$examples/main.sql" "$demo_repo/db/schema.sql"
g add schemerge.toml db/schema.sql
commit "2026-01-05T09:00:00Z" "helpdesk schema (in production)"

g checkout -q -b develop
cp "$examples/develop.sql" "$demo_repo/db/schema.sql"
g add db/schema.sql
commit "2026-01-12T09:00:00Z" "SLA policies, ticket due dates, comment index, email as text"

g checkout -q -b hotfix main
cp "$examples/hotfix.sql" "$demo_repo/db/schema.sql"
g add db/schema.sql
commit "2026-01-14T09:00:00Z" "hotfix: email up to 254 characters, created_at NOT NULL, index on assignee_id"
g checkout -q main

echo "==> demo repository: $demo_repo"
g log --all --graph --format='%h%d %s' | sed 's/^/    /'
echo
echo "==> schemerge fold hotfix --into main --into develop --out $fold_out"
rc=0
(cd "$demo_repo" && "$schemerge" fold hotfix --into main --into develop --out "$fold_out") || rc=$?
if ((rc != 0 && rc != 1)); then
  echo "demo.sh: schemerge fold failed (exit $rc)" >&2
  exit 1
fi
echo
if [[ -f "$fold_out/main/migration.sql" ]]; then
  echo "==> $fold_out/main/migration.sql (the hotfix deployment on main):"
  cat "$fold_out/main/migration.sql"
  echo
fi
if [[ -d "$fold_out" ]]; then
  echo "==> files written:"
  (cd "$fold_out" && find . -type f | sort | sed 's|^\./|    |')
fi
if ((rc == 1)); then
  echo "==> schemerge fold exited 1: a target conflicts (develop, on customers.email)."
  echo "    Its conflicts are in $fold_out/develop/report.md."
fi
