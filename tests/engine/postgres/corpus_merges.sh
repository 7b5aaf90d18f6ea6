#!/usr/bin/env bash
# Prove `schemerge merge` on the real merges of the shared corpus.
#
#   corpus_merges.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]
#
# For each $REPO_DIR/../shared/corpus/postgres/*/merges/NNN/{base,ours,theirs,merged}.sql
# (merged.sql is what the merge commit holds), on one throwaway PostgreSQL 15 cluster:
#   - load merged.sql (psql, ON_ERROR_STOP, one transaction). Only merges whose committed
#     result PostgreSQL accepts are judged; the others are SKIP_ENV (the server lacks an
#     extension/library/role) or SKIP_REJECTED (the file itself is broken);
#   - `schemerge merge base.sql ours.sql theirs.sql --schema-out m.sql` must exit 0: the
#     committed noise of these files (the schema_migrations INSERT list, SET lines, dump
#     comments) never produces a conflict. Exit 1 is CONFLICT, anything else FAIL_MERGE;
#   - m.sql must load and its normalized `pg_dump --schema-only` must equal merged.sql's
#     (tests/engine/postgres/pg_normalize.sh: column order ignored). EQUAL_NOISE when they differ
#     only in pg_dump's `AS integer` on sequences (version noise the merge ignores).
# Where git's line merge does not reproduce merged.sql (it conflicted, or differs), people
# made decisions, and some committed results keep one side wholesale or revert a side's
# change. There a conflict is RESOLVED_BY_HAND (reported, not a failure), and a catalog
# difference is DIVERGED (not a failure) when every differing line of the two normalized
# dumps is a line of base's, ours' or theirs' dump and, object by object (a table's
# column, a constraint, an index, a function, ...), schemerge's version of every
# differing object is base's, ours' or theirs' version (or its absence there): schemerge
# invented nothing, the people chose another input's version (or wrote one of their own).
# A DIVERGED case prints each differing object with the inputs its committed and its
# schemerge version come from, grouped, and what that means (e.g. "the people kept
# base's version: they reverted ours' change"). Where git reproduces merged.sql, nothing
# was decided by hand: a conflict (CONFLICT) or any difference (FAIL_MISMATCH) fails.
# The tally is printed next to git's: meta.json says whether `git merge-file` merged the
# three cleanly and whether that equals merged.sql byte for byte.
#
# Environment shim (as corpus_roundtrip.sh): C functions whose library is not installed
# (openstreetmap's libpgosm) point at '$libdir/plpgsql', 'plpgsql_call_handler' in copies
# of all four files that PostgreSQL and schemerge read; lines and columns stay put.
#
# Exit: 0 no failure, 1 any failure (conflict, mismatch, crash), 77 (skip) when PostgreSQL
# 15, the corpus or the `merge` command is absent.
# Environment: CORPUS_ROOT (instead of ../shared/corpus/postgres), CORPUS_FILTER (substring
# of merge paths to keep), CORPUS_DIFF_LINES (default 40).
set -euo pipefail

if (($# < 2)); then
  echo "usage: corpus_merges.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]" >&2
  exit 2
fi
schemerge="$(realpath "$1")"
repo="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${CORPUS_ROOT:-$repo/../shared/corpus/postgres}"

# shellcheck source=pg_cluster.sh
source "$here/pg_cluster.sh"
# shellcheck source=pg_normalize.sh
source "$here/pg_normalize.sh"
pg_require || exit $?

skip() {
  echo "************************************************************" >&2
  echo "SKIPPED: $1" >&2
  echo "************************************************************" >&2
  exit 77
}
if [[ ! -x "$schemerge" ]]; then
  echo "corpus_merges.sh: schemerge binary not found: $schemerge" >&2
  exit 1
fi
# `schemerge merge --help` succeeds even without the command: look at the list.
if ! "$schemerge" --help 2>/dev/null | grep -Eq '^[[:space:]]+merge([[:space:]]|$)'; then
  skip "schemerge merge not available in $schemerge"
fi
if [[ ! -d "$corpus" ]]; then
  skip "corpus not found at $corpus (the shared corpus lives beside the repository, never in it)"
fi
corpus="$(realpath "$corpus")"

merges=()
while IFS= read -r -d '' f; do
  dir="${f%/merged.sql}"
  if [[ -n "${CORPUS_FILTER:-}" && "$dir" != *"$CORPUS_FILTER"* ]]; then
    continue
  fi
  if [[ -f "$dir/base.sql" && -f "$dir/ours.sql" && -f "$dir/theirs.sql" ]]; then
    merges+=("$dir")
  fi
done < <(find "$corpus" -path '*/merges/*' -type f -name merged.sql -print0 | LC_ALL=C sort -z)
if ((${#merges[@]} == 0)); then
  skip "no merges under $corpus/*/merges"
fi

work="${3:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-merges.XXXXXX")"
else
  rm -rf -- "$work"
  mkdir -p "$work"
fi
work="$(realpath "$work")"
mkdir -p "$work/bin" "$work/merges"
# Run a snapshot of the binary: others may relink it during the run.
for try in 1 2 3 4 5 6 7 8 9 10; do
  if cp "$schemerge" "$work/bin/schemerge.tmp" 2>/dev/null && "$work/bin/schemerge.tmp" --version >/dev/null 2>&1; then
    mv "$work/bin/schemerge.tmp" "$work/bin/schemerge"
    break
  fi
  sleep 3
done
if [[ ! -x "$work/bin/schemerge" ]]; then
  echo "corpus_merges.sh: cannot run a copy of $schemerge" >&2
  exit 1
fi
schemerge="$work/bin/schemerge"

cluster=""
cleanup() {
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
echo "corpus: $corpus"
echo "${#merges[@]} merges, work dir $work"

# Errors that say the server lacks something the file assumes (as corpus_roundtrip.sh).
env_error_re='extension "[^"]*" is not available|could not access file|could not load library|role "[^"]*" does not exist|security label provider "[^"]*" is not loaded|permission denied to create extension|unrecognized configuration parameter'
psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# meta.json fields without a JSON tool: "key": true|false.
meta_bool() {
  grep -Eo "\"$2\"[[:space:]]*:[[:space:]]*(true|false)" "$1" 2>/dev/null | grep -Eo '(true|false)$' || echo unknown
}

# Normalized dump lines (trailing commas dropped), sorted and unique.
dump_lines() { sed -e 's/,$//' "$1" | LC_ALL=C sort -u; }

# A mismatch where humans had to decide (git's line merge did not reproduce merged.sql):
# succeeds when every line on which schemerge's result and merged.sql differ is a line of
# base, ours or theirs, i.e. the committed resolution picked another input's version and
# schemerge invented nothing. Otherwise prints the first invented line and fails.
invented_lines() {
  local dir="$1" which db line
  for which in base ours theirs; do
    db="mi_${which}"
    psqlq -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 || return 1
    if ! psqlq -d "$db" --single-transaction -f "$dir/$which.sql" >/dev/null 2>"$dir/load_$which.err"; then
      echo "($which.sql does not load)"
      return 1
    fi
    dump_normalized "$db" >"$dir/$which.norm" 2>/dev/null || return 1
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
  cat "$dir/base.norm" "$dir/ours.norm" "$dir/theirs.norm" | sed -e 's/,$//' | LC_ALL=C sort -u >"$dir/inputs.lines"
  LC_ALL=C comm -3 <(dump_lines "$dir/merged.norm") <(dump_lines "$dir/m.norm") | sed 's/^\t//' |
    LC_ALL=C sort -u >"$dir/differing.lines"
  LC_ALL=C comm -23 "$dir/differing.lines" "$dir/inputs.lines" >"$dir/invented.lines"
  if [[ -s "$dir/invented.lines" ]]; then
    head -1 "$dir/invented.lines"
    return 1
  fi
  for which in merged m base ours theirs; do
    dump_objects <"$dir/$which.norm" >"$dir/$which.objects"
  done
  attribute_objects "$dir/merged.objects" "$dir/m.objects" "$dir/base.objects" "$dir/ours.objects" \
    "$dir/theirs.objects" >"$dir/objects.txt"
  if grep -q '^INVENTED ' "$dir/objects.txt"; then
    grep -m1 '^INVENTED ' "$dir/objects.txt" | sed 's/^INVENTED //'
    return 1
  fi
  return 0
}

# stdin: normalize_dump output; stdout: one `KEY<TAB>VALUE` line per object (a table's
# columns and inline constraints each on their own; other statements keyed by kind and
# name, the rest by their first line; newlines of a value written as \n).
dump_objects() {
  LC_ALL=C awk '
    function flush(   n, L, first, t, i, line, c, w, k, key, v) {
      if (stmt == "") return
      n = split(stmt, L, "\n")
      first = L[1]
      if (first ~ /^CREATE (UNLOGGED |FOREIGN )?TABLE .*\($/) {
        t = first; sub(/^CREATE (UNLOGGED |FOREIGN )?TABLE /, "", t); sub(/ \($/, "", t)
        print "table " t "\t" first
        for (i = 2; i < n; i++) {
          line = L[i]; sub(/,$/, "", line); c = line; sub(/^ +/, "", c)
          split(c, w, " ")
          print (c ~ /^CONSTRAINT / ? "constraint " t "." w[2] : "column " t "." w[1]) "\t" c
        }
        print "table " t " (after the columns)\t" L[n]
        stmt = ""
        return
      }
      if (match(first, /^CREATE (UNIQUE )?INDEX [^ ]+/)) {
        k = substr(first, RSTART, RLENGTH); sub(/^CREATE (UNIQUE )?INDEX /, "", k); key = "index " k
      } else if (first ~ /^ALTER TABLE ONLY [^ ]+$/ && n >= 2 && L[2] ~ /^    ADD CONSTRAINT /) {
        t = first; sub(/^ALTER TABLE ONLY /, "", t); c = L[2]; sub(/^    ADD CONSTRAINT /, "", c); sub(/ .*/, "", c)
        key = "constraint " t "." c
      } else if (first ~ /^ALTER TABLE ONLY [^ ]+ ALTER COLUMN [^ ]+ SET DEFAULT/) {
        k = first; sub(/^ALTER TABLE ONLY /, "", k); sub(/ SET DEFAULT.*/, "", k); sub(/ ALTER COLUMN /, ".", k)
        key = "default of " k
      } else if (first ~ /^ALTER SEQUENCE [^ ]+ OWNED BY/) {
        k = first; sub(/^ALTER SEQUENCE /, "", k); sub(/ OWNED BY.*/, "", k); key = "owner column of sequence " k
      } else if (match(first, /^CREATE SEQUENCE [^ ;]+/)) {
        k = substr(first, RSTART, RLENGTH); sub(/^CREATE SEQUENCE /, "", k); key = "sequence " k
      } else if (match(first, /^CREATE (OR REPLACE )?(FUNCTION|PROCEDURE|AGGREGATE) [^(]+\([^)]*\)/)) {
        k = substr(first, RSTART, RLENGTH); sub(/^CREATE (OR REPLACE )?/, "", k); key = tolower(substr(k, 1, index(k, " ") - 1)) substr(k, index(k, " "))
      } else if (match(first, /^CREATE (OR REPLACE )?(MATERIALIZED )?VIEW [^ ]+/)) {
        k = substr(first, RSTART, RLENGTH); sub(/^CREATE (OR REPLACE )?/, "", k); key = tolower(k)
      } else if (match(first, /^CREATE (TYPE|TRIGGER|SCHEMA|DOMAIN) [^ ;]+/)) {
        k = substr(first, RSTART, RLENGTH); sub(/^CREATE /, "", k); key = tolower(substr(k, 1, index(k, " ") - 1)) substr(k, index(k, " "))
      } else if (match(first, /^CREATE EXTENSION (IF NOT EXISTS )?[^ ;]+/)) {
        k = substr(first, RSTART, RLENGTH); sub(/^CREATE EXTENSION (IF NOT EXISTS )?/, "", k); key = "extension " k
      } else if (match(first, /^COMMENT ON .* IS /)) {
        k = substr(first, RSTART, RLENGTH); sub(/ IS $/, "", k); key = "comment on " tolower(substr(k, 12))
      } else {
        key = "statement " first
      }
      v = stmt; gsub(/\n/, "\\n", v)
      print key "\t" v
      stmt = ""
    }
    { stmt = (stmt == "" ? $0 : stmt "\n" $0) }
    /;$/ && (stmt !~ /^CREATE (UNLOGGED |FOREIGN )?TABLE .*\($/ || $0 ~ /^\)/) { flush() }
    END { flush() }
  '
}

# attribute_objects: tests/engine/corpus_attribution.sh (shared with the MySQL script).
source "$here/../corpus_attribution.sh"

declare -A count=()
failures=0
git_equal=0 git_clean_different=0 git_conflicts=0 git_unknown=0
diff_lines="${CORPUS_DIFF_LINES:-40}"
for i in "${!merges[@]}"; do
  src="${merges[$i]}"
  rel="${src#"$corpus"/}"
  dir="$work/merges/$i"
  mkdir -p "$dir"
  for which in base ours theirs merged; do
    if grep -q "AS '[^']*', *'[^']*'" "$src/$which.sql"; then
      sed "s/AS '[^']*', *'[^']*'/AS '\$libdir\/plpgsql', 'plpgsql_call_handler'/" "$src/$which.sql" >"$dir/$which.sql"
    else
      cp "$src/$which.sql" "$dir/$which.sql"
    fi
  done

  git_note=""
  git_reproduces=0
  [[ "$(meta_bool "$src/meta.json" git_merge_file_clean)/$(meta_bool "$src/meta.json" merged_equals_git_merge_file)" == true/true ]] && git_reproduces=1
  case "$(meta_bool "$src/meta.json" git_merge_file_clean)/$(meta_bool "$src/meta.json" merged_equals_git_merge_file)" in
    true/true) git_equal=$((git_equal + 1)); git_note="git merge-file: equal" ;;
    true/*) git_clean_different=$((git_clean_different + 1)); git_note="git merge-file: clean, differs" ;;
    false/*) git_conflicts=$((git_conflicts + 1)); git_note="git merge-file: conflicts" ;;
    *) git_unknown=$((git_unknown + 1)); git_note="git merge-file: unknown" ;;
  esac

  status="" detail=""
  mdb="mm_$i" sdb="ms_$i"
  psqlq -d postgres -c "DROP DATABASE IF EXISTS $mdb" -c "DROP DATABASE IF EXISTS $sdb" \
    -c "CREATE DATABASE $mdb" -c "CREATE DATABASE $sdb" >/dev/null 2>"$dir/createdb.err" || {
    status=FAIL_HARNESS detail="createdb: $(head -1 "$dir/createdb.err")"
  }
  if [[ -z "$status" ]] && ! psqlq -d "$mdb" --single-transaction -f "$dir/merged.sql" >/dev/null 2>"$dir/load_merged.err"; then
    first_err="$(grep -m1 -o 'ERROR: .*' "$dir/load_merged.err" || head -1 "$dir/load_merged.err")"
    if grep -Eq "$env_error_re" <<<"$first_err"; then
      status=SKIP_ENV
    else
      status=SKIP_REJECTED
    fi
    detail="merged.sql: $first_err"
  fi
  rc=0
  (cd "$dir" && timeout 300 "$schemerge" merge base.sql ours.sql theirs.sql --schema-out m.sql) \
    >"$dir/report.txt" 2>"$dir/merge.err" || rc=$?
  if [[ -n "$status" ]]; then
    # Not judged; still, the merge must not crash.
    if ((rc >= 3)); then
      status=FAIL_CRASH detail="schemerge merge exit $rc: $(grep -m1 . "$dir/merge.err" || true) ($detail)"
    fi
  elif ((rc == 1)); then
    if ((git_reproduces)); then
      status=CONFLICT
    else
      status=RESOLVED_BY_HAND
    fi
    detail="$(grep -m1 '^CONFLICT' "$dir/report.txt" || grep -m1 . "$dir/report.txt")"
  elif ((rc != 0)); then
    status=FAIL_MERGE
    detail="schemerge merge exit $rc: $(cat "$dir/report.txt" "$dir/merge.err" | grep -m1 . || true)"
  elif ! psqlq -d "$sdb" --single-transaction -f "$dir/m.sql" >/dev/null 2>"$dir/load_m.err"; then
    status=FAIL_LOAD
    detail="m.sql: $(grep -m1 -o 'ERROR: .*' "$dir/load_m.err" || head -1 "$dir/load_m.err")"
  elif ! dump_normalized "$mdb" >"$dir/merged.norm" 2>"$dir/pg_dump.err" ||
    ! dump_normalized "$sdb" >"$dir/m.norm" 2>>"$dir/pg_dump.err"; then
    status=FAIL_HARNESS detail="pg_dump: $(grep -m1 . "$dir/pg_dump.err")"
  elif diff -u --label "merged.sql ($rel)" --label "schemerge merge" "$dir/merged.norm" "$dir/m.norm" >"$dir/catalog.diff"; then
    status=EQUAL
  else
    dump_normalized "$mdb" noise >"$dir/merged.noise.norm" 2>/dev/null || true
    dump_normalized "$sdb" noise >"$dir/m.noise.norm" 2>/dev/null || true
    if cmp -s "$dir/merged.noise.norm" "$dir/m.noise.norm"; then
      status=EQUAL_NOISE detail="sequences differ only in AS integer"
    elif ((git_reproduces)); then
      status=FAIL_MISMATCH detail="$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines; git merge-file reproduces merged.sql"
    elif invented="$(invented_lines "$dir" "$rel")"; then
      status=DIVERGED
      detail="$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines in $(awk '/^[0-9]/ { n += $1 } END { print n + 0 }' "$dir/objects.txt") objects; schemerge's version of each is an input's: the committed resolution decided differently"
    else
      status=FAIL_MISMATCH detail="$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines; in no input: $invented"
    fi
  fi
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $mdb" -c "DROP DATABASE IF EXISTS $sdb" >/dev/null 2>&1 || true

  count[$status]=$((${count[$status]:-0} + 1))
  printf '%-14s %s  [%s]%s\n' "$status" "$rel" "$git_note" "${detail:+  ($detail)}"
  if [[ "$status" == DIVERGED ]]; then
    sed 's/^/    /' "$dir/objects.txt"
  fi
  case "$status" in
    CONFLICT | FAIL_*)
      failures=$((failures + 1))
      if [[ -s "$dir/catalog.diff" ]]; then
        head -n "$diff_lines" "$dir/catalog.diff" | sed 's/^/    /'
        echo "    [full diff: $dir/catalog.diff; merged: $dir/m.sql]"
      elif [[ "$status" == CONFLICT ]]; then
        head -n "$diff_lines" "$dir/report.txt" | sed 's/^/    /'
      fi
      ;;
    *) rm -rf -- "$dir" ;;
  esac
done

elapsed=$((SECONDS - start_time))
equal=$((${count[EQUAL]:-0} + ${count[EQUAL_NOISE]:-0}))
conflicts=$((${count[CONFLICT]:-0} + ${count[RESOLVED_BY_HAND]:-0}))
skipped=$((${count[SKIP_ENV]:-0} + ${count[SKIP_REJECTED]:-0}))
other=""
for s in "${!count[@]}"; do
  case "$s" in
    EQUAL | EQUAL_NOISE | SKIP_ENV | SKIP_REJECTED | CONFLICT | RESOLVED_BY_HAND | DIVERGED) ;;
    *) other+=", ${count[$s]} ${s,,}" ;;
  esac
done
echo
echo "${#merges[@]} merges: $equal equal, $conflicts conflicts (${count[RESOLVED_BY_HAND]:-0} where git merge-file does not reproduce the committed result either), ${count[DIVERGED]:-0} resolved differently by hand, $skipped skipped (environment: ${count[SKIP_ENV]:-0}, merged.sql rejected by PostgreSQL: ${count[SKIP_REJECTED]:-0})${other} (${elapsed}s)"
git_tally="git merge-file: $git_equal clean and equal to merged.sql, $git_clean_different clean but different, $git_conflicts with conflicts"
((git_unknown == 0)) || git_tally+=", $git_unknown without meta.json"
echo "$git_tally"
if ((failures > 0)); then
  echo "$failures failures; evidence in $work/merges/" >&2
  exit 1
fi
if [[ -z "${3:-}" ]]; then
  rm -rf -- "$work"
fi
exit 0
