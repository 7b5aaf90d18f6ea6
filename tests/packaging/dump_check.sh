#!/usr/bin/env bash
# `schemerge dump --check FILE…` (the pre-commit hook schemerge-canonical): exit 0 when
# every file's bytes equal what `schemerge dump FILE` prints, 1 with one stdout line per
# file that is not in canonical form, 2 on input errors (located as dump locates them);
# nothing is ever written. Also the hook itself, run as pre-commit runs it (its entry and
# args from .pre-commit-hooks.yaml, then the file names), and, where Debian's pre-commit
# package is installed, both hooks through `pre-commit try-repo`.
#
#   dump_check.sh SCHEMERGE_BIN REPO_DIR
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

shop="$REPO/examples/shop/schema.sql"
"$SCHEMERGE" dump "$shop" >"$T/canonical.sql"
"$SCHEMERGE" dump "$shop" --no-owners --no-comments >"$T/canonical-no-comments.sql"
cp "$shop" "$T/pg_dump.sql"

case_ "a file in canonical form: exit 0, no output"
run dump --check "$T/canonical.sql"
expect_rc 0
expect_stdout_empty
expect_stderr_lines 0

case_ "several files in canonical form"
cp "$T/canonical.sql" "$T/copy.sql"
run dump --check "$T/canonical.sql" "$T/copy.sql"
expect_rc 0
expect_stdout_empty

case_ "the same schema not in canonical form (pg_dump's text): exit 1, one line naming the file and the fix"
run dump --check "$T/pg_dump.sql"
expect_rc 1
checks=$((checks + 1))
if [[ "$(wc -l <"$T/out")" != 1 ]] \
  || ! grep -Eq "^$T/pg_dump.sql:1: not in canonical form from this line on; rewrite it with: schemerge dump $T/pg_dump.sql -o $T/pg_dump.sql$" "$T/out"; then
  fail "expected one line 'FILE:1: not in canonical form …', got: $(cat "$T/out")"
fi
expect_same_file "$shop" "$T/pg_dump.sql" "--check must not change the file"

case_ "the suggested command makes the file canonical"
"$SCHEMERGE" dump "$T/pg_dump.sql" -o "$T/pg_dump.sql"
run dump --check "$T/pg_dump.sql"
expect_rc 0
cp "$shop" "$T/pg_dump.sql"

case_ "the line of the first difference"
# Change line 20 of the canonical form: the message points at line 20.
awk 'NR == 20 { print $0 " " } NR != 20' "$T/canonical.sql" >"$T/line20.sql"
run dump --check "$T/line20.sql"
expect_rc 1
expect_true "points at line 20: $(cat "$T/out")" grep -q "^$T/line20.sql:20: " "$T/out"

case_ "one byte more at the end (a missing or extra final newline) is not canonical"
cp "$T/canonical.sql" "$T/extra-newline.sql"
printf '\n' >>"$T/extra-newline.sql"
run dump --check "$T/extra-newline.sql"
expect_rc 1
head -c -1 "$T/canonical.sql" >"$T/no-final-newline.sql"
run dump --check "$T/no-final-newline.sql"
expect_rc 1

case_ "CRLF line endings are not canonical"
sed 's/$/\r/' "$T/canonical.sql" >"$T/crlf.sql"
run dump --check "$T/crlf.sql"
expect_rc 1
expect_true "CRLF file reported at line 1" grep -q "^$T/crlf.sql:1: " "$T/out"

case_ "canonical for the options given (--no-owners --no-comments)"
run dump --check --no-owners --no-comments "$T/canonical-no-comments.sql"
expect_rc 0
# With comments, the file is not what `dump --no-comments` prints; the fix keeps the options.
run dump --check --no-comments --no-owners "$T/canonical.sql"
expect_rc 1
expect_true "the fix repeats the options: $(cat "$T/out")" \
  grep -q -- "rewrite it with: schemerge dump $T/canonical.sql --no-owners --no-comments -o $T/canonical.sql$" "$T/out"

case_ "usage: --check compares SQL with SQL, not with --format json"
run dump --check --format json "$T/canonical.sql"
expect_rc 2
expect_stderr "^error: --check compares a schema file with its canonical SQL; --format json cannot be checked$"
expect_stdout_empty

case_ "every file is checked: one line for each file that is not canonical"
run dump --check "$T/pg_dump.sql" "$T/canonical.sql" "$T/line20.sql"
expect_rc 1
expect_true "two lines: $(cat "$T/out")" test "$(wc -l <"$T/out")" = 2
expect_true "names pg_dump.sql" grep -q "^$T/pg_dump.sql:1: " "$T/out"
expect_true "names line20.sql" grep -q "^$T/line20.sql:20: " "$T/out"

case_ "a file name with a space and a quote is quoted in the fix"
cp "$shop" "$T/my schema's.sql"
run dump --check "$T/my schema's.sql"
expect_rc 1
expect_true "shell-quoted: $(cat "$T/out")" grep -qF "schemerge dump '$T/my schema'\\''s.sql' -o" "$T/out"

# --- malformed input: exit 2, the error located as dump locates it ----------------------------
case_ "syntax error: file:line:col, and the other files are still checked"
printf 'create table a (id int);\n\ncreate tabel b (id int);\n' >"$T/syntax.sql"
run dump --check "$T/syntax.sql" "$T/pg_dump.sql"
expect_rc 2
expect_stderr "^$T/syntax.sql:3:8: error: syntax error at or near \"tabel\""
expect_true "the non-canonical file is still named" grep -q "^$T/pg_dump.sql:1: " "$T/out"

case_ "semantic error (duplicate table) located"
printf 'create table t (x int);\ncreate table t (x int);\n' >"$T/dup.sql"
run dump --check "$T/dup.sql"
expect_rc 2
expect_stderr "^$T/dup.sql:2:14: error: relation \"public.t\" already exists"
expect_stdout_empty

case_ "git conflict markers"
printf 'create table a (id int);\n<<<<<<< HEAD\ncreate table b (id int);\n=======\ncreate table c (id int);\n>>>>>>> x\n' >"$T/conflict.sql"
run dump --check "$T/conflict.sql"
expect_rc 2
expect_stderr "^$T/conflict.sql:2:1: error: "

case_ "binary file"
printf 'create table a (id int);\n\0\0\0' >"$T/binary.sql"
run dump --check "$T/binary.sql"
expect_rc 2
expect_stderr "^$T/binary.sql(:[0-9]+:[0-9]+)?: error: .*(binary|NUL)"

case_ "not UTF-8"
printf 'create table caf\xe9 (id int);\n' >"$T/latin1.sql"
run dump --check "$T/latin1.sql"
expect_rc 2
expect_stderr "^$T/latin1.sql(:[0-9]+:[0-9]+)?: error: "

case_ "missing file"
run dump --check "$T/missing.sql"
expect_rc 2
expect_stderr "error: .*$T/missing.sql"
expect_stdout_empty

case_ "a directory is not a file to compare"
run dump --check "$T"
expect_rc 2
expect_stderr "^error: '$T' is a directory; --check compares a schema file with its canonical form$"

case_ "an unsupported statement with --strict is an input error"
printf 'CREATE PUBLICATION p FOR ALL TABLES;\n' >"$T/publication.sql"
run dump --check --strict "$T/publication.sql"
expect_rc 2
expect_stderr "^$T/publication.sql:1:1: error: "

case_ "REF:PATH is read from git but cannot be compared with a file"
git -C "$T" init -q repo
cp "$T/canonical.sql" "$T/repo/schema.sql"
git -C "$T/repo" add schema.sql
git -C "$T/repo" -c user.name=t -c user.email=t@example.org commit -qm init
(cd "$T/repo" && run dump --check HEAD:schema.sql && echo "$rc" >"$T/rc")
rc="$(cat "$T/rc")"
expect_rc 2
expect_stderr "^error: 'HEAD:schema.sql' is not a file on disk; --check compares"

case_ "usage: --check with -o is an error and writes nothing"
run dump --check "$T/canonical.sql" -o "$T/written.sql"
expect_rc 2
expect_stderr "excludes"
expect_true "nothing written" test ! -e "$T/written.sql"

case_ "usage: several SOURCEs without --check"
run dump "$T/canonical.sql" "$T/copy.sql"
expect_rc 2
expect_stderr "^error: dump takes one SOURCE \(several only with --check\); got 2$"
expect_stdout_empty

case_ "input errors win over 'not canonical' in the exit code"
run dump --check "$T/pg_dump.sql" "$T/missing.sql"
expect_rc 2

# --- the pre-commit hook as pre-commit runs it: entry + args + file names ---------------------
case_ "hook schemerge-canonical from .pre-commit-hooks.yaml"
mapfile -t hook < <(python3 "$REPO/packaging/check_metadata.py" entry "$REPO/.pre-commit-hooks.yaml" schemerge-canonical)
checks=$((checks + 1))
if [[ "${hook[0]:-}" != schemerge ]]; then
  fail "the hook's entry does not start with schemerge: ${hook[*]}"
else
  hook[0]="$SCHEMERGE"
  rc=0
  "${hook[@]}" "$T/canonical.sql" "$T/copy.sql" >"$T/out" 2>"$T/err" || rc=$?
  expect_rc 0
  rc=0
  "${hook[@]}" "$T/canonical.sql" "$T/pg_dump.sql" >"$T/out" 2>"$T/err" || rc=$?
  expect_rc 1
  expect_true "the hook names the file" grep -q "^$T/pg_dump.sql:1: not in canonical form" "$T/out"
fi

# --- through pre-commit itself (Debian's pre-commit package), when it is installed ------------
if command -v pre-commit >/dev/null; then
  export PRE_COMMIT_HOME="$T/pre-commit-home"
  bin_dir="$(dirname "$SCHEMERGE")"
  mkdir -p "$T/pc"
  git -C "$T/pc" init -q -b main
  cp "$T/canonical.sql" "$T/pc/canonical.sql"
  cp "$shop" "$T/pc/raw.sql"
  git -C "$T/pc" add .
  case_ "pre-commit try-repo: schemerge-canonical fails on the non-canonical file"
  rc=0
  (cd "$T/pc" && PATH="$bin_dir:$PATH" pre-commit try-repo "$REPO" schemerge-canonical --all-files) >"$T/out" 2>"$T/err" || rc=$?
  expect_rc 1
  expect_true "pre-commit shows the line for raw.sql" grep -q "^raw.sql:1: not in canonical form" "$T/out"
  expect_true "and not for canonical.sql" bash -c "! grep -q '^canonical.sql' '$T/out'"
  case_ "pre-commit try-repo: schemerge-canonical passes once the file is rewritten"
  "$SCHEMERGE" dump "$T/pc/raw.sql" -o "$T/pc/raw.sql"
  git -C "$T/pc" add raw.sql
  rc=0
  (cd "$T/pc" && PATH="$bin_dir:$PATH" pre-commit try-repo "$REPO" schemerge-canonical --all-files) >"$T/out" 2>"$T/err" || rc=$?
  expect_rc 0
  case_ "pre-commit try-repo: schemerge-check at the push stage (demo repository, origin/main)"
  SCHEMERGE="$SCHEMERGE" bash "$REPO/scripts/demo.sh" "$T/demo" >/dev/null 2>&1
  git clone -q "$T/demo/repo" "$T/clone"
  git -C "$T/clone" checkout -q -b fix origin/hotfix
  rc=0
  (cd "$T/clone" && PATH="$bin_dir:$PATH" pre-commit try-repo "$REPO" schemerge-check --hook-stage push --all-files) \
    >"$T/out" 2>"$T/err" || rc=$?
  expect_rc 0
  expect_true "the hook ran: $(grep -m1 'schemerge check' "$T/out")" grep -q '^schemerge check\.*Passed' "$T/out"
else
  echo "note: pre-commit is not installed: the hooks were run as pre-commit runs them (entry, args, files), not through pre-commit"
fi

finish
