-- schemerge migration plan

BEGIN;

-- alter options of column public.t.blob
ALTER TABLE public.t ALTER COLUMN blob SET STORAGE external;

COMMIT;
