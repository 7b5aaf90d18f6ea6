-- schemerge migration plan

BEGIN;

-- alter identity of column public.t.id
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

COMMIT;
