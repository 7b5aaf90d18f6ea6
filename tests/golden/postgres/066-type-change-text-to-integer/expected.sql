-- schemerge migration plan

BEGIN;

-- alter type of column public.t.zip
--   hazard data-loss: column zip: the type changes from text to integer: values that do not convert make the statement fail, others may change
--   hazard table-rewrite: table public.t and its indexes are rewritten to convert column zip
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the change
ALTER TABLE public.t ALTER COLUMN zip TYPE integer USING zip::integer;

COMMIT;
