-- schemerge migration plan

BEGIN;

-- create aggregate public.my_max(integer)
CREATE AGGREGATE public.my_max(integer) (
    sfunc = public.int_max,
    stype = integer
);

COMMIT;
