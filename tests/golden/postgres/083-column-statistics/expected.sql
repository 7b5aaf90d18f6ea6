-- schemerge migration plan

BEGIN;

-- alter options of column public.t.v
ALTER TABLE public.t ALTER COLUMN v SET STATISTICS 500;

COMMIT;
