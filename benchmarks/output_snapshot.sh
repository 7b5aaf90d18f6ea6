#!/usr/bin/env bash
# Records what a schemerge binary prints for every input we have, so that a refactor or
# an optimization can prove its outputs byte-identical to the binary before it.
#
#   output_snapshot.sh SCHEMERGE_BIN OUT_DIR [CORPUS_ROOT]
#   diff -r OUT_A OUT_B            # compare two snapshots
#
# Inputs: the PostgreSQL corpus (CORPUS_ROOT, default ../shared/corpus/postgres beside
# the repository; skipped loudly when absent), the golden two-way and merge cases and
# the examples. For each:
#   every file:  dump (sql and json), stdout + stderr + exit code;
#   every pair:  diff (sql and json), and diff --online;
#   every merge: merge --schema-out --plan-ours --plan-theirs (text and json reports).
# Paths in the outputs are relative (the script runs each command from the input's
# directory), so two snapshots of the same tree compare equal.
set -uo pipefail

(($# >= 2)) || {
  echo "usage: output_snapshot.sh SCHEMERGE_BIN OUT_DIR [CORPUS_ROOT]" >&2
  exit 2
}
bin="$(realpath "$1")"
out="$(realpath -m "$2")"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${3:-$repo/../shared/corpus/postgres}"
mkdir -p "$out"

# run NAME DIR CMD...: run CMD in DIR, keep stdout, stderr and exit code under NAME.
run() {
  local name="$1" dir="$2"
  shift 2
  mkdir -p "$(dirname "$out/$name")"
  (cd "$dir" && "$@" >"$out/$name.out" 2>"$out/$name.err")
  echo "$?" >"$out/$name.rc"
}

# merge_case NAME DIR BASE OURS THEIRS [ARGS...]
merge_case() {
  local name="$1" dir="$2" base="$3" ours="$4" theirs="$5"
  shift 5
  local tmp
  tmp="$(mktemp -d)"
  run "$name/merge" "$dir" "$bin" merge "$base" "$ours" "$theirs" --schema-out "$tmp/merged.sql" \
    --plan-ours "$tmp/po.sql" --plan-theirs "$tmp/pt.sql" "$@"
  for f in merged.sql po.sql pt.sql; do
    [[ -f "$tmp/$f" ]] && cp "$tmp/$f" "$out/$name/$f"
  done
  run "$name/merge-json" "$dir" "$bin" merge "$base" "$ours" "$theirs" --format json "$@"
  rm -rf "$tmp"
}

count=0
if [[ -d "$corpus" ]]; then
  while IFS= read -r -d '' f; do
    rel="${f#"$corpus"/}"
    run "corpus/$rel/dump" "$(dirname "$f")" "$bin" dump "$(basename "$f")"
    run "corpus/$rel/dump-json" "$(dirname "$f")" "$bin" dump --format json "$(basename "$f")"
    count=$((count + 1))
  done < <(find "$corpus" -name '*.sql' -print0 | sort -z)
  while IFS= read -r -d '' d; do
    rel="${d#"$corpus"/}"
    run "corpus/$rel/diff" "$d" "$bin" diff old.sql new.sql
    run "corpus/$rel/diff-json" "$d" "$bin" diff --format json old.sql new.sql
    run "corpus/$rel/diff-online" "$d" "$bin" diff --online old.sql new.sql
  done < <(find "$corpus" -path '*/pairs/*' -mindepth 3 -maxdepth 3 -type d -print0 | sort -z)
  while IFS= read -r -d '' d; do
    rel="${d#"$corpus"/}"
    merge_case "corpus/$rel" "$d" base.sql ours.sql theirs.sql
  done < <(find "$corpus" -path '*/merges/*' -mindepth 3 -maxdepth 3 -type d -print0 | sort -z)
else
  echo "output_snapshot.sh: SKIPPED the corpus: $corpus not found" >&2
fi

for d in "$repo"/tests/golden/postgres/*/; do
  name="golden/postgres/$(basename "$d")"
  args=()
  [[ -f "$d/args" ]] && read -r -a args <"$d/args"
  run "$name/diff" "$d" "$bin" diff from.sql to.sql "${args[@]}"
  run "$name/diff-json" "$d" "$bin" diff --format json from.sql to.sql "${args[@]}"
  run "$name/dump-to" "$d" "$bin" dump to.sql
done
merge_root="$repo/tests/golden/merge"
[[ -d "$repo/tests/golden/postgres/merge" ]] && merge_root="$repo/tests/golden/postgres/merge"
for d in "$merge_root"/*/; do
  [[ -f "$d/ours.sql" ]] || continue
  tmp="$(mktemp -d)"
  cp "$merge_root/base.sql" "$d/ours.sql" "$d/theirs.sql" "$tmp/"
  args=()
  [[ -f "$d/args" ]] && read -r -a args <"$d/args"
  merge_case "golden/merge/$(basename "$d")" "$tmp" base.sql ours.sql theirs.sql "${args[@]}"
  rm -rf "$tmp"
done
for d in "$repo"/examples/*/; do
  [[ -f "$d/schema.sql" ]] || continue
  run "examples/$(basename "$d")/dump" "$d" "$bin" dump schema.sql
done
if [[ -f "$repo/examples/shop/schema.sql" && -f "$repo/examples/shop-v2/schema.sql" ]]; then
  run "examples/shop-diff" "$repo/examples" "$bin" diff shop/schema.sql shop-v2/schema.sql
fi
echo "output_snapshot.sh: $count corpus files, $(find "$out" -name '*.rc' | wc -l) commands recorded in $out" >&2
