CREATE FUNCTION public.fmt(x integer) RETURNS text LANGUAGE sql AS $$SELECT x::text$$;
CREATE FUNCTION public.fmt(x numeric, digits integer) RETURNS text LANGUAGE sql AS $$SELECT round(x, digits)::text$$;
