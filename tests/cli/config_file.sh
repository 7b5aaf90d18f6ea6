#!/usr/bin/env bash
# schemerge.toml (at the repository root, or --config FILE): schema.path as the default
# path, schema.layout, ignore.schemas / ignore.objects left out of diff, merge and fold,
# merge.prefer, check.fail_on; flags override the config; unknown keys and sections, wrong
# types and bad values are `schemerge.toml:LINE:COL: error:` naming the key, exit 2, nothing
# written.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Print each group of checks as it starts (lib.sh only prints failures).
case_() { current="$1"; echo "-- $1"; }

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
tick=0
commit_all() {
  tick=$((tick + 1))
  git -C "$1" add -A
  GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000" \
    GIT_COMMITTER_DATE="$((1767225600 + tick * 3600)) +0000" \
    git -C "$1" -c commit.gpgsign=false commit -q -m "$2"
}

expect_stdout() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/out"; then
    fail "stdout does not match /$1/${2:+ ($2)}"
    head -n 20 "$T/out" | sed 's/^/  > /' >&2
  fi
}
expect_no_stdout() {
  checks=$((checks + 1))
  if grep -Eq -- "$1" "$T/out"; then
    fail "stdout unexpectedly matches /$1/${2:+ ($2)}"
    grep -E -- "$1" "$T/out" | head -n 5 | sed 's/^/  > /' >&2
  fi
}
# no_sql_mentions FILE ERE: no non-comment line of FILE matches ERE.
no_sql_mentions() { ! grep -v -E '^[[:space:]]*--' "$1" | grep -Eq -- "$2"; }

# --- a repository with one schema file ----------------------------------------------------
R="$T/repo"
git -c init.defaultBranch=main init -q "$R"
mkdir -p "$R/db"
cat >"$R/db/schema.sql" <<'SQL'
create schema audit;
create table audit.events (id bigint primary key, what varchar(10));
create table customers (
    id    int primary key,
    email varchar(100)
);
create table tmp_import (id int, payload varchar(10));
create table orders (id int primary key, customer_id int references customers (id), legacy text);
SQL
printf '[schema]\npath = "db/schema.sql"\n' >"$R/schemerge.toml"
commit_all "$R" "schema, config"
for b in hotfix develop dropcol; do
  git -C "$R" branch "$b"
done
# hotfix: every object changed, the column conflicting with develop's.
git -C "$R" checkout -q hotfix
sed -i -e 's/what varchar(10)/what varchar(50)/' -e 's/email varchar(100)/email varchar(254)/' \
  -e 's/payload varchar(10)/payload varchar(20)/' "$R/db/schema.sql"
echo "create index orders_customer_id_idx on orders (customer_id);" >>"$R/db/schema.sql"
commit_all "$R" "hotfix"
git -C "$R" checkout -q develop
sed -i -e 's/what varchar(10)/what varchar(80)/' -e 's/email varchar(100)/email text/' \
  -e 's/payload varchar(10)/payload text/' "$R/db/schema.sql"
echo "create table invoices (id int primary key, order_id int references orders (id));" >>"$R/db/schema.sql"
commit_all "$R" "develop"
git -C "$R" checkout -q dropcol
sed -i -e 's/, legacy text)/)/' "$R/db/schema.sql"
commit_all "$R" "drop orders.legacy"
git -C "$R" checkout -q main
cd "$R"

case_ "schema.path is the default path of fold and check"
run fold hotfix --into main --out "$T/f1"
expect_rc 0
expect_true "fold without --path wrote no migration" test -s "$T/f1/main/migration.sql"
expect_true "main's migration lacks the hotfix index" grep -q 'orders_customer_id_idx' "$T/f1/main/migration.sql"
run check --base main --head dropcol
expect_rc 0
run check --base main --head develop
expect_rc 0

case_ "--path overrides schema.path"
printf '[schema]\npath = "db/missing.sql"\n' >"$T/missing_path.toml"
run fold hotfix --into main --config "$T/missing_path.toml"
expect_rc 2
expect_stderr 'db/missing\.sql'
run fold hotfix --into main --config "$T/missing_path.toml" --path db/schema.sql
expect_rc 0

case_ "without ignore: the audit and tmp_ objects conflict and are planned"
run fold hotfix --into develop --out "$T/f2"
expect_rc 1
expect_true "develop/report.md does not list the tmp_import conflict" grep -q 'public\.tmp_import\.payload' "$T/f2/develop/report.md"
expect_true "develop/report.md does not list the audit.events conflict" grep -q 'audit\.events\.what' "$T/f2/develop/report.md"
run diff main:db/schema.sql hotfix:db/schema.sql
expect_rc 0
expect_stdout 'tmp_import'
expect_stdout 'audit\.events'

cat >"$T/ignore.toml" <<'EOF'
[schema]
path = "db/schema.sql"

[ignore]
schemas = ["audit"]
objects = ["public.tmp_*"]
EOF
case_ "ignore.schemas / ignore.objects: left out of diff"
run diff main:db/schema.sql hotfix:db/schema.sql --config "$T/ignore.toml"
expect_rc 0
expect_no_stdout 'tmp_import' "diff plans an ignored object"
expect_no_stdout 'audit\.' "diff plans an object of an ignored schema"
expect_stdout 'email' "diff lost the change of a kept object"
expect_stdout 'orders_customer_id_idx' "diff lost the new index"

case_ "ignore.objects matches views, sequences, types and functions by schema-qualified name"
printf 'create table t (id int);\n' >"$T/ig_from.sql"
cat >"$T/ig_to.sql" <<'SQL'
create table t (id int);
create function public.tmp_cleanup() returns int language sql as 'select 1';
create view tmp_report as select id from t;
create sequence tmp_seq;
create type tmp_kind as enum ('x');
create table keep (id int);
SQL
run diff "$T/ig_from.sql" "$T/ig_to.sql" --config "$T/ignore.toml"
expect_rc 0
expect_no_stdout 'tmp_' "an ignored object is planned"
expect_stdout 'CREATE TABLE public\.keep' "the kept table is not planned"

case_ "ignore: left out of merge's conflicts and plans"
run merge main:db/schema.sql develop:db/schema.sql hotfix:db/schema.sql --config "$T/ignore.toml" --format json
expect_rc 1
expect_true "merge --format json is not valid JSON" jq -e . "$T/out" >/dev/null
expect_true "merge conflicts are not exactly public.customers.email" jq -e \
  '[.conflicts[].object] | unique == ["public.customers.email"]' "$T/out" >/dev/null
run merge main:db/schema.sql develop:db/schema.sql hotfix:db/schema.sql --config "$T/ignore.toml" \
  --prefer theirs --plan-ours "$T/m_plan_ours.sql"
expect_rc 0
expect_true "merge's plan for ours touches tmp_import" no_sql_mentions "$T/m_plan_ours.sql" 'tmp_import'
expect_true "merge's plan for ours touches audit" no_sql_mentions "$T/m_plan_ours.sql" 'audit\.'

case_ "ignore: left out of fold's conflicts and migrations"
run fold hotfix --into main --into develop --config "$T/ignore.toml" --out "$T/f3"
expect_rc 1
expect_true "develop/report.md lists the ignored tmp_import" bash -c "! grep -q 'tmp_import' '$T/f3/develop/report.md'"
expect_true "develop/report.md lists the ignored audit.events" bash -c "! grep -q 'audit\\.events' '$T/f3/develop/report.md'"
expect_true "develop/report.md lost public.customers.email" grep -q 'public\.customers\.email' "$T/f3/develop/report.md"
expect_true "main/migration.sql not written" test -s "$T/f3/main/migration.sql"
expect_true "main's migration plans the ignored tmp_import" no_sql_mentions "$T/f3/main/migration.sql" 'tmp_import'
expect_true "main's migration plans the ignored audit.events" no_sql_mentions "$T/f3/main/migration.sql" 'audit\.'
expect_true "main's migration lost the email change" grep -q 'email' "$T/f3/main/migration.sql"

cat >"$T/prefer.toml" <<'EOF'
[schema]
path = "db/schema.sql"

[merge]
prefer = "theirs"
EOF
case_ "merge.prefer = theirs: fold's conflicts resolved with the hotfix's values"
run fold hotfix --into develop --config "$T/prefer.toml" --out "$T/f4"
expect_rc 0
expect_true "develop/schema.sql not written" test -s "$T/f4/develop/schema.sql"
expect_true "prefer theirs did not take the hotfix's email varchar(254)" \
  grep -Eq 'email character varying\(254\)' "$T/f4/develop/schema.sql"
case_ "--prefer ours overrides merge.prefer"
run fold hotfix --into develop --config "$T/prefer.toml" --prefer ours --out "$T/f5"
expect_rc 0
expect_true "--prefer ours did not keep develop's email text" grep -Eq 'email text' "$T/f5/develop/schema.sql"
case_ "merge.prefer applies to merge too"
run merge main:db/schema.sql develop:db/schema.sql hotfix:db/schema.sql --config "$T/prefer.toml" \
  --schema-out "$T/m_prefer.sql"
expect_rc 0
expect_true "merge with prefer=theirs did not take varchar(254)" grep -Eq 'email character varying\(254\)' "$T/m_prefer.sql"

cat >"$T/failon.toml" <<'EOF'
[schema]
path = "db/schema.sql"

[check]
fail_on = ["data-loss"]
EOF
case_ "check.fail_on: data-loss fails the check; --fail-on overrides it"
run check --base main --head dropcol --config "$T/failon.toml"
expect_rc 1
run check --base main --head dropcol --config "$T/failon.toml" --fail-on blocking-index-build
expect_rc 0
run check --base main --head dropcol --fail-on data-loss
expect_rc 1

case_ "the repository root's schemerge.toml is read (check.fail_on there)"
cp "$R/schemerge.toml" "$T/committed.toml"
cp "$T/failon.toml" "$R/schemerge.toml"
run check --base main --head dropcol
expect_rc 1
cd "$R/db"
run check --base main --head dropcol
expect_rc 1
cd "$R"
cd "$T"
run check --base main --head dropcol --repo "$R"
expect_rc 1
cd "$R"
cp "$T/committed.toml" "$R/schemerge.toml"

# --- schema.layout ------------------------------------------------------------------------
# golang-migrate files: replayed as plain files (name order, down files too) the schema is
# another (or fails); schema.layout and --layout choose.
M="$T/migrations_repo"
git -c init.defaultBranch=main init -q "$M"
mkdir -p "$M/db/migrations"
printf 'create table t (id int primary key, x int);\n' >"$M/db/migrations/1_t.up.sql"
printf 'drop table t;\n' >"$M/db/migrations/1_t.down.sql"
printf 'create table u (id int primary key);\n' >"$M/db/migrations/2_u.up.sql"
printf 'drop table u;\n' >"$M/db/migrations/2_u.down.sql"
printf '[schema]\npath = "db/migrations"\nlayout = "golang-migrate"\n' >"$M/schemerge.toml"
commit_all "$M" "migrations"
git -C "$M" branch hotfix
git -C "$M" checkout -q hotfix
printf 'create index t_x_idx on t (x);\n' >"$M/db/migrations/3_t_x.up.sql"
printf 'drop index t_x_idx;\n' >"$M/db/migrations/3_t_x.down.sql"
commit_all "$M" "index"
git -C "$M" checkout -q main
cat "$M/db/migrations/1_t.up.sql" "$M/db/migrations/2_u.up.sql" >"$T/gm_expected.sql"
"$SCHEMERGE" dump -q "$T/gm_expected.sql" -o "$T/gm_expected_dump.sql"
cd "$M"

case_ "schema.layout = golang-migrate (root config): fold replays the up files"
run fold hotfix --into main --out "$T/f6"
expect_rc 0
expect_true "main/migration.sql lacks the index" grep -q 't_x_idx' "$T/f6/main/migration.sql"
run dump main:db/migrations
expect_rc 0
expect_same_file "$T/gm_expected_dump.sql" "$T/out" "dump main:db/migrations with layout golang-migrate"

case_ "schema.layout = files: the down files are replayed too (another schema, or an error)"
printf '[schema]\npath = "db/migrations"\nlayout = "files"\n' >"$T/files.toml"
run dump main:db/migrations --config "$T/files.toml"
expect_true "layout files from the config gave the golang-migrate schema" \
  bash -c "[[ $rc != 0 ]] || ! cmp -s '$T/gm_expected_dump.sql' '$T/out'"
case_ "--layout overrides schema.layout"
run dump main:db/migrations --config "$T/files.toml" --layout golang-migrate
expect_rc 0
expect_same_file "$T/gm_expected_dump.sql" "$T/out" "--layout golang-migrate over layout = files"
run fold hotfix --into main --config "$T/files.toml" --layout golang-migrate --out "$T/f7"
expect_rc 0
expect_same_file "$T/f6/main/migration.sql" "$T/f7/main/migration.sql" "fold --layout over the config"
cd "$R"

# --- bad configuration -------------------------------------------------------------------
# One diagnostic: a single unindented line (the error); config errors are exactly that one
# line (expect_stderr_lines 1 too: no quote of the line, no caret).
expect_one_diagnostic() {
  checks=$((checks + 1))
  local n
  n="$(grep -cv '^  ' "$T/err" || true)"
  if ((n != 1)); then
    fail "expected one diagnostic line on stderr, got $n"
  fi
}
# bad_config NAME ERE CONTENT: as the root schemerge.toml and as --config FILE: exit 2, one
# diagnostic `schemerge.toml:LINE:COL: error:` + ERE, nothing written.
bad_config() {
  local name="$1" re="$2" content="$3"
  case_ "bad config: $name"
  printf '%s\n' "$content" >"$R/schemerge.toml"
  rm -rf "$T/fbad"
  run fold hotfix --into main --out "$T/fbad"
  expect_rc 2
  expect_one_diagnostic
  expect_stderr_lines 1
  expect_stderr "^([^:]*/)?schemerge\\.toml:$re"
  rm -f "$T/dbad.sql"
  run dump main:db/schema.sql -o "$T/dbad.sql"
  expect_rc 2
  expect_one_diagnostic
  expect_stderr_lines 1
  expect_stderr "^([^:]*/)?schemerge\\.toml:$re"
  expect_true "dump -o written despite the bad config" test ! -e "$T/dbad.sql"
  expect_true "fold --out written despite the bad config" test ! -e "$T/fbad"
  rm -f "$T/cbad.out"
  run check --base main --head dropcol -o "$T/cbad.out"
  expect_rc 2
  expect_stderr_lines 1
  expect_stderr "^([^:]*/)?schemerge\\.toml:$re"
  expect_true "check -o written despite the bad config" test ! -e "$T/cbad.out"
  cp "$R/schemerge.toml" "$T/cfg/schemerge.toml"
  cp "$T/committed.toml" "$R/schemerge.toml"
  run check --base main --head dropcol --config "$T/cfg/schemerge.toml"
  expect_rc 2
  expect_stderr_lines 1
  expect_stderr "^$T/cfg/schemerge\\.toml:$re"
}
mkdir -p "$T/cfg"
bad_config "unknown key in [check]" "4:[0-9]+: error: .*unknown key 'fail_onn'.*check" \
  $'[schema]\npath = "db/schema.sql"\n[check]\nfail_onn = ["data-loss"]'
bad_config "unknown section" "3:[0-9]+: error: .*nope" \
  $'[schema]\npath = "db/schema.sql"\n[nope]\nx = 1'
bad_config "unknown key in [schema]" "2:[0-9]+: error: .*'paht'" \
  $'[schema]\npaht = "db/schema.sql"'
bad_config "wrong type: fail_on a string" "4:[0-9]+: error: .*fail_on" \
  $'[schema]\npath = "db/schema.sql"\n[check]\nfail_on = "data-loss"'
bad_config "wrong type: path a number" "2:[0-9]+: error: .*path" \
  $'[schema]\npath = 42'
bad_config "bad value: an unknown hazard id in check.fail_on" "4:[0-9]+: error: .*data-los" \
  $'[schema]\npath = "db/schema.sql"\n[check]\nfail_on = ["data-los"]'
bad_config "bad value: merge.prefer" "4:[0-9]+: error: .*prefer" \
  $'[schema]\npath = "db/schema.sql"\n[merge]\nprefer = "maybe"'
bad_config "bad value: schema.layout" "3:[0-9]+: error: .*layout" \
  $'[schema]\npath = "db/schema.sql"\nlayout = "liquibase"'
bad_config "bad value: schema.dialect" "3:[0-9]+: error: unknown dialect 'no-such-engine' in \\[schema\\] \\(known dialects: postgresql" \
  $'[schema]\npath = "db/schema.sql"\ndialect = "no-such-engine"'
bad_config "TOML syntax error" "3:[0-9]+: error: " \
  $'[schema]\npath = "db/schema.sql"\nlayout = = "flyway"'
bad_config "bad value: an unknown hazard id as the second element of check.fail_on (at its column)" \
  "4:25: error: .*'nope'" \
  $'[schema]\npath = "db/schema.sql"\n[check]\nfail_on = ["data-loss", "nope"]'
bad_config "bad value: an empty table name in merge-driver.union_rows" "4:15: error: .*union_rows" \
  $'[schema]\npath = "db/schema.sql"\n[merge-driver]\nunion_rows = [""]'
bad_config "bad value: a three-part name in merge-driver.union_rows" "4:15: error: .*'a\\.b\\.c'" \
  $'[schema]\npath = "db/schema.sql"\n[merge-driver]\nunion_rows = ["a.b.c"]'
bad_config "bad value: a bad union_rows name as the second element (at its column)" "4:36: error: .*'a\\.b\\.c'" \
  $'[schema]\npath = "db/schema.sql"\n[merge-driver]\nunion_rows = ["schema_migrations", "a.b.c"]'
bad_config "bad value: schema.dialect \"postgre\" (neither a name nor an alias)" "3:[0-9]+: error: .*'postgre'" \
  $'[schema]\npath = "db/schema.sql"\ndialect = "postgre"'

case_ "good values: dialect = \"postgresql\", union_rows with schema.name"
printf '[schema]\npath = "db/schema.sql"\ndialect = "postgresql"\n[merge-driver]\nunion_rows = ["schema_migrations", "public.ar_internal_metadata"]\n' \
  >"$T/cfg/good.toml"
run dump main:db/schema.sql --config "$T/cfg/good.toml"
expect_rc 0
expect_true "stderr not empty with a good config" test ! -s "$T/err"

case_ "good values: dialect = \"postgres\" (an alias of postgresql, see tests/cli/dialect.sh)"
printf '[schema]\npath = "db/schema.sql"\ndialect = "postgres"\n' >"$T/cfg/alias.toml"
run dump main:db/schema.sql --config "$T/cfg/alias.toml"
expect_rc 0
expect_true "stderr not empty with a good config" test ! -s "$T/err"

case_ "--config FILE that does not exist: exit 2 naming it"
run fold hotfix --into main --config "$T/no_such.toml"
expect_rc 2
expect_stderr 'no_such\.toml'

case_ "the repository's config is unchanged by all of this"
expect_true "schemerge.toml not restored" cmp -s "$T/committed.toml" "$R/schemerge.toml"
expect_true "git status not clean" test -z "$(git -C "$R" status --porcelain)"

finish
