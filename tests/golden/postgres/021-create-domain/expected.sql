-- schemerge migration plan

BEGIN;

-- create type public.positive_int
CREATE DOMAIN public.positive_int AS integer
    CONSTRAINT positive_int_check CHECK (value > 0);

-- add column public.t.qty
ALTER TABLE public.t ADD COLUMN qty public.positive_int;

COMMIT;
