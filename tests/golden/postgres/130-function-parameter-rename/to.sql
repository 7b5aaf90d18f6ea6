CREATE FUNCTION public.twice(value integer) RETURNS integer LANGUAGE sql AS $$SELECT value * 2$$;
