#!/usr/bin/env bash
# `schemerge verify --dialect mysql --dsn URI` against a throwaway MariaDB this test starts
# (tests/engine/mysql/mariadb_server.sh), as a user's server would be reached: through
# libmariadb, by socket (mysql://root@localhost/?socket=PATH) and with a password user.
# Checks: verified (exit 0) with routines and triggers under DELIMITER; the scratch
# databases dropped afterwards, kept with --keep; a plan that misses something (exit 1,
# `different:`); a plan that fails (exit 1, `plan failed: statement N of M (FILE:L:C)`);
# FROM rejected by the server (exit 2, FILE:L:C); malformed and unreachable DSNs (exit 2,
# one located line, no crash).
#   verify_dsn.sh SCHEMERGE_BIN
# Exit 0 passed, 1 failed, 77 without MariaDB.
set -uo pipefail
schemerge=$(realpath "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/engine/mysql/mariadb_server.sh
source "$here/mariadb_server.sh"
mariadb_require || exit $?

work=$(mktemp -d "${TMPDIR:-/tmp}/smv.XXXXXX")
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  mariadb_stop "$work"
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cp "$schemerge" "$work/schemerge"
schemerge=$work/schemerge
mariadb_start "$work" || exit 1
T=$work/t
mkdir -p "$T"

failures=0
check() {  # DESCRIPTION COMMAND...: the command must succeed
  local what=$1
  shift
  if "$@"; then
    echo "ok   $what"
  else
    echo "FAIL $what"
    sed 's/^/    /' "$T/out" "$T/err" 2>/dev/null | head -20
    failures=$((failures + 1))
  fi
}
run() {
  rc=0
  "$schemerge" "$@" >"$T/out" 2>"$T/err" || rc=$?
}
scratch_databases() {
  mariadb_sql "$work" -N -e "select count(*) from information_schema.schemata where schema_name like 'schemerge_verify_%'"
}

cat >"$T/from.sql" <<'SQL'
CREATE TABLE customers (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name varchar(50) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  customer_id int NOT NULL,
  total decimal(10,2),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
SQL
cat "$T/from.sql" >"$T/to.sql"
cat >>"$T/to.sql" <<'SQL'
ALTER TABLE orders ADD COLUMN note varchar(200), ADD KEY idx_total (total);
DELIMITER ;;
CREATE PROCEDURE order_count(OUT n int)
BEGIN
  SELECT count(*) INTO n FROM orders;
  SELECT n;
END;;
CREATE TRIGGER orders_total BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  IF NEW.total < 0 THEN SET NEW.total = 0; END IF;
END;;
DELIMITER ;
/*!40101 SET character_set_client = utf8mb4 */;
SQL
sock="$work/sock"
dsn="mysql://root@localhost/?socket=$sock"

run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "$dsn"
check "verified over a socket DSN (exit $rc)" test "$rc" -eq 0
check "the verdict names MariaDB" grep -q '^verified: .*on MariaDB' "$T/out"
check "the scratch databases are dropped afterwards" test "$(scratch_databases)" -eq 0

mariadb_sql "$work" -e "create user 'ver ify'@'localhost' identified by 'p@ss:w'; grant all on *.* to 'ver ify'@'localhost'"
run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "mariadb://ver%20ify:p%40ss%3Aw@localhost/mysql?socket=$sock"
check "a user with a percent-encoded password (exit $rc)" test "$rc" -eq 0

run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "mysql://ver%20ify:wrong@localhost/?socket=$sock"
check "a wrong password: exit 2 ($rc)" test "$rc" -eq 2
check "a wrong password: the server's message, password redacted" bash -c \
  "grep -q 'cannot connect to mysql://ver ify:\\*\\*\\*@localhost' '$T/err' && grep -q 'ERROR 1045' '$T/err' && ! grep -q wrong '$T/err'"

run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "$dsn" --keep
check "--keep: verified (exit $rc)" test "$rc" -eq 0
check "--keep: the databases are named" grep -q '^kept: FROM + plan in database schemerge_verify_' "$T/out"
check "--keep: the databases are still there" test "$(scratch_databases)" -eq 2
mariadb_sql "$work" -N -e "select schema_name from information_schema.schemata where schema_name like 'schemerge_verify_%'" |
  while read -r db; do mariadb_sql "$work" -e "drop database \`$db\`"; done

printf -- '-- forgets the index and the routines\nALTER TABLE orders ADD COLUMN note varchar(200);\n' >"$T/short.sql"
run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "$dsn" --plan "$T/short.sql"
check "a short plan: exit 1 ($rc)" test "$rc" -eq 1
check "a short plan: 'different' naming the index and the procedure" bash -c \
  "grep -q '^different: ' '$T/out' && grep -q 'idx_total' '$T/out' && grep -q 'order_count' '$T/out'"

printf 'ALTER TABLE orders ADD COLUMN note varchar(200);\n\nALTER TABLE nowhere ADD COLUMN x int;\n' >"$T/bad_plan.sql"
run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "$dsn" --plan "$T/bad_plan.sql"
check "a failing plan: exit 1 ($rc)" test "$rc" -eq 1
check "a failing plan: statement 2 of 2 at its line" grep -Eq "^plan failed: statement 2 of 2 \\(.*bad_plan\\.sql:3:1\\): ERROR 1146" "$T/out"
check "a failing plan: the scratch databases are dropped" test "$(scratch_databases)" -eq 0

# A MySQL 8 functional key part: schemerge models it, MariaDB 10.11 refuses it.
printf 'CREATE TABLE a (id int);\nCREATE TABLE b (id int, name varchar(10), KEY idx ((lower(name))));\n' >"$T/my8.sql"
run verify --dialect mysql "$T/my8.sql" "$T/to.sql" --dsn "$dsn" --plan "$T/short.sql"
check "FROM rejected by the server: exit 2 ($rc)" test "$rc" -eq 2
check "FROM rejected: file:line:col and the server's error" grep -Eq "MariaDB rejected FROM .*my8\\.sql:2:1: ERROR 1064" "$T/err"

for bad in "postgres://root@localhost/x" "mysql://localhost/x" "mysql://root@localhost:99999/x" "mysql://root@/x" \
  "mysql://root@localhost/x?sslmode=1" "mysql://ro%zzt@localhost/x"; do
  run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "$bad"
  check "malformed --dsn '$bad': exit 2 ($rc), one error line" bash -c \
    "test $rc -eq 2 && test \$(grep -c '^error: ' '$T/err') -eq 1 && grep -q \"^error: --dsn '\" '$T/err'"
done
run verify --dialect mysql "$T/from.sql" "$T/to.sql" --dsn "mysql://root@localhost/?socket=$work/no-such.sock"
check "an unreachable server: exit 2 ($rc) with the server error" bash -c "test $rc -eq 2 && grep -q 'ERROR 2002' '$T/err'"

if ((failures > 0)); then
  echo "$failures checks failed"
  exit 1
fi
echo "all checks passed"
