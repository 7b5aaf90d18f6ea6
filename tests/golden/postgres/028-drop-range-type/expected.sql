-- schemerge migration plan

BEGIN;

-- drop type public.floatrange
DROP TYPE public.floatrange;

COMMIT;
