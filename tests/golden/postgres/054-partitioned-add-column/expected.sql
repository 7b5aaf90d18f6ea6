-- schemerge migration plan

BEGIN;

-- add column public.m.extra
ALTER TABLE public.m ADD COLUMN extra integer;

COMMIT;
