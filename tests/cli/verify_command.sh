#!/usr/bin/env bash
# `schemerge verify FROM TO`: a real PostgreSQL 15 proves (or refutes) a plan.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$REPO/tests/engine/postgres/pg_cluster.sh"

if ! pg_require; then
  exit 77
fi
# The server runs as `postgres` when we are root: it must reach the temporary dirs.
chmod 0755 "$T"
mkdir -p "$T/tmp"
chmod 0755 "$T/tmp"
export TMPDIR="$T/tmp"  # throwaway clusters go here, so leftovers are visible

cluster=""
cleanup_cluster() {
  if [[ -n "$cluster" ]]; then
    pg_cluster_stop "$cluster"
    cluster=""
  fi
}
trap 'cleanup_cluster; rm -rf -- "$T"' EXIT
trap 'cleanup_cluster; rm -rf -- "$T"; exit 130' INT
trap 'cleanup_cluster; rm -rf -- "$T"; exit 143' TERM

expect_no_leftovers() {
  checks=$((checks + 1))
  if [[ -n "$(ls -A "$T/tmp")" ]]; then
    fail "throwaway cluster directory left behind: $(ls -A "$T/tmp" | tr '\n' ' ')"
    rm -rf -- "${T:?}/tmp/"*
  fi
}

expect_stdout() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/out"; then
    fail "stdout does not match /$1/${2:+ ($2)}"
    head -n 20 "$T/out" | sed 's/^/  > /' >&2
  fi
}

cat >"$T/from.sql" <<'SQL'
create table a (id int primary key, name text);
create table keep (id int);
SQL
cat >"$T/to.sql" <<'SQL'
create table b (id int primary key, name text, note text);
create table keep (id int);
comment on table keep is 'kept';
SQL
cat >"$T/good_plan.sql" <<'SQL'
-- a hand-written plan
BEGIN;
ALTER TABLE a RENAME TO b;
ALTER TABLE b RENAME CONSTRAINT a_pkey TO b_pkey;
ALTER TABLE b ADD COLUMN note text;
COMMENT ON TABLE keep IS 'kept';
COMMIT;
SQL
cat >"$T/failing_plan.sql" <<'SQL'
BEGIN;
ALTER TABLE a RENAME TO b;
ALTER TABLE nosuchtable ADD COLUMN note text;
COMMIT;
SQL
cat >"$T/wrong_plan.sql" <<'SQL'
ALTER TABLE a RENAME TO b;
ALTER TABLE b ADD COLUMN note integer;
SQL
printf 'create table t (id int);\n\ncreate view v as select nosuchfunc(id) from t;\n' >"$T/rejected.sql"

case_ "a passing plan (--plan): verified, exit 0, nothing left behind"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/good_plan.sql"
expect_rc 0
expect_stdout '^verified: .*from\.sql -> .*to\.sql \([0-9]+ objects compared\)$'
expect_no_leftovers

case_ "the synthesized plan (no --plan) is verified"
cat >"$T/syn_from.sql" <<'SQL'
create table t (id int primary key, legacy text);
SQL
cat >"$T/syn_to.sql" <<'SQL'
create table t (id int primary key, note text not null default '', created timestamptz);
create index t_created_idx on t (created);
create view recent as select id, note from t where created > now() - interval '1 day';
SQL
run verify "$T/syn_from.sql" "$T/syn_to.sql"
expect_rc 0
expect_stdout '^verified: '
run verify "$T/syn_from.sql" "$T/syn_to.sql" --online
expect_rc 0
expect_stdout '^verified: '
expect_no_leftovers

case_ "the synthesized plan runs enum ADD VALUE before its transaction (the new label is used in it)"
cat >"$T/enum_from.sql" <<'SQL'
create type mood as enum ('ok', 'sad');
create table person (id int primary key, m mood not null default 'ok');
SQL
cat >"$T/enum_to.sql" <<'SQL'
create type mood as enum ('ok', 'happy', 'sad');
create table person (id int primary key, m mood not null default 'happy');
SQL
run verify "$T/enum_from.sql" "$T/enum_to.sql"
expect_rc 0
expect_stdout '^verified: '
expect_no_leftovers

case_ "a failing plan: exit 1 with the failing statement and the server's message"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/failing_plan.sql"
expect_rc 1
expect_stdout 'plan failed: statement 3 of 4 \(.*failing_plan\.sql:3\): relation "nosuchtable" does not exist'
expect_stdout '^    ALTER TABLE nosuchtable ADD COLUMN note text$'
expect_no_leftovers

case_ "a plan that runs but gives another catalog: exit 1 with the differences"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/wrong_plan.sql"
expect_rc 1
expect_stdout '^different: '
expect_stdout 'only in plan result: column public\.b\.note: type=integer'
expect_stdout 'only in target: +column public\.b\.note: type=text'
expect_stdout 'only in target: +comment on table public\.keep: text=kept'
expect_stdout 'only in plan result: constraint public\.b\.a_pkey'
expect_no_leftovers

case_ "FROM that PostgreSQL rejects: exit 2 with its location and message"
run verify "$T/rejected.sql" "$T/to.sql"
expect_rc 2
expect_stderr 'PostgreSQL rejected FROM: .*rejected\.sql:3:[0-9]+: function nosuchfunc\(integer\) does not exist'
expect_no_leftovers

case_ "bad input and usage: exit 2"
printf 'create tabel x;\n' >"$T/bad.sql"
run verify "$T/bad.sql" "$T/to.sql"
expect_rc 2
expect_stderr 'bad\.sql:1:8: error'
run verify "$T/from.sql" "$T/to.sql" --plan "$T/no_such_plan.sql"
expect_rc 2
expect_stderr 'no_such_plan\.sql'
run verify "$T/from.sql" "$T/to.sql" --rename table:a
expect_rc 2
expect_stderr "invalid --rename 'table:a'"

case_ "bad --dsn: one clear line, exit 2"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/good_plan.sql" --dsn "host=$T/nowhere user=postgres dbname=postgres"
expect_rc 2
expect_stderr '^error: cannot connect to PostgreSQL \(--dsn\): .*nowhere'
expect_stderr_lines 1
run verify "$T/from.sql" "$T/to.sql" --plan "$T/good_plan.sql" --dsn "host=/tmp port=notaport"
expect_rc 2
expect_stderr '^error: cannot connect to PostgreSQL \(--dsn\): '
expect_stderr_lines 1

cluster="$(pg_cluster_start "$T/pg")"
dsn="host=$cluster user=postgres dbname=postgres"
databases() { "$PG_BIN/psql" -h "$cluster" -U postgres -d postgres -Atc \
  "select datname from pg_database where datname like 'schemerge_verify_%' order by 1"; }

case_ "--dsn: scratch databases created and dropped there"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/good_plan.sql" --dsn "$dsn"
expect_rc 0
expect_stdout '^verified: '
expect_true "scratch databases left on the server: $(databases | tr '\n' ' ')" test -z "$(databases)"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/failing_plan.sql" --dsn "$dsn"
expect_rc 1
expect_true "scratch databases left after a failing plan" test -z "$(databases)"

case_ "--dsn --keep: databases kept and named"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/good_plan.sql" --dsn "$dsn" --keep
expect_rc 0
expect_stdout '^kept: FROM \+ plan in database schemerge_verify_[0-9]+_from, TO in database schemerge_verify_[0-9]+_to'
expect_true "kept databases are not on the server" test "$(databases | wc -l)" -eq 2
expect_true "the kept FROM database does not hold the plan's result" bash -c \
  "'$PG_BIN/psql' -h '$cluster' -U postgres -d \"\$('$PG_BIN/psql' -h '$cluster' -U postgres -d postgres -Atc \
   \"select datname from pg_database where datname like 'schemerge_verify_%_from'\")\" -Atc 'select note from b' >/dev/null"
for db in $(databases); do
  "$PG_BIN/psql" -h "$cluster" -U postgres -d postgres -qc "drop database \"$db\"" >/dev/null
done
cleanup_cluster

case_ "--keep without --dsn: the cluster stays up and how to connect is printed"
run verify "$T/from.sql" "$T/to.sql" --plan "$T/good_plan.sql" --keep
expect_rc 0
expect_stdout '^  connect: psql "host=[^ ]+ user=postgres dbname=schemerge_verify_[0-9]+_from"'
expect_stdout '^  stop and remove the cluster: '
kept_dir="$(sed -n 's/^  connect: psql "host=\([^ ]*\) .*/\1/p' "$T/out")"
expect_true "the kept cluster does not answer" "$PG_BIN/pg_isready" -q -h "$kept_dir" -U postgres
stop_command="$(sed -n 's/^  stop and remove the cluster: //p' "$T/out")"
expect_true "the printed stop command failed" bash -c "$stop_command" >/dev/null
expect_no_leftovers

case_ "Ctrl-C while verifying: exit 130, cluster stopped and removed"
timeout 60 "$SCHEMERGE" verify "$T/from.sql" "$T/to.sql" --plan "$T/good_plan.sql" >"$T/out" 2>"$T/err" &
pid=$!
sleep 1
kill -INT "$pid" 2>/dev/null || true
rc=0
wait "$pid" || rc=$?
# The run may have finished before the signal on a fast machine.
if ((rc != 0)); then
  expect_rc 130
fi
expect_no_leftovers

finish
