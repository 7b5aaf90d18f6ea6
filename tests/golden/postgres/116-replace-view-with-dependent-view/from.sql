CREATE TABLE public.t (id integer, name text);
CREATE VIEW public.v1 AS SELECT id, name FROM public.t;
CREATE VIEW public.v2 AS SELECT id FROM public.v1;
