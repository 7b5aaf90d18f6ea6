-- schemerge migration plan

BEGIN;

-- alter sequence public.s
ALTER SEQUENCE public.s AS bigint;

COMMIT;
