#!/usr/bin/env bash
# A directory of .sql files is applied in sorted order, like a migration directory.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mkdir -p "$T/migrations"
printf 'create table users (id bigint primary key);\n' >"$T/migrations/001_users.sql"
printf 'alter table users add column email text not null;\n' >"$T/migrations/002_email.sql"
printf 'create unique index users_email_key on users (email);\n' >"$T/migrations/003_index.sql"
printf 'not sql at all, and not read\n' >"$T/migrations/notes.txt"
cat >"$T/combined.sql" <<'SQL'
create table users (id bigint primary key, email text not null);
create unique index users_email_key on users (email);
SQL

case_ "directory: applied in sorted order, other files ignored"
run dump "$T/migrations" -o "$T/dir.sql"
expect_rc 0
run dump "$T/combined.sql" -o "$T/combined_out.sql"
expect_rc 0
expect_same_file "$T/combined_out.sql" "$T/dir.sql" "directory replay differs from the combined file"

case_ "directory: order matters (ALTER before CREATE fails)"
mkdir -p "$T/wrong"
printf 'alter table users add column email text;\n' >"$T/wrong/001_alter.sql"
printf 'create table users (id bigint primary key);\n' >"$T/wrong/002_create.sql"
run dump "$T/wrong"
expect_rc 2
expect_stderr "^$T/wrong/001_alter.sql:1:[0-9]+: error: "

finish
