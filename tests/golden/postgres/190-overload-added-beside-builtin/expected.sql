-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- create function public.lower(text[])
CREATE FUNCTION public.lower(text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT array_agg(lower(x)) FROM unnest($1) AS x $_$;

COMMIT;
