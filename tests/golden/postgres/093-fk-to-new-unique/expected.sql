-- schemerge migration plan

BEGIN;

-- add constraint public.p.p_code_key
--   hazard validation-scan: an index is built on public.p and every row is checked
--   hazard access-exclusive-lock: table public.p is locked against reads and writes during the build
ALTER TABLE ONLY public.p ADD CONSTRAINT p_code_key UNIQUE (code);

-- add constraint public.c.c_p_code_fkey
--   hazard validation-scan: table public.c is scanned to check every row against public.p; both tables are locked against writes meanwhile
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_code_fkey FOREIGN KEY (p_code) REFERENCES public.p(code);

COMMIT;
