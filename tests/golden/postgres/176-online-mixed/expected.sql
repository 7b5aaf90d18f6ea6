-- schemerge migration plan

BEGIN;

-- add column public.c.extra
ALTER TABLE public.c ADD COLUMN extra integer DEFAULT 0 NOT NULL;

-- set not null on column public.c.id
ALTER TABLE public.c ADD CONSTRAINT c_id_not_null CHECK (id IS NOT NULL) NOT VALID;

-- add constraint public.c.c_p_id_fkey
ALTER TABLE ONLY public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

COMMIT;

-- after the transaction (CONCURRENTLY cannot run inside one; VALIDATE CONSTRAINT runs on its own to keep its lock light):

-- set not null on column public.c.id
--   hazard not-null-on-existing-column: validation fails if a row of public.c holds NULL in id
--   hazard validation-scan: table public.c is scanned without blocking reads or writes
ALTER TABLE public.c VALIDATE CONSTRAINT c_id_not_null;

-- set not null on column public.c.id
ALTER TABLE public.c ALTER COLUMN id SET NOT NULL;

-- set not null on column public.c.id
ALTER TABLE public.c DROP CONSTRAINT c_id_not_null;

-- create index public.c_id_key
CREATE UNIQUE INDEX CONCURRENTLY c_id_key ON public.c USING btree (id);

-- add constraint public.c.c_p_id_fkey
--   hazard validation-scan: table public.c is scanned without blocking reads or writes
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
