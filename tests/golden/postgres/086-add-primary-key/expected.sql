-- schemerge migration plan

BEGIN;

-- set not null on column public.t.id
--   hazard not-null-on-existing-column: the statement fails if a row of public.t holds NULL in id
--   hazard validation-scan: table public.t is scanned for NULLs
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the scan
ALTER TABLE public.t ALTER COLUMN id SET NOT NULL;

-- add constraint public.t.t_pkey
--   hazard validation-scan: an index is built on public.t and every row is checked
--   hazard access-exclusive-lock: table public.t is locked against reads and writes during the build
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);

COMMIT;
