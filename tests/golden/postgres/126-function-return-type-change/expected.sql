-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- replace function public.ratio(integer, integer)
DROP FUNCTION public.ratio(integer, integer);

-- replace function public.ratio(integer, integer)
CREATE FUNCTION public.ratio(a integer, b integer) RETURNS numeric
    LANGUAGE sql
    AS $$SELECT a::numeric / b$$;

COMMIT;
