-- schemerge migration plan

BEGIN;

-- rename table public.customer (was client)
ALTER TABLE public.client RENAME TO customer;

COMMIT;
