-- schemerge migration plan

BEGIN;

-- drop aggregate public.my_max(integer)
DROP AGGREGATE public.my_max(integer);

COMMIT;
