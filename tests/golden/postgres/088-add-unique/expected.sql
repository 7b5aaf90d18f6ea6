-- schemerge migration plan

BEGIN;

-- add constraint public.u.u_email_key
--   hazard validation-scan: an index is built on public.u and every row is checked
--   hazard access-exclusive-lock: table public.u is locked against reads and writes during the build
ALTER TABLE ONLY public.u ADD CONSTRAINT u_email_key UNIQUE (email);

COMMIT;
