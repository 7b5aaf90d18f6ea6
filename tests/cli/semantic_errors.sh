#!/usr/bin/env bash
# Statements that parse but cannot apply: exit 2 with located errors.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case_ "ALTER TABLE of a table that does not exist"
printf 'create table a (id int);\nalter table missing add column x int;\n' >"$T/alter_missing.sql"
run dump "$T/alter_missing.sql"
expect_rc 2
expect_stderr "^$T/alter_missing.sql:2:[0-9]+: error: .*missing" "located, names the table"

case_ "duplicate CREATE TABLE names both locations"
printf 'create table t (a int);\n\ncreate table t (b int);\n' >"$T/dup.sql"
run dump "$T/dup.sql"
expect_rc 2
expect_stderr "^$T/dup.sql:3:[0-9]+: error: " "error at the second definition"
expect_stderr "dup\.sql:1:[0-9]+" "mentions the first definition"

case_ "duplicate across two files of a directory names both files"
mkdir -p "$T/d"
printf 'create table t (a int);\n' >"$T/d/001.sql"
printf '\ncreate table t (b int);\n' >"$T/d/002.sql"
run dump "$T/d"
expect_rc 2
expect_stderr "^$T/d/002.sql:2:[0-9]+: error: "
expect_stderr "001\.sql:1:[0-9]+" "mentions the first definition"

case_ "ADD COLUMN that already exists"
printf 'create table t (a int);\nalter table t add column a text;\n' >"$T/dupcol.sql"
run dump "$T/dupcol.sql"
expect_rc 2
expect_stderr "^$T/dupcol.sql:2:[0-9]+: error: "

case_ "IF NOT EXISTS on an existing table is not an error"
printf 'create table t (a int);\ncreate table if not exists t (b int);\n' >"$T/ine.sql"
run dump "$T/ine.sql"
expect_rc 0

finish
