-- schemerge migration plan

BEGIN;

-- alter type public.qty
ALTER DOMAIN public.qty SET DEFAULT 1;

COMMIT;
