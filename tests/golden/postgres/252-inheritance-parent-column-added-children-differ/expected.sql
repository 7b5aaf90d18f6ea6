-- schemerge migration plan

BEGIN;

-- add column public.jobs.priority
ALTER TABLE public.jobs ADD COLUMN priority integer DEFAULT 5;

-- add column public.jobs_manual_urgent.priority
ALTER TABLE ONLY public.jobs_manual_urgent ALTER COLUMN priority SET DEFAULT 9;

-- add column public.jobs_nightly.priority
ALTER TABLE ONLY public.jobs_nightly ALTER COLUMN priority SET DEFAULT 1;

-- add column public.jobs_manual.priority
--   hazard not-null-on-existing-column: the statement fails if a row of public.jobs_manual holds NULL in priority
--   hazard validation-scan: table public.jobs_manual is scanned for NULLs
--   hazard access-exclusive-lock: table public.jobs_manual is locked against reads and writes during the scan
ALTER TABLE ONLY public.jobs_manual ALTER COLUMN priority SET NOT NULL;

-- add column public.jobs_manual_urgent.priority
--   hazard not-null-on-existing-column: the statement fails if a row of public.jobs_manual_urgent holds NULL in priority
--   hazard validation-scan: table public.jobs_manual_urgent is scanned for NULLs
--   hazard access-exclusive-lock: table public.jobs_manual_urgent is locked against reads and writes during the scan
ALTER TABLE ONLY public.jobs_manual_urgent ALTER COLUMN priority SET NOT NULL;

-- create index public.jobs_manual_priority_idx
--   hazard blocking-index-build: writes to public.jobs_manual are blocked while the index is built
CREATE INDEX jobs_manual_priority_idx ON public.jobs_manual USING btree (priority);

COMMIT;
