#!/usr/bin/env bash
# `schemerge diff FROM TO`: exit codes, the three report formats, --rename, -o.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cat >"$T/from.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), legacy text);
SQL
cat >"$T/to.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), note text);
create index orders_customer_idx on orders (customer_id);
SQL
# Same tables in another order and spelling: the same schema.
cat >"$T/from_respelled.sql" <<'SQL'
CREATE TABLE customers (id integer NOT NULL PRIMARY KEY, name text NOT NULL);
CREATE TABLE Orders (ID integer PRIMARY KEY, customer_id INT4 REFERENCES customers, legacy TEXT);
SQL
printf 'create table a (id int primary key, name text);\n' >"$T/rename_from.sql"
printf 'create table b (id int primary key, name text);\n' >"$T/rename_to.sql"
printf 'create table t (id int);\ncreate tabel u (id int);\n' >"$T/bad.sql"

# sql_has ERE: a statement line of the script on stdout (not a comment) matches.
sql_has() { grep -v -E '^[[:space:]]*--' "$T/out" | grep -Eiq -- "$1"; }

case_ "identical schemas: an empty plan that says so, exit 0"
run diff "$T/from.sql" "$T/from_respelled.sql"
expect_rc 0
expect_true "stdout does not say the schemas are identical" grep -qi 'identical' "$T/out"
expect_true "an identical pair produced statements" bash -c "! grep -Eiq '^(ALTER|CREATE|DROP|BEGIN)' '$T/out'"

case_ "a small change: the expected statements, exit 0 (differences are not an error)"
run diff "$T/from.sql" "$T/to.sql"
expect_rc 0
expect_true "no ADD COLUMN note" sql_has 'ADD COLUMN .*note'
expect_true "no DROP COLUMN legacy" sql_has 'DROP COLUMN .*legacy'
expect_true "no CREATE INDEX orders_customer_idx" sql_has 'CREATE INDEX .*orders_customer_idx'
expect_true "statements outside BEGIN/COMMIT" sql_has '^BEGIN;'
expect_true "statements outside BEGIN/COMMIT" sql_has '^COMMIT;' 
expect_true "the data-loss hazard is not named in the script" grep -q 'data-loss' "$T/out"
cp "$T/out" "$T/plan.sql"

case_ "--format json: valid, with the documented keys"
run diff "$T/from.sql" "$T/to.sql" --format json
expect_rc 0
expect_true "not valid JSON" jq -e . "$T/out" >/dev/null
expect_true "missing top-level keys" jq -e \
  '(.changes|type) == "array" and (.steps|type) == "array" and (.notes|type) == "array" and (.suggestions|type) == "array"' \
  "$T/out" >/dev/null
expect_true "changes lack kind/object/detail" jq -e \
  '.changes | length > 0 and all(has("kind") and has("object") and has("detail"))' "$T/out" >/dev/null
expect_true "no add_column change for public.orders.note" jq -e \
  'any(.changes[]; .kind == "add_column" and .object == "public.orders.note")' "$T/out" >/dev/null
expect_true "steps lack sql/change/hazards/transactional" jq -e \
  '.steps | length > 0 and all(has("sql") and has("change") and (.hazards|type) == "array" and (.transactional|type) == "boolean")' \
  "$T/out" >/dev/null
expect_true "no data-loss hazard with a message on a step" jq -e \
  'any(.steps[].hazards[]; .id == "data-loss" and (.message|length) > 0)' "$T/out" >/dev/null

case_ "--format json on identical schemas: empty arrays"
run diff "$T/from.sql" "$T/from_respelled.sql" --format json
expect_rc 0
expect_true "identical schemas gave changes or steps" jq -e '(.changes|length) == 0 and (.steps|length) == 0' \
  "$T/out" >/dev/null

case_ "--format markdown: counts, hazards highlighted, changes grouped, SQL fenced"
run diff "$T/from.sql" "$T/to.sql" --format markdown
expect_rc 0
expect_true "no title" grep -q '^## schemerge' "$T/out"
expect_true "no highlighted data-loss hazard" grep -q '⚠️ \*\*data-loss\*\*' "$T/out"
expect_true "no group for table public.orders" grep -q '^- \*\*table public.orders\*\*' "$T/out"
expect_true "no fenced sql block" grep -qx '```sql' "$T/out"
expect_true "the fenced block does not hold the script" bash -c \
  "sed -n '/^\`\`\`sql\$/,/^\`\`\`\$/p' '$T/out' | grep -Eiq 'ADD COLUMN .*note'"

case_ "--format markdown on identical schemas"
run diff "$T/from.sql" "$T/from_respelled.sql" --format markdown
expect_rc 0
expect_true "does not say there are no changes" grep -qi 'identical' "$T/out"
expect_true "no fenced sql block" grep -qx '```sql' "$T/out"

case_ "a likely rename is suggested on stderr, not applied"
run diff "$T/rename_from.sql" "$T/rename_to.sql"
expect_rc 0
expect_stderr '^note: public\.a looks renamed to public\.b .*--rename table:public\.a=b' "rename suggestion"
expect_true "the suggested rename was applied" bash -c "! grep -v -E '^[[:space:]]*--' '$T/out' | grep -Eiq 'RENAME TO'"
run diff "$T/rename_from.sql" "$T/rename_to.sql" --format json
expect_true "json lacks the suggestion" jq -e \
  'any(.suggestions[]; .kind == "table" and .from == "public.a" and .to == "public.b" and (.reason|type) == "string")' \
  "$T/out" >/dev/null
run diff "$T/rename_from.sql" "$T/rename_to.sql" --format markdown
expect_true "markdown lacks the suggestion" grep -q -- '--rename table:public.a=b' "$T/out"

case_ "--rename applies an explicit rename"
for value in table:public.a=b table:a=b 'table:"a"=B'; do
  run diff "$T/rename_from.sql" "$T/rename_to.sql" --rename "$value"
  expect_rc 0
  expect_true "--rename $value: no RENAME TO b" sql_has 'ALTER TABLE .*a.* RENAME TO "?b"?'
  expect_true "--rename $value: table dropped anyway" bash -c "! grep -v -E '^[[:space:]]*--' '$T/out' | grep -Eiq 'DROP TABLE'"
  expect_no_stderr 'looks renamed'
done

case_ "--rename: malformed values are usage errors naming the value"
for value in 'table' 'table:a' 'widget:a=b' 'column:a=b' 'column:s.t.c.d=e' 'table:s.a=s.b' 'table:=b' 'table:a=' \
  'index:a..b=c'; do
  run diff "$T/rename_from.sql" "$T/rename_to.sql" --rename "$value"
  expect_rc 2
  expect_stderr "invalid --rename '$(printf '%s' "$value" | sed 's/[.[\*^$]/\\&/g')'" "names $value"
  expect_stdout_empty
done

case_ "bad input: located errors, exit 2"
run diff "$T/bad.sql" "$T/to.sql"
expect_rc 2
expect_stderr 'bad\.sql:2:8: error: syntax error' "file:line:col"
expect_stdout_empty
run diff "$T/from.sql" "$T/bad.sql"
expect_rc 2
expect_stderr 'bad\.sql:2:8: error'
run diff "$T/from.sql" "$T/missing.sql"
expect_rc 2
expect_stderr 'missing\.sql'

case_ "usage errors: exit 2"
run diff "$T/from.sql"
expect_rc 2
run diff "$T/from.sql" "$T/to.sql" --format yaml
expect_rc 2

case_ "-o FILE: same bytes as stdout, nothing on stdout; untouched on error"
run diff "$T/from.sql" "$T/to.sql" -o "$T/written.sql"
expect_rc 0
expect_stdout_empty
expect_same_file "$T/plan.sql" "$T/written.sql" "-o output differs from stdout"
printf 'precious\n' >"$T/keep.sql"
run diff "$T/bad.sql" "$T/to.sql" -o "$T/keep.sql"
expect_rc 2
expect_true "existing -o target was modified on error" grep -qx precious "$T/keep.sql"
run diff "$T/from.sql" "$T/to.sql" --rename nonsense -o "$T/never.sql"
expect_rc 2
expect_true "-o target was created on a usage error" test ! -e "$T/never.sql"

finish
