CREATE TABLE public.sale (id integer, amount numeric);
CREATE MATERIALIZED VIEW public.sale_total AS SELECT sum(amount) AS total FROM public.sale;
CREATE INDEX sale_total_idx ON public.sale_total (total);
