CREATE TABLE public.t (id integer, active boolean);
CREATE VIEW public.active_t AS SELECT id FROM public.t WHERE active;
