CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text
);

-- A btree class a range partition key names, a hash class a hash partition key names.
CREATE OPERATOR CLASS int_reverse_ops FOR TYPE integer USING btree AS
    OPERATOR 1 >,
    OPERATOR 2 >=,
    OPERATOR 3 =,
    OPERATOR 4 <=,
    OPERATOR 5 <,
    FUNCTION 1 btint4cmp(integer, integer);

CREATE TABLE readings (
    taken integer NOT NULL,
    value numeric
) PARTITION BY RANGE (taken int_reverse_ops);

CREATE FUNCTION int_hash_seeded(integer, bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT hashint4extended($1, $2 + 7) $$;
CREATE OPERATOR CLASS int_seeded_hash_ops FOR TYPE integer USING hash AS
    OPERATOR 1 =,
    FUNCTION 2 int_hash_seeded(integer, bigint);

CREATE TABLE buckets (
    k integer NOT NULL
) PARTITION BY HASH (k int_seeded_hash_ops);

-- A user-defined operator and the GiST class that carries it, used by an exclusion
-- constraint.
CREATE FUNCTION box_overlaps(box, box) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT $1 && $2 $$;
CREATE OPERATOR ### (LEFTARG = box, RIGHTARG = box, FUNCTION = box_overlaps, COMMUTATOR = ###);
CREATE OPERATOR CLASS box_hash3_ops FOR TYPE box USING gist AS
    OPERATOR 3 ###,
    FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal),
    FUNCTION 2 gist_box_union(internal, internal),
    FUNCTION 5 gist_box_penalty(internal, internal, internal),
    FUNCTION 6 gist_box_picksplit(internal, internal),
    FUNCTION 7 gist_box_same(box, box, internal);

CREATE TABLE bookings (
    id integer PRIMARY KEY,
    span box,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (span box_hash3_ops WITH ###)
);
