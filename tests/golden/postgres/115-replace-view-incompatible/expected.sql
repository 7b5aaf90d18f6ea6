-- schemerge migration plan

BEGIN;

-- replace view public.v
DROP VIEW public.v;

-- replace view public.v
CREATE VIEW public.v AS
SELECT name, id FROM public.t;

COMMIT;
