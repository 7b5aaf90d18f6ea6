#!/usr/bin/env bash
# Comparable forms of `pg_dump --schema-only` output, for tests that prove a migration
# plan on a real server (tests/golden/run_golden.sh, tests/engine/corpus_pairs.sh).
# Source this file; it defines:
#
#   normalize_dump          stdin: pg_dump output; stdout: one statement per record,
#                           sorted (comments, SET lines, \restrict lines and blank lines
#                           dropped; the body lines of each CREATE TABLE sorted, so column
#                           order is ignored). Same rules as corpus_roundtrip.sh, plus:
#                           a table's `WITH (...)` storage parameters are sorted (the
#                           server keeps them in the order they were given; they are a set).
#   drop_sequence_as_integer
#                           stdin/stdout: removes pg_dump's `    AS integer` line of
#                           CREATE SEQUENCE statements. A pre-10 pg_dump never wrote a
#                           sequence type (such files create bigint sequences), a later
#                           one writes `AS integer` for serial columns: pg_dump version
#                           noise that the diff is expected to ignore. Only for comparing
#                           pairs that differ in that noise, never on its own.
#   dump_normalized DB [noise]
#                           pg_dump DB (PG_BIN, PGHOST, PGUSER from the environment) and
#                           normalize; with `noise`, also drop_sequence_as_integer.

normalize_dump() {
  LC_ALL=C awk '
    /^--/ { next }
    /^SET / { next }
    /^SELECT pg_catalog\.set_config/ { next }
    /^\\(un)?restrict / { next }
    /^[[:space:]]*$/ { next }
    # Storage parameters are a set (PostgreSQL keeps them in the order given): sort them.
    /^WITH \(.*\)(;)?$/ {
      end = ($0 ~ /;$/) ? ";" : ""
      inner = $0; sub(/^WITH \(/, "", inner); sub(/\);?$/, "", inner)
      n = split(inner, opt, ", ")
      for (i = 2; i <= n; i++) { v = opt[i]; j = i - 1
        while (j >= 1 && opt[j] > v) { opt[j + 1] = opt[j]; j-- }
        opt[j + 1] = v }
      line = "WITH ("
      for (i = 1; i <= n; i++) { line = line (i > 1 ? ", " : "") opt[i] }
      $0 = line ")" end
    }
    {
      if (in_table) {
        if ($0 ~ /^\)/) {
          # Column order is ignored: sort the body lines (without their trailing commas).
          n = 0
          for (i = 1; i <= nbody; i++) { line = body[i]; sub(/,$/, "", line); sorted[++n] = line }
          for (i = 2; i <= n; i++) { v = sorted[i]; j = i - 1
            while (j >= 1 && sorted[j] > v) { sorted[j + 1] = sorted[j]; j-- }
            sorted[j + 1] = v }
          for (i = 1; i <= n; i++) { emit(sorted[i] (i < n ? "," : "")) }
          in_table = 0; nbody = 0
          emit($0)
          next
        }
        body[++nbody] = $0
        next
      }
      if ($0 ~ /^CREATE (UNLOGGED |FOREIGN )?TABLE .*\($/) { in_table = 1; nbody = 0 }
      emit($0)
    }
    function emit(line) {
      stmt = (stmt == "" ? line : stmt "\001" line)
      if (line ~ /;$/ && !in_table) { print stmt; stmt = "" }
    }
    END { if (stmt != "") { print stmt } }
  ' | LC_ALL=C sort | tr '\001' '\n'
}

drop_sequence_as_integer() {
  LC_ALL=C awk '
    /^CREATE SEQUENCE / { in_seq = 1 }
    in_seq && /^    AS integer$/ { next }
    { print }
    /;$/ { in_seq = 0 }
  '
}

dump_normalized() {
  local db="$1" mode="${2:-}"
  if [[ "$mode" == noise ]]; then
    "$PG_BIN/pg_dump" --schema-only --no-owner --no-privileges -d "$db" | drop_sequence_as_integer | normalize_dump
  else
    "$PG_BIN/pg_dump" --schema-only --no-owner --no-privileges -d "$db" | normalize_dump
  fi
}
