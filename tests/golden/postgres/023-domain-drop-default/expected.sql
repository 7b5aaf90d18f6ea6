-- schemerge migration plan

BEGIN;

-- alter type public.qty
ALTER DOMAIN public.qty DROP DEFAULT;

COMMIT;
