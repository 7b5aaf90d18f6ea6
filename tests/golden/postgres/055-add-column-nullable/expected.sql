-- schemerge migration plan

BEGIN;

-- add column public.t.note
ALTER TABLE public.t ADD COLUMN note text;

COMMIT;
