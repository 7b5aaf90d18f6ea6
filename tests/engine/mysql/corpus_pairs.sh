#!/usr/bin/env bash
# schemerge's MySQL migrations proven on the corpus histories (../shared/corpus/mysql, or
# $CORPUS_ROOT/mysql, read in place): for every pair old.sql -> new.sql, old.sql loaded into
# a throwaway MariaDB plus schemerge's plan must give the catalog new.sql gives
# (mariadb_catalog in mariadb_server.sh). ZoneMinder's files are build templates
# (db/zm_create.sql.in): the placeholders get the build's defaults, the database name is the
# test's, and its `source` lines (data files beside it) are left out, as a user feeding the
# template would do after configure.
#   corpus_pairs.sh PLAN_TOOL SOURCE_DIR [PROJECT...]
# Exit 0 when every pair MariaDB loads is proven, 1 otherwise; 77 without MariaDB or corpus.
set -euo pipefail

tool=$1
src=$2
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/engine/mysql/mariadb_server.sh
source "$here/mariadb_server.sh"
mariadb_require || exit $?
corpus=${CORPUS_ROOT:-$src/../shared/corpus}/mysql
if [[ ! -d $corpus ]]; then
  echo "************************************************************" >&2
  echo "SKIPPED: no MySQL corpus at $corpus (set CORPUS_ROOT)" >&2
  echo "************************************************************" >&2
  exit 77
fi
projects=("$@")
((${#projects[@]})) || projects=(sharetribe zoneminder)

work=$(mktemp -d "${TMPDIR:-/tmp}/schemerge-mariadb-corpus.XXXXXX")
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
cp "$tool" "$work/plan-tool"
tool=$work/plan-tool
mariadb_start "$work"
echo "MariaDB $(mariadb_sql "$work" -N -e 'select version()')"

# The file as MariaDB and schemerge read it: templates filled, `source` lines out.
prepare() {
  sed -e 's/@ZM_DB_NAME@/s/g' -e 's/@ZM_MYSQL_ENGINE@/InnoDB/g' \
    -e 's#@ZM_DIR_EVENTS@#/var/cache/zoneminder/events#g' -e 's#@ZM_PATH_DATA@#/usr/share/zoneminder#g' \
    -e 's#@PKGDATADIR@#/usr/share/zoneminder#g' -e 's/@VERSION@/1.36.0/g' \
    -e 's/^[[:space:]]*source[[:space:]].*$/-- (source line left out)/' "$1" >"$2"
}
fresh() { mariadb_sql "$work" -e "drop database if exists s; create database s"; }
run() { mariadb_sql "$work" s <"$1" >"$work/out" 2>&1; }

proven=0
failed=0
rejected=0
empty=0
for project in "${projects[@]}"; do
  for pair in "$corpus/$project"/pairs/*/; do
    pair=${pair%/}
    label="$project/$(basename "$pair")"
    prepare "$pair/old.sql" "$work/old.sql"
    prepare "$pair/new.sql" "$work/new.sql"
    fresh
    if ! run "$work/new.sql"; then
      echo "skip $label: MariaDB rejects new.sql: $(head -c 300 "$work/out")"
      rejected=$((rejected + 1))
      continue
    fi
    mariadb_catalog "$work" s >"$work/expected.txt"
    fresh
    if ! run "$work/old.sql"; then
      echo "skip $label: MariaDB rejects old.sql: $(head -c 300 "$work/out")"
      rejected=$((rejected + 1))
      continue
    fi
    if ! "$tool" plan "$work/old.sql" "$work/new.sql" >"$work/plan.sql" 2>"$work/plan.err"; then
      echo "FAIL $label: no plan: $(head -c 500 "$work/plan.err")"
      failed=$((failed + 1))
      continue
    fi
    grep -q '^-- The schemas are identical' "$work/plan.sql" && empty=$((empty + 1))
    if ! run "$work/plan.sql"; then
      echo "FAIL $label: the migration fails: $(head -c 800 "$work/out")"
      failed=$((failed + 1))
      continue
    fi
    mariadb_catalog "$work" s >"$work/migrated.txt"
    if ! diff -u "$work/expected.txt" "$work/migrated.txt" >"$work/diff.txt"; then
      echo "FAIL $label: old + migration differs from new (- new, + migrated):"
      head -40 "$work/diff.txt" | sed 's/^/    /'
      failed=$((failed + 1))
      continue
    fi
    echo "ok   $label"
    proven=$((proven + 1))
  done
done
echo "corpus pairs: $proven proven on MariaDB ($empty of them with an empty plan), $failed failed, $rejected skipped (MariaDB rejects a side)"
echo "$proven passed, $failed failed"
((failed == 0))
