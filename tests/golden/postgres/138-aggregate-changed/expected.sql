-- schemerge migration plan

BEGIN;

-- replace aggregate public.my_max(integer)
DROP AGGREGATE public.my_max(integer);

-- replace aggregate public.my_max(integer)
CREATE AGGREGATE public.my_max(integer) (
    initcond = '0',
    sfunc = public.int_max,
    stype = integer
);

COMMIT;
