CREATE FUNCTION public.int_max(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$SELECT greatest(a, b)$$;
