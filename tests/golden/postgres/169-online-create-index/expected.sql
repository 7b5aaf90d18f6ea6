-- schemerge migration plan

-- outside a transaction:

-- create index public.t_email_idx
CREATE INDEX CONCURRENTLY t_email_idx ON public.t USING btree (email);
