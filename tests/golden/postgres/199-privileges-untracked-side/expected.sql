-- schemerge migration plan

BEGIN;

-- add column public.notes.author
ALTER TABLE public.notes ADD COLUMN author text;

COMMIT;
