-- schemerge migration plan

BEGIN;

-- alter type of column public.t.amount
--   hazard data-loss: column amount: values round or overflow in numeric(8,2)
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column amount
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN amount TYPE numeric(8,2) USING amount::numeric(8,2);

-- alter type of column public.t.code
--   hazard data-loss: column code: values longer than 10 characters make character varying(10) fail
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column code
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN code TYPE character varying(10) USING code::character varying(10);

COMMIT;
