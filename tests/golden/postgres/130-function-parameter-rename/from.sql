CREATE FUNCTION public.twice(n integer) RETURNS integer LANGUAGE sql AS $$SELECT n * 2$$;
