-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create table public.bookings
CREATE TABLE public.bookings (
    id integer NOT NULL,
    span box
);

-- create function public.box_overlaps(box, box)
CREATE FUNCTION public.box_overlaps(box, box) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT $1 && $2 $_$;

-- create function public.int_hash_seeded(integer, bigint)
CREATE FUNCTION public.int_hash_seeded(integer, bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT hashint4extended($1, $2 + 7) $_$;

-- create operator public.###(box, box)
CREATE OPERATOR public.### (
    FUNCTION = public.box_overlaps,
    LEFTARG = box,
    RIGHTARG = box,
    COMMUTATOR = OPERATOR(public.###)
);

-- create operator family public.box_hash3_ops USING gist
CREATE OPERATOR FAMILY public.box_hash3_ops USING gist;

-- create operator family public.box_hash3_ops USING gist
ALTER OPERATOR FAMILY public.box_hash3_ops USING gist ADD
    OPERATOR 3 public.###(box,box);

-- create operator class public.box_hash3_ops USING gist
CREATE OPERATOR CLASS public.box_hash3_ops
    FOR TYPE box USING gist FAMILY public.box_hash3_ops AS
    FUNCTION 1 (box, box) gist_box_consistent(internal,box,smallint,oid,internal) ,
    FUNCTION 2 (box, box) gist_box_union(internal,internal) ,
    FUNCTION 5 (box, box) gist_box_penalty(internal,internal,internal) ,
    FUNCTION 6 (box, box) gist_box_picksplit(internal,internal) ,
    FUNCTION 7 (box, box) gist_box_same(box,box,internal);

-- create operator family public.int_reverse_ops USING btree
CREATE OPERATOR FAMILY public.int_reverse_ops USING btree;

-- create operator class public.int_reverse_ops USING btree
CREATE OPERATOR CLASS public.int_reverse_ops
    FOR TYPE integer USING btree FAMILY public.int_reverse_ops AS
    OPERATOR 1 >(integer,integer) ,
    OPERATOR 2 >=(integer,integer) ,
    OPERATOR 3 =(integer,integer) ,
    OPERATOR 4 <=(integer,integer) ,
    OPERATOR 5 <(integer,integer) ,
    FUNCTION 1 (integer, integer) btint4cmp(integer,integer);

-- create table public.readings
CREATE TABLE public.readings (
    taken integer NOT NULL,
    value numeric
)
PARTITION BY RANGE (taken public.int_reverse_ops);

-- create operator family public.int_seeded_hash_ops USING hash
CREATE OPERATOR FAMILY public.int_seeded_hash_ops USING hash;

-- create operator family public.int_seeded_hash_ops USING hash
ALTER OPERATOR FAMILY public.int_seeded_hash_ops USING hash ADD
    FUNCTION 2 (integer, integer) public.int_hash_seeded(integer,bigint);

-- create operator class public.int_seeded_hash_ops USING hash
CREATE OPERATOR CLASS public.int_seeded_hash_ops
    FOR TYPE integer USING hash FAMILY public.int_seeded_hash_ops AS
    OPERATOR 1 =(integer,integer);

-- create table public.buckets
CREATE TABLE public.buckets (
    k integer NOT NULL
)
PARTITION BY HASH (k public.int_seeded_hash_ops);

-- create table public.bookings
ALTER TABLE ONLY public.bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (span public.box_hash3_ops WITH ###);

-- create table public.bookings
ALTER TABLE ONLY public.bookings ADD CONSTRAINT bookings_pkey PRIMARY KEY (id);

COMMIT;
