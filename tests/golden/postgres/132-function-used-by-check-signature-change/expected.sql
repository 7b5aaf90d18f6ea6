-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- recreate dependent constraint public.t.t_v_valid
--   hazard dependents-recreated: dropped and created again around the change of function public.is_valid(integer)
ALTER TABLE public.t DROP CONSTRAINT t_v_valid;

-- drop function public.is_valid(integer)
DROP FUNCTION public.is_valid(integer);

-- create function public.is_valid(bigint)
CREATE FUNCTION public.is_valid(v bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$SELECT v > 0$$;

-- recreate dependent constraint public.t.t_v_valid
--   hazard validation-scan: table public.t is scanned to check every row
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the scan
ALTER TABLE public.t ADD CONSTRAINT t_v_valid CHECK (public.is_valid(v));

COMMIT;
