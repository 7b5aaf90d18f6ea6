-- schemerge migration plan

BEGIN;

-- create type public.order_status
CREATE TYPE public.order_status AS ENUM ('new', 'paid', 'shipped');

-- add column public.orders.status
ALTER TABLE public.orders ADD COLUMN status public.order_status DEFAULT 'new' NOT NULL;

COMMIT;
