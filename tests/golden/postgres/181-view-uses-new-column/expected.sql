-- schemerge migration plan

BEGIN;

-- add column public.t.label
ALTER TABLE public.t ADD COLUMN label text;

-- replace view public.v
CREATE OR REPLACE VIEW public.v AS
SELECT id, label FROM public.t;

COMMIT;
