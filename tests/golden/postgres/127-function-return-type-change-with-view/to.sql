CREATE TABLE public.t (a integer, b integer);
CREATE FUNCTION public.ratio(a integer, b integer) RETURNS numeric LANGUAGE sql AS $$SELECT a::numeric / b$$;
CREATE VIEW public.v AS SELECT public.ratio(a, b) AS r FROM public.t;
