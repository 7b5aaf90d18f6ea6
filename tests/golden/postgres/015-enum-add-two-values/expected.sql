-- schemerge migration plan

-- outside a transaction:

-- add value 'green' to type public.color AFTER 'red'
ALTER TYPE public.color ADD VALUE 'green' AFTER 'red';

-- add value 'black' to type public.color
ALTER TYPE public.color ADD VALUE 'black';
