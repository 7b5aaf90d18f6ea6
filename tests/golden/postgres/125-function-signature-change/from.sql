CREATE FUNCTION public.area(w integer) RETURNS integer LANGUAGE sql AS $$SELECT w * w$$;
