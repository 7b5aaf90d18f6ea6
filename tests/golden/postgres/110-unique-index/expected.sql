-- schemerge migration plan

BEGIN;

-- drop index public.u_email
--   hazard access-exclusive-lock: table public.u is locked while the index is dropped
DROP INDEX public.u_email;

-- create index public.u_email
--   hazard blocking-index-build: writes to public.u are blocked while the index is built
CREATE UNIQUE INDEX u_email ON public.u USING btree (email);

COMMIT;
