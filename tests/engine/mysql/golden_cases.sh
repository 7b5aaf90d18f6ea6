#!/usr/bin/env bash
# The MySQL golden cases proven on a throwaway MariaDB. For each tests/golden/mysql/NAME
# with old.sql and new.sql:
#   1. old.sql is loaded into an empty database and schemerge's migration applied;
#   2. new.sql is loaded into an empty database;
#   3. both catalogs (SHOW CREATE TABLE, information_schema views, triggers, routines;
#      mariadb_catalog in mariadb_server.sh) must be equal;
#      with data.sql, its rows are loaded before the migration and check.sql's output
#      after it must be check.expected (renames keep their data);
#   4. the --online plan (ALGORITHM=INPLACE, LOCK=NONE where allowed) must do the same;
#   5. schemerge's canonical dump of new.sql, loaded into an empty database, must give
#      that catalog too.
#
#   golden_cases.sh PLAN_TOOL SOURCE_DIR [NAME...]
# PLAN_TOOL is schemerge-mysql-plan (tests/engine/mysql/mysql_plan_tool.cpp: `plan OLD NEW`
# prints the migration, `dump FILE` the canonical schema) or the `schemerge` program itself
# (`diff --dialect mysql`, `dump --dialect mysql`: the commands a user runs).
# Exit 0 when every case holds, 1 otherwise, 77 when MariaDB is not installed.
set -euo pipefail

tool=$1
src=$2
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/engine/mysql/mariadb_server.sh
source "$here/mariadb_server.sh"
mariadb_require || exit $?

cases=("$@")
if ((${#cases[@]} == 0)); then
  for d in "$src"/tests/golden/mysql/*/; do
    [[ -f $d/old.sql && -f $d/new.sql ]] && cases+=("$(basename "$d")")
  done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/schemerge-mariadb.XXXXXX")
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  mariadb_stop "$work"
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A copy of the tool: a rebuild during the run must not change it.
tool_name=$(basename "$tool")
cp "$tool" "$work/plan-tool"
tool=$work/plan-tool
cli=0
[[ $tool_name == schemerge ]] && cli=1
plan_with() {  # plan|online OLD NEW
  if ((cli)); then
    if [[ $1 == online ]]; then
      "$tool" diff --dialect mysql --online "$2" "$3"
    else
      "$tool" diff --dialect mysql "$2" "$3"
    fi
  else
    "$tool" "$@"
  fi
}
dump_with() {
  if ((cli)); then "$tool" dump --dialect mysql "$1"; else "$tool" dump "$1"; fi
}
mariadb_start "$work"
echo "MariaDB $(mariadb_sql "$work" -N -e 'select version()'); ${#cases[@]} cases"

# An empty database s; a failure (the server gone) fails the case.
fresh() {
  if ! mariadb_sql "$work" -e "drop database if exists s; create database s" >"$work/out" 2>&1; then
    echo "FAIL $name: the database could not be reset: $(cat "$work/out")"
    ok=0
    return 1
  fi
}
# Runs a script in database s; its output (errors) goes to $work/out.
run() {
  mariadb_sql "$work" s <"$1" >"$work/out" 2>&1
}

# The catalog of database s into FILE; a failure to read it (the server gone: see
# mariadb_recover) is the case's failure.
catalog() {
  if ! mariadb_catalog "$work" s >"$1" 2>"$work/catalog.err"; then
    echo "FAIL $name: the catalog could not be read: $(tail -n 3 "$work/catalog.err")"
    return 1
  fi
}

# One case; sets ok (1: it holds). Every step that fails says why and clears ok.
check_case() {
  local dir out
  dir=$src/tests/golden/mysql/$name
  out=$work/$name
  mkdir -p "$out"
  ok=1
  if ! plan_with plan "$dir/old.sql" "$dir/new.sql" >"$out/plan.sql" 2>"$out/plan.err"; then
    echo "FAIL $name: the plan was not made: $(cat "$out/plan.err")"
    ok=0
  fi
  if ((ok)); then
    fresh || return 0
    if ! run "$dir/old.sql"; then
      echo "FAIL $name: old.sql does not load: $(cat "$work/out")"
      ok=0
    elif [[ -f $dir/data.sql ]] && ! run "$dir/data.sql"; then
      echo "FAIL $name: data.sql does not load: $(cat "$work/out")"
      ok=0
    elif ! run "$out/plan.sql"; then
      echo "FAIL $name: the migration fails: $(cat "$work/out")"
      sed 's/^/    /' "$out/plan.sql"
      ok=0
    else
      catalog "$out/migrated.txt" || ok=0
      # Rows kept through the migration (renames must not drop and add).
      if [[ -f $dir/check.sql ]]; then
        if ! mariadb_sql "$work" -N -B s <"$dir/check.sql" >"$out/check.txt" 2>&1 ||
          ! diff -u "$dir/check.expected" "$out/check.txt" >"$out/check.diff"; then
          echo "FAIL $name: the rows after the migration are not the expected ones:"
          sed 's/^/    /' "$out/check.diff" "$out/check.txt"
          ok=0
        fi
      fi
    fi
  fi
  if ((ok)); then
    fresh || return 0
    if ! run "$dir/new.sql"; then
      echo "FAIL $name: new.sql does not load: $(cat "$work/out")"
      ok=0
    else
      catalog "$out/expected.txt" || ok=0
      if ((ok)) && ! diff -u "$out/expected.txt" "$out/migrated.txt" >"$out/diff.txt"; then
        echo "FAIL $name: old + migration differs from new (- new, + migrated):"
        sed 's/^/    /' "$out/diff.txt"
        echo "  the migration:"
        sed 's/^/    /' "$out/plan.sql"
        ok=0
      fi
    fi
  fi
  # The --online plan (ALGORITHM=INPLACE, LOCK=NONE where the planner says the change
  # allows it): MariaDB refuses a statement it cannot run that way.
  if ((ok)); then
    if ! plan_with online "$dir/old.sql" "$dir/new.sql" >"$out/online.sql" 2>"$out/online.err"; then
      echo "FAIL $name: the --online plan was not made: $(cat "$out/online.err")"
      ok=0
      return 0
    fi
    fresh || return 0
    if ! run "$dir/old.sql"; then
      echo "FAIL $name: old.sql does not load: $(cat "$work/out")"
      ok=0
    elif ! run "$out/online.sql"; then
      echo "FAIL $name: the --online migration fails: $(cat "$work/out")"
      sed 's/^/    /' "$out/online.sql"
      ok=0
    else
      catalog "$out/online.txt" || ok=0
      if ((ok)) && ! diff -u "$out/expected.txt" "$out/online.txt" >"$out/diff.txt"; then
        echo "FAIL $name: old + --online migration differs from new:"
        sed 's/^/    /' "$out/diff.txt"
        ok=0
      fi
    fi
  fi
  if ((ok)); then
    fresh || return 0
    if ! dump_with "$dir/new.sql" >"$out/dump.sql" 2>"$out/dump.err"; then
      echo "FAIL $name: no dump: $(cat "$out/dump.err")"
      ok=0
    elif ! run "$out/dump.sql"; then
      echo "FAIL $name: the canonical dump of new.sql does not load: $(cat "$work/out")"
      sed 's/^/    /' "$out/dump.sql"
      ok=0
    else
      catalog "$out/dumped.txt" || ok=0
      if ((ok)) && ! diff -u "$out/expected.txt" "$out/dumped.txt" >"$out/diff.txt"; then
        echo "FAIL $name: the canonical dump of new.sql differs from new.sql (- new, + dump):"
        sed 's/^/    /' "$out/diff.txt"
        ok=0
      fi
    fi
  fi
}

passed=0
failed=0
for name in "${cases[@]}"; do
  check_case
  # A server that died under the case (a crash, the OOM killer) is not the plan's fault:
  # it is restarted on the same data and the case runs once more; a second death fails it.
  if ((!ok)) && mariadb_recover "$work"; then
    echo "RETRY $name: the server was restarted; the case runs again"
    check_case
  fi
  if ((ok)); then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
((failed == 0))
