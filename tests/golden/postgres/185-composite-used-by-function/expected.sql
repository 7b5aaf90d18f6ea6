-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- alter type public.pair
ALTER TYPE public.pair ADD ATTRIBUTE c integer;

-- replace function public.pair_sum(public.pair)
CREATE OR REPLACE FUNCTION public.pair_sum(p public.pair) RETURNS integer
    LANGUAGE sql
    AS $$SELECT p.a + p.b + p.c$$;

COMMIT;
