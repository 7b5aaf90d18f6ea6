-- schemerge migration plan

BEGIN;

-- create type public.address
CREATE TYPE public.address AS (
    street text,
    city text,
    zip character varying(10)
);

-- add column public.t.home
ALTER TABLE public.t ADD COLUMN home public.address;

COMMIT;
