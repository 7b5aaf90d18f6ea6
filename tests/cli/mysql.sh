#!/usr/bin/env bash
# `--dialect mysql` (and its alias `mariadb`) end to end: dump, diff, merge on small
# schemas, malformed input located, verify on a throwaway MariaDB when installed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cat >"$T/base.sql" <<'SQL'
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
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 10;
SQL
# Ours: a column on orders and an index.
cat >"$T/ours.sql" <<'SQL'
CREATE TABLE customers (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name varchar(50) NOT NULL
) ENGINE=InnoDB;
CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  customer_id int NOT NULL,
  total decimal(10,2),
  note varchar(200),
  KEY idx_total (total),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 10;
SQL
# Theirs: a column on customers and a table.
cat >"$T/theirs.sql" <<'SQL'
CREATE TABLE customers (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name varchar(50) NOT NULL,
  email varchar(100)
) ENGINE=InnoDB;
CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  customer_id int NOT NULL,
  total decimal(10,2),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 10;
CREATE TABLE invoices (id int NOT NULL PRIMARY KEY, order_id int, CONSTRAINT fk_inv FOREIGN KEY (order_id) REFERENCES orders (id));
SQL
# Conflict: both sides change the view differently (line 11 on each side).
sed 's/total > 10/total > 500/' "$T/base.sql" >"$T/ours_c.sql"
sed 's/total > 10/total > 777/' "$T/base.sql" >"$T/theirs_c.sql"
printf 'CREATE TABLE t (id int);\nCREATE TABEL u (id int);\n' >"$T/bad.sql"

body_has() { grep -v -E '^[[:space:]]*--' "$1" | grep -Eiq -- "$2"; }

case_ "dump --dialect mysql: the canonical MySQL script"
run dump "$T/base.sql" --dialect mysql
expect_rc 0
expect_true "no CREATE TABLE customers with AUTO_INCREMENT" body_has "$T/out" 'id int NOT NULL AUTO_INCREMENT'
expect_true "no inline foreign key" body_has "$T/out" 'CONSTRAINT fk_orders_customer FOREIGN KEY \(customer_id\) REFERENCES customers \(id\)'
expect_true "no CREATE VIEW" body_has "$T/out" 'CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 10'
cp "$T/out" "$T/dump_mysql.sql"
run dump "$T/base.sql" --dialect mariadb
expect_rc 0
expect_same_file "$T/dump_mysql.sql" "$T/out" "--dialect mariadb dumps differently from mysql"
run dump "$T/dump_mysql.sql" --dialect mysql
expect_rc 0
expect_same_file "$T/dump_mysql.sql" "$T/out" "the dump is not a fixed point of dump"

case_ "diff --dialect mysql: one ALTER TABLE, autocommit note"
run diff "$T/base.sql" "$T/ours.sql" --dialect mysql
expect_rc 0
expect_true "no ALTER TABLE orders with ADD COLUMN note and ADD KEY" bash -c \
  "grep -A3 '^ALTER TABLE orders' '$T/out' | grep -q 'ADD COLUMN note varchar(200)' && grep -A3 '^ALTER TABLE orders' '$T/out' | grep -q 'ADD KEY idx_total (total)'"
expect_true "no note that each step commits on its own" grep -q 'each step commits on its own' "$T/out"
expect_true "a BEGIN in a MySQL plan" bash -c "! grep -q '^BEGIN' '$T/out'"
run diff "$T/base.sql" "$T/theirs.sql" --dialect mariadb --format json
expect_rc 0
expect_true "JSON without the create of invoices" jq -e '[.changes[] | select(.kind == "create_table")] | length == 1' "$T/out" >/dev/null

case_ "merge --dialect mysql: clean merge"
run merge "$T/base.sql" "$T/ours.sql" "$T/theirs.sql" --dialect mysql --schema-out "$T/merged.sql"
expect_rc 0
expect_true "merged schema lacks ours' column note" body_has "$T/merged.sql" '\bnote varchar'
expect_true "merged schema lacks theirs' column email" body_has "$T/merged.sql" '\bemail varchar'
expect_true "merged schema lacks theirs' table invoices" body_has "$T/merged.sql" 'CREATE TABLE invoices'
run dump "$T/merged.sql" --dialect mysql -o "$T/merged_again.sql"
expect_rc 0
expect_same_file "$T/merged.sql" "$T/merged_again.sql" "merged schema is not in canonical dump form"

case_ "merge --dialect mysql: a conflict, exit 1, both lines"
run merge "$T/base.sql" "$T/ours_c.sql" "$T/theirs_c.sql" --dialect mysql
expect_rc 1
expect_true "no CONFLICT naming big_orders" grep -Eq '^CONFLICT \([a-z-]+\) big_orders' "$T/out"
expect_true "conflict does not show ours' line" grep -Eq 'ours: .*ours_c\.sql:11\)' "$T/out"

case_ "malformed input: file:line:col, exit 2"
run dump "$T/bad.sql" --dialect mysql
expect_rc 2
expect_stderr 'bad\.sql:2:[0-9]+: error' "no bad.sql:2:col error"
run diff "$T/base.sql" "$T/bad.sql" --dialect mysql
expect_rc 2
expect_stderr 'bad\.sql:2:[0-9]+: error' "no bad.sql:2:col error from diff"

case_ "unknown dialect: exit 2, the known ones listed"
run dump "$T/base.sql" --dialect oracle
expect_rc 2
expect_stderr 'mysql' "the known dialects do not include mysql"

case_ "verify --dialect mysql on a throwaway MariaDB"
if command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]]; then
  run verify "$T/base.sql" "$T/ours.sql" --dialect mysql
  expect_rc 0
  expect_true "no 'verified' line" grep -q '^verified: ' "$T/out"
  printf -- '-- a plan that forgets the index\nALTER TABLE orders ADD COLUMN note varchar(200);\n' >"$T/short_plan.sql"
  run verify "$T/base.sql" "$T/ours.sql" --dialect mysql --plan "$T/short_plan.sql"
  expect_rc 1
  expect_true "no 'different' line" grep -q '^different: ' "$T/out"
  expect_true "the missing index not named" grep -q 'idx_total' "$T/out"
else
  echo "NOTE: mariadb-server not installed: verify --dialect mysql not exercised" >&2
fi

# --- merge-driver: Rails' MySQL structure.sql with its schema_migrations rows ------------
mkdir -p "$T/rails"
cat >"$T/rails/O.sql" <<'SQL'
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
DROP TABLE IF EXISTS `schema_migrations`;
CREATE TABLE `schema_migrations` (
  `version` varchar(255) NOT NULL,
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO `schema_migrations` (version) VALUES
('20240101000000'),
('20240102000000');


SQL
# Ours: a column and its migration; theirs: a table and its migration. Both append a row
# at the end of the list: git's line merge conflicts there.
sed -e 's/^  `email` varchar(255) NOT NULL,$/  `email` varchar(255) NOT NULL,\n  `name` varchar(100) DEFAULT NULL,/' \
  -e "s/^('20240102000000');\$/('20240102000000'),\n('20240103000000');/" "$T/rails/O.sql" >"$T/rails/A.sql"
awk '/^INSERT INTO/ && !done { print "DROP TABLE IF EXISTS `posts`;\nCREATE TABLE `posts` (\n  `id` bigint NOT NULL AUTO_INCREMENT,\n  `title` varchar(200) NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"; done = 1 } { print }' "$T/rails/O.sql" |
  sed -e "s/^('20240102000000');\$/('20240102000000'),\n('20240104000000');/" >"$T/rails/B.sql"
printf '[schema]\ndialect = "mysql"\n' >"$T/rails/schemerge.toml"

case_ "merge-driver --dialect mysql: Rails structure.sql, rows merged as a union"
expect_true "fixture: git's line merge of the rows does not conflict" bash -c \
  "! git merge-file -p '$T/rails/A.sql' '$T/rails/O.sql' '$T/rails/B.sql' >/dev/null"
cp "$T/rails/A.sql" "$T/rails/A_work.sql"
run merge-driver "$T/rails/O.sql" "$T/rails/A_work.sql" "$T/rails/B.sql" db/structure.sql --dialect mysql
expect_rc 0
expect_true "the merged file lacks ours' column" grep -q '`name` varchar(100)' "$T/rails/A_work.sql"
expect_true "the merged file lacks theirs' table" grep -q 'CREATE TABLE `posts`' "$T/rails/A_work.sql"
expect_true "the merged rows are not the union in order" bash -c \
  "tr -d '\n' <'$T/rails/A_work.sql' | grep -q \"VALUES('20240101000000'),('20240102000000'),('20240103000000'),('20240104000000');\""
expect_true "conflict markers left in the merged file" bash -c "! grep -q '^<<<<<<<\\|^>>>>>>>' '$T/rails/A_work.sql'"
run dump "$T/rails/A_work.sql" --dialect mysql
expect_rc 0

case_ "merge-driver with [schema] dialect = \"mysql\" from --config"
cp "$T/rails/A.sql" "$T/rails/A_work2.sql"
run merge-driver "$T/rails/O.sql" "$T/rails/A_work2.sql" "$T/rails/B.sql" db/structure.sql --config "$T/rails/schemerge.toml"
expect_rc 0
expect_same_file "$T/rails/A_work.sql" "$T/rails/A_work2.sql" "--config's dialect merges differently from --dialect"

case_ "merge-driver --dialect mysql: a row list that is not plain rows is a located error"
sed "s/^('20240103000000');\$/('20240103000000') ON DUPLICATE KEY UPDATE version = version;/" "$T/rails/A.sql" >"$T/rails/A_bad.sql"
run merge-driver "$T/rails/O.sql" "$T/rails/A_bad.sql" "$T/rails/B.sql" db/structure.sql --dialect mysql
expect_rc 2
expect_stderr 'ours:db/structure\.sql:[0-9]+:[0-9]+: error: the rows of `schema_migrations` are not a plain list' "no located error for ON DUPLICATE KEY UPDATE"


# --- the merge driver inside a real `git merge` of a MySQL repository ---------------------
# The repository's schemerge.toml says the dialect; git runs the driver with %O %A %B %P.
R="$T/rails/repo"
gitr() { env GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t \
  GIT_COMMITTER_EMAIL=t@example.com git -C "$R" -c commit.gpgsign=false "$@"; }
git -c init.defaultBranch=main init -q "$R"
mkdir -p "$R/db"
cp "$T/rails/schemerge.toml" "$R/schemerge.toml"
echo 'db/structure.sql merge=schemerge' >"$R/.gitattributes"
gitr config merge.schemerge.driver "$SCHEMERGE merge-driver %O %A %B %P"
cp "$T/rails/O.sql" "$R/db/structure.sql"
gitr add -A && gitr commit -qm base
for b in ours theirs email-a email-b; do gitr branch "$b"; done
gitr checkout -q ours && cp "$T/rails/A.sql" "$R/db/structure.sql" && gitr commit -qam ours
gitr checkout -q theirs && cp "$T/rails/B.sql" "$R/db/structure.sql" && gitr commit -qam theirs
# A genuine conflict: both branches change users.email's type, differently.
gitr checkout -q email-a && sed -i 's/`email` varchar(255) NOT NULL/`email` varchar(320) NOT NULL/' "$R/db/structure.sql" &&
  gitr commit -qam email-a
gitr checkout -q email-b && sed -i 's/`email` varchar(255) NOT NULL/`email` text NOT NULL/' "$R/db/structure.sql" &&
  gitr commit -qam email-b

case_ "git merge --dialect mysql (from the repository's schemerge.toml): clean, rows a union"
gitr checkout -q ours
rc=0
gitr merge --no-edit -q theirs >"$T/gitmerge.out" 2>&1 || rc=$?
expect_rc 0
((rc == 0)) || sed 's/^/  > /' "$T/gitmerge.out" >&2
expect_true "unmerged paths left" test -z "$(gitr ls-files -u)"
expect_true "no merge commit" test "$(gitr rev-list --parents -n 1 HEAD | wc -w)" -eq 3
cp "$R/db/structure.sql" "$T/rails/git_merged.sql"
expect_true "conflict markers in the merged file" bash -c "! grep -Eq '^(<<<<<<<|=======|>>>>>>>)' '$T/rails/git_merged.sql'"
expect_same_file "$T/rails/A_work.sql" "$T/rails/git_merged.sql" "git merge wrote something else than the driver called directly"
run merge "$T/rails/O.sql" "$T/rails/A.sql" "$T/rails/B.sql" --dialect mysql -q --schema-out "$T/rails/expected_schema.sql"
expect_rc 0
run dump "$T/rails/git_merged.sql" --dialect mysql -q -o "$T/rails/git_merged_dump.sql"
expect_rc 0
expect_same_file "$T/rails/expected_schema.sql" "$T/rails/git_merged_dump.sql" "the merged file's schema is not the three-way merge"

case_ "git merge --dialect mysql of a conflicting pair: stops, the file describes the conflict"
gitr checkout -q email-a
rc=0
gitr merge --no-edit -q email-b >"$T/gitmerge.out" 2>&1 || rc=$?
expect_true "git merge of a conflicting pair exited 0" test "$rc" -ne 0
expect_true "db/structure.sql is not unmerged in the index" test -n "$(gitr ls-files -u db/structure.sql)"
expect_true "the file does not start with '<<<<<<< schemerge:'" \
  bash -c "head -n 1 '$R/db/structure.sql' | grep -q '^<<<<<<< schemerge:'"
expect_true "the description does not name users.email" grep -q 'users\.email' "$R/db/structure.sql"
expect_true "the description lacks ours' type" grep -q 'varchar(320)' "$R/db/structure.sql"
expect_true "the description lacks theirs' type" grep -Eq '\btext\b' "$R/db/structure.sql"
expect_true "a merge commit was made" test "$(gitr rev-parse HEAD)" = "$(gitr rev-parse email-a)"
gitr merge --abort || true
expect_true "work tree not clean after merge --abort" test -z "$(gitr status --porcelain)"

case_ "engine: the file git merge wrote loads in MariaDB and is what verify plans to"
if command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]]; then
  run verify "$T/rails/O.sql" "$T/rails/git_merged.sql" --dialect mysql
  expect_rc 0
  expect_true "no 'verified' line" grep -q '^verified: ' "$T/out"
else
  echo "NOTE: mariadb-server not installed: the git-merged structure.sql was not loaded into MariaDB" >&2
fi

finish
