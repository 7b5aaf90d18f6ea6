-- schemerge migration plan

BEGIN;

-- setup: check SQL function bodies when they run, not while the plan creates them
SET check_function_bodies = false;

-- replace function public.pair_sum(public.pair)
DROP FUNCTION public.pair_sum(public.pair);

-- recreate type public.pair
--   hazard type-recreated: type public.pair is dropped and created again; its columns are converted through text
ALTER TYPE public.pair RENAME TO pair__schemerge_old;

-- recreate type public.pair
CREATE TYPE public.pair AS (
    a integer,
    b integer,
    c integer
);

-- recreate type public.pair
DROP TYPE public.pair__schemerge_old;

-- replace function public.pair_sum(public.pair)
CREATE FUNCTION public.pair_sum(p public.pair) RETURNS integer
    LANGUAGE sql
    AS $$SELECT p.a + p.b + p.c$$;

COMMIT;
