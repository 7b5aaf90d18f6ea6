CREATE FUNCTION public.add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT x + 1$$;
