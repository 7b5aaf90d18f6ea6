#!/usr/bin/env bash
# Issue 12 on MariaDB: a live MySQL/MariaDB database as a SOURCE and for `schemerge db`,
# against a throwaway MariaDB this test starts (mariadb_server.sh: a socket, no TCP).
# A live database dumps as the file it was loaded from (tables, a generated column, a
# foreign key, CHECK, views over views, a function, a procedure, a trigger, an event) and
# diffs against a branch with the plan; `db drift` exit 0 / 1 after a change made on the
# server; `db migrate` (dry run changes nothing, --apply, a second drift clean, a failing
# statement reported with what ran); `db branch` from a database with rows through a
# migration that adds, changes and drops columns, brought forward, `db list`, two
# concurrent runs, a copy made while the source is written (one consistent state), `db drop`
# refusing a foreign database; hand-written views and
# mysqldump's DEFAULT CHARSET compared as the server stores them (scratch database); bad input (malformed DSN,
# unreachable server, wrong password, missing database, a live source read with the wrong
# dialect): one line naming the target, password hidden, exit 2, nothing created.
#
#   db_live.sh SCHEMERGE_BIN REPO_DIR        exit 0 passed, 1 failed, 77 without MariaDB
source "$(dirname "${BASH_SOURCE[0]}")/../../cli/lib.sh"
set +e
case_() { current="$1"; echo "-- $1"; }
# shellcheck source=tests/engine/mysql/mariadb_server.sh
source "$REPO/tests/engine/mysql/mariadb_server.sh"
mariadb_require || exit $?
set -e

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"

# The server: a short directory (Unix socket path limit), stopped by pid at exit.
MYDIR="$(mktemp -d /tmp/sm-mydb.XXXXXX)"
cleanup() {
  mariadb_stop "$MYDIR" >/dev/null 2>&1 || true
  rm -rf -- "$MYDIR" "$T"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
mariadb_start "$MYDIR" >/dev/null

sql() { mariadb_sql "$MYDIR" -N -B "$@"; }
value() { sql "$1" -e "$2"; }
dsn() { echo "mysql://root@localhost/$1?socket=$MYDIR/sock"; }
expect_stdout() {
  checks=$((checks + 1))
  if ! grep -Eq -- "$1" "$T/out"; then
    fail "stdout does not match /$1/${2:+ ($2)}"
    head -n 40 "$T/out" | sed 's/^/  > /' >&2
  fi
}
expect_eq() {
  checks=$((checks + 1))
  if [[ "$1" != "$2" ]]; then
    fail "${3:-values differ}: got '$1', expected '$2'"
  fi
}
# catalog DB: the schema as the server shows it (to prove nothing changed).
catalog() { mariadb_catalog "$MYDIR" "$1"; }
databases() { sql -e "select group_concat(schema_name order by schema_name) from information_schema.schemata"; }

# --- the repository: main (v1), feature (adds, changes and drops columns) -------------
R="$T/repo"
mkdir -p "$R/db"
git -C "$R" init -q -b main
cat >"$R/schemerge.toml" <<'TOML'
[schema]
path = "db/structure.sql"
dialect = "mysql"
TOML
cat >"$R/db/structure.sql" <<'SQL'
CREATE TABLE customers (
  id int NOT NULL AUTO_INCREMENT,
  name varchar(50) NOT NULL,
  email varchar(100) DEFAULT NULL,
  age int DEFAULT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY customers_email (email)
) ENGINE=InnoDB;
CREATE TABLE orders (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id int NOT NULL,
  total decimal(10,2) NOT NULL DEFAULT 0,
  doubled decimal(11,2) GENERATED ALWAYS AS (total * 2) VIRTUAL,
  KEY orders_customer (customer_id),
  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
  CONSTRAINT total_positive CHECK (total >= 0)
) ENGINE=InnoDB;
CREATE DEFINER=root@localhost VIEW big_orders AS SELECT o.id AS id, c.name AS name, o.total AS total FROM (orders o JOIN customers c ON (c.id = o.customer_id)) WHERE o.total > 100;
CREATE DEFINER=root@localhost VIEW big_names AS SELECT big_orders.name AS name FROM big_orders;
DELIMITER ;;
CREATE DEFINER=root@localhost FUNCTION order_count(c int) RETURNS int READS SQL DATA
BEGIN
  DECLARE n int;
  SELECT count(*) INTO n FROM orders WHERE customer_id = c;
  RETURN n;
END;;
CREATE DEFINER=root@localhost PROCEDURE touch_customer(IN c int)
BEGIN
  UPDATE customers SET name = name WHERE id = c;
END;;
CREATE DEFINER=root@localhost TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  IF NEW.total < 0 THEN SET NEW.total = 0; END IF;
END;;
DELIMITER ;
CREATE EVENT purge_orders ON SCHEDULE EVERY 1 DAY DO DELETE FROM orders WHERE total = 0;
SQL
git -C "$R" add -A && git -C "$R" -c commit.gpgsign=false commit -q -m v1
git -C "$R" checkout -q -b feature
python3 - "$R/db/structure.sql" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("  email varchar(100) DEFAULT NULL,\n", "")
s = s.replace("  age int DEFAULT NULL,\n", "  age bigint DEFAULT NULL,\n  phone varchar(20) NOT NULL DEFAULT 'unknown',\n")
s = s.replace("  UNIQUE KEY customers_email (email)\n", "  KEY customers_name (name)\n").replace("  PRIMARY KEY (id),\n  KEY", "  PRIMARY KEY (id),\n  KEY")
open(p, "w").write(s)
PY
git -C "$R" -c commit.gpgsign=false commit -q -am "feature: phone added, age widened, email dropped"
git -C "$R" checkout -q main
cd "$R"

# "production": main's schema with rows.
sql -e "CREATE DATABASE prod CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
sql prod <"$R/db/structure.sql"
sql prod -e "INSERT INTO customers VALUES (1, 'ann', 'ann@example.com', 31), (2, 'bob', NULL, 42), (3, 'cy', 'cy@example.com', NULL);
             INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 150), (2, 1, -5), (3, 2, 20)"
PROD="$(dsn prod)"

case_ "a live database is a SOURCE: its dump is the file's dump"
run dump "$PROD"
expect_rc 0
expect_no_stderr "error"
cp "$T/out" "$T/live.dump"
run dump db/structure.sql
expect_rc 0
expect_same_file "$T/out" "$T/live.dump" "dump of the live database vs dump of its file"
run dump "mariadb://root@localhost/prod?socket=$MYDIR/sock"
expect_rc 0
expect_same_file "$T/out" "$T/live.dump" "mariadb:// reads the same"
run dump "$PROD" --format json
expect_rc 0
run dump "$PROD" --dialect postgresql
expect_rc 2
expect_stderr "is a MySQL database .*--dialect mysql"
expect_stderr_lines 1

case_ "diff: live vs the file is identical, live vs feature is the plan"
run diff "$PROD" main:db/structure.sql
expect_rc 0
expect_stdout "identical|no changes|^$"
run diff "$PROD" feature:db/structure.sql
expect_rc 0
expect_stdout "ADD COLUMN .?phone"
expect_stdout "DROP COLUMN .?email"

case_ "db drift: none, then a change made directly on the server"
run db drift --dsn "$PROD" --schema main
expect_rc 0
expect_stdout "no drift"
sql prod -e "ALTER TABLE customers ADD COLUMN vip tinyint(1) NOT NULL DEFAULT 0"
run db drift --dsn "$PROD" --schema main
expect_rc 1
expect_stdout "^drift: "
expect_stdout "vip"
expect_stdout "DROP COLUMN .?vip"
expect_stdout "ADD COLUMN .?vip"
run db drift --dsn "$PROD" --schema main:db/structure.sql --format json
expect_rc 1
expect_true "drift JSON" python3 -c "
import json; d=json.load(open('$T/out'))
assert d['drift'] is True and any('vip' in c for c in d['changes']), d"
sql prod -e "ALTER TABLE customers DROP COLUMN vip"
run db drift --dsn "$PROD"
expect_rc 0

case_ "db migrate without --apply changes nothing; --apply migrates; drift is clean after"
before="$(catalog prod)"
run db migrate --dsn "$PROD" --to feature
expect_rc 0
expect_stdout "DROP COLUMN .?email"
expect_eq "$(catalog prod)" "$before" "catalog unchanged by a dry run"
run db migrate --dsn "$PROD" --to feature --apply --fail-on data-loss
expect_rc 1
expect_stderr "refused: the plan has hazard data-loss"
expect_eq "$(catalog prod)" "$before" "catalog unchanged by a refused plan"
run db migrate --dsn "$PROD" --to feature --plan-out "$T/plan.sql"
expect_rc 0
sql prod -e "CREATE INDEX customers_age ON customers (age)"
run db migrate --dsn "$PROD" --apply "$T/plan.sql" --allow data-loss
expect_rc 1
expect_stderr "changed since"
sql prod -e "DROP INDEX customers_age ON customers"
run db migrate --dsn "$PROD" --to feature --plan-out "$T/plan.sql"
expect_rc 0
run db migrate --dsn "$PROD" --apply "$T/plan.sql" --allow data-loss --lock-timeout 5s --statement-timeout 1min
expect_rc 0
expect_stdout "^  ok     statement 1 \\($T/plan.sql:[0-9]+\\)"
expect_stdout "applied: [1-9]"
expect_eq "$(value prod "SELECT group_concat(concat(id, ':', name, ':', coalesce(age, '-'), ':', phone) ORDER BY id) FROM customers")" \
  "1:ann:31:unknown,2:bob:42:unknown,3:cy:-:unknown" "rows kept through the migration"
expect_eq "$(value prod "SELECT concat(branch, ' ', commit_id) FROM schemerge_history ORDER BY id DESC LIMIT 1")" \
  "feature:db/structure.sql $(git rev-parse feature)" "the history row (the plan file's target)"
run db drift --dsn "$PROD" --schema feature
expect_rc 0
expect_stdout "no drift"
run dump "$PROD"
expect_rc 0
checks=$((checks + 1))
if grep -q "schemerge_history" "$T/out"; then fail "the bookkeeping table is read as part of the schema"; fi

case_ "a failing statement: reported with what ran, stopped there"
git checkout -q -b broken feature
cat >>db/structure.sql <<'SQL'
CREATE TABLE tags (id int NOT NULL PRIMARY KEY);
ALTER TABLE customers ADD UNIQUE KEY customers_age_u (age);
SQL
git -c commit.gpgsign=false commit -q -am "broken: a unique key over duplicate values"
git checkout -q main
sql prod -e "UPDATE customers SET age = 42 WHERE id = 1"
run db migrate --dsn "$PROD" --to broken --apply
expect_rc 1
expect_stdout "FAILED statement [0-9]+ \\(plan:[0-9]+\\)"
expect_stdout "Duplicate entry"
expect_stdout "^stopped; [0-9]+ statement\\(s\\) before it stay applied \\(each committed on its own\\)"
expect_eq "$(value prod "SELECT count(*) FROM schemerge_history")" "1" "no history row for a failed run"
sql prod -e "DROP TABLE IF EXISTS tags; UPDATE customers SET age = 31 WHERE id = 1"
# The plan runs in the session's own sql_mode (strict): a narrowing that would cut data fails.
git checkout -q -b narrow feature
sed -i 's/name varchar(50) NOT NULL/name varchar(2) NOT NULL/' db/structure.sql
git -c commit.gpgsign=false commit -q -am "narrow: names cut to 2 characters"
git checkout -q main
run db migrate --dsn "$PROD" --to narrow --apply --allow data-loss
expect_rc 1
expect_stdout "FAILED statement 1 .*Data (too long|truncated) for column 'name'"
expect_eq "$(value prod "SELECT name FROM customers WHERE id = 1")" "ann" "no row cut by a non-strict session"

case_ "db branch: a copy of prod with its rows, migrated (columns added, changed, dropped)"
git checkout -q -b wide main
cat >>db/structure.sql <<'SQL'
ALTER TABLE customers DROP COLUMN email, MODIFY age bigint DEFAULT NULL, ADD COLUMN nick varchar(20) NOT NULL DEFAULT 'none';
SQL
git -c commit.gpgsign=false commit -q -am "wide"
git checkout -q main
# prod is at feature now; a template at main with rows:
sql -e "CREATE DATABASE tmpl CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
git show main:db/structure.sql | sql tmpl
sql tmpl -e "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO'); INSERT INTO customers VALUES (0, 'zero', NULL, 1), (1, 'ann', 'ann@example.com', 31), (2, 'bob', NULL, 42);
             INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 150), (2, 2, 30)"
run db branch wide --dsn "$(dsn tmpl)" --from tmpl
expect_rc 0
expect_stdout "created database tmpl_wide from tmpl"
expect_stdout "database tmpl_wide is at wide:db/structure.sql"
expect_eq "$(value tmpl_wide "SELECT group_concat(concat(id, ':', name, ':', age, ':', nick) ORDER BY id) FROM customers")" \
  "0:zero:1:none,1:ann:31:none,2:bob:42:none" "rows (an id 0 too) kept through the migration"
expect_eq "$(value tmpl_wide "SELECT group_concat(concat(id, ':', doubled) ORDER BY id) FROM orders")" "1:300.00,2:60.00" \
  "generated column computed again"
expect_eq "$(value tmpl_wide "SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = 'tmpl_wide'")" "1" "trigger copied"
run diff "$(dsn tmpl_wide)" wide:db/structure.sql
expect_rc 0
run db drift --dsn "$(dsn tmpl_wide)" --schema wide
expect_rc 0
expect_eq "$(value tmpl "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'tmpl' AND column_name = 'email'")" \
  "1" "the template untouched"

case_ "db branch twice brings the database forward"
git checkout -q wide
cat >>db/structure.sql <<'SQL'
CREATE TABLE notes (id int NOT NULL PRIMARY KEY, customer_id int, body text, CONSTRAINT notes_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
SQL
git -c commit.gpgsign=false commit -q -am "wide: notes"
git checkout -q main
run db branch wide --dsn "$(dsn tmpl)" --from tmpl
expect_rc 0
expect_stdout "CREATE TABLE .?notes"
expect_stdout "step\\(s\\) applied"
expect_eq "$(value tmpl_wide "SELECT count(*) FROM customers")" "3" "rows still there"
expect_eq "$(value tmpl_wide "SELECT count(*) FROM schemerge_history")" "2" "two history rows"
run db branch wide --dsn "$(dsn tmpl)" --from tmpl
expect_rc 0
expect_stdout "already up to date"

case_ "db branch: an empty database; db list"
run db branch feature --dsn "$(dsn tmpl)"
expect_rc 0
expect_stdout "created database tmpl_feature \\(empty\\)"
run db list --dsn "$(dsn tmpl)"
expect_rc 0
expect_stdout "^tmpl_wide	wide	$(git rev-parse --short=7 wide)"
expect_stdout "^tmpl_feature	feature	"
run db list --dsn "$(dsn tmpl)" --format json
expect_rc 0
expect_true "list JSON" python3 -c "import json; d=json.load(open('$T/out')); assert [x['database'] for x in d]==['tmpl_feature','tmpl_wide'], d"

case_ "two concurrent db branch runs"
git branch -q one wide
git branch -q two wide
rc1=0 rc2=0
"$SCHEMERGE" db branch one --dsn "$(dsn tmpl)" --from tmpl >"$T/one.out" 2>&1 &
p1=$!
"$SCHEMERGE" db branch two --dsn "$(dsn tmpl)" --from tmpl >"$T/two.out" 2>&1 &
p2=$!
wait "$p1" || rc1=$?
wait "$p2" || rc2=$?
expect_eq "$rc1 $rc2" "0 0" "two branches at once: $(cat "$T/one.out" "$T/two.out" | tr '\n' ' ')"
rc1=0 rc2=0
git branch -q three wide
"$SCHEMERGE" db branch three --dsn "$(dsn tmpl)" --from tmpl >"$T/f1.out" 2>&1 &
p1=$!
"$SCHEMERGE" db branch three --dsn "$(dsn tmpl)" --from tmpl >"$T/f2.out" 2>&1 &
p2=$!
wait "$p1" || rc1=$?
wait "$p2" || rc2=$?
expect_eq "$rc1 $rc2" "0 0" "same branch twice at once: $(cat "$T/f1.out" "$T/f2.out" | tr '\n' ' ')"
expect_eq "$(cat "$T/f1.out" "$T/f2.out" | grep -c '^created database tmpl_three')" "1" "created once"
expect_eq "$(value tmpl_three "SELECT count(*) FROM customers")" "3" "the database kept, not clobbered"

case_ "db branch copies one consistent state of a database being written to"
# A writer moves one unit at a time from acct_a to acct_b, each move one transaction;
# the copy must see every move whole or not at all: the two sums add up to 2 * rows * 100.
git checkout -q -b bank main
cat >"$R/db/structure.sql" <<'SQL'
CREATE TABLE acct_a (id int NOT NULL PRIMARY KEY, v int NOT NULL) ENGINE=InnoDB;
CREATE TABLE acct_aa (id int NOT NULL PRIMARY KEY, filler varchar(100)) ENGINE=InnoDB;
CREATE TABLE acct_b (id int NOT NULL PRIMARY KEY, v int NOT NULL) ENGINE=InnoDB;
SQL
git add -A && git -c commit.gpgsign=false commit -q -m "bank"
git checkout -q main
sql -e "CREATE DATABASE bank"
git -C "$R" show bank:db/structure.sql | sql bank
rows=40000
# acct_aa, copied between the two, only widens the window a copy without one snapshot
# would show.
sql bank -e "INSERT INTO acct_a SELECT seq, 100 FROM seq_1_to_$rows; INSERT INTO acct_b SELECT seq, 100 FROM seq_1_to_$rows;
  INSERT INTO acct_aa SELECT seq, repeat('x', 100) FROM seq_1_to_150000"
# More moves than the copy lasts: the writer is stopped once db branch is done.
seq 1 200000 | sed "s/.*/START TRANSACTION; UPDATE acct_a SET v = v - 1 WHERE id = $rows; UPDATE acct_b SET v = v + 1 WHERE id = 1; COMMIT;/" >"$T/writer.sql"
sql bank <"$T/writer.sql" >/dev/null 2>&1 &
writer=$!
sleep 0.3
run db branch bank --dsn "$(dsn bank)" --from bank
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
if grep -q "run the command again" "$T/err"; then
  run db branch bank --dsn "$(dsn bank)" --from bank  # a deadlock with the writer: retryable, as said
fi
expect_rc 0
expect_stdout "created database bank_bank"
expect_eq "$(value bank_bank "SELECT (SELECT sum(v) FROM acct_a) + (SELECT sum(v) FROM acct_b)")" "$((2 * rows * 100))" \
  "the copy holds whole transactions only"
expect_true "the writer ran while the copy was made" \
  test "$(value bank_bank "SELECT 100 - v FROM acct_a WHERE id = $rows")" -gt 0

case_ "db drop refuses a foreign database"
git branch -q other main
sql -e "CREATE DATABASE tmpl_other"
run db drop other --dsn "$(dsn tmpl)"
expect_rc 2
expect_stderr "tmpl_other was not created by schemerge"
expect_eq "$(value "" "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'tmpl_other'")" "1" "foreign database kept"
run db branch other --dsn "$(dsn tmpl)"
expect_rc 2
expect_stderr "schemerge did not create it"
# A copy of a branch database under another name (its marker table too) is not one.
sql -e "CREATE DATABASE tmpl_copy"
sql tmpl_copy -e "CREATE TABLE schemerge_branch (database_name varchar(64) PRIMARY KEY, branch varchar(1024), commit_id varchar(64), updated varchar(32)); INSERT INTO schemerge_branch VALUES ('tmpl_wide', 'copy', '', '')"
git branch -q copy main
run db drop copy --dsn "$(dsn tmpl)"
expect_rc 2
expect_stderr "not created by schemerge"
run db drop wide --dsn "$(dsn tmpl)"
expect_rc 0
expect_stdout "dropped database tmpl_wide \\(branch wide\\)"
run db drop wide --dsn "$(dsn tmpl)"
expect_rc 2
expect_stderr "no database tmpl_wide"

case_ "views as a person writes them, mysqldump's DEFAULT CHARSET: compared as the server stores them"
# MariaDB rewrites a view's query (qualified, aliased, parenthesized) and shows a table
# whose character set is its database's default as naming none: before, both read as
# changed and db branch's check after the migration failed on them.
git checkout -q -b handwritten main
cat >"$R/db/structure.sql" <<'SQL'
CREATE TABLE items (
  id int NOT NULL AUTO_INCREMENT,
  name varchar(40) NOT NULL,
  price decimal(8,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
CREATE TABLE notes (id int NOT NULL PRIMARY KEY, body text) ENGINE=InnoDB DEFAULT CHARSET=latin1;
CREATE VIEW cheap_items AS SELECT i.id, i.name FROM items i WHERE i.price < 10;
CREATE VIEW cheap_names AS select name from cheap_items order by name;
SQL
git add -A && git -c commit.gpgsign=false commit -q -m "hand-written views, mysqldump charsets"
sql -e "CREATE DATABASE hw CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
run db branch handwritten --dsn "$(dsn hw)"
expect_rc 0
expect_stdout "created database hw_handwritten"
expect_no_stderr "note: "
run db drift --dsn "$(dsn hw_handwritten)" --schema handwritten
expect_rc 0
expect_stdout "no drift"
expect_eq "$(value "" "SELECT table_collation FROM information_schema.tables WHERE table_schema = 'hw_handwritten' AND table_name = 'notes'")" \
  "latin1_swedish_ci" "a table's own character set kept"
expect_eq "$(value "" "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'schemerge_scratch%'")" "0" \
  "no scratch database left"
sql hw_handwritten -e "CREATE OR REPLACE VIEW cheap_items AS SELECT i.id, i.name FROM items i WHERE i.price < 5"
run db drift --dsn "$(dsn hw_handwritten)" --schema handwritten
expect_rc 1
expect_stdout "cheap_items"
expect_stdout "price.? < 10"
run db migrate --dsn "$(dsn hw_handwritten)" --to handwritten --apply
expect_rc 0
run db drift --dsn "$(dsn hw_handwritten)" --schema handwritten
expect_rc 0
# The same rule for a live SOURCE of diff and merge: the files take the server's form.
run diff "$(dsn hw_handwritten)" handwritten:db/structure.sql
expect_rc 0
expect_stdout "identical|no changes|^$"
expect_true "no view or charset change planned (diff live → file)" bash -c "! grep -Eiq 'VIEW|CHARSET|ALTER' '$T/out'"
expect_no_stderr "compared as the repository writes them"
run diff handwritten:db/structure.sql "$(dsn hw_handwritten)"
expect_rc 0
expect_true "no view or charset change planned (diff file → live)" bash -c "! grep -Eiq 'VIEW|CHARSET|ALTER' '$T/out'"
run merge handwritten:db/structure.sql "$(dsn hw_handwritten)" handwritten:db/structure.sql \
  --plan-ours "$T/po.sql" --plan-theirs "$T/pt.sql"
expect_rc 0
expect_true "merge with a live side plans nothing for either side" \
  bash -c "! grep -Eiq '^(CREATE|ALTER|DROP)' '$T/po.sql' '$T/pt.sql'"
# A real difference still shows: the live view changed again.
sql hw_handwritten -e "CREATE OR REPLACE VIEW cheap_items AS SELECT i.id, i.name FROM items i WHERE i.price < 7"
run diff "$(dsn hw_handwritten)" handwritten:db/structure.sql
expect_rc 0
expect_stdout "cheap_items"
expect_stdout "price.? < 10"
sql hw_handwritten -e "CREATE OR REPLACE VIEW cheap_items AS SELECT i.id, i.name FROM items i WHERE i.price < 10"
expect_eq "$(value "" "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'schemerge_scratch%'")" "0" \
  "no scratch database left by diff or merge"
git checkout -q main

case_ "bad input: one line naming the target, password hidden, exit 2, nothing created"
before_dbs="$(databases)"
run dump "mysql://root@localhost/prod?socket=$MYDIR/nowhere"
expect_rc 2
expect_stderr "^error: cannot connect to mysql://root@localhost/prod\\?socket=$MYDIR/nowhere"
expect_stderr_lines 1
run db branch feature -q --dsn "mysql://root@localhost/prod?socket=$MYDIR/nowhere"
expect_rc 2
expect_stderr "^error: cannot connect to mysql://root@localhost/prod"
expect_stderr_lines 1
run db drift -q --dsn "mysql://root@localhost:notaport/prod"
expect_rc 2
expect_stderr "^error: mysql://root@localhost:notaport/prod: "
expect_stderr_lines 1
run dump "mysql://"
expect_rc 2
expect_stderr_lines 1
run dump "mysql://root@localhost/prod?socket=$MYDIR/sock&bogus=1"
expect_rc 2
expect_stderr_lines 1
run dump "$(dsn missing_db)"
expect_rc 2
expect_stderr "missing_db"
expect_stderr_lines 1
run db drift -q --dsn "$(dsn missing_db)"
expect_rc 2
expect_stderr "missing_db"
expect_stderr_lines 1
run dump "mysql://root@localhost?socket=$MYDIR/sock"
expect_rc 2
expect_stderr "names no database"
expect_stderr_lines 1
sql -e "CREATE USER secure@localhost IDENTIFIED BY 'right-pass'; GRANT ALL ON *.* TO secure@localhost"
run db branch feature -q --dsn "mysql://secure:wrong-pass@localhost/prod?socket=$MYDIR/sock"
expect_rc 2
expect_stderr "Access denied for user 'secure'"
expect_stderr "mysql://secure:\\*\\*\\*@localhost/prod"
expect_stderr_lines 1
expect_no_stderr "wrong-pass"
run dump "mysql://secure:wrong-pass@localhost/prod?socket=$MYDIR/sock"
expect_rc 2
expect_stderr "Access denied"
expect_no_stderr "wrong-pass"
run dump "mysql://secure:right-pass@localhost/prod?socket=$MYDIR/sock"
expect_rc 0
expect_no_stderr "right-pass"
run db migrate --dsn "$PROD" --to feature --apply --lock-timeout soon
expect_rc 1
expect_stdout "invalid lock_timeout 'soon'"
run db branch main --dsn "$PROD" --from nosuchdb
expect_rc 2
expect_stderr "nosuchdb"
expect_eq "$(databases)" "$before_dbs" "no database created by bad input"

finish
