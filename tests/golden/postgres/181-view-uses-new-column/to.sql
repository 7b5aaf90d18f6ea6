CREATE TABLE public.t (id integer, label text);
CREATE VIEW public.v AS SELECT id, label FROM public.t;
