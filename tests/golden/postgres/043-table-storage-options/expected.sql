-- schemerge migration plan

BEGIN;

-- alter table public.t
ALTER TABLE public.t SET (autovacuum_enabled=false, fillfactor=70);

COMMIT;
