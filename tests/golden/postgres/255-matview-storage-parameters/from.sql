CREATE TABLE public.sale (id integer, amount numeric);
CREATE MATERIALIZED VIEW public.sale_total WITH (fillfactor = 50, autovacuum_enabled = false) AS SELECT sum(amount) AS total FROM public.sale;
CREATE MATERIALIZED VIEW public.sale_count AS SELECT count(*) AS n FROM public.sale;
CREATE MATERIALIZED VIEW public.sale_max WITH (fillfactor = 50) AS SELECT max(amount) AS top FROM public.sale;
