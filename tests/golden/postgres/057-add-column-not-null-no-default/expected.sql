-- schemerge migration plan

BEGIN;

-- add column public.t.code
--   hazard not-null-on-existing-column: column code is NOT NULL without a default: the statement fails if public.t has rows
ALTER TABLE public.t ADD COLUMN code text NOT NULL;

COMMIT;
