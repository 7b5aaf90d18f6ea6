CREATE TABLE public.sale (id integer, amount numeric);
CREATE MATERIALIZED VIEW public.sale_total AS SELECT sum(amount) AS total, count(*) AS n FROM public.sale;
