CREATE TABLE public.t (a integer, b integer);
CREATE FUNCTION public.ratio(a integer, b integer) RETURNS integer LANGUAGE sql AS $$SELECT a / b$$;
CREATE VIEW public.v AS SELECT public.ratio(a, b) AS r FROM public.t;
