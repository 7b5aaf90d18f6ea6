-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create function public.add_one(integer)
CREATE FUNCTION public.add_one(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$SELECT x + 1$$;

COMMIT;
