-- schemerge migration plan

BEGIN;

-- alter sequence public.s
--   hazard data-loss: a narrower sequence type fails if the current value does not fit
ALTER SEQUENCE public.s AS bigint;

COMMIT;
