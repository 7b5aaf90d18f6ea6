-- schemerge migration plan

BEGIN;

-- recreate dependent view public.v2
--   hazard dependents-recreated: dropped and created again around the change of view public.v1
DROP VIEW public.v2;

-- replace view public.v1
DROP VIEW public.v1;

-- replace view public.v1
CREATE VIEW public.v1 AS
SELECT id, upper(name) AS name_upper FROM public.t;

-- recreate dependent view public.v2
CREATE VIEW public.v2 AS
SELECT id FROM public.v1;

COMMIT;
