-- schemerge migration plan

BEGIN;

-- alter index public.accounts_email_lower_idx
ALTER INDEX public.accounts_email_lower_idx ALTER COLUMN 1 SET STATISTICS 1000;

-- alter index public.accounts_email_lower_idx
ALTER INDEX public.accounts_email_lower_idx ALTER COLUMN 3 SET STATISTICS -1;

-- create index public.accounts_email_upper_idx
--   hazard blocking-index-build: writes to public.accounts are blocked while the index is built
CREATE INDEX accounts_email_upper_idx ON public.accounts USING btree ((upper(email)));

-- create index public.accounts_email_upper_idx
ALTER INDEX public.accounts_email_upper_idx ALTER COLUMN 1 SET STATISTICS 500;

COMMIT;
