#!/usr/bin/env bash
# Canonical output: the same schema gives the same bytes, whatever the spelling or order,
# and dumping a dump changes nothing.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

inputs=("$REPO/examples/shop/schema.sql" "$REPO/examples/shop-handwritten/schema.sql")

# Statement order and spelling differ; the schema is the same.
cat >"$T/order1.sql" <<'SQL'
create table parent (id bigint primary key, name text not null);
create table child (
  id bigint primary key,
  parent_id bigint not null references parent (id),
  note varchar(10)
);
create index child_parent_id_idx on child (parent_id);
SQL
cat >"$T/order2.sql" <<'SQL'
CREATE TABLE public.child (
    id int8 NOT NULL,
    parent_id int8 NOT NULL,
    note character varying(10)
);
CREATE TABLE public.parent (
    id bigint NOT NULL,
    name text NOT NULL
);
CREATE INDEX child_parent_id_idx ON public.child USING btree (parent_id);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id);
SQL
inputs+=("$T/order1.sql" "$T/order2.sql")

for f in "${inputs[@]}"; do
  for fmt in sql json; do
    case_ "dump twice is byte-identical: ${f#"$REPO"/} ($fmt)"
    run dump "$f" --format "$fmt"
    expect_rc 0
    cp "$T/out" "$T/first"
    run dump "$f" --format "$fmt"
    expect_rc 0
    expect_same_file "$T/first" "$T/out" "two runs differ"
  done

  case_ "dump(dump(F)) == dump(F): ${f#"$REPO"/}"
  run dump "$f" -o "$T/once.sql"
  expect_rc 0
  run dump "$T/once.sql" -o "$T/twice.sql"
  expect_rc 0
  expect_same_file "$T/once.sql" "$T/twice.sql" "dumping the dump changed it"
  case_ "dump of a dump is clean: ${f#"$REPO"/}"
  run dump "$T/once.sql" --strict
  expect_rc 0
  expect_no_stderr 'warning|error'
done

case_ "order and spelling do not matter"
run dump "$T/order1.sql" -o "$T/o1.sql"
expect_rc 0
run dump "$T/order2.sql" -o "$T/o2.sql"
expect_rc 0
expect_same_file "$T/o1.sql" "$T/o2.sql" "same schema, different output"

finish
