#!/usr/bin/env bash
# Prove `schemerge diff` on the real schema histories of the shared corpus.
#
#   corpus_pairs.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]
#
# For each distinct pair (by content of both files) $REPO_DIR/../shared/corpus/postgres/
# */pairs/NNN/{old,new}.sql, on one throwaway PostgreSQL 15 cluster:
#   - load old into database a and new into database b (psql, ON_ERROR_STOP, one
#     transaction each). A pair is only judged when PostgreSQL accepts both files: a file
#     rejected for an environmental reason (extension or library not installed, missing
#     role, ...) makes it SKIP_ENV, one rejected for a reason in the file SKIP_REJECTED;
#   - `schemerge diff old new > plan.sql` must exit 0;
#   - apply plan.sql to a (psql, ON_ERROR_STOP; the plan holds its own BEGIN/COMMIT and
#     places non-transactional steps after them);
#   - normalized `pg_dump --schema-only --no-owner --no-privileges` of a and b must be
#     equal (tests/engine/postgres/pg_normalize.sh: column order ignored). When they differ only in
#     pg_dump's `AS integer` on sequences (version noise the diff ignores by design), the
#     pair is PROVEN_NOISE and counted as proven.
# Also checked and listed:
#   - pairs whose files differ only in pg_dump version noise (comments, SET lines,
#     EXECUTE PROCEDURE vs EXECUTE FUNCTION, `AS integer` on sequences): the plan must
#     have no statements (FAIL_NOISE_PLAN otherwise);
#   - pairs whose plan is empty although the files differ (fine when the catalogs agree,
#     e.g. only schema_migrations rows changed; a failure otherwise);
#   - noise twins: for each distinct old file, a copy with pg_dump's version noise flipped
#     (EXECUTE PROCEDURE <-> EXECUTE FUNCTION, `SET default_with_oids = false;` <->
#     `SET default_table_access_method = heap;`, comment lines dropped); `schemerge diff
#     old twin` must print a plan without statements (FAIL_NOISE_TWIN otherwise).
#
# Environment shim (as corpus_roundtrip.sh): C functions whose library is not installed
# (openstreetmap's libpgosm) point at '$libdir/plpgsql', 'plpgsql_call_handler' in
# copies of both files that PostgreSQL and schemerge read.
#
# Exit: 0 no failure, 1 any failure, 77 (skip) when PostgreSQL 15 or the corpus is absent.
# Environment: CORPUS_ROOT (instead of ../shared/corpus/postgres), CORPUS_JOBS (default
# 2), CORPUS_FILTER (substring of pair paths to keep), CORPUS_DIFF_LINES (default 40).
set -euo pipefail

if (($# < 2)); then
  echo "usage: corpus_pairs.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]" >&2
  exit 2
fi
schemerge="$(realpath "$1")"
repo="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${CORPUS_ROOT:-$repo/../shared/corpus/postgres}"
jobs="${CORPUS_JOBS:-2}"

# shellcheck source=pg_cluster.sh
source "$here/pg_cluster.sh"
# shellcheck source=pg_normalize.sh
source "$here/pg_normalize.sh"
pg_require || exit $?

if [[ ! -d "$corpus" ]]; then
  echo "************************************************************" >&2
  echo "SKIPPED: corpus not found at $corpus" >&2
  echo "         (the shared corpus lives beside the repository, never in it)" >&2
  echo "************************************************************" >&2
  exit 77
fi
corpus="$(realpath "$corpus")"
if [[ ! -x "$schemerge" ]]; then
  echo "corpus_pairs.sh: schemerge binary not found: $schemerge" >&2
  exit 1
fi

work="${3:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-pairs.XXXXXX")"
else
  rm -rf -- "$work"
  mkdir -p "$work"
fi
work="$(realpath "$work")"
mkdir -p "$work/results" "$work/pairs" "$work/bin"
# Run a snapshot of the binary: others may relink it during the run.
for try in 1 2 3 4 5 6 7 8 9 10; do
  if cp "$schemerge" "$work/bin/schemerge.tmp" 2>/dev/null && "$work/bin/schemerge.tmp" --version >/dev/null 2>&1; then
    mv "$work/bin/schemerge.tmp" "$work/bin/schemerge"
    break
  fi
  sleep 3
done
if [[ ! -x "$work/bin/schemerge" ]]; then
  echo "corpus_pairs.sh: cannot run a copy of $schemerge" >&2
  exit 1
fi
schemerge="$work/bin/schemerge"

cluster=""
workers=""
cleanup() {
  if [[ -n "$workers" ]]; then
    local child
    for child in $(pgrep -P "$workers" 2>/dev/null); do
      pkill -TERM -P "$child" 2>/dev/null || true
    done
    pkill -TERM -P "$workers" 2>/dev/null || true
    kill -TERM "$workers" 2>/dev/null || true
    wait "$workers" 2>/dev/null || true
    workers=""
  fi
  if [[ -n "$cluster" ]]; then
    pg_cluster_stop "$cluster"
    cluster=""
  fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

start_time=$SECONDS

# Distinct pairs by the content of both files; the first path (sorted) names the group.
declare -A seen=()
pairs=()
total_pairs=0
while IFS= read -r -d '' dir; do
  dir="${dir%/old.sql}"
  if [[ ! -f "$dir/new.sql" ]]; then
    continue
  fi
  if [[ -n "${CORPUS_FILTER:-}" && "$dir" != *"$CORPUS_FILTER"* ]]; then
    continue
  fi
  total_pairs=$((total_pairs + 1))
  h="$(cat "$dir/old.sql" | sha1sum | cut -c1-40)$(cat "$dir/new.sql" | sha1sum | cut -c1-40)"
  if [[ -z "${seen[$h]:-}" ]]; then
    seen[$h]="$dir"
    pairs+=("$dir")
  fi
done < <(find "$corpus" -path '*/pairs/*' -type f -name old.sql -print0 | LC_ALL=C sort -z)
if ((${#pairs[@]} == 0)); then
  echo "************************************************************" >&2
  echo "SKIPPED: no pairs under $corpus/*/pairs" >&2
  echo "************************************************************" >&2
  exit 77
fi

cluster="$(pg_cluster_start)"
export PGHOST="$cluster" PGUSER=postgres
export schemerge work corpus PG_BIN
export -f normalize_dump drop_sequence_as_integer dump_normalized
echo "corpus: $corpus"
echo "${#pairs[@]} distinct pairs (${total_pairs} paths), $jobs jobs, work dir $work"

# Errors that say the server lacks something the file assumes (as corpus_roundtrip.sh).
env_error_re='extension "[^"]*" is not available|could not access file|could not load library|role "[^"]*" does not exist|security label provider "[^"]*" is not loaded|permission denied to create extension|unrecognized configuration parameter'
export env_error_re

one_pair() {
  local idx="$1" src="$2"
  local rel="${src#"$corpus"/}"
  local dir="$work/pairs/$idx"
  local res="$work/results/$idx"
  local a="pa_$idx" b="pb_$idx"
  local notes=""
  mkdir -p "$dir"
  result() { printf '%s\t%s\t%s\n' "$1" "$rel" "${2:-}" >"$res"; }
  note() { notes="${notes:+$notes; }$1"; }
  psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

  local which
  for which in old new; do
    if grep -q "AS '[^']*', *'[^']*'" "$src/$which.sql"; then
      sed "s/AS '[^']*', *'[^']*'/AS '\$libdir\/plpgsql', 'plpgsql_call_handler'/" "$src/$which.sql" >"$dir/$which.sql"
    else
      cp "$src/$which.sql" "$dir/$which.sql"
    fi
  done

  # pg_dump version noise stripped: equal => the pair is noise only.
  noise_text() {
    LC_ALL=C sed -e '/^--/d' -e '/^SET /d' -e '/^\\\(un\)\{0,1\}restrict /d' -e '/^[[:space:]]*$/d' \
      -e '/^    AS integer$/d' -e 's/EXECUTE PROCEDURE/EXECUTE FUNCTION/' "$1"
  }
  local noise_only=0
  if cmp -s <(noise_text "$dir/old.sql") <(noise_text "$dir/new.sql"); then
    noise_only=1
  fi
  local plan_empty_expected=0
  if cmp -s "$dir/old.sql" "$dir/new.sql"; then
    plan_empty_expected=1
  fi

  # Noise twin of old: same schema, the other pg_dump's spelling.
  LC_ALL=C sed -e '/^--/d' \
    -e 's/EXECUTE PROCEDURE/EXECUTE_SWAP_FUNCTION/' -e 's/EXECUTE FUNCTION/EXECUTE PROCEDURE/' \
    -e 's/EXECUTE_SWAP_FUNCTION/EXECUTE FUNCTION/' \
    -e 's/^SET default_with_oids = false;$/SET default_table_access_method = heap;/' \
    -e 't' -e 's/^SET default_table_access_method = heap;$/SET default_with_oids = false;/' \
    "$dir/old.sql" >"$dir/twin.sql"

  plan_has_statements() { grep -Eqv '^[[:space:]]*(--.*)?$' "$1"; }

  local twin_rc=0 twin_bad=""
  timeout 300 "$schemerge" diff "$dir/old.sql" "$dir/twin.sql" >"$dir/twin_plan.sql" 2>"$dir/twin.err" || twin_rc=$?
  if ((twin_rc == 0)) && plan_has_statements "$dir/twin_plan.sql"; then
    twin_bad="noise twin of old gives $(grep -Ecv '^[[:space:]]*(--.*)?$' "$dir/twin_plan.sql") plan lines, e.g. $(grep -Ev '^[[:space:]]*(--.*)?$' "$dir/twin_plan.sql" | head -1)"
  fi

  psql -X -q -d postgres -c "CREATE DATABASE $a" -c "CREATE DATABASE $b" >/dev/null 2>"$dir/createdb.err" || {
    result FAIL_HARNESS "createdb: $(head -1 "$dir/createdb.err")"
    return 0
  }
  local status="" detail="" f db first_err
  for which in old new; do
    db="$a"
    [[ "$which" == new ]] && db="$b"
    if ! psqlq -d "$db" --single-transaction -f "$dir/$which.sql" >/dev/null 2>"$dir/load_$which.err"; then
      first_err="$(grep -m1 -o 'ERROR: .*' "$dir/load_$which.err" || head -1 "$dir/load_$which.err")"
      if grep -Eq "$env_error_re" <<<"$first_err"; then
        status=SKIP_ENV
      else
        status=SKIP_REJECTED
      fi
      detail="$which.sql: $first_err"
      break
    fi
  done

  local rc=0
  timeout 300 "$schemerge" diff "$dir/old.sql" "$dir/new.sql" >"$dir/plan.sql" 2>"$dir/diff.err" || rc=$?

  if [[ -n "$status" ]]; then
    # PostgreSQL does not accept the pair; still, the diff must not crash.
    if ((rc == 3 || rc >= 124)); then
      result FAIL_CRASH "schemerge diff exit $rc: $(grep -m1 . "$dir/diff.err" || true) ($detail)"
    else
      result "$status" "$detail"
    fi
  elif ((rc == 126 || rc == 127)); then
    result FAIL_HARNESS "could not run schemerge (exit $rc): $(grep -m1 . "$dir/diff.err" || true)"
  elif ((rc != 0)); then
    result FAIL_DIFF "schemerge diff exit $rc: $(grep -m1 . "$dir/diff.err" || true)"
  elif ((noise_only)) && plan_has_statements "$dir/plan.sql"; then
    result FAIL_NOISE_PLAN "files differ only in pg_dump version noise, plan has statements: $(grep -Ev '^[[:space:]]*(--.*)?$' "$dir/plan.sql" | head -1)"
  elif ! psqlq -d "$a" -f "$dir/plan.sql" >"$dir/apply.out" 2>"$dir/apply.err"; then
    result FAIL_APPLY "$(grep -m1 -A1 'ERROR' "$dir/apply.err" | tr '\n' ' ')"
  else
    local empty=0
    plan_has_statements "$dir/plan.sql" || empty=1
    if ((empty && !plan_empty_expected)); then
      note "empty plan, files differ"
    fi
    ((noise_only)) && note "noise only"
    if ! dump_normalized "$a" >"$dir/a.norm" 2>"$dir/pg_dump.err" ||
      ! dump_normalized "$b" >"$dir/b.norm" 2>>"$dir/pg_dump.err"; then
      result FAIL_HARNESS "pg_dump: $(grep -m1 . "$dir/pg_dump.err")"
    elif diff -u --label "old + plan ($rel)" --label "new ($rel)" "$dir/a.norm" "$dir/b.norm" >"$dir/catalog.diff"; then
      result PROVEN "$notes"
    else
      dump_normalized "$a" noise >"$dir/a.noise.norm" 2>/dev/null || true
      dump_normalized "$b" noise >"$dir/b.noise.norm" 2>/dev/null || true
      if cmp -s "$dir/a.noise.norm" "$dir/b.noise.norm"; then
        note "sequences differ only in AS integer"
        result PROVEN_NOISE "$notes"
      else
        result FAIL_MISMATCH "$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines${notes:+; $notes}"
      fi
    fi
  fi
  if [[ -n "$twin_bad" ]]; then
    # Reported on its own line; the pair's own verdict stays.
    printf 'FAIL_NOISE_TWIN\t%s\t%s\n' "$rel" "$twin_bad" >>"$res"
  elif ((twin_rc != 0)); then
    printf 'FAIL_NOISE_TWIN\t%s\t%s\n' "$rel" "schemerge diff old twin exit $twin_rc: $(grep -m1 . "$dir/twin.err" || true)" >>"$res"
  fi
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $a" -c "DROP DATABASE IF EXISTS $b" >/dev/null 2>&1 || true
  if ! grep -q '^FAIL_' "$res"; then
    rm -rf -- "$dir"
  fi
}
export -f one_pair

for i in "${!pairs[@]}"; do
  printf '%s\0%s\0' "$i" "${pairs[$i]}"
done | xargs -0 -n 2 -P "$jobs" bash -c 'one_pair "$1" "$2"' _ &
workers=$!
wait "$workers" || true
workers=""

# Report, in corpus order.
declare -A count=()
failures=0
empty_plans=()
noise_pairs=()
diff_lines="${CORPUS_DIFF_LINES:-40}"
for i in "${!pairs[@]}"; do
  res="$work/results/$i"
  if [[ ! -f "$res" ]]; then
    printf 'FAIL_HARNESS\t%s\tno result\n' "${pairs[$i]#"$corpus"/}" >"$res"
  fi
  # The pair's verdict, then possibly a FAIL_NOISE_TWIN line.
  while IFS=$'\t' read -r status rel detail; do
    printf '%-16s %s%s\n' "$status" "$rel" "${detail:+  ($detail)}"
    count[$status]=$((${count[$status]:-0} + 1))
    [[ "$detail" == *"empty plan, files differ"* ]] && empty_plans+=("$rel ($status)")
    [[ "$detail" == *"noise only"* || "$status" == FAIL_NOISE_PLAN ]] && noise_pairs+=("$rel ($status)")
    if [[ "$status" == FAIL_* ]]; then
      failures=$((failures + 1))
    fi
  done <"$res"
  if [[ -s "$work/pairs/$i/catalog.diff" ]] && grep -q '^FAIL_MISMATCH' "$res"; then
    head -n "$diff_lines" "$work/pairs/$i/catalog.diff" | sed 's/^/    /'
    echo "    [full diff: $work/pairs/$i/catalog.diff; plan: $work/pairs/$i/plan.sql]"
  fi
done

elapsed=$((SECONDS - start_time))
echo
echo "pairs whose files differ only in pg_dump version noise: ${#noise_pairs[@]}"
printf '  %s\n' "${noise_pairs[@]}"
echo "pairs with an empty plan although the files differ: ${#empty_plans[@]}"
printf '  %s\n' "${empty_plans[@]}"
proven=$((${count[PROVEN]:-0} + ${count[PROVEN_NOISE]:-0}))
skipped=$((${count[SKIP_ENV]:-0} + ${count[SKIP_REJECTED]:-0}))
pair_failures=0
summary=""
for s in "${!count[@]}"; do
  case "$s" in
    PROVEN | PROVEN_NOISE | SKIP_ENV | SKIP_REJECTED | FAIL_NOISE_TWIN) ;;
    FAIL_*) pair_failures=$((pair_failures + count[$s])); summary+=", ${count[$s]} ${s,,}" ;;
  esac
done
echo
echo "${#pairs[@]} pairs: $proven proven, $skipped skipped (environment: ${count[SKIP_ENV]:-0}, rejected by PostgreSQL: ${count[SKIP_REJECTED]:-0}), $pair_failures failed${summary}; noise twins: $((${#pairs[@]} - ${count[FAIL_NOISE_TWIN]:-0})) empty, ${count[FAIL_NOISE_TWIN]:-0} not (${elapsed}s)"
if ((failures > 0)); then
  echo "$failures failures; evidence in $work/pairs/" >&2
  exit 1
fi
if [[ -z "${3:-}" ]]; then
  rm -rf -- "$work"
fi
exit 0
