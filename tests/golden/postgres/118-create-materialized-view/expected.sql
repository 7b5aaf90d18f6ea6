-- schemerge migration plan

BEGIN;

-- create materialized view public.sale_total
--   hazard table-rewrite: materialized view public.sale_total is populated by running its query
CREATE MATERIALIZED VIEW public.sale_total AS
SELECT sum(amount) AS total FROM public.sale;

-- create index public.sale_total_idx
CREATE INDEX sale_total_idx ON public.sale_total USING btree (total);

COMMIT;
