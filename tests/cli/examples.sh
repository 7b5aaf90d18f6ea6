#!/usr/bin/env bash
# The bundled examples: pg_dump style and hand-written spellings of one schema dump to
# the same canonical script (and JSON), with no warnings.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dumped="$REPO/examples/shop/schema.sql"
handwritten="$REPO/examples/shop-handwritten/schema.sql"

for fmt in sql json; do
  case_ "examples: pg_dump style ($fmt)"
  run dump "$dumped" --format "$fmt" -o "$T/dumped.$fmt"
  expect_rc 0
  expect_no_stderr 'warning|error'
  case_ "examples: hand-written ($fmt)"
  run dump "$handwritten" --format "$fmt" -o "$T/handwritten.$fmt"
  expect_rc 0
  expect_no_stderr 'warning|error'
  case_ "examples: both spellings give the same $fmt"
  expect_same_file "$T/dumped.$fmt" "$T/handwritten.$fmt" "the two example schemas dump differently"
done

case_ "examples: every object of the schema is in the output"
for name in reporting order_status customers products orders order_items \
  orders_customer_id_idx touch_updated_at orders_touch_updated_at order_totals \
  customers_id_seq; do
  expect_true "output lacks $name" grep -q "$name" "$T/dumped.sql"
done

case_ "examples: a directory holding the file dumps like the file"
run dump "$REPO/examples/shop"
expect_rc 0
expect_same_file "$T/dumped.sql" "$T/out" "directory and file dump differ"

case_ "examples: diff shop -> shop-v2 renames the annotated column and adds the enum value"
run diff "$REPO/examples/shop/schema.sql" "$REPO/examples/shop-v2/schema.sql"
expect_rc 0
expect_true "renames email to login" grep -q 'RENAME COLUMN email TO login' "$T/out"
expect_true "adds the enum value before the transaction" grep -q "ADD VALUE 'refunded' AFTER 'shipped'" "$T/out"
expect_true "no ignored rename hint" bash -c "! grep -q 'ignored' '$T/err'"

finish
