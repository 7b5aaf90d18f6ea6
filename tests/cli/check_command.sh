#!/usr/bin/env bash
# `schemerge check --base REF [--head REF]`, the CI gate, on a real git repository: exit 0
# clean, 1 on conflicts, 1 on a hazard listed in --fail-on / check.fail_on (data-loss from a
# DROP COLUMN on head), 0 when that hazard is not listed; `--format github` annotations with
# the repository-relative file and the line on head; SARIF 2.1.0 structure checked with jq;
# bad input exit 2 with nothing written; the repository is never changed.
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
repo_state() {
  {
    echo "HEAD: $(git -C "$1" symbolic-ref -q HEAD || true) $(git -C "$1" rev-parse HEAD)"
    git -C "$1" for-each-ref
    git -C "$1" status --porcelain --ignored
    (cd "$1" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum)
    (cd "$1/.git" && find . -type f -print0 | sort -z | xargs -0 sha1sum)
  } >"$2"
}

R="$T/repo"
git -c init.defaultBranch=main init -q "$R"
mkdir -p "$R/db"
P=db/structure.sql
cat >"$R/$P" <<'SQL'
-- application schema
create table customers (
    id    int primary key,
    name  text not null,
    email varchar(100)
);

create table orders (
    id          int primary key,
    customer_id int not null references customers (id),
    total       numeric(10,2),
    legacy_code text
);

create view big_orders as
    select id, total from orders where total > 100;
SQL
commit_all "$R" "schema"
for b in add-table conflict dropcol; do
  git -C "$R" branch "$b"
done
# main moves on: email widened, the view's threshold changed.
sed -i -e 's/email varchar(100)/email varchar(200)/' -e 's/total > 100/total > 500/' "$R/$P"
commit_all "$R" "main: email varchar(200), big orders > 500"
# add-table: a new table (clean, no hazard).
git -C "$R" checkout -q add-table
printf '\ncreate table invoices (id int primary key, order_id int not null references orders (id));\n' >>"$R/$P"
commit_all "$R" "invoices"
# conflict: two lines more at the top (head's lines differ from main's), the same column
# and view changed differently.
git -C "$R" checkout -q conflict
{
  echo "create table tags (id int primary key, name text not null);"
  echo
  sed -e 's/email varchar(100)/email text/' -e 's/total > 100/total > 1000/' "$R/$P"
} >"$T/conflict.sql"
cp "$T/conflict.sql" "$R/$P"
commit_all "$R" "conflict: email text, big orders > 1000"
# dropcol: a new table at the top, orders.legacy_code dropped (data-loss on main's plan).
git -C "$R" checkout -q dropcol
{
  echo "create table notes (id int primary key, body text not null);"
  echo
  sed -e 's/total       numeric(10,2),/total       numeric(10,2)/' -e '/legacy_code/d' "$R/$P"
} >"$T/dropcol.sql"
cp "$T/dropcol.sql" "$R/$P"
commit_all "$R" "dropcol: notes, drop orders.legacy_code"
git -C "$R" checkout -q main
repo_state "$R" "$T/state_before"

# line_on REF ERE: the first line number of `git show REF:db/structure.sql` matching ERE.
line_on() { git -C "$R" show "$1:$P" | grep -nE -- "$2" | head -n 1 | cut -d: -f1; }
email_line="$(line_on conflict '^ +email ')"
view_line="$(line_on conflict '^create view big_orders')"
orders_line_head="$(line_on dropcol '^create table orders')"
orders_line_main="$(line_on main '^create table orders')"
echo "lines on head: conflict email=$email_line view=$view_line; dropcol orders=$orders_line_head (main: $orders_line_main)"

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

cd "$R"

case_ "clean pull request: exit 0"
run check --base main --head add-table --path "$P"
expect_rc 0
run check --base main --head add-table --path "$P" --fail-on data-loss
expect_rc 0

case_ "head == base, and head already merged: exit 0"
run check --base main --head main --path "$P" --fail-on data-loss
expect_rc 0
run check --base add-table --head main --path "$P"
expect_true "base add-table, head main: exit $rc (expected 0 or 1, not an error)" test "$rc" -le 1

case_ "--repo from outside the repository"
cd "$T"
run check --base main --head conflict --path "$P" --repo "$R" --format github
expect_rc 1
expect_stdout "^::error file=$P,line=$email_line" "file/line wrong with --repo"
cd "$R"

case_ "a bare clone (a server-side hook): --repo and as the working directory"
git clone -q --bare "$R" "$T/bare.git"
cd "$T"
run check --base main --head conflict --path "$P" --repo "$T/bare.git" --format github
expect_rc 1
expect_stdout "^::error file=$P,line=$email_line" "file/line wrong in a bare repository"
cd "$T/bare.git"
run check --base main --head dropcol --path "$P" --fail-on data-loss
expect_rc 1
run check --base main --head add-table --path "$P"
expect_rc 0
cd "$R"

case_ "conflicting pull request: exit 1, the conflicts reported"
run check --base main --head conflict --path "$P"
expect_rc 1
expect_stdout 'public\.customers\.email' "the column conflict is not reported"
expect_stdout 'public\.big_orders' "the view conflict is not reported"

case_ "a hazard listed in --fail-on: exit 1; not listed: exit 0"
run check --base main --head dropcol --path "$P" --fail-on data-loss
expect_rc 1
expect_stdout 'data-loss' "the failing hazard is not reported"
run check --base main --head dropcol --path "$P"
expect_rc 0
expect_stdout 'data-loss' "the hazard is not reported when it does not fail"
run check --base main --head dropcol --path "$P" --fail-on blocking-index-build,access-exclusive-lock
expect_rc 0
run check --base main --head dropcol --path "$P" --fail-on access-exclusive-lock,data-loss
expect_rc 1

case_ "check.fail_on in a config file (--config); --fail-on overrides it"
printf '[check]\nfail_on = ["data-loss"]\n' >"$T/failing.toml"
printf '[check]\nfail_on = []\n' >"$T/passing.toml"
run check --base main --head dropcol --path "$P" --config "$T/failing.toml"
expect_rc 1
run check --base main --head dropcol --path "$P" --config "$T/passing.toml"
expect_rc 0
run check --base main --head dropcol --path "$P" --config "$T/passing.toml" --fail-on data-loss
expect_rc 1
run check --base main --head dropcol --path "$P" --config "$T/failing.toml" --fail-on ''
expect_rc 0
expect_stdout 'data-loss' "the hazard is still reported when --fail-on '' cleared the configured list"
run check --base main --head dropcol --path "$P" --config "$T/failing.toml" --fail-on '' --format github
expect_rc 0
expect_no_stdout '^::error' "an ::error although --fail-on '' cleared the configured fail_on"

case_ "--format github: conflicts as ::error at the head lines"
run check --base main --head conflict --path "$P" --format github
expect_rc 1
expect_true "a stdout line is not a workflow command" bash -c "! grep -v '^::' '$T/out' | grep -q ."
expect_stdout "^::error file=$P,line=$email_line(,col=[0-9]+)?,title=schemerge both-modified::.*public\\.customers\\.email" \
  "no ::error for public.customers.email at head line $email_line"
expect_stdout "^::error file=$P,line=$view_line(,col=[0-9]+)?,title=schemerge [a-z-]+::.*public\\.big_orders" \
  "no ::error for public.big_orders at head line $view_line"
expect_no_stdout "file=/" "an absolute path instead of the repository-relative one"

case_ "--format github: a hazard is ::warning when it does not fail, ::error when it does"
run check --base main --head dropcol --path "$P" --format github
expect_rc 0
expect_stdout "^::warning file=$P,line=$orders_line_head(,col=[0-9]+)?,title=schemerge data-loss::.*legacy_code" \
  "no ::warning for the dropped column at public.orders' head line $orders_line_head"
expect_no_stdout '^::error' "an ::error without a failing hazard"
run check --base main --head dropcol --path "$P" --format github --fail-on data-loss
expect_rc 1
expect_stdout "^::error file=$P,line=$orders_line_head(,col=[0-9]+)?,title=schemerge data-loss::.*legacy_code" \
  "no ::error for the failing data-loss hazard at line $orders_line_head"

case_ "--format github from a subdirectory: file stays repository-relative"
cd "$R/db"
run check --base main --head conflict --path "$P" --format github
expect_rc 1
expect_stdout "^::error file=$P,line=$email_line" "file/line wrong when run from db/"
cd "$R"

# sarif_ok FILE: the SARIF 2.1.0 structure.
sarif_ok() {
  jq -e --arg p "$P" '
    .version == "2.1.0"
    and (."$schema" | type == "string" and test("sarif") and test("2\\.1\\.0"))
    and (.runs | length) >= 1
    and (.runs[0].tool.driver.name | type == "string")
    and (.runs[0].tool.driver.rules | length) >= 1
    and (.runs[0].tool.driver.rules | all(.id | type == "string" and length > 0))
    and ([.runs[0].tool.driver.rules[].id] as $ids
         | .runs[0].results | all(.ruleId as $r | $ids | index($r) != null))
    and (.runs[0].results | all(
          (.level | IN("error", "warning", "note"))
          and (.message.text | type == "string" and length > 0)
          and (.locations | length) >= 1
          and (.locations | all(.physicalLocation.artifactLocation.uri == $p
                                and (.physicalLocation.region.startLine | type == "number" and . >= 1)))))
  ' "$1" >/dev/null
}

case_ "--format sarif: 2.1.0 structure, rules, results at head lines"
rm -f "$T/c.sarif"
run check --base main --head conflict --path "$P" --format sarif -o "$T/c.sarif"
expect_rc 1
expect_true "-o: the SARIF file is not written" test -s "$T/c.sarif"
if [[ -s "$T/c.sarif" ]]; then
  expect_true "not valid JSON" jq -e . "$T/c.sarif" >/dev/null
  expect_true "not the SARIF 2.1.0 structure (version, \$schema, rules, results, locations)" sarif_ok "$T/c.sarif"
  expect_true "no both-modified result for public.customers.email at head line $email_line" jq -e \
    --argjson l "$email_line" \
    'any(.runs[0].results[]; .ruleId == "both-modified" and (.message.text | test("public\\.customers\\.email"))
         and any(.locations[]; .physicalLocation.region.startLine == $l))' "$T/c.sarif" >/dev/null
  expect_true "no result for public.big_orders at head line $view_line" jq -e \
    --argjson l "$view_line" \
    'any(.runs[0].results[]; (.message.text | test("public\\.big_orders"))
         and any(.locations[]; .physicalLocation.region.startLine == $l))' "$T/c.sarif" >/dev/null
fi
run check --base main --head dropcol --path "$P" --format sarif --fail-on data-loss
expect_rc 1
expect_true "dropcol: not the SARIF 2.1.0 structure" sarif_ok "$T/out"
expect_true "dropcol: no data-loss result at the head line $orders_line_head, level error" jq -e \
  --argjson l "$orders_line_head" \
  'any(.runs[0].results[]; .ruleId == "data-loss" and .level == "error"
       and any(.locations[]; .physicalLocation.region.startLine == $l))' "$T/out" >/dev/null
run check --base main --head add-table --path "$P" --format sarif
expect_rc 0
expect_true "clean: not the SARIF 2.1.0 structure" jq -e \
  '.version == "2.1.0" and (.runs[0].results | type == "array") and (.runs[0].tool.driver.rules | type == "array")' \
  "$T/out" >/dev/null

case_ "--format markdown and json"
run check --base main --head conflict --path "$P" --format markdown
expect_rc 1
expect_stdout 'public\.customers\.email'
run check --base main --head conflict --path "$P" --format json
expect_rc 1
expect_true "json report is not valid JSON" jq -e . "$T/out" >/dev/null
expect_true "json report does not name the conflicting column" grep -q 'public.customers.email' "$T/out"
run check --base main --head add-table --path "$P" --format json
expect_rc 0
expect_true "clean json report is not valid JSON" jq -e . "$T/out" >/dev/null

case_ "bad input: exit 2, one line naming the ref/path, no report file"
bad_check() {
  rm -f "$T/bad.out"
  run check "$@" -o "$T/bad.out"
  expect_rc 2
  expect_stderr_lines 1
  expect_true "report file written despite the error" test ! -e "$T/bad.out"
}
# usage errors: CLI11's message and its "Run with --help" line.
usage_check() {
  rm -f "$T/bad.out"
  run check "$@" -o "$T/bad.out"
  expect_rc 2
  expect_true "report file written despite the usage error" test ! -e "$T/bad.out"
}
bad_check --base nope --head conflict --path "$P"
expect_stderr "unknown revision 'nope'"
bad_check --base main --head nope --path "$P"
expect_stderr "unknown revision 'nope'"
bad_check --base main --head conflict --path db/missing.sql
expect_stderr 'db/missing\.sql'
bad_check --base main --head dropcol --path "$P" --fail-on data-los
expect_stderr "data-los" "the unknown hazard id (a typo of data-loss) is not named"
usage_check --base main --head conflict --path "$P" --format nonsense
expect_stderr 'nonsense'
rm -f "$T/bad.out"
run check --head conflict --path "$P" -o "$T/bad.out"
expect_rc 2
expect_stderr 'base'
expect_true "report file written without --base" test ! -e "$T/bad.out"
mkdir -p "$T/norepo"
cd "$T/norepo"
bad_check --base main --head conflict --path "$P"
expect_stderr 'not a git repository'
cd "$R"

# --- a Flyway directory: annotations point at the head's migration that made the change ----
F="$T/flyway"
git -c init.defaultBranch=main init -q "$F"
mkdir -p "$F/db/migration"
printf 'create table orders (\n    id int primary key,\n    legacy text,\n    total numeric\n);\n' \
  >"$F/db/migration/V1__init.sql"
printf 'create table customers (id int primary key);\n' >"$F/db/migration/V2__customers.sql"
commit_all "$F" "V1, V2"
git -C "$F" branch pr/drop-legacy
git -C "$F" branch pr/total
printf 'alter table orders alter column total type numeric(12,2);\n' >"$F/db/migration/V3__total_precision.sql"
commit_all "$F" "main: V3"
git -C "$F" checkout -q pr/drop-legacy
printf -- '-- the legacy code is not used any more\nalter table orders drop column legacy;\n' \
  >"$F/db/migration/V3__drop_legacy.sql"
commit_all "$F" "pr: drop legacy"
git -C "$F" checkout -q pr/total
printf -- '-- totals in cents\nalter table orders alter column total type bigint;\n' \
  >"$F/db/migration/V3_1__total_cents.sql"
commit_all "$F" "pr: total in cents"
git -C "$F" checkout -q main
cd "$F"

case_ "Flyway: a data-loss hazard is annotated at the head's new migration (V3__drop_legacy.sql:2)"
run check --base main --head pr/drop-legacy --path db/migration --format github --fail-on data-loss
expect_rc 1
expect_stdout '^::error file=db/migration/V3__drop_legacy\.sql,line=2(,col=[0-9]+)?,title=schemerge data-loss::.*legacy' \
  "the hazard is not annotated at the DROP COLUMN on head"

case_ "Flyway: a conflict is annotated at the head's migration that changed the column (V3_1__total_cents.sql:2)"
run check --base main --head pr/total --path db/migration --format github
expect_rc 1
expect_stdout '^::error file=db/migration/V3_1__total_cents\.sql,line=2(,col=[0-9]+)?,title=schemerge both-modified::.*public\.orders\.total' \
  "the conflict is not annotated at the ALTER COLUMN on head"
run check --base main --head pr/total --path db/migration --format sarif
expect_rc 1
expect_true "SARIF: no result at db/migration/V3_1__total_cents.sql line 2" jq -e \
  'any(.runs[0].results[]; .ruleId == "both-modified"
       and any(.locations[]; .physicalLocation.artifactLocation.uri == "db/migration/V3_1__total_cents.sql"
                             and .physicalLocation.region.startLine == 2))' "$T/out" >/dev/null
cd "$R"

# --- a table head dropped, in a file whose name has a space and a '#' (SARIF) -------------
D="$T/droptable"
DP='db/my schema#1.sql'
git -c init.defaultBranch=main init -q "$D"
mkdir -p "$D/db"
cat >"$D/$DP" <<'SQL'
create table customers (id int primary key, name text);

create table audit_log (
    id  int primary key,
    msg text
);
SQL
commit_all "$D" "customers, audit_log"
git -C "$D" branch pr/drop-audit
printf -- '-- main moves on\n' >>"$D/$DP"
commit_all "$D" "main: a comment"
git -C "$D" checkout -q pr/drop-audit
printf 'create table customers (id int primary key, name text);\n' >"$D/$DP"
commit_all "$D" "pr: drop audit_log"
git -C "$D" checkout -q main
cd "$D"

case_ "SARIF: a hazard on a table head dropped still has a location; URIs percent-encoded"
run check --base main --head pr/drop-audit --path "$DP" --format sarif
expect_rc 0
expect_true "not valid JSON" jq -e . "$T/out" >/dev/null
expect_true "no data-loss result for public.audit_log" jq -e \
  'any(.runs[0].results[]; .ruleId == "data-loss" and (.message.text | test("public\\.audit_log")))' "$T/out" >/dev/null
expect_true "a result without a location (GitHub rejects the upload)" jq -e \
  '(.runs[0].results | length) >= 1
   and all(.runs[0].results[]; (.locations | type == "array" and length >= 1)
        and all(.locations[]; (.physicalLocation.artifactLocation.uri | type == "string" and length > 0)
                              and (.physicalLocation.region.startLine | type == "number" and . >= 1)))' \
  "$T/out" >/dev/null
expect_true "the URI of 'db/my schema#1.sql' is not db/my%20schema%231.sql" jq -e \
  'all(.runs[0].results[].locations[]; .physicalLocation.artifactLocation.uri == "db/my%20schema%231.sql")' \
  "$T/out" >/dev/null
expect_no_stdout '"uri": "[^"]*[ #]' "a space or '#' left unencoded in a SARIF URI"
run check --base main --head pr/drop-audit --path "$DP" --format sarif --fail-on data-loss
expect_rc 1
expect_true "failing: a result without a location" jq -e \
  '(.runs[0].results | length) >= 1 and all(.runs[0].results[]; (.locations | length) >= 1)' "$T/out" >/dev/null
cd "$R"

# --- Flyway: a table-level conflict (both set fillfactor) while head also dropped a column --
F2="$T/flyway2"
git -c init.defaultBranch=main init -q "$F2"
mkdir -p "$F2/db/migration"
printf 'create table orders (\n    id int primary key,\n    legacy text,\n    total numeric\n);\n' \
  >"$F2/db/migration/V1__init.sql"
printf 'create table customers (id int primary key);\n' >"$F2/db/migration/V2__customers.sql"
commit_all "$F2" "V1, V2"
git -C "$F2" branch pr/tune
printf 'alter table orders set (fillfactor = 70);\n' >"$F2/db/migration/V3__fillfactor.sql"
commit_all "$F2" "main: fillfactor 70"
git -C "$F2" checkout -q pr/tune
printf -- '-- the legacy code is not used any more\nalter table orders drop column legacy;\n' \
  >"$F2/db/migration/V3__drop_legacy.sql"
printf -- '-- tuning\n\nalter table orders set (fillfactor = 80);\n' >"$F2/db/migration/V4__fillfactor.sql"
commit_all "$F2" "pr: drop legacy, fillfactor 80"
git -C "$F2" checkout -q main
cd "$F2"

case_ "Flyway: a table-level conflict is annotated at the table's CREATE line, not at head's DROP COLUMN"
run check --base main --head pr/tune --path db/migration --format github
expect_rc 1
expect_stdout '^::error file=db/migration/V1__init\.sql,line=1(,col=[0-9]+)?,title=schemerge both-modified::.*public\.orders' \
  "the table's conflict is not annotated at V1__init.sql:1 (create table orders)"
expect_no_stdout '^::error file=db/migration/V3__drop_legacy\.sql,.*title=schemerge both-modified' \
  "the table's conflict is annotated at head's DROP COLUMN (the column's change, not the table's)"
expect_stdout '^::warning file=db/migration/V3__drop_legacy\.sql,line=2(,col=[0-9]+)?,title=schemerge data-loss::.*legacy' \
  "the dropped column's hazard is not at V3__drop_legacy.sql:2"
run check --base main --head pr/tune --path db/migration --format sarif
expect_rc 1
expect_true "SARIF: the both-modified result is not at db/migration/V1__init.sql line 1 only" jq -e \
  'any(.runs[0].results[]; .ruleId == "both-modified")
   and all(.runs[0].results[] | select(.ruleId == "both-modified");
           all(.locations[]; .physicalLocation.artifactLocation.uri == "db/migration/V1__init.sql"
                             and .physicalLocation.region.startLine == 1))' "$T/out" >/dev/null
cd "$R"

# --- pg_dump style: the column's default set by a later ALTER TABLE ONLY … SET DEFAULT -----
G="$T/pgdump"
git -c init.defaultBranch=main init -q "$G"
mkdir -p "$G/db"
cat >"$G/$P" <<'SQL'
SET statement_timeout = 0;

CREATE TABLE public.items (
    id integer NOT NULL,
    name text
);

CREATE SEQUENCE public.items_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id;

ALTER TABLE ONLY public.items ALTER COLUMN id SET DEFAULT nextval('public.items_id_seq'::regclass);

ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);
SQL
commit_all "$G" "items"
git -C "$G" branch pr/numeric-id
sed -i 's/^    id integer NOT NULL,$/    id bigint NOT NULL,/' "$G/$P"
commit_all "$G" "main: bigint id"
git -C "$G" checkout -q pr/numeric-id
sed -i 's/^    id integer NOT NULL,$/    id numeric NOT NULL,/' "$G/$P"
commit_all "$G" "pr: numeric id"
git -C "$G" checkout -q main
cd "$G"
id_line="$(git -C "$G" show "pr/numeric-id:$P" | grep -n '^    id numeric' | cut -d: -f1)"
default_line="$(git -C "$G" show "pr/numeric-id:$P" | grep -n 'SET DEFAULT nextval' | cut -d: -f1)"

case_ "pg_dump style (ALTER TABLE ONLY … SET DEFAULT): a column conflict is at the column's line ($id_line)"
run check --base main --head pr/numeric-id --path "$P" --format github
expect_rc 1
expect_stdout "^::error file=$P,line=$id_line(,col=5)?,title=schemerge both-modified::.*public\\.items\\.id" \
  "the conflict on items.id is not at its line inside CREATE TABLE"
expect_no_stdout "^::error file=[^,]*,line=$default_line," "annotated at the ALTER TABLE ONLY … SET DEFAULT line ($default_line)"
run check --base main --head pr/numeric-id --path "$P" --format sarif
expect_rc 1
expect_true "SARIF: the conflict on items.id is not at line $id_line" jq -e --argjson l "$id_line" \
  'any(.runs[0].results[]; .ruleId == "both-modified" and (.message.text | test("public\\.items\\.id"))
       and all(.locations[]; .physicalLocation.region.startLine == $l))' "$T/out" >/dev/null
cd "$R"

case_ "the repository is unchanged"
repo_state "$R" "$T/state_after"
expect_same_file "$T/state_before" "$T/state_after" "the repository changed"

# Last: these checkouts change the reflog and the index themselves.
case_ "--head defaults to HEAD"
git checkout -q conflict
run check --base main --path "$P"
expect_rc 1
git checkout -q add-table
run check --base main --path "$P"
expect_rc 0
git checkout -q main

finish
