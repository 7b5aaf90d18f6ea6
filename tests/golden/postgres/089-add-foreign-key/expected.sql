-- schemerge migration plan

BEGIN;

-- add constraint public.c.c_p_id_fkey
--   hazard validation-scan: table public.c is scanned to check every row against public.p; both tables are locked against writes meanwhile
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) ON DELETE SET NULL;

COMMIT;
