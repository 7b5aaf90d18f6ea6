-- schemerge migration plan

BEGIN;

-- alter type public.pct
ALTER DOMAIN public.pct DROP CONSTRAINT pct_range;

COMMIT;
