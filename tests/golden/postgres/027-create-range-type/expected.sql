-- schemerge migration plan

BEGIN;

-- create type public.floatrange
CREATE TYPE public.floatrange AS RANGE (
    subtype = double precision,
    subtype_diff = float8mi
);

-- add column public.t.span
ALTER TABLE public.t ADD COLUMN span public.floatrange;

COMMIT;
