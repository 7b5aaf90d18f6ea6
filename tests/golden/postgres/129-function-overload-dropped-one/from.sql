CREATE FUNCTION public.fmt(x integer) RETURNS text LANGUAGE sql AS $$SELECT x::text$$;
CREATE FUNCTION public.fmt(x text) RETURNS text LANGUAGE sql AS $$SELECT x$$;
