-- schemerge migration plan

BEGIN;

-- replace view public.v
DROP VIEW public.v;

-- drop column public.t.b
--   hazard data-loss: column b of public.t and its values are dropped
ALTER TABLE public.t DROP COLUMN b;

-- replace view public.v
CREATE VIEW public.v AS
SELECT id, a FROM public.t;

COMMIT;
