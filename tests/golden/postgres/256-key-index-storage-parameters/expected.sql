-- schemerge migration plan

BEGIN;

-- drop constraint public.k.k_code_key
ALTER TABLE public.k DROP CONSTRAINT k_code_key;

-- drop constraint public.k.k_pkey
ALTER TABLE public.k DROP CONSTRAINT k_pkey;

-- add constraint public.k.k_code_key
--   hazard validation-scan: an index is built on public.k and every row is checked
--   hazard access-exclusive-lock: table public.k is locked against reads and writes during the build
ALTER TABLE ONLY public.k ADD CONSTRAINT k_code_key UNIQUE (code) WITH (deduplicate_items=off, fillfactor=50);

-- add constraint public.k.k_pkey
--   hazard validation-scan: an index is built on public.k and every row is checked
--   hazard access-exclusive-lock: table public.k is locked against reads and writes during the build
ALTER TABLE ONLY public.k ADD CONSTRAINT k_pkey PRIMARY KEY (id) WITH (fillfactor=90);

-- alter index public.k_lower_code_idx
ALTER INDEX public.k_lower_code_idx ALTER COLUMN 1 SET STATISTICS 1000;

-- alter index public.k_lower_code_idx
ALTER INDEX public.k_lower_code_idx ALTER COLUMN 2 SET STATISTICS -1;

COMMIT;
