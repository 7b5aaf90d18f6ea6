-- schemerge migration plan

-- outside a transaction:

-- add constraint public.u.u_email_key
--   hazard validation-scan: the unique index is built without blocking writes; it fails on duplicates and leaves an invalid index to drop
CREATE UNIQUE INDEX CONCURRENTLY u_email_key ON public.u USING btree (email);

-- add constraint public.u.u_email_key
ALTER TABLE public.u ADD CONSTRAINT u_email_key UNIQUE USING INDEX u_email_key;
