CREATE TABLE public.t (id integer, a integer);
CREATE VIEW public.v AS SELECT id, a AS s FROM public.t;
