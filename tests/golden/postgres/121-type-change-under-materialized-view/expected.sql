-- schemerge migration plan

BEGIN;

-- recreate dependent materialized view public.sale_total
--   hazard dependents-recreated: dropped and created again around the change of column public.sale.amount
DROP MATERIALIZED VIEW public.sale_total;

-- alter type of column public.sale.amount
--   hazard table-rewrite: table public.sale and its indexes are rewritten to convert column amount
--   hazard access-exclusive-lock: table public.sale is locked against reads and writes during the change
ALTER TABLE public.sale ALTER COLUMN amount TYPE numeric(12,2) USING amount::numeric(12,2);

-- recreate dependent materialized view public.sale_total
--   hazard table-rewrite: materialized view public.sale_total is populated by running its query
CREATE MATERIALIZED VIEW public.sale_total AS
SELECT sum(amount) AS total FROM public.sale;

COMMIT;
