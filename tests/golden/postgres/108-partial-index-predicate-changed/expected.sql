-- schemerge migration plan

BEGIN;

-- drop index public.job_pending
--   hazard access-exclusive-lock: table public.job is locked while the index is dropped
DROP INDEX public.job_pending;

-- create index public.job_pending
--   hazard blocking-index-build: writes to public.job are blocked while the index is built
CREATE INDEX job_pending ON public.job USING btree (run_at) WHERE (state IN ('pending', 'retry'));

COMMIT;
