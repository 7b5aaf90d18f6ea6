CREATE TABLE public.t (id integer);
CREATE VIEW public.v AS SELECT id FROM public.t;
COMMENT ON VIEW public.v IS 'new text';
