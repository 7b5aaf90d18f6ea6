CREATE TABLE public.t (id integer, owner_name text);
CREATE VIEW public.v AS SELECT id FROM public.t;
