-- schemerge migration plan

BEGIN;

-- drop view public.active_t
DROP VIEW public.active_t;

COMMIT;
