-- schemerge migration plan

BEGIN;

-- create index public.u_lower_email
--   hazard blocking-index-build: writes to public.u are blocked while the index is built
CREATE INDEX u_lower_email ON public.u USING btree ((lower(email)));

COMMIT;
