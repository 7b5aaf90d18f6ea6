#!/usr/bin/env bash
# The README's GitHub Actions job "A database per pull request" (issue 12), run as written
# against a throwaway PostgreSQL cluster: tests/packaging/workflow_script.py turns the job's
# yaml into a script (the `postgres` service's DSNs pointed at the cluster's socket; the
# package installs and the checkout done here instead: the built schemerge on PATH, a clone
# whose `origin/feature` is the pull request). The job must pass: its template database
# with rows is created, `db branch` makes the pull request's database from it at the
# branch's schema, the application tests (a Makefile here) find that database through
# `db list --format json` with the rows kept and the branch's columns, and `db drop`
# removes it at the end. Also: a failing application test still drops the database (the
# `if: always()` step) and fails the job; a job whose install step misses a command a
# later step runs is refused before anything runs.
#
#   readme_db_job.sh SCHEMERGE_BIN REPO_DIR
source "$(dirname "${BASH_SOURCE[0]}")/../../cli/lib.sh"
case_() { current="$1"; echo "-- $1"; }
source "$REPO/tests/engine/postgres/pg_cluster.sh"
if ! pg_require; then
  exit 77
fi
python=$(command -v python3 || true)
if [[ -z $python ]]; then
  echo "SKIPPED: python3 is not installed (scripts/setup.sh installs it)" >&2
  exit 77
fi
chmod 0755 "$T"

export GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
# The job runs `git config --global`: give it its own home.
export HOME="$T/home"
mkdir -p "$HOME"
unset GIT_CONFIG_GLOBAL

PGDIR="$(mktemp -d /tmp/sm-job.XXXXXX)"
cleanup() {
  pg_cluster_stop "$PGDIR" >/dev/null 2>&1 || true
  rm -rf -- "$T"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
pg_cluster_start "$PGDIR" >/dev/null
# The service image has a password for `postgres`; the DSNs carry it (ignored here: trust).
value() { "$PG_BIN/psql" -X -q -h "$PGDIR" -U postgres -d "$1" -Atc "$2"; }

# The runner's tools: psql from the cluster's binaries, schemerge as the .deb installs it.
mkdir -p "$T/bin"
ln -s "$SCHEMERGE" "$T/bin/schemerge"
ln -s "$PG_BIN/psql" "$T/bin/psql"
export PATH="$T/bin:$PATH"

# --- the application's repository: main, and the pull request's branch ---------------------
O="$T/origin"
mkdir -p "$O/db" "$O/ci"
git -C "$O" init -q -b main
cat >"$O/schemerge.toml" <<'TOML'
[schema]
path = "db/structure.sql"
TOML
cat >"$O/db/structure.sql" <<'SQL'
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text,
    age integer
);
SQL
# The template's dump: main's schema with (sanitized) rows.
{
  cat "$O/db/structure.sql"
  echo "INSERT INTO customers VALUES (1, 'ann', 'a@example.com', 31), (2, 'bob', NULL, 42);"
} >"$O/ci/app_template.sql"
# The application's tests: what they see of the database.
cat >"$O/Makefile" <<'MAKE'
test:
	psql "$$DATABASE_URL" -Atc "SELECT current_database(), count(*), string_agg(name || ':' || coalesce(age::text, '-') || ':' || phone, ',' ORDER BY id) FROM customers" > "$$APP_TEST_OUT"
	test "$$(psql "$$DATABASE_URL" -Atc 'SELECT count(*) FROM customers')" -gt "$${APP_TEST_MIN_ROWS:-0}"
MAKE
git -C "$O" add -A && git -C "$O" -c commit.gpgsign=false commit -q -m v1
git -C "$O" checkout -q -b feature
cat >"$O/db/structure.sql" <<'SQL'
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    age bigint,
    phone text DEFAULT 'unknown'
);
SQL
git -C "$O" -c commit.gpgsign=false commit -q -am "feature: phone added, age widened, email dropped"
git -C "$O" checkout -q main
# actions/checkout@v4 with fetch-depth: 0: every branch as origin/NAME.
W="$T/workspace"
git clone -q "$O" "$W"
export GITHUB_WORKSPACE="$W" GITHUB_HEAD_REF=feature APP_TEST_OUT="$T/app-tests.txt"

# --- the job, generated from README.md --------------------------------------------------------
marker="A database per pull request in GitHub Actions"
case_ "the README's job is complete for a debian:12 container"
checks=$((checks + 1))
if ! "$python" "$REPO/tests/packaging/workflow_script.py" "$REPO/README.md" "$marker" branch-database \
  --service "postgres=$PGDIR" >"$T/job.sh" 2>"$T/err"; then
  fail "the README's job cannot be run"
  finish
fi

case_ "the job passes: template with rows, the pull request's database, tests, drop"
rc=0
bash "$T/job.sh" >"$T/job.log" 2>&1 || rc=$?
expect_rc 0
if ((rc != 0)); then
  sed 's/^/  | /' "$T/job.log" >&2
fi
checks=$((checks + 1))
if [[ "$(cat "$APP_TEST_OUT" 2>/dev/null)" != "app_origin_feature|2|ann:31:unknown,bob:42:unknown" ]]; then
  fail "the application tests saw '$(cat "$APP_TEST_OUT" 2>/dev/null)', expected the pull request's database with the template's rows at feature's schema"
fi
expect_eq_db() {
  checks=$((checks + 1))
  [[ "$1" == "$2" ]] || fail "$3: got '$1', expected '$2'"
}
expect_eq_db "$(value postgres "SELECT count(*) FROM pg_database WHERE datname = 'app_origin_feature'")" 0 \
  "the pull request's database is dropped at the end"
expect_eq_db "$(value app_template "SELECT count(*) FROM customers")" 2 "the template keeps its rows"
run db list --dsn "postgresql:///app?host=$PGDIR&user=postgres" --format json
expect_rc 0
expect_eq_db "$(tr -d ' \n' <"$T/out")" "[]" "db list after the job"

case_ "failing application tests: the job fails, the database is still dropped"
"$PG_BIN/psql" -X -q -h "$PGDIR" -U postgres -d postgres -c 'DROP DATABASE app' -c 'DROP DATABASE app_template'
rm -f "$APP_TEST_OUT"
rc=0
APP_TEST_MIN_ROWS=5 bash "$T/job.sh" >"$T/job.log" 2>&1 || rc=$?
checks=$((checks + 1))
((rc != 0)) || fail "the job passed although the application tests failed"
checks=$((checks + 1))
[[ -s $APP_TEST_OUT ]] || fail "the application tests did not run"
expect_eq_db "$(value postgres "SELECT count(*) FROM pg_database WHERE datname = 'app_origin_feature'")" 0 \
  "the if: always() step drops the database after a failure"

case_ "a job whose install step misses a tool is refused"
sed 's/ postgresql-client-15 python3 make$/ postgresql-client-15/' "$REPO/README.md" >"$T/README-broken.md"
checks=$((checks + 1))
if cmp -s "$REPO/README.md" "$T/README-broken.md"; then
  fail "the README's install line changed: update this test"
elif "$python" "$REPO/tests/packaging/workflow_script.py" "$T/README-broken.md" "$marker" branch-database \
  >/dev/null 2>"$T/err"; then
  fail "a job that runs python3 and make without installing them was accepted"
elif ! grep -q "runs 'python3', but no step installs python3" "$T/err"; then
  fail "the refusal does not name the missing package: $(cat "$T/err")"
fi

finish
