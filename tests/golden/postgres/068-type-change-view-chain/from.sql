CREATE TABLE public.t (id integer, amount integer);
CREATE VIEW public.v1 AS SELECT id, amount FROM public.t;
CREATE VIEW public.v2 AS SELECT id, amount * 2 AS doubled FROM public.v1;
