#!/usr/bin/env bash
# Whole-program timings of issue 13: each schemerge command on generated PostgreSQL
# schemas, timed with /usr/bin/time -v next to the parse floor (one single-threaded
# pg_query_parse_protobuf of one input, schemerge-parse-floor), printed as ratios against
# the goals. Ratios are what count: absolute times move with the machine's load.
#
#   benchmarks/ratios.sh [--bin DIR] [--sizes "1000 10000"] [--repeat N] [--work DIR]
#
#   --bin DIR     where schemerge, schemerge-gen and schemerge-parse-floor are (build/bin)
#   --sizes LIST  table counts (default "1000 10000"; add 100000 for the large run:
#                 ~108 MB a side, minutes, GBs of memory)
#   --repeat N    runs per command; the fastest run is kept (default 1)
#   --work DIR    where inputs and outputs go (default a temp dir, removed at exit)
#
# Inputs per size N (schemerge-gen, deterministic): base = variant 0; ours = variant 1
# with N/10 tables changed and 8% churn (thousands of changes at 10k); theirs = variant 2
# with 60 tables changed. Commands: dump base; diff base ours; merge base ours theirs with
# --schema-out and both plans; fold of a hotfix branch (theirs) into two branches (main =
# base, develop = ours) of a git repository built from the same files.
#
# Exit status: 0 when every ratio is at or under its goal, 1 otherwise, 2 on a setup error.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo/build/bin"
sizes="1000 10000"
repeat=1
work=""
while (($#)); do
  case "$1" in
    --bin) bin="$(realpath "$2")"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --work) work="$(realpath -m "$2")"; shift 2 ;;
    -h | --help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ratios.sh: error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for tool in schemerge schemerge-gen schemerge-parse-floor; do
  [[ -x "$bin/$tool" ]] || {
    echo "ratios.sh: error: $bin/$tool is missing (cmake --build build --target $tool)" >&2
    exit 2
  }
done
[[ -x /usr/bin/time ]] || { echo "ratios.sh: error: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
command -v git >/dev/null || { echo "ratios.sh: error: git is missing" >&2; exit 2; }
if [[ -z "$work" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

# measure NAME CMD...: run CMD $repeat times under /usr/bin/time -v; sets SECS and RSS_KB
# from the fastest run. Exit codes 0 and 1 (schemerge's "differences found") are fine.
measure() {
  local name="$1"
  shift
  local best_s="" best_kb="" i rc
  for ((i = 0; i < repeat; i++)); do
    rc=0
    /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
    if ((rc > 1)); then
      echo "ratios.sh: error: '$*' exited $rc:" >&2
      tail -5 "$work/$name.err" >&2
      exit 2
    fi
    local s kb
    s="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); t = 0; for (k = 1; k <= n; k++) t = t * 60 + p[k]; print t}' "$work/$name.time")"
    kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")"
    if [[ -z "$best_s" ]] || awk -v a="$s" -v b="$best_s" 'BEGIN {exit !(a < b)}'; then
      best_s="$s"
      best_kb="$kb"
    fi
  done
  SECS="$best_s"
  RSS_KB="$best_kb"
}

fail=0
declare -A secs_at
report() { # report SIZE COMMAND SECS RSS_KB FLOOR_SECS INPUT_BYTES TIME_GOAL MEM_GOAL
  local ratio mem verdict="ok"
  ratio="$(awk -v a="$3" -v b="$5" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')"
  mem="$(awk -v kb="$4" -v bytes="$6" 'BEGIN {printf "%.1f", kb * 1024 / bytes}')"
  if [[ "$7" != "-" ]] && awk -v r="$ratio" -v g="$7" 'BEGIN {exit !(r > g)}'; then verdict="OVER"; fi
  if [[ "$8" != "-" ]] && awk -v r="$mem" -v g="$8" 'BEGIN {exit !(r > g)}'; then verdict="OVER"; fi
  [[ "$verdict" == "ok" ]] || fail=1
  printf '%-8s %-7s %8.2f s %8.0f MB %7s x (goal %-4s) %6s x input (goal %-3s) %s\n' \
    "$1" "$2" "$3" "$(awk -v kb="$4" 'BEGIN {print kb / 1024}')" "$ratio" "$7" "$mem" "$8" "$verdict"
}

echo "nproc: $(nproc); repeat: $repeat; $(uname -m); $("$bin/schemerge" --version 2>/dev/null | head -1)"
printf '%-8s %-7s %10s %11s %24s %27s\n' tables command time peak-RSS "time / parse floor" "peak RSS / largest input"
for n in $sizes; do
  d="$work/$n"
  mkdir -p "$d"
  "$bin/schemerge-gen" --tables "$n" >"$d/base.sql"
  "$bin/schemerge-gen" --tables "$n" --variant 1 --changed $((n / 10)) --churn 8 >"$d/ours.sql"
  "$bin/schemerge-gen" --tables "$n" --variant 2 --changed 60 >"$d/theirs.sql"
  bytes="$(stat -c %s "$d/ours.sql")"
  base_bytes="$(stat -c %s "$d/base.sql")"
  ((base_bytes > bytes)) && bytes="$base_bytes"

  measure "floor-$n" "$bin/schemerge-parse-floor" "$d/ours.sql"
  floor="$SECS"
  report "$n" floor "$SECS" "$RSS_KB" "$floor" "$bytes" - -
  # For reference, not a goal: the floor with the allocator setting schemerge runs with
  # where transparent huge pages are in madvise mode (cli/huge_pages.hpp). The ratios
  # below stay against the plain floor above.
  measure "floor-hp-$n" env GLIBC_TUNABLES=glibc.malloc.hugetlb=1 "$bin/schemerge-parse-floor" "$d/ours.sql"
  report "$n" floor-hp "$SECS" "$RSS_KB" "$floor" "$bytes" - -

  measure "dump-$n" "$bin/schemerge" dump -q "$d/base.sql" -o "$d/dump.sql"
  report "$n" dump "$SECS" "$RSS_KB" "$floor" "$bytes" 1.2 15
  secs_at["dump-$n"]="$SECS"

  measure "diff-$n" "$bin/schemerge" diff -q "$d/base.sql" "$d/ours.sql" -o "$d/diff.sql"
  report "$n" diff "$SECS" "$RSS_KB" "$floor" "$bytes" 1.0 20
  secs_at["diff-$n"]="$SECS"

  measure "merge-$n" "$bin/schemerge" merge -q "$d/base.sql" "$d/ours.sql" "$d/theirs.sql" \
    --schema-out "$d/merged.sql" --plan-ours "$d/plan-ours.sql" --plan-theirs "$d/plan-theirs.sql" \
    -o "$d/merge-report.txt"
  report "$n" merge "$SECS" "$RSS_KB" "$floor" "$bytes" 1.5 30
  secs_at["merge-$n"]="$SECS"

  # fold: a repository with main (base), develop (ours) and hotfix (theirs) from main.
  g="$d/repo"
  rm -rf "$g"
  git init -q -b main "$g"
  cp "$d/base.sql" "$g/structure.sql"
  git -C "$g" add structure.sql
  git -C "$g" -c user.name=bench -c user.email=bench@localhost commit -qm base
  git -C "$g" branch develop
  git -C "$g" branch hotfix
  git -C "$g" checkout -q develop
  cp "$d/ours.sql" "$g/structure.sql"
  git -C "$g" -c user.name=bench -c user.email=bench@localhost commit -qam develop
  git -C "$g" checkout -q hotfix
  cp "$d/theirs.sql" "$g/structure.sql"
  git -C "$g" -c user.name=bench -c user.email=bench@localhost commit -qam hotfix
  git -C "$g" checkout -q main
  measure "fold-$n" bash -c "cd '$g' && '$bin/schemerge' fold -q hotfix --into main --into develop --path structure.sql --out '$d/fold'"
  report "$n" fold "$SECS" "$RSS_KB" "$floor" "$bytes" 2.0 -
  secs_at["fold-$n"]="$SECS"
done

# Growth: each command's time at one size over the previous size (goal <= 11x for 10x).
prev=""
for n in $sizes; do
  if [[ -n "$prev" ]]; then
    for c in dump diff merge fold; do
      g="$(awk -v a="${secs_at[$c-$n]}" -v b="${secs_at[$c-$prev]}" 'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}')"
      scale=$((n / prev))
      goal=$((scale + scale / 10))
      verdict="ok"
      awk -v r="$g" -v goal="$goal" 'BEGIN {exit !(r > goal)}' && verdict="OVER" && fail=1
      printf 'growth   %-7s %6s -> %-6s %6s x for %sx the input (goal %s) %s\n' "$c" "$prev" "$n" "$g" "$scale" "$goal" "$verdict"
    done
  fi
  prev="$n"
done
exit "$fail"
