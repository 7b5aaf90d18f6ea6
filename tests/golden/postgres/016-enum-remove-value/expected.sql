-- schemerge migration plan

BEGIN;

-- recreate type public.order_status
--   hazard type-recreated: type public.order_status is dropped and created again; its columns are converted through text
ALTER TYPE public.order_status RENAME TO order_status__schemerge_old;

-- recreate type public.order_status
CREATE TYPE public.order_status AS ENUM ('new', 'paid', 'shipped');

-- recreate type public.order_status
ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT;

-- recreate type public.order_status
--   hazard data-loss: values removed from public.order_status cannot convert: rows of public.orders.status holding them make the statement fail
--   hazard table-rewrite: table public.orders is rewritten to convert column status
--   hazard access-exclusive-lock: table public.orders is locked against reads and writes while it is rewritten
ALTER TABLE public.orders ALTER COLUMN status TYPE public.order_status USING status::text::public.order_status;

-- recreate type public.order_status
ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'new';

-- recreate type public.order_status
DROP TYPE public.order_status__schemerge_old;

COMMIT;
