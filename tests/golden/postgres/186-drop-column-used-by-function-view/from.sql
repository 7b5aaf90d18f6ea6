CREATE TABLE public.t (id integer, a integer, b integer);
CREATE VIEW public.v AS SELECT id, a + b AS s FROM public.t;
