#!/usr/bin/env bash
# `schemerge merge BASE OURS THEIRS`: exit codes, written files, --force, --prefer/--resolve,
# the four report formats (JSON and SARIF checked with jq), input and usage errors.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cat >"$T/base.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), total numeric);
create view big_orders as select id, total from orders where total > 10;
SQL
# Ours: a column on orders and an index.
cat >"$T/ours.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), total numeric,
                     note text);
create view big_orders as select id, total from orders where total > 10;
create index orders_customer_idx on orders (customer_id);
SQL
# Theirs: a column on customers and a new table.
cat >"$T/theirs.sql" <<'SQL'
create table customers (id int primary key, name text not null, email text);
create table orders (id int primary key, customer_id int references customers (id), total numeric);
create view big_orders as select id, total from orders where total > 10;
create table invoices (id int primary key, order_id int references orders (id));
SQL
# Conflict: both sides change the view's query differently (line 3 on each side).
cat >"$T/ours_c.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), total numeric);
create view big_orders as select id, total from orders where total > 500;
SQL
cat >"$T/theirs_c.sql" <<'SQL'
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer_id int references customers (id), total numeric);
create view big_orders as select id, total from orders where total > 777;
SQL
printf 'create table t (id int);\ncreate tabel u (id int);\n' >"$T/bad.sql"

# body_has FILE ERE: a line of FILE that is not a SQL comment matches (case-insensitive).
body_has() { grep -v -E '^[[:space:]]*--' "$1" | grep -Eiq -- "$2"; }

case_ "clean merge: exit 0, the three files written, both sides' changes merged"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --schema-out "$T/merged.sql" \
  --plan-ours "$T/plan_ours.sql" --plan-theirs "$T/plan_theirs.sql"
expect_rc 0
expect_true "the text report does not say 'merged cleanly'" grep -q 'merged cleanly' "$T/out"
expect_true "no 'Plan for ours → merged' section" grep -q 'Plan for ours → merged' "$T/out"
expect_true "no 'Plan for theirs → merged' section" grep -q 'Plan for theirs → merged' "$T/out"
expect_true "a clean merge reported a conflict" bash -c "! grep -q '^CONFLICT' '$T/out'"
for f in merged plan_ours plan_theirs; do
  expect_true "$f.sql not written" test -s "$T/$f.sql"
done
expect_true "merged schema lacks ours' column note" body_has "$T/merged.sql" '\bnote\b'
expect_true "merged schema lacks ours' index" body_has "$T/merged.sql" 'CREATE INDEX .*orders_customer_idx'
expect_true "merged schema lacks theirs' column email" body_has "$T/merged.sql" '\bemail\b'
expect_true "merged schema lacks theirs' table invoices" body_has "$T/merged.sql" 'CREATE TABLE .*invoices'
expect_true "plan-ours does not create theirs' table" body_has "$T/plan_ours.sql" 'CREATE TABLE .*invoices'
expect_true "plan-ours does not add theirs' column" body_has "$T/plan_ours.sql" 'ADD COLUMN .*email'
expect_true "plan-ours redoes ours' index" bash -c "! grep -v '^ *--' '$T/plan_ours.sql' | grep -q orders_customer_idx"
expect_true "plan-theirs does not add ours' column" body_has "$T/plan_theirs.sql" 'ADD COLUMN .*note'
expect_true "plan-theirs does not create ours' index" body_has "$T/plan_theirs.sql" 'CREATE INDEX .*orders_customer_idx'
# The merged schema is dump's canonical form: dumping it again changes nothing.
run dump "$T/merged.sql" -o "$T/merged_again.sql"
expect_rc 0
expect_same_file "$T/merged.sql" "$T/merged_again.sql" "merged schema is not in canonical dump form"

case_ "a plan's hazards are listed under the side that needs the step"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql"
expect_rc 0
expect_true "theirs' plan lacks the blocking-index-build hazard" \
  bash -c "sed -n '/Plan for theirs/,\$p' '$T/out' | grep -q 'blocking-index-build'"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --online
expect_rc 0
expect_true "--online still builds the index blocking" \
  bash -c "! sed -n '/Plan for theirs/,\$p' '$T/out' | grep -q 'blocking-index-build'"

case_ "one side unchanged: the other side's schema, an empty plan for it"
run merge "$T/base.sql" "$T/base.sql" "$T/theirs.sql" --schema-out "$T/m2.sql"
expect_rc 0
run dump "$T/theirs.sql" -o "$T/theirs_dump.sql"
expect_same_file "$T/theirs_dump.sql" "$T/m2.sql" "merging with an unchanged side is not that side"

case_ "conflict: exit 1, the object and both lines named, no files written"
rm -f "$T/cm.sql" "$T/cpo.sql" "$T/cpt.sql"
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --schema-out "$T/cm.sql" \
  --plan-ours "$T/cpo.sql" --plan-theirs "$T/cpt.sql"
expect_rc 1
expect_true "no CONFLICT line naming public.big_orders" grep -Eq '^CONFLICT \([a-z-]+\) public\.big_orders' "$T/out"
expect_true "conflict does not show ours' file:line" grep -Eq 'ours: .*ours_c\.sql:3\)' "$T/out"
expect_true "conflict does not show theirs' file:line" grep -Eq 'theirs: .*theirs_c\.sql:3\)' "$T/out"
expect_true "no base: line" grep -Eq '^  base: ' "$T/out"
expect_true "no resolve: line" grep -Eq '^  resolve: ' "$T/out"
expect_true "conflicts are not listed before the plans" \
  bash -c "[[ \$(grep -n '^CONFLICT' '$T/out' | head -n1 | cut -d: -f1) -lt \$(grep -n '^Plan for ours' '$T/out' | cut -d: -f1) ]]"
for f in cm cpo cpt; do
  expect_true "$f.sql written despite the conflict" test ! -e "$T/$f.sql"
done
expect_stderr 'not written' "a note says the files were not written"
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --schema-out "$T/cm.sql" \
  --plan-ours "$T/cpo.sql" --plan-theirs "$T/cpt.sql" --force
expect_rc 1
for f in cm cpo cpt; do
  expect_true "$f.sql not written with --force" test -s "$T/$f.sql"
done

case_ "--prefer and --resolve make the merge clean"
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --prefer theirs --schema-out "$T/pt.sql"
expect_rc 0
expect_true "--prefer theirs did not take theirs' view" body_has "$T/pt.sql" '777'
expect_true "--prefer theirs kept ours' view" bash -c "! grep -q 500 '$T/pt.sql'"
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --prefer ours --schema-out "$T/po.sql"
expect_rc 0
expect_true "--prefer ours did not take ours' view" body_has "$T/po.sql" '500'
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --resolve public.big_orders=theirs --schema-out "$T/rt.sql"
expect_rc 0
expect_true "--resolve public.big_orders=theirs did not take theirs' view" body_has "$T/rt.sql" '777'
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --resolve public.other=theirs
expect_rc 1

case_ "--format json"
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --format json
expect_rc 1
expect_true "not valid JSON" jq -e . "$T/out" >/dev/null
expect_true "missing clean/conflicts/plans" jq -e \
  '.clean == false and (.conflicts|length) >= 1 and (.plans.ours.steps|type) == "array" and (.plans.theirs.steps|type) == "array"' \
  "$T/out" >/dev/null
expect_true "a conflict lacks its fields" jq -e \
  '.conflicts | all(has("kind") and has("object") and has("attribute") and has("base") and has("ours") and has("theirs") and has("explanation") and has("resolution"))' \
  "$T/out" >/dev/null
expect_true "the view conflict lacks both locations" jq -e \
  'any(.conflicts[]; .object == "public.big_orders" and (.ours.location.file|endswith("ours_c.sql")) and .ours.location.line == 3 and (.theirs.location.file|endswith("theirs_c.sql")) and .theirs.location.line == 3)' \
  "$T/out" >/dev/null
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --format json
expect_rc 0
expect_true "clean JSON report is wrong" jq -e \
  '.clean == true and .conflicts == [] and (.plans.ours.steps|length) > 0 and (.plans.theirs.steps|length) > 0' "$T/out" >/dev/null
expect_true "steps are not in diff's format" jq -e \
  '.plans.theirs.steps | all(has("sql") and has("change") and (.hazards|type) == "array" and (.transactional|type) == "boolean")' \
  "$T/out" >/dev/null

case_ "--format markdown"
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --format markdown
expect_rc 1
expect_true "no conflicts table" grep -q '^| Kind | Object |' "$T/out"
expect_true "table row lacks the object or both lines" \
  grep -Eq '^\| \*\*[a-z-]+\*\* \| `public\.big_orders`.*ours_c\.sql:3.*theirs_c\.sql:3' "$T/out"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --format markdown
expect_rc 0
expect_true "no clean verdict" grep -q 'Merged cleanly' "$T/out"
expect_true "no sql block" grep -q '^```sql' "$T/out"
expect_true "hazards not highlighted" grep -q '⚠️ \*\*blocking-index-build\*\*' "$T/out"

case_ "--format sarif: SARIF 2.1.0 with rules, results and locations"
cd "$T"
run merge base.sql ours_c.sql theirs_c.sql --format sarif -o "$T/report.sarif"
expect_rc 1
expect_stdout_empty
cp "$T/report.sarif" "$T/out"
expect_true "not valid JSON" jq -e . "$T/out" >/dev/null
expect_true "missing \$schema/version/runs" jq -e \
  '."$schema" == "https://json.schemastore.org/sarif-2.1.0.json" and .version == "2.1.0" and (.runs|length) == 1' "$T/out" >/dev/null
expect_true "driver lacks name/version/informationUri" jq -e \
  '.runs[0].tool.driver | .name == "schemerge" and .version == "0.1.0" and (.informationUri|type) == "string"' "$T/out" >/dev/null
expect_true "rules are not one per conflict kind and hazard id" jq -e \
  '[.runs[0].tool.driver.rules[].id] as $ids | all(("both-modified","modify-delete","add-add","dangling-reference","name-collision","constraint-invalidated","order-ambiguous","non-commuting","data-loss","blocking-index-build"); . as $id | $ids | index($id)) and (.runs[0].tool.driver.rules | all(.shortDescription.text | length > 0))' \
  "$T/out" >/dev/null
expect_true "no error result with both locations" jq -e \
  'any(.runs[0].results[]; .level == "error" and (.message.text|length) > 0 and ([.locations[].physicalLocation.artifactLocation.uri] == ["ours_c.sql","theirs_c.sql"]) and all(.locations[]; .physicalLocation.region.startLine == 3 and .physicalLocation.region.startColumn >= 1))' \
  "$T/out" >/dev/null
expect_true "a result's ruleId is not a rule" jq -e \
  '[.runs[0].tool.driver.rules[].id] as $ids | all(.runs[0].results[]; .ruleId as $r | $ids | index($r))' "$T/out" >/dev/null
run merge base.sql ours.sql theirs.sql --format sarif
expect_rc 0
expect_true "no warning result for a hazard, located in an input" jq -e \
  'any(.runs[0].results[]; .level == "warning" and .ruleId == "blocking-index-build" and .locations[0].physicalLocation.artifactLocation.uri == "ours.sql" and .locations[0].physicalLocation.region.startLine == 5)' \
  "$T/out" >/dev/null
expect_true "a clean merge gave an error result" jq -e 'all(.runs[0].results[]; .level != "error")' "$T/out" >/dev/null
cd - >/dev/null

case_ "-o REPORT: the report goes to the file"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" -o "$T/report.txt"
expect_rc 0
expect_stdout_empty
expect_true "report file lacks the verdict" grep -q 'merged cleanly' "$T/report.txt"

case_ "input errors: exit 2 with file:line:col, nothing written"
echo precious >"$T/keep.sql"
run merge "$T/base.sql" "$T/bad.sql" "$T/theirs.sql" --schema-out "$T/keep.sql"
expect_rc 2
expect_stderr 'bad\.sql:2:8: error' "file:line:col"
expect_stdout_empty
expect_true "--schema-out was modified on error" grep -qx precious "$T/keep.sql"
run merge "$T/bad.sql" "$T/ours.sql" "$T/theirs.sql"
expect_rc 2
expect_stderr 'bad\.sql:2:8: error'
run merge "$T/base.sql" "$T/ours.sql" "$T/missing.sql"
expect_rc 2
expect_stderr 'missing\.sql'

case_ "usage errors: exit 2"
run merge "$T/base.sql" "$T/ours.sql"
expect_rc 2
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --prefer mine
expect_rc 2
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --resolve public.orders=mine
expect_rc 2
expect_stderr "ours.*theirs" "the message says what the side may be"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --resolve public.orders
expect_rc 2
expect_stderr 'OBJECT=ours\|theirs'
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --resolve =ours
expect_rc 2
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --format yaml
expect_rc 2

case_ "--rename-ours: a rename on one side merges with a change on the other; the other side's plan renames"
printf 'CREATE TABLE a (id int PRIMARY KEY, mail text);\n' >"$T/rn_base.sql"
printf 'CREATE TABLE a (id int PRIMARY KEY, email text);\n' >"$T/rn_ours.sql"
printf 'CREATE TABLE a (id int PRIMARY KEY, mail text, note text);\n' >"$T/rn_theirs.sql"
run merge "$T/rn_base.sql" "$T/rn_ours.sql" "$T/rn_theirs.sql" --rename-ours column:public.a.mail=email \
  --schema-out "$T/rn_merged.sql" --plan-theirs "$T/rn_pt.sql"
expect_rc 0
expect_true "merged has email and note" grep -q 'email text' "$T/rn_merged.sql"
expect_true "merged has note" grep -q 'note text' "$T/rn_merged.sql"
expect_true "merged has no mail" bash -c "! grep -qE '^ +mail text' '$T/rn_merged.sql'"
expect_true "theirs' plan renames" grep -q 'RENAME COLUMN mail TO email' "$T/rn_pt.sql"
run merge "$T/rn_base.sql" "$T/rn_ours.sql" "$T/rn_theirs.sql" --rename-theirs bogus
expect_rc 2

finish
