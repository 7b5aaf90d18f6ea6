-- schemerge migration plan

BEGIN;

-- replace materialized view public.sale_total
--   hazard dependents-recreated: materialized view public.sale_total is dropped and created again: it is empty until its query has run
DROP MATERIALIZED VIEW public.sale_total;

-- replace materialized view public.sale_total
--   hazard table-rewrite: materialized view public.sale_total is populated by running its query
CREATE MATERIALIZED VIEW public.sale_total AS
SELECT sum(amount) AS total, count(*) AS n FROM public.sale;

COMMIT;
