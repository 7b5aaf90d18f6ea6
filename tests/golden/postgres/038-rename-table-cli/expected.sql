-- schemerge migration plan

BEGIN;

-- rename table public.customer (was client)
ALTER TABLE public.client RENAME TO customer;

-- rename constraint public.customer.customer_pkey (was client_pkey)
ALTER TABLE public.customer RENAME CONSTRAINT client_pkey TO customer_pkey;

COMMIT;
