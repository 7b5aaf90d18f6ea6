CREATE TYPE public.pair AS (a integer, b integer);
CREATE FUNCTION public.pair_sum(p public.pair) RETURNS integer LANGUAGE sql AS $$SELECT p.a + p.b$$;
