-- schemerge migration plan

BEGIN;

-- alter type public.email
--   hazard validation-scan: every column of domain public.email is checked; the statement fails if a value violates it
ALTER DOMAIN public.email ADD CONSTRAINT email_check CHECK (value ~ '@');

COMMIT;
