-- schemerge migration plan

BEGIN;

-- drop materialized view public.sale_total
DROP MATERIALIZED VIEW public.sale_total;

COMMIT;
