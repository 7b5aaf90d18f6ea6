-- schemerge migration plan

BEGIN;

-- recreate dependent view public.v2
--   hazard dependents-recreated: dropped and created again around the change of view public.v1
DROP VIEW public.v2;

-- recreate dependent view public.v1
--   hazard dependents-recreated: dropped and created again around the change of column public.t.amount
DROP VIEW public.v1;

-- alter type of column public.t.amount
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column amount
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN amount TYPE bigint USING amount::bigint;

-- recreate dependent view public.v1
CREATE VIEW public.v1 AS
SELECT id, amount FROM public.t;

-- recreate dependent view public.v2
CREATE VIEW public.v2 AS
SELECT id, amount * 2 AS doubled FROM public.v1;

COMMIT;
