-- schemerge migration plan

BEGIN;

-- drop default of column public.t.created_at
ALTER TABLE public.t ALTER COLUMN created_at DROP DEFAULT;

COMMIT;
