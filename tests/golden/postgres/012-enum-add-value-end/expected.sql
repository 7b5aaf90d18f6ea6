-- schemerge migration plan

-- outside a transaction:

-- add value 'refunded' to type public.order_status
ALTER TYPE public.order_status ADD VALUE 'refunded';
