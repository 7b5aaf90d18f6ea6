CREATE TABLE shapes (
    id integer PRIMARY KEY,
    bounds box,
    size integer
);

-- GiST: the operator is a loose member of the family (PostgreSQL ties only the required
-- support functions to the class), so pg_dump writes it in ALTER OPERATOR FAMILY … ADD.
CREATE OPERATOR CLASS box_overlap_ops FOR TYPE box USING gist AS
    OPERATOR 3 &&,
    FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal),
    FUNCTION 2 gist_box_union(internal, internal),
    FUNCTION 5 gist_box_penalty(internal, internal, internal),
    FUNCTION 6 gist_box_picksplit(internal, internal),
    FUNCTION 7 gist_box_same(box, box, internal);

CREATE INDEX shapes_bounds_overlap ON shapes USING gist (bounds box_overlap_ops);

-- btree: a member added to the family for the class's own type is tied to the class;
-- cross-type members stay loose.
CREATE OPERATOR CLASS int_sizes_ops FOR TYPE integer USING btree AS
    FUNCTION 1 btint4cmp(integer, integer);
ALTER OPERATOR FAMILY int_sizes_ops USING btree ADD
    OPERATOR 1 < (integer, integer),
    OPERATOR 3 = (integer, integer),
    OPERATOR 1 < (integer, bigint),
    FUNCTION 1 (integer, bigint) btint48cmp(integer, bigint);

CREATE INDEX shapes_size ON shapes (size int_sizes_ops);
