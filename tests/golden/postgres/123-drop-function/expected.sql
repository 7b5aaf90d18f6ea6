-- schemerge migration plan

BEGIN;

-- drop function public.add_one(integer)
DROP FUNCTION public.add_one(integer);

COMMIT;
