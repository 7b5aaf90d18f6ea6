-- schemerge migration plan

BEGIN;

-- alter table public.t
ALTER TABLE ONLY public.t REPLICA IDENTITY FULL;

COMMIT;
