#!/usr/bin/env bash
# -o FILE: written on success (same bytes as stdout), never created or truncated on error.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

example="$REPO/examples/shop/schema.sql"
printf 'create table a (id int);\ncreate tabel b (id int);\n' >"$T/bad.sql"

case_ "success: -o writes the same bytes as stdout, stdout stays empty"
run dump "$example"
expect_rc 0
cp "$T/out" "$T/stdout.sql"
run dump "$example" -o "$T/out.sql"
expect_rc 0
expect_stdout_empty
expect_same_file "$T/stdout.sql" "$T/out.sql" "-o output differs from stdout"

case_ "success: -o replaces an existing file"
echo "old content" >"$T/existing.sql"
run dump "$example" -o "$T/existing.sql"
expect_rc 0
expect_same_file "$T/stdout.sql" "$T/existing.sql"

case_ "error: -o target is not created"
run dump "$T/bad.sql" -o "$T/never.sql"
expect_rc 2
expect_true "-o target was created on error" test ! -e "$T/never.sql"
expect_true "no stray temporary file left beside the target" \
  bash -c "[[ -z \"\$(ls -A '$T' | grep -v -E '^(bad\.sql|out|err|stdout\.sql|out\.sql|existing\.sql)$')\" ]]"

case_ "error: an existing -o target is not truncated"
printf 'precious\n' >"$T/keep.sql"
run dump "$T/bad.sql" -o "$T/keep.sql"
expect_rc 2
expect_true "existing -o target was modified on error" grep -qx precious "$T/keep.sql"

case_ "error: missing input with -o leaves the target alone"
printf 'precious\n' >"$T/keep2.sql"
run dump "$T/missing.sql" -o "$T/keep2.sql"
expect_rc 2
expect_true "existing -o target was modified on error" grep -qx precious "$T/keep2.sql"

# A rename-into-place writer must not replace what is not a regular file: run as root,
# `-o /dev/null` would otherwise turn /dev/null into a regular file for the whole
# machine (it happened). Checked here with a FIFO and a symlink, which are harmless.
case_ "success: -o onto a FIFO writes through it and leaves the FIFO in place"
mkfifo "$T/pipe"
timeout 30 cat "$T/pipe" >"$T/piped.sql" &
reader=$!
run dump "$example" -o "$T/pipe"
expect_rc 0
expect_true "-o replaced the FIFO with another file" test -p "$T/pipe"
if ! test -p "$T/pipe"; then
  kill "$reader" 2>/dev/null || true
fi
wait "$reader" 2>/dev/null || true
expect_same_file "$T/stdout.sql" "$T/piped.sql" "FIFO reader did not get the dump"

case_ "success: -o onto a symlink writes the link's target and keeps the link"
: >"$T/target.sql"
ln -s target.sql "$T/link.sql"
run dump "$example" -o "$T/link.sql"
expect_rc 0
expect_true "-o replaced the symlink" test -L "$T/link.sql"
expect_same_file "$T/stdout.sql" "$T/target.sql" "symlink target does not hold the dump"

case_ "error: -o into a directory that does not exist"
run dump "$example" -o "$T/no/such/dir/out.sql"
expect_rc 2
expect_stderr 'no/such/dir' "names the path"

finish
