-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- recreate dependent view public.v
--   hazard dependents-recreated: dropped and created again around the change of function public.ratio(integer, integer)
DROP VIEW public.v;

-- replace function public.ratio(integer, integer)
DROP FUNCTION public.ratio(integer, integer);

-- replace function public.ratio(integer, integer)
CREATE FUNCTION public.ratio(a integer, b integer) RETURNS numeric
    LANGUAGE sql
    AS $$SELECT a::numeric / b$$;

-- recreate dependent view public.v
CREATE VIEW public.v AS
SELECT public.ratio(a, b) AS r FROM public.t;

COMMIT;
