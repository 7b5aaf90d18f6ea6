CREATE TABLE public.keep (id integer);
CREATE TABLE public.items (id integer, name text);
CREATE FUNCTION public.item_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
  SELECT count(*) FROM public.items;
END;
