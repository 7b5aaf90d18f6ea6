-- schemerge migration plan

BEGIN;

-- set default of column public.t.retries
ALTER TABLE public.t ALTER COLUMN retries SET DEFAULT 5;

COMMIT;
