#!/usr/bin/env bash
# Golden tests of `schemerge merge` (three-way) for PostgreSQL, clean merges proven on a
# real server.
#
#   run_merge_golden.sh SCHEMERGE_BIN REPO_DIR [--update] [--filter SUBSTR] [--keep]
#
# All cases share ONE base schema, tests/golden/merge/base.sql (a small shop). A case is a
# directory tests/golden/merge/NNN-short-name/ holding
#   ours.sql, theirs.sql  full schemas derived from base.sql (all three load in PostgreSQL 15);
#   args                  optional: extra `schemerge merge` arguments, whitespace-separated
#                         (e.g. `--prefer ours`);
#   expect                `clean`, or the expected conflicts one per line:
#                           KIND[|KIND...] OBJECT [ATTRIBUTE...]
#                         e.g. `both-modified public.orders.total type`. Enforced: the exit
#                         code (0 clean, 1 conflicts), and for each line that the report names
#                         one of the KINDs and the OBJECT. The attribute documents the intent
#                         (expected.txt pins the exact wording);
#   expected.txt          the text report `schemerge merge` prints, byte for byte (written by
#                         --update; review it like code);
#   roles                 optional: role names, one per line, the files use (OWNER TO, GRANT):
#                         created on the cluster first; the clean proof then also runs
#                         `schemerge verify SIDE.sql merged.sql --plan PLAN`, which compares
#                         privileges and owners (pg_dump's comparison leaves them out).
#
# For each case, in a scratch directory holding copies of base.sql, ours.sql and theirs.sql
# (so the report's file:line locations are stable relative names):
#   schemerge merge base.sql ours.sql theirs.sql --schema-out merged.sql \
#       --plan-ours po.sql --plan-theirs pt.sql ARGS  > report
#   1. the exit code matches `expect` (0 clean, 1 conflicts; anything else fails);
#   2. the report equals expected.txt (`diff -u` on a mismatch; --update rewrites it);
#   3. conflicts: each expected kind and object is named, the report cites a line of
#      ours.sql or theirs.sql (both for both-modified, add-add, name-collision and
#      order-ambiguous), and no merged schema was written;
#   4. clean (on ONE throwaway PostgreSQL 15 cluster for the whole run): merged.sql loads;
#      ours.sql + po.sql and theirs.sql + pt.sql (psql, ON_ERROR_STOP; plans hold their own
#      BEGIN/COMMIT) each give the same normalized `pg_dump --schema-only` as merged.sql
#      (tests/engine/postgres/pg_normalize.sh: column order ignored).
#
# Until the binary has a `merge` command the script prints SKIPPED and exits 77. Without
# PostgreSQL 15 the text checks still run, then it exits 77 (the server proof is skipped).
# Exit: 0 all passed, 1 any failure, 2 usage, 77 skipped.
# Environment: GOLDEN_DIFF_LINES (lines of each mismatch printed, default 60),
# GOLDEN_MERGE_CASES (cases directory, default tests/golden/merge), PG_BIN.
set -euo pipefail

usage() {
  echo "usage: run_merge_golden.sh SCHEMERGE_BIN REPO_DIR [--update] [--filter SUBSTR] [--keep]" >&2
  exit 2
}
(($# >= 2)) || usage
schemerge="$(realpath "$1")"
repo="$(realpath "$2")"
shift 2
update=0
filter=""
keep=0
while (($# > 0)); do
  case "$1" in
    --update) update=1 ;;
    --filter)
      (($# >= 2)) || usage
      filter="$2"
      shift
      ;;
    --keep) keep=1 ;;
    *) usage ;;
  esac
  shift
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases_root="${GOLDEN_MERGE_CASES:-$here/merge}"
# shellcheck source=../engine/postgres/pg_cluster.sh
source "$repo/tests/engine/postgres/pg_cluster.sh"
# shellcheck source=../engine/postgres/pg_normalize.sh
source "$repo/tests/engine/postgres/pg_normalize.sh"
# shellcheck source=merge_checks.sh
source "$repo/tests/golden/merge_checks.sh"
diff_lines="${GOLDEN_DIFF_LINES:-60}"

if [[ ! -x "$schemerge" ]]; then
  echo "run_merge_golden.sh: schemerge binary not found: $schemerge" >&2
  exit 1
fi
# `schemerge merge --help` succeeds even without the command (the top-level help
# answers): look for the subcommand in the list instead.
if ! "$schemerge" --help 2>/dev/null | grep -Eq '^[[:space:]]+merge([[:space:]]|$)'; then
  echo "************************************************************" >&2
  echo "SKIPPED: schemerge merge not available in $schemerge" >&2
  echo "************************************************************" >&2
  exit 77
fi
if [[ ! -f "$cases_root/base.sql" ]]; then
  echo "run_merge_golden.sh: no base.sql in $cases_root" >&2
  exit 1
fi

cases=()
for d in "$cases_root"/*/; do
  d="${d%/}"
  name="$(basename "$d")"
  if [[ -n "$filter" && "$name" != *"$filter"* ]]; then
    continue
  fi
  cases+=("$d")
done
if ((${#cases[@]} == 0)); then
  echo "run_merge_golden.sh: no case matches '${filter}' under $cases_root" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-merge-golden.XXXXXX")"
# Run a snapshot of the binary: others may relink it while the cases run.
mkdir -p "$work/bin"
for try in 1 2 3 4 5 6 7 8 9 10; do
  if cp "$schemerge" "$work/bin/schemerge.tmp" 2>/dev/null && "$work/bin/schemerge.tmp" --version >/dev/null 2>&1; then
    mv "$work/bin/schemerge.tmp" "$work/bin/schemerge"
    break
  fi
  sleep 3
done
if [[ ! -x "$work/bin/schemerge" ]]; then
  echo "run_merge_golden.sh: cannot run a copy of $schemerge" >&2
  exit 1
fi
schemerge="$work/bin/schemerge"
cluster=""
failed_any=0
cleanup() {
  if [[ -n "$cluster" ]]; then
    pg_cluster_stop "$cluster"
    cluster=""
  fi
  if ((keep == 0)) && [[ -n "$work" && "$failed_any" -eq 0 ]]; then
    rm -rf -- "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

have_pg=1
pg_require 2>"$work/pg_require.err" || have_pg=0
if ((have_pg)); then
  cluster="$(pg_cluster_start)"
  export PGHOST="$cluster" PGUSER=postgres
  echo "merge golden: ${#cases[@]} cases, cluster $cluster"
else
  echo "merge golden: ${#cases[@]} cases, no PostgreSQL 15: text checks only"
fi

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# Clean merge proof on the server. Sets $why on failure.
server_check() {
  local out="$1" in="$1/in"
  local m="merge_m" o="merge_o" t="merge_t" side db src plan
  psql_q -d postgres -c "DROP DATABASE IF EXISTS $m" -c "DROP DATABASE IF EXISTS $o" \
    -c "DROP DATABASE IF EXISTS $t" -c "CREATE DATABASE $m" -c "CREATE DATABASE $o" \
    -c "CREATE DATABASE $t" >/dev/null 2>"$out/createdb.err" || {
    why="harness: createdb: $(grep -m1 . "$out/createdb.err")"
    return 1
  }
  if ! psql_q -d "$m" --single-transaction -f "$in/merged.sql" >/dev/null 2>"$out/load_merged.err"; then
    why="merged.sql does not load: $(grep -m1 'ERROR' "$out/load_merged.err" || head -1 "$out/load_merged.err")"
    return 1
  fi
  dump_normalized "$m" >"$out/merged.norm" 2>"$out/pg_dump.err" || {
    why="harness: pg_dump: $(grep -m1 . "$out/pg_dump.err")"
    return 1
  }
  for side in ours theirs; do
    db="$o" src="$in/ours.sql" plan="$in/po.sql"
    if [[ "$side" == theirs ]]; then
      db="$t" src="$in/theirs.sql" plan="$in/pt.sql"
    fi
    if ! psql_q -d "$db" --single-transaction -f "$src" >/dev/null 2>"$out/load_$side.err"; then
      why="$side.sql does not load: $(grep -m1 'ERROR' "$out/load_$side.err" || head -1 "$out/load_$side.err")"
      return 1
    fi
    if ! psql_q -d "$db" -f "$plan" >"$out/apply_$side.out" 2>"$out/apply_$side.err"; then
      why="plan-$side failed: $(grep -m1 -A2 'ERROR' "$out/apply_$side.err" | tr '\n' ' ')"
      return 1
    fi
    dump_normalized "$db" >"$out/$side.norm" 2>"$out/pg_dump.err" || {
      why="harness: pg_dump: $(grep -m1 . "$out/pg_dump.err")"
      return 1
    }
    if ! diff -u --label "$side + plan-$side" --label "merged" "$out/$side.norm" "$out/merged.norm" \
      >"$out/catalog_$side.diff"; then
      why="$side + plan-$side differs from merged.sql ($(grep -c '^[-+][^-+]' "$out/catalog_$side.diff") lines)"
      return 1
    fi
    if [[ -f "$d/roles" ]]; then
      local vrc=0
      timeout 300 "$schemerge" verify "$src" "$in/merged.sql" --plan "$plan" \
        --dsn "host=$cluster user=postgres dbname=postgres" >"$out/verify_$side.out" 2>&1 || vrc=$?
      if ((vrc != 0)) || ! grep -q '^verified' "$out/verify_$side.out"; then
        why="verify $side + plan-$side -> merged (privileges, owners): $(grep -v '^[[:space:]]*$' "$out/verify_$side.out" | head -3 | tr '\n' ' ')"
        return 1
      fi
    fi
  done
  return 0
}

# The roles a case's files use (cluster-wide; created once, kept for the run).
create_roles() {
  local role
  while read -r role; do
    [[ -z "$role" ]] && continue
    psql_q -d postgres -c "DO \$\$BEGIN CREATE ROLE \"$role\"; EXCEPTION WHEN duplicate_object THEN NULL; END\$\$" \
      >/dev/null 2>&1 || return 1
  done <"$1"
}

passed=0
failed=0
failures=()
for d in "${cases[@]}"; do
  name="$(basename "$d")"
  out="$work/$name"
  in="$out/in"
  mkdir -p "$in"
  cp "$cases_root/base.sql" "$in/base.sql"
  cp "$d/ours.sql" "$in/ours.sql"
  cp "$d/theirs.sql" "$in/theirs.sql"
  args=()
  if [[ -f "$d/args" ]]; then
    read -r -a args <<<"$(tr '\n' ' ' <"$d/args")"
  fi
  expect_clean=0
  if [[ ! -f "$d/expect" ]] || grep -qx 'clean' "$d/expect"; then
    expect_clean=1
  fi
  why=""
  ok=1

  rc=0
  (cd "$in" && timeout 120 "$schemerge" merge base.sql ours.sql theirs.sql --schema-out merged.sql \
    --plan-ours po.sql --plan-theirs pt.sql "${args[@]}") >"$out/report.txt" 2>"$out/merge.err" || rc=$?
  want=1
  ((expect_clean)) && want=0
  if ((rc != want)); then
    ok=0
    why="exit $rc, expected $want ($( ((expect_clean)) && echo clean || echo conflicts)): $(cat "$out/report.txt" "$out/merge.err" | grep -m2 . | tr '\n' ' ')"
  fi

  # The report text.
  merge_check_report

  # Conflicts: kinds, objects, lines; nothing written.
  if ((ok && !expect_clean)); then
    merge_check_conflicts '%s'
  fi

  # Clean: prove it on the server.
  if ((ok && expect_clean && have_pg)) && [[ -f "$d/roles" ]] && ! create_roles "$d/roles"; then
    ok=0
    why="harness: cannot create the roles of $d/roles"
  fi
  if ((ok && expect_clean && have_pg)); then
    if ! server_check "$out"; then
      ok=0
    fi
  fi

  if ((ok)); then
    passed=$((passed + 1))
    echo "PASS $name"
    ((keep)) || rm -rf -- "$out"
  else
    failed=$((failed + 1))
    failed_any=1
    failures+=("$name: $why")
    echo "FAIL $name: $why"
    for f in text.diff catalog_ours.diff catalog_theirs.diff; do
      if [[ -s "$out/$f" ]]; then
        head -n "$diff_lines" "$out/$f" | sed 's/^/    /'
      fi
    done
  fi
done

echo
if ((failed > 0)); then
  echo "failures:"
  printf '  %s\n' "${failures[@]}"
  echo "evidence: $work"
fi
echo "merge golden: ${#cases[@]} cases, $passed passed, $failed failed"
if ((failed > 0)); then
  exit 1
fi
if ((!have_pg)); then
  cat "$work/pg_require.err" >&2
  echo "SKIPPED: reports match expected.txt, but no clean merge was proven on PostgreSQL 15" >&2
  exit 77
fi
exit 0
