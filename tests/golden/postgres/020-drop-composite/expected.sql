-- schemerge migration plan

BEGIN;

-- drop type public.pair
DROP TYPE public.pair;

COMMIT;
