#!/usr/bin/env bash
# The plans `schemerge fold` writes, proven on PostgreSQL 15: for every clean target of the
# repositories of tests/cli/fold_command.sh ((a) one schema file, (b) Flyway, (c) golang-migrate,
# (d) dbmate, (e) numbered files; versions interleaved across branches), applying
# DIR/<target>/migration.sql to the target branch's schema gives DIR/<target>/schema.sql's catalog:
#   schemerge verify BRANCH:PATH DIR/<target>/schema.sql --plan DIR/<target>/migration.sql
# (verify starts and removes its own throwaway cluster).
#
#   fold_verify.sh SCHEMERGE_BIN REPO_DIR
FOLD_FIXTURES_ONLY=1 source "$(dirname "${BASH_SOURCE[0]}")/../../cli/fold_command.sh"
source "$REPO/tests/engine/postgres/pg_cluster.sh"

if ! pg_require; then
  exit 77
fi
# The server runs as `postgres` when we are root: it must reach the temporary dirs.
chmod 0755 "$T"
mkdir -p "$T/tmp"
chmod 0755 "$T/tmp"
export TMPDIR="$T/tmp"

expect_stdout() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/out"; then
    fail "stdout does not match /$1/${2:+ ($2)}"
    head -n 30 "$T/out" | sed 's/^/  > /' >&2
  fi
}

# prove REPO_DIR OUT BRANCH PATH: fold's plan for BRANCH verified on PostgreSQL.
prove() {
  local repo="$1" out="$2" branch="$3" path="$4" t="${3//\//-}"
  case_ "verify $branch:$path + $t/migration.sql == $t/schema.sql ($(basename "$repo"))"
  if [[ ! -s "$out/$t/migration.sql" || ! -s "$out/$t/schema.sql" ]]; then
    checks=$((checks + 1))
    fail "fold wrote no migration.sql/schema.sql for $t"
    return
  fi
  echo "  verify $branch:$path $t/schema.sql --plan $t/migration.sql ($(basename "$repo"))"
  cd "$repo"
  run verify "$branch:$path" "$out/$t/schema.sql" --plan "$out/$t/migration.sql"
  expect_rc 0
  expect_stdout '^verified: ' "the plan does not reach the merged schema"
  cd "$T"
}

# fold_into REPO_DIR OUT PATH TARGET...: fold hotfix into the targets (all clean).
fold_into() {
  local repo="$1" out="$2" path="$3"
  shift 3
  local into=() t
  for t in "$@"; do
    into+=(--into "$t")
  done
  case_ "fold hotfix ${into[*]} --path $path ($(basename "$repo"))"
  cd "$repo"
  run fold hotfix "${into[@]}" --path "$path" --out "$out"
  expect_rc 0
  cd "$T"
  for t in "$@"; do
    prove "$repo" "$out" "$t" "$path"
  done
}

make_single_repo "$T/repo_a"
fold_into "$T/repo_a" "$T/fa" db/schema.sql main release/2.0
make_flyway_repo "$T/repo_b"
fold_into "$T/repo_b" "$T/fb" db/migration main develop
make_gomigrate_repo "$T/repo_c"
fold_into "$T/repo_c" "$T/fc" db/migrations main develop
make_dbmate_repo "$T/repo_d"
fold_into "$T/repo_d" "$T/fd" db/migrations main develop
make_numbered_repo "$T/repo_e"
fold_into "$T/repo_e" "$T/fe" db/sql main develop

case_ "the check can fail: develop's Flyway schema + main's plan is not main's merged schema"
if [[ -s "$T/fb/main/migration.sql" ]]; then
  cd "$T/repo_b"
  run verify develop:db/migration "$T/fb/main/schema.sql" --plan "$T/fb/main/migration.sql"
  expect_rc 1
  cd "$T"
fi

case_ "no throwaway cluster left behind"
checks=$((checks + 1))
if [[ -n "$(ls -A "$T/tmp")" ]]; then
  fail "left in TMPDIR: $(ls -A "$T/tmp" | tr '\n' ' ')"
fi

finish
