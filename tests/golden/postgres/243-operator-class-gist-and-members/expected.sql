-- schemerge migration plan

BEGIN;

-- create operator family public.box_overlap_ops USING gist
CREATE OPERATOR FAMILY public.box_overlap_ops USING gist;

-- create operator family public.box_overlap_ops USING gist
ALTER OPERATOR FAMILY public.box_overlap_ops USING gist ADD
    OPERATOR 3 &&(box,box);

-- create operator class public.box_overlap_ops USING gist
CREATE OPERATOR CLASS public.box_overlap_ops
    FOR TYPE box USING gist FAMILY public.box_overlap_ops AS
    FUNCTION 1 (box, box) gist_box_consistent(internal,box,smallint,oid,internal) ,
    FUNCTION 2 (box, box) gist_box_union(internal,internal) ,
    FUNCTION 5 (box, box) gist_box_penalty(internal,internal,internal) ,
    FUNCTION 6 (box, box) gist_box_picksplit(internal,internal) ,
    FUNCTION 7 (box, box) gist_box_same(box,box,internal);

-- create operator family public.int_sizes_ops USING btree
CREATE OPERATOR FAMILY public.int_sizes_ops USING btree;

-- create operator family public.int_sizes_ops USING btree
ALTER OPERATOR FAMILY public.int_sizes_ops USING btree ADD
    OPERATOR 1 <(integer,bigint) ,
    FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint);

-- create operator class public.int_sizes_ops USING btree
CREATE OPERATOR CLASS public.int_sizes_ops
    FOR TYPE integer USING btree FAMILY public.int_sizes_ops AS
    OPERATOR 1 <(integer,integer) ,
    OPERATOR 3 =(integer,integer) ,
    FUNCTION 1 (integer, integer) btint4cmp(integer,integer);

-- create index public.shapes_bounds_overlap
--   hazard blocking-index-build: writes to public.shapes are blocked while the index is built
CREATE INDEX shapes_bounds_overlap ON public.shapes USING gist (bounds public.box_overlap_ops);

-- create index public.shapes_size
--   hazard blocking-index-build: writes to public.shapes are blocked while the index is built
CREATE INDEX shapes_size ON public.shapes USING btree (size public.int_sizes_ops);

COMMIT;
