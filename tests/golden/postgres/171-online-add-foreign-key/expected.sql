-- schemerge migration plan

BEGIN;

-- add constraint public.c.c_p_id_fkey
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

COMMIT;

-- after the transaction (CONCURRENTLY cannot run inside one; VALIDATE CONSTRAINT runs on its own to keep its lock light):

-- add constraint public.c.c_p_id_fkey
--   hazard validation-scan: table public.c is scanned without blocking reads or writes
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
