#!/usr/bin/env bash
# Huge pages (cli/huge_pages.cpp): schemerge runs itself again with
# GLIBC_TUNABLES=glibc.malloc.hugetlb=1 when the kernel's transparent huge pages are in
# madvise mode, and gives the programs it starts the caller's environment back.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

printf 'create table a (id int primary key);\n' >"$T/from.sql"
printf 'create table a (id int primary key, b text);\n' >"$T/to.sql"

# `verify` asks `pg_config --bindir` (a shell child) where the server programs are: a fake
# pg_config and initdb record the environment they were started with, and initdb fails.
mkdir -p "$T/fakebin"
cat >"$T/fakebin/pg_config" <<FAKE
#!/bin/sh
echo "pg_config GLIBC_TUNABLES=\${GLIBC_TUNABLES-<unset>} SAVED=\${SCHEMERGE_SAVED_GLIBC_TUNABLES-<unset>}" >>"$T/seen"
echo "$T/fakebin"
FAKE
cat >"$T/fakebin/initdb" <<FAKE
#!/bin/sh
echo "initdb GLIBC_TUNABLES=\${GLIBC_TUNABLES-<unset>} SAVED=\${SCHEMERGE_SAVED_GLIBC_TUNABLES-<unset>}" >>"$T/seen"
exit 1
FAKE
cp "$T/fakebin/initdb" "$T/fakebin/pg_ctl"
cp "$T/fakebin/initdb" "$T/fakebin/postgres"
chmod +x "$T/fakebin/"*

case_ "children see GLIBC_TUNABLES unset when the caller had it unset"
rm -f "$T/seen"
env -u GLIBC_TUNABLES PATH="$T/fakebin:$PATH" bash -c "\"$SCHEMERGE\" verify \"$T/from.sql\" \"$T/to.sql\" >\"$T/out\" 2>\"$T/err\"" || true
expect_true "the fake pg_config ran (verify reached it)" test -s "$T/seen"
expect_true "a child saw a GLIBC_TUNABLES or the saved copy: $(cat "$T/seen" 2>/dev/null)" \
  bash -c "! grep -v 'GLIBC_TUNABLES=<unset> SAVED=<unset>' '$T/seen'"

case_ "children see the caller's own GLIBC_TUNABLES, unchanged"
rm -f "$T/seen"
GLIBC_TUNABLES=glibc.malloc.arena_max=2 PATH="$T/fakebin:$PATH" bash -c "\"$SCHEMERGE\" verify \"$T/from.sql\" \"$T/to.sql\" >\"$T/out\" 2>\"$T/err\"" || true
expect_true "the fake pg_config ran" test -s "$T/seen"
expect_true "a child saw another environment: $(cat "$T/seen" 2>/dev/null)" \
  bash -c "! grep -v 'GLIBC_TUNABLES=glibc.malloc.arena_max=2 SAVED=<unset>' '$T/seen'"

case_ "the output does not depend on it"
run dump "$REPO/examples/shop/schema.sql"
expect_rc 0
cp "$T/out" "$T/with.sql"
SCHEMERGE_NO_HUGE_PAGES=1 run dump "$REPO/examples/shop/schema.sql"
expect_rc 0
expect_same_file "$T/with.sql" "$T/out" "dump differs with SCHEMERGE_NO_HUGE_PAGES=1"

# The effect itself: far fewer page faults on a schema of 10,000 small tables (counted,
# not timed). Only where the kernel is in madvise mode, which is when schemerge acts.
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  case_ "huge pages in madvise mode: a large dump takes far fewer page faults"
  for ((i = 0; i < 10000; i++)); do
    printf 'create table t%d (id bigint primary key, name text not null, note varchar(200), n integer default 0 check (n >= 0));\ncreate index t%d_name on t%d (name);\n' "$i" "$i" "$i"
  done >"$T/big.sql"
  faults() {
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt)' "$@"
  }
  with="$(faults "$SCHEMERGE" dump "$T/big.sql")"
  without="$(SCHEMERGE_NO_HUGE_PAGES=1 faults "$SCHEMERGE" dump "$T/big.sql")"
  expect_true "page faults with huge pages ($with) not under half of those without ($without)" \
    test "$((with * 2))" -lt "$without"
else
  echo "huge_pages: transparent huge pages are not in madvise mode here: the page-fault check is not run" >&2
fi

finish
