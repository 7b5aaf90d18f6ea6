#!/usr/bin/env bash
# Live MySQL / MariaDB SOURCEs and `schemerge db --dsn mysql://…` without a server: a
# malformed DSN, an unreachable socket, a DSN read by the wrong dialect, a DSN without a
# database — one line naming the target with its password hidden, exit 2, no crash,
# nothing written. The commands against a real server: tests/engine/mysql/db_live.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case_() { current="$1"; echo "-- $1"; }
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"

R="$T/repo"
mkdir -p "$R/db"
git -C "$R" init -q -b main
printf '[schema]\npath = "db/structure.sql"\ndialect = "mysql"\n' >"$R/schemerge.toml"
echo 'CREATE TABLE t (id int PRIMARY KEY);' >"$R/db/structure.sql"
git -C "$R" add -A
git -C "$R" -c commit.gpgsign=false commit -q -m v1
cd "$R"
NOWHERE="mysql://app:s3cret@localhost/app?socket=$T/nowhere.sock"

case_ "an unreachable server: one line, the password hidden"
for cmd in "dump $NOWHERE" "diff $NOWHERE db/structure.sql" "db drift --dsn $NOWHERE" \
  "db migrate --dsn $NOWHERE --to main" "db branch main --dsn $NOWHERE" "db list --dsn $NOWHERE" \
  "db drop main --dsn $NOWHERE"; do
  # shellcheck disable=SC2086
  run $cmd
  expect_rc 2
  expect_stderr "^error: cannot connect to mysql://app:\\*\\*\\*@localhost/app\\?socket=.*nowhere.sock: ERROR 2002" "$cmd"
  expect_stderr_lines 1
  expect_no_stderr "s3cret"
  expect_stdout_empty
done

case_ "malformed DSNs: one line naming what is wrong, no crash"
for bad in "mysql://" "mysql://app:pw@" "mysql://app:pw@host:99999/db" "mysql://app:pw@host:x/db" \
  "mysql://app:pw@host/db?socket=" "mysql://app:pw@host/db?bogus=1" "mysql://app:p%zzw@host/db" \
  "mariadb://app:pw@host/db/extra"; do
  run dump "$bad"
  expect_rc 2
  expect_stderr_lines 1
  expect_stderr "^error: (mysql|mariadb)://"
  expect_no_stderr ":pw@"
  run db drift --dsn "$bad"
  expect_rc 2
  expect_stderr_lines 1
  expect_no_stderr ":pw@"
done

case_ "a MySQL DSN read by the PostgreSQL front end"
run dump "$NOWHERE" --dialect postgresql
expect_rc 2
expect_stderr "^error: mysql://app:\\*\\*\\*@localhost/app\\?socket=.* is a MySQL / MariaDB database|is a MySQL"
expect_stderr "--dialect mysql"
expect_stderr_lines 1
expect_no_stderr "s3cret"

case_ "db migrate: a bad plan file is refused before anything connects"
echo "DROP TABLE t;" >"$T/plan.sql"
run db migrate --dsn "$NOWHERE" --apply "$T/plan.sql"
expect_rc 2
expect_stderr "plan.sql:1:1: error: not a plan"

finish
