#!/usr/bin/env bash
# Round-trip every distinct PostgreSQL schema file of the shared corpus through
# `schemerge dump` and a real PostgreSQL 15, and compare catalogs.
#
#   corpus_roundtrip.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]
#
# For each distinct (by content) .sql file F under $REPO_DIR/../shared/corpus/postgres:
#   - load F into database a (psql, ON_ERROR_STOP, one transaction);
#   - PostgreSQL accepts F: `schemerge dump F -o out.sql` must exit 0, out.sql must load
#     into database b, and `pg_dump --schema-only --no-owner --no-privileges` of a and b
#     must be equal after normalization (comments, SET lines and blank lines dropped,
#     column lines of each CREATE TABLE sorted, statements compared as a multiset);
#   - PostgreSQL rejects F for a reason in the file (syntax, semantics): schemerge must
#     exit 2 with a `file:line:col: error:` message;
#   - PostgreSQL rejects F for an environmental reason schemerge cannot know about
#     (extension or C library not installed, ...): schemerge must succeed, unless
#     PostgreSQL also reports a syntax error somewhere in F, in which case it must exit 2.
#   - exit code 3, >= 128 (signal) or a timeout is always a failure;
#   - whenever schemerge succeeds, its output must be a fixed point:
#     dump(dump(F)) == dump(F), byte for byte.
#
# Environment shim: C-language functions whose shared library is not installed
# (openstreetmap's libpgosm) are pointed at a library PostgreSQL ships
# ('$libdir/plpgsql', 'plpgsql_call_handler'), in a copy of F that both PostgreSQL and
# schemerge read. Only the two string literals change, so lines and columns stay put.
#
# Exit: 0 all good, 1 any failure, 77 (skip) when PostgreSQL 15 or the corpus is absent.
# Environment: CORPUS_ROOT (directory searched instead of the corpus), CORPUS_JOBS (default 2), CORPUS_FILTER (substring of paths to keep),
# CORPUS_DIFF_LINES (lines of each diff printed, default 80).
set -euo pipefail

if (($# < 2)); then
  echo "usage: corpus_roundtrip.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]" >&2
  exit 2
fi
schemerge="$(realpath "$1")"
repo="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${CORPUS_ROOT:-$repo/../shared/corpus/postgres}"
jobs="${CORPUS_JOBS:-2}"

# shellcheck source=pg_cluster.sh
source "$here/pg_cluster.sh"
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
  echo "corpus_roundtrip.sh: schemerge binary not found: $schemerge" >&2
  exit 1
fi

work="${3:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-corpus.XXXXXX")"
else
  rm -rf -- "$work"
  mkdir -p "$work"
fi
work="$(realpath "$work")"
mkdir -p "$work/results" "$work/files"

cluster=""
workers=""
cleanup() {
  if [[ -n "$workers" ]]; then
    # xargs and its per-file shells, by process id.
    local child
    for child in $(pgrep -P "$workers" 2>/dev/null); do
      pkill -TERM -P "$child" 2>/dev/null || true  # timeout/psql/pg_dump of that file
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
cluster="$(pg_cluster_start)"
export PGHOST="$cluster" PGUSER=postgres
export schemerge work corpus PG_BIN

# Distinct files by content; the first path (sorted) names the group.
declare -A seen=()
files=()
total_paths=0
while IFS= read -r -d '' f; do
  if [[ -n "${CORPUS_FILTER:-}" && "$f" != *"$CORPUS_FILTER"* ]]; then
    continue
  fi
  total_paths=$((total_paths + 1))
  h="$(sha1sum <"$f" | cut -c1-40)"
  if [[ -z "${seen[$h]:-}" ]]; then
    seen[$h]="$f"
    files+=("$f")
  fi
done < <(find "$corpus" -type f -name '*.sql' -print0 | LC_ALL=C sort -z)
echo "corpus: $corpus"
echo "${#files[@]} distinct files (${total_paths} paths), $jobs jobs, work dir $work"

# pg_dump output -> one normalized statement per record, sorted.
normalize_dump() {
  LC_ALL=C awk '
    /^--/ { next }
    /^SET / { next }
    /^SELECT pg_catalog\.set_config/ { next }
    /^\\(un)?restrict / { next }
    /^[[:space:]]*$/ { next }
    {
      if (in_table) {
        if ($0 ~ /^\)/) {
          # Column order is ignored: sort the body lines (without their trailing commas).
          n = 0
          for (i = 1; i <= nbody; i++) { line = body[i]; sub(/,$/, "", line); sorted[++n] = line }
          for (i = 2; i <= n; i++) { v = sorted[i]; j = i - 1
            while (j >= 1 && sorted[j] > v) { sorted[j + 1] = sorted[j]; j-- }
            sorted[j + 1] = v }
          for (i = 1; i <= n; i++) { emit(sorted[i] (i < n ? "," : "")) }
          in_table = 0; nbody = 0
          emit($0)
          next
        }
        body[++nbody] = $0
        next
      }
      if ($0 ~ /^CREATE (UNLOGGED |FOREIGN )?TABLE .*\($/) { in_table = 1; nbody = 0 }
      emit($0)
    }
    function emit(line) {
      stmt = (stmt == "" ? line : stmt "\001" line)
      if (line ~ /;$/ && !in_table) { print stmt; stmt = "" }
    }
    END { if (stmt != "") { print stmt } }
  ' | LC_ALL=C sort | tr '\001' '\n'
}
export -f normalize_dump

# Errors that say the server lacks something the file assumes; schemerge cannot know.
env_error_re='extension "[^"]*" is not available|could not access file|could not load library|role "[^"]*" does not exist|security label provider "[^"]*" is not loaded|permission denied to create extension|unrecognized configuration parameter'
export env_error_re

one_file() {
  local idx="$1" f="$2"
  local rel="${f#"$corpus"/}"
  local dir="$work/files/$idx"
  local res="$work/results/$idx"
  local a="a_$idx" b="b_$idx"
  mkdir -p "$dir"

  local input="$f"
  if grep -q "AS '[^']*', *'[^']*'" "$f"; then
    # See the header: only the library path and symbol of C functions change.
    sed "s/AS '[^']*', *'[^']*'/AS '\$libdir\/plpgsql', 'plpgsql_call_handler'/" "$f" >"$dir/input.sql"
    input="$dir/input.sql"
  fi

  # The canonical output is a fixed point: dumping it again changes nothing.
  idempotent() {
    timeout 300 "$schemerge" dump "$dir/out.sql" -o "$dir/out2.sql" 2>"$dir/dump2.err" &&
      diff -u "$dir/out.sql" "$dir/out2.sql" >"$dir/diff.txt"
  }
  result() { printf '%s\t%s\t%s\n' "$1" "$rel" "${2:-}" >"$res"; }

  psql -X -q -d postgres -c "CREATE DATABASE $a" >/dev/null 2>"$dir/createdb.err" || {
    result FAIL_HARNESS "createdb: $(head -1 "$dir/createdb.err")"
    return 0
  }
  local pg_ok=1
  if ! psql -X -q -d "$a" -v ON_ERROR_STOP=1 --single-transaction -f "$input" \
    >/dev/null 2>"$dir/pg_load.err"; then
    pg_ok=0
  fi

  local rc=0
  timeout 300 "$schemerge" dump "$input" -o "$dir/out.sql" >"$dir/dump.out" 2>"$dir/dump.err" || rc=$?
  local first_err
  first_err="$(grep -m1 -o 'ERROR: .*' "$dir/pg_load.err" || true)"

  if ((rc == 126 || rc == 127)); then
    # Not schemerge's doing: the binary could not be run (e.g. relinked meanwhile).
    result FAIL_HARNESS "could not run schemerge (exit $rc): $(grep -m1 . "$dir/dump.err" || true)"
  elif ((rc == 3 || rc >= 124)); then
    result FAIL_CRASH "schemerge exit $rc: $(grep -m1 . "$dir/dump.err" || true)"
  elif ((pg_ok == 0)); then
    local must_reject=1 why="rejected: $first_err"
    if grep -Eq "$env_error_re" <<<"$first_err"; then
      # Environmental: does PostgreSQL see a syntax error anywhere else in the file?
      psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $a" >/dev/null 2>&1 || true
      psql -X -q -d postgres -c "CREATE DATABASE $a" >/dev/null 2>&1 || true
      psql -X -q -d "$a" -f "$input" >/dev/null 2>"$dir/pg_load_all.err" || true
      if grep -q 'ERROR:  syntax error' "$dir/pg_load_all.err"; then
        why="environment ($first_err) and $(grep -m1 -o 'ERROR:  syntax error.*' "$dir/pg_load_all.err")"
      else
        must_reject=0
        why="environment: $first_err"
      fi
    fi
    if ((must_reject)); then
      if ((rc == 2)) && grep -Eq '^[^:]+:[0-9]+:[0-9]+: error: ' "$dir/dump.err"; then
        result REJECTED_BOTH "$why | schemerge: $(grep -m1 -E ': error: ' "$dir/dump.err")"
      elif ((rc == 2)); then
        result FAIL_ERROR_FORMAT "$why | schemerge exit 2 without file:line:col: error: $(head -1 "$dir/dump.err")"
      else
        result FAIL_NOT_REJECTED "$why | schemerge exit $rc"
      fi
    else
      if ((rc == 0)) && ! idempotent; then
        result FAIL_NOT_IDEMPOTENT "$why | dump(dump(F)) != dump(F)"
      elif ((rc == 0)); then
        result ENV_SKIPPED "$why | schemerge exit 0, dump(dump(F)) == dump(F)"
      else
        result FAIL_ENV_DUMP "$why | schemerge exit $rc: $(grep -m1 . "$dir/dump.err" || true)"
      fi
    fi
  elif ((rc != 0)); then
    result FAIL_DUMP "schemerge exit $rc: $(grep -m1 . "$dir/dump.err" || true)"
  else
    psql -X -q -d postgres -c "CREATE DATABASE $b" >/dev/null 2>&1
    if ! psql -X -q -d "$b" -v ON_ERROR_STOP=1 --single-transaction -f "$dir/out.sql" \
      >/dev/null 2>"$dir/reload.err"; then
      result FAIL_RELOAD "$(grep -m1 . "$dir/reload.err")"
    else
      local db
      for db in "$a" "$b"; do
        "$PG_BIN/pg_dump" --schema-only --no-owner --no-privileges -d "$db" 2>"$dir/pg_dump.err" |
          normalize_dump >"$dir/$db.norm"
      done
      if ! diff -u --label "postgres($rel)" --label "postgres(schemerge dump $rel)" \
        "$dir/$a.norm" "$dir/$b.norm" >"$dir/diff.txt"; then
        result FAIL_MISMATCH "$(grep -c '^[-+][^-+]' "$dir/diff.txt") differing lines"
      elif ! idempotent; then
        result FAIL_NOT_IDEMPOTENT "dump(dump(F)) != dump(F)"
      else
        result EQUAL
      fi
    fi
  fi
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $a" -c "DROP DATABASE IF EXISTS $b" >/dev/null 2>&1 || true
  # Keep the evidence of failures only.
  if [[ "$(cut -f1 "$res")" != FAIL_* ]]; then
    rm -rf -- "$dir"
  fi
}
export -f one_file

for i in "${!files[@]}"; do
  printf '%s\0%s\0' "$i" "${files[$i]}"
done | xargs -0 -n 2 -P "$jobs" bash -c 'one_file "$1" "$2"' _ &
# In the background and waited for, so that INT/TERM run the trap at once (bash defers
# traps until a foreground command ends).
workers=$!
wait "$workers" || true
workers=""

# Report, in corpus order.
declare -A count=()
failures=0
diff_lines="${CORPUS_DIFF_LINES:-80}"
for i in "${!files[@]}"; do
  res="$work/results/$i"
  if [[ ! -f "$res" ]]; then
    printf 'FAIL_HARNESS\t%s\tno result\n' "${files[$i]#"$corpus"/}" >"$res"
  fi
  IFS=$'\t' read -r status rel detail <"$res"
  count[$status]=$((${count[$status]:-0} + 1))
  printf '%-18s %s%s\n' "$status" "$rel" "${detail:+  ($detail)}"
  if [[ "$status" == FAIL_* ]]; then
    failures=$((failures + 1))
    if [[ -s "$work/files/$i/diff.txt" ]]; then
      head -n "$diff_lines" "$work/files/$i/diff.txt" | sed 's/^/    /'
      echo "    [full diff: $work/files/$i/diff.txt]"
    fi
  fi
done

elapsed=$((SECONDS - start_time))
summary="${#files[@]} files: ${count[EQUAL]:-0} equal, ${count[REJECTED_BOTH]:-0} rejected by both, ${count[ENV_SKIPPED]:-0} skipped (PostgreSQL lacks an extension/library), $((${count[FAIL_MISMATCH]:-0})) mismatched"
for s in "${!count[@]}"; do
  case "$s" in
    EQUAL | REJECTED_BOTH | ENV_SKIPPED | FAIL_MISMATCH) ;;
    *) summary+=", ${count[$s]} ${s,,}" ;;
  esac
done
echo
echo "$summary (${elapsed}s)"
if ((failures > 0)); then
  echo "$failures failures; evidence in $work/files/" >&2
  exit 1
fi
if [[ -z "${3:-}" ]]; then
  rm -rf -- "$work"
fi
exit 0
