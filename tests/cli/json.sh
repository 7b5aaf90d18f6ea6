#!/usr/bin/env bash
# --format json prints valid JSON (checked with jq, else python3, else skipped loudly).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

validator=()
if command -v jq >/dev/null 2>&1; then
  validator=(jq -e .)
elif command -v python3 >/dev/null 2>&1; then
  validator=(python3 -m json.tool)
else
  echo "NOTE: neither jq nor python3 installed: JSON validity not checked (scripts/setup.sh installs jq)" >&2
fi

is_json() {
  if ((${#validator[@]} == 0)); then
    return 0
  fi
  "${validator[@]}" <"$1" >/dev/null
}

printf '' >"$T/empty.sql"
for f in "$REPO/examples/shop/schema.sql" "$REPO/examples/shop-handwritten/schema.sql" "$T/empty.sql"; do
  case_ "json: ${f#"$REPO"/}"
  run dump "$f" --format json
  expect_rc 0
  cp "$T/out" "$T/stdout.json"
  expect_true "stdout is not valid JSON" is_json "$T/stdout.json"
  run dump "$f" --format json -o "$T/file.json"
  expect_rc 0
  expect_true "-o file is not valid JSON" is_json "$T/file.json"
  expect_same_file "$T/stdout.json" "$T/file.json"
done

if command -v jq >/dev/null 2>&1; then
  case_ "json: the example's tables are there"
  run dump "$REPO/examples/shop/schema.sql" --format json
  for name in customers products orders order_items; do
    expect_true "JSON lacks table $name" grep -Eq "\"(public\\.)?$name\"" "$T/out"
  done
fi

finish
