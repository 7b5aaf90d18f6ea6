#!/usr/bin/env bash
# Prove `schemerge merge-driver` inside a real `git merge` on the real merges of the shared corpus.
#
#   corpus_merge_driver.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]
#
# For each $REPO_DIR/../shared/corpus/postgres/*/merges/NNN/{base,ours,theirs}.sql, in a fresh
# git repository: base.sql committed as db/structure.sql on `main`, branch `ours` with ours.sql,
# branch `theirs` (from main) with theirs.sql, fixed author and dates, `.gitattributes`
# `db/structure.sql merge=schemerge` and `merge.schemerge.driver` = '<abs binary> merge-driver
# %O %A %B %P' (schemerge is not on the PATH git runs with); then `git checkout ours && git merge
# --no-edit theirs`. The reference is `schemerge merge base.sql ours.sql theirs.sql --schema-out
# m.sql` on the same three files:
#   - merge exit 0: git merge must succeed (no unmerged path, clean work tree); the merged
#     db/structure.sql must load into PostgreSQL 15 (psql, ON_ERROR_STOP, one transaction) and its
#     normalized `pg_dump --schema-only` (tests/engine/postgres/pg_normalize.sh) must equal m.sql's
#     (also when they differ only in pg_dump's `AS integer` on sequences, version noise).
#     When the inputs carry `INSERT INTO … schema_migrations` rows, the merged file's versions
#     (and the table's rows on the server) must be the three-way union: base∩ours∩theirs plus the
#     versions either side added, each once; where the driver wrote the list (rows in place,
#     canonical form), sorted as ours' is (Rails writes them ascending, newer Rails descending).
#     How the driver wrote the file is recorded from its stderr (`schemerge: merged PATH (...)`):
#     git's line-merge text kept (then the file must equal `git merge-file -p ours base theirs`
#     byte for byte), the line merge with the rows merged in place, or the canonical form. When
#     `git merge-file` was clean but its text was not kept, the line merge's text is loaded as
#     well: if it gives m.sql's catalog and the union of versions, the driver churned a file git
#     merged correctly (FAIL_CHURN);
#   - merge exit 1: git merge must stop with db/structure.sql unmerged, the file starting with
#     `<<<<<<< schemerge:`;
#   - merge exit 2 (an input schemerge rejects): git merge must stop, the file unchanged ours;
#   - any other exit of merge, or of the driver (git says so), is a failure.
# Where a file does not load, the inputs are loaded too: when one of them needs something the
# server lacks (extension, C library, role), the merge is SKIP_ENV; when PostgreSQL rejects an
# input itself, SKIP_REJECTED; otherwise the failure stands.
#
# Environment shim (as corpus_merges.sh): C functions whose library is not installed
# (openstreetmap's libpgosm) point at '$libdir/plpgsql', 'plpgsql_call_handler', only in the
# copies that PostgreSQL loads: git and schemerge merge the files as committed (the sides do
# change those library paths).
#
# Exit: 0 no failure, 1 any failure, 77 (skip) when PostgreSQL 15, the corpus, git or the
# `merge-driver` command is absent.
# Environment: CORPUS_ROOT (instead of ../shared/corpus/postgres), CORPUS_FILTER (substring of
# merge paths to keep), CORPUS_DIFF_LINES (default 40).
set -euo pipefail

if (($# < 2)); then
  echo "usage: corpus_merge_driver.sh SCHEMERGE_BIN REPO_DIR [WORK_DIR]" >&2
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
  echo "corpus_merge_driver.sh: schemerge binary not found: $schemerge" >&2
  exit 1
fi
if ! command -v git >/dev/null; then
  skip "git not installed"
fi
# `schemerge X --help` succeeds even without the command: look at the list.
for command in merge merge-driver; do
  if ! "$schemerge" --help 2>/dev/null | grep -Eq "^[[:space:]]+$command([[:space:]]|\$)"; then
    skip "schemerge $command not available in $schemerge"
  fi
done
if [[ ! -d "$corpus" ]]; then
  skip "corpus not found at $corpus (the shared corpus lives beside the repository, never in it)"
fi
corpus="$(realpath "$corpus")"

merges=()
while IFS= read -r -d '' f; do
  dir="${f%/base.sql}"
  if [[ -n "${CORPUS_FILTER:-}" && "$dir" != *"$CORPUS_FILTER"* ]]; then
    continue
  fi
  if [[ -f "$dir/ours.sql" && -f "$dir/theirs.sql" ]]; then
    merges+=("$dir")
  fi
done < <(find "$corpus" -path '*/merges/*' -type f -name base.sql -print0 | LC_ALL=C sort -z)
if ((${#merges[@]} == 0)); then
  skip "no merges under $corpus/*/merges"
fi

work="${3:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/schemerge-driver.XXXXXX")"
else
  rm -rf -- "$work"
  mkdir -p "$work"
fi
work="$(realpath "$work")"
mkdir -p "$work/bin" "$work/merges"
# Run a snapshot of the binary: others may relink it during the run.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  if cp "$schemerge" "$work/bin/schemerge.tmp" 2>/dev/null && "$work/bin/schemerge.tmp" --version >/dev/null 2>&1; then
    mv "$work/bin/schemerge.tmp" "$work/bin/schemerge"
    break
  fi
  sleep 3
done
if [[ ! -x "$work/bin/schemerge" ]]; then
  echo "corpus_merge_driver.sh: cannot run a copy of $schemerge" >&2
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

# git without the user's or the system's configuration; fixed identity and dates.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
tick=0
next_date() {
  tick=$((tick + 1))
  export GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000"
  export GIT_COMMITTER_DATE="$GIT_AUTHOR_DATE"
}
# A PATH without schemerge's directory: git must find the driver by its absolute path.
SAFE_PATH="/usr/local/bin:/usr/bin:/bin"
gitr() { env PATH="$SAFE_PATH" git -C "$r" -c commit.gpgsign=false "$@"; }
driver_command="$(printf '%q' "$schemerge") merge-driver %O %A %B %P"

# Errors that say the server lacks something the file assumes (as corpus_merges.sh).
env_error_re='extension "[^"]*" is not available|could not access file|could not load library|role "[^"]*" does not exist|security label provider "[^"]*" is not loaded|permission denied to create extension|unrecognized configuration parameter'
# What git or the shell print when the driver crashed (exit 3 prints `error: internal: …`).
driver_failure_re='error: internal|Segmentation fault|Aborted|terminate called|killed by signal|core dumped'
psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
first_error() { grep -m1 -o 'ERROR: .*' "$1" || head -1 "$1"; }

# The versions of the `INSERT INTO [public.]["]schema_migrations["] … VALUES` statements of a
# file (Rails' one list, or one statement per version), one a line, in the file's order.
versions_of() {
  LC_ALL=C awk '
    !rows && tolower($0) ~ /^insert into ("?public"?\.)?"?schema_migrations"?[ (]/ { rows = 1 }
    rows {
      s = $0
      while (match(s, /\047[^\047]*\047/)) { print substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH) }
      if ($0 ~ /;[[:space:]]*$/) { rows = 0 }
    }
  ' "$1"
}

# in_order_of OURS RESULT (version lists): when ours' versions are sorted (ascending or
# descending, as Rails writes them), the merged list is sorted the same way.
in_order_of() {
  if (($(wc -l <"$1") < 2)); then
    return 0
  elif LC_ALL=C sort -c "$1" 2>/dev/null; then
    LC_ALL=C sort -c "$2" 2>/dev/null
  elif LC_ALL=C sort -r -c "$1" 2>/dev/null; then
    LC_ALL=C sort -r -c "$2" 2>/dev/null
  fi
}

# load DB FILE ERRFILE: a fresh database DB holding FILE (one transaction), through the
# environment shim (FILE.load.sql).
load() {
  sed "s/AS '[^']*', *'[^']*'/AS '\$libdir\/plpgsql', 'plpgsql_call_handler'/" "$2" >"$2.load.sql"
  psqlq -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>"$3" &&
    psqlq -d "$1" --single-transaction -f "$2.load.sql" >/dev/null 2>"$3"
}
drop_dbs() {
  local db
  for db in "$@"; do
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  done
}

# A file did not load: whether the inputs need something the server lacks (prints SKIP_ENV and
# the error), are rejected themselves (SKIP_REJECTED), or load (prints nothing, fails).
inputs_verdict() {
  local dir="$1" which
  for which in base ours theirs; do
    if ! load mi_input "$dir/$which.sql" "$dir/load_$which.err"; then
      drop_dbs mi_input
      if grep -Eq "$env_error_re" <<<"$(first_error "$dir/load_$which.err")"; then
        echo "SKIP_ENV $which.sql: $(first_error "$dir/load_$which.err")"
      else
        echo "SKIP_REJECTED $which.sql: $(first_error "$dir/load_$which.err")"
      fi
      return 0
    fi
  done
  drop_dbs mi_input
  return 1
}

declare -A count=()
failures=0
diff_lines="${CORPUS_DIFF_LINES:-40}"
for i in "${!merges[@]}"; do
  src="${merges[$i]}"
  rel="${src#"$corpus"/}"
  dir="$work/merges/$i"
  r="$dir/repo"
  mkdir -p "$r"
  for which in base ours theirs; do
    cp "$src/$which.sql" "$dir/$which.sql"
  done

  status="" detail="" mode=""
  # --- the repository and the merge ----------------------------------------------------------
  if ! {
    git -c init.defaultBranch=main init -q "$r" &&
      mkdir -p "$r/db" &&
      echo 'db/structure.sql merge=schemerge' >"$r/.gitattributes" &&
      git -C "$r" config merge.schemerge.driver "$driver_command" &&
      cp "$dir/base.sql" "$r/db/structure.sql" && next_date &&
      gitr add .gitattributes db/structure.sql && gitr commit -q -m base &&
      gitr checkout -q -b ours && cp "$dir/ours.sql" "$r/db/structure.sql" && next_date &&
      gitr add db/structure.sql && gitr commit -q --allow-empty -m ours &&
      gitr checkout -q -b theirs main && cp "$dir/theirs.sql" "$r/db/structure.sql" && next_date &&
      gitr add db/structure.sql && gitr commit -q --allow-empty -m theirs &&
      gitr checkout -q ours
  } >"$dir/setup.out" 2>&1; then
    status=FAIL_HARNESS detail="repository setup: $(grep -m1 . "$dir/setup.out" || true)"
  fi
  git_rc=0
  if [[ -z "$status" ]]; then
    next_date
    gitr merge --no-edit theirs >"$dir/git_merge.out" 2>&1 || git_rc=$?
    cp "$r/db/structure.sql" "$dir/result.sql"
  fi
  driver_line="$(grep -m1 -E '^schemerge: ' "$dir/git_merge.out" 2>/dev/null || true)"

  # --- the reference and git's own line merge ------------------------------------------------
  # Run from the repository, as git runs the driver: both find the same (no) schemerge.toml, not
  # one of an enclosing repository (the work dir may be inside the project's build directory).
  ref_rc=0
  (cd "$r" && timeout 300 "$schemerge" merge ../base.sql ../ours.sql ../theirs.sql --schema-out ../m.sql) \
    >"$dir/report.txt" 2>"$dir/merge.err" || ref_rc=$?
  line_rc=0
  git merge-file -p "$dir/ours.sql" "$dir/base.sql" "$dir/theirs.sql" >"$dir/line.sql" 2>/dev/null || line_rc=$?
  line_note="git merge-file: $( ((line_rc == 0)) && echo clean || echo "$line_rc conflicts")"

  if [[ -n "$status" ]]; then
    :
  elif grep -Eq "$driver_failure_re" "$dir/git_merge.out"; then
    status=FAIL_DRIVER detail="$(grep -m1 -E "$driver_failure_re" "$dir/git_merge.out")"
  elif ((ref_rc == 1)); then
    # A conflict: the merge stops, the file describes it.
    if ((git_rc == 0)); then
      status=FAIL_NO_CONFLICT detail="schemerge merge conflicts, git merge succeeded (${driver_line:-no driver message})"
    elif [[ -z "$(gitr ls-files -u db/structure.sql)" ]]; then
      status=FAIL_CONFLICT_FORM detail="git merge stopped but db/structure.sql is not unmerged in the index"
    elif ! head -n 1 "$dir/result.sql" | grep -q '^<<<<<<< schemerge:'; then
      status=FAIL_CONFLICT_FORM detail="the file does not start with '<<<<<<< schemerge:': $(head -c 80 "$dir/result.sql" | head -1)"
    else
      status=CONFLICT detail="$(grep -m1 '^CONFLICT' "$dir/report.txt" || grep -m1 . "$dir/report.txt" || true)"
    fi
  elif ((ref_rc == 2)); then
    # An input error: the merge stops, the file is ours.
    if ((git_rc == 0)); then
      status=FAIL_INPUT_ERROR detail="schemerge merge exit 2, git merge succeeded: $(grep -m1 . "$dir/merge.err" || true)"
    elif ! cmp -s "$dir/ours.sql" "$dir/result.sql"; then
      status=FAIL_INPUT_ERROR detail="the file is not ours after an input error: $(grep -m1 . "$dir/merge.err" || true)"
    else
      status=INPUT_ERROR detail="$(grep -m1 . "$dir/merge.err" || true)"
    fi
  elif ((ref_rc != 0)); then
    status=FAIL_MERGE detail="schemerge merge exit $ref_rc: $(cat "$dir/report.txt" "$dir/merge.err" | grep -m1 . || true)"
  elif ((git_rc != 0)); then
    status=FAIL_GIT_MERGE detail="schemerge merge is clean, git merge exit $git_rc: ${driver_line:-$(grep -m1 . "$dir/git_merge.out" || true)}"
  elif [[ -n "$(gitr ls-files -u)" || -n "$(gitr status --porcelain)" ]]; then
    status=FAIL_GIT_MERGE detail="git merge exit 0 but unmerged paths or a dirty work tree: $(gitr status --porcelain | head -3 | tr '\n' ' ')"
  else
    # --- clean: how the driver wrote the file ------------------------------------------------
    case "$driver_line" in
      *"(git's line merge)") mode=line ;;
      *"(git's line merge with the rows merged as a union)") mode=rows ;;
      *"(the canonical form of the merged schema"*) mode=canonical ;;
      "") mode=trivial ;; # git merged without the driver (a side equal to base, or both equal)
      *) mode=unknown ;;
    esac
    if [[ "$mode" == unknown ]]; then
      status=FAIL_MODE detail="unknown driver message: $driver_line"
    elif [[ "$mode" == line ]] && ! { ((line_rc == 0)) && cmp -s "$dir/line.sql" "$dir/result.sql"; }; then
      status=FAIL_MODE detail="the driver says it kept git's line merge, but the file is not \`git merge-file -p\`'s text ($line_note)"
    elif ! load md_result "$dir/result.sql" "$dir/load_result.err"; then
      if verdict="$(inputs_verdict "$dir")"; then
        status="${verdict%% *}" detail="${verdict#* }"
      else
        status=FAIL_LOAD detail="merged db/structure.sql: $(first_error "$dir/load_result.err")"
      fi
    elif ! load md_ref "$dir/m.sql" "$dir/load_m.err"; then
      if verdict="$(inputs_verdict "$dir")"; then
        status="${verdict%% *}" detail="${verdict#* }"
      else
        status=FAIL_LOAD detail="m.sql (the reference): $(first_error "$dir/load_m.err")"
      fi
    elif ! dump_normalized md_result >"$dir/result.norm" 2>"$dir/pg_dump.err" ||
      ! dump_normalized md_ref >"$dir/m.norm" 2>>"$dir/pg_dump.err"; then
      status=FAIL_HARNESS detail="pg_dump: $(grep -m1 . "$dir/pg_dump.err")"
    else
      if diff -u --label "git merge (driver, $mode)" --label "schemerge merge --schema-out" \
        "$dir/result.norm" "$dir/m.norm" >"$dir/catalog.diff"; then
        status=CLEAN
      else
        dump_normalized md_result noise >"$dir/result.noise.norm" 2>/dev/null || true
        dump_normalized md_ref noise >"$dir/m.noise.norm" 2>/dev/null || true
        if cmp -s "$dir/result.noise.norm" "$dir/m.noise.norm"; then
          status=CLEAN detail="sequences differ only in AS integer"
        else
          status=FAIL_MISMATCH detail="$(grep -c '^[-+][^-+]' "$dir/catalog.diff") differing lines between the merged file's catalog and m.sql's"
        fi
      fi
      # --- schema_migrations: the three-way union ------------------------------------------
      for which in base ours theirs result line; do
        versions_of "$dir/$which.sql" >"$dir/$which.versions"
      done
      if [[ "$status" == CLEAN ]] && [[ -s "$dir/base.versions" || -s "$dir/ours.versions" || -s "$dir/theirs.versions" ]]; then
        for which in base ours theirs; do
          LC_ALL=C sort -u "$dir/$which.versions" >"$dir/$which.vset"
        done
        {
          LC_ALL=C comm -12 "$dir/base.vset" "$dir/ours.vset" | LC_ALL=C comm -12 - "$dir/theirs.vset"
          LC_ALL=C comm -13 "$dir/base.vset" "$dir/ours.vset"
          LC_ALL=C comm -13 "$dir/base.vset" "$dir/theirs.vset"
        } | LC_ALL=C sort -u >"$dir/expected.vset"
        LC_ALL=C sort "$dir/result.versions" >"$dir/result.vsorted"
        psql -X -q -At -d md_result -c 'SELECT version FROM public.schema_migrations' 2>/dev/null |
          LC_ALL=C sort >"$dir/server.vsorted" || true
        missing="$(LC_ALL=C comm -23 "$dir/expected.vset" "$dir/result.vsorted" | head -3 | tr '\n' ' ')"
        extra="$(LC_ALL=C comm -13 "$dir/expected.vset" <(LC_ALL=C sort -u "$dir/result.vsorted") | head -3 | tr '\n' ' ')"
        dups="$(LC_ALL=C uniq -d "$dir/result.vsorted" | head -3 | tr '\n' ' ')"
        if [[ -n "$missing$extra$dups" ]]; then
          status=FAIL_VERSIONS
          detail="schema_migrations in the merged file: $(wc -l <"$dir/result.vsorted") versions, expected $(wc -l <"$dir/expected.vset")${missing:+; missing $missing}${extra:+; not in the union $extra}${dups:+; listed twice $dups}"
        elif [[ "$mode" == rows || "$mode" == canonical ]] && ! in_order_of "$dir/ours.versions" "$dir/result.versions"; then
          status=FAIL_VERSIONS
          detail="the driver wrote the versions in another order than ours' ($(head -c 60 <<<"$(tr '\n' ' ' <"$dir/result.versions")")…)"
        elif ! cmp -s "$dir/expected.vset" "$dir/server.vsorted"; then
          status=FAIL_VERSIONS
          detail="schema_migrations on the server after loading the merged file: $(wc -l <"$dir/server.vsorted") rows, expected $(wc -l <"$dir/expected.vset")"
        else
          detail="${detail:+$detail; }$(wc -l <"$dir/expected.vset") versions: the union"
        fi
      fi
      # --- git's line merge was clean but not kept: was it right? ----------------------------
      if [[ "$status" == CLEAN && "$mode" != line && "$mode" != trivial ]] && ((line_rc == 0)); then
        if ! load md_line "$dir/line.sql" "$dir/load_line.err"; then
          detail="${detail:+$detail; }git's clean line merge not kept: it does not load ($(first_error "$dir/load_line.err"))"
        elif ! dump_normalized md_line >"$dir/line.norm" 2>/dev/null; then
          detail="${detail:+$detail; }git's clean line merge not kept (pg_dump failed)"
        elif ! cmp -s "$dir/line.norm" "$dir/m.norm"; then
          detail="${detail:+$detail; }git's clean line merge not kept: its catalog differs from m.sql's in $(diff "$dir/line.norm" "$dir/m.norm" | grep -c '^[<>]') lines"
        elif [[ -s "$dir/expected.vset" ]] && ! cmp -s "$dir/expected.vset" <(LC_ALL=C sort "$dir/line.versions"); then
          detail="${detail:+$detail; }git's clean line merge not kept: its versions are not the union"
        else
          status=FAIL_CHURN
          detail="git merge-file was clean and its text gives m.sql's catalog and the union of versions, but the driver wrote $mode"
        fi
        drop_dbs md_line
      fi
    fi
    drop_dbs md_result md_ref
  fi

  key="$status"
  [[ "$status" == CLEAN ]] && key="CLEAN_${mode^^}"
  count[$key]=$((${count[$key]:-0} + 1))
  printf '%-18s %s  [%s%s]%s\n' "$key" "$rel" "$line_note" "${mode:+; driver: $mode}" "${detail:+  ($detail)}"
  case "$status" in
    FAIL_*)
      failures=$((failures + 1))
      if [[ -s "$dir/catalog.diff" ]]; then
        head -n "$diff_lines" "$dir/catalog.diff" | sed 's/^/    /'
        echo "    [full diff: $dir/catalog.diff]"
      fi
      grep -v '^Auto-merging\|^Merge made' "$dir/git_merge.out" 2>/dev/null | head -n 5 | sed 's/^/    git: /' || true
      echo "    [evidence: $dir (repo/, result.sql, m.sql, line.sql)]"
      ;;
    *) rm -rf -- "$dir" ;;
  esac
done

elapsed=$((SECONDS - start_time))
clean=$((${count[CLEAN_LINE]:-0} + ${count[CLEAN_ROWS]:-0} + ${count[CLEAN_CANONICAL]:-0} + ${count[CLEAN_TRIVIAL]:-0}))
skipped=$((${count[SKIP_ENV]:-0} + ${count[SKIP_REJECTED]:-0}))
trivial=""
((${count[CLEAN_TRIVIAL]:-0} == 0)) || trivial=" / ${count[CLEAN_TRIVIAL]} merged by git without the driver"
echo
echo "${#merges[@]} merges: $clean clean (${count[CLEAN_LINE]:-0} line text kept / ${count[CLEAN_ROWS]:-0} rows in place / ${count[CLEAN_CANONICAL]:-0} canonical$trivial), ${count[CONFLICT]:-0} conflicts, ${count[INPUT_ERROR]:-0} input errors, $skipped skipped (environment: ${count[SKIP_ENV]:-0}, an input PostgreSQL rejects: ${count[SKIP_REJECTED]:-0}), $failures failed (${elapsed}s)"
if ((failures > 0)); then
  for s in "${!count[@]}"; do
    if [[ "$s" == FAIL_* ]]; then
      echo "  ${count[$s]} ${s,,}"
    fi
  done | LC_ALL=C sort
  echo "$failures failures; evidence in $work/merges/" >&2
  exit 1
fi
if [[ -z "${3:-}" ]]; then
  rm -rf -- "$work"
fi
exit 0
