CREATE TABLE public.t (id integer, a text, b text);
CREATE VIEW public.v AS SELECT id, a, b FROM public.t;
