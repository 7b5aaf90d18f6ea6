-- schemerge migration plan

BEGIN;

-- add constraint public.t.t_qty_check
--   hazard validation-scan: table public.t is scanned to check every row
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the scan
ALTER TABLE public.t ADD CONSTRAINT t_qty_check CHECK (qty >= 0);

COMMIT;
