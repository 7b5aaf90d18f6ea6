#!/usr/bin/env bash
# `schemerge merge-driver %O %A %B %P` as git's merge driver for a Rails db/structure.sql
# (pg_dump style, `SET search_path`, the `INSERT INTO "schema_migrations" (version) VALUES`
# list): a real `git merge` of two branches that both add a table and append a version
# completes, keeps every version, loads in PostgreSQL (when installed) and equals the three-way
# merged schema; a genuinely conflicting pair stops the merge with a `<<<<<<< schemerge:`
# description; where git's line merge is clean its text is kept. Direct calls: exit codes and
# %A on input errors. The driver is configured with the binary's absolute path (no PATH).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Print each group of checks as it starts (lib.sh only prints failures).
case_() { current="$1"; echo "-- $1"; }
source "$REPO/tests/engine/postgres/pg_cluster.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Schemerge Test" GIT_AUTHOR_EMAIL="test@example.com"
export GIT_COMMITTER_NAME="Schemerge Test" GIT_COMMITTER_EMAIL="test@example.com"
tick=0
next_date() {
  tick=$((tick + 1))
  export GIT_AUTHOR_DATE="$((1767225600 + tick * 3600)) +0000"
  export GIT_COMMITTER_DATE="$GIT_AUTHOR_DATE"
}
commit_all() {
  next_date
  git -C "$1" add -A
  git -C "$1" -c commit.gpgsign=false commit -q -m "$2"
}
# A PATH without schemerge's directory: git must find the driver by its absolute path.
SAFE_PATH="/usr/local/bin:/usr/bin:/bin"
gitm() { env PATH="$SAFE_PATH" git -c commit.gpgsign=false "$@"; }
# on BRANCH: check BRANCH out, first leaving whatever an earlier (failed) merge left behind.
on() {
  git merge --abort >/dev/null 2>&1 || true
  git reset -q --hard
  git checkout -q "$1"
}

# --- the Rails structure.sql at the base ---------------------------------------------------
# structure FILE TABLES_SQL VERSIONS...: a structure.sql as `rails db:schema:dump` writes it.
header() {
  cat <<'SQL'
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: ar_internal_metadata; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ar_internal_metadata (
    key character varying NOT NULL,
    value character varying,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

SQL
}
t_posts() {
  cat <<'SQL'
--
-- Name: posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.posts (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    title character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

--
-- Name: posts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.posts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.posts_id_seq OWNED BY public.posts.id;

SQL
}
t_projects() {
  cat <<'SQL'
--
-- Name: projects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projects (
    id bigint NOT NULL,
    name character varying NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

--
-- Name: projects_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.projects_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.projects_id_seq OWNED BY public.projects.id;

SQL
}
t_schema_migrations_users() { # EMAIL_TYPE
  cat <<SQL
--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version character varying NOT NULL
);

--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id bigint NOT NULL,
    email $1 NOT NULL,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);

--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;

SQL
}
defaults_and_constraints() { # TABLES (posts projects, in name order)...
  local t
  for t in "$@" users; do
    printf -- "--\n-- Name: %s id; Type: DEFAULT; Schema: public; Owner: -\n--\n\n" "$t"
    printf "ALTER TABLE ONLY public.%s ALTER COLUMN id SET DEFAULT nextval('public.%s_id_seq'::regclass);\n\n" "$t" "$t"
  done
  printf -- "--\n-- Name: ar_internal_metadata ar_internal_metadata_pkey; Type: CONSTRAINT; Schema: public; Owner: -\n--\n\n"
  printf "ALTER TABLE ONLY public.ar_internal_metadata\n    ADD CONSTRAINT ar_internal_metadata_pkey PRIMARY KEY (key);\n\n"
  for t in "$@"; do
    printf -- "--\n-- Name: %s %s_pkey; Type: CONSTRAINT; Schema: public; Owner: -\n--\n\n" "$t" "$t"
    printf "ALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_pkey PRIMARY KEY (id);\n\n" "$t" "$t"
  done
  printf -- "--\n-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -\n--\n\n"
  printf "ALTER TABLE ONLY public.schema_migrations\n    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);\n\n"
  printf -- "--\n-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -\n--\n\n"
  printf "ALTER TABLE ONLY public.users\n    ADD CONSTRAINT users_pkey PRIMARY KEY (id);\n\n"
}
indexes() { # EXTRA_INDEX_SQL
  printf -- "--\n-- Name: index_users_on_email; Type: INDEX; Schema: public; Owner: -\n--\n\n"
  printf "CREATE UNIQUE INDEX index_users_on_email ON public.users USING btree (email);\n\n"
  if [[ -n "${1:-}" ]]; then
    printf '%s\n\n' "$1"
  fi
}
footer() { # VERSIONS...
  printf -- "--\n-- PostgreSQL database dump complete\n--\n\n"
  printf 'SET search_path TO "$user", public;\n\n'
  printf 'INSERT INTO "schema_migrations" (version) VALUES\n'
  local v sep=""
  for v in "$@"; do
    printf "%s('%s')" "$sep" "$v"
    sep=$',\n'
  done
  printf ';\n\n\n'
}
# structure OUT EMAIL_TYPE "TABLES" "EXTRA_INDEX" VERSIONS...
structure() {
  local out="$1" email="$2" tables="$3" extra="$4"
  shift 4
  {
    header
    [[ " $tables " == *" posts "* ]] && t_posts
    [[ " $tables " == *" projects "* ]] && t_projects
    t_schema_migrations_users "$email"
    # shellcheck disable=SC2086
    defaults_and_constraints $tables
    indexes "$extra"
    footer "$@"
  } >"$out"
}

V1=20260101000000
V2=20260102000000
VA=20260110000000
VB=20260111000000
S="$T/s"
mkdir -p "$S"
structure "$S/base.sql" "character varying" "" "" $V1 $V2
structure "$S/a.sql" "character varying" "posts" \
  "CREATE INDEX index_posts_on_user_id ON public.posts USING btree (user_id);" $V1 $V2 $VA
structure "$S/b.sql" "character varying" "projects" "" $V1 $V2 $VB
structure "$S/c1.sql" "character varying(255)" "" "" $V1 $V2 $VA
structure "$S/c2.sql" "text" "" "" $V1 $V2 $VB
# Line-merge-clean pair: far-apart edits (a column on ar_internal_metadata; an index at the end).
sed -e 's/^    value character varying,$/    value character varying,\n    note text,/' "$S/base.sql" >"$S/l1.sql"
structure "$S/l2.sql" "character varying" "" \
  "CREATE INDEX index_users_on_created_at ON public.users USING btree (created_at);" $V1 $V2

R="$T/rails"
git -c init.defaultBranch=main init -q "$R"
mkdir -p "$R/db"
echo 'db/structure.sql merge=schemerge' >>"$R/.gitattributes"
git -C "$R" config merge.schemerge.driver "$SCHEMERGE merge-driver %O %A %B %P"
cp "$S/base.sql" "$R/db/structure.sql"
commit_all "$R" "rails app"
for b in feature-a feature-b conflict-1 conflict-2 line-1 line-2; do
  git -C "$R" branch "$b"
done
for pair in "feature-a a" "feature-b b" "conflict-1 c1" "conflict-2 c2" "line-1 l1" "line-2 l2"; do
  set -- $pair
  git -C "$R" checkout -q "$1"
  cp "$S/$2.sql" "$R/db/structure.sql"
  commit_all "$R" "$1"
done
git -C "$R" checkout -q main

echo "driver: $(git -C "$R" config merge.schemerge.driver)"
case_ "setup: the driver is configured with the absolute binary path, schemerge not on PATH"
expect_true "the driver command does not start with the absolute binary path" \
  bash -c "[[ \"\$(git -C '$R' config merge.schemerge.driver)\" == /*' merge-driver %O %A %B %P' ]]"
expect_true "schemerge is found on the PATH git runs with" \
  bash -c "! PATH='$SAFE_PATH' command -v schemerge >/dev/null"

case_ "git's own line merge of the Rails pair conflicts (what the driver is for)"
expect_true "git merge-file merged the Rails pair cleanly: the test does not exercise the driver" \
  bash -c "! git merge-file -p '$S/a.sql' '$S/base.sql' '$S/b.sql' >/dev/null 2>&1"

# --- both add a table and append a version --------------------------------------------------
case_ "git merge of two Rails branches: completes without conflict"
cd "$R"
on feature-a
next_date
rc=0
gitm merge --no-edit -q feature-b >"$T/merge.out" 2>&1 || rc=$?
expect_rc 0
if ((rc != 0)); then
  sed 's/^/  > /' "$T/merge.out" >&2
  head -n 20 db/structure.sql | sed 's/^/  | /' >&2
fi
expect_true "unmerged paths left" test -z "$(git ls-files -u)"
expect_true "work tree not clean after the merge" test -z "$(git status --porcelain)"
expect_true "no merge commit" test "$(git rev-list --parents -n 1 HEAD | wc -w)" -eq 3
cp db/structure.sql "$T/merged.sql"
expect_true "conflict markers in the merged file" bash -c "! grep -Eq '^(<<<<<<<|=======|>>>>>>>)' '$T/merged.sql'"
expect_true "the merged file does not end with a newline" test "$(tail -c 1 "$T/merged.sql" | od -An -c | tr -d ' ')" = '\n'

case_ "the merged schema_migrations list holds every version of both sides"
# The rows of the INSERT INTO [public.]"schema_migrations" (version) VALUES list, one a line.
INSERT_RE='^INSERT INTO (public\.)?"?schema_migrations"? \(version\) VALUES'
versions_of() { sed -En "/$INSERT_RE/,/;/p" "$1" | grep -oE "'[0-9]+'" | tr -d "'"; }
expect_true "the INSERT INTO \"schema_migrations\" list is missing" grep -Eq "$INSERT_RE" "$T/merged.sql"
for v in $V1 $V2 $VA $VB; do
  expect_true "version $v missing from the merged list" grep -qx "$v" <(versions_of "$T/merged.sql")
done
expect_true "the merged list is not the sorted union (duplicates or disorder)" \
  test "$(versions_of "$T/merged.sql" | tr '\n' ' ')" = "$V1 $V2 $VA $VB "

case_ "schemerge dump of the merged file equals the three-way merged schema"
rc=0
"$SCHEMERGE" merge -q "$S/base.sql" "$S/a.sql" "$S/b.sql" --schema-out "$T/expected_schema.sql" >/dev/null || rc=$?
expect_rc 0
run dump -q "$T/merged.sql" -o "$T/merged_dump.sql"
expect_rc 0
expect_same_file "$T/expected_schema.sql" "$T/merged_dump.sql" "the merged file's schema is not the three-way merge"
expect_true "the merged file lacks feature-a's table" grep -q 'posts' "$T/merged_dump.sql"
expect_true "the merged file lacks feature-b's table" grep -q 'projects' "$T/merged_dump.sql"

case_ "engine: the merged file loads in PostgreSQL 15, schema_migrations holds the four versions"
if pg_require 2>"$T/pg_skip"; then
  chmod 0755 "$T"
  cluster="$(pg_cluster_start "$T/pg")"
  trap 'pg_cluster_stop "$cluster"; rm -rf -- "$T"' EXIT
  psql_() { "$PG_BIN/psql" -X -q -h "$cluster" -U postgres -v ON_ERROR_STOP=1 "$@"; }
  psql_ -d postgres -c 'create database rails_merged' >/dev/null
  rc=0
  psql_ -d rails_merged -f "$T/merged.sql" >"$T/psql.out" 2>&1 || rc=$?
  checks=$((checks + 1))
  if ((rc != 0)); then
    fail "psql could not load the merged structure.sql (exit $rc)"
    head -n 10 "$T/psql.out" | sed 's/^/  > /' >&2
  fi
  expect_true "schema_migrations in PostgreSQL is not the four versions" test \
    "$(psql_ -d rails_merged -Atc 'select version from schema_migrations order by 1' | tr '\n' ' ')" = "$V1 $V2 $VA $VB "
  expect_true "tables missing in PostgreSQL" test \
    "$(psql_ -d rails_merged -Atc "select string_agg(relname, ' ' order by relname) from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace")" \
    = "ar_internal_metadata posts projects schema_migrations users"
  # The catalog equals the expected merged schema's, loaded next to it.
  psql_ -d postgres -c 'create database rails_expected' >/dev/null
  psql_ -d rails_expected -f "$T/expected_schema.sql" >/dev/null 2>&1
  for db in rails_merged rails_expected; do
    # (pg_dump >= 15.14 brackets its output in \restrict KEY / \unrestrict KEY, KEY random.)
    "$PG_BIN/pg_dump" -h "$cluster" -U postgres --schema-only --no-owner "$db" |
      grep -Ev '^(--|\\restrict |\\unrestrict )' >"$T/$db.dump"
  done
  expect_same_file "$T/rails_expected.dump" "$T/rails_merged.dump" "pg_dump of the loaded merged file differs from the expected schema's"
else
  echo "************************************************************"
  echo "SKIPPED (engine part only): PostgreSQL 15 is not installed;"
  echo "         the merged structure.sql was not loaded into PostgreSQL."
  echo "************************************************************"
  cat "$T/pg_skip"
fi

# --- a genuine conflict: both change users.email's type -----------------------------------
case_ "conflicting pair: git merge stops, the file is a schemerge conflict description"
on conflict-1
next_date
rc=0
gitm merge --no-edit -q conflict-2 >"$T/merge.out" 2>&1 || rc=$?
expect_true "git merge of a conflicting pair exited 0" test "$rc" -ne 0
expect_true "db/structure.sql is not unmerged in the index" test -n "$(git ls-files -u db/structure.sql)"
expect_true "the file does not start with '<<<<<<< schemerge:'" \
  bash -c "head -n 1 db/structure.sql | grep -q '^<<<<<<< schemerge:'"
expect_true "the description does not name public.users.email" grep -q 'public\.users\.email' db/structure.sql
expect_true "the description lacks ours' type" grep -q 'character varying(255)' db/structure.sql
expect_true "the description lacks theirs' type" grep -Eq '\btext\b' db/structure.sql
expect_true "no merge commit may exist" test "$(git rev-parse HEAD)" = "$(git rev-parse conflict-1)"
gitm merge --abort || true
expect_true "work tree not clean after merge --abort" test -z "$(git status --porcelain)"

# --- git's line merge is clean: its text is kept --------------------------------------------
case_ "line-merge-clean pair: the merged file is git's line merge, byte for byte"
git merge-file -p "$S/l1.sql" "$S/base.sql" "$S/l2.sql" >"$T/line_expected.sql"
on line-1
next_date
rc=0
gitm merge --no-edit -q line-2 >"$T/merge.out" 2>&1 || rc=$?
expect_rc 0
expect_same_file "$T/line_expected.sql" db/structure.sql "the driver rewrote a file git merges cleanly"
on main

# --- git's line merge is clean but the result is not a schema: the driver must see it ------
case_ "line merge clean, both add table t differently in different places: the driver reports the conflict"
printf 'create table a (id int);\n\n\n\n\ncreate table z (id int);\n' >"$R/db/schema.sql"
echo 'db/schema.sql merge=schemerge' >>"$R/.gitattributes"
commit_all "$R" "db/schema.sql"
git branch add-t-1
git branch add-t-2
on add-t-1
sed -i '1a create table t (id int, name text);' db/schema.sql
commit_all "$R" "t with name"
on add-t-2
echo 'create table t (id int, title text);' >>db/schema.sql
commit_all "$R" "t with title"
expect_true "fixture: git's line merge of the two conflicts (this case needs it clean)" \
  git merge-file -p <(git show add-t-1:db/schema.sql) <(git show main:db/schema.sql) <(git show add-t-2:db/schema.sql) >/dev/null
on add-t-1
next_date
rc=0
gitm merge --no-edit -q add-t-2 >"$T/merge.out" 2>&1 || rc=$?
expect_true "git merge of two different tables t exited 0 (git's line merge, two CREATE TABLE t, was kept)" test "$rc" -ne 0
expect_true "the file does not start with '<<<<<<< schemerge:'" \
  bash -c "head -n 1 db/schema.sql | grep -q '^<<<<<<< schemerge:'"
expect_true "the description does not name public.t" grep -q 'public\.t\b' db/schema.sql
on main

case_ "line merge clean and valid SQL, but both changed t.x's type (ours in CREATE TABLE, theirs by ALTER): conflict"
mkdir -p "$T/lm"
printf 'create table t (\n    id int,\n    x int\n);\n\n\n\ncreate table z (id int);\n' >"$T/lm/O.sql"
sed 's/    x int/    x bigint/' "$T/lm/O.sql" >"$T/lm/A.sql"
{
  cat "$T/lm/O.sql"
  echo 'alter table t alter column x type text;'
} >"$T/lm/B.sql"
expect_true "fixture: git's line merge conflicts (this case needs it clean)" \
  git merge-file -p "$T/lm/A.sql" "$T/lm/O.sql" "$T/lm/B.sql" >/dev/null
run merge-driver "$T/lm/O.sql" "$T/lm/A.sql" "$T/lm/B.sql" db/schema.sql
expect_rc 1
expect_true "%A does not start with '<<<<<<< schemerge:'" bash -c "head -n 1 '$T/lm/A.sql' | grep -q '^<<<<<<< schemerge:'"
expect_true "the description does not name public.t.x" grep -q 'public\.t\.x' "$T/lm/A.sql"
expect_true "the description lacks ours' line (db/schema.sql:3)" grep -Eq 'ours:db/schema\.sql:3\b' "$T/lm/A.sql"
expect_true "the description lacks theirs' line (db/schema.sql:9, the ALTER)" grep -Eq 'theirs:db/schema\.sql:9\b' "$T/lm/A.sql"

case_ "line merge clean, but ours' new view reads the column theirs dropped: conflict"
mkdir -p "$T/dr"
printf 'create table orders (\n    id int primary key,\n    legacy_code text,\n    total numeric\n);\n\n\n\ncreate table z (id int);\n' >"$T/dr/O.sql"
{
  cat "$T/dr/O.sql"
  echo 'create view legacy_orders as select id, legacy_code from orders;'
} >"$T/dr/A.sql"
sed '/legacy_code text,/d' "$T/dr/O.sql" >"$T/dr/B.sql"
expect_true "fixture: git's line merge conflicts (this case needs it clean)" \
  git merge-file -p "$T/dr/A.sql" "$T/dr/O.sql" "$T/dr/B.sql" >/dev/null
run merge-driver "$T/dr/O.sql" "$T/dr/A.sql" "$T/dr/B.sql" db/schema.sql
expect_rc 1
expect_true "%A does not start with '<<<<<<< schemerge:'" bash -c "head -n 1 '$T/dr/A.sql' | grep -q '^<<<<<<< schemerge:'"
expect_true "the description does not name the view or the column" grep -Eq 'legacy_orders|legacy_code' "$T/dr/A.sql"

# --- direct calls ---------------------------------------------------------------------------
case_ "direct call, clean: %A replaced by the merged file, exit 0"
cp "$S/a.sql" "$T/A.sql"
run merge-driver "$S/base.sql" "$T/A.sql" "$S/b.sql" db/structure.sql
expect_rc 0
expect_true "%A does not hold both tables" bash -c "grep -q posts '$T/A.sql' && grep -q projects '$T/A.sql'"
expect_true "%A lacks a version" test "$(versions_of "$T/A.sql" | tr '\n' ' ')" = "$V1 $V2 $VA $VB "

case_ "direct call, empty %O (both branches created the file): the union of both"
: >"$T/empty.sql"
cp "$S/a.sql" "$T/A.sql"
run merge-driver "$T/empty.sql" "$T/A.sql" "$S/b.sql" db/structure.sql
expect_rc 0
expect_true "%A does not hold both tables" bash -c "grep -q posts '$T/A.sql' && grep -q projects '$T/A.sql'"
expect_true "%A lacks a version" test "$(versions_of "$T/A.sql" | tr '\n' ' ')" = "$V1 $V2 $VA $VB "

case_ "direct call, a version on both sides: listed once"
structure "$S/b_both.sql" "character varying" "projects" "" $V1 $V2 $VA $VB
cp "$S/a.sql" "$T/A.sql"
run merge-driver "$S/base.sql" "$T/A.sql" "$S/b_both.sql" db/structure.sql
expect_rc 0
expect_true "the merged list is not V1 V2 VA VB exactly once each" \
  test "$(versions_of "$T/A.sql" | tr '\n' ' ')" = "$V1 $V2 $VA $VB "

# A hand-written schema with seed rows of a table `flags`; both sides add a table (in different
# places) and a row (at the same place: git's line merge conflicts there).
mkdir -p "$T/u"
printf "create table flags (name text primary key);\n\n\n\ncreate table t (id int);\n\n\n\nINSERT INTO flags (name) VALUES\n('a');\n" >"$T/u/O.sql"
printf "create table flags (name text primary key);\ncreate table t1 (id int);\n\n\n\ncreate table t (id int);\n\n\n\nINSERT INTO flags (name) VALUES\n('a'),\n('b');\n" >"$T/u/A.sql"
printf "create table flags (name text primary key);\n\n\n\ncreate table t (id int);\ncreate table t2 (id int);\n\n\nINSERT INTO flags (name) VALUES\n('a'),\n('c');\n" >"$T/u/B.sql"
printf '[merge-driver]\nunion_rows = ["flags"]\n' >"$T/u/union.toml"
flag_rows() { grep -oE "^\('[a-z]'\)" "$1" | tr -d "()'" | tr '\n' ' '; }

case_ "direct call, [merge-driver] union_rows = [\"flags\"] (--config): the rows merged as a union"
cp "$T/u/A.sql" "$T/u/A1.sql"
run merge-driver "$T/u/O.sql" "$T/u/A1.sql" "$T/u/B.sql" db/schema.sql --config "$T/u/union.toml"
expect_rc 0
expect_true "flags rows are not a, b, c" test "$(flag_rows "$T/u/A1.sql")" = "a b c "
expect_true "a table of one side is missing" bash -c "grep -q 't1 ' '$T/u/A1.sql' && grep -q 't2 ' '$T/u/A1.sql'"

case_ "git merge with union_rows from the repository's schemerge.toml"
U="$T/u/repo"
git -c init.defaultBranch=main init -q "$U"
mkdir -p "$U/db"
cp "$T/u/O.sql" "$U/db/schema.sql"
cp "$T/u/union.toml" "$U/schemerge.toml"
echo 'db/schema.sql merge=schemerge' >"$U/.gitattributes"
git -C "$U" config merge.schemerge.driver "$SCHEMERGE merge-driver %O %A %B %P"
commit_all "$U" "flags"
git -C "$U" branch side-b
cp "$T/u/A.sql" "$U/db/schema.sql"
commit_all "$U" "t1, b"
git -C "$U" checkout -q side-b
cp "$T/u/B.sql" "$U/db/schema.sql"
commit_all "$U" "t2, c"
git -C "$U" checkout -q main
next_date
rc=0
(cd "$U" && gitm merge --no-edit -q side-b) >"$T/merge.out" 2>&1 || rc=$?
expect_rc 0
expect_true "flags rows after git merge are not a, b, c" test "$(flag_rows "$U/db/schema.sql")" = "a b c "

case_ "direct call, rows of a table not in union_rows: not dropped silently"
cp "$T/u/A.sql" "$T/u/A2.sql"
run merge-driver "$T/u/O.sql" "$T/u/A2.sql" "$T/u/B.sql" db/schema.sql
checks=$((checks + 1))
if [[ "$rc" == 0 ]] && [[ "$(flag_rows "$T/u/A2.sql")" != "a b c " ]]; then
  fail "exit 0 and the flags rows are '$(flag_rows "$T/u/A2.sql")' (expected a b c, or a conflict)"
  sed 's/^/  | /' "$T/u/A2.sql" | tail -n 8 >&2
elif [[ "$rc" == 1 ]] && ! grep -q 'flags' "$T/u/A2.sql"; then
  fail "exit 1 but the description does not name flags"
elif [[ "$rc" != 0 && "$rc" != 1 ]]; then
  fail "exit $rc"
fi

# Three versions where each side adds a different column to users, so git's line merge
# conflicts and the driver must write the file itself.
conflicting_trio() {  # conflicting_trio DIR EXTRA_SQL
  mkdir -p "$1"
  printf 'CREATE TABLE public.users (\n    id integer NOT NULL\n);\n%s' "$2" >"$1/O.sql"
  printf 'CREATE TABLE public.users (\n    id integer NOT NULL,\n    a text\n);\n%s' "$2" >"$1/A.sql"
  printf 'CREATE TABLE public.users (\n    id integer NOT NULL,\n    b text\n);\n%s' "$2" >"$1/B.sql"
}

case_ "direct call, COPY data and WITH ... INSERT rows are not dropped silently"
conflicting_trio "$T/dml" $'CREATE TABLE public.settings (k text);\nCOPY public.settings (k) FROM stdin;\na\n\\.\nWITH v AS (SELECT 1) INSERT INTO public.settings SELECT \'c\' FROM v;\n'
run merge-driver "$T/dml/O.sql" "$T/dml/A.sql" "$T/dml/B.sql" db/schema.sql
expect_rc 1
expect_true "the description does not name the COPY into settings" grep -q 'public.settings (copy)' "$T/dml/A.sql"

case_ "direct call, SELECT pg_catalog.setval(...) with a conflicting line merge: exit 1 naming setval"
conflicting_trio "$T/setval" $'CREATE SEQUENCE public.users_id_seq;\n\nSELECT pg_catalog.setval(\'public.users_id_seq\', 42, true);\n'
run merge-driver "$T/setval/O.sql" "$T/setval/A.sql" "$T/setval/B.sql" db/schema.sql
expect_rc 1
expect_true "%A does not start with '<<<<<<< schemerge:'" \
  bash -c 'head -n 1 "$1" | grep -q "^<<<<<<< schemerge:"' _ "$T/setval/A.sql"
expect_true "the description does not name setval" \
  bash -c 'sed -n "/^<<<<<<< schemerge/,/^>>>>>>> schemerge/p" "$1" | grep -q setval' _ "$T/setval/A.sql"
expect_stderr 'setval' "stderr does not name setval"
expect_true "the setval line is not kept in %A (git's line merge)" \
  grep -q "^SELECT pg_catalog.setval('public.users_id_seq', 42, true);" "$T/setval/A.sql"

case_ "direct call, [ignore]d objects stay in the merged file"
conflicting_trio "$T/ign" $'CREATE TABLE public.tmp_cache (k text);\n'
printf '[ignore]\nobjects = ["public.tmp_*"]\n' >"$T/ign/c.toml"
run merge-driver "$T/ign/O.sql" "$T/ign/A.sql" "$T/ign/B.sql" db/schema.sql --config "$T/ign/c.toml"
expect_rc 0
expect_true "tmp_cache was dropped from the merged file" grep -q 'tmp_cache' "$T/ign/A.sql"
expect_true "the merged file lacks one side's column" grep -q ' b text' "$T/ign/A.sql"

case_ "direct call, 'Insert Into' in mixed case: rows merged, exit 0"
conflicting_trio "$T/mix" ""
printf 'CREATE TABLE public.schema_migrations (version character varying NOT NULL);\n' >"$T/mix/rows"
for side in O A B; do cat "$T/mix/rows" >>"$T/mix/$side.sql"; done
printf "Insert Into schema_migrations (version) Values ('1');\n" >>"$T/mix/O.sql"
printf "Insert Into schema_migrations (version) Values ('1'), ('2');\n" >>"$T/mix/A.sql"
printf "Insert Into schema_migrations (version) Values ('1'), ('3');\n" >>"$T/mix/B.sql"
run merge-driver "$T/mix/O.sql" "$T/mix/A.sql" "$T/mix/B.sql" db/schema.sql
expect_rc 0
expect_true "version 2 missing" grep -q "'2'" "$T/mix/A.sql"
expect_true "version 3 missing" grep -q "'3'" "$T/mix/A.sql"

case_ "direct call, conflict: exit 1, %A the description"
cp "$S/c1.sql" "$T/A.sql"
run merge-driver "$S/base.sql" "$T/A.sql" "$S/c2.sql" db/structure.sql
expect_rc 1
expect_true "%A does not start with '<<<<<<< schemerge:'" bash -c "head -n 1 '$T/A.sql' | grep -q '^<<<<<<< schemerge:'"

case_ "direct call, a side that does not parse: exit 2, %A holds git's line merge under a non-SQL header"
# Leaving plain ours in %A would let `git add` drop theirs' changes silently.
printf 'CREATE TABEL broken (id int);\n' >"$T/broken.sql"
cp "$S/a.sql" "$T/A.sql"
run merge-driver "$S/base.sql" "$T/A.sql" "$T/broken.sql" db/structure.sql
expect_rc 2
expect_stderr 'TABEL'
expect_true "%A does not start with the schemerge header" \
  bash -c 'head -n 1 "$1" | grep -q "^<<<<<<< schemerge: db/structure.sql could not be merged semantically"' _ "$T/A.sql"
expect_true "%A does not quote the error" grep -q '^#   .*syntax error at or near "TABEL"' "$T/A.sql"
expect_true "%A does not carry theirs' text (git's line merge)" grep -q 'TABEL broken' "$T/A.sql"
run dump "$T/A.sql"
expect_rc 2

case_ "direct call, %B missing: exit 2, %A unchanged"
cp "$S/a.sql" "$T/A.sql"
run merge-driver "$S/base.sql" "$T/A.sql" "$T/no_such.sql" db/structure.sql
expect_rc 2
expect_same_file "$S/a.sql" "$T/A.sql" "%A changed when %B is missing"

finish
