CREATE TABLE public.t (id integer, name text, active boolean);
CREATE VIEW public.v AS SELECT name, id FROM public.t;
