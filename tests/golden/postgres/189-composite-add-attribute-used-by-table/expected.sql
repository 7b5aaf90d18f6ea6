-- schemerge migration plan

BEGIN;

-- alter type public.address
ALTER TYPE public.address ADD ATTRIBUTE zip character varying(10), ADD ATTRIBUTE country text COLLATE pg_catalog."C";

COMMIT;
