CREATE FUNCTION public.fmt(x integer) RETURNS text LANGUAGE sql AS $$SELECT x::text$$;
