#!/usr/bin/env bash
# MySQL golden plans: for each tests/golden/mysql/NAME, the migration from old.sql to
# new.sql must be byte-identical to NAME/plan.sql (what tests/engine/mysql/golden_cases.sh
# proves on MariaDB), its --online migration (ALGORITHM=INSTANT / INPLACE) to
# NAME/online.sql, and the canonical dump of new.sql to NAME/dump.sql.
#   run_mysql_golden.sh PLAN_TOOL SOURCE_DIR [--update]
# --update rewrites the expected files from the current output.
set -euo pipefail
tool=$1
src=$2
update=${3:-}
failed=0
passed=0
for dir in "$src"/tests/golden/mysql/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  [[ -f $dir/old.sql && -f $dir/new.sql ]] || continue
  actual_plan=$("$tool" plan "$dir/old.sql" "$dir/new.sql") || { echo "FAIL $name: no plan"; failed=$((failed + 1)); continue; }
  actual_online=$("$tool" online "$dir/old.sql" "$dir/new.sql") || { echo "FAIL $name: no online plan"; failed=$((failed + 1)); continue; }
  actual_dump=$("$tool" dump "$dir/new.sql") || { echo "FAIL $name: no dump"; failed=$((failed + 1)); continue; }
  if [[ $update == --update ]]; then
    printf '%s\n' "$actual_plan" >"$dir/plan.sql"
    printf '%s\n' "$actual_online" >"$dir/online.sql"
    printf '%s\n' "$actual_dump" >"$dir/dump.sql"
  fi
  ok=1
  if ! diff -u "$dir/plan.sql" <(printf '%s\n' "$actual_plan"); then
    echo "FAIL $name: the plan differs from plan.sql"
    ok=0
  fi
  if ! diff -u "$dir/online.sql" <(printf '%s\n' "$actual_online"); then
    echo "FAIL $name: the --online plan differs from online.sql"
    ok=0
  fi
  if ! diff -u "$dir/dump.sql" <(printf '%s\n' "$actual_dump"); then
    echo "FAIL $name: the dump differs from dump.sql"
    ok=0
  fi
  if ((ok)); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
((failed == 0 && passed > 0))
