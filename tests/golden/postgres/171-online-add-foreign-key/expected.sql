-- schemerge migration plan

BEGIN;

-- add constraint public.c.c_p_id_fkey
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

COMMIT;

-- outside a transaction (PostgreSQL forbids it inside one):

-- add constraint public.c.c_p_id_fkey
--   hazard validation-scan: table public.c is scanned without blocking reads or writes
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
