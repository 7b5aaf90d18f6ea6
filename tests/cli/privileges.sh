#!/usr/bin/env bash
# Owners and privileges: planned when both sides carry them, left out by --no-privileges /
# --no-owners and [ignore] privileges / owners (diff, merge), bad GRANTs and bad keys.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cat >"$T/from.sql" <<'SQL'
create table t (a int, b int);
alter table t owner to admin;
grant select on t to app;
SQL
cat >"$T/to.sql" <<'SQL'
create table t (a int, b int);
alter table t owner to boss;
grant select, insert on t to app;
grant update (b) on t to support;
SQL
printf 'create table t (a int, b int);\n' >"$T/bare.sql"

# sql_has ERE: a statement line of the script on stdout (not a comment) matches.
sql_has() { grep -v -E '^[[:space:]]*--' "$T/out" | grep -Eq -- "$1"; }
sql_lacks() { ! sql_has "$1"; }

case_ "both sides carry them: GRANT and OWNER TO are planned"
run diff "$T/from.sql" "$T/to.sql"
expect_rc 0
expect_true "no GRANT INSERT" sql_has '^GRANT INSERT ON TABLE public\.t TO app;'
expect_true "no column GRANT" sql_has '^GRANT UPDATE \(b\) ON TABLE public\.t TO support;'
expect_true "no OWNER TO" sql_has '^ALTER TABLE public\.t OWNER TO boss;'

case_ "--format json names the change kinds"
run diff "$T/from.sql" "$T/to.sql" --format json
expect_rc 0
expect_true "no set_privileges / set_owner" jq -e \
  'any(.changes[]; .kind == "set_privileges") and any(.changes[]; .kind == "set_owner" and .detail == "boss")' \
  "$T/out" >/dev/null

case_ "--no-privileges / --no-owners: nothing planned"
run diff "$T/from.sql" "$T/to.sql" --no-privileges
expect_rc 0
expect_true "GRANT planned despite --no-privileges" sql_lacks '^(GRANT|REVOKE)'
expect_true "OWNER TO missing without --no-owners" sql_has 'OWNER TO boss'
run diff "$T/from.sql" "$T/to.sql" --no-privileges --no-owners
expect_rc 0
expect_true "statements planned" sql_lacks '^(GRANT|REVOKE|ALTER)'

case_ "[ignore] privileges / owners = true: as the flags"
printf '[ignore]\nprivileges = true\nowners = true\n' >"$T/ignore.toml"
run diff "$T/from.sql" "$T/to.sql" --config "$T/ignore.toml"
expect_rc 0
expect_true "statements planned despite [ignore]" sql_lacks '^(GRANT|REVOKE|ALTER)'

case_ "one side without any: not tracked, nothing planned"
run diff "$T/bare.sql" "$T/to.sql"
expect_rc 0
expect_true "privileges planned against an untracked side" sql_lacks '^(GRANT|REVOKE|ALTER)'

case_ "merge: both sides change one grantee differently: a conflict with both lines"
cp "$T/from.sql" "$T/base.sql"
{ cat "$T/from.sql"; echo 'grant insert on t to app;'; } >"$T/ours.sql"
{ cat "$T/from.sql"; echo 'revoke select on t from app;'; } >"$T/theirs.sql"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql"
expect_rc 1
expect_true "no both-modified privileges of app" grep -q 'privileges of app' "$T/out"
expect_true "ours' line not cited" grep -q 'ours.sql:4' "$T/out"
expect_true "theirs' line not cited" grep -q 'theirs.sql:4' "$T/out"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --no-privileges
expect_rc 0

case_ "a GRANT the object cannot take: a located error"
printf 'create table t (a int);\ngrant execute on table t to app;\n' >"$T/bad.sql"
run diff "$T/bad.sql" "$T/bad.sql"
expect_rc 2
expect_stderr 'bad\.sql:2:1: error: .*invalid privilege type EXECUTE for relation'

case_ "ALTER DEFAULT PRIVILEGES: planned, left out by --no-privileges, dumped, not verbatim"
{ cat "$T/from.sql"; echo 'alter default privileges in schema public grant select on tables to app;'; } >"$T/dp_from.sql"
{ cat "$T/from.sql"; echo 'alter default privileges in schema public grant all on tables to app;'; } >"$T/dp_to.sql"
run diff "$T/dp_from.sql" "$T/dp_to.sql"
expect_rc 0
expect_true "no ALTER DEFAULT PRIVILEGES planned" \
  sql_has '^ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLES TO app;'
run diff "$T/dp_from.sql" "$T/dp_to.sql" --no-privileges
expect_rc 0
expect_true "default privileges planned despite --no-privileges" sql_lacks 'DEFAULT PRIVILEGES'
run dump "$T/dp_to.sql"
expect_rc 0
expect_true "dump lost the default privileges" grep -q '^ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT' "$T/out"
expect_true "still reported as kept verbatim" bash -c "! grep -q AlterDefaultPrivilegesStmt '$T/err'"

case_ "ALTER DEFAULT PRIVILEGES with a privilege the objects cannot take: a located error"
printf 'create table t (a int);\nalter default privileges grant execute on tables to app;\n' >"$T/bad_dp.sql"
run diff "$T/bad_dp.sql" "$T/bad_dp.sql"
expect_rc 2
expect_stderr 'bad_dp\.sql:2:1: error: .*invalid privilege type EXECUTE for relation'

case_ "[ignore] privileges must be a boolean"
printf '[ignore]\nprivileges = "yes"\n' >"$T/badkey.toml"
run diff "$T/from.sql" "$T/to.sql" --config "$T/badkey.toml"
expect_rc 2
expect_stderr 'badkey\.toml:2:[0-9]+: error: .*privileges.*true or false'

finish
