#!/usr/bin/env bash
# Prove `schemerge merge --dialect mysql` on the real merges of the shared corpus; the
# MySQL twin of tests/engine/postgres/corpus_merges.sh.
#
#   corpus_merges.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]
#
# For each $REPO_DIR/../shared/corpus/mysql/*/merges/NNN/{base,ours,theirs,merged}.sql
# (merged.sql is what the merge commit holds), on one throwaway MariaDB 10.11
# (tests/engine/mysql/mariadb_server.sh). ZoneMinder's files are build templates: the
# placeholders get the build's defaults and `source` lines are left out, as
# corpus_pairs.sh does and as a user feeding the template after configure would.
#   - all four files are loaded (without the schema_migrations rows: see without_rows); a
#     merge where MariaDB rejects one of them is SKIP_REJECTED, printed with the file and
#     MariaDB's message (not judged);
#   - `schemerge merge --dialect mysql base.sql ours.sql theirs.sql --schema-out m.sql`
#     must exit 0: the committed noise of these files (schema_migrations INSERT rows, SET
#     lines, dump comments, AUTO_INCREMENT counters) never produces a conflict. Exit 1 is
#     CONFLICT, anything else FAIL_MERGE (FAIL_CRASH on 3 and above);
#   - m.sql must load (else FAIL_LOAD) and its catalog (mariadb_catalog: SHOW CREATE TABLE
#     with key order and the AUTO_INCREMENT counter left out, views, triggers, routines)
#     must equal merged.sql's: EQUAL; EQUAL_NOISE when they differ only in integer
#     display widths (see without_display_widths). When schemerge rejects an input with a
#     located error (exit 2) and MariaDB rejects that file as committed too (rows
#     included), the merge is SKIP_REJECTED.
# Where git's line merge does not reproduce merged.sql (it conflicted, or differs), people
# made decisions, and some committed results keep one side wholesale or revert a side's
# change. There a conflict is RESOLVED_BY_HAND (reported, not a failure), and a catalog
# difference is DIVERGED (not a failure) when, object by object (a table's column, key,
# constraint, options line and column order, a view, trigger, routine), schemerge's version
# of every differing object is base's, ours' or theirs' version (or its absence there):
# schemerge invented nothing, the people chose another input's version. A DIVERGED case
# prints each differing object with the inputs its committed and its schemerge version
# come from. Where git reproduces merged.sql, nothing was decided by hand: a conflict
# (CONFLICT) or any difference (FAIL_MISMATCH) fails. The tally is printed next to git's.
# Every merge schemerge merged (EQUAL, EQUAL_NOISE, DIVERGED) is run again through
# `schemerge merge-driver` (what `git merge` calls) on a copy of ours.sql: it must exit 0
# and write a file that loads to m.sql's catalog up to integer display widths (it keeps
# git's line merge, int(10) as spelled, when that is right), or — where git's line merge
# conflicts and the file carries rows it does not merge (ZoneMinder's seed INSERTs) —
# stop with exit 1 and the conflict described in the file; anything else is FAIL_DRIVER.
#
# Exit: 0 no failure, 1 any failure, 77 (skip, loudly) without MariaDB or the corpus.
# Environment: CORPUS_ROOT (the corpus folder holding mysql/; default ../shared/corpus),
# CORPUS_FILTER (substring of merge paths to keep), CORPUS_DIFF_LINES (default 40).
set -euo pipefail

if (($# < 2)); then
  echo "usage: corpus_merges.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]" >&2
  exit 2
fi
schemerge="$(realpath "$1")"
repo="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${CORPUS_ROOT:-$repo/../shared/corpus}/mysql"

# shellcheck source=mariadb_server.sh
source "$here/mariadb_server.sh"
mariadb_require || exit $?

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
if [[ ! -d "$corpus" ]]; then
  skip "no MySQL corpus at $corpus (the shared corpus lives beside the repository, never in it; set CORPUS_ROOT)"
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
  work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-mysql-merges.XXXXXX")"
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

# The server's directory is short (the socket path must be) and its own.
server="$(mktemp -d "${TMPDIR:-/tmp}/scm.XXXXXX")"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$server" ]]; then
    mariadb_stop "$server"
    rm -rf -- "$server"
    server=""
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_time=$SECONDS
mariadb_start "$server"
echo "corpus: $corpus"
echo "${#merges[@]} merges, MariaDB $(mariadb_sql "$server" -N -e 'select version()'), work dir $work"

# The file as MariaDB and schemerge read it: templates filled, `source` lines out (as
# corpus_pairs.sh). Lines stay where they are.
prepare() {
  sed -e 's/@ZM_DB_NAME@/s/g' -e 's/@ZM_MYSQL_ENGINE@/InnoDB/g' \
    -e 's#@ZM_DIR_EVENTS@#/var/cache/zoneminder/events#g' -e 's#@ZM_PATH_DATA@#/usr/share/zoneminder#g' \
    -e 's#@PKGDATADIR@#/usr/share/zoneminder#g' -e 's/@VERSION@/1.36.0/g' \
    -e 's/^[[:space:]]*source[[:space:]].*$/-- (source line left out)/' "$1" >"$2"
}
fresh() { mariadb_sql "$server" -e "drop database if exists s; create database s"; }
# The file MariaDB loads: as prepare()'s, without the rows of Rails' schema_migrations
# list (data, not schema: no catalog holds them, and schemerge reads them as data). Their
# lines go, and with them what people committed inside the list: git conflict markers and
# rows missing a comma, which MariaDB rejects although the schema around them is sound.
# schemerge itself always reads the file whole.
without_rows() {
  awk '
    /^INSERT INTO `?schema_migrations`? / { rows = 1; next }
    rows && /^(\(.*\)[,;]?|<<<<<<<.*|=======|>>>>>>>.*|\|\|\|\|\|\|\|.*)[[:space:]]*$/ { next }
    { rows = 0; print }
  ' "$1" >"$2"
}
# Loads $1 into a fresh database s and writes its catalog to $2; MariaDB's message to $3.
load_catalog() {
  fresh
  mariadb_sql "$server" s <"$1" >"$3" 2>&1 || return 1
  mariadb_catalog "$server" s >"$2"
}

# Integer display widths left out (int(10) = int(11) = int): MySQL 8.0.17 deprecated them
# and no longer shows them, they never change what a column stores, and schemerge's
# canonical dump writes none; MariaDB still shows the one a file spelled out (or its
# default). A catalog difference made only of them is EQUAL_NOISE.
without_display_widths() { sed -E 's/\b(tinyint|smallint|mediumint|int|bigint)\([0-9]+\)/\1/g'; }

# The inputs (as prepared, rows included) MariaDB rejects, by name; fails when none.
rejected_as_committed() {
  local dir="$1" which names=""
  for which in base ours theirs; do
    fresh
    if ! mariadb_sql "$server" s <"$dir/$which.sql" >/dev/null 2>&1; then
      names+="${names:+, }$which.sql"
    fi
  done
  [[ -n $names ]] && echo "$names"
}

# meta.json fields without a JSON tool: "key": true|false.
meta_bool() {
  grep -Eo "\"$2\"[[:space:]]*:[[:space:]]*(true|false)" "$1" 2>/dev/null | grep -Eo '(true|false)$' || echo unknown
}

# stdin: a mariadb_catalog; stdout: one `KEY<TAB>VALUE` line per object: a table's
# options line, each column, key and constraint line, its column order; a view (with its
# columns), trigger, routine or parameter block as one value (newlines written as \n).
catalog_objects() {
  LC_ALL=C awk '
    function flush(   v) {
      if (block == "") return
      v = body; gsub(/\n/, "\\n", v)
      print block "\t" v
      block = ""; body = ""
    }
    function name_of(s,   m) {
      if (match(s, /`([^`]|``)*`/)) return substr(s, RSTART, RLENGTH)
      return s
    }
    /^== table / {
      flush(); table = substr($0, 10); order = ""; in_table = 1; next
    }
    /^== / { flush(); in_table = 0; block = $0; body = ""; next }
    in_table && /^CREATE TABLE / { print "table " table " (create line)\t" $0; next }
    in_table && /^\)/ { print "table " table " (options)\t" $0; print "table " table " (column order)\t" order; in_table = 0; next }
    in_table && /^  (PRIMARY KEY|UNIQUE KEY|KEY|FULLTEXT KEY|SPATIAL KEY) / {
      k = $0; sub(/^  /, "", k); n = (k ~ /^PRIMARY/) ? "PRIMARY" : name_of(k)
      print "key " table "." n "\t" k; next
    }
    in_table && /^  CONSTRAINT / { k = $0; sub(/^  /, "", k); print "constraint " table "." name_of(substr(k, 12)) "\t" k; next }
    in_table && /^  `/ { c = $0; sub(/^  /, "", c); n = name_of(c); order = order (order == "" ? "" : ",") n; print "column " table "." n "\t" c; next }
    in_table { print "table " table " (line)\t" $0; next }
    { body = (body == "" ? $0 : body "\n" $0) }
    END { flush() }
  '
}

# attribute_objects: tests/engine/corpus_attribution.sh (shared with the PostgreSQL script).
source "$here/../corpus_attribution.sh"

declare -A count=()
driver_equal=0 driver_widths=0 driver_stopped=0
failures=0
git_equal=0 git_clean_different=0 git_conflicts=0 git_unknown=0
diff_lines="${CORPUS_DIFF_LINES:-40}"
for i in "${!merges[@]}"; do
  src="${merges[$i]}"
  rel="${src#"$corpus"/}"
  dir="$work/merges/$i"
  mkdir -p "$dir"
  for which in base ours theirs merged; do
    prepare "$src/$which.sql" "$dir/$which.sql"
    without_rows "$dir/$which.sql" "$dir/$which.load.sql"
  done

  git_note=""
  git_reproduces=0
  case "$(meta_bool "$src/meta.json" git_merge_file_clean)/$(meta_bool "$src/meta.json" merged_equals_git_merge_file)" in
    true/true) git_equal=$((git_equal + 1)) git_reproduces=1 git_note="git merge-file: equal" ;;
    true/*) git_clean_different=$((git_clean_different + 1)); git_note="git merge-file: clean, differs" ;;
    false/*) git_conflicts=$((git_conflicts + 1)); git_note="git merge-file: conflicts" ;;
    *) git_unknown=$((git_unknown + 1)); git_note="git merge-file: unknown" ;;
  esac

  status="" detail=""
  for which in merged base ours theirs; do
    if ! load_catalog "$dir/$which.load.sql" "$dir/$which.cat" "$dir/load_$which.err"; then
      status=SKIP_REJECTED
      detail="MariaDB rejects $which.sql: $(grep -m1 'ERROR' "$dir/load_$which.err" | head -c 200 || head -c 200 "$dir/load_$which.err")"
      break
    fi
  done
  rc=0
  (cd "$dir" && timeout 300 "$schemerge" merge --dialect mysql base.sql ours.sql theirs.sql --schema-out m.sql) \
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
  elif ((rc == 2)) && rejected="$(rejected_as_committed "$dir")"; then
    # schemerge rejects an input (a located error) that MariaDB rejects too once its rows
    # are back: the file is broken as committed, not judged.
    status=SKIP_REJECTED
    detail="schemerge and MariaDB both reject $rejected as committed: $(grep -m1 . "$dir/merge.err" | head -c 200)"
  elif ((rc != 0)); then
    status=FAIL_MERGE
    ((rc >= 3)) && status=FAIL_CRASH
    detail="schemerge merge exit $rc: $(cat "$dir/report.txt" "$dir/merge.err" | grep -m1 . || true)"
  elif ! load_catalog "$dir/m.sql" "$dir/m.cat" "$dir/load_m.err"; then
    status=FAIL_LOAD
    detail="m.sql: $(grep -m1 'ERROR' "$dir/load_m.err" || head -1 "$dir/load_m.err")"
  elif diff -u --label "merged.sql ($rel)" --label "schemerge merge" "$dir/merged.cat" "$dir/m.cat" >"$dir/catalog.diff"; then
    status=EQUAL
  elif cmp -s <(without_display_widths <"$dir/merged.cat") <(without_display_widths <"$dir/m.cat"); then
    status=EQUAL_NOISE detail="the catalogs differ only in integer display widths"
  elif ((git_reproduces)); then
    status=FAIL_MISMATCH detail="$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines; git merge-file reproduces merged.sql"
  else
    for which in merged m base ours theirs; do
      without_display_widths <"$dir/$which.cat" | catalog_objects >"$dir/$which.objects"
    done
    attribute_objects "$dir/merged.objects" "$dir/m.objects" "$dir/base.objects" "$dir/ours.objects" \
      "$dir/theirs.objects" >"$dir/objects.txt"
    if grep -q '^INVENTED ' "$dir/objects.txt"; then
      status=FAIL_MISMATCH
      detail="$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines; in no input: $(grep -m1 '^INVENTED ' "$dir/objects.txt" | sed 's/^INVENTED //')"
    else
      status=DIVERGED
      detail="$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines in $(awk '/^[0-9]/ { n += $1 } END { print n + 0 }' "$dir/objects.txt") objects; schemerge's version of each is an input's: the committed resolution decided differently"
    fi
  fi

  # The merge driver (what `git merge` runs) on the same three files must write a file
  # whose catalog is the merge's: its own text when git's line merge is right, else the
  # merged schema with the rows merged as a union.
  case "$status" in
    EQUAL | EQUAL_NOISE | DIVERGED)
      cp "$dir/ours.sql" "$dir/driver.sql"
      drc=0
      (cd "$dir" && timeout 300 "$schemerge" merge-driver base.sql driver.sql theirs.sql db/structure.sql --dialect mysql) \
        >"$dir/driver.out" 2>&1 || drc=$?
      if ((drc == 1)) && grep -q 'cannot be merged (not in \[merge-driver\] union_rows)' "$dir/driver.out" &&
        head -1 "$dir/driver.sql" | grep -q '^<<<<<<< schemerge: ' &&
        grep -q '^# The file holds data a schema merge does not model' "$dir/driver.sql"; then
        # By design: git's line merge conflicts and the file carries rows (ZoneMinder's
        # seed INSERTs) that are neither schema nor a configured union table, so the
        # driver stops with the conflict described rather than drop or guess them.
        driver_stopped=$((driver_stopped + 1))
        detail="merge-driver stopped as designed: $(grep -m1 . "$dir/driver.out" | head -c 160)"
      elif ((drc != 0)); then
        status=FAIL_DRIVER detail="merge-driver exit $drc where merge merged: $(grep -m1 . "$dir/driver.out" || true)"
      else
        without_rows "$dir/driver.sql" "$dir/driver.load.sql"
        if ! load_catalog "$dir/driver.load.sql" "$dir/driver.cat" "$dir/load_driver.err"; then
          status=FAIL_DRIVER detail="the driver's file: $(grep -m1 'ERROR' "$dir/load_driver.err" || head -1 "$dir/load_driver.err")"
        elif ! diff -u --label "schemerge merge" --label "merge-driver" "$dir/m.cat" "$dir/driver.cat" >"$dir/catalog.diff" &&
          ! cmp -s <(without_display_widths <"$dir/m.cat") <(without_display_widths <"$dir/driver.cat"); then
          status=FAIL_DRIVER detail="the driver's file and merge --schema-out load to different catalogs"
        else
          # Equal, or equal up to integer display widths: the driver kept git's line
          # merge (int(10) as the file spells it) where --schema-out writes the
          # canonical form (int, shown by MariaDB as int(11)).
          [[ -s "$dir/catalog.diff" ]] && driver_widths=$((driver_widths + 1))
          driver_equal=$((driver_equal + 1))
          : >"$dir/catalog.diff"
        fi
      fi
      ;;
  esac

  count[$status]=$((${count[$status]:-0} + 1))
  printf '%-16s %s  [%s]%s\n' "$status" "$rel" "$git_note" "${detail:+  ($detail)}"
  if [[ "$status" == DIVERGED ]]; then
    sed 's/^/    /' "$dir/objects.txt"
  fi
  case "$status" in
    CONFLICT | FAIL_*)
      failures=$((failures + 1))
      if [[ -s "$dir/catalog.diff" ]]; then
        head -n "$diff_lines" "$dir/catalog.diff" | sed 's/^/    /'
        echo "    [full diff: $dir/catalog.diff; merged: $dir/m.sql]"
      else
        head -n "$diff_lines" "$dir/report.txt" "$dir/merge.err" | sed 's/^/    /'
      fi
      ;;
    *) rm -rf -- "$dir" ;;
  esac
done

elapsed=$((SECONDS - start_time))
conflicts=$((${count[CONFLICT]:-0} + ${count[RESOLVED_BY_HAND]:-0}))
other=""
for s in "${!count[@]}"; do
  case "$s" in
    EQUAL | EQUAL_NOISE | SKIP_REJECTED | CONFLICT | RESOLVED_BY_HAND | DIVERGED) ;;
    *) other+=", ${count[$s]} ${s,,}" ;;
  esac
done
echo
echo "${#merges[@]} merges: $((${count[EQUAL]:-0} + ${count[EQUAL_NOISE]:-0})) equal (${count[EQUAL_NOISE]:-0} of them up to integer display widths), $conflicts conflicts (${count[RESOLVED_BY_HAND]:-0} where git merge-file does not reproduce the committed result either), ${count[DIVERGED]:-0} resolved differently by hand, ${count[SKIP_REJECTED]:-0} skipped (MariaDB rejects an input)${other} (${elapsed}s)"
git_tally="git merge-file: $git_equal clean and equal to merged.sql, $git_clean_different clean but different, $git_conflicts with conflicts"
((git_unknown == 0)) || git_tally+=", $git_unknown without meta.json"
echo "$git_tally"
echo "merge-driver: $driver_equal of the merges schemerge merged wrote a file with the merge's catalog ($driver_widths of them up to integer display widths); $driver_stopped stopped as designed on rows it does not merge"
if ((${count[SKIP_REJECTED]:-0} > 0)); then
  echo "NOTE: ${count[SKIP_REJECTED]} merges not judged: MariaDB 10.11 rejects one of their files as committed (see the SKIP_REJECTED lines)" >&2
fi
if ((failures > 0)); then
  echo "$failures failures; evidence in $work/merges/" >&2
  exit 1
fi
if [[ -z "${3:-}" ]]; then
  rm -rf -- "$work"
fi
exit 0
