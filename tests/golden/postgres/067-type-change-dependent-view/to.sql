CREATE TABLE public.t (id integer, price numeric(10,2));
CREATE VIEW public.v AS SELECT id, price FROM public.t WHERE price > 0;
