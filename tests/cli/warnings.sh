#!/usr/bin/env bash
# Unsupported statements are never dropped silently: a located warning, or with --strict
# a located error (exit 2). Statements without schema effect are skipped quietly.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# CREATE CONVERSION: valid PostgreSQL that a schema-diff tool has no reason to model.
cat >"$T/unsupported.sql" <<'SQL'
create table a (id int primary key);

create conversion my_conv for 'LATIN1' to 'UTF8' from iso8859_1_to_utf8;
create table b (id int);
SQL

case_ "unsupported statement: warning with file:line:col, exit 0"
run dump "$T/unsupported.sql"
expect_rc 0
expect_stderr "^$T/unsupported.sql:3:1: warning: " "warning located at 3:1"
expect_true "the rest of the schema is still dumped" grep -qi 'create table.*\bb\b' "$T/out"

case_ "unsupported statement with --strict: error, exit 2"
run dump "$T/unsupported.sql" --strict
expect_rc 2
expect_stderr "^$T/unsupported.sql:3:1: error: "

case_ "--strict with -o: the target is not created"
run dump "$T/unsupported.sql" --strict -o "$T/strict_out.sql"
expect_rc 2
expect_true "-o target was created on error" test ! -e "$T/strict_out.sql"

case_ "no-schema-effect statements (SET, set_config, data INSERT) do not warn"
cat >"$T/quiet.sql" <<'SQL'
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.schema_migrations (version character varying NOT NULL);
INSERT INTO "schema_migrations" (version) VALUES ('20240101000000'), ('20240102000000');
SQL
run dump "$T/quiet.sql" --strict
expect_rc 0
expect_no_stderr 'warning|error'

finish
