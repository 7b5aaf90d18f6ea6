-- schemerge migration plan

BEGIN;

-- recreate dependent view public.v
--   hazard dependents-recreated: dropped and created again around the change of column public.t.price
DROP VIEW public.v;

-- alter type of column public.t.price
--   hazard data-loss: column price: integers with more digits than numeric(10,2) allows make the conversion fail
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column price
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(10,2) USING price::numeric(10,2);

-- recreate dependent view public.v
CREATE VIEW public.v AS
SELECT id, price FROM public.t WHERE price > 0;

COMMIT;
