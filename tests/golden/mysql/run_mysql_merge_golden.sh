#!/usr/bin/env bash
# Golden tests of `schemerge merge --dialect mysql` (three-way), clean merges proven on a
# throwaway MariaDB; the MySQL twin of tests/golden/run_merge_golden.sh.
#
#   run_mysql_merge_golden.sh SCHEMERGE_BIN REPO_DIR [--update] [--filter SUBSTR] [--keep]
#
# All cases share ONE base schema, tests/golden/mysql/merge/base.sql (a small shop). A case
# is a directory tests/golden/mysql/merge/NNN-short-name/ holding
#   ours.sql, theirs.sql  full schemas derived from base.sql (all three load in MariaDB 10.11);
#   args                  optional: extra `schemerge merge` arguments, whitespace-separated;
#   expect                `clean`, or the expected conflicts one per line:
#                           KIND[|KIND...] OBJECT [ATTRIBUTE...]
#                         Enforced: the exit code (0 clean, 1 conflicts), and for each line
#                         that the report names one of the KINDs and the OBJECT;
#   expected.txt          the text report, byte for byte (written by --update; review it).
#
# For each case, in a scratch directory holding copies of base.sql, ours.sql and theirs.sql
# (so the report's file:line locations are stable relative names):
#   schemerge merge --dialect mysql base.sql ours.sql theirs.sql --schema-out merged.sql \
#       --plan-ours po.sql --plan-theirs pt.sql ARGS  > report
#   1. the exit code matches `expect`;
#   2. the report equals expected.txt;
#   3. conflicts: each expected kind and object is named, the report cites a line of
#      ours.sql and of theirs.sql (both, for both-modified, add-add, name-collision and
#      order-ambiguous), no merged schema was written; the SARIF report (--format sarif) has
#      an error result per conflict with the same ours.sql/theirs.sql lines as the text; and
#      `schemerge check --format github` in a git repository (base committed on main, ours
#      and theirs on branches of it; --base ours --head theirs) exits 1 with an ::error
#      annotation at the line of theirs.sql the text report cites;
#   4. clean (on ONE throwaway MariaDB for the whole run): merged.sql loads;
#      ours.sql + po.sql and theirs.sql + pt.sql each give the catalog merged.sql gives
#      (mariadb_catalog of tests/engine/mysql/mariadb_server.sh: SHOW CREATE TABLE with key
#      order left out, views, triggers, routines); the same with the --online plans.
#
# Without MariaDB the text checks still run, then it exits 77 (the server proof is skipped).
# Exit: 0 all passed, 1 any failure, 2 usage, 77 skipped.
# Environment: GOLDEN_DIFF_LINES (lines of each mismatch printed, default 60).
set -euo pipefail

usage() {
  echo "usage: run_mysql_merge_golden.sh SCHEMERGE_BIN REPO_DIR [--update] [--filter SUBSTR] [--keep]" >&2
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

cases_root="$repo/tests/golden/mysql/merge"
# shellcheck source=../../engine/mysql/mariadb_server.sh
source "$repo/tests/engine/mysql/mariadb_server.sh"
# shellcheck source=../merge_checks.sh
source "$repo/tests/golden/merge_checks.sh"
diff_lines="${GOLDEN_DIFF_LINES:-60}"

if [[ ! -x "$schemerge" ]]; then
  echo "run_mysql_merge_golden.sh: schemerge binary not found: $schemerge" >&2
  exit 1
fi
if [[ ! -f "$cases_root/base.sql" ]]; then
  echo "run_mysql_merge_golden.sh: no base.sql in $cases_root" >&2
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
  echo "run_mysql_merge_golden.sh: no case matches '${filter}' under $cases_root" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-mysql-merge.XXXXXX")"
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
  echo "run_mysql_merge_golden.sh: cannot run a copy of $schemerge" >&2
  exit 1
fi
schemerge="$work/bin/schemerge"
server=""
failed_any=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$server" ]]; then
    mariadb_stop "$server"
    rm -rf -- "$server"
    server=""
  fi
  if ((keep == 0)) && [[ -n "$work" && "$failed_any" -eq 0 ]]; then
    rm -rf -- "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

have_db=1
mariadb_require 2>"$work/require.err" || have_db=0
if ((have_db)); then
  # The socket path must stay short: a directory of its own under TMPDIR.
  server="$(mktemp -d "${TMPDIR:-/tmp}/smg.XXXXXX")"
  mariadb_start "$server"
  echo "mysql merge golden: ${#cases[@]} cases, MariaDB $(mariadb_sql "$server" -N -e 'select version()')"
else
  echo "mysql merge golden: ${#cases[@]} cases, no MariaDB: text checks only"
fi

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
export GIT_AUTHOR_DATE="1767225600 +0000" GIT_COMMITTER_DATE="1767225600 +0000"

fresh() { mariadb_sql "$server" -e "drop database if exists s; create database s"; }
# Runs a script in database s; its messages go to $2.
run_sql() { mariadb_sql "$server" s <"$1" >"$2" 2>&1; }

# Clean merge proof on the server. Sets $why on failure.
server_check() {
  local out="$1" in="$1/in" side src plan kind
  fresh
  if ! run_sql "$in/merged.sql" "$out/load_merged.err"; then
    why="merged.sql does not load: $(grep -m1 'ERROR' "$out/load_merged.err" || head -1 "$out/load_merged.err")"
    return 1
  fi
  mariadb_catalog "$server" s >"$out/merged.cat"
  for kind in plan online; do
    for side in ours theirs; do
      src="$in/$side.sql"
      plan="$in/p${side:0:1}.sql"
      [[ $kind == online ]] && plan="$in/p${side:0:1}_online.sql"
      fresh
      if ! run_sql "$src" "$out/load_$side.err"; then
        why="$side.sql does not load: $(grep -m1 'ERROR' "$out/load_$side.err" || head -1 "$out/load_$side.err")"
        return 1
      fi
      if ! run_sql "$plan" "$out/apply_${kind}_$side.err"; then
        why="$kind-$side failed: $(grep -m1 -A2 'ERROR' "$out/apply_${kind}_$side.err" | tr '\n' ' ')"
        return 1
      fi
      mariadb_catalog "$server" s >"$out/${kind}_$side.cat"
      if ! diff -u --label "$side + $kind-$side" --label "merged" "$out/${kind}_$side.cat" "$out/merged.cat" \
        >"$out/catalog_${kind}_$side.diff"; then
        why="$side + $kind-$side differs from merged.sql ($(grep -c '^[-+][^-+]' "$out/catalog_${kind}_$side.diff") lines)"
        return 1
      fi
    done
  done
  return 0
}

# The SARIF report: one error result per conflict, each citing the ours.sql / theirs.sql
# lines the text report cites. Sets $why on failure.
sarif_check() {
  local out="$1" in="$1/in" n_text n_sarif f line
  local rc=0
  (cd "$in" && timeout 120 "$schemerge" merge --dialect mysql base.sql ours.sql theirs.sql --format sarif \
    "${args[@]}") >"$out/report.sarif" 2>"$out/sarif.err" || rc=$?
  if ((rc != 1)); then
    why="merge --format sarif: exit $rc, expected 1"
    return 1
  fi
  if ! jq -e '.version == "2.1.0" and (.runs | length == 1)' "$out/report.sarif" >/dev/null 2>&1; then
    why="merge --format sarif: not a SARIF 2.1.0 log with one run"
    return 1
  fi
  n_text="$(grep -c '^CONFLICT ' "$out/report.txt" || true)"
  n_sarif="$(jq '[.runs[0].results[] | select(.level == "error")] | length' "$out/report.sarif")"
  if [[ "$n_text" != "$n_sarif" ]]; then
    why="SARIF has $n_sarif error results, the text report $n_text conflicts"
    return 1
  fi
  # Every ours.sql:N / theirs.sql:N of the text report is an error result's location.
  jq -r '.runs[0].results[] | select(.level == "error") | .locations[].physicalLocation |
         "\(.artifactLocation.uri | sub(".*/"; "")):\(.region.startLine)"' "$out/report.sarif" |
    sort -u >"$out/sarif.locations"
  grep -Eo '(ours|theirs)\.sql:[0-9]+' "$out/report.txt" | sort -u >"$out/text.locations"
  if ! diff -u --label "text report" --label "SARIF" "$out/text.locations" "$out/sarif.locations" >"$out/sarif.diff"; then
    why="SARIF locations differ from the text report's"
    return 1
  fi
  return 0
}

# `schemerge check --format github` with ours as the base branch and theirs as the head:
# an ::error at each theirs.sql line the text report cites. Sets $why on failure.
github_check() {
  local out="$1" in="$1/in" g="$1/git" line rc=0
  mkdir -p "$g"
  git -C "$g" init -q -b main
  cp "$in/base.sql" "$g/schema.sql"
  git -C "$g" add schema.sql
  git -C "$g" -c commit.gpgsign=false commit -q -m base
  git -C "$g" checkout -q -b ours
  cp "$in/ours.sql" "$g/schema.sql"
  git -C "$g" -c commit.gpgsign=false commit -q -am ours
  git -C "$g" checkout -q -b theirs main
  cp "$in/theirs.sql" "$g/schema.sql"
  git -C "$g" -c commit.gpgsign=false commit -q -am theirs
  (cd "$g" && timeout 120 "$schemerge" check --dialect mysql --base ours --head theirs --path schema.sql \
    --format github) >"$out/github.txt" 2>"$out/github.err" || rc=$?
  if ((rc != 1)); then
    why="check --format github: exit $rc, expected 1: $(head -c 300 "$out/github.err")"
    return 1
  fi
  if grep -v '^::' "$out/github.txt" | grep -q .; then
    why="check --format github: a stdout line is not a workflow command"
    return 1
  fi
  while read -r line; do
    if ! grep -Eq "^::error file=schema\.sql,line=$line(,col=[0-9]+)?,title=schemerge [a-z-]+::" "$out/github.txt"; then
      why="check --format github: no ::error at schema.sql line $line (theirs.sql:$line in the report)"
      return 1
    fi
  done < <(grep -Eo 'theirs\.sql:[0-9]+' "$out/report.txt" | sed 's/.*://' | sort -un)
  return 0
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
  (cd "$in" && timeout 120 "$schemerge" merge --dialect mysql base.sql ours.sql theirs.sql --schema-out merged.sql \
    --plan-ours po.sql --plan-theirs pt.sql "${args[@]}") >"$out/report.txt" 2>"$out/merge.err" || rc=$?
  want=1
  ((expect_clean)) && want=0
  if ((rc != want)); then
    ok=0
    why="exit $rc, expected $want ($( ((expect_clean)) && echo clean || echo conflicts)): $(cat "$out/report.txt" "$out/merge.err" | grep -m2 . | tr '\n' ' ')"
  fi
  if ((ok && expect_clean)); then
    rc=0
    (cd "$in" && timeout 120 "$schemerge" merge --dialect mysql base.sql ours.sql theirs.sql --online \
      --plan-ours po_online.sql --plan-theirs pt_online.sql "${args[@]}") >"$out/report_online.txt" 2>&1 || rc=$?
    if ((rc != 0)); then
      ok=0
      why="merge --online: exit $rc: $(grep -m2 . "$out/report_online.txt" | tr '\n' ' ')"
    fi
  fi

  # The report text.
  merge_check_report

  # Conflicts: kinds, objects, lines; nothing written; SARIF; GitHub annotations.
  if ((ok && !expect_clean)); then
    merge_check_conflicts '(%s)'
    if ((ok)) && ! sarif_check "$out"; then
      ok=0
    fi
    if ((ok)) && ! github_check "$out"; then
      ok=0
    fi
  fi

  # Clean: prove it on the server.
  if ((ok && expect_clean && have_db)); then
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
    for f in text.diff sarif.diff catalog_plan_ours.diff catalog_plan_theirs.diff catalog_online_ours.diff \
      catalog_online_theirs.diff; do
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
echo "mysql merge golden: ${#cases[@]} cases, $passed passed, $failed failed"
if ((failed > 0)); then
  exit 1
fi
if ((!have_db)); then
  cat "$work/require.err" >&2
  echo "SKIPPED: reports match expected.txt, but no clean merge was proven on MariaDB" >&2
  exit 77
fi
exit 0
