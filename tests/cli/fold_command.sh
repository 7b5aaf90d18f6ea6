#!/usr/bin/env bash
# `schemerge fold HOTFIX --into BRANCH ...` on real git repositories: (a) one schema file
# with clean and conflicting targets (plus --online, --prefer, a reused --out, a clone with
# remote-tracking targets, a target that already has the hotfix), (b) a Flyway directory,
# (c) golang-migrate, (d) dbmate and (e) numbered directories, each with versions interleaved
# across branches; a criss-cross history; a conflict git's line merge cannot see; exit codes,
# files written, the summary table (text, markdown, json); bad input (unknown branch, no merge
# base, missing path) exits 2 and writes nothing; the repositories are never changed.
#
# tests/engine/postgres/fold_verify.sh sources this file with FOLD_FIXTURES_ONLY=1 to build the same
# repositories (functions make_*_repo) and proves the plans on PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Print each group of checks as it starts (lib.sh only prints failures).
case_() { current="$1"; echo "-- $1"; }

# Deterministic repositories: no user/system git configuration, fixed identity and dates.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
tick=0
git_init() { git -c init.defaultBranch=main init -q "$1"; }
# commit_all DIR MESSAGE: commit everything in DIR's work tree at the next fixed date.
commit_all() {
  tick=$((tick + 1))
  git -C "$1" add -A
  GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000" \
    GIT_COMMITTER_DATE="$((1767225600 + tick * 3600)) +0000" \
    git -C "$1" -c commit.gpgsign=false commit -q -m "$2"
}
# merge_at DIR COMMIT: merge COMMIT into DIR's current branch at the next fixed date.
merge_at() {
  tick=$((tick + 1))
  GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000" \
    GIT_COMMITTER_DATE="$((1767225600 + tick * 3600)) +0000" \
    git -C "$1" -c commit.gpgsign=false merge -q --no-edit "$2"
}
# repo_state DIR FILE: everything fold must leave as it was.
repo_state() {
  {
    echo "HEAD: $(git -C "$1" symbolic-ref -q HEAD || true) $(git -C "$1" rev-parse HEAD)"
    git -C "$1" for-each-ref
    git -C "$1" status --porcelain --ignored
    (cd "$1" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum)
    (cd "$1/.git" && find . -type f -print0 | sort -z | xargs -0 sha1sum)
  } >"$2"
}

# --- (a) one schema file --------------------------------------------------------------
# Versions on disk in $T/a/: base (main when hotfix and develop branched), main (one more
# commit), hotfix, develop (two commits), release (release/2.0 from base).
make_single_repo() {
  local r="$1" a="$T/a"
  mkdir -p "$a"
  cat >"$a/base.sql" <<'SQL'
-- shop schema
create table customers (
    id    int primary key,
    name  text not null,
    email varchar(100)
);

create table orders (
    id          int primary key,
    customer_id int not null references customers (id),
    total       numeric(10,2),
    created_at  timestamptz
);

create view order_totals as
    select customer_id, sum(total) as total from orders group by customer_id;
SQL
  cp "$a/base.sql" "$a/main.sql"
  cat >>"$a/main.sql" <<'SQL'

create table audit_log (id bigint primary key, at timestamptz not null, what text not null);
SQL
  # hotfix: email widened (line 5), created_at NOT NULL with a default, the missing FK index.
  sed -e 's/email varchar(100)/email varchar(254)/' \
    -e 's/created_at  timestamptz$/created_at  timestamptz not null default now()/' \
    "$a/base.sql" >"$a/hotfix.sql"
  cat >>"$a/hotfix.sql" <<'SQL'

create index orders_customer_id_idx on orders (customer_id);
SQL
  # develop, first commit: a type, a table and a column.
  {
    echo "create type invoice_state as enum ('draft', 'sent', 'paid');"
    sed -e 's/created_at  timestamptz$/created_at  timestamptz,\n    note        text/' "$a/base.sql"
    cat <<'SQL'

create table invoices (
    id       int primary key,
    order_id int not null references orders (id),
    state    invoice_state not null default 'draft'
);
SQL
  } >"$a/develop1.sql"
  # develop, second commit: an index, the view changed, email as text (line 6: conflicts).
  sed -e 's/email varchar(100)/email text/' \
    -e 's/sum(total) as total from/sum(total) as total, count(*) as n from/' \
    "$a/develop1.sql" >"$a/develop.sql"
  echo "create index orders_created_at_idx on orders (created_at);" >>"$a/develop.sql"
  # release/2.0: a column after email (clean against the hotfix).
  sed -e 's/email varchar(100)/email varchar(100),\n    phone text/' "$a/base.sql" >"$a/release.sql"

  git_init "$r"
  mkdir -p "$r/db"
  cp "$a/base.sql" "$r/db/schema.sql"
  commit_all "$r" "schema"
  git -C "$r" branch hotfix
  git -C "$r" branch develop
  git -C "$r" branch release/2.0
  cp "$a/main.sql" "$r/db/schema.sql"
  commit_all "$r" "audit log"
  git -C "$r" checkout -q hotfix
  cp "$a/hotfix.sql" "$r/db/schema.sql"
  commit_all "$r" "hotfix"
  git -C "$r" checkout -q develop
  cp "$a/develop1.sql" "$r/db/schema.sql"
  commit_all "$r" "invoices"
  cp "$a/develop.sql" "$r/db/schema.sql"
  commit_all "$r" "index, view, email as text"
  git -C "$r" checkout -q release/2.0
  cp "$a/release.sql" "$r/db/schema.sql"
  commit_all "$r" "phone"
  git -C "$r" checkout -q main
}

# --- (b) Flyway ------------------------------------------------------------------------
# main: V1, V2 (+ an undo and a repeatable file, ignored); develop adds V3, V4 and V10 (V10
# alters V4's table: name order would replay it too early); hotfix adds V3_1.
# $T/b/<target>_merged.sql: the target's and the hotfix's up migrations in version order.
make_flyway_repo() {
  local r="$1" b="$T/b" m="$1/db/migration"
  mkdir -p "$b" "$m"
  git_init "$r"
  cat >"$m/V1__init.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int not null references customers (id),
                     created_at timestamptz);
SQL
  cat >"$m/V2__order_total.sql" <<'SQL'
alter table orders add column total numeric(10,2);
SQL
  cat >"$m/U2__undo_order_total.sql" <<'SQL'
alter table orders drop column total;
SQL
  cat >"$m/R__order_totals_view.sql" <<'SQL'
create or replace view order_totals as select customer_id, sum(total) from orders group by 1;
SQL
  commit_all "$r" "V1, V2"
  git -C "$r" branch hotfix
  git -C "$r" checkout -q -b develop
  cat >"$m/V3__invoices.sql" <<'SQL'
create table invoices (id int primary key, order_id int not null references orders (id));
SQL
  commit_all "$r" "V3"
  cat >"$m/V4__shipments.sql" <<'SQL'
create table shipments (id int primary key, order_id int not null references orders (id));
SQL
  cat >"$m/V10__shipment_carrier.sql" <<'SQL'
alter table shipments add column carrier text not null default 'post';
SQL
  commit_all "$r" "V4, V10"
  git -C "$r" checkout -q hotfix
  cat >"$m/V3_1__orders_created_at.sql" <<'SQL'
update orders set created_at = now() where created_at is null;
alter table orders alter column created_at set not null;
create index orders_customer_id_idx on orders (customer_id);
SQL
  commit_all "$r" "V3_1"
  git -C "$r" checkout -q main
  local d="$T/b/all"
  mkdir -p "$d"
  git -C "$r" archive develop db/migration | tar -x -C "$d"
  git -C "$r" show hotfix:db/migration/V3_1__orders_created_at.sql \
    >"$d/db/migration/V3_1__orders_created_at.sql"
  local v="$d/db/migration"
  cat "$v/V1__init.sql" "$v/V2__order_total.sql" >"$b/main_own.sql"
  cat "$b/main_own.sql" "$v/V3_1__orders_created_at.sql" >"$b/main_merged.sql"
  cat "$b/main_own.sql" "$v/V3__invoices.sql" "$v/V4__shipments.sql" \
    "$v/V10__shipment_carrier.sql" >"$b/develop_own.sql"
  cat "$b/main_own.sql" "$v/V3__invoices.sql" "$v/V3_1__orders_created_at.sql" \
    "$v/V4__shipments.sql" "$v/V10__shipment_carrier.sql" >"$b/develop_merged.sql"
}

# --- (c) golang-migrate ----------------------------------------------------------------
# main: 1, 2; develop adds 3, 5, 10 (10 alters 5's table); hotfix adds 4. Down files drop
# everything: replaying one would be visible.
make_gomigrate_repo() {
  local r="$1" c="$T/c" m="$1/db/migrations"
  mkdir -p "$c" "$m"
  git_init "$r"
  printf 'create table customers (id int primary key, name text not null);\n' >"$m/1_customers.up.sql"
  printf 'drop table customers;\n' >"$m/1_customers.down.sql"
  printf 'create table orders (id int primary key, customer_id int not null references customers (id), created_at timestamptz);\n' \
    >"$m/2_orders.up.sql"
  printf 'drop table orders;\n' >"$m/2_orders.down.sql"
  commit_all "$r" "1, 2"
  git -C "$r" branch hotfix
  git -C "$r" checkout -q -b develop
  printf 'create table invoices (id int primary key, order_id int not null references orders (id));\n' \
    >"$m/3_invoices.up.sql"
  printf 'drop table invoices;\n' >"$m/3_invoices.down.sql"
  commit_all "$r" "3"
  printf 'create table shipments (id int primary key, order_id int not null references orders (id));\n' \
    >"$m/5_shipments.up.sql"
  printf 'drop table shipments;\n' >"$m/5_shipments.down.sql"
  printf "alter table shipments add column carrier text not null default 'post';\n" \
    >"$m/10_shipment_carrier.up.sql"
  printf 'alter table shipments drop column carrier;\n' >"$m/10_shipment_carrier.down.sql"
  commit_all "$r" "5, 10"
  git -C "$r" checkout -q hotfix
  printf 'alter table orders alter column created_at set default now();\ncreate index orders_customer_id_idx on orders (customer_id);\n' \
    >"$m/4_orders_fix.up.sql"
  printf 'drop index orders_customer_id_idx;\nalter table orders alter column created_at drop default;\n' \
    >"$m/4_orders_fix.down.sql"
  commit_all "$r" "4"
  git -C "$r" checkout -q main
  local d="$T/c/all"
  mkdir -p "$d"
  git -C "$r" archive develop db/migrations | tar -x -C "$d"
  git -C "$r" archive hotfix db/migrations | tar -x -C "$d"
  local v="$d/db/migrations"
  cat "$v/1_customers.up.sql" "$v/2_orders.up.sql" >"$c/main_own.sql"
  cat "$c/main_own.sql" "$v/4_orders_fix.up.sql" >"$c/main_merged.sql"
  cat "$c/main_own.sql" "$v/3_invoices.up.sql" "$v/5_shipments.up.sql" \
    "$v/10_shipment_carrier.up.sql" >"$c/develop_own.sql"
  cat "$c/main_own.sql" "$v/3_invoices.up.sql" "$v/4_orders_fix.up.sql" "$v/5_shipments.up.sql" \
    "$v/10_shipment_carrier.up.sql" >"$c/develop_merged.sql"
}

# --- (d) dbmate ------------------------------------------------------------------------
# Timestamped files with -- migrate:up / -- migrate:down sections (only up is replayed).
make_dbmate_repo() {
  local r="$1" e="$T/d" m="$1/db/migrations"
  mkdir -p "$e" "$m"
  git_init "$r"
  dbmate_file() { # FILE UP DOWN
    printf -- '-- migrate:up\n%s\n\n-- migrate:down\n%s\n' "$2" "$3" >"$1"
  }
  dbmate_file "$m/20260101000000_customers.sql" \
    'create table customers (id int primary key, name text not null);' 'drop table customers;'
  dbmate_file "$m/20260102000000_orders.sql" \
    'create table orders (id int primary key, customer_id int not null references customers (id), created_at timestamptz);' \
    'drop table orders;'
  commit_all "$r" "customers, orders"
  git -C "$r" branch hotfix
  git -C "$r" checkout -q -b develop
  dbmate_file "$m/20260110000000_invoices.sql" \
    'create table invoices (id int primary key, order_id int not null references orders (id));' \
    'drop table invoices;'
  dbmate_file "$m/20260120000000_invoice_note.sql" \
    'alter table invoices add column note text;' 'alter table invoices drop column note;'
  commit_all "$r" "invoices"
  git -C "$r" checkout -q hotfix
  dbmate_file "$m/20260115000000_orders_index.sql" \
    'create index orders_customer_id_idx on orders (customer_id);' 'drop index orders_customer_id_idx;'
  commit_all "$r" "orders index"
  git -C "$r" checkout -q main
  cat >"$e/main_merged.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int not null references customers (id), created_at timestamptz);
create index orders_customer_id_idx on orders (customer_id);
SQL
  cat >"$e/develop_merged.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int not null references customers (id), created_at timestamptz);
create table invoices (id int primary key, order_id int not null references orders (id));
create index orders_customer_id_idx on orders (customer_id);
alter table invoices add column note text;
SQL
}

# --- (e) numbered files ------------------------------------------------------------------
# 001_, 002_ on main; develop adds 003_ and 010_ (010 alters 003's table); hotfix adds 004_.
make_numbered_repo() {
  local r="$1" e="$T/e" m="$1/db/sql"
  mkdir -p "$e" "$m"
  git_init "$r"
  printf 'create table customers (id int primary key, name text not null);\n' >"$m/001_customers.sql"
  printf 'create table orders (id int primary key, customer_id int not null references customers (id));\n' \
    >"$m/002_orders.sql"
  commit_all "$r" "001, 002"
  git -C "$r" branch hotfix
  git -C "$r" checkout -q -b develop
  printf 'create table invoices (id int primary key, order_id int not null references orders (id));\n' \
    >"$m/003_invoices.sql"
  printf 'alter table invoices add column paid_at timestamptz;\n' >"$m/010_invoices_paid_at.sql"
  commit_all "$r" "003, 010"
  git -C "$r" checkout -q hotfix
  printf 'create index orders_customer_id_idx on orders (customer_id);\n' >"$m/004_orders_index.sql"
  commit_all "$r" "004"
  git -C "$r" checkout -q main
  cat "$m/001_customers.sql" "$m/002_orders.sql" >"$e/main_own.sql"
  git -C "$r" show hotfix:db/sql/004_orders_index.sql >"$e/004.sql"
  cat "$e/main_own.sql" "$e/004.sql" >"$e/main_merged.sql"
  {
    cat "$e/main_own.sql"
    git -C "$r" show develop:db/sql/003_invoices.sql
    cat "$e/004.sql"
    git -C "$r" show develop:db/sql/010_invoices_paid_at.sql
  } >"$e/develop_merged.sql"
}

if [[ "${FOLD_FIXTURES_ONLY:-}" == 1 ]]; then
  return 0
fi

# --- helpers for the checks ------------------------------------------------------------
# row TARGET: the summary line whose first cell is TARGET (text: columns; markdown: | `TARGET` |).
row() {
  awk -v t="$1" '{ l = $0; gsub(/[|`]/, " ", l); split(l, f, " "); if (f[1] == t) { print; exit } }' "$T/out"
}
# expect_row TARGET ERE DESCRIPTION
expect_row() {
  checks=$((checks + 1))
  local line
  line="$(row "$1")"
  if [[ -z "$line" ]]; then
    fail "no summary row for $1"
    sed 's/^/  > /' "$T/out" >&2
  elif ! grep -Eq -- "$2" <<<"$line"; then
    fail "summary row for $1 ${3:-does not match /$2/}: $line"
  fi
}
# steps_and_hazards FROM TO: "<steps> <hazard ids comma-separated, sorted, or ->" of diff's plan.
steps_and_hazards() {
  "$SCHEMERGE" diff "$1" "$2" --format json -q |
    jq -r '[(.steps|length|tostring), ([.steps[].hazards[].id] | unique | if length == 0 then "-" else join(",") end)] | join(" ")'
}
# expect_row_plan TARGET FROM TO: the row's change count and hazard ids are those of the plan.
expect_row_plan() {
  local sh steps hazards id
  sh="$(steps_and_hazards "$2" "$3")"
  steps="${sh%% *}"
  hazards="${sh#* }"
  expect_row "$1" "(^|[^0-9a-z])${steps}([^0-9a-z]|$)" "does not show $steps changes"
  if [[ "$hazards" == "-" ]]; then
    expect_row "$1" '(^|[[:space:]|])-([[:space:]|]|$)' "does not show '-' for no hazards"
  else
    for id in ${hazards//,/ }; do
      expect_row "$1" "(^|[^a-z-])${id}([^a-z-]|$)" "does not list hazard $id"
    done
  fi
}
# body FILE: FILE without SQL comments and blank lines.
body() { grep -v -E '^[[:space:]]*(--|$)' "$1" || true; }
expect_same_sql() {
  checks=$((checks + 1))
  if ! cmp -s <(body "$1") <(body "$2"); then
    fail "${3:-SQL differs}: $1 vs $2"
    diff -u <(body "$1") <(body "$2") | head -n 30 | sed 's/^/  | /' >&2 || true
  fi
}
# expect_files DIR TARGET all|report-only
expect_files() {
  local d="$1/$2"
  if [[ "$3" == all ]]; then
    for f in schema.sql migration.sql report.md; do
      expect_true "$2/$f not written" test -s "$d/$f"
    done
  else
    expect_true "$2/report.md not written" test -s "$d/report.md"
    expect_true "$2/schema.sql written for a conflicting target" test ! -e "$d/schema.sql"
    expect_true "$2/migration.sql written for a conflicting target" test ! -e "$d/migration.sql"
  fi
}
# dump_of FILE OUT: the canonical form of FILE.
dump_of() { "$SCHEMERGE" dump -q "$1" -o "$2"; }

# === (a) one schema file =================================================================
A="$T/repo_a"
make_single_repo "$A"
a="$T/a"
base_sha="$(git -C "$A" merge-base hotfix develop)"
short="${base_sha:0:7}"
repo_state "$A" "$T/a_before"
# The expected results: schemerge merge on the same files from disk.
"$SCHEMERGE" merge -q "$a/base.sql" "$a/main.sql" "$a/hotfix.sql" \
  --schema-out "$a/exp_main_schema.sql" --plan-ours "$a/exp_main_plan.sql" >/dev/null
"$SCHEMERGE" merge -q "$a/base.sql" "$a/release.sql" "$a/hotfix.sql" \
  --schema-out "$a/exp_release_schema.sql" --plan-ours "$a/exp_release_plan.sql" >/dev/null

cd "$A"
case_ "(a) fold hotfix into main, release/2.0 (clean) and develop (conflict): exit 1"
run fold hotfix --into main --into release/2.0 --into develop --path db/schema.sql --out "$T/fa"
expect_rc 1
expect_files "$T/fa" main all
expect_files "$T/fa" release-2.0 all
expect_files "$T/fa" develop report-only
expect_true "a directory named after the unmangled branch release/2.0" test ! -e "$T/fa/release/2.0"
expect_true "files other than the three per target" \
  test "$(cd "$T/fa" 2>/dev/null && find . -type f | sort | tr '\n' ' ')" = \
  "./develop/report.md ./main/migration.sql ./main/report.md ./main/schema.sql ./release-2.0/migration.sql ./release-2.0/report.md ./release-2.0/schema.sql "

case_ "(a) summary table: one row per target with base, changes, conflicts, hazards, result"
expect_row main "$short" "does not show the merge base $short"
expect_row main '(^|[^A-Za-z])clean([^A-Za-z]|$)' "does not say clean"
expect_row main '(^|[^A-Za-z0-9])0([^A-Za-z0-9]|$)' "does not show 0 conflicts"
expect_row_plan main "$a/main.sql" "$a/exp_main_schema.sql"
expect_row release/2.0 "$short" "does not show the merge base $short"
expect_row release/2.0 '(^|[^A-Za-z])clean([^A-Za-z]|$)' "does not say clean"
expect_row_plan release/2.0 "$a/release.sql" "$a/exp_release_schema.sql"
expect_row develop "$short" "does not show the merge base $short"
expect_row develop 'CONFLICT' "does not say CONFLICT"
expect_row develop '(^|[^A-Za-z0-9.])1([^A-Za-z0-9.]|$)' "does not show 1 conflict"
row_line() {
  awk -v t="$1" '{ l = $0; gsub(/[|`]/, " ", l); split(l, f, " "); if (f[1] == t) { print NR; exit } }' "$T/out" | grep . || echo 0
}
expect_true "summary rows are not in --into order (main, release/2.0, develop)" \
  test "$(row_line main)" -lt "$(row_line release/2.0)" -a "$(row_line release/2.0)" -lt "$(row_line develop)"

case_ "(a) clean targets: schema.sql is the merged schema, migration.sql takes the branch there"
expect_same_file "$a/exp_main_schema.sql" "$T/fa/main/schema.sql" "main's schema.sql is not merge's merged schema"
expect_same_file "$a/exp_release_schema.sql" "$T/fa/release-2.0/schema.sql" "release-2.0's schema.sql is not merge's merged schema"
expect_same_sql "$a/exp_main_plan.sql" "$T/fa/main/migration.sql" "main's migration.sql is not merge's plan for ours"
expect_same_sql "$a/exp_release_plan.sql" "$T/fa/release-2.0/migration.sql" "release-2.0's migration.sql is not merge's plan for ours"
expect_true "main's migration lacks the hotfix index" grep -q 'CREATE INDEX orders_customer_id_idx' "$T/fa/main/migration.sql"
expect_true "main's migration lacks the email type change" grep -Eq 'ALTER COLUMN email TYPE character varying\(254\)' "$T/fa/main/migration.sql"
expect_true "main's migration touches audit_log (main's own table)" \
  bash -c "! grep -v '^ *--' '$T/fa/main/migration.sql' | grep -q audit_log"
expect_true "main's schema.sql lacks main's own audit_log" grep -q 'CREATE TABLE public.audit_log' "$T/fa/main/schema.sql"
run dump "$T/fa/main/schema.sql" -o "$T/fa_main_again.sql"
expect_same_file "$T/fa/main/schema.sql" "$T/fa_main_again.sql" "schema.sql is not in dump's canonical form"

case_ "(a) the conflicting target's report lists the conflict with both lines"
expect_true "develop/report.md does not name public.customers.email" grep -q 'public\.customers\.email' "$T/fa/develop/report.md"
# Both sides' lines, the column's own (develop: 6, hotfix: 5), as REF:PATH:LINE.
expect_true "develop/report.md lacks develop's line develop:db/schema.sql:6" \
  grep -Eq '(develop|[0-9a-f]{7,40}):db/schema\.sql:6([^0-9]|$)' "$T/fa/develop/report.md"
expect_true "develop/report.md lacks hotfix's line hotfix:db/schema.sql:5" \
  grep -Eq '(hotfix|[0-9a-f]{7,40}):db/schema\.sql:5([^0-9]|$)' "$T/fa/develop/report.md"
expect_true "main/report.md does not name the hotfix index" grep -q 'orders_customer_id_idx' "$T/fa/main/report.md"

case_ "(a) only clean targets: exit 0"
run fold hotfix --into main --into release/2.0 --path db/schema.sql --out "$T/fa2"
expect_rc 0
expect_files "$T/fa2" main all
expect_files "$T/fa2" release-2.0 all
expect_same_file "$T/fa/main/schema.sql" "$T/fa2/main/schema.sql" "schema.sql differs between runs"
expect_same_file "$T/fa/main/migration.sql" "$T/fa2/main/migration.sql" "migration.sql differs between runs"

case_ "(a) without --out: the summary only, same exit code"
run fold hotfix --into main --into develop --path db/schema.sql
expect_rc 1
expect_row main 'clean'
expect_row develop 'CONFLICT'

case_ "(a) --prefer theirs resolves develop's conflict with the hotfix's value"
run fold hotfix --into develop --path db/schema.sql --prefer theirs --out "$T/fa3"
expect_rc 0
expect_files "$T/fa3" develop all
expect_true "develop's merged schema lacks email varchar(254)" grep -Eq 'email character varying\(254\)' "$T/fa3/develop/schema.sql"
expect_true "develop's merged schema lost develop's invoices" grep -q 'CREATE TABLE public.invoices' "$T/fa3/develop/schema.sql"

case_ "(a) --out reused: a target that now conflicts loses the previous run's schema.sql and migration.sql"
expect_true "fixture: fa3/develop/migration.sql from the --prefer run is missing" test -s "$T/fa3/develop/migration.sql"
run fold hotfix --into develop --path db/schema.sql --out "$T/fa3"
expect_rc 1
expect_files "$T/fa3" develop report-only

case_ "(a) --format markdown and json"
run fold hotfix --into main --into develop --path db/schema.sql --format markdown
expect_rc 1
expect_true "markdown summary is not a table" grep -Eq '^\|.*\|$' "$T/out"
expect_row main "$short"
expect_row main '\|[^|]*clean[^|]*\|$' "does not end in a clean result cell"
expect_row develop '\|[^|]*([Cc]onflict|CONFLICT)[^|]*\|$' "does not end in a conflict result cell"
run fold hotfix --into main --into develop --path db/schema.sql --format json
expect_rc 1
expect_true "json summary is not valid JSON" jq -e . "$T/out" >/dev/null
expect_true "json summary does not name both targets" jq -e \
  '[.. | strings] as $s | ($s | index("main")) != null and ($s | index("develop")) != null' "$T/out" >/dev/null
expect_true "json summary lacks the base sha" grep -q "$short" "$T/out"
main_steps="$(steps_and_hazards "$a/main.sql" "$a/exp_main_schema.sql")"
main_steps="${main_steps%% *}"
expect_true "json summary: targets, merge bases, counts or results wrong" jq -e \
  --arg base "$base_sha" --argjson steps "$main_steps" '
  [.targets[].target] == ["main", "develop"]
  and (.targets | all(.merge_base == $base))
  and .targets[0].changes == $steps and .targets[0].conflicts == 0 and .targets[0].result == "clean"
  and .targets[1].conflicts == 1 and (.targets[1].result | ascii_downcase) == "conflict"
  and .clean == false' "$T/out" >/dev/null

case_ "(a) --online: lock-friendly migration"
run fold hotfix --into main --path db/schema.sql --online --out "$T/fa_online"
expect_rc 0
expect_true "--online migration does not build the index CONCURRENTLY" \
  grep -q 'CREATE INDEX CONCURRENTLY orders_customer_id_idx' "$T/fa_online/main/migration.sql"
expect_same_file "$T/fa/main/schema.sql" "$T/fa_online/main/schema.sql" "--online changed the merged schema"
expect_row main 'clean'
expect_true "--online summary still lists blocking-index-build for main" bash -c "! grep -Fw main '$T/out' | grep -q blocking-index-build"

case_ "(a) the hotfix itself as the target: nothing to fold, 0 changes"
run fold hotfix --into hotfix --path db/schema.sql --out "$T/fa_self"
expect_rc 0
expect_row hotfix '(^|[^0-9])0([^0-9].*)?clean' "does not show 0 changes, clean"
expect_true "hotfix/migration.sql has a statement" bash -c "! grep -v -E '^[[:space:]]*(--|\$)' '$T/fa_self/hotfix/migration.sql' | grep -Evq '^(BEGIN|COMMIT);\$'"

repo_state "$A" "$T/a_after"
expect_same_file "$T/a_before" "$T/a_after" "(a) the repository changed"

case_ "(a) in a clone (as CI has it): a tag as HOTFIX, remote-tracking branches as targets"
git clone -q "$A" "$T/clone_a"
git -C "$T/clone_a" tag hotfix-1 origin/hotfix
cd "$T/clone_a"
run fold hotfix-1 --into origin/main --into origin/release/2.0 --path db/schema.sql --out "$T/fa_clone"
expect_rc 0
expect_files "$T/fa_clone" origin-main all
expect_files "$T/fa_clone" origin-release-2.0 all
expect_same_file "$T/fa/main/schema.sql" "$T/fa_clone/origin-main/schema.sql" "origin/main's merged schema differs from main's"
expect_row origin/main "$short" "does not show the merge base $short"
cd "$A"

case_ "(a) a target that already merged the hotfix: nothing left to fold"
A2="$T/repo_a2"
git clone -q "$A" "$A2"
git -C "$A2" checkout -q -b merged-main origin/main
# git's line merge conflicts (both appended a statement): the hand resolution keeps both.
git -C "$A2" merge -q --no-commit origin/hotfix >/dev/null 2>&1 || true
{
  sed -e 's/email varchar(100)/email varchar(254)/' \
    -e 's/created_at  timestamptz$/created_at  timestamptz not null default now()/' "$a/main.sql"
  echo "create index orders_customer_id_idx on orders (customer_id);"
} >"$A2/db/schema.sql"
commit_all "$A2" "merge hotfix into main"
expect_true "fixture: merged-main is not a merge commit" \
  test "$(git -C "$A2" rev-list --parents -n 1 HEAD | wc -w)" -eq 3
git -C "$A2" branch -q hotfix origin/hotfix
cd "$A2"
run fold hotfix --into merged-main --path db/schema.sql --out "$T/fa_merged"
expect_rc 0
expect_row merged-main "$(git -C "$A2" rev-parse --short=7 origin/hotfix)" "does not show the hotfix tip as the merge base"
expect_row merged-main '(^|[^0-9])0([^0-9].*)?clean' "does not show 0 changes, clean"
cd "$A"

# Bad input: exit 2, one line naming the culprit, nothing written (usage errors: CLI11's
# message and its "Run with --help" line).
# bad_fold DESCRIPTION ERE ARGS...
bad_fold() {
  local what="$1" re="$2"
  shift 2
  case_ "(a) bad input: $what"
  rm -rf "$T/fbad"
  run fold "$@" --out "$T/fbad"
  expect_rc 2
  if [[ "$what" != usage:* ]]; then
    expect_stderr_lines 1
  fi
  expect_stderr "$re"
  expect_true "--out directory created or written" test ! -e "$T/fbad"
}
bad_fold "unknown target branch" "nope" hotfix --into main --into nope --path db/schema.sql
bad_fold "unknown hotfix branch" "nope" nope --into main --path db/schema.sql
bad_fold "missing path" 'db/nope\.sql' hotfix --into main --path db/nope.sql
git -C "$A" branch no-schema "$base_sha"
git -C "$A" checkout -q no-schema
git -C "$A" rm -q db/schema.sql
commit_all "$A" "schema file removed"
git -C "$A" checkout -q main
bad_fold "path missing on one target only" "no-schema" hotfix --into main --into no-schema --path db/schema.sql
expect_stderr 'db/schema\.sql' "the error names the path"
bad_fold "no path (no --path, no schemerge.toml)" 'path' hotfix --into main
bad_fold "usage: no --into" 'into' hotfix --path db/schema.sql
git -C "$A" checkout -q --orphan lonely
git -C "$A" rm -q -r --cached . >/dev/null
mkdir -p "$A/db"
printf 'create table other (id int);\n' >"$A/db/schema.sql"
commit_all "$A" "unrelated history"
git -C "$A" checkout -q -f main
repo_state "$A" "$T/a_before2"
bad_fold "no merge base (orphan branch)" 'no common ancestor' lonely --into main --path db/schema.sql
expect_stderr 'lonely' "the error names the branch"
bad_fold "no merge base, one of several targets" 'no common ancestor' hotfix --into main --into lonely --path db/schema.sql
repo_state "$A" "$T/a_after2"
expect_same_file "$T/a_before2" "$T/a_after2" "(a) the repository changed (bad input)"

# === criss-cross history: two merge bases ===============================================
case_ "criss-cross: a note on stderr names the merge base chosen"
X="$T/repo_x"
git_init "$X"
mkdir -p "$X/db"
printf 'create table base_t (id int primary key);\n\n\n\ncreate table end_t (id int);\n' >"$X/db/schema.sql"
commit_all "$X" "base"
git -C "$X" branch q
git -C "$X" checkout -q -b p
sed -i '1i create table p_t (id int primary key);' "$X/db/schema.sql"
commit_all "$X" "p1"
p1="$(git -C "$X" rev-parse HEAD)"
git -C "$X" checkout -q q
echo 'create table q_t (id int primary key);' >>"$X/db/schema.sql"
commit_all "$X" "q1"
q1="$(git -C "$X" rev-parse HEAD)"
merge_at "$X" "$p1"
git -C "$X" checkout -q p
merge_at "$X" "$q1"
git -C "$X" checkout -q q
echo 'create table q_more (id int);' >>"$X/db/schema.sql"
commit_all "$X" "q3"
git -C "$X" checkout -q p
echo 'create index p_t_idx on p_t (id);' >>"$X/db/schema.sql"
commit_all "$X" "p3"
bases="$(git -C "$X" merge-base --all p q | wc -l)"
expect_true "fixture: p and q do not have two merge bases" test "$bases" -eq 2
cd "$X"
run fold p --into q --path db/schema.sql --out "$T/fx"
expect_rc 0
expect_stderr "(${p1:0:7}|${q1:0:7})" "the note does not name the chosen base (${p1:0:7} or ${q1:0:7})"
expect_stderr '[Cc]riss-cross|merge bases' "no note about several merge bases"
expect_true "q's migration lacks p's index" grep -q 'p_t_idx' "$T/fx/q/migration.sql"

# === a conflict git cannot see: the hotfix drops a column develop's new view reads ========
case_ "dangling reference: git merges the file cleanly, fold reports the conflict"
G="$T/repo_g"
git_init "$G"
mkdir -p "$G/db"
printf 'create table orders (\n    id int primary key,\n    legacy_code text,\n    total numeric\n);\n\n\n\ncreate table z (id int);\n' \
  >"$G/db/schema.sql"
commit_all "$G" "orders"
git -C "$G" branch hotfix
git -C "$G" checkout -q -b develop
echo 'create view legacy_orders as select id, legacy_code from orders;' >>"$G/db/schema.sql"
commit_all "$G" "view on legacy_code"
git -C "$G" checkout -q hotfix
sed -i '/legacy_code text,/d' "$G/db/schema.sql"
commit_all "$G" "drop legacy_code"
git -C "$G" checkout -q main
expect_true "fixture: git's line merge of develop and hotfix conflicts (this case needs it clean)" \
  git merge-file -p <(git -C "$G" show develop:db/schema.sql) <(git -C "$G" show main:db/schema.sql) \
  <(git -C "$G" show hotfix:db/schema.sql) >/dev/null
cd "$G"
run fold hotfix --into main --into develop --path db/schema.sql --out "$T/fg"
expect_rc 1
expect_row main 'clean'
expect_row develop 'CONFLICT'
expect_files "$T/fg" main all
expect_files "$T/fg" develop report-only
expect_true "develop/report.md does not name the view or the column" \
  grep -Eq 'legacy_orders|legacy_code' "$T/fg/develop/report.md"
expect_true "main's migration does not drop legacy_code" grep -q 'DROP COLUMN legacy_code' "$T/fg/main/migration.sql"
expect_row main 'data-loss' "does not list the data-loss hazard of the DROP COLUMN"

# === (b) Flyway ===========================================================================
case_ "(b) Flyway directory, V3_1 between develop's V3 and V4: clean"
B="$T/repo_b"
make_flyway_repo "$B"
repo_state "$B" "$T/b_before"
cd "$B"
run fold hotfix --into main --into develop --path db/migration --out "$T/fb"
expect_rc 0
expect_files "$T/fb" main all
expect_files "$T/fb" develop all
expect_stderr 'U2__undo_order_total\.sql' "a note names the ignored undo migration"
expect_stderr 'R__order_totals_view\.sql' "a note names the ignored repeatable migration"
for t in main develop; do
  dump_of "$T/b/${t}_merged.sql" "$T/b/exp_${t}.sql"
  expect_same_file "$T/b/exp_${t}.sql" "$T/fb/$t/schema.sql" "(b) $t's merged schema is not its migrations + V3_1 replayed in version order"
  expect_row_plan "$t" "$T/b/${t}_own.sql" "$T/b/exp_${t}.sql"
  expect_row "$t" 'clean'
done
expect_true "(b) develop's migration lacks V3_1's index" grep -q 'CREATE INDEX orders_customer_id_idx' "$T/fb/develop/migration.sql"
expect_true "(b) develop's migration lacks V3_1's SET NOT NULL" grep -q 'SET NOT NULL' "$T/fb/develop/migration.sql"
expect_true "(b) develop's migration recreates develop's own shipments" bash -c "! grep -q 'CREATE TABLE public.shipments' '$T/fb/develop/migration.sql'"
run fold hotfix --into develop --path db/migration --layout flyway --out "$T/fb2"
expect_rc 0
expect_same_file "$T/fb/develop/schema.sql" "$T/fb2/develop/schema.sql" "(b) --layout flyway differs from auto"
repo_state "$B" "$T/b_after"
expect_same_file "$T/b_before" "$T/b_after" "(b) the repository changed"

case_ "(b) Flyway, conflicting: the report names the migrations that changed the column on each side"
git -C "$B" checkout -q -b develop-total develop
printf 'alter table orders alter column total type numeric(12,2);\n' >"$B/db/migration/V11__total_precision.sql"
commit_all "$B" "V11"
git -C "$B" checkout -q -b hotfix-total hotfix
printf -- '-- totals in cents\nalter table orders alter column total type bigint;\n' >"$B/db/migration/V3_2__total_cents.sql"
commit_all "$B" "V3_2"
git -C "$B" checkout -q main
run fold hotfix-total --into develop-total --path db/migration --out "$T/fb3"
expect_rc 1
expect_files "$T/fb3" develop-total report-only
expect_true "report does not name public.orders.total" grep -q 'public\.orders\.total' "$T/fb3/develop-total/report.md"
expect_true "report lacks develop-total's line develop-total:db/migration/V11__total_precision.sql:1" \
  grep -Eq 'develop-total:db/migration/V11__total_precision\.sql:1([^0-9]|$)' "$T/fb3/develop-total/report.md"
expect_true "report lacks hotfix-total's line hotfix-total:db/migration/V3_2__total_cents.sql:2" \
  grep -Eq 'hotfix-total:db/migration/V3_2__total_cents\.sql:2([^0-9]|$)' "$T/fb3/develop-total/report.md"

# === (c) golang-migrate ===================================================================
case_ "(c) golang-migrate directory, hotfix's 4 between develop's 3 and 5: clean"
C="$T/repo_c"
make_gomigrate_repo "$C"
repo_state "$C" "$T/c_before"
cd "$C"
run fold hotfix --into main --into develop --path db/migrations --out "$T/fc"
expect_rc 0
expect_files "$T/fc" main all
expect_files "$T/fc" develop all
for t in main develop; do
  dump_of "$T/c/${t}_merged.sql" "$T/c/exp_${t}.sql"
  expect_same_file "$T/c/exp_${t}.sql" "$T/fc/$t/schema.sql" "(c) $t's merged schema is not the up migrations replayed in version order"
  expect_row_plan "$t" "$T/c/${t}_own.sql" "$T/c/exp_${t}.sql"
done
expect_true "(c) develop's migration lacks 4's index" grep -q 'CREATE INDEX orders_customer_id_idx' "$T/fc/develop/migration.sql"
run fold hotfix --into develop --path db/migrations --layout golang-migrate --out "$T/fc2"
expect_rc 0
expect_same_file "$T/fc/develop/schema.sql" "$T/fc2/develop/schema.sql" "(c) --layout golang-migrate differs from auto"
repo_state "$C" "$T/c_after"
expect_same_file "$T/c_before" "$T/c_after" "(c) the repository changed"

# === (e) numbered files ===================================================================
case_ "(e) numbered files, hotfix's 004 between develop's 003 and 010: clean"
E="$T/repo_e"
make_numbered_repo "$E"
repo_state "$E" "$T/e_before"
cd "$E"
run fold hotfix --into main --into develop --path db/sql --out "$T/fe"
expect_rc 0
expect_files "$T/fe" main all
expect_files "$T/fe" develop all
for t in main develop; do
  dump_of "$T/e/${t}_merged.sql" "$T/e/exp_${t}.sql"
  expect_same_file "$T/e/exp_${t}.sql" "$T/fe/$t/schema.sql" "(e) $t's merged schema is not the files replayed in number order"
done
run fold hotfix --into develop --path db/sql --layout numbered --out "$T/fe2"
expect_rc 0
expect_same_file "$T/fe/develop/schema.sql" "$T/fe2/develop/schema.sql" "(e) --layout numbered differs from auto"
repo_state "$E" "$T/e_after"
expect_same_file "$T/e_before" "$T/e_after" "(e) the repository changed"

case_ "Flyway dotted versions: V1.2 before V1.10, V1_1 as 1.1"
mkdir -p "$T/dotted"
printf 'create table a (id int primary key);\n' >"$T/dotted/V1__a.sql"
printf 'create table b (id int primary key);\n' >"$T/dotted/V1_1__b.sql"
printf 'create table c (id int primary key, b_id int references b (id));\n' >"$T/dotted/V1.2__c.sql"
printf 'alter table c add column note text;\n' >"$T/dotted/V1.10__c_note.sql"
cat "$T/dotted/V1__a.sql" "$T/dotted/V1_1__b.sql" "$T/dotted/V1.2__c.sql" "$T/dotted/V1.10__c_note.sql" >"$T/dotted.sql"
dump_of "$T/dotted.sql" "$T/dotted_exp.sql"
run dump "$T/dotted" --layout flyway
expect_rc 0
expect_same_file "$T/dotted_exp.sql" "$T/out" "Flyway versions not replayed in version order"
run dump "$T/dotted"
expect_rc 0
expect_same_file "$T/dotted_exp.sql" "$T/out" "Flyway layout not detected (auto)"

# === (d) dbmate ===========================================================================
case_ "(d) dbmate directory (up sections replayed, down ignored): clean"
D="$T/repo_d"
make_dbmate_repo "$D"
repo_state "$D" "$T/d_before"
cd "$D"
run fold hotfix --into main --into develop --path db/migrations --out "$T/fd"
expect_rc 0
expect_files "$T/fd" main all
expect_files "$T/fd" develop all
for t in main develop; do
  dump_of "$T/d/${t}_merged.sql" "$T/d/exp_${t}.sql"
  expect_same_file "$T/d/exp_${t}.sql" "$T/fd/$t/schema.sql" "(d) $t's merged schema is not the up sections replayed in version order"
done
run fold hotfix --into develop --path db/migrations --layout dbmate --out "$T/fd2"
expect_rc 0
expect_same_file "$T/fd/develop/schema.sql" "$T/fd2/develop/schema.sql" "(d) --layout dbmate differs from auto"
repo_state "$D" "$T/d_after"
expect_same_file "$T/d_before" "$T/d_after" "(d) the repository changed"

# === --out over a regular file, Markdown reports on stdout (the single-file repository) =====
cd "$A"
case_ "(a) --out DIR where DIR/<second target> is a regular file: exit 2, nothing of the first target written"
rm -rf "$T/fblock"
mkdir -p "$T/fblock"
printf 'not a directory\n' >"$T/fblock/release-2.0"
run fold hotfix --into main --into release/2.0 --path db/schema.sql --out "$T/fblock"
expect_rc 2
expect_stderr_lines 1
expect_stderr 'release-2\.0' "the error does not name the blocking file"
expect_true "a file of the first target (main) was written" \
  test -z "$(find "$T/fblock" -path "$T/fblock/release-2.0" -prune -o -type f -print)"
expect_true "the blocking file was changed" grep -qx 'not a directory' "$T/fblock/release-2.0"
expect_true "an empty directory of the first target was left behind" test ! -e "$T/fblock/main"

case_ "(a) --format markdown without --out: the summary, then each target's report.md"
run fold hotfix --into main --into develop --path db/schema.sql --format markdown --out "$T/fmd"
expect_rc 1
cp "$T/out" "$T/fmd_summary.md"
expect_files "$T/fmd" main all
expect_files "$T/fmd" develop report-only
run fold hotfix --into main --into develop --path db/schema.sql --format markdown
expect_rc 1
cat "$T/fmd_summary.md" "$T/fmd/main/report.md" "$T/fmd/develop/report.md" | grep -v '^[[:space:]]*$' >"$T/fmd_expected"
grep -v '^[[:space:]]*$' "$T/out" >"$T/fmd_got" || true
expect_same_file "$T/fmd_expected" "$T/fmd_got" "stdout is not the summary followed by main's and develop's report.md (blank lines aside)"
expect_true "develop's conflict is not on stdout" grep -q 'public\.customers\.email' "$T/out"
expect_true "main's report (the hotfix index) is not on stdout" grep -q 'orders_customer_id_idx' "$T/out"

# === several schema files read in order as one schema: --path repeated, [schema] paths ====
case_ "two files forming one schema: --path repeated"
M="$T/repo_m"
git_init "$M"
mkdir -p "$M/db" "$T/m"
printf 'create table customers (id int primary key, name text);\ncreate table orders (id int primary key, customer_id int references customers (id), total numeric);\n' \
  >"$M/db/tables.sql"
# The views read the tables of the other file: only the two read in order form a schema.
printf 'create view order_totals as select customer_id, sum(total) as total from orders group by customer_id;\n' \
  >"$M/db/views.sql"
cat "$M/db/tables.sql" "$M/db/views.sql" >"$T/m/base.sql"
commit_all "$M" "tables, views"
git -C "$M" branch hotfix
git -C "$M" branch develop
git -C "$M" checkout -q hotfix
sed -i 's/name text)/name text not null)/' "$M/db/tables.sql"
cat "$M/db/tables.sql" "$M/db/views.sql" >"$T/m/hotfix.sql"
commit_all "$M" "hotfix: customers.name not null"
git -C "$M" checkout -q develop
printf 'create view big_orders as select id, total from orders where total > 100;\n' >>"$M/db/views.sql"
cat "$M/db/tables.sql" "$M/db/views.sql" >"$T/m/develop.sql"
commit_all "$M" "develop: big_orders"
git -C "$M" checkout -q main
repo_state "$M" "$T/m_before"
"$SCHEMERGE" merge -q "$T/m/base.sql" "$T/m/develop.sql" "$T/m/hotfix.sql" \
  --schema-out "$T/m/exp_develop_schema.sql" --plan-ours "$T/m/exp_develop_plan.sql" >/dev/null
cd "$M"
run fold hotfix --into main --into develop --path db/tables.sql --path db/views.sql --out "$T/fm"
expect_rc 0
expect_files "$T/fm" main all
expect_files "$T/fm" develop all
expect_same_file "$T/m/exp_develop_schema.sql" "$T/fm/develop/schema.sql" "develop's merged schema is not merge's on the two files concatenated"
expect_same_sql "$T/m/exp_develop_plan.sql" "$T/fm/develop/migration.sql" "develop's migration is not merge's plan for ours"
expect_true "the merged schema lacks the hotfix's NOT NULL" grep -q 'name text NOT NULL' "$T/fm/main/schema.sql"
expect_true "the merged schema lacks the view of the second file" grep -q 'CREATE VIEW public.order_totals' "$T/fm/main/schema.sql"

case_ "two files forming one schema: [schema] paths"
printf '[schema]\npaths = ["db/tables.sql", "db/views.sql"]\n' >"$T/m/paths.toml"
run fold hotfix --into main --into develop --config "$T/m/paths.toml" --out "$T/fm2"
expect_rc 0
for t in main develop; do
  for f in schema.sql migration.sql; do
    expect_same_file "$T/fm/$t/$f" "$T/fm2/$t/$f" "[schema] paths: $t/$f differs from --path repeated"
  done
done

case_ "[schema] path and paths together: exit 2, located, nothing written"
printf '[schema]\npath = "db/tables.sql"\npaths = ["db/tables.sql", "db/views.sql"]\n' >"$T/m/both.toml"
rm -rf "$T/fm3"
run fold hotfix --into main --config "$T/m/both.toml" --out "$T/fm3"
expect_rc 2
expect_stderr_lines 1
expect_stderr '^[^:]*both\.toml:[0-9]+:[0-9]+: error: .*path' "not one located error naming path/paths"
expect_true "--out directory created despite the config error" test ! -e "$T/fm3"
repo_state "$M" "$T/m_after"
expect_same_file "$T/m_before" "$T/m_after" "the two-file repository changed"

finish
