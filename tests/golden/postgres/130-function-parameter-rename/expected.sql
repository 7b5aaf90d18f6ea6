-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- replace function public.twice(integer)
DROP FUNCTION public.twice(integer);

-- replace function public.twice(integer)
CREATE FUNCTION public.twice(value integer) RETURNS integer
    LANGUAGE sql
    AS $$SELECT value * 2$$;

COMMIT;
