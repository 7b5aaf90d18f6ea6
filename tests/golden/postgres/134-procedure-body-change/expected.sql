-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- replace procedure public.purge(integer)
CREATE OR REPLACE PROCEDURE public.purge(keep integer)
    LANGUAGE sql
    AS $$DELETE FROM public.t WHERE id >= keep$$;

COMMIT;
