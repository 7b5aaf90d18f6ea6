CREATE FUNCTION public.area(w integer, h integer) RETURNS integer LANGUAGE sql AS $$SELECT w * h$$;
