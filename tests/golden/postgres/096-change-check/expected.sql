-- schemerge migration plan

BEGIN;

-- drop constraint public.t.qty_range
ALTER TABLE public.t DROP CONSTRAINT qty_range;

-- add constraint public.t.qty_range
--   hazard validation-scan: table public.t is scanned to check every row
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the scan
ALTER TABLE public.t ADD CONSTRAINT qty_range CHECK (qty >= 0 AND qty <= 1000);

COMMIT;
