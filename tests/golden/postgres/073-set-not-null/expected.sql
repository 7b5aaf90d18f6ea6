-- schemerge migration plan

BEGIN;

-- set not null on column public.t.email
--   hazard not-null-on-existing-column: the statement fails if a row of public.t holds NULL in email
--   hazard validation-scan: table public.t is scanned for NULLs
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the scan
ALTER TABLE public.t ALTER COLUMN email SET NOT NULL;

COMMIT;
