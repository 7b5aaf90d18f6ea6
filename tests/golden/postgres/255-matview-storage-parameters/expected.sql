-- schemerge migration plan

BEGIN;

-- replace materialized view public.sale_count
ALTER MATERIALIZED VIEW public.sale_count SET (autovacuum_enabled=false);

-- replace materialized view public.sale_max
ALTER MATERIALIZED VIEW public.sale_max RESET (fillfactor);

-- replace materialized view public.sale_total
ALTER MATERIALIZED VIEW public.sale_total RESET (autovacuum_enabled);

-- replace materialized view public.sale_total
ALTER MATERIALIZED VIEW public.sale_total SET (fillfactor=60);

COMMIT;
