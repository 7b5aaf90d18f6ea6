-- schemerge migration plan

-- outside a transaction:

-- add value 'medium' to type public.level AFTER 'low'
ALTER TYPE public.level ADD VALUE 'medium' AFTER 'low';
