-- schemerge migration plan

-- outside a transaction:

-- add value 'paid' to type public.order_status AFTER 'new'
ALTER TYPE public.order_status ADD VALUE 'paid' AFTER 'new';
