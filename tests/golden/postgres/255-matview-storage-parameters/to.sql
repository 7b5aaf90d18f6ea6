CREATE TABLE public.sale (id integer, amount numeric);
CREATE MATERIALIZED VIEW public.sale_total WITH (fillfactor = 60) AS SELECT sum(amount) AS total FROM public.sale;
CREATE MATERIALIZED VIEW public.sale_count WITH (autovacuum_enabled = false) AS SELECT count(*) AS n FROM public.sale;
CREATE MATERIALIZED VIEW public.sale_max AS SELECT max(amount) AS top FROM public.sale;
