#!/usr/bin/env bash
# --dialect NAME and [schema] dialect: postgresql (the default) and its aliases give the
# same bytes as no flag; the config's dialect is read; the command line beats the config;
# an unknown name is one line listing the known dialects, exit 2, nothing written; every
# command takes --dialect. (tests/cli/dialect_registry_test.cpp registers a second dialect
# and runs the commands through it.)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"

expect_stdout() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/out"; then
    fail "stdout does not match /$1/${2:+ ($2)}"
  fi
}

# The unknown-dialect message: one line, naming the value and the known dialects.
unknown_line='^error: --dialect: unknown dialect '\''oracle'\'' \(known dialects: postgresql \(also postgres, pg\)'

mkdir -p "$T/w"
cd "$T/w"
cat >base.sql <<'SQL'
create table customers (id int primary key, email varchar(100));
create table orders (id int primary key, customer_id int references customers (id));
SQL
cat >ours.sql <<'SQL'
create table customers (id int primary key, email varchar(100), name text);
create table orders (id int primary key, customer_id int references customers (id));
SQL
cat >theirs.sql <<'SQL'
create table customers (id int primary key, email varchar(200));
create table orders (id int primary key, customer_id int references customers (id));
create index orders_customer on orders (customer_id);
SQL

# snapshot NAME ARGS...: run schemerge, keep stdout/stderr/rc as $T/NAME.{out,err,rc}.
snapshot() {
  local name="$1"
  shift
  run "$@"
  cp "$T/out" "$T/$name.out"
  cp "$T/err" "$T/$name.err"
  echo "$rc" >"$T/$name.rc"
}
# same_as NAME ARGS...: running ARGS gives NAME's stdout, stderr and exit code.
same_as() {
  local name="$1"
  shift
  run "$@"
  checks=$((checks + 1))
  if [[ "$rc" != "$(cat "$T/$name.rc")" ]] || ! cmp -s "$T/out" "$T/$name.out" || ! cmp -s "$T/err" "$T/$name.err"; then
    fail "schemerge $* differs from the run without --dialect ($name)"
    diff "$T/$name.out" "$T/out" | head -n 10 | sed 's/^/  | /' >&2 || true
  fi
}

case_ "dump, diff, merge: --dialect postgresql and its aliases change nothing"
snapshot dump dump base.sql
snapshot dump-json dump --format json base.sql
snapshot diff diff base.sql theirs.sql
snapshot diff-md diff --format markdown base.sql theirs.sql
snapshot merge merge base.sql ours.sql theirs.sql --format json
for name in postgresql postgres pg PostgreSQL; do
  current="--dialect $name"
  same_as dump dump --dialect "$name" base.sql
  same_as dump-json dump --format json base.sql --dialect "$name"
  same_as diff diff --dialect "$name" base.sql theirs.sql
  same_as diff-md diff --format markdown --dialect "$name" base.sql theirs.sql
  same_as merge merge --dialect "$name" base.sql ours.sql theirs.sql --format json
done
expect_true "the dump is PostgreSQL's" grep -q 'CREATE TABLE public.customers' "$T/dump.out"

case_ "[schema] dialect is read (postgresql and an alias)"
for name in postgresql pg; do
  printf '[schema]\ndialect = "%s"\n' "$name" >"$T/$name.toml"
  same_as dump dump --config "$T/$name.toml" base.sql
  same_as diff diff --config "$T/$name.toml" base.sql theirs.sql
done

case_ "[schema] dialect unknown: located one-line error listing the known dialects, exit 2"
printf '[schema]\npath = "db/schema.sql"\ndialect = "oracle"\n' >"$T/bad.toml"
run dump --config "$T/bad.toml" base.sql
expect_rc 2
expect_stderr "^$T/bad.toml:3:11: error: unknown dialect 'oracle' in \[schema\] \(known dialects: postgresql \(also postgres, pg\)"
expect_stderr_lines 1
expect_stdout_empty
printf '[schema]\ndialect = 15\n' >"$T/type.toml"
run dump --config "$T/type.toml" base.sql
expect_rc 2
expect_stderr "^$T/type.toml:2:11: error: 'dialect' in \[schema\] must be a string"

case_ "the command line beats the config"
# A valid config dialect does not rescue an unknown --dialect: the command line's is used.
run dump --config "$T/pg.toml" --dialect oracle base.sql
expect_rc 2
expect_stderr "$unknown_line"
# ... and a valid --dialect is used whatever the config says (here: the same engine).
same_as dump dump --config "$T/postgresql.toml" --dialect pg base.sql

case_ "unknown --dialect: one line, exit 2, nothing written"
run dump --dialect oracle base.sql -o "$T/never.sql"
expect_rc 2
expect_stderr "$unknown_line"
expect_stderr_lines 1
expect_stdout_empty
expect_true "no output file" test ! -e "$T/never.sql"
run merge --dialect oracle base.sql ours.sql theirs.sql --schema-out "$T/never.sql"
expect_rc 2
expect_stderr "$unknown_line"
expect_true "no merged schema" test ! -e "$T/never.sql"

# --- a repository for fold and check ---------------------------------------------------
R="$T/repo"
git -c init.defaultBranch=main init -q "$R"
mkdir -p "$R/db"
cp base.sql "$R/db/schema.sql"
printf '[schema]\npath = "db/schema.sql"\n' >"$R/schemerge.toml"
git -C "$R" add -A
git -C "$R" -c commit.gpgsign=false commit -q -m base
git -C "$R" branch feature
cp ours.sql "$R/db/schema.sql"
git -C "$R" -c commit.gpgsign=false commit -q -am ours
git -C "$R" checkout -q feature
cp theirs.sql "$R/db/schema.sql"
git -C "$R" -c commit.gpgsign=false commit -q -am theirs
git -C "$R" checkout -q main

case_ "every command takes --dialect"
cd "$R"
snapshot fold fold feature --into main
snapshot check check --base main --head feature --format json
snapshot driver-help merge-driver --help
for name in postgresql pg; do
  same_as fold fold feature --into main --dialect "$name"
  same_as check check --base main --head feature --format json --dialect "$name"
done
cp "$T/w/base.sql" "$T/O.sql"; cp "$T/w/ours.sql" "$T/A.sql"; cp "$T/w/theirs.sql" "$T/B.sql"
run merge-driver "$T/O.sql" "$T/A.sql" "$T/B.sql" db/schema.sql
expect_rc 0
cp "$T/A.sql" "$T/merged-default.sql"
cp "$T/w/ours.sql" "$T/A.sql"
run merge-driver --dialect postgres "$T/O.sql" "$T/A.sql" "$T/B.sql" db/schema.sql
expect_rc 0
expect_same_file "$T/merged-default.sql" "$T/A.sql" "merge-driver --dialect postgres wrote other bytes"
cd "$T/w"
# verify: the dialect is accepted (the missing file is the error, not the option).
run verify --dialect pg base.sql no-such.sql
expect_rc 2
expect_stderr 'no-such\.sql'
expect_no_stderr 'dialect'
for cmd in dump diff verify merge fold check merge-driver; do
  current="$cmd --help names --dialect"
  run "$cmd" --help
  expect_rc 0
  expect_stdout '^  --dialect '
  current="$cmd --dialect oracle"
  case "$cmd" in
    dump) run dump --dialect oracle base.sql ;;
    diff | verify) run "$cmd" --dialect oracle base.sql theirs.sql ;;
    merge) run merge --dialect oracle base.sql ours.sql theirs.sql ;;
    fold) run fold feature --into main --repo "$R" --dialect oracle ;;
    check) run check --base main --head feature --repo "$R" --dialect oracle ;;
    merge-driver) run merge-driver --dialect oracle "$T/O.sql" "$T/A.sql" "$T/B.sql" db/schema.sql ;;
  esac
  expect_rc 2
  expect_stderr "$unknown_line"
  expect_stderr_lines 1
done
expect_same_file "$T/merged-default.sql" "$T/A.sql" "merge-driver --dialect oracle touched %A"

finish
