#!/usr/bin/env bash
# `schemerge db` and live SOURCEs without a server: bad input is one line naming the
# target, exit 2, nothing written — checked before anything connects where possible
# (a branch that is not a ref, an unknown hazard id, a file that is not a plan), and an
# unreachable server named with its password hidden. The commands against a real
# server are tests/engine/postgres/db_branches.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
case_() { current="$1"; echo "-- $1"; }
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"

R="$T/repo"
mkdir -p "$R/db"
git -C "$R" init -q -b main
printf '[schema]\npath = "db/structure.sql"\n' >"$R/schemerge.toml"
echo 'create table t (id int primary key);' >"$R/db/structure.sql"
git -C "$R" add -A
git -C "$R" -c commit.gpgsign=false commit -q -m v1
cd "$R"
NOWHERE="postgresql:///app?host=$T/nowhere"

case_ "usage"
run db
expect_rc 2
run db migrate --to main
expect_rc 2
expect_stderr "--dsn"
run db branch --dsn "$NOWHERE"
expect_rc 2
run db migrate --dsn "$NOWHERE"
expect_rc 2
expect_stderr "needs --to"
run db drift --dsn "$NOWHERE" --format yaml
expect_rc 2

case_ "a branch that is not a ref: nothing connects"
run db branch no-such-branch --dsn "$NOWHERE"
expect_rc 2
expect_stderr "^error: 'no-such-branch' is not a ref"
expect_stderr_lines 1
run db migrate --dsn "$NOWHERE" --to no-such-branch
expect_rc 2
expect_stderr "'no-such-branch' is not a ref"
run db migrate --dsn "$NOWHERE" --to main:db/missing.sql
expect_rc 2
expect_stderr "db/missing.sql"

case_ "unknown hazard ids, a file that is not a plan"
run db migrate --dsn "$NOWHERE" --to main --fail-on no-such-hazard
expect_rc 2
expect_stderr "unknown hazard id 'no-such-hazard' in --fail-on"
run db migrate --dsn "$NOWHERE" --to main --allow nope
expect_rc 2
expect_stderr "unknown hazard id 'nope' in --allow"
echo 'ALTER TABLE t ADD COLUMN c int;' >"$T/plain.sql"
run db migrate --dsn "$NOWHERE" --apply "$T/plain.sql"
expect_rc 2
expect_stderr "plain.sql:1:1: error: not a plan written by"
run db migrate --dsn "$NOWHERE" --apply "$T/missing.sql"
expect_rc 2
expect_stderr "missing.sql"
run db migrate --dsn "$NOWHERE" --apply "$T/plain.sql" --to main
expect_rc 2

case_ "an unreachable server: one line naming it, the password hidden"
for cmd in "db branch main" "db migrate --to main" "db drift" "db list" "db drop main"; do
  # shellcheck disable=SC2086
  run $cmd --dsn "postgresql://me:secret@/app?host=$T/nowhere"
  expect_rc 2
  expect_stderr "^error: cannot connect to postgresql://me:\\*\\*\\*@/app\\?host=$T/nowhere: "
  expect_stderr_lines 1
  expect_no_stderr "secret"
done
run dump "$NOWHERE"
expect_rc 2
expect_stderr "^error: cannot connect to postgresql:///app\\?host=$T/nowhere: "
expect_stderr_lines 1
run diff "postgres://me:secret@/app?host=$T/nowhere" main:db/structure.sql
expect_rc 2
expect_no_stderr "secret"
expect_stdout_empty
run db branch main --dsn "host=$T/nowhere dbname=app password=secret"
expect_rc 2
expect_stderr "password=\\*\\*\\*"
expect_no_stderr "secret"

case_ "[db] name_template"
printf '[db]\nname_template = "ci_db"\n' >"$T/bad.toml"
run db branch main --dsn "$NOWHERE" --config "$T/bad.toml"
expect_rc 2
expect_stderr "bad.toml:2:17: error: 'name_template' in \\[db\\] must contain <branch>"
printf '[db]\nname = "x"\n' >"$T/bad.toml"
run db branch main --dsn "$NOWHERE" --config "$T/bad.toml"
expect_rc 2
expect_stderr "unknown key 'name' in \\[db\\]"

case_ "the repository is untouched"
expect_true "clean work tree" test -z "$(git status --porcelain)"

finish
