#!/usr/bin/env bash
# scripts/demo.sh (the README's first command runs it): builds the demo repository from
# examples/demo/ and folds its hotfix into main (clean) and develop (conflict on
# customers.email); exit 0 although develop conflicts, non-zero when fold fails; the same
# commits on every run; main's migration proven on PostgreSQL 15 when installed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Print each group of checks as it starts (lib.sh only prints failures).
case_() { current="$1"; echo "-- $1"; }
source "$REPO/tests/engine/postgres/pg_cluster.sh"

demo() { # demo DIR [SCHEMERGE]: run scripts/demo.sh, rc in $rc
  rc=0
  SCHEMERGE="${2:-$SCHEMERGE}" timeout 120 bash "$REPO/scripts/demo.sh" "$1" >"$T/out" 2>"$T/err" || rc=$?
}
expect_stdout() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/out"; then
    fail "stdout does not match /$1/${2:+ ($2)}"
    head -n 40 "$T/out" | sed 's/^/  > /' >&2
  fi
}

D="$T/demo"
case_ "scripts/demo.sh DIR: exit 0, the repository and the fold's files"
demo "$D"
expect_rc 0
expect_true "DIR/repo is not a git repository" git -C "$D/repo" rev-parse --git-dir >/dev/null
expect_true "branches are not main, develop, hotfix" \
  test "$(git -C "$D/repo" for-each-ref --format='%(refname:short)' refs/heads | tr '\n' ' ')" = "develop hotfix main "
for f in schema.sql migration.sql report.md; do
  expect_true "fold/main/$f not written (main folds cleanly)" test -s "$D/fold/main/$f"
done
expect_true "fold/develop/report.md not written" test -s "$D/fold/develop/report.md"
expect_true "fold/develop/schema.sql written for the conflicting target" test ! -e "$D/fold/develop/schema.sql"
expect_true "fold/develop/migration.sql written for the conflicting target" test ! -e "$D/fold/develop/migration.sql"

case_ "the summary shows main clean and develop conflicting; main's migration is shown"
expect_stdout '(^|[^a-z-])main([^a-z-].*)?clean' "no clean row for main"
expect_stdout '(^|[^a-z-])develop([^a-z-].*)?CONFLICT' "no CONFLICT row for develop"
expect_stdout 'CREATE INDEX tickets_assignee_id_idx' "main's migration (the hotfix index) is not shown"

case_ "main's migration is the hotfix; develop's report names the conflicting column"
mig="$D/fold/main/migration.sql"
expect_true "main's migration lacks the email type change" grep -Eq 'ALTER COLUMN email TYPE character varying\(254\)' "$mig"
expect_true "main's migration lacks SET NOT NULL on created_at" grep -Eq 'ALTER COLUMN created_at SET NOT NULL' "$mig"
expect_true "main's migration lacks the assignee index" grep -q 'CREATE INDEX tickets_assignee_id_idx' "$mig"
expect_true "main's migration carries develop's changes" bash -c "! grep -Eq 'sla_policies|due_at' '$mig'"
expect_true "develop's report does not name public.customers.email" grep -q 'public\.customers\.email' "$D/fold/develop/report.md"

case_ "deterministic: a second run makes the same commits and files"
git -C "$D/repo" for-each-ref --format='%(refname) %(objectname)' >"$T/refs1"
cp -r "$D/fold" "$T/fold1"
demo "$D"
expect_rc 0
git -C "$D/repo" for-each-ref --format='%(refname) %(objectname)' >"$T/refs2"
expect_same_file "$T/refs1" "$T/refs2" "commit ids differ between runs"
expect_true "fold outputs differ between runs" diff -r "$T/fold1" "$D/fold"

case_ "fold failing (exit 2) or crashing fails the demo"
printf '#!/bin/sh\necho "error: simulated" >&2\nexit 2\n' >"$T/fail2"
printf '#!/bin/sh\nkill -SEGV $$\n' >"$T/crash"
chmod +x "$T/fail2" "$T/crash"
demo "$T/demo_fail" "$T/fail2"
expect_true "demo.sh exited 0 when fold exited 2" test "$rc" -ne 0
demo "$T/demo_crash" "$T/crash"
expect_true "demo.sh exited 0 when fold crashed" test "$rc" -ne 0

case_ "engine: main's migration.sql (and develop's, with --prefer ours|theirs) proven on PostgreSQL"
if pg_require 2>"$T/pg_skip"; then
  chmod 0755 "$T"
  mkdir -p "$T/tmp"
  chmod 0755 "$T/tmp"
  cd "$D/repo"
  TMPDIR="$T/tmp" run verify main:db/schema.sql "$D/fold/main/schema.sql" --plan "$D/fold/main/migration.sql"
  cd "$T"
  expect_rc 0
  expect_stdout '^verified: ' "main's migration does not reach the merged schema"
  # develop with the conflict resolved either way: its plans proven too.
  for side in ours theirs; do
    cd "$D/repo"
    run fold hotfix --into develop --prefer "$side" --out "$T/prefer_$side"
    expect_rc 0
    TMPDIR="$T/tmp" run verify develop:db/schema.sql "$T/prefer_$side/develop/schema.sql" \
      --plan "$T/prefer_$side/develop/migration.sql"
    cd "$T"
    expect_rc 0
    expect_stdout '^verified: ' "develop's migration (--prefer $side) does not reach the merged schema"
  done
else
  echo "************************************************************"
  echo "SKIPPED (engine part only): PostgreSQL 15 is not installed;"
  echo "         main's migration.sql was not proven with verify."
  echo "************************************************************"
  cat "$T/pg_skip"
fi

finish
