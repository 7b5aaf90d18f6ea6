CREATE FUNCTION public.add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT x + 1$$;
COMMENT ON FUNCTION public.add_one(integer) IS 'increments';
