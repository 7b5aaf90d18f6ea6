-- schemerge migration plan

BEGIN;

-- create table public.items
CREATE TABLE public.items (
    id integer,
    name text
);

-- create function public.item_count()
CREATE FUNCTION public.item_count() RETURNS bigint
    LANGUAGE sql
BEGIN ATOMIC
  SELECT count(*) FROM public.items;
END;

COMMIT;
