-- schemerge migration plan

BEGIN;

-- alter type public.email
--   hazard validation-scan: every column of domain public.email is scanned; the statement fails if one holds NULL
ALTER DOMAIN public.email SET NOT NULL;

COMMIT;
