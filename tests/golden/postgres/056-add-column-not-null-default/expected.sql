-- schemerge migration plan

BEGIN;

-- add column public.t.active
ALTER TABLE public.t ADD COLUMN active boolean DEFAULT true NOT NULL;

COMMIT;
