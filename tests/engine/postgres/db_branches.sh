#!/usr/bin/env bash
# `schemerge db` against a throwaway PostgreSQL cluster (issue 12): a live database as a
# SOURCE (dump, diff), `db branch` from a template with rows through a migration that
# adds, changes and drops columns, run twice to bring it forward, `db list`, `db drift`
# after a hotfix applied directly to "production", `db migrate` (dry run changes nothing,
# --apply, a refused hazard, --plan-out/--apply FILE refused once the database changed, a
# failing statement rolled back), two concurrent `db branch` runs, a template in use,
# `db drop` refusing a foreign database, and bad input (unreachable server, unknown role,
# missing database, a branch that is not a ref, no pg_dump for the server's version):
# one line naming the target, exit 2, nothing created.
#
#   db_branches.sh SCHEMERGE_BIN REPO_DIR
source "$(dirname "${BASH_SOURCE[0]}")/../../cli/lib.sh"
case_() { current="$1"; echo "-- $1"; }
if [[ -f "$REPO/tests/engine/postgres/pg_cluster.sh" ]]; then
  source "$REPO/tests/engine/postgres/pg_cluster.sh"
else
  source "$REPO/tests/engine/pg_cluster.sh"
fi
if ! pg_require; then
  exit 77
fi
chmod 0755 "$T"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"

# The cluster: a short directory (Unix socket path limit), stopped by pid at exit.
PGDIR="$(mktemp -d /tmp/sm-db.XXXXXX)"
cleanup() {
  pg_cluster_stop "$PGDIR" >/dev/null 2>&1 || true
  rm -rf -- "$T"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
pg_cluster_start "$PGDIR" >/dev/null

psql_() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -U postgres "$@"; }
# value DB SQL: one value.
value() { psql_ -d "$1" -Atc "$2"; }
dsn() { echo "postgresql:///$1?host=$PGDIR&user=postgres"; }
expect_stdout() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/out"; then
    fail "stdout does not match /$1/${2:+ ($2)}"
    head -n 40 "$T/out" | sed 's/^/  > /' >&2
  fi
}
expect_eq() {
  checks=$((checks + 1))
  if [[ "$1" != "$2" ]]; then
    fail "${3:-values differ}: got '$1', expected '$2'"
  fi
}
# catalog DB: the schema as pg_dump prints it (to prove nothing changed).
catalog() { "$PG_BIN/pg_dump" --schema-only -h "$PGDIR" -U postgres -d "$1" | grep -v '^\\\(un\)\?restrict'; }

# --- the repository: main (v1), feature (adds, changes and drops columns) -------------
R="$T/repo"
mkdir -p "$R/db"
git -C "$R" init -q -b main
cat >"$R/schemerge.toml" <<'TOML'
[schema]
path = "db/structure.sql"
TOML
cat >"$R/db/structure.sql" <<'SQL'
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text,
    age integer
);
SQL
git -C "$R" add -A && git -C "$R" -c commit.gpgsign=false commit -q -m v1
git -C "$R" checkout -q -b feature
cat >"$R/db/structure.sql" <<'SQL'
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    age bigint,
    phone text DEFAULT 'unknown'
);
SQL
git -C "$R" -c commit.gpgsign=false commit -q -am "feature: phone added, age widened, email dropped"
git -C "$R" checkout -q main
cd "$R"

# "production": main's schema with rows.
psql_ -d postgres -c "CREATE DATABASE prod"
psql_ -d prod -f "$R/db/structure.sql"
psql_ -d prod -c "INSERT INTO customers VALUES (1, 'ann', 'ann@example.com', 31), (2, 'bob', NULL, 42), (3, 'cy', 'cy@example.com', NULL)"
PROD="$(dsn prod)"

case_ "a live database is a SOURCE: dump and diff read it"
run dump "$PROD"
expect_rc 0
expect_stdout "CREATE TABLE public.customers"
run dump "$PROD" --format json
expect_rc 0
run diff "$PROD" main:db/structure.sql
expect_rc 0
expect_stdout "identical"
run diff "$PROD" feature:db/structure.sql
expect_rc 0
expect_stdout "ADD COLUMN phone"
expect_stdout "DROP COLUMN email"

case_ "db branch: a copy of prod with its rows, migrated to feature"
run db branch feature --dsn "$PROD" --from prod
expect_rc 0
expect_stdout "created database prod_feature from prod"
expect_stdout "database prod_feature is at feature:db/structure.sql"
expect_eq "$(value prod_feature "SELECT string_agg(id || ':' || name || ':' || coalesce(age::text, '-') || ':' || phone, ',' ORDER BY id) FROM customers")" \
  "1:ann:31:unknown,2:bob:42:unknown,3:cy:-:unknown" "rows kept through the migration"
expect_eq "$(value prod_feature "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'customers'")" \
  "id integer, name text, age bigint, phone text" "columns after the migration"
expect_eq "$(value prod_feature "SELECT branch || ' ' || commit FROM schemerge.history ORDER BY id DESC LIMIT 1")" \
  "feature $(git rev-parse feature)" "the history row"
expect_eq "$(value prod "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'email'")" \
  "1" "prod untouched"
run diff "$(dsn prod_feature)" feature:db/structure.sql
expect_rc 0
expect_stdout "identical"

case_ "db branch twice brings the database forward"
git checkout -q feature
cat >>db/structure.sql <<'SQL'
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id), total numeric(10,2));
SQL
git -c commit.gpgsign=false commit -q -am "feature: orders"
git checkout -q main
run db branch feature --dsn "$PROD" --from prod
expect_rc 0
expect_no_stderr "error"
expect_stdout "CREATE TABLE public.orders"
expect_stdout "3 step\\(s\\) applied"
expect_eq "$(value prod_feature "SELECT count(*) FROM customers")" "3" "rows still there"
expect_eq "$(value prod_feature "SELECT count(*) FROM schemerge.history")" "2" "two history rows"
run db branch feature --dsn "$PROD" --from prod
expect_rc 0
expect_stdout "already up to date"

case_ "db list"
run db list --dsn "$PROD"
expect_rc 0
expect_stdout "^prod_feature	feature	$(git rev-parse --short=7 feature)"
run db list --dsn "$PROD" --format json
expect_rc 0
expect_true "list JSON" python3 -c "import json,sys; d=json.load(open('$T/out')); assert d[0]['database']=='prod_feature' and d[0]['branch']=='feature', d"

case_ "db drift: none, then a hotfix applied directly to production"
run db drift --dsn "$PROD" --schema main
expect_rc 0
expect_stdout "no drift"
psql_ -d prod -c "ALTER TABLE customers ADD COLUMN vip boolean NOT NULL DEFAULT false"
run db drift --dsn "$PROD" --schema main
expect_rc 1
expect_stdout "^drift: "
expect_stdout "vip"
expect_stdout "DROP COLUMN vip"
expect_stdout "ADD COLUMN vip boolean"
run db drift --dsn "$PROD" --schema main:db/structure.sql --format json
expect_rc 1
expect_true "drift JSON" python3 -c "
import json; d=json.load(open('$T/out'))
assert d['drift'] is True and any('vip' in c for c in d['changes']), d
assert 'DROP COLUMN vip' in d['to_schema']['sql'] and 'ADD COLUMN vip' in d['to_database']['sql'], d"
run db drift --dsn "$PROD" --format markdown
expect_rc 1
expect_stdout "^## schemerge drift"
run db drift --dsn "$PROD" --format sarif
expect_rc 1
expect_true "drift SARIF" python3 -c "
import json; d=json.load(open('$T/out')); r=d['runs'][0]['results']
assert r and r[0]['ruleId']=='schema-drift' and 'vip' in r[0]['message']['text'], r
assert r[0]['locations'][0]['physicalLocation']['artifactLocation']['uri']=='db/structure.sql', r"
# Fold the hotfix into main: no drift again.
cat >db/structure.sql <<'SQL'
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text,
    age integer,
    vip boolean NOT NULL DEFAULT false
);
SQL
git -c commit.gpgsign=false commit -q -am "hotfix: vip"
run db drift --dsn "$PROD"
expect_rc 0

case_ "db migrate without --apply changes nothing"
before="$(catalog prod)"
run db migrate --dsn "$PROD" --to feature
expect_rc 0
expect_stdout "DROP COLUMN email"
expect_eq "$(catalog prod)" "$before" "catalog unchanged by a dry run"

case_ "a refused hazard stops db migrate --apply"
run db migrate --dsn "$PROD" --to feature --apply --fail-on data-loss
expect_rc 1
expect_stderr "refused: the plan has hazard data-loss"
expect_eq "$(catalog prod)" "$before" "catalog unchanged by a refused plan"
printf '[check]\nfail_on = ["data-loss"]\n' >>schemerge.toml
run db migrate --dsn "$PROD" --to feature --apply
expect_rc 1
expect_stderr "refused"
git checkout -q schemerge.toml

case_ "--plan-out, then --apply FILE refused once the database changed"
run db migrate --dsn "$PROD" --to feature --plan-out "$T/plan.sql"
expect_rc 0
expect_true "plan file header" grep -q '^-- schemerge-plan: {' "$T/plan.sql"
psql_ -d prod -c "CREATE INDEX customers_name_idx ON customers (name)"
run db migrate --dsn "$PROD" --apply "$T/plan.sql" --allow data-loss
expect_rc 1
expect_stderr "changed since"
expect_true "the index is still the only change" test "$(value prod "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'phone'")" = 0
psql_ -d prod -c "DROP INDEX customers_name_idx"
run db migrate --dsn "$PROD" --to feature --plan-out "$T/plan.sql"
expect_rc 0
run db migrate --dsn "$PROD" --apply "$T/plan.sql" --fail-on data-loss
expect_rc 1
expect_stderr "refused"
run db migrate --dsn "$PROD" --apply "$T/plan.sql" --allow data-loss --lock-timeout 5s --statement-timeout 1min
expect_rc 0
expect_stdout "applied: "
expect_eq "$(value prod "SELECT string_agg(id || ':' || phone, ',' ORDER BY id) FROM customers")" \
  "1:unknown,2:unknown,3:unknown" "prod migrated by the reviewed plan"
run db drift --dsn "$PROD" --schema feature
expect_rc 0
run dump "$PROD"
expect_rc 0
expect_no_stderr "."
checks=$((checks + 1))
if grep -qi "schema schemerge\|schemerge\.history" "$T/out"; then fail "the bookkeeping schema is read as part of the schema"; fi

case_ "a failing statement: the transaction is rolled back and the report names it"
git checkout -q -b broken feature
cat >>db/structure.sql <<'SQL'
CREATE TABLE tags (id integer PRIMARY KEY);
ALTER TABLE customers ADD COLUMN code text NOT NULL;
SQL
git -c commit.gpgsign=false commit -q -am "broken: NOT NULL column without default on a table with rows"
git checkout -q main
before="$(catalog prod)"
run db migrate --dsn "$PROD" --to broken --apply
expect_rc 1
expect_stdout "FAILED statement"
expect_stdout "code"
expect_stdout "rolled back"
expect_eq "$(catalog prod)" "$before" "nothing half-applied"

case_ "bad input: one line naming the target, exit 2, nothing created"
before_dbs="$(value postgres "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database")"
run db branch feature --dsn "postgresql:///prod?host=$PGDIR/nowhere&user=postgres"
expect_rc 2
expect_stderr "^error: cannot connect to postgresql:///prod\\?host=$PGDIR/nowhere"
expect_stderr_lines 1
run db branch feature --dsn "$(dsn prod | sed 's/user=postgres/user=nobody/')"
expect_rc 2
expect_stderr "nobody"
expect_stderr_lines 1
run db branch feature --dsn "$(dsn missing_db)"
expect_rc 2
expect_stderr "missing_db"
expect_stderr_lines 1
run db branch no-such-branch --dsn "$PROD"
expect_rc 2
expect_stderr "'no-such-branch' is not a ref"
expect_stderr_lines 1
run db branch main --dsn "$PROD" --from nosuchdb
expect_rc 2
expect_stderr "nosuchdb"
SCHEMERGE_PG_BIN_ROOT="$T/no-pg" run db migrate --dsn "$PROD" --to feature
expect_rc 2
expect_stderr "there is no pg_dump 15"
run db migrate --dsn "$PROD" --apply "$T/missing-plan.sql"
expect_rc 2
run db migrate --dsn "$PROD" --to feature --fail-on no-such-hazard
expect_rc 2
expect_stderr "unknown hazard id"
expect_eq "$(value postgres "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database")" "$before_dbs" \
  "no database created by bad input"

case_ "password authentication: a wrong password is one line, the password hidden"
# A role that must give its password (scram-sha-256 on the socket, before the trust line).
psql_ -d postgres -c "CREATE ROLE secure LOGIN SUPERUSER PASSWORD 'right-pass'"
{ echo "local all secure scram-sha-256"; cat "$PGDIR/data/pg_hba.conf"; } >"$T/pg_hba.conf"
cat "$T/pg_hba.conf" >"$PGDIR/data/pg_hba.conf"
pg_run "$PG_BIN/pg_ctl" -D "$PGDIR/data" reload >/dev/null
sleep 0.5
before_dbs="$(value postgres "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database")"
run db branch feature --dsn "postgresql://secure:wrong-pass@/prod?host=$PGDIR"
expect_rc 2
expect_stderr "password authentication failed for user \"secure\""
expect_stderr_lines 1
expect_no_stderr "wrong-pass"
run dump "postgresql://secure:wrong-pass@/prod?host=$PGDIR"
expect_rc 2
expect_stderr "password authentication failed"
expect_no_stderr "wrong-pass"
run db drift --dsn "postgresql://secure@/prod?host=$PGDIR"
expect_rc 2
expect_stderr "secure"
expect_no_stderr "right-pass"
# The right password reaches both the catalog queries and pg_dump.
run dump "postgresql://secure:right-pass@/prod?host=$PGDIR"
expect_rc 0
expect_stdout "CREATE TABLE public.customers"
expect_no_stderr "right-pass"
expect_eq "$(value postgres "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database")" "$before_dbs" \
  "no database created by a refused password"

case_ "a template with connections: a clear retryable error, nothing created"
psql_ -d prod -c "SELECT pg_sleep(60)" >/dev/null 2>&1 &
sleeper=$!
for _ in $(seq 1 50); do
  [[ "$(value postgres "SELECT count(*) FROM pg_stat_activity WHERE datname = 'prod'")" != 0 ]] && break
  sleep 0.1
done
run db branch main --dsn "$PROD" --from prod
expect_rc 2
expect_stderr "other session\\(s\\) are connected to it"
expect_stderr "retry"
value postgres "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'prod'" >/dev/null
wait "$sleeper" || true
expect_eq "$(value postgres "SELECT count(*) FROM pg_database WHERE datname = 'prod_main'")" "0" "nothing created"

case_ "two concurrent db branch runs"
git branch -q one feature
git branch -q two feature
rc1=0 rc2=0
"$SCHEMERGE" db branch one --dsn "$PROD" --from prod >"$T/one.out" 2>&1 &
p1=$!
"$SCHEMERGE" db branch two --dsn "$PROD" --from prod >"$T/two.out" 2>&1 &
p2=$!
wait "$p1" || rc1=$?
wait "$p2" || rc2=$?
for n in one two; do
  checks=$((checks + 1))
  rc_n=$([[ $n == one ]] && echo "$rc1" || echo "$rc2")
  if [[ "$rc_n" != 0 ]] && ! { [[ "$rc_n" == 2 ]] && grep -q "retry" "$T/$n.out"; }; then
    fail "concurrent db branch $n: exit $rc_n: $(cat "$T/$n.out")"
  fi
done
# The same branch twice at once: the name is locked, one creates, the other finds it made.
rc1=0 rc2=0
"$SCHEMERGE" db branch feature --dsn "$PROD" >"$T/f1.out" 2>&1 &
p1=$!
"$SCHEMERGE" db branch feature --dsn "$PROD" >"$T/f2.out" 2>&1 &
p2=$!
wait "$p1" || rc1=$?
wait "$p2" || rc2=$?
expect_eq "$rc1 $rc2" "0 0" "same branch twice at once: $(cat "$T/f1.out" "$T/f2.out" | tr '\n' ' ')"
expect_eq "$(value prod_feature "SELECT count(*) FROM customers")" "3" "the existing database kept, not clobbered"

case_ "db drop refuses a foreign database"
git branch -q other main
psql_ -d postgres -c "CREATE DATABASE prod_other"
run db drop other --dsn "$PROD"
expect_rc 2
expect_stderr "prod_other was not created by schemerge"
expect_eq "$(value postgres "SELECT count(*) FROM pg_database WHERE datname = 'prod_other'")" "1" "foreign database kept"
run db branch other --dsn "$PROD"
expect_rc 2
expect_stderr "schemerge did not create it"
run db drop feature --dsn "$PROD"
expect_rc 0
expect_eq "$(value postgres "SELECT count(*) FROM pg_database WHERE datname = 'prod_feature'")" "0" "dropped"
run db drop feature --dsn "$PROD"
expect_rc 2
expect_stderr "no database prod_feature"

finish
