CREATE FUNCTION public.ratio(a integer, b integer) RETURNS numeric LANGUAGE sql AS $$SELECT a::numeric / b$$;
