-- schemerge migration plan

BEGIN;

-- set comment on function public.add_one(integer)
COMMENT ON FUNCTION public.add_one(integer) IS 'increments';

COMMIT;
