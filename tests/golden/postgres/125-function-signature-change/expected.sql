-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- drop function public.area(integer)
DROP FUNCTION public.area(integer);

-- create function public.area(integer, integer)
CREATE FUNCTION public.area(w integer, h integer) RETURNS integer
    LANGUAGE sql
    AS $$SELECT w * h$$;

COMMIT;
