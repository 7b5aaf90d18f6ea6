-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- drop function public.fmt(text)
DROP FUNCTION public.fmt(text);

-- replace function public.fmt(integer)
CREATE OR REPLACE FUNCTION public.fmt(x integer) RETURNS text
    LANGUAGE sql
    AS $$SELECT 'n=' || x::text$$;

COMMIT;
