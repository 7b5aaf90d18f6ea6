-- schemerge migration plan

BEGIN;

-- drop column public.t.legacy
--   hazard data-loss: column legacy of public.t and its values are dropped
ALTER TABLE public.t DROP COLUMN legacy;

COMMIT;
