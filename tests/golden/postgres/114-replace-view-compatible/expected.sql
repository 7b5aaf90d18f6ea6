-- schemerge migration plan

BEGIN;

-- replace view public.v
CREATE OR REPLACE VIEW public.v AS
SELECT id, name FROM public.t WHERE active;

COMMIT;
