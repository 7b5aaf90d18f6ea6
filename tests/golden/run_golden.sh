#!/usr/bin/env bash
# Golden tests of `schemerge diff` for PostgreSQL, each one proven on a real server.
#
#   run_golden.sh SCHEMERGE_BIN REPO_DIR [--update] [--filter SUBSTR] [--keep]
#
# A case is a directory tests/golden/postgres/NNN-short-name/ holding
#   from.sql, to.sql   the two schemas (both must load in PostgreSQL 15);
#   args               optional: extra `schemerge diff` arguments, whitespace-separated
#                      (e.g. `--online`, `--rename table:public.a=b`);
#   expected.sql       the plan `schemerge diff from.sql to.sql ARGS` must print, byte for
#                      byte (written by --update; review it like code);
#   roles              optional: role names, one per line, that from.sql / to.sql / the plan
#                      use (OWNER TO, GRANT); created on the cluster before the case runs
#                      (roles belong to the cluster, not to a database);
#   noise              optional marker: from and to differ only in pg_dump version noise
#                      (see tests/engine/postgres/pg_normalize.sh): the plan must have no
#                      statements, and the two loaded schemas are compared with that
#                      noise ignored.
#
# For each case:
#   1. text: run the diff, compare its stdout with expected.sql (`diff -u` on a mismatch;
#      --update rewrites expected.sql instead);
#   2. server: on ONE throwaway PostgreSQL 15 cluster for the whole run, prove the plan the
#      diff printed: `schemerge verify from.sql to.sql --plan PLAN --dsn ...` must print
#      a line starting with "verified" and exit 0. When the binary has no `verify` command (or
#      GOLDEN_VERIFY=script), the script does it itself: load from.sql into database a,
#      apply the plan with psql (ON_ERROR_STOP; the plan holds its own BEGIN/COMMIT and
#      its non-transactional steps after them), load to.sql into database b, compare
#      normalized `pg_dump --schema-only` of a and b (column order ignored).
#      Noise cases always use the script check (verify would rightly see the noise).
#
# Without PostgreSQL 15 the text comparisons still run (a mismatch fails the test), then
# the script exits 77 with a loud SKIPPED: the server proof is the part that matters.
#
# Exit: 0 all passed, 1 any failure, 2 usage, 77 PostgreSQL 15 missing.
# Environment: GOLDEN_VERIFY=auto|cli|script (default auto), GOLDEN_DIFF_LINES (lines of
# each mismatch printed, default 60), GOLDEN_CASES (cases directory, default
# tests/golden/postgres), PG_BIN.
set -euo pipefail

usage() {
  echo "usage: run_golden.sh SCHEMERGE_BIN REPO_DIR [--update] [--filter SUBSTR] [--keep]" >&2
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
cases_root="${GOLDEN_CASES:-$here/postgres}"
# shellcheck source=../engine/postgres/pg_cluster.sh
source "$repo/tests/engine/postgres/pg_cluster.sh"
# shellcheck source=../engine/postgres/pg_normalize.sh
source "$repo/tests/engine/postgres/pg_normalize.sh"
diff_lines="${GOLDEN_DIFF_LINES:-60}"

if [[ ! -x "$schemerge" ]]; then
  echo "run_golden.sh: schemerge binary not found: $schemerge" >&2
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
  echo "run_golden.sh: no case matches '${filter}' under $cases_root" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-golden.XXXXXX")"
# Run a snapshot of the binary: others may relink it while the cases run.
snapshot_binary() {
  local src="$1" dst="$2" try
  for try in 1 2 3 4 5 6 7 8 9 10; do
    if cp "$src" "$dst.tmp" 2>/dev/null && "$dst.tmp" --version >/dev/null 2>&1; then
      mv "$dst.tmp" "$dst"
      return 0
    fi
    sleep 3
  done
  echo "run_golden.sh: cannot run a copy of $src" >&2
  return 1
}
mkdir -p "$work/bin"
snapshot_binary "$schemerge" "$work/bin/schemerge" || exit 1
schemerge="$work/bin/schemerge"
cluster=""
cleanup() {
  if [[ -n "$cluster" ]]; then
    pg_cluster_stop "$cluster"
    cluster=""
  fi
  if ((keep == 0)) && [[ -n "$work" && "${failed_any:-0}" -eq 0 ]]; then
    rm -rf -- "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Server availability and mode.
have_pg=1
pg_require 2>"$work/pg_require.err" || have_pg=0
mode="${GOLDEN_VERIFY:-auto}"
if [[ "$mode" == auto ]]; then
  if "$schemerge" verify --help >/dev/null 2>&1; then
    mode=cli
  else
    mode=script
  fi
fi
case "$mode" in
  cli | script) ;;
  *)
    echo "run_golden.sh: GOLDEN_VERIFY must be auto, cli or script" >&2
    exit 2
    ;;
esac
if ((have_pg)); then
  cluster="$(pg_cluster_start)"
  export PGHOST="$cluster" PGUSER=postgres
  dsn="host=$cluster user=postgres dbname=postgres"
  echo "golden: ${#cases[@]} cases, server check: $mode, cluster $cluster"
else
  echo "golden: ${#cases[@]} cases, no PostgreSQL 15: text comparison only"
fi

# True when a plan holds no statement (only comments and blank lines).
plan_is_empty() {
  ! grep -Eqv '^[[:space:]]*(--.*)?$' "$1"
}

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# The script's own server check: load, apply, load, compare. Sets $why on failure.
script_check() {
  local out="$1" d="$2" plan="$3" noise_mode="$4"
  local a="golden_a" b="golden_b"
  psql_q -d postgres -c "DROP DATABASE IF EXISTS $a" -c "DROP DATABASE IF EXISTS $b" \
    -c "CREATE DATABASE $a" -c "CREATE DATABASE $b" >/dev/null 2>"$out/createdb.err" || {
    why="harness: createdb: $(grep -m1 . "$out/createdb.err")"
    return 1
  }
  if ! psql_q -d "$a" --single-transaction -f "$d/from.sql" >/dev/null 2>"$out/load_from.err"; then
    why="from.sql does not load: $(grep -m1 'ERROR' "$out/load_from.err" || head -1 "$out/load_from.err")"
    return 1
  fi
  if ! psql_q -d "$b" --single-transaction -f "$d/to.sql" >/dev/null 2>"$out/load_to.err"; then
    why="to.sql does not load: $(grep -m1 'ERROR' "$out/load_to.err" || head -1 "$out/load_to.err")"
    return 1
  fi
  if ! psql_q -d "$a" -f "$plan" >"$out/apply.out" 2>"$out/apply.err"; then
    why="plan failed: $(grep -m1 -A2 'ERROR' "$out/apply.err" | tr '\n' ' ')"
    return 1
  fi
  dump_normalized "$a" "$noise_mode" >"$out/a.norm" 2>"$out/pg_dump.err" &&
    dump_normalized "$b" "$noise_mode" >"$out/b.norm" 2>>"$out/pg_dump.err" || {
    why="harness: pg_dump: $(grep -m1 . "$out/pg_dump.err")"
    return 1
  }
  if ! diff -u --label "from + plan" --label "to" "$out/a.norm" "$out/b.norm" >"$out/catalog.diff"; then
    why="catalog differs after the plan ($(grep -c '^[-+][^-+]' "$out/catalog.diff") lines)"
    return 1
  fi
  return 0
}

passed=0
failed=0
failed_any=0
failures=()
for d in "${cases[@]}"; do
  name="$(basename "$d")"
  out="$work/$name"
  mkdir -p "$out"
  args=()
  if [[ -f "$d/args" ]]; then
    read -r -a args <<<"$(tr '\n' ' ' <"$d/args")"
  fi
  noise=""
  [[ -f "$d/noise" ]] && noise=noise
  why=""
  ok=1

  # 1. Text.
  rc=0
  timeout 60 "$schemerge" diff "$d/from.sql" "$d/to.sql" "${args[@]}" >"$out/plan.sql" 2>"$out/diff.err" || rc=$?
  if ((rc != 0)); then
    ok=0
    why="schemerge diff exit $rc: $(grep -m1 . "$out/diff.err" || true)"
  elif ((update)); then
    if [[ ! -f "$d/expected.sql" ]] || ! cmp -s "$out/plan.sql" "$d/expected.sql"; then
      cp "$out/plan.sql" "$d/expected.sql"
      echo "UPDATED $name"
    fi
  elif [[ ! -f "$d/expected.sql" ]]; then
    ok=0
    why="no expected.sql (run with --update and review it)"
  elif ! diff -u --label "$name/expected.sql" --label "schemerge diff" "$d/expected.sql" "$out/plan.sql" \
    >"$out/text.diff"; then
    ok=0
    why="plan differs from expected.sql"
  fi
  if ((ok)) && [[ -n "$noise" ]] && ! plan_is_empty "$out/plan.sql"; then
    ok=0
    why="pg_dump version noise only, but the plan has statements"
  fi

  # 2. Server: prove the plan the diff printed.
  if ((ok && have_pg)) && [[ -f "$d/roles" ]]; then
    while read -r role; do
      [[ -z "$role" ]] && continue
      psql_q -d postgres -c "DO \$\$BEGIN CREATE ROLE \"$role\"; EXCEPTION WHEN duplicate_object THEN NULL; END\$\$" \
        >/dev/null 2>"$out/roles.err" || {
        ok=0
        why="harness: cannot create role $role: $(grep -m1 . "$out/roles.err")"
      }
    done <"$d/roles"
  fi
  if ((ok && have_pg)); then
    if [[ "$mode" == cli && -z "$noise" ]]; then
      vrc=0
      timeout 300 "$schemerge" verify "$d/from.sql" "$d/to.sql" --plan "$out/plan.sql" --dsn "$dsn" \
        >"$out/verify.out" 2>"$out/verify.err" || vrc=$?
      if ((vrc != 0)) || ! grep -q '^verified' "$out/verify.out"; then
        ok=0
        why="schemerge verify exit $vrc: $(cat "$out/verify.out" "$out/verify.err" | grep -v '^[[:space:]]*$' | head -3 | tr '\n' ' ')"
        # Whose fault: the plan, or verify's comparison? The script's own check tells.
        saved="$why"
        if script_check "$out" "$d" "$out/plan.sql" ""; then
          why="$saved [script check passes: verify's comparison disagrees]"
        else
          why="$saved [script check: $why]"
        fi
      fi
    elif ! script_check "$out" "$d" "$out/plan.sql" "$noise"; then
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
    for f in text.diff catalog.diff; do
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
echo "golden: ${#cases[@]} cases, $passed passed, $failed failed"
if ((failed > 0)); then
  exit 1
fi
if ((!have_pg)); then
  cat "$work/pg_require.err" >&2
  echo "SKIPPED: plans match expected.sql, but none was proven on PostgreSQL 15" >&2
  exit 77
fi
exit 0
