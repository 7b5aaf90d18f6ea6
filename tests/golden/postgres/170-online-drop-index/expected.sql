-- schemerge migration plan

-- outside a transaction:

-- drop index public.t_email_idx
DROP INDEX CONCURRENTLY public.t_email_idx;
