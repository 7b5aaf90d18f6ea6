-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create function public.fmt(numeric, integer)
CREATE FUNCTION public.fmt(x numeric, digits integer) RETURNS text
    LANGUAGE sql
    AS $$SELECT round(x, digits)::text$$;

COMMIT;
