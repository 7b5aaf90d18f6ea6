#!/usr/bin/env bash
# Bad input of every class: exit 2 and a message that says what and where.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

located_error='^[^:]+:[0-9]+:[0-9]+: error: '

# A file that is not text: one line, or a located error (file:line:col, line, caret).
expect_one_line_or_located() {
  checks=$((checks + 1))
  if (($(wc -l <"$T/err") != 1)) && ! head -n 1 "$T/err" | grep -Eq "$located_error"; then
    fail "expected a one-line error or a located error first"
  fi
}

case_ "syntax error: file:line:col, offending line and caret"
printf 'create table a (id int);\n\ncreate tabel b (id int);\n' >"$T/syntax.sql"
run dump "$T/syntax.sql"
expect_rc 2
# PostgreSQL's error cursor points at the token it could not use: `tabel`, column 8.
expect_stderr "^$T/syntax.sql:3:8: error: " "error located at 3:8 (at \`tabel\`)"
expect_stderr '^ *[0-9]* *\|? *create tabel b \(id int\);$' "the offending line is quoted"
expect_stderr '^ *\|? *\^' "a caret line under the error"
expect_stdout_empty

case_ "syntax error: unterminated string at end of file"
printf "create table a (id int default 'x);\n" >"$T/unterminated.sql"
run dump "$T/unterminated.sql"
expect_rc 2
expect_stderr "^$T/unterminated.sql:1:[0-9]+: error: "

case_ "syntax error in the second file of a directory names that file"
mkdir -p "$T/dir_syntax"
printf 'create table a (id int);\n' >"$T/dir_syntax/001_a.sql"
printf '\n\nalter table a add colum x int;\n' >"$T/dir_syntax/002_b.sql"
run dump "$T/dir_syntax"
expect_rc 2
expect_stderr "^$T/dir_syntax/002_b.sql:3:[0-9]+: error: "

case_ "missing file"
run dump "$T/does-not-exist.sql"
expect_rc 2
expect_stderr 'does-not-exist\.sql' "names the missing path"
expect_stderr_lines 1
expect_stdout_empty

case_ "directory without .sql files"
mkdir -p "$T/nosql"
echo "not sql" >"$T/nosql/README.txt"
run dump "$T/nosql"
expect_rc 2
expect_stderr "nosql" "names the directory"
expect_stderr_lines 1

case_ "empty directory"
mkdir -p "$T/emptydir"
run dump "$T/emptydir"
expect_rc 2
expect_stderr_lines 1

case_ "binary file"
printf 'create table a (id int);\n\x00\x01\x02\x89PNG\x00\x00' >"$T/binary.sql"
run dump "$T/binary.sql"
expect_rc 2
expect_stderr 'binary\.sql' "names the file"
expect_one_line_or_located

case_ "non-UTF-8 text file"
printf "create table a (id int);\ncomment on table a is 'caf\xe9';\n" >"$T/latin1.sql"
run dump "$T/latin1.sql"
expect_rc 2
expect_stderr 'latin1\.sql' "names the file"
expect_stderr '(UTF-?8|utf-?8|encoding)' "says it is an encoding problem"
expect_one_line_or_located
if head -n 1 "$T/err" | grep -Eq "$located_error"; then
  expect_stderr "latin1\.sql:2:27: error: " "located at the bad byte (2:27)"
fi

case_ "empty file: empty schema, exit 0"
: >"$T/empty.sql"
run dump "$T/empty.sql"
expect_rc 0
expect_no_stderr 'error'

case_ "comments and SET lines only: empty schema, exit 0"
printf -- "-- nothing here\nSET statement_timeout = 0;\n/* block */\n" >"$T/comments.sql"
run dump "$T/comments.sql"
expect_rc 0
expect_no_stderr 'error'

case_ "git conflict markers"
cat >"$T/conflict.sql" <<'SQL'
create table a (id int);
<<<<<<< HEAD
alter table a add column x int;
=======
alter table a add column y int;
>>>>>>> feature
SQL
run dump "$T/conflict.sql"
expect_rc 2
expect_stderr '[Cc]onflict marker' "says it found conflict markers"
expect_stderr "conflict\.sql:2" "points at the first marker line"

case_ "usage: no arguments, unknown option, bad --format, unknown command"
run
expect_rc 2
run dump "$REPO/examples/shop/schema.sql" --no-such-option
expect_rc 2
run dump "$REPO/examples/shop/schema.sql" --format xml
expect_rc 2
run frobnicate
expect_rc 2
run dump
expect_rc 2

finish
