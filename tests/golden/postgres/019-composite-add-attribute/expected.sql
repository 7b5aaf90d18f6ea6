-- schemerge migration plan

BEGIN;

-- recreate type public.pair
--   hazard type-recreated: type public.pair is dropped and created again; its columns are converted through text
ALTER TYPE public.pair RENAME TO pair__schemerge_old;

-- recreate type public.pair
CREATE TYPE public.pair AS (
    a integer,
    b integer,
    c text
);

-- recreate type public.pair
DROP TYPE public.pair__schemerge_old;

COMMIT;
