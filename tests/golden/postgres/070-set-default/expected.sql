-- schemerge migration plan

BEGIN;

-- set default of column public.t.status
ALTER TABLE public.t ALTER COLUMN status SET DEFAULT 'draft';

COMMIT;
