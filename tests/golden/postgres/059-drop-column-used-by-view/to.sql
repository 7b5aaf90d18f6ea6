CREATE TABLE public.t (id integer, a text);
CREATE VIEW public.v AS SELECT id, a FROM public.t;
