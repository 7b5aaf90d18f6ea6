CREATE TABLE public.t (id integer, price integer);
CREATE VIEW public.v AS SELECT id, price FROM public.t WHERE price > 0;
