-- schemerge migration plan

BEGIN;

-- drop constraint public.c.c_p_fk
ALTER TABLE public.c DROP CONSTRAINT c_p_fk;

-- add constraint public.c.c_p_fk
--   hazard validation-scan: table public.c is scanned to check every row against public.p; both tables are locked against writes meanwhile
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES public.p(id) ON DELETE CASCADE;

COMMIT;
